import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { ModelManager, createCdfClient, resolveCdfConfig } from '@akerbp-mlops/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBundle } from './helpers/run-bundle.js';
import { summaryText } from './helpers/summary.js';

// Runs dist/promote-artifact/index.js (build it with `node scripts/build.mjs dist promote-artifact`).
describe('promote-artifact bundle', () => {
  let emu: RunningEmulator;
  let env: Record<string, string>;
  let mm: ModelManager;

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 50 });
    env = {
      COGNITE_PROJECT: emu.project,
      COGNITE_OIDC_BASE_URL: emu.url,
      COGNITE_TOKEN_URL: emu.tokenUrl,
      COGNITE_CLIENT_ID_WRITE: 'writer',
      COGNITE_CLIENT_SECRET_WRITE: 'super-secret-value',
    };
    mm = new ModelManager({ client: await createCdfClient(resolveCdfConfig({}, env), { access: 'write' }) });
    for (const label of ['one', 'two', 'three']) {
      const dir = mkdtempSync(join(tmpdir(), 'promote-src-'));
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'sub', 'model.txt'), label);
      await mm.uploadNewVersion('bundle_model', 'test', dir);
    }
  });
  afterAll(() => emu?.stop());

  it('promotes v2 to prod, then reports it as already promoted', async () => {
    const first = await runBundle('promote-artifact', { model: 'bundle_model', version: '2', 'from-env': 'test', 'to-env': 'prod', 'timeout-seconds': '120' }, { env });
    // Only the runner's own masking command may carry the secret.
    expect((first.stderr + first.stdout).replace(/^::add-mask::.*$/gm, '')).not.toContain('super-secret-value');
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const source = await mm.getVersion('bundle_model', 'test', 2);
    expect(first.outputs).toEqual({
      'source-id': 'bundle_model/test/2',
      'target-id': 'bundle_model/prod/1',
      version: '1',
      sha256: source.sha256,
      'already-promoted': 'false',
    });
    const text = summaryText(first.summary);
    expect(text).toContain('Artifact promotion: promoted bundle_model/test/2 to bundle_model/prod/1.');
    // The project, a link to each artifact file in CDF's web UI, a short SHA.
    expect(text).toContain(`CDF project ${emu.project} at ${emu.url}`);
    expect(first.summary).toContain(`href="https://fusion.cognite.com/${emu.project}/explore/file/${source.id}?cluster=${encodeURIComponent(new URL(emu.url).host)}"`);
    expect(text).toContain(`SHA-256 ${source.sha256?.slice(0, 12)}`);
    expect(text).not.toContain(source.sha256);
    expect(summaryText(first.summary)).toMatch(/\| prod \(target\) \| no versions \| 1 version, latest bundle_model\/prod\/1 \(from bundle_model\/test\/2\) \|/);
    expect(summaryText(first.summary)).toMatch(/\| test \(source\) \| 3 versions, latest bundle_model\/test\/3 \| 3 versions, latest bundle_model\/test\/3 \|/);

    const again = await runBundle('promote-artifact', { model: 'bundle_model', version: '2' }, { env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.outputs).toMatchObject({ 'target-id': 'bundle_model/prod/1', 'already-promoted': 'true' });
    expect(summaryText(again.summary)).toContain('was already promoted as bundle_model/prod/1; nothing copied.');
    expect((await mm.overview({ model: 'bundle_model', env: 'prod' })).map((v) => v.externalId)).toEqual(['bundle_model/prod/1']);
  });

  it('fails cleanly on a refused project and on a bad version', async () => {
    const refused = await runBundle('promote-artifact', { model: 'bundle_model', 'allowed-cdf-projects': 'other-project' }, { env });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/::error.*is not in allowed-cdf-projects \(other-project\)/);
    const bad = await runBundle('promote-artifact', { model: 'bundle_model', version: 'two' }, { env });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/::error.*"version" must be a version number/);
    expect(bad.stdout + bad.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
