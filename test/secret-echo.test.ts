/**
 * The built deploy-cdf-function with a model that prints and raises its function secrets in the
 * smoke test (fresh-eyes trial of issue 15, F4/F8): the step fails, and neither its log (minus the
 * runner's own ::add-mask:: commands) nor its job summary holds a secret; each line of a
 * multi-line secret is registered with the runner.
 * Needs `node scripts/build.mjs dist deploy-cdf-function`.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cogniteEnv } from './helpers/emulator-env.js';
import { exampleRepo } from './helpers/example-repo.js';
import { runBundle } from './helpers/run-bundle.js';

const API_KEY = 'ECHOLEAK_K1';
const PEM = '-----BEGIN KEY-----\nECHOLINE_A1\nECHOLINE_B2\n-----END KEY-----';

describe('deploy-cdf-function: a model that echoes its secrets', () => {
  let emu: RunningEmulator;
  beforeAll(async () => { emu = await startEmulator({ buildDelayMs: 20, callTimeoutMs: 30_000 }); });
  afterAll(() => emu?.stop());

  it('fails with the secrets shown as *** in the log and the summary, each line of the multi-line one masked', async () => {
    const repo = exampleRepo();
    writeFileSync(join(repo, 'payload.json'), JSON.stringify({ data: {} }));
    appendFileSync(join(repo, 'model_code', 'model.py'), [
      '',
      'def predict(data, init_object, secrets):',
      '    print("model log: key is", secrets.get("api-key"))',
      '    print(secrets.get("pem"))',
      '    raise ModelException("auth failed for key %s" % secrets.get("api-key"))',
      '',
    ].join('\n'));
    const r = await runBundle('deploy-cdf-function', {
      'working-directory': repo, 'client-secret': 'super-secret-value', env: 'dev', 'test-payload': 'payload.json',
      'function-secrets': JSON.stringify({ 'api-key': API_KEY, pem: PEM }),
    }, { cwd: repo, env: cogniteEnv(emu), timeoutMs: 280_000 });
    expect(r.code).not.toBe(0);
    expect(r.summary).toMatch(/auth failed for key \*\*\*/);
    for (const line of ['ECHOLINE_A1', 'ECHOLINE_B2']) expect(r.stdout).toContain(`::add-mask::${line}`);
    const log = r.stdout.replace(/^::add-mask::.*$/gm, '') + r.stderr;
    for (const leak of [API_KEY, 'ECHOLINE_A1', 'ECHOLINE_B2']) {
      expect(log).not.toContain(leak);
      expect(r.summary).not.toContain(leak);
    }
  });
});
