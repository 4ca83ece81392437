import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MlopsError, buildPackage, callByExternalId, createCdfClient, deployFunction, hashFile, listFunctions, listModelFunctions, listSchedules, loadSettings,
  SUITE_VERSION, decodeSuiteMetadata, parseSecretsJson, rollbackLatest, silentLogger, type DeployOptions, type Logger, type ModelSettings,
} from '@akerbp-mlops/core';
import { exampleRepo } from '../../../test/helpers/example-repo.js';

const PAYLOAD = { data: { ACS: [180.0, 150.0], RDEP: [2.5, 40.0], DEN: [2.3, 2.55] } };

describe('deployFunction against the emulator', () => {
  let emu: RunningEmulator;
  let client: CogniteClient;
  let repo: string;
  let model: ModelSettings;
  let brokenSha = '';
  const packages = new Map<number, { path: string; sha256: string }>();

  /** The package of `version` (model_id differs, so so do the bytes). */
  async function pkg(version: number) {
    if (!packages.has(version)) {
      const built = await buildPackage({
        repoRoot: repo, model, service: 'prediction', env: 'test', version, artifactFolder: join(repo, 'model_artifact'),
        outputDir: mkdtempSync(join(tmpdir(), 'deploy-pkg-')), suiteVersion: '4.0.0', log: silentLogger,
      });
      packages.set(version, { path: built.path, sha256: built.sha256 });
    }
    return packages.get(version)!;
  }

  async function deploy(version: number, over: Partial<DeployOptions> = {}) {
    const p = await pkg(version);
    return deployFunction({ client, model, service: 'prediction', env: 'test', packagePath: p.path, packageSha256: p.sha256, version, log: silentLogger, waitTimeoutMs: 60_000, ...over });
  }

  async function latestModelId(): Promise<unknown> {
    const { response } = await callByExternalId(client, 'sonic_model-prediction-test', PAYLOAD);
    expect(response).toMatchObject({ status: 'ok' });
    return (response as { model_id: string }).model_id;
  }

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 40, callTimeoutMs: 30_000 });
    client = await createCdfClient(
      { project: emu.project, baseUrl: emu.url, tokenUrl: emu.tokenUrl, scopes: [`${emu.url}/.default`], write: { clientId: 'w', clientSecret: 's' }, useOidc: false, allowedProjects: [] },
      { access: 'write', retry: { baseDelayMs: 10, maxDelayMs: 50 } },
    );
    repo = exampleRepo();
    [model] = (await loadSettings({ file: 'mlops_settings.yaml', repoRoot: repo, env: 'test' })).models;
  });
  afterAll(() => emu?.stop());

  it('deploys, and a second identical deploy changes and uploads nothing in at most 3 calls', async () => {
    const first = await deploy(1, { testPayload: PAYLOAD });
    expect(first).toMatchObject({ functionExternalId: 'sonic_model-prediction-test', versionedExternalId: 'sonic_model-prediction-test-1', modelId: 'sonic_model/test/1', changed: true, previousVersion: null });
    expect(first.smokeTest?.status).toBe('ok');
    expect(first.stages.map((s) => s.name)).toEqual(['resolve', 'upload code', 'versioned function', 'smoke test versioned', 'switch latest', 'retention', 'keep-warm']);
    const [latest] = await listFunctions(client, { externalIdPrefix: 'sonic_model-prediction-test' }).then((fs) => fs.filter((f) => f.externalId === 'sonic_model-prediction-test'));
    expect(latest).toMatchObject({ name: 'Sonic (AC) ridge model', owner: 'data@science.com', runtime: 'py311', envVars: { MODEL_ENV: 'test', SERVICE_NAME: 'prediction' } });
    expect(latest.description).toMatch(/ \(latest\)$/);
    expect(latest.metadata).toMatchObject({ version: '1', model_id: 'sonic_model/test/1', petrel_exposure: 'False', required_input: "['ACS', 'RDEP', 'DEN']" });
    expect(decodeSuiteMetadata(latest.metadata)).toMatchObject({ version: 1, modelId: 'sonic_model/test/1', codeSha256: first.codeSha256, suiteVersion: SUITE_VERSION });
    expect(await latestModelId()).toBe('sonic_model/test/1');

    const before = emu.requests.length;
    const lines: string[] = [];
    const log: Logger = { ...silentLogger, info: (m) => lines.push(m) };
    const again = await deploy(1, { testPayload: PAYLOAD, log });
    const calls = emu.requests.slice(before).filter((r) => r.path.startsWith('/api/'));
    expect(again).toMatchObject({ changed: false, functionId: first.functionId, codeFileId: first.codeFileId, previousVersion: 1, smokeTest: null });
    expect(calls.length, JSON.stringify(calls)).toBeLessThanOrEqual(3);
    expect(calls.every((r) => r.method !== 'PUT' && !/\/(delete|files)$|\/functions$/.test(r.path))).toBe(true);
    expect(calls.reduce((n, r) => n + (r.method === 'PUT' ? r.requestBytes : 0), 0)).toBe(0);
    expect(lines.join('\n')).toMatch(/unchanged/);
  });

  it('dry run resolves only and says what would change', async () => {
    const before = emu.requests.length;
    const r = await deploy(2, { dryRun: true });
    expect(r.changed).toBe(true);
    expect(r.stages.at(-1)?.detail).toMatch(/create sonic_model-prediction-test-2; replace sonic_model-prediction-test/);
    // The outputs say what a real run would do: that versioned function, and a latest with a new id.
    expect(r.versionedExternalId).toBe('sonic_model-prediction-test-2');
    expect(r.functionId).toBeNull();
    // The function list, the code files, and the runtimes the project offers (GET /functions/limits): nothing written.
    expect(emu.requests.slice(before).filter((q) => q.path.startsWith('/api/')).map((q) => q.path)).toEqual([`/api/v1/projects/${emu.project}/functions/list`, `/api/v1/projects/${emu.project}/files/byids`, `/api/v1/projects/${emu.project}/functions/limits`]);
  });

  it('a failing smoke test leaves the old latest serving', async () => {
    const err = await deploy(2, { testPayload: { data: { ACS: [1.0] } } }).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/Smoke test of sonic_model-prediction-test-2 failed: it answered status "error": .+/);
    expect(await latestModelId()).toBe('sonic_model/test/1');
  });

  it('a build failure of the versioned function leaves the old latest serving, with the build error in the message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'broken-'));
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('print("no handler here")\n'), 'main.py');
    zip.end();
    const path = join(dir, 'broken.zip');
    await new Promise<void>((res) => zip.outputStream.pipe(createWriteStream(path)).on('close', () => res()));
    const { sha256 } = await hashFile(path);
    brokenSha = sha256;
    const err = await deployFunction({ client, model, service: 'prediction', env: 'test', packagePath: path, packageSha256: sha256, version: 2, log: silentLogger, waitTimeoutMs: 60_000 }).catch((e) => e);
    expect(err.message).toMatch(/CDF could not build .*sonic_model-prediction-test-2.*: No file 'handler.py'/s);
    expect(await latestModelId()).toBe('sonic_model/test/1');
  });

  it('a build failure after the latest was deleted restores the previous latest from its code file', async () => {
    // Fail only the new latest's build: faults on when the switch starts, off when the restore starts.
    const log: Logger = {
      ...silentLogger,
      group: (title, fn) => {
        if (title.startsWith('Switch')) emu.setFaults('build-fail:1');
        return fn();
      },
      warning: (m) => {
        if (m.startsWith('Restoring')) emu.setFaults(undefined);
      },
    };
    const err = await deploy(2, { log }).catch((e) => e);
    emu.setFaults(undefined);
    expect(err.message).toMatch(/injected failure/);
    expect(err.message).toMatch(/version 1\) was restored from its code file \(id \d+\) and keeps serving/);
    expect(await latestModelId()).toBe('sonic_model/test/1');
  });

  it('retention keeps exactly keep-versions, with their code files; rollback points the latest at a kept version', async () => {
    for (const v of [2, 3, 4]) await deploy(v, { keepVersions: 2, smokeTest: v === 4 });
    expect(await latestModelId()).toBe('sonic_model/test/4');
    const versioned = (await listModelFunctions(client, { env: 'test', tag: 'versioned' })).map((f) => f.fn.externalId);
    expect(versioned).toEqual(['sonic_model-prediction-test-3', 'sonic_model-prediction-test-4']);
    const codeFiles = await client.files.list({ filter: { externalIdPrefix: 'mlops-code/sonic_model-prediction-test/' } }).autoPagingToArray();
    // The broken zip's code file stays, marked failed (failed deployments are kept for debugging, the newest keep-versions of them).
    expect(codeFiles.map((f) => f.externalId).sort()).toEqual([(await pkg(3)).sha256, (await pkg(4)).sha256, brokenSha].map((s) => `mlops-code/sonic_model-prediction-test/${s}`).sort());

    const rolled = await rollbackLatest(client, { model: 'sonic_model', env: 'test', to: 3, log: silentLogger, testPayload: PAYLOAD });
    expect(rolled).toMatchObject({ externalId: 'sonic_model-prediction-test', previousVersion: 4, version: 3, smokeTest: { status: 'ok' } });
    expect(await latestModelId()).toBe('sonic_model/test/3');
    await expect(rollbackLatest(client, { model: 'sonic_model', env: 'test', to: 1, log: silentLogger })).rejects.toThrow(/no kept deployment of version 1\. Kept deployments: 4-1 \(version 4, code [0-9a-f]{12}\), 3-1 \(version 3, /);
  });

  it('keeps a keep-warm schedule idempotently', async () => {
    const first = await deploy(4, { keepWarmSchedule: '*/30 5-17 * * 1-5', smokeTest: false });
    expect(first.stages.at(-1)?.detail).toMatch(/keep-warm schedule set/);
    const [schedule] = await listSchedules(client, { functionId: first.functionId! });
    expect(schedule.cronExpression).toBe('*/30 5-17 * * 1-5');
    const before = emu.requests.length;
    const again = await deploy(4, { keepWarmSchedule: '*/30 5-17 * * 1-5' });
    expect(again.changed).toBe(false);
    expect(again.stages.at(-1)?.detail).toMatch(/unchanged/);
    expect(emu.requests.slice(before).filter((q) => q.path.startsWith('/api/')).length).toBeLessThanOrEqual(3);
    expect((await listSchedules(client, { functionId: first.functionId! })).map((s) => s.id)).toEqual([schedule.id]);
    await expect(deploy(4, { keepWarmSchedule: '*/30 * * *' })).rejects.toThrow(/not a valid cron expression: it has 4 fields/);
  });

  it('two racing deploys end with one consistent latest', async () => {
    // Same code: both succeed, adopting each other's functions.
    const same = await Promise.allSettled([deploy(5, { smokeTest: false }), deploy(5, { smokeTest: false })]);
    expect(same.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    // Different code: the latest ends as exactly one of them; a loser says why.
    const raced = await Promise.allSettled([deploy(6, { smokeTest: false }), deploy(7, { smokeTest: false })]);
    for (const r of raced) if (r.status === 'rejected') expect(r.reason.message).toMatch(/Another deploy|disappeared|replaced it meanwhile/);
    const latest = (await listModelFunctions(client, { env: 'test', tag: 'latest' })).map((f) => f.fn);
    expect(latest).toHaveLength(1);
    expect(latest[0].status).toBe('Ready');
    const winners = raced.flatMap((r, i) => (r.status === 'fulfilled' ? [6 + i] : []));
    expect(winners.length).toBeGreaterThan(0);
    expect(winners).toContain(Number(latest[0].metadata?.version));
  });

  it('validates secrets against CDF rules before touching CDF, never echoing values', async () => {
    const before = emu.requests.length;
    const err = await deploy(4, { secrets: { 'Api_Key': 'hunter2', ok: 'x' } }).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/secret key "Api_Key" must be 1–15 lowercase letters, digits or dashes/);
    expect(err.problems).toEqual([expect.objectContaining({ field: 'function-secrets.Api_Key' })]);
    expect(emu.requests.length).toBe(before);
    const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, 'v']));
    await expect(deploy(4, { secrets: many })).rejects.toThrow(/at most 30 secrets per function; found 31/);
    expect(() => parseSecretsJson('{"token": hunter2}')).toThrow(/not valid JSON/);
    expect(() => parseSecretsJson('{"token": hunter2}')).not.toThrow(/hunter2/);
    expect(parseSecretsJson('{"api-key": "v"}')).toEqual({ 'api-key': 'v' });
  });

  it('deploys secrets and records them by name', async () => {
    const r = await deploy(4, { secrets: { 'api-key': 'v1' }, smokeTest: false });
    expect(r.changed).toBe(true);
    const [fn] = (await listModelFunctions(client, { env: 'test', tag: 'latest' }));
    expect(Object.keys(fn.fn.secrets ?? {})).toEqual(['api-key']);
  });
});
