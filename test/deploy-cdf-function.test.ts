import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { ModelManager, callByExternalId, createCdfClient, listSchedules, packageModels, resolveCdfConfig, retrieveFunction, silentLogger } from '@akerbp-mlops/core';
import type { CogniteClient } from '@cognite/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cogniteEnv } from './helpers/emulator-env.js';
import { exampleRepo } from './helpers/example-repo.js';
import { runBundle } from './helpers/run-bundle.js';
import { summaryText } from './helpers/summary.js';

// Runs dist/deploy-cdf-function/index.js (build it with `node scripts/build.mjs dist deploy-cdf-function`).
describe('deploy-cdf-function bundle', () => {
  let emu: RunningEmulator;
  let env: Record<string, string>;
  let client: CogniteClient;
  let repo: string;

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 40, callTimeoutMs: 30_000 });
    env = { ...cogniteEnv(emu), GITHUB_SHA: 'a'.repeat(40), GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '2' };
    client = await createCdfClient(resolveCdfConfig({}, env), { access: 'write' });
    repo = exampleRepo();
    // In test the artifacts come from the Model Manager, as in a real pipeline.
    await new ModelManager({ client }).uploadNewVersion('sonic_model', 'test', join(repo, 'model_artifact'));
    writeFileSync(join(repo, 'payload.json'), JSON.stringify({ data: { ACS: [180.0], RDEP: [2.5], DEN: [2.3] } }));
  });
  afterAll(() => emu?.stop());

  it('packages and deploys the example model; a client gets a prediction from <model>-prediction-test; a rerun is unchanged', async () => {
    const inputs = { env: 'test', 'test-payload': 'payload.json', 'function-secrets': '{"api-key": "function-secret-value"}', 'timeout-seconds': '300' };
    const run = await runBundle('deploy-cdf-function', inputs, { cwd: repo, env, timeoutMs: 280_000 });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect((run.stdout + run.stderr).replace(/^::add-mask::.*$/gm, '')).not.toMatch(/super-secret-value|function-secret-value/);
    // Every output is a JSON map keyed by model, with values in their JSON types.
    const out = Object.fromEntries(Object.entries(run.outputs).map(([k, v]) => [k, JSON.parse(v).sonic_model]));
    expect(out).toMatchObject({
      'function-external-id': 'sonic_model-prediction-test',
      'versioned-external-id': 'sonic_model-prediction-test-1',
      version: 1,
      'model-id': 'sonic_model/test/1',
      'previous-version': null,
      changed: true,
    });
    expect(out['code-sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(out['function-id']).toEqual(expect.any(Number));
    expect(run.stdout).toMatch(/::group::Upload code mlops-code\/sonic_model-prediction-test\//);
    // The upload's progress names the code's first 12 hex characters, as the tables do, not all 64.
    expect(run.stdout).toContain(`Uploading mlops-code/sonic_model-prediction-test/${out['code-sha256'].slice(0, 12)}…: 100% (`);
    // The summary names the project and commit and links the function and its code file to CDF's web UI.
    const cluster = encodeURIComponent(new URL(emu.url).host);
    expect(summaryText(run.summary)).toContain(`CDF project ${emu.project} at ${emu.url}, from commit aaaaaaa.`);
    expect(run.summary).toContain(`<a href="https://fusion.cognite.com/${emu.project}/functions?cluster=${cluster}&amp;workspace=data-management">sonic_model-prediction-test (sonic_model-prediction-test-1)</a>`);
    expect(run.summary).toContain(`<a href="https://fusion.cognite.com/${emu.project}/explore/file/${out['code-file-id']}?cluster=${cluster}"><code>${out['code-sha256'].slice(0, 12)}</code></a>`);
    expect(summaryText(run.summary)).toMatch(/\| sonic_model-prediction-test \(sonic_model-prediction-test-1\) \| deployed \| 1 \|  \| [0-9a-f]{12} \| resolve \d+\.\d · upload code .* \| ok \(\d+\.\d s\) \|/);

    const { response } = await callByExternalId(client, 'sonic_model-prediction-test', { data: { ACS: [180.0, 150.0], RDEP: [2.5, 40.0], DEN: [2.3, 2.55] } });
    expect(response).toMatchObject({ status: 'ok', model_id: 'sonic_model/test/1' });
    expect((response as { prediction: { AC: number[] } }).prediction.AC).toHaveLength(2);
    expect(await listSchedules(client)).toEqual([]);
    const latest = await retrieveFunction(client, { externalId: 'sonic_model-prediction-test' });
    expect(latest?.metadata).toMatchObject({ version: '1', model_id: 'sonic_model/test/1' });
    expect(JSON.parse(latest?.metadata?.mlops ?? '{}')).toEqual({ o: 'akerbp/mlops', v: '4.0.0', code: out['code-sha256'], cred: expect.stringMatching(/^scrypt\$17\$8\$1\$/), git: 'a'.repeat(40), run: '4242/2' });
    expect(JSON.stringify(latest?.metadata)).not.toContain('function-secret-value');
    expect(Object.keys(latest?.secrets ?? {})).toEqual(['api-key']);

    const again = await runBundle('deploy-cdf-function', inputs, { cwd: repo, env, timeoutMs: 280_000 });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.outputs).toMatchObject({
      changed: '{"sonic_model":false}', 'previous-version': '{"sonic_model":1}', 'function-id': run.outputs['function-id'], 'code-file-id': run.outputs['code-file-id'],
    });
    expect(again.stdout).toMatch(/unchanged/);
    expect(summaryText(again.summary)).toMatch(/\| unchanged \| 1 \| 1 \|/);
  });

  it('deploys a given package to prod with the default keep-warm schedule, and refuses a package built for another env', async () => {
    const manager = new ModelManager({ client });
    await manager.promote('sonic_model', 'test', 'prod');
    const pkg = await runBundle('deploy-cdf-function', { env: 'prod', 'smoke-test': 'false', 'keep-versions': 'all' }, { cwd: repo, env, timeoutMs: 280_000 });
    expect(pkg.code, pkg.stdout + pkg.stderr).toBe(0);
    const fnId = JSON.parse(pkg.outputs['function-id']).sonic_model;
    expect((await listSchedules(client, { functionId: fnId })).map((s) => s.cronExpression)).toEqual(['*/30 5-17 * * 1-5']);

    const [devPackage] = await packageModels({
      settingsFile: 'mlops_settings.yaml', workingDirectory: repo, models: [], env: 'dev', service: 'prediction', artifactSource: 'local',
      artifactVersion: null, outputDir: '.mlops/packages', log: silentLogger,
    });
    const wrong = await runBundle('deploy-cdf-function', { env: 'prod', package: devPackage.path }, { cwd: repo, env });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/::error.*was built for env dev, not prod/);
    const missing = await runBundle('deploy-cdf-function', { env: 'test', package: 'nonexistent.zip' }, { cwd: repo, env });
    expect(missing.stdout).toMatch(/::error.*The package nonexistent.zip does not exist/);
    const badSecret = await runBundle('deploy-cdf-function', { env: 'test', 'function-secrets': '{"API_KEY": "x"}' }, { cwd: repo, env });
    expect(badSecret.code).toBe(1);
    expect(badSecret.stdout).toMatch(/::error.*secret key "API_KEY" must be 1–15 lowercase letters/);
    expect(badSecret.stdout + badSecret.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('smoke-tests with {} (a keep-warm call) when the test-payload file does not exist, as for a model without test_file', async () => {
    const run = await runBundle('deploy-cdf-function', { env: 'dev', 'test-payload': 'no-such-payload.json' }, { cwd: repo, env, timeoutMs: 280_000 });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/::warning ?::test-payload no-such-payload.json does not exist .*: the smoke test calls sonic_model with \{\} \(a keep-warm call\)/);
    expect(summaryText(run.summary)).toMatch(/\| sonic_model-prediction-dev \(sonic_model-prediction-dev-1\) \| deployed \| .* \| ok \(\d+\.\d s\) \|/);
    // A payload that exists but cannot be read is still an error.
    const unreadable = await runBundle('deploy-cdf-function', { env: 'dev', 'test-payload': 'model_code' }, { cwd: repo, env });
    expect(unreadable.code).toBe(1);
    expect(unreadable.stdout).toMatch(/::error.*test-payload model_code cannot be read/);
  });

  it('deploys the package map package-model outputs, passed on as a workflow does', async () => {
    const packaged = await runBundle('package-model', { env: 'dev' }, { cwd: repo });
    expect(packaged.code, packaged.stdout).toBe(0);
    const run = await runBundle('deploy-cdf-function', { env: 'dev', model: 'sonic_model', package: packaged.outputs.package, 'smoke-test': 'false' }, { cwd: repo, env, timeoutMs: 280_000 });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.outputs['function-external-id'])).toEqual({ sonic_model: 'sonic_model-prediction-dev' });
    const bad = await runBundle('deploy-cdf-function', { env: 'dev', package: '{"sonic_model": 5}' }, { cwd: repo, env });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/::error.*package must map each model to the path of its zip/);
  });
});
