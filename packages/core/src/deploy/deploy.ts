/**
 * Deploys one model service as an immutable deployment (deploy/state.ts): resolve → upload code
 * (state pending) → a new versioned function beside the proven ones (create, wait, smoke; a
 * failure deletes it and marks its code file failed) → proven → switch the latest (with restore)
 * → retention → keep-warm. No step deletes the last proven function of a version before its
 * replacement is Ready and smoke-tested. Every stage is a log group and a timed entry in the
 * result; an unchanged model costs a few reads and changes nothing.
 */
import type { CogniteClient, FileInfo } from '@cognite/sdk';
import { deleteFunctions, listFunctions, retrieveFunction, waitForReady, type CdfFunction, type FunctionCreate } from '../cdf/functions.js';
import { CdfApiError } from '../cdf/retry.js';
import { MlopsError } from '../errors.js';
import { CancelledError, throwIfCancelled } from '../interrupt.js';
import type { Logger } from '../logger.js';
import { artifactExternalId, codeFileExternalId, functionExternalId } from '../naming.js';
import { isCodeFileExternalId, isCodeFileFor, mustReplace, retrieveFiles, saveCallLogs, updateCodeFileState, uploadCodeFile } from './code-file.js';
import { deployedCode, functionSpec } from './fields.js';
import { mergeCredentialSecrets, withoutCredentialSecrets } from './credential-secrets.js';
import { givenSecretValues, refuseSilentWipe, validateSecrets } from './secrets.js';
import { credentialFingerprint, credentialsMatch, type FunctionCredentials } from './credential-fingerprint.js';
import { decodeSuiteMetadata, isPackageFunction } from './suite-metadata.js';
import { applyKeepWarm, checkCron } from './keep-warm.js';
import { recordProgress } from './progress.js';
import { redactError } from '../redact.js';
import { applyRetention, familyFiles, planRetention } from './retention.js';
import { DEFAULT_WAIT_TIMEOUT_MS, SmokeTestError, createOrAdopt, replaceFunction, smokeCall, type SmokeResult } from './rollout.js';
import { FAILURE_TEXT_LIMIT, STATE_KEYS, deploymentRecord, isProvenFunction, parseVersionedSuffix, versionedExternalId, type FileLike } from './state.js';
import { checkRuntimeOffered } from './runtime.js';
import type { DeployOptions, DeployResult, DeployStage } from './types.js';

/** Other deployments of the same version tried when concurrent deploys take the ids first. */
const CANDIDATE_ATTEMPTS = 5;

/** Runs one stage inside a log group and records its duration and outcome. */
export function stageRunner(stages: DeployStage[], log: Logger) {
  return async <T>(name: string, title: string, body: (detail: (text: string) => void) => Promise<T>): Promise<T> => {
    const started = Date.now();
    let detail: string | undefined;
    try {
      return await log.group(title, () => body((text) => {
        detail = text;
        log.info(text);
      }));
    } finally {
      stages.push({ name, ms: Date.now() - started, ...(detail ? { detail } : {}) });
    }
  };
}

/**
 * Ids of the functions created with exactly these secrets and index URLs, compared through the
 * slow salted fingerprint in their record (credential-fingerprint.ts: CDF never shows values).
 * One derivation per distinct fingerprint: the functions of one deployment share theirs.
 */
async function withSameCredentials(fns: CdfFunction[], credentials: FunctionCredentials): Promise<Set<number>> {
  const verdicts = new Map<string, Promise<boolean>>();
  const same = new Set<number>();
  for (const fn of fns) {
    const stored = decodeSuiteMetadata(fn.metadata)?.credentials ?? '';
    if (!verdicts.has(stored)) verdicts.set(stored, credentialsMatch(stored || undefined, credentials));
    if (await verdicts.get(stored)) same.add(fn.id);
  }
  return same;
}

/** The akerbp-mlops Python package's marks (suite-metadata.ts isPackageFunction), named in messages. */
const PACKAGE_VERSION_KEYS = ['akerbp-mlops_version', 'akerbp.mlops_version'];
/** What the seed wrote before the 3-key suite metadata; its functions are ours too. */
const SEED_KEYS = ['code_sha256', 'suite_version'];

/**
 * Who made the function at the latest external id: this suite (its `mlops` record, the seed's
 * keys, or a code file of ours), the akerbp-mlops Python package (`version` plus the package's
 * version key), or someone else.
 */
export function functionOwner(fn: CdfFunction, codeFile: FileLike | undefined, latestXid: string): { kind: 'suite' } | { kind: 'package'; packageVersion: string } | { kind: 'unknown' } {
  const m = fn.metadata ?? {};
  if (decodeSuiteMetadata(m) || SEED_KEYS.some((k) => k in m) || isCodeFileExternalId(latestXid, codeFile?.externalId)) return { kind: 'suite' };
  if (isPackageFunction(m)) return { kind: 'package', packageVersion: m[PACKAGE_VERSION_KEYS.find((k) => k in m) as string] };
  return { kind: 'unknown' };
}

/** Refuses to replace a function this suite did not make, unless adopting; notices adoption of the Python package's. */
function checkOwnership(latest: CdfFunction | null, files: FileInfo[], latestXid: string, adopt: boolean, log: Logger): void {
  if (!latest) return;
  const owner = functionOwner(latest, files.find((f) => f.id === latest.fileId), latestXid);
  if (owner.kind === 'package') {
    const notice = `${latestXid} was made by the akerbp-mlops Python package (${owner.packageVersion}), serving version ${latest.metadata?.version}; adopting it: this deploy replaces it, and restores it from its code file (id ${latest.fileId}) if the new function fails.`;
    if (log.notice) log.notice(notice);
    else log.info(notice);
  } else if (owner.kind === 'unknown' && !adopt) {
    throw new MlopsError(
      `${latestXid} (id ${latest.id}) was not made by akerbp/mlops: its metadata has neither this suite's keys nor the akerbp-mlops Python package's ` +
        `(version plus ${PACKAGE_VERSION_KEYS.join(' or ')}), and deploying would delete it. If it is yours to replace, set the input adopt: true ` +
        '(or pass --adopt to mlops deploy); otherwise pick another model_name.',
      [{ field: 'adopt', message: `${latestXid} was not made by akerbp/mlops` }],
    );
  } else if (owner.kind === 'unknown') {
    log.warning(`${latestXid} (id ${latest.id}) was not made by akerbp/mlops; adopt is set, so this deploy replaces it.`);
  }
}

/** The first external id of version N's deployments (`-N`, `-N-2`, ...) no function has. */
function firstFree(latestXid: string, version: number, taken: { externalId?: string }[]): string {
  const used = new Set(taken.map((fn) => fn.externalId));
  let k = 1;
  while (used.has(versionedExternalId(latestXid, version, k))) k++;
  return versionedExternalId(latestXid, version, k);
}

/** Says what a family's latest serves, for summaries. */
function servingText(latestXid: string, fn: CdfFunction | null): string {
  if (!fn) return `nothing: ${latestXid} does not exist`;
  return `${latestXid} ${fn.status === 'Ready' ? 'serves' : `is ${fn.status}, with`} version ${fn.metadata?.version ?? '?'} (function id ${fn.id}, code file ${fn.fileId})`;
}

export async function deployFunction(o: DeployOptions): Promise<DeployResult> {
  const latestXid = functionExternalId(o.model.modelName, o.service, o.env);
  // Bad input fails before CDF is touched.
  validateSecrets(o.secrets, o.secretsField);
  if (o.keepWarmSchedule) checkCron(o.keepWarmSchedule);
  // A training service's smoke call is always {} (deploy() says why): no payload file to record.
  const payloadFile = o.smokeTest !== false && o.service !== 'training' ? o.testPayloadFile : undefined;
  recordProgress({ latest: latestXid, phase: 'preparing', serving: `${latestXid}: not yet read`, ...(payloadFile ? { payloadFile } : {}) });
  try {
    return await deploy(o, latestXid);
  } catch (err) {
    const now = await retrieveFunction(o.client, { externalId: latestXid }).catch(() => undefined);
    recordProgress({ latest: latestXid, phase: 'failed', serving: now === undefined ? `${latestXid}: unknown (CDF could not be read)` : servingText(latestXid, now) });
    throw redactError(err, givenSecretValues(o));
  }
}

async function deploy(o: DeployOptions, latestXid: string): Promise<DeployResult> {
  const { client, model, service, env, version, log } = o;
  const sha = o.packageSha256;
  const codeXid = codeFileExternalId(model.modelName, service, env, sha);
  const userSecrets = validateSecrets(o.secrets, o.secretsField);
  const secrets = mergeCredentialSecrets(userSecrets, o.credentialSecrets ?? {}, o.secretsField);
  // An explicit keep-versions wins over the settings (models_to_keep / keep_all_models, default 3).
  const keepVersions = o.keepVersions ?? model.retention.keep;
  const waitTimeoutMs = o.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  // A training service is smoke-tested with a keep-warm call, never a training run: a deploy
  // must not create an artifact version.
  const smokePayload = o.smokeTest === false ? null : service === 'training' ? {} : (o.testPayload ?? {});
  if (service === 'training' && o.smokeTest !== false && o.testPayload !== undefined && JSON.stringify(o.testPayload) !== '{}') {
    log.info(`${latestXid}: the smoke test of a training service is a keep-warm call ({}), not the test payload: a deploy never trains.`);
  }
  const stages: DeployStage[] = [];
  const stage = stageRunner(stages, log);
  const result: DeployResult = {
    functionExternalId: latestXid, functionId: null, versionedExternalId: versionedExternalId(latestXid, version), version,
    modelId: artifactExternalId(model.modelName, env, version), codeFileId: null, codeSha256: sha,
    previousVersion: null, changed: false, stages, smokeTest: null,
  };

  const credentials: FunctionCredentials = { secrets, indexUrls: o.indexUrls };
  let sameCredentials = new Set<number>();
  // One list call finds the latest and every versioned function; one byids call their code files and this code's.
  const family = await stage('resolve', `Resolve ${latestXid}`, async (detail) => {
    const found = await listFunctions(client, { externalIdPrefix: latestXid });
    const latest = found.find((fn) => fn.externalId === latestXid) ?? null;
    const versioned = found.filter((fn) => parseVersionedSuffix(latestXid, fn.externalId) !== null);
    result.previousVersion = deployedCode(latest).version;
    // A changed secret or index URL makes the functions of this code unusable: rotation takes effect.
    sameCredentials = await withSameCredentials(found.filter((fn) => deployedCode(fn).sha256 === sha), credentials);
    // Unchanged needs no file read: the latest is only ever created from proven code.
    const same = (fn: CdfFunction | null | undefined) => !!fn && fn.status === 'Ready' && deployedCode(fn).sha256 === sha && sameCredentials.has(fn.id);
    const twin = same(latest) ? versioned.find((fn) => same(fn) && fn.fileId === latest!.fileId && parseVersionedSuffix(latestXid, fn.externalId)?.version === version) : undefined;
    if (twin) {
      detail(`${servingText(latestXid, latest)}, this very code, with ${twin.externalId}.`);
      return { latest, versioned, files: [] as FileInfo[], codeFile: undefined, unchanged: twin };
    }
    const ids = [...new Set([latest, ...versioned].filter((fn): fn is CdfFunction => !!fn).map((fn) => fn.fileId))];
    const files = await retrieveFiles(client, [{ externalId: codeXid }, ...ids.map((id) => ({ id }))]);
    detail(latest
      ? `${servingText(latestXid, latest)}; ${versioned.length} versioned function(s).`
      : `${latestXid} does not exist yet; ${versioned.length} versioned function(s).`);
    return { latest, versioned, files, codeFile: files.find((f) => f.externalId === codeXid), unchanged: undefined };
  });
  const { latest, versioned, files } = family;
  if (!family.unchanged) checkOwnership(latest, files, latestXid, o.adopt ?? false, log);
  // Before anything changes, so a refused deploy leaves the serving function and its secrets as they are.
  // With no latest (a switch that failed, a deleted one), the newest versioned function, which callers fall back to, is the reference.
  const reference = latest ?? [...versioned].sort((a, b) => b.createdTime - a.createdTime)[0] ?? null;
  refuseSilentWipe(userSecrets, reference && withoutCredentialSecrets(reference), o.secretsField);
  const fileOf = (id: number): FileLike | undefined => {
    const f = files.find((x) => x.id === id);
    return f && { id: f.id, externalId: f.externalId, metadata: f.metadata as Record<string, string> | undefined };
  };
  const codeFileId = isCodeFileFor(family.codeFile, sha) ? family.codeFile!.id : null;
  const ofThisCode = (fn: CdfFunction) => fn.fileId === codeFileId && sameCredentials.has(fn.id) && parseVersionedSuffix(latestXid, fn.externalId)?.version === version;
  const provenHere = family.unchanged ?? versioned.find((fn) => ofThisCode(fn) && isProvenFunction(fn, fileOf(fn.fileId))) ?? null;
  const serves = !!family.unchanged || (!!latest && latest.fileId === codeFileId && latest.status === 'Ready' && sameCredentials.has(latest.id));
  const previous = latest ? versioned.filter((fn) => fn.fileId === latest.fileId && isProvenFunction(fn, fileOf(fn.fileId))).sort((a, b) => b.createdTime - a.createdTime)[0] : undefined;
  recordProgress({ latest: latestXid, serving: servingText(latestXid, latest), previousVersioned: previous?.externalId, previousFileId: latest?.fileId });
  // Only when a function will be created (dry runs too): the project's live runtime list wins over the offline one.
  if (!(serves && provenHere)) await checkRuntimeOffered(client, o.model);

  if (o.dryRun) {
    // What a real run would do: the outputs name the versioned function it would serve from, and
    // the latest's id only when it would stay (a replaced or created latest gets a new id).
    const versionedXid = provenHere ? provenHere.externalId as string : firstFree(latestXid, version, versioned);
    const plan = serves && provenHere
      ? ['unchanged: nothing to deploy']
      : [
          provenHere ? `reuse ${versionedXid}` : `create ${versionedXid}`,
          `${latest ? 'replace' : 'create'} ${latestXid} with code sha256 ${sha}`,
        ];
    result.changed = !(serves && provenHere);
    result.versionedExternalId = versionedXid;
    result.functionId = serves && provenHere ? latest!.id : null;
    result.codeFileId = serves ? latest!.fileId : null;
    stages.push({ name: 'dry run', ms: 0, detail: plan.join('; ') });
    log.info(`Dry run: ${plan.join('; ')}.`);
    return result;
  }

  let serving = latest;
  if (serves && provenHere) {
    log.info(`${latestXid}: unchanged (version ${version}, code sha256 ${sha} already serving); nothing deleted, created or uploaded.`);
    result.functionId = latest!.id;
    result.codeFileId = latest!.fileId;
    result.versionedExternalId = provenHere.externalId as string;
  } else {
    result.changed = true;
    throwIfCancelled(`the upload of ${codeXid}`);
    const codeFile = await stage('upload code', `Upload code ${codeXid}`, async (detail) => {
      const existing = family.codeFile;
      if (isCodeFileFor(existing, sha)) {
        const state = stateOf(existing);
        if (state === 'failed') await updateCodeFileState(client, existing!.id, { [STATE_KEYS.state]: 'pending' });
        detail(`${codeXid} already holds this code (file ${existing!.id}${state === 'failed' ? ', failed before: trying it again' : ''}); not uploaded.`);
        return existing!;
      }
      const file = await uploadCodeFile(client, {
        packagePath: o.packagePath, externalId: codeXid, sha256: sha, dataset: model.dataset, log,
        metadata: { model: model.modelName, service, env, version: String(version), [STATE_KEYS.state]: 'pending', ...(o.indexUrls?.indexUrl || o.indexUrls?.extraIndexUrls?.length ? { [STATE_KEYS.indexUrl]: 'set' } : {}) }, overwrite: mustReplace(existing, sha),
      });
      detail(`uploaded ${codeXid} (file ${file.id}).`);
      return file;
    });
    const fileId = codeFile.id;
    result.codeFileId = fileId;
    const credentialsFingerprint = await credentialFingerprint(credentials);
    const spec = (externalId: string, isLatest: boolean): FunctionCreate => functionSpec({
      model, service, env, version, codeSha256: sha, fileId, externalId, latest: isLatest, secrets, indexUrls: o.indexUrls, credentialsFingerprint, provenance: o.provenance, log,
    });
    // Proven before this deploy: another function of this code passed its smoke test (this one differs in secrets or index URLs).
    const provenBefore = stateOf(codeFile) === 'proven';
    /**
     * Marks this deployment failed (function deleted, code file and logs kept), then rethrows. A
     * code file proven before stays proven: its other deployment still works, and un-proving it
     * would take it from fallbacks, rollback and retention's count.
     */
    const fail = async (fn: CdfFunction | null, raw: unknown): Promise<never> => {
      // What the call printed or raised is stored and shown only with this deploy's secrets hidden.
      const err = redactError(raw, givenSecretValues(o));
      if (provenBefore) {
        if (fn) await deleteFunctions(client, [{ id: fn.id }]).catch((e: Error) => log.warning(`Could not delete ${fn.externalId}, which never worked: ${e.message}`));
        log.warning(`Deleted ${fn?.externalId ?? 'the new function'}, which never worked; its code file ${codeXid} stays proven: the deployment of it with the earlier secrets or index URLs passed its smoke test.`);
        throw err;
      }
      const reason = err instanceof SmokeTestError ? `smoke test failed: ${err.reason}` : (err as Error).message.split('\n')[0];
      const add: Record<string, string> = { [STATE_KEYS.state]: 'failed', [STATE_KEYS.failure]: reason.slice(0, FAILURE_TEXT_LIMIT) };
      if (err instanceof SmokeTestError) {
        add[STATE_KEYS.logFile] = await saveCallLogs(client, codeFile, `${fn?.externalId} call ${err.callId}: ${err.reason}`, err.logs.map((l) => l.message.trimEnd()))
          .catch((e: Error) => { log.warning(`Could not save the smoke call's logs: ${e.message}`); return ''; });
        if (!add[STATE_KEYS.logFile]) delete add[STATE_KEYS.logFile];
      }
      await updateCodeFileState(client, fileId, add).catch((e: Error) => log.warning(`Could not mark ${codeXid} failed: ${e.message}`));
      if (fn) {
        await deleteFunctions(client, [{ id: fn.id }]).catch((e: Error) => log.warning(`Could not delete ${fn.externalId}, which never worked: ${e.message}`));
        log.warning(`Deleted ${fn.externalId}, which never worked; its code file ${codeXid} is kept, marked failed${add[STATE_KEYS.logFile] ? `, with the call's logs in ${add[STATE_KEYS.logFile]}` : ''}.`);
      }
      throw err;
    };
    /** The versioned function this deploy created (not one it reused or waited for). */
    let createdHere: CdfFunction | undefined;
    /**
     * A function this deploy created and could not prove for another reason than its smoke test
     * (the call could not be sent, a timeout) goes, so retention never meets a leftover that looks
     * like a concurrent deploy's candidate; its code file stays pending and a re-run builds it
     * again. After a cancel it stays (no new work starts): a re-run reuses it, retention removes it
     * after ORPHAN_GRACE_MS.
     */
    const abandon = async (err: unknown): Promise<never> => {
      if (createdHere && !(err instanceof CancelledError)) {
        const fn = createdHere;
        await deleteFunctions(client, [{ id: fn.id }]).then(
          () => log.warning(`Deleted ${fn.externalId}, which this deploy created and could not prove; its code file ${codeXid} is kept (not marked failed: its smoke test never ran to the end).`),
          (e: Error) => log.warning(`Could not delete ${fn.externalId}, which this deploy created and could not prove: ${e.message}`),
        );
      }
      throw err;
    };
    let smoke: SmokeResult | null = null;

    throwIfCancelled(`the versioned function of version ${version}`);
    const candidate = await stage('versioned function', `Versioned function of version ${version}`, async (detail) => {
      const mine = versioned.filter((fn) => ofThisCode(fn) && fn.status !== 'Failed').sort((a, b) => b.createdTime - a.createdTime);
      const ready = mine.find((fn) => fn.status === 'Ready');
      if (ready) {
        detail(`${ready.externalId} already runs this code and is Ready; reused.`);
        return ready;
      }
      if (mine[0]) {
        // Being built by a concurrent deploy of the same code: wait for it instead of building another.
        const fn = await waitForReady(client, { id: mine[0].id }, { timeoutMs: waitTimeoutMs, log });
        detail(`${fn.externalId} was being built with this code; it is Ready.`);
        return fn;
      }
      // A new deployment under the first free id of this version: nothing proven is deleted for it.
      const taken = [...versioned];
      let created: CdfFunction | undefined;
      for (let attempts = 1; !created; attempts++) {
        const xid = firstFree(latestXid, version, taken);
        created = await createOrAdopt(client, spec(xid, false), log, 'throw', (fn) => { createdHere = fn; }).catch((err: unknown) => {
          if (!(err instanceof CdfApiError && err.status === 409) || attempts >= CANDIDATE_ATTEMPTS) throw err;
          taken.push({ externalId: xid } as CdfFunction);
          return undefined;
        });
      }
      const fn = await waitForReady(client, { externalId: created.externalId as string }, { timeoutMs: waitTimeoutMs, log }).catch((err: unknown) => fail(created!, err));
      detail(`created ${fn.externalId} (id ${fn.id}); Ready.`);
      return fn;
    });
    result.versionedExternalId = candidate.externalId as string;
    try {
      if (smokePayload !== null) {
        throwIfCancelled(`the smoke test of ${candidate.externalId}`);
        smoke = await stage('smoke test versioned', `Smoke-test ${candidate.externalId}`, async (detail) => {
          const r = await smokeCall(client, candidate, smokePayload, { timeoutMs: waitTimeoutMs, log }).catch((err: unknown) => (err instanceof SmokeTestError ? fail(candidate, err) : Promise.reject(err)));
          detail(`status ${r.status} in ${r.ms} ms`);
          return r;
        });
      }
      if (!provenBefore) {
        await updateCodeFileState(client, fileId, { [STATE_KEYS.state]: 'proven', [STATE_KEYS.provenAt]: String(Date.now()) }, [STATE_KEYS.failure, STATE_KEYS.logFile]);
      }
    } catch (err) {
      // fail() has already removed a candidate whose smoke test failed.
      if (err instanceof SmokeTestError) throw err;
      await abandon(err);
    }

    throwIfCancelled(`the switch of ${latestXid}`);
    serving = await stage('switch latest', `Switch ${latestXid} to version ${version}`, async (detail) => {
      if (serves) {
        detail(`${latestXid} already serves this code.`);
        return latest;
      }
      const ours = (id: number | undefined) => id !== undefined && isCodeFileExternalId(latestXid, fileOf(id)?.externalId);
      // Callers fall back to the deployment the latest is switched to while it is rebuilt.
      await updateCodeFileState(client, fileId, { [STATE_KEYS.servedAt]: String(Date.now()) });
      recordProgress({ latest: latestXid, phase: 'switching', targetFileId: fileId, serving: `${latestXid} is being re-created with version ${version} (code file ${fileId}); callers of our client use ${candidate.externalId} meanwhile` });
      const out = await replaceFunction(client, latest, spec(latestXid, true), {
        waitTimeoutMs, smokePayload, log, restoreFields: { secrets, ...o.indexUrls },
        onRestore: async (prev) => {
          recordProgress({ latest: latestXid, phase: 'restoring', targetFileId: prev.fileId, serving: `${latestXid} is being restored to version ${prev.metadata?.version ?? '?'} (code file ${prev.fileId})` });
          if (ours(prev.fileId)) await updateCodeFileState(client, prev.fileId, { [STATE_KEYS.servedAt]: String(Date.now()) });
        },
      });
      if (latest && ours(latest.fileId) && latest.fileId !== fileId) await updateCodeFileState(client, latest.fileId, { [STATE_KEYS.supersededAt]: String(Date.now()) });
      if (out.smoke) smoke = out.smoke;
      detail(`${latestXid} (id ${out.fn.id}) serves version ${version}${out.smoke ? `; smoke test ${out.smoke.status} in ${out.smoke.ms} ms` : ''}.`);
      return out.fn;
    });
    result.functionId = serving!.id;
    result.smokeTest = smoke;

    await stage('retention', `Retention (keep ${keepVersions === 0 ? 'only the serving one' : keepVersions})`, async (detail) => {
      const now = await listFunctions(client, { externalIdPrefix: latestXid });
      detail(await applyRetention(client, planRetention(latestXid, now.filter((fn) => fn.externalId === latestXid || parseVersionedSuffix(latestXid, fn.externalId) !== null), await familyFiles(client, latestXid), keepVersions, fileId)));
    });
  }

  await stage('keep-warm', 'Keep-warm schedule', async (detail) => {
    detail(await applyKeepWarm(client, serving!, o.keepWarmSchedule ?? null));
  });
  recordProgress({ latest: latestXid, phase: 'done', targetFileId: serving!.fileId, serving: servingText(latestXid, serving) });
  return result;
}

/** The state a code file records (`legacy` for none). */
function stateOf(file: FileInfo | undefined): string {
  return deploymentRecord(file ? { id: file.id, metadata: file.metadata as Record<string, string> | undefined } : undefined).state;
}
