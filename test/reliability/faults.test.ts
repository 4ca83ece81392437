/**
 * Fault-injected deploys: many deploys of the example model (new versions, code-only changes of
 * the serving version, redeploys) against an emulator that answers 429/503 at random, adds latency
 * and fails builds (seeded), with invariants checked after each: the latest exists, is Ready and
 * answers status ok with the old or the new version, running the deployed code (after a failure:
 * what served, or a proven deployment); cancellations at random points are cancel.test.ts's; deployments
 * are unique; no code files beyond retention (orphans only from failed runs, swept later).
 * Every run gives function secrets, changed every other run: a successful run leaves the latest
 * created with exactly those (its fingerprint matches), and no secret value appears in any log
 * line, result, summary row, function or file metadata, or stored code zip.
 * Then racing deploys and promotions. `npm run test:faults` runs many; `npm test` a few.
 * FAULT_RUNS, FAULT_SPEC and FAULT_SEED override the defaults.
 */
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import {
  CODE_FILE_PREFIX, ModelManager, isCodeFileExternalId, parseVersionedSuffix, callByExternalId, createCdfClient, credentialsMatch, decodeSuiteMetadata,
  deployModels, deploySummaryRows, downloadFile, listFunctions, resolveCdfConfig, retrieveFunction, silentLogger, type Logger, type ModelDeploy,
} from '@akerbp-mlops/core';
import type { CogniteClient } from '@cognite/sdk';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { cogniteEnv } from '../helpers/emulator-env.js';
import { exampleRepo } from '../helpers/example-repo.js';
import { zipText } from '../helpers/zip-text.js';

const RUNS = Number(process.env.FAULT_RUNS ?? 4);
const SPEC = process.env.FAULT_SPEC ?? (RUNS > 4 ? '429:0.1,503:0.05,latency:200ms,build-fail:0.2' : '429:0.03,503:0.03,latency:10ms,build-fail:0.25');
const SEED = Number(process.env.FAULT_SEED ?? 7);
const KEEP = 2;
const LATEST = 'sonic_model-prediction-dev';
const PAYLOAD = { data: { ACS: [180.0], RDEP: [2.5], DEN: [2.3] } };

describe(`fault-injected deploys (${RUNS} runs, faults ${SPEC}, seed ${SEED})`, () => {
  let emu: RunningEmulator;
  let client: CogniteClient;
  let repo: string;
  let buildFailures = 0;

  beforeAll(async () => {
    emu = await startEmulator({
      buildDelayMs: 30, callTimeoutMs: 30_000, seed: SEED,
      logger: (line) => { if (/injected failure/.test(line)) buildFailures++; },
    });
    client = await createCdfClient(resolveCdfConfig({}, cogniteEnv(emu)), { access: 'write' });
    repo = exampleRepo();
    writeFileSync(join(repo, 'payload.json'), JSON.stringify(PAYLOAD));
  });
  afterAll(() => emu?.stop());

  /** Every secret value given, and everything a deploy printed or returned. */
  const secretValues: string[] = [];
  const printed: string[] = [];
  const capture: Logger = {
    debug: (m) => printed.push(m), info: (m) => printed.push(m), warning: (m) => printed.push(m), error: (m) => printed.push(m),
    group: (title, fn) => { printed.push(title); return fn(); }, secret: () => {},
  };
  const secretsFor = (run: number) => {
    const value = `fault-secret-${Math.floor(run / 2)}-9d8c7b`;
    if (!secretValues.includes(value)) secretValues.push(value);
    return { 'api-key': value };
  };
  let secrets = secretsFor(0);

  const deploy = (version: number, c = client): Promise<ModelDeploy[]> =>
    deployModels({
      client: c, settingsFile: 'mlops_settings.yaml', workingDirectory: repo, models: [], service: 'prediction', env: 'dev',
      artifactVersion: version, testPayload: join(repo, 'payload.json'), smokeTest: true, keepVersions: KEEP, secrets,
      keepWarmSchedule: null, dryRun: false, waitTimeoutMs: 60_000, log: capture,
    }).then((results) => {
      printed.push(JSON.stringify(results), JSON.stringify(deploySummaryRows(results, false)));
      return results;
    });

  /** The checker's own calls meet injected faults too; a few tries tell a fault from a broken state. */
  async function tries<T>(what: () => Promise<T>): Promise<T> {
    for (let i = 1; ; i++) {
      try {
        return await what();
      } catch (err) {
        if (i === 4) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** Code files of the family that no function uses. */
  async function orphanIds(): Promise<number[]> {
    const family = await tries(() => listFunctions(client, { externalIdPrefix: LATEST }));
    const files = await tries(() => client.files.list({ filter: { externalIdPrefix: `${CODE_FILE_PREFIX}${LATEST}/` }, limit: 1000 }).autoPagingToArray({ limit: Infinity }));
    const used = new Set(family.map((f) => f.fileId));
    // Failed deployments keep their code files (and saved logs) on purpose: not orphans.
    return files.filter((f) => isCodeFileExternalId(LATEST, f.externalId) && !used.has(f.id) && (f.metadata as Record<string, string> | undefined)?.mlops_state !== 'failed').map((f) => f.id);
  }

  /**
   * Invariant violations of the family as it is now; `allowed` are the model ids the latest may
   * serve; `earlierOrphans` are code files an earlier test's failed runs left (swept after 1 h).
   */
  async function violations(allowed: string[], failedRuns: number, earlierOrphans: number[] = []): Promise<string[]> {
    const found: string[] = [];
    const family = (await tries(() => listFunctions(client, { externalIdPrefix: LATEST }))).filter((f) => f.externalId === LATEST || parseVersionedSuffix(LATEST, f.externalId) !== null);
    const latest = family.find((f) => f.externalId === LATEST);
    if (!latest) return ['the latest function does not exist'];
    if (latest.status !== 'Ready') found.push(`the latest is ${latest.status}`);
    else {
      const answer: { status?: string; model_id?: string } = await tries(() => callByExternalId(client, LATEST, PAYLOAD)).then((r) => r.response as { status?: string; model_id?: string }, (e: Error) => ({ status: `call failed: ${e.message}` }));
      if (answer.status !== 'ok') found.push(`the latest answered ${answer.status}`);
      else if (!allowed.includes(answer.model_id!)) found.push(`the latest serves ${answer.model_id}, expected one of ${allowed.join(', ')}`);
    }
    const versioned = family.filter((f) => f !== latest);
    // A deployment is one version's code file run with one set of secrets (deploy/state.ts): `-N` and
    // `-N-k` of one version are distinct deployments (a code-only change or a secret rotation), two
    // versioned functions of the same version, code file and secrets are a duplicate. Fingerprints
    // are salted per deployment, so the secrets are told by matching each value this test gave.
    const deployments: string[] = [];
    for (const f of versioned) {
      const stored = decodeSuiteMetadata(f.metadata)?.credentials;
      let secret = -1;
      for (let i = 0; i < secretValues.length && secret < 0; i++) if (await credentialsMatch(stored, { secrets: { 'api-key': secretValues[i] } })) secret = i;
      deployments.push(`${f.externalId} (version ${f.metadata?.version}, code file ${f.fileId}, secrets ${secret < 0 ? 'unknown' : `#${secret}`})`);
    }
    const keys = deployments.map((d) => d.replace(/^\S+ /, ''));
    if (new Set(keys).size !== keys.length) found.push(`duplicate deployments ${deployments.join(', ')}`);
    for (const f of versioned) if (parseVersionedSuffix(LATEST, f.externalId)?.version !== Number(f.metadata?.version)) found.push(`${f.externalId} holds version ${f.metadata?.version}`);
    // Retention keeps KEEP versions, plus the serving one; failed runs may leave one more each until swept.
    if (versioned.length > KEEP + 1 + failedRuns) {
      // Each one's code file state (deploy/state.ts) says why retention kept it.
      const files = await tries(() => client.files.retrieve(versioned.map((f) => ({ id: f.fileId })), { ignoreUnknownIds: true }));
      const state = (id: number) => (files.find((x) => x.id === id)?.metadata as Record<string, string> | undefined)?.mlops_state ?? 'no state';
      found.push(`${versioned.length} versioned functions kept (retention ${KEEP}): ${versioned.map((f) => `${f.externalId} ${f.status} file ${f.fileId} (${state(f.fileId)}) created ${f.createdTime}`).join(', ')}`);
    }
    const orphans = (await orphanIds()).filter((id) => !earlierOrphans.includes(id));
    if (orphans.length > failedRuns) found.push(`${orphans.length} orphaned code files after ${failedRuns} failed run(s)`);
    return found;
  }

  /** Places a secret value was found: logs and results, function and file metadata, code zips. */
  async function secretLeaks(): Promise<string[]> {
    const functions = await tries(() => listFunctions(client));
    const files = await tries(() => client.files.list({ limit: 1000 }).autoPagingToArray({ limit: Infinity }));
    const places: [string, string][] = [
      ['logs and results', printed.join('\n')],
      ['function metadata and env vars', JSON.stringify(functions.map((f) => ({ m: f.metadata, e: f.envVars, d: f.description })))],
      ['file metadata', JSON.stringify(files.map((f) => f.metadata))],
    ];
    const dir = mkdtempSync(join(tmpdir(), 'fault-files-'));
    for (const f of files.filter((x) => x.externalId?.startsWith(CODE_FILE_PREFIX) && x.uploaded)) {
      const [link] = await tries(() => client.files.getDownloadUrls([{ id: f.id }]));
      const path = join(dir, String(f.id));
      await tries(() => downloadFile(client, link.downloadUrl, path));
      places.push([`code zip ${f.externalId}`, await zipText(path)]);
    }
    return places.flatMap(([where, text]) => secretValues.filter((s) => text.includes(s)).map((s) => `${where}: ${s}`));
  }

  it('every deploy leaves a Ready latest serving the old or the new version', async () => {
    // The first deploy without faults: the invariants are about replacing what serves.
    expect((await deploy(1))[0]).toMatchObject({ version: 1, changed: true });
    expect(await violations(['sonic_model/dev/1'], 0)).toEqual([]);
    emu.setFaults(SPEC);
    onTestFinished(() => emu.setFaults(undefined));
    const requestsBefore = emu.requests.length;
    let serving = 'sonic_model/dev/1';
    let failed = 0;
    let succeeded = 0;
    const broken: string[] = [];
    let codeOnly = 0;
    for (let run = 0; run < RUNS; run++) {
      // New versions; a code-only change of the version that serves (a new deployment -N-k); and a
      // redeploy of what serves (a no-op, a repair, or a secret rotation), in turn.
      const kind = (['new', 'code-only', 'redeploy'] as const)[run % 3];
      const version = kind === 'new' ? run + 2 : Number(serving.split('/').pop());
      if (kind === 'code-only') appendFileSync(join(repo, 'model_code', 'helper.py'), `\nFAULT_CODE_ONLY_${run} = ${run}\n`);
      secrets = secretsFor(run + 1);
      const codeBefore = decodeSuiteMetadata((await tries(() => retrieveFunction(client, { externalId: LATEST })))?.metadata)?.codeSha256;
      let made: string | undefined;
      const outcome = await deploy(version).then((r) => { made = r[0].codeSha256; return 'ok'; }, (e: Error) => { printed.push(e.message); return e.message; });
      const latest = await tries(() => retrieveFunction(client, { externalId: LATEST }));
      const codeNow = decodeSuiteMetadata(latest?.metadata)?.codeSha256;
      if (outcome === 'ok') {
        succeeded++;
        if (kind === 'code-only') codeOnly++;
        if (!(await credentialsMatch(decodeSuiteMetadata(latest?.metadata)?.credentials, { secrets }))) broken.push(`run ${run + 1}: the latest does not run with the secrets given`);
        if (codeNow !== made) broken.push(`run ${run + 1} (${kind}): deployed ${made}, but the latest runs ${codeNow}`);
      } else {
        failed++;
        // A failed deploy leaves what served, or (when only a later stage failed) its own proven code.
        const [file] = codeNow === codeBefore ? [] : await tries(() => client.files.retrieve([{ externalId: `${CODE_FILE_PREFIX}${LATEST}/${codeNow}` }], { ignoreUnknownIds: true }));
        if (codeNow !== codeBefore && (file?.metadata as Record<string, string> | undefined)?.mlops_state !== 'proven') broken.push(`run ${run + 1} (${kind}, failed): the latest runs ${codeNow}, neither what served (${codeBefore}) nor a proven deployment`);
      }
      const allowed = [...new Set([serving, `sonic_model/dev/${version}`])];
      const found = await violations(allowed, failed);
      broken.push(...found.map((v) => `run ${run + 1} (${kind}, version ${version}, ${outcome === 'ok' ? 'deployed' : `failed: ${outcome.replace(/\s+/g, ' ').slice(0, 600)}`}): ${v}`));
      const now = await tries(() => callByExternalId(client, LATEST, PAYLOAD)).then((r) => (r.response as { model_id?: string }).model_id, () => undefined);
      if (now) serving = now;
    }
    const injected = emu.requests.slice(requestsBefore).filter((r) => r.status === 429 || r.status === 503).length;
    console.log(`fault-injected deploys: ${RUNS} runs (${succeeded} deployed, ${codeOnly} of them code-only changes; ${failed} failed cleanly), ${injected} injected 429/503, ${buildFailures} injected build failures, ${secretValues.length} secret values, invariant violations: ${broken.length}`);
    expect(broken).toEqual([]);
    emu.setFaults(undefined);
    const leaks = await secretLeaks();
    console.log(`secret scan after the fault runs: ${printed.length} log lines and results, every function's and file's metadata, every stored code zip: ${leaks.length} hits`);
    expect(leaks).toEqual([]);
  }, 60_000 + RUNS * 90_000);

  // Runs after the fault runs above, whose failed deploys must leave retention nothing to miscount
  // (a candidate that could not be proven is removed; a failed rotation never un-proves its code).
  it('racing deploys of one model end with unique versions and one consistent latest', async () => {
    const start = 100;
    // The fault runs above may have left orphaned code files from their failed runs.
    const earlier = await orphanIds();
    // Same new version twice, then two different new versions at once.
    const same = await Promise.allSettled([deploy(start), deploy(start)]);
    expect(same.filter((r) => r.status === 'fulfilled').length, JSON.stringify(same.map((r) => r.status === 'rejected' && String(r.reason?.message).slice(0, 300)))).toBeGreaterThan(0);
    expect(await violations([`sonic_model/dev/${start}`], 0, earlier)).toEqual([]);
    const other = await Promise.allSettled([deploy(start + 1), deploy(start + 2)]);
    const winners = other.flatMap((r, i) => (r.status === 'fulfilled' ? [`sonic_model/dev/${start + 1 + i}`] : []));
    for (const r of other) if (r.status === 'rejected') expect(String(r.reason?.message)).toMatch(/Another deploy|replaced it meanwhile|at the same time/);
    expect(winners.length).toBeGreaterThan(0);
    expect(await violations(winners, other.length - winners.length, earlier)).toEqual([]);
  }, 300_000);

  it('racing promotions of one version end with one verified copy that both report', async () => {
    const mm = new ModelManager({ client, log: silentLogger });
    const source = await mm.uploadNewVersion('race_model', 'test', join(repo, 'model_artifact'));
    const results = await Promise.all([mm.promote('race_model', 'test', 'prod'), mm.promote('race_model', 'test', 'prod')]);
    const prod = await mm.overview({ model: 'race_model', env: 'prod' });
    const ids = prod.map((v) => v.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    // Both racers may copy, but the higher copy yields to the lower: one version remains.
    expect(ids).toEqual(['race_model/prod/1']);
    expect(prod[0]).toMatchObject({ sha256: source.sha256, promotedFrom: 'race_model/test/1' });
    for (const r of results) expect(r.target.externalId).toBe('race_model/prod/1');
    console.log(`racing promotions: ${prod.length} prod cop${prod.length === 1 ? 'y' : 'ies'} of race_model/test/1`);
  });
});
