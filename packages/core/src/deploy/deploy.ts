/**
 * Deploys one model service (issue 6): resolve → upload code → versioned function (create, wait,
 * smoke) → switch the latest (with restore) → retention → keep-warm. Every stage is a log group
 * and a timed entry in the result. An unchanged model costs a few reads and changes nothing.
 */
import { deleteFunctions, listFunctions, waitForReady, type CdfFunction } from '../cdf/functions.js';
import type { Logger } from '../logger.js';
import { artifactExternalId, codeFileExternalId, functionExternalId } from '../naming.js';
import { isCodeFileFor, mustReplace, retrieveFiles, uploadCodeFile } from './code-file.js';
import { deployedCode, functionSpec } from './fields.js';
import { mergeCredentialSecrets, withoutCredentialSecrets } from './credential-secrets.js';
import { refuseSilentWipe, validateSecrets } from './secrets.js';
import { applyKeepWarm, checkCron } from './keep-warm.js';
import { applyRetention, planRetention, versionOfExternalId } from './retention.js';
import { DEFAULT_WAIT_TIMEOUT_MS, replaceFunction, rollOut, smokeCall, type SmokeResult } from './rollout.js';
import type { DeployOptions, DeployResult, DeployStage } from './types.js';

export const DEFAULT_KEEP_VERSIONS = 3;

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

/** Same secret names (CDF shows names, never values). */
function sameSecretNames(fn: CdfFunction, secrets: Record<string, string> | undefined): boolean {
  return JSON.stringify(Object.keys(fn.secrets ?? {}).sort()) === JSON.stringify(Object.keys(secrets ?? {}).sort());
}

export async function deployFunction(o: DeployOptions): Promise<DeployResult> {
  const { client, model, service, env, version, log } = o;
  const sha = o.packageSha256;
  const latestXid = functionExternalId(model.modelName, service, env);
  const versionedXid = functionExternalId(model.modelName, service, env, version);
  const codeXid = codeFileExternalId(model.modelName, service, env, sha);
  const userSecrets = validateSecrets(o.secrets);
  const secrets = mergeCredentialSecrets(userSecrets, o.credentialSecrets ?? {});
  if (o.keepWarmSchedule) checkCron(o.keepWarmSchedule);
  const keepVersions = o.keepVersions ?? DEFAULT_KEEP_VERSIONS;
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
    functionExternalId: latestXid, functionId: null, versionedExternalId: versionedXid, version,
    modelId: artifactExternalId(model.modelName, env, version), codeFileId: null, codeSha256: sha,
    previousVersion: null, changed: false, stages, smokeTest: null,
  };
  const matches = (fn: CdfFunction | null): boolean =>
    !!fn && fn.status === 'Ready' && deployedCode(fn).sha256 === sha && deployedCode(fn).version === version && sameSecretNames(fn, secrets);

  // One list call finds the latest, this version and every version retention looks at.
  const family = await stage('resolve', `Resolve ${latestXid}`, async (detail) => {
    const found = await listFunctions(client, { externalIdPrefix: latestXid });
    const ours = found.filter((fn) => fn.externalId === latestXid || versionOfExternalId(latestXid, fn.externalId) !== null);
    const latest = ours.find((fn) => fn.externalId === latestXid) ?? null;
    const versioned = ours.find((fn) => fn.externalId === versionedXid) ?? null;
    result.previousVersion = deployedCode(latest).version;
    const versions = ours.filter((fn) => fn !== latest).length;
    detail(latest
      ? `${latestXid} serves version ${result.previousVersion ?? '?'} (code sha256 ${deployedCode(latest).sha256 ?? 'unknown'}, ${latest.status}); ${versions} versioned function(s).`
      : `${latestXid} does not exist yet; ${versions} versioned function(s).`);
    return { all: ours, latest, versioned };
  });
  let { latest, versioned } = family;
  // Before anything changes, so a refused deploy leaves the serving function and its secrets as they are.
  refuseSilentWipe(userSecrets, latest && withoutCredentialSecrets(latest));
  const unchanged = matches(latest) && matches(versioned);

  if (o.dryRun) {
    const plan = unchanged
      ? ['unchanged: nothing to deploy']
      : [
          matches(versioned) ? `reuse ${versionedXid}` : `${versioned ? 'replace' : 'create'} ${versionedXid}`,
          `${latest ? 'replace' : 'create'} ${latestXid} with code sha256 ${sha}`,
        ];
    result.changed = !unchanged;
    result.functionId = latest?.id ?? null;
    result.codeFileId = unchanged ? latest!.fileId : null;
    stages.push({ name: 'dry run', ms: 0, detail: plan.join('; ') });
    log.info(`Dry run: ${plan.join('; ')}.`);
    return result;
  }

  if (unchanged) {
    log.info(`${latestXid}: unchanged (version ${version}, code sha256 ${sha} already serving); nothing deleted, created or uploaded.`);
    result.functionId = latest!.id;
    result.codeFileId = latest!.fileId;
  } else {
    result.changed = true;
    const fileId = await stage('upload code', `Upload code ${codeXid}`, async (detail) => {
      const [existing] = await retrieveFiles(client, [{ externalId: codeXid }]);
      if (isCodeFileFor(existing, sha)) {
        detail(`${codeXid} already holds this code (file ${existing.id}); not uploaded.`);
        return existing.id;
      }
      const file = await uploadCodeFile(client, {
        packagePath: o.packagePath, externalId: codeXid, sha256: sha, dataset: model.dataset, log,
        metadata: { model: model.modelName, service, env, version: String(version) }, overwrite: mustReplace(existing, sha),
      });
      detail(`uploaded ${codeXid} (file ${file.id}).`);
      return file.id;
    });
    result.codeFileId = fileId;
    const spec = (externalId: string, isLatest: boolean) =>
      functionSpec({ model, service, env, version, codeSha256: sha, fileId, externalId, latest: isLatest, secrets, indexUrls: o.indexUrls, provenance: o.provenance, log });
    const rollout = { waitTimeoutMs, smokePayload, log };
    let smoke: SmokeResult | null = null;

    versioned = await stage('versioned function', `Create ${versionedXid}`, async (detail) => {
      if (matches(versioned)) {
        detail(`${versionedXid} already runs this code and is Ready; reused.`);
        return versioned;
      }
      if (versioned && deployedCode(versioned).sha256 === sha && versioned.status !== 'Failed' && sameSecretNames(versioned, secrets)) {
        // Being built by a concurrent deploy of the same code: wait for it instead of replacing it.
        const fn = await waitForReady(client, { id: versioned.id }, { timeoutMs: waitTimeoutMs, log });
        detail(`${versionedXid} was being built with this code; it is Ready.`);
        return fn;
      }
      // Not serving, so a plain replace: nothing to restore.
      if (versioned) await deleteFunctions(client, [{ id: versioned.id }]);
      const out = await rollOut(client, spec(versionedXid, false), { ...rollout, smokePayload: null });
      detail(`${versioned ? 'replaced' : 'created'} ${versionedXid} (id ${out.fn.id}); Ready.`);
      return out.fn;
    });
    if (smokePayload !== null) {
      smoke = await stage('smoke test versioned', `Smoke-test ${versionedXid}`, async (detail) => {
        const r = await smokeCall(client, versioned!, smokePayload, { timeoutMs: waitTimeoutMs, log });
        detail(`status ${r.status} in ${r.ms} ms`);
        return r;
      });
    }

    latest = await stage('switch latest', `Switch ${latestXid} to version ${version}`, async (detail) => {
      if (matches(latest)) {
        detail(`${latestXid} already serves this code.`);
        return latest;
      }
      const out = await replaceFunction(client, latest, spec(latestXid, true), { ...rollout, restoreSecrets: secrets });
      if (out.smoke) smoke = out.smoke;
      detail(`${latestXid} (id ${out.fn.id}) serves version ${version}${out.smoke ? `; smoke test ${out.smoke.status} in ${out.smoke.ms} ms` : ''}.`);
      return out.fn;
    });
    result.functionId = latest!.id;
    result.smokeTest = smoke;

    const replaced = [family.latest, family.versioned].filter((fn): fn is CdfFunction => !!fn && fn.id !== latest!.id && fn.id !== versioned!.id);
    await stage('retention', `Retention (keep ${keepVersions || 'all'})`, async (detail) => {
      const now = [...family.all.filter((fn) => !replaced.includes(fn) && fn.id !== latest!.id && fn.id !== versioned!.id), latest!, versioned!];
      detail(await applyRetention(client, latestXid, planRetention(latestXid, now, keepVersions, version, replaced.map((fn) => fn.fileId)), now));
    });
  }

  await stage('keep-warm', 'Keep-warm schedule', async (detail) => {
    detail(await applyKeepWarm(client, latest!, o.keepWarmSchedule ?? null));
  });
  return result;
}
