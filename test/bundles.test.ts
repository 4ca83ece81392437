import { describe, expect, it } from 'vitest';
import { runBundle } from './helpers/run-bundle.js';
import { bundles } from '../scripts/bundles.mjs';

// Every bundle must at least start: ESM bundling mistakes only show at run time.
describe('bundles start', () => {
  it('deploy-post starts, and with no recorded deploy has nothing to check (exit 0)', async () => {
    const run = await runBundle('deploy-post', { 'working-directory': '/nonexistent-mlops-dir' });
    expect(run.stderr).not.toMatch(/ERR_REQUIRE_ESM|SyntaxError|Cannot find module/);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/Nothing to check/);
  });
  for (const b of bundles.filter((x: { name: string }) => x.name !== 'cli' && x.name !== 'deploy-post')) {
    it(`${b.name} starts and reports through the runner protocol`, async () => {
      const run = await runBundle(b.name, { 'working-directory': '/nonexistent-mlops-dir' });
      expect(run.stderr).not.toMatch(/ERR_REQUIRE_ESM|SyntaxError|Cannot find module/);
      // With a missing repo it must fail cleanly: an ::error:: line, exit 1, no stack trace.
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/::error/);
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    });
  }
});
