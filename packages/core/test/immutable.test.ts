/**
 * Immutable deployments (issue 14): nothing proven is destroyed before its replacement is proven.
 * Code-only changes of one artifact version, failed smoke tests, rollback to any kept deployment,
 * adopting the Python package's functions, and callers that never see the latest's rebuild.
 */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CogniteClient, FileInfo } from '@cognite/sdk';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPackage, callByExternalId, createCdfClient, createFunction, credentialsMatch, decodeSuiteMetadata, deleteFunctions, deployFunction, redeployFunction, familyFiles, listFunctions, loadSettings, provenVersioned, retrieveFunction, rollbackLatest,
  silentLogger, updateCodeFileState, verifyLatest, waitForReady, type CdfFunction, type DeployOptions, type Logger, type ModelSettings,
} from '@akerbp-mlops/core';
import { exampleRepo } from '../../../test/helpers/example-repo.js';

const PAYLOAD = { data: { ACS: [180.0, 150.0], RDEP: [2.5, 40.0], DEN: [2.3, 2.55] } };
const LATEST = 'sonic_model-prediction-test';

async function clientFor(emu: RunningEmulator): Promise<CogniteClient> {
  return createCdfClient(
    { project: emu.project, baseUrl: emu.url, tokenUrl: emu.tokenUrl, scopes: [`${emu.url}/.default`], write: { clientId: 'w', clientSecret: 's' }, useOidc: false, allowedProjects: [] },
    { access: 'write', retry: { baseDelayMs: 10, maxDelayMs: 50 } },
  );
}

/** Packages of the example model: `variant` appends code to model.py, changing the bytes but not the version. */
function packager(repoFor: () => string, model: () => ModelSettings) {
  const built = new Map<string, { path: string; sha256: string }>();
  return async (version: number, variant = '', code = '') => {
    const key = `${version}/${variant}`;
    if (!built.has(key)) {
      const repo = repoFor();
      if (code) appendFileSync(join(repo, 'model_code', 'model.py'), `\n${code}\n`);
      const p = await buildPackage({
        repoRoot: repo, model: model(), service: 'prediction', env: 'test', version, artifactFolder: join(repo, 'model_artifact'),
        outputDir: mkdtempSync(join(tmpdir(), 'immutable-pkg-')), suiteVersion: '4.0.0', log: silentLogger,
      });
      built.set(key, { path: p.path, sha256: p.sha256 });
    }
    return built.get(key)!;
  };
}

const BROKEN = `def predict(data, init_object, secrets):\n    raise ModelException("broken on purpose")`;
const CHANGED = 'CHANGED_ON_PURPOSE = True';

describe('immutable deployments', () => {
  let emu: RunningEmulator;
  let client: CogniteClient;
  let model: ModelSettings;
  let pkg: ReturnType<typeof packager>;
  const notices: string[] = [];
  const log: Logger = { ...silentLogger, info: (m) => notices.push(m), warning: (m) => notices.push(m), notice: (m) => notices.push(`notice: ${m}`) };

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 40, callTimeoutMs: 30_000 });
    client = await clientFor(emu);
    const base = exampleRepo();
    [model] = (await loadSettings({ file: 'mlops_settings.yaml', repoRoot: base, env: 'test' })).models;
    pkg = packager(() => exampleRepo(), () => model);
  });
  afterAll(() => emu?.stop());

  async function deploy(version: number, variant = '', code = '', over: Partial<DeployOptions> = {}) {
    const p = await pkg(version, variant, code);
    return deployFunction({ client, model, service: 'prediction', env: 'test', packagePath: p.path, packageSha256: p.sha256, version, testPayload: PAYLOAD, log, waitTimeoutMs: 60_000, ...over });
  }
  const family = async () => (await listFunctions(client, { externalIdPrefix: LATEST })).sort((a, b) => (a.externalId ?? '').localeCompare(b.externalId ?? ''));
  const codeFile = async (sha: string): Promise<FileInfo | undefined> => (await client.files.retrieve([{ externalId: `mlops-code/${LATEST}/${sha}` }], { ignoreUnknownIds: true }))[0];
  const servedCode = async () => (await retrieveFunction(client, { externalId: LATEST }))?.fileId;

  it('a code-only change whose smoke test fails deletes only its own function, keeps the proven -N serving, marks its code file failed and keeps its logs', async () => {
    await deploy(1);
    const proven = (await family()).find((f) => f.externalId === `${LATEST}-1`)!;
    const good = await pkg(1);
    expect((await codeFile(good.sha256))?.metadata).toMatchObject({ mlops_state: 'proven' });

    const err = await deploy(1, 'broken', BROKEN).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/Smoke test of sonic_model-prediction-test-1-2 failed: it answered status "error": .*broken on purpose/s);
    const after = await family();
    // The proven -1 was never touched; the candidate that never worked is gone.
    expect(after.map((f) => f.externalId)).toEqual([LATEST, `${LATEST}-1`]);
    expect(after.find((f) => f.externalId === `${LATEST}-1`)).toMatchObject({ id: proven.id, status: 'Ready', fileId: proven.fileId });
    expect(await servedCode()).toBe(proven.fileId);
    const broken = await codeFile((await pkg(1, 'broken', BROKEN)).sha256);
    expect(broken?.metadata).toMatchObject({ mlops_state: 'failed' });
    expect(broken?.metadata?.mlops_failure).toMatch(/broken on purpose/);
    const [logFile] = await client.files.retrieve([{ externalId: broken!.metadata!.mlops_log_file }]);
    const link = await client.files.getDownloadUrls([{ id: logFile.id }]);
    expect(await (await fetch(link[0].downloadUrl)).text()).toMatch(/broken on purpose/);
  });

  it('a code-only change that passes is built beside the proven -N, and the previous deployment stays restorable', async () => {
    const before = (await family()).find((f) => f.externalId === `${LATEST}-1`)!;
    const r = await deploy(1, 'changed', CHANGED);
    expect(r).toMatchObject({ changed: true, versionedExternalId: `${LATEST}-1-2`, version: 1 });
    const after = await family();
    expect(after.map((f) => f.externalId)).toEqual([LATEST, `${LATEST}-1`, `${LATEST}-1-2`]);
    expect(after.find((f) => f.externalId === `${LATEST}-1`)).toMatchObject({ id: before.id, status: 'Ready' });
    const changed = await pkg(1, 'changed', CHANGED);
    expect(await servedCode()).toBe((await codeFile(changed.sha256))!.id);
    const previous = await codeFile((await pkg(1)).sha256);
    expect(previous?.metadata).toMatchObject({ mlops_state: 'proven' });
    expect(Number(previous?.metadata?.mlops_superseded_at)).toBeGreaterThan(0);
    expect((await codeFile(changed.sha256))?.metadata).toMatchObject({ mlops_state: 'proven' });
  });

  it('rollback with no target returns to the previous proven deployment; --to takes a version, a deployment or a code sha', async () => {
    const first = await codeFile((await pkg(1)).sha256);
    const changed = await codeFile((await pkg(1, 'changed', CHANGED)).sha256);
    const back = await rollbackLatest(client, { model: 'sonic_model', env: 'test', log: silentLogger, testPayload: PAYLOAD });
    expect(back).toMatchObject({ externalId: LATEST, version: 1, smokeTest: { status: 'ok' } });
    expect(await servedCode()).toBe(first!.id);
    await rollbackLatest(client, { model: 'sonic_model', env: 'test', to: '1-2', log: silentLogger, testPayload: PAYLOAD });
    expect(await servedCode()).toBe(changed!.id);
    await rollbackLatest(client, { model: 'sonic_model', env: 'test', to: (await pkg(1)).sha256.slice(0, 10), log: silentLogger, testPayload: PAYLOAD });
    expect(await servedCode()).toBe(first!.id);
    await rollbackLatest(client, { model: 'sonic_model', env: 'test', to: '1', log: silentLogger, testPayload: PAYLOAD });
    // "1": the newest proven deployment of version 1.
    expect(await servedCode()).toBe(changed!.id);
    // The deployment already serving: nothing is rebuilt (no window for nothing).
    const serving = await retrieveFunction(client, { externalId: LATEST });
    expect(await rollbackLatest(client, { model: 'sonic_model', env: 'test', to: '1-2', log: silentLogger, testPayload: PAYLOAD })).toMatchObject({ functionId: serving!.id, smokeTest: null });
    expect((await retrieveFunction(client, { externalId: LATEST }))?.id).toBe(serving!.id);
    // "1-1" is the first deployment of version 1 (<latest>-1), as the list of kept deployments names it.
    await rollbackLatest(client, { model: 'sonic_model', env: 'test', to: '1-1', log: silentLogger, testPayload: PAYLOAD });
    expect(await servedCode()).toBe(first!.id);
    await expect(rollbackLatest(client, { model: 'sonic_model', env: 'test', to: '9-1', log: silentLogger })).rejects.toThrow(/sonic_model-prediction-test-9 is not a kept deployment\. Kept deployments: .*1-1 \(version 1/);
    // A failed deployment is never a target.
    await expect(rollbackLatest(client, { model: 'sonic_model', env: 'test', to: (await pkg(1, 'broken', BROKEN)).sha256.slice(0, 12), log: silentLogger }))
      .rejects.toThrow(/failed its smoke test|not a kept deployment/);
  });

  it('callers never see the latest rebuilding: they fall back to the newest proven versioned function', async () => {
    const slow = await startEmulator({ buildDelayMs: 1500, callTimeoutMs: 30_000 });
    try {
      const c = await clientFor(slow);
      const run = async (version: number) => {
        const p = await pkg(version);
        return deployFunction({ client: c, model, service: 'prediction', env: 'test', packagePath: p.path, packageSha256: p.sha256, version, testPayload: PAYLOAD, log: silentLogger, waitTimeoutMs: 60_000 });
      };
      await run(1);
      let done = false;
      const deploying = run(2).finally(() => { done = true; });
      const failures: string[] = [];
      let calls = 0;
      let sawFallback = false;
      const watching = (async () => {
        while (!done) {
          const latest = await retrieveFunction(c, { externalId: LATEST });
          if (latest?.status !== 'Ready') sawFallback = true;
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      while (!done) {
        await callByExternalId(c, LATEST, PAYLOAD).then(
          (r) => { if ((r.response as { status?: string }).status !== 'ok') failures.push(JSON.stringify(r.response)); },
          (e: Error) => failures.push(e.message),
        );
        calls++;
      }
      await deploying;
      await watching;
      expect(sawFallback, 'the latest was rebuilt while calls were made').toBe(true);
      expect(failures, `${failures.length} of ${calls} calls failed: ${failures.join(" / ")}`).toEqual([]);
    } finally {
      await slow.stop();
    }
  });

  describe('a deploy that fails leaves retention nothing to miscount', () => {
    const other = (name: string): ModelSettings => ({ ...model, modelName: name });
    const deployAs = async (name: string, version: number, over: Partial<DeployOptions> = {}) => {
      const p = await pkg(version);
      return deployFunction({ client, model: other(name), service: 'prediction', env: 'test', packagePath: p.path, packageSha256: p.sha256, version, testPayload: PAYLOAD, log, waitTimeoutMs: 60_000, ...over });
    };
    const familyOf = async (latest: string) => (await listFunctions(client, { externalIdPrefix: latest })).map((f) => f.externalId).sort();
    const fileOf = async (latest: string, sha: string) => (await client.files.retrieve([{ externalId: `mlops-code/${latest}/${sha}` }], { ignoreUnknownIds: true }))[0];

    it('a secret rotation whose build fails leaves the code file proven: the deployment it shares keeps counting as proven', async () => {
      const latest = 'rot_model-prediction-test';
      await deployAs('rot_model', 1);
      emu.setFaults('build-fail:1');
      const err = await deployAs('rot_model', 1, { secrets: { 'api-key': 'rotated-value' } }).catch((e: Error) => e).finally(() => emu.setFaults(undefined));
      expect((err as Error).message).toMatch(/injected failure/);
      expect(await familyOf(latest)).toEqual([latest, `${latest}-1`]);
      // The failure was the new function's (other secrets), not the code's: -1 still passed its smoke test.
      expect((await fileOf(latest, (await pkg(1)).sha256))?.metadata).toMatchObject({ mlops_state: 'proven' });
      const [fns, files] = [await listFunctions(client, { externalIdPrefix: latest }), await familyFiles(client, latest)];
      const asFiles = files.map((f) => ({ id: f.id, externalId: f.externalId, metadata: f.metadata as Record<string, string> }));
      expect(provenVersioned(latest, fns, asFiles).map((f) => f.externalId)).toEqual([`${latest}-1`]);
    });

    it('a deploy whose smoke call cannot be sent removes the candidate it created, so retention never meets it', async () => {
      const latest = 'lost_model-prediction-test';
      await deployAs('lost_model', 1);
      // One 503 on the (not retried) POST of the smoke call.
      let failed = false;
      const flaky = new Proxy(client, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (prop !== 'post') return typeof value === 'function' ? value.bind(target) : value;
          return (url: string, options: unknown) => {
            if (!failed && /\/functions\/\d+\/call$/.test(url)) {
              failed = true;
              return Promise.reject(Object.assign(new Error('Service Unavailable'), { status: 503 }));
            }
            return target.post(url, options as never);
          };
        },
      });
      const err = await deployAs('lost_model', 2, { client: flaky }).catch((e: Error) => e);
      expect(failed).toBe(true);
      expect((err as Error).message).toMatch(/503.*Not retried/s);
      expect(await familyOf(latest)).toEqual([latest, `${latest}-1`]);
      // Not marked failed: nothing showed the code is bad; a re-run deploys it.
      expect((await fileOf(latest, (await pkg(2)).sha256))?.metadata).toMatchObject({ mlops_state: 'pending' });
      expect(await deployAs('lost_model', 2)).toMatchObject({ changed: true, versionedExternalId: `${latest}-2` });
      expect(await familyOf(latest)).toEqual([latest, `${latest}-1`, `${latest}-2`]);
    });
  });

  it('the post step checks the latest with the payload the deploy recorded: a latest that answers {} but not the model is restored, its deployment marked failed', async () => {
    const latest = 'post_model-prediction-test';
    const post = { ...model, modelName: 'post_model' };
    const run = async (variant: string, code: string, over: Partial<DeployOptions> = {}) => {
      const p = await pkg(1, variant, code);
      return deployFunction({ client, model: post, service: 'prediction', env: 'test', packagePath: p.path, packageSha256: p.sha256, version: 1, testPayload: PAYLOAD, log, waitTimeoutMs: 60_000, ...over });
    };
    await run('', '');
    const fileOf = async (sha: string) => (await client.files.retrieve([{ externalId: `mlops-code/${latest}/${sha}` }], { ignoreUnknownIds: true }))[0];
    const first = (await fileOf((await pkg(1)).sha256))!;
    // As if a cancelled deploy's switch had gone through with code whose model fails (a keep-warm {} still answers ok).
    await run('broken', BROKEN, { smokeTest: false });
    const payloadFile = join(mkdtempSync(join(tmpdir(), 'post-payload-')), 'payload.json');
    writeFileSync(payloadFile, JSON.stringify(PAYLOAD));
    const record = { latest, phase: 'switching' as const, serving: '', previousVersioned: `${latest}-1`, previousFileId: first.id, payloadFile };
    const out = await verifyLatest(client, record, { log, waitTimeoutMs: 60_000 });
    expect(out).toMatchObject({ outcome: 'restored', serving: `${latest} was restored to ${latest}-1 (version 1)` });
    expect((await retrieveFunction(client, { externalId: latest }))?.fileId).toBe(first.id);
    const broken = await fileOf((await pkg(1, 'broken', BROKEN)).sha256);
    expect(broken?.metadata).toMatchObject({ mlops_state: 'failed', mlops_failure: expect.stringMatching(/post-deploy check.*broken on purpose/) });
    await expect(rollbackLatest(client, { model: 'post_model', env: 'test', log: silentLogger })).rejects.toThrow(/no other proven deployment/);

    // A latest that answers: the deployment that served before is recorded as superseded (a later rollback returns to it).
    await run('changed', CHANGED);
    await updateCodeFileState(client, first.id, { mlops_superseded_at: '1' });
    const changed = (await fileOf((await pkg(1, 'changed', CHANGED)).sha256))!;
    expect(await verifyLatest(client, { ...record, targetFileId: changed.id }, { log, waitTimeoutMs: 60_000 })).toMatchObject({ outcome: 'ok' });
    expect(Number((await fileOf((await pkg(1)).sha256))?.metadata?.mlops_superseded_at)).toBeGreaterThan(1);
  });

  describe('functions someone else made at the latest external id', () => {
    const other = (name: string): ModelSettings => ({ ...model, modelName: name });
    /** A function made outside this suite, from its own code file. */
    async function squat(xid: string, metadata: Record<string, string>): Promise<CdfFunction> {
      const file = await client.files.upload({ name: `${xid}.zip`, externalId: `their-code/${xid}` }, readFileSync((await pkg(1)).path), false, true);
      const fn = await createFunction(client, { name: xid, externalId: xid, fileId: file.id, metadata });
      return waitForReady(client, { id: fn.id }, { timeoutMs: 30_000 });
    }
    const deployAs = async (name: string, over: Partial<DeployOptions> = {}) => {
      const p = await pkg(1);
      return deployFunction({ client, model: other(name), service: 'prediction', env: 'test', packagePath: p.path, packageSha256: p.sha256, version: 1, smokeTest: false, log, waitTimeoutMs: 60_000, ...over });
    };

    it('adopts a function the akerbp-mlops Python package made, with a notice', async () => {
      await squat('pkg_model-prediction-test', { version: '3', 'akerbp-mlops_version': '4.1.0' });
      await squat('dot_model-prediction-test', { version: '2', 'akerbp.mlops_version': '3.5.0' });
      notices.length = 0;
      await deployAs('pkg_model');
      await deployAs('dot_model');
      // A notice (an annotation on GitHub), not a line in the log.
      expect(notices.join('\n')).toMatch(/notice: pkg_model-prediction-test was made by the akerbp-mlops Python package \(4\.1\.0\), serving version 3; adopting it/);
      expect(notices.join('\n')).toMatch(/dot_model-prediction-test was made by the akerbp-mlops Python package \(3\.5\.0\)/);
    });

    it('refuses an unmarked function at the latest external id unless adopt is set', async () => {
      const squatter = await squat('mine_model-prediction-test', { team: 'someone else' });
      const err = await deployAs('mine_model').catch((e: Error) => e);
      expect((err as Error).message).toMatch(/mine_model-prediction-test \(id \d+\) was not made by akerbp\/mlops.*adopt: true.*--adopt/s);
      expect((await retrieveFunction(client, { externalId: 'mine_model-prediction-test' }))?.id).toBe(squatter.id);
      await deployAs('mine_model', { adopt: true });
      expect((await retrieveFunction(client, { externalId: 'mine_model-prediction-test' }))?.metadata?.version).toBe('1');
    });
  });

  it('a redeploy with other secrets records their fingerprint, so a later deploy with the earlier secrets puts them back instead of saying unchanged', async () => {
    const first = { 'api-key': 'first-aaaa-1111' };
    const second = { 'api-key': 'second-bbbb-2222' };
    const matches = async (secrets: Record<string, string>) =>
      credentialsMatch(decodeSuiteMetadata((await retrieveFunction(client, { externalId: LATEST }))?.metadata)?.credentials, { secrets });
    await deploy(1, '', '', { secrets: first });
    expect(await matches(first)).toBe(true);
    await redeployFunction(client, LATEST, { secrets: second, testPayload: PAYLOAD, log, waitTimeoutMs: 60_000 });
    expect(await matches(second)).toBe(true);
    expect(await matches(first)).toBe(false);
    const back = await deploy(1, '', '', { secrets: first });
    expect(back.changed).toBe(true);
    expect(await matches(first)).toBe(true);

    // With no latest (a failed switch, a deletion), an empty input is refused against the newest versioned function (trial F5).
    await deleteFunctions(client, [{ externalId: LATEST }]);
    await expect(deploy(1, '', '', { secrets: undefined })).rejects.toThrow(new RegExp(`function-secrets is empty, but ${LATEST}-1(-\\d+)? is serving with the secret api-key`));
  });
});
