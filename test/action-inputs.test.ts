/**
 * Inputs every built action treats alike: a required input that is missing fails the step at
 * once, before settings, files or CDF are touched (the runner does not check `required: true`
 * for JavaScript actions).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bundles } from '../scripts/bundles.mjs';
import { repoRoot, runBundle } from './helpers/run-bundle.js';
import { summaryText } from './helpers/summary.js';

/**
 * Every action.yml (the root action, deploy/ and actions/*), the bundle its main step runs, and
 * the inputs it marks required. Post-step bundles (deploy-post) have no action.yml of their own:
 * they run after their action's main step, which has already checked its inputs.
 */
const actionFiles = ['action.yml', 'deploy/action.yml', ...readdirSync(join(repoRoot, 'actions')).map((n) => `actions/${n}/action.yml`)];
const actions: { file: string; name: string; required: string[] }[] = actionFiles.map((file) => {
  const yml = parse(readFileSync(join(repoRoot, file), 'utf8')) as { inputs?: Record<string, { required?: boolean }>; runs: { main: string } };
  const name = /dist\/([^/]+)\/index\.js$/.exec(yml.runs.main)?.[1] ?? '';
  return { file, name, required: Object.entries(yml.inputs ?? {}).filter(([, v]) => v.required).map(([k]) => k) };
});

describe('required inputs', () => {
  it('every action runs a bundle, and every bundle but the CLI and post steps is some action\'s main', () => {
    const mains = new Set(actions.map((a) => a.name));
    expect(actions.filter((a) => !bundles.some((b: { name: string }) => b.name === a.name)).map((a) => a.file)).toEqual([]);
    expect(bundles.map((b: { name: string }) => b.name).filter((n: string) => n !== 'cli' && n !== 'deploy-post' && !mains.has(n))).toEqual([]);
  });

  it('some action has one (else this test checks nothing)', () => {
    expect(actions.flatMap((a) => a.required)).toContain('model');
  });

  for (const action of actions.filter((a) => a.required.length)) {
    it(`${action.file} (${action.name}) fails at once naming each missing required input`, async () => {
      // Credentials that would be used if the action went further: it must not get that far.
      const run = await runBundle(action.name, {}, { asRunner: true, env: { COGNITE_PROJECT: 'p', COGNITE_OIDC_BASE_URL: 'http://127.0.0.1:9', COGNITE_CLIENT_ID_WRITE: 'x', COGNITE_CLIENT_SECRET_WRITE: 'y' } });
      expect(run.code).toBe(1);
      const message = action.required.map((n) => `Input required and not supplied: ${n}`).join('; ');
      // The first thing the step prints, and its only error; the summary says the same.
      expect(run.stdout.split('\n')[0]).toBe(`::error::${message}`);
      expect(run.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(1);
      expect(run.stdout).not.toMatch(/CDF|token|credential/i);
      expect(summaryText(run.summary).trim()).toBe(`❌ ${action.name} failed: ${message}`);
    });
  }
});
