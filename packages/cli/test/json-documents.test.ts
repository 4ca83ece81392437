/**
 * The built CLI's --json on the commands that run the pipeline (test, deploy) and on artifacts
 * list, against the emulator with a copy of the example model: one JSON document on stdout,
 * the human text on stderr. The deploy is a dry run, which must read as one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { createCdfClient, listFunctions, resolveCdfConfig } from '@akerbp-mlops/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRepo } from '../../../test/helpers/example-repo.js';
import { mlopsAsync } from './helpers/built-cli.js';

let emu: RunningEmulator;
let env: NodeJS.ProcessEnv;
let repo: string;

beforeAll(async () => {
  emu = await startEmulator({ buildDelayMs: 20 });
  env = {
    COGNITE_PROJECT: emu.project, COGNITE_OIDC_BASE_URL: emu.url, COGNITE_TOKEN_URL: emu.tokenUrl,
    COGNITE_CLIENT_ID_WRITE: 'json-client', COGNITE_CLIENT_SECRET_WRITE: 'json-secret',
  };
  repo = exampleRepo();
});
afterAll(async () => {
  await emu?.stop();
});

describe('--json: one document on stdout, the human text on stderr', () => {
  it('mlops test', async () => {
    const run = await mlopsAsync(['test', '--repo', repo, '--no-install', '--json'], { env, timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      results: [{ model: 'sonic_model', tests: { passed: expect.any(Number), failed: 0 }, serviceTest: 'passed', problems: [] }],
    });
    expect(run.stderr).toMatch(/^Model +Passed +Failed +Skipped +Service test +Model id\nsonic_model +\d+ +0 +0 +passed/m);
  }, 150_000);

  it('mlops deploy --dry-run: the document says dry run, the table and the closing sentence say what would happen, nothing is created', async () => {
    const run = await mlopsAsync(['deploy', '--env', 'dev', '--dry-run', '--repo', repo, '--no-install', '--json'], { env, timeoutMs: 150_000 });
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ dryRun: true, plan: { environment: 'dev' }, results: { sonic_model: { prediction: { functionExternalId: 'sonic_model-prediction-dev', changed: true } } } });
    expect(run.stderr).toMatch(/^sonic_model +prediction +would deploy +sonic_model-prediction-dev/m);
    expect(run.stderr).toContain('a dry run, so nothing was deployed');
    const client = await createCdfClient(resolveCdfConfig({}, env), { access: 'read' });
    expect(await listFunctions(client)).toEqual([]);
  }, 180_000);

  it('mlops artifacts list', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'json-art-'));
    writeFileSync(join(folder, 'w.bin'), 'weights');
    expect((await mlopsAsync(['artifacts', 'upload', 'json_model', 'test', folder], { env })).code).toBe(0);
    const run = await mlopsAsync(['artifacts', 'list', '--json'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject([{ externalId: 'json_model/test/1', uploaded: true }]);
  });
});
