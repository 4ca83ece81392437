/**
 * The built deploy-cdf-function with a model that prints and raises its function secrets in the
 * smoke test (fresh-eyes trial of issue 15, F4/F8): the step fails, and neither its log (minus the
 * runner's own ::add-mask:: commands) nor its job summary holds a secret; each line of a
 * multi-line secret is registered with the runner. And the built CLI's rollback and redeploy,
 * and the post step's check, whose failing smoke call echoes the secret: it is nowhere.
 * Needs `node scripts/build.mjs dist deploy-cdf-function deploy-post cli`.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cogniteEnv } from './helpers/emulator-env.js';
import { exampleRepo } from './helpers/example-repo.js';
import { actionDefaults, runBundle, stateEnv } from './helpers/run-bundle.js';
import { summaryText } from './helpers/summary.js';
import { zipText } from './helpers/zip-text.js';
import { mlopsAsync } from '../packages/cli/test/helpers/built-cli.js';
import { createCdfClient, downloadFile, listFunctions, resolveCdfConfig } from '@akerbp-mlops/core';

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

  it('CLI rollback and redeploy, and the post step\'s check: a smoke call that echoes the secret fails with it hidden everywhere; what served is restored', async () => {
    const GOOD = 'GOODLEAK_G3';
    const WRONG = 'ROLLBACKLEAK_R7';
    const env = cogniteEnv(emu);
    const repo = exampleRepo();
    const payload = join(repo, 'payload.json');
    writeFileSync(payload, JSON.stringify({ data: { ACS: [180.0], RDEP: [2.5], DEN: [2.3] } }));
    // Answers with the right key (known by its hash: the code zip must not hold it); with another,
    // or when the payload says fail, prints and raises the key it has (as code does on an auth failure).
    appendFileSync(join(repo, 'model_code', 'model.py'), [
      '', '_plain_predict = predict', '',
      'def predict(data, init_object, secrets):',
      '    import hashlib',
      '    key = (secrets or {}).get("api-key", "")',
      `    if hashlib.sha256(key.encode()).hexdigest() != "${createHash('sha256').update(GOOD).digest('hex')}" or data.get("fail"):`,
      '        print("model log: key is", key)',
      '        raise ModelException("auth failed for key %s" % key)',
      '    return _plain_predict(data, init_object, secrets)', '',
    ].join('\n'));
    const deploy = () => runBundle('deploy-cdf-function', {
      'working-directory': repo, env: 'dev', 'test-payload': 'payload.json', 'function-secrets': JSON.stringify({ 'api-key': GOOD }),
    }, { cwd: repo, env, timeoutMs: 280_000 });
    const first = await deploy();
    expect(first.code, first.stdout).toBe(0);
    appendFileSync(join(repo, 'model_code', 'model.py'), '\n# second deployment\n');
    const second = await deploy();
    expect(second.code, second.stdout).toBe(0);
    const client = await createCdfClient(resolveCdfConfig({}, env), { access: 'write' });
    const serving = (await listFunctions(client)).find((f) => f.externalId === 'sonic_model-prediction-dev')!;

    const secretsFile = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'secrets.json');
    writeFileSync(secretsFile, JSON.stringify({ 'api-key': WRONG }));
    const cli = (args: string[], more: NodeJS.ProcessEnv = {}) => mlopsAsync(args, { cwd: repo, timeoutMs: 280_000, env: { ...env, GITHUB_ACTIONS: undefined, MLOPS_FUNCTION_SECRETS: undefined, ...more } });
    // Without secrets: refused before anything changes, naming the CLI's flag (never an action input).
    const bare = await cli(['functions', 'redeploy', 'sonic_model-prediction-dev', '--test-payload', payload]);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/sonic_model-prediction-dev needs secrets api-key \(give them with --secrets\): CDF never returns secrets/);
    expect(bare.stderr).not.toMatch(/function-secrets|\$\{\{/);
    const runs = [
      await cli(['functions', 'rollback', 'sonic_model', '--env', 'dev', '--secrets', `@${secretsFile}`, '--test-payload', payload]),
      // The secrets from the environment variable a CI sets.
      await cli(['functions', 'redeploy', 'sonic_model-prediction-dev', '--test-payload', payload], { MLOPS_FUNCTION_SECRETS: JSON.stringify({ 'api-key': WRONG }) }),
    ];
    for (const r of runs) {
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout + r.stderr).toMatch(/Smoke test of sonic_model-prediction-dev failed: .*auth failed for key \*\*\*/);
      expect(r.stdout + r.stderr).toMatch(/was restored from its code file/);
      expect(r.stdout + r.stderr).not.toContain(WRONG);
    }
    // Said before anything changed: CDF never returns the old values, so the restore uses the given ones
    // (and records their fingerprint: the redeploy after it, given the same, is not warned).
    expect(runs[0].stderr).toMatch(/warning: The secrets or index URLs given differ from those sonic_model-prediction-dev runs with \(its recorded fingerprint\)/);
    expect(runs[1].stderr).not.toMatch(/given differ from those/);
    // What served serves again; nothing CDF keeps holds the echoed secret.
    const after = (await listFunctions(client)).find((f) => f.externalId === 'sonic_model-prediction-dev')!;
    expect(after.fileId).toBe(serving.fileId);

    // CDF never returns secret values: the restore re-created what served with the secrets given (WRONG). Redeployed with the right one, it answers again.
    const fixed = await cli(['functions', 'redeploy', 'sonic_model-prediction-dev', '--test-payload', payload], { MLOPS_FUNCTION_SECRETS: JSON.stringify({ 'api-key': GOOD }) });
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);

    // The post step of a deploy stopped mid-switch: its check calls the latest with the deploy's payload, and the model echoes its key.
    const latest = 'sonic_model-prediction-dev';
    const failPayload = join(repo, 'fail.json');
    writeFileSync(failPayload, JSON.stringify({ data: { ACS: [180.0], RDEP: [2.5], DEN: [2.3], fail: 1 } }));
    const previous = (await listFunctions(client)).find((f) => f.externalId === `${latest}-1`)!;
    const state = { deployments: JSON.stringify([{ latest, phase: 'switching', serving: `${latest} is being re-created`, previousVersioned: previous.externalId, previousFileId: previous.fileId, payloadFile: failPayload }]) };
    const post = await runBundle('deploy-post', {
      ...actionDefaults('deploy-cdf-function'), 'working-directory': repo, env: 'dev', 'wait-timeout-seconds': '120', 'function-secrets': JSON.stringify({ 'api-key': GOOD }),
    }, { cwd: repo, env: { ...env, ...stateEnv(state) }, asRunner: true, timeoutMs: 240_000 });
    expect(post.stdout).toMatch(/::warning ?::sonic_model-prediction-dev does not answer \(Smoke test of sonic_model-prediction-dev failed: .*auth failed for key \*\*\*\); restoring/);
    expect(summaryText(post.summary)).toMatch(/\| sonic_model-prediction-dev \| restored \|/);
    const postText = post.stdout.replace(/^::add-mask::.*$/gm, '') + post.stderr + post.summary + JSON.stringify(post.outputs);
    expect(postText).not.toContain(GOOD);
    expect(JSON.stringify((await client.files.list({ limit: 1000 }).autoPagingToArray({ limit: 1000 })).map((f) => f.metadata))).toMatch(/post-deploy check: .*auth failed for key \*\*\*/);
    const files = await client.files.list({ limit: 1000 }).autoPagingToArray({ limit: 1000 });
    const stored = [JSON.stringify(files.map((f) => f.metadata)), JSON.stringify((await listFunctions(client)).map((f) => [f.metadata, f.description]))];
    const dir = mkdtempSync(join(tmpdir(), 'stored-'));
    for (const f of files) {
      const [link] = await client.files.getDownloadUrls([{ id: f.id }]);
      const path = join(dir, String(f.id));
      await downloadFile(client, link.downloadUrl, path);
      stored.push(readFileSync(path).subarray(0, 2).toString('hex') === '504b' ? await zipText(path) : readFileSync(path, 'latin1'));
    }
    for (const leak of [WRONG, GOOD]) expect(stored.join('\n')).not.toContain(leak);
  }, 900_000);
});
