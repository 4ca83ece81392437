/**
 * The deploy pipeline bundle (`akerbp/mlops@v4`) run as the runner runs it, against the
 * emulator, on copies of the example repository. Build it first:
 * `node scripts/build.mjs dist deploy`.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CogniteClient } from '@cognite/sdk';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { ModelManager, callFunction, createCdfClient, listFunctions, resolveCdfConfig, retrieveFunction } from '@akerbp-mlops/core';
import { exampleRepo } from './helpers/example-repo.js';
import { groupProblems } from './helpers/log-structure.js';
import { repoRoot, runBundle } from './helpers/run-bundle.js';
import { summaryText } from './helpers/summary.js';

const PAYLOAD = { data: { ACS: [180.0, 150.0], RDEP: [2.5, 40.0], DEN: [2.3, 2.55] } };

describe('deploy pipeline bundle', () => {
  let emu: RunningEmulator;
  let cdfEnv: Record<string, string>;
  let client: CogniteClient;
  let manager: ModelManager;

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 50 });
    cdfEnv = {
      COGNITE_PROJECT: emu.project,
      COGNITE_OIDC_BASE_URL: emu.url,
      COGNITE_TOKEN_URL: emu.tokenUrl,
      COGNITE_CLIENT_ID_WRITE: 'deployer',
      COGNITE_CLIENT_SECRET_WRITE: 'deploy-secret-value',
      GITHUB_EVENT_PATH: '',
      TESTING_ONLY: '',
    };
    client = await createCdfClient(resolveCdfConfig({}, cdfEnv), { access: 'write' });
    manager = new ModelManager({ client });
  });
  afterAll(() => emu?.stop());

  /** A repository copy whose artifact is in the Model Manager (test) and, like on a runner, not on disk. */
  async function repoWithArtifactInCdf(models = ['sonic_model']): Promise<string> {
    const repo = exampleRepo();
    for (const model of models) await manager.uploadNewVersion(model, 'test', join(repo, 'model_artifact'));
    rmSync(join(repo, 'model_artifact'), { recursive: true });
    return repo;
  }

  const run = (repo: string, ref: string, extra: Record<string, string> = {}, env: Record<string, string> = {}) =>
    runBundle('deploy', { 'working-directory': repo, 'install-requirements': 'false', 'timeout-seconds': '300', ...extra }, {
      env: { ...cdfEnv, GITHUB_EVENT_NAME: 'push', GITHUB_REF: ref, ...env },
      timeoutMs: 300_000,
    });

  it('a push to main deploys the prediction service to test, and a client gets a prediction from it', async () => {
    const repo = await repoWithArtifactInCdf();
    const result = await run(repo, 'refs/heads/main');
    const log = result.stdout + result.stderr;
    expect(result.code, log).toBe(0);
    expect(log.replace(/^::add-mask::.*$/gm, '')).not.toContain('deploy-secret-value');
    expect(log).toContain('model_artifact was missing: downloaded artifact version 1 (test)');
    // Test, package and deploy each group their lines, without nesting (GitHub cannot) or empty groups.
    expect(groupProblems(result.stdout)).toEqual([]);
    expect(result.stdout).toMatch(/^::group::test sonic_model$/m);

    expect(JSON.parse(result.outputs.plan)).toEqual({ environment: 'test', services: ['prediction'], deploy: true, reason: 'main: deploy the prediction service to test', warnings: [] });
    const deployed = JSON.parse(result.outputs.results).sonic_model.prediction;
    expect(deployed).toMatchObject({ functionExternalId: 'sonic_model-prediction-test', versionedExternalId: 'sonic_model-prediction-test-1', version: 1, modelId: 'sonic_model/test/1', changed: true });
    expect(deployed.smokeTest.status).toBe('ok');
    expect(summaryText(result.summary)).toMatch(/\| sonic_model \| prediction \| deployed \| sonic_model-prediction-test \| 1 \|  \| [0-9a-f]{12} \| ok \|/);
    expect(summaryText(result.summary)).toContain('This run: validated, tested and deployed.');
    expect(summaryText(result.summary)).toContain(`CDF project ${emu.project} at ${emu.url}`);

    const fn = await retrieveFunction(client, { externalId: 'sonic_model-prediction-test' });
    expect(fn?.id).toBe(deployed.functionId);
    const call = await callFunction(client, fn!.id, PAYLOAD, { timeoutMs: 60_000 });
    expect(call.response).toMatchObject({ status: 'ok', model_id: 'sonic_model/test/1' });
    expect((call.response as { prediction: { AC: number[] } }).prediction.AC).toHaveLength(2);
  });

  it('a push to feature/x validates and tests only: nothing is created, no sign-in', async () => {
    const repo = exampleRepo();
    const before = emu.requests.length;
    const result = await run(repo, 'refs/heads/feature/x');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(JSON.parse(result.outputs.plan)).toMatchObject({ environment: null, deploy: false });
    expect(JSON.parse(result.outputs.results)).toEqual({ sonic_model: { prediction: { skipped: 'feature/x: feature branches validate and test only' } } });
    expect(result.stdout).toContain('passed');
    expect(emu.requests.slice(before)).toEqual([]);
  });

  it('TESTING_ONLY=true on main tests and deploys nothing', async () => {
    const repo = exampleRepo();
    const before = await listFunctions(client);
    const mark = emu.requests.length;
    const result = await run(repo, 'refs/heads/main', {}, { TESTING_ONLY: 'True' });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(JSON.parse(result.outputs.results).sonic_model.prediction).toEqual({ skipped: 'TESTING_ONLY: tested, not deployed' });
    expect(summaryText(result.summary)).toContain('validated and tested');
    expect(emu.requests.slice(mark).filter((r) => r.method !== 'GET' && !r.path.includes('/token'))).toEqual([]);
    expect((await listFunctions(client)).map((f) => f.externalId)).toEqual(before.map((f) => f.externalId));
  });

  it('deploys two models in parallel (concurrency 2); a third without an artifact fails alone', async () => {
    const repo = await repoWithArtifactInCdf(['sonic_a', 'sonic_b']);
    const settings = readFileSync(join(repo, 'mlops_settings.yaml'), 'utf8');
    // Same code, other names: separate models as far as CDF is concerned.
    for (const name of ['sonic_a', 'sonic_b', 'sonic_missing']) {
      appendFileSync(join(repo, 'mlops_settings.yaml'), `\n---\n${settings.replace(/^model_name: .*$/m, `model_name: ${name}`).replace(/^human_friendly_model_name: .*$/m, `human_friendly_model_name: '${name}'`)}`);
    }
    const result = await run(repo, 'refs/heads/main', { models: 'sonic_a,sonic_b,sonic_missing', concurrency: '2' });
    const log = result.stdout + result.stderr;
    expect(result.code, log).toBe(1);
    expect(log).toMatch(/::error.*sonic_missing failed; 2 other models finished/);
    expect(log).toMatch(/\[sonic_a\] /);
    expect(log).toMatch(/\[sonic_b\] /);
    // Parallel models share the log: pytest's streamed lines too name their model, and no group interleaves.
    const pytestLines = result.stdout.split('\n').filter((l) => /::test_\w+ PASSED/.test(l));
    expect(pytestLines.length).toBeGreaterThanOrEqual(20);
    // sonic_missing shares the artifact folder that sonic_a/sonic_b downloaded, so its tests run too
    // (it fails later, at packaging its missing CDF artifact); its lines must name it as well.
    expect(pytestLines.filter((l) => !/^\[sonic_(a|b|missing)\] /.test(l))).toEqual([]);
    expect(pytestLines.filter((l) => /^\[sonic_a\] /.test(l)).length).toBeGreaterThanOrEqual(10);
    expect(pytestLines.filter((l) => /^\[sonic_b\] /.test(l)).length).toBeGreaterThanOrEqual(10);
    expect(groupProblems(result.stdout)).toEqual([]);
    const results = JSON.parse(result.outputs.results);
    expect(Object.keys(results).sort()).toEqual(['sonic_a', 'sonic_b', 'sonic_missing']);
    expect(results.sonic_missing.prediction.failed).toMatch(/sonic_missing/);
    for (const model of ['sonic_a', 'sonic_b']) {
      expect(results[model].prediction.smokeTest.status).toBe('ok');
      const fn = await retrieveFunction(client, { externalId: `${model}-prediction-test` });
      const call = await callFunction(client, fn!.id, PAYLOAD, { timeoutMs: 60_000 });
      expect(call.response).toMatchObject({ status: 'ok', model_id: `${model}/test/1` });
    }
    expect(await retrieveFunction(client, { externalId: 'sonic_missing-prediction-test' })).toBeNull();
    expect(summaryText(result.summary)).toMatch(/\| sonic_missing \| prediction \| failed: /);
    // A run with a failure never claims to have deployed everything.
    expect(summaryText(result.summary)).toContain('This run: sonic_missing failed; 2 of 3 models finished.');
    expect(result.summary).not.toContain('validated, tested and deployed');
    // Three models' pytest, packages and deploys: longer than the default 60 s (the run itself may take 300 s).
  }, 300_000);

  describe('mlops deploy', () => {
    // Asynchronous: the emulator serves from this process.
    const cli = async (repo: string, args: string[], env: Record<string, string> = {}) => {
      const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_') && !k.startsWith('COGNITE_') && k !== 'MODEL_ENV' && k !== 'TESTING_ONLY'));
      const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli', 'index.js'), 'deploy', '--repo', repo, '--no-install', ...args], { env: { ...base, ...cdfEnv, ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const status = await new Promise<number | null>((r) => child.on('close', r));
      return { status, stdout, stderr };
    };

    it('deploys to dev from the local artifact folder as version 1, as the Python package did', async () => {
      const repo = exampleRepo();
      const run = await cli(repo, [], { MODEL_ENV: 'dev' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Plan → dev \(prediction\)/);
      expect(run.stdout).toMatch(/sonic_model\s+prediction\s+deployed\s+sonic_model-prediction-dev\s+1\s+[0-9a-f]{12}\s+ok/);
      const fn = await retrieveFunction(client, { externalId: 'sonic_model-prediction-dev' });
      expect(fn?.metadata?.model_id).toBe('sonic_model/dev/1');
    });

    it('--env auto outside a GitHub run asks for an environment instead of guessing', async () => {
      const before = emu.requests.length;
      const run = await cli(exampleRepo(), ['--env', 'auto']);
      // A usage error (README: exit 2, one line on stderr, then where help is); nothing is guessed or touched.
      expect(run.status, run.stdout + run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^error: --env auto applies the branch rules of a CI run .* pass --env dev, test or prod \(or set MODEL_ENV\)\.\nRun 'mlops deploy --help' for usage\.\n$/);
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(emu.requests.slice(before)).toEqual([]);
    });

    it('outside dev the zip to deploy (the env\'s artifact version) gets its own service test when the tests ran the folder on disk: a broken prod artifact is refused before anything is created', async () => {
      const repo = exampleRepo();
      // prod's version 1 has no trained model; the folder on disk has one, so pytest and its service test pass.
      const broken = mkdtempSync(join(tmpdir(), 'broken-artifact-'));
      writeFileSync(join(broken, 'README.txt'), 'not a trained model\n');
      const uploaded = await manager.uploadNewVersion('sonic_model', 'test', broken);
      await manager.promote('sonic_model', 'test', 'prod', uploaded.version);
      const run = await cli(repo, ['--env', 'prod', '--yes']);
      const log = run.stdout + run.stderr;
      expect(run.status, log).toBe(1);
      expect(log).toMatch(/The tests ran sonic_model\/dev\/1; the zip to deploy holds sonic_model\/prod\/1, whose files differ: its service test runs too\./);
      expect(log).toMatch(/no trained model in artifact folder/);
      // Refused before CDF saw a code file or a function of prod.
      expect(await listFunctions(client, { externalIdPrefix: 'sonic_model-prediction-prod' })).toEqual([]);
      const codeFiles = await client.files.list({ filter: { externalIdPrefix: 'mlops-code/sonic_model-prediction-prod/' } }).autoPagingToArray();
      expect(codeFiles).toEqual([]);
    });

    it('outside dev tested files are service-tested once: a folder on disk equal to the env\'s artifact version is not tested again; a folder downloaded for the tests is deployed as the tested zip, downloaded once', async () => {
      const repo = exampleRepo();
      const { version } = await manager.uploadNewVersion('sonic_model', 'test', join(repo, 'model_artifact'));
      const same = await cli(repo, ['--env', 'test']);
      const sameLog = same.stdout + same.stderr;
      expect(same.status, sameLog).toBe(0);
      expect(sameLog).toContain(`The zip to deploy holds sonic_model/test/${version}, the same files the tests ran as sonic_model/dev/1: its service test is not run again.`);
      expect(sameLog).not.toMatch(/its service test runs too/);
      expect(sameLog.match(/Service test of sonic_model \(prediction\) passed/g)).toHaveLength(1);
      const fn = await retrieveFunction(client, { externalId: 'sonic_model-prediction-test' });
      expect(fn?.metadata?.model_id).toBe(`sonic_model/test/${version}`);

      rmSync(join(repo, 'model_artifact'), { recursive: true });
      const downloaded = await cli(repo, ['--env', 'test']);
      const log = downloaded.stdout + downloaded.stderr;
      expect(downloaded.status, log).toBe(0);
      expect(log.match(/Downloaded sonic_model\/test\/\d+ into/g)).toHaveLength(1);
      const tested = new RegExp(`Deploying the zip the tests ran \\(sonic_model/test/${version}, sha256 ([0-9a-f]{64})\\)`).exec(log);
      expect(tested, log).not.toBeNull();
      // The function's code is that zip, byte for byte.
      const after = await retrieveFunction(client, { externalId: 'sonic_model-prediction-test' });
      expect(JSON.parse(String(after?.metadata?.mlops)).code).toBe(tested?.[1]);
      expect(after?.metadata?.model_id).toBe(`sonic_model/test/${version}`);
    });
  });
});
