/**
 * Changing deployed functions outside a deploy: delete, rollback (point the latest at any kept
 * deployment, deploy/state.ts) and redeploy (rebuild from the same code file), with the deploy's
 * safety: what was serving keeps serving if the new function fails. The post step's restore is a
 * rollback to the deployment that served before.
 */
import type { CogniteClient, FileInfo } from '@cognite/sdk';
import { deleteFunctions, listFunctions, retrieveFunction, type CdfFunction, type FunctionCreate } from '../cdf/functions.js';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { functionExternalId } from '../naming.js';
import type { Env, Service } from '../settings/types.js';
import { isCodeFileExternalId, retrieveFiles, updateCodeFileState } from '../deploy/code-file.js';
import { LATEST_HINT, recreateSpecWithCredentials } from '../deploy/fields.js';
import type { IndexUrls } from '../deploy/index-urls.js';
import { credentialsMatch } from '../deploy/credential-fingerprint.js';
import { decodeSuiteMetadata } from '../deploy/suite-metadata.js';
import { givenSecretValues, validateSecrets } from '../deploy/secrets.js';
import { redactError } from '../redact.js';
import { applyKeepWarm, keepWarmOf } from '../deploy/keep-warm.js';
import { recordProgress } from '../deploy/progress.js';
import { familyFiles } from '../deploy/retention.js';
import { replaceFunction, type SmokeResult } from '../deploy/rollout.js';
import { STATE_KEYS, deploymentRank, deploymentRecord, isProvenFunction, parseVersionedSuffix, type FileLike } from '../deploy/state.js';
import { requireFunction } from './inventory.js';

export async function deleteFunctionByExternalId(client: CogniteClient, xid: string, log: Logger): Promise<CdfFunction> {
  const fn = await requireFunction(client, xid);
  await deleteFunctions(client, [{ id: fn.id }]);
  log.info(`Deleted ${xid} (id ${fn.id}); its code file ${fn.fileId} stays in CDF Files.`);
  return fn;
}

export interface ReplaceCommon {
  /** CDF never returns secret values: a function with secrets needs them again (the deploy's function-secrets) */
  secrets?: Record<string, string>;
  /** CDF never returns index URLs either: a deployment built with one needs them again (the deploy's index-url inputs) */
  indexUrls?: IndexUrls;
  /**
   * How the caller's user gives secrets and index URLs, for messages: the action inputs
   * (default), or the CLI's flags or the environment variables standing in for them
   */
  fieldNames?: { secrets: string; indexUrl: string; extraIndexUrls: string };
  smokeTest?: boolean;
  testPayload?: unknown;
  waitTimeoutMs?: number;
  log: Logger;
}

export interface ReplaceOutcome {
  externalId: string;
  functionId: number;
  previousVersion: number | null;
  version: number | null;
  /** the versioned function whose deployment the latest now runs (rollback only) */
  deployment?: string;
  smokeTest: SmokeResult | null;
}

/** The fields CDF never returns, from the caller; says which are missing for `source`. */
function fieldsGiven(source: CdfFunction, sourceFile: FileLike | undefined, o: ReplaceCommon): Pick<FunctionCreate, 'secrets' | 'indexUrl' | 'extraIndexUrls'> {
  const names = o.fieldNames ?? { secrets: 'function-secrets', indexUrl: 'index-url', extraIndexUrls: 'extra-index-urls' };
  const given = validateSecrets(o.secrets, names.secrets);
  const needed = Object.keys(source.secrets ?? {});
  const missing = needed.filter((k) => !given || !(k in given));
  const problems: string[] = [];
  if (missing.length) problems.push(`secrets ${missing.join(', ')} (give them with ${names.secrets})`);
  if (sourceFile?.metadata?.[STATE_KEYS.indexUrl] && !o.indexUrls?.indexUrl && !o.indexUrls?.extraIndexUrls?.length) problems.push(`the index URLs it was built with (give them with ${names.indexUrl} / ${names.extraIndexUrls})`);
  if (problems.length) {
    throw new MlopsError(`${source.externalId} needs ${problems.join(' and ')}: CDF never returns secrets or index URLs, so give the same values as its deploy did.`);
  }
  return { ...(given && Object.keys(given).length ? { secrets: given } : {}), ...(o.indexUrls?.indexUrl ? { indexUrl: o.indexUrls.indexUrl } : {}), ...(o.indexUrls?.extraIndexUrls?.length ? { extraIndexUrls: o.indexUrls.extraIndexUrls } : {}) };
}

/**
 * Warns before a replace when `current` records a fingerprint of other secrets or index URLs than
 * `fields`, those it would be restored with: CDF never returns the old values, so a failed
 * replace cannot bring `current` back as it was.
 */
async function warnIfRestoreDiffers(current: CdfFunction | null, fields: Pick<FunctionCreate, 'secrets' | 'indexUrl' | 'extraIndexUrls'>, log: Logger): Promise<void> {
  const stored = decodeSuiteMetadata(current?.metadata)?.credentials;
  if (!current || !stored) return;
  if (await credentialsMatch(stored, { secrets: fields.secrets, indexUrls: { indexUrl: fields.indexUrl, extraIndexUrls: fields.extraIndexUrls } })) return;
  log.warning(`The secrets or index URLs given differ from those ${current.externalId} runs with (its recorded fingerprint): should the new function fail, ${current.externalId} can only be restored with the ones given now, since CDF never returns secret values.`);
}

/**
 * Re-creates `current` as `spec` with restore on failure, carrying the keep-warm schedule over.
 * Throws the replace's error with the caller's secrets and index-URL credentials hidden (`***`).
 */
async function replaceKeepingSchedule(
  client: CogniteClient, current: CdfFunction | null, spec: FunctionCreate, o: ReplaceCommon, restoreFields: Pick<FunctionCreate, 'secrets' | 'indexUrl' | 'extraIndexUrls'>,
  onRestore?: (previous: CdfFunction) => Promise<void>,
): Promise<ReplaceOutcome> {
  const cron = current ? await keepWarmOf(client, current) : null;
  await warnIfRestoreDiffers(current, restoreFields, o.log);
  const { fn, smoke } = await replaceFunction(client, current, spec, {
    waitTimeoutMs: o.waitTimeoutMs, smokePayload: o.smokeTest === false ? null : (o.testPayload ?? {}), restoreFields, onRestore, log: o.log,
  }).catch((err: unknown) => {
    // A failed smoke call's error quotes what the model printed or raised: its secrets are hidden before anyone stores or prints it.
    throw redactError(err, givenSecretValues(o));
  });
  if (cron) o.log.info(await applyKeepWarm(client, fn, cron));
  const versionOf = (f: CdfFunction | null) => (f?.metadata?.version ? Number(f.metadata.version) : null);
  return { externalId: spec.externalId as string, functionId: fn.id, previousVersion: versionOf(current), version: versionOf(fn), smokeTest: smoke };
}

export interface Deployments {
  latestXid: string;
  latest: CdfFunction | null;
  /** proven versioned functions, newest first */
  kept: CdfFunction[];
  /** the family's code files and any other code files its functions use */
  files: FileLike[];
}

/** The kept (proven) deployments of one model, service and environment. */
export async function keptDeployments(client: CogniteClient, model: string, service: Service, env: Env): Promise<Deployments> {
  const latestXid = functionExternalId(model, service, env);
  const found = await listFunctions(client, { externalIdPrefix: latestXid });
  const latest = found.find((fn) => fn.externalId === latestXid) ?? null;
  const versioned = found.filter((fn) => parseVersionedSuffix(latestXid, fn.externalId) !== null);
  const own = await familyFiles(client, latestXid);
  const others = await retrieveFiles(client, [...new Set(versioned.map((fn) => fn.fileId))].filter((id) => !own.some((f) => f.id === id)).map((id) => ({ id })));
  const files = [...own, ...others].map((f: FileInfo) => ({ id: f.id, externalId: f.externalId, metadata: f.metadata as Record<string, string> | undefined }));
  const fileOf = (id: number) => files.find((f) => f.id === id);
  const kept = versioned.filter((fn) => isProvenFunction(fn, fileOf(fn.fileId))).sort((a, b) => b.createdTime - a.createdTime);
  return { latestXid, latest, kept, files };
}

/**
 * The deployment `to` names: undefined → the previous proven one (the one the latest most recently
 * moved away from, else the best ranked other than the serving one); `N` → the newest proven
 * deployment of artifact version N; `N-k` → the versioned function `<latest>-N-k` (`N-1`: the
 * first deployment, `<latest>-N`); 7–64 hex
 * digits → the deployment whose code sha256 starts with them. Throws MlopsError naming the kept
 * deployments when none matches.
 */
export function pickDeployment(d: Deployments, to: string | number | undefined): CdfFunction {
  const fileOf = (id: number) => d.files.find((f) => f.id === id);
  // Each named as --to takes it: N-K, the first deployment of a version as N-1.
  const label = (fn: CdfFunction) => {
    const v = parseVersionedSuffix(d.latestXid, fn.externalId);
    return v ? `${v.version}-${v.deployment}` : fn.externalId;
  };
  const list = () => d.kept.map((fn) => `${label(fn)} (version ${fn.metadata?.version}, code ${fileOf(fn.fileId)?.externalId?.split('/').pop()?.slice(0, 12) ?? `file ${fn.fileId}`})`).join(', ') || 'none';
  const fail = (why: string): never => {
    throw new MlopsError(`Cannot roll back ${d.latestXid}: ${why}. Kept deployments: ${list()}.`);
  };
  const raw = to === undefined ? undefined : String(to).trim();
  if (raw === undefined) {
    const others = d.kept.filter((fn) => fn.fileId !== d.latest?.fileId);
    const superseded = others.filter((fn) => deploymentRecord(fileOf(fn.fileId)).supersededAt !== null)
      .sort((a, b) => (deploymentRecord(fileOf(b.fileId)).supersededAt ?? 0) - (deploymentRecord(fileOf(a.fileId)).supersededAt ?? 0));
    const ranked = [...others].sort((a, b) => {
      const [x, y] = [deploymentRank(a, fileOf(a.fileId), d.latest), deploymentRank(b, fileOf(b.fileId), d.latest)];
      return y[0] - x[0] || y[1] - x[1] || y[2] - x[2];
    });
    return superseded[0] ?? ranked[0] ?? fail('there is no other proven deployment to return to');
  }
  if (/^[1-9][0-9]*$/.test(raw)) {
    return d.kept.find((fn) => parseVersionedSuffix(d.latestXid, fn.externalId)?.version === Number(raw)) ?? fail(`no kept deployment of version ${raw}`);
  }
  if (/^[1-9][0-9]*-[1-9][0-9]*$/.test(raw)) {
    return d.kept.find((fn) => label(fn) === raw) ?? fail(`${d.latestXid}-${raw.replace(/-1$/, '')} is not a kept deployment`);
  }
  if (/^[0-9a-f]{7,64}$/i.test(raw)) {
    const files = d.files.filter((f) => isCodeFileExternalId(d.latestXid, f.externalId) && f.externalId!.split('/').pop()!.startsWith(raw.toLowerCase()));
    if (files.length > 1) fail(`code sha256 prefix ${raw} matches ${files.length} deployments; give more digits`);
    const record = deploymentRecord(files[0]);
    if (files[0] && record.state === 'failed') fail(`the deployment with code ${raw} failed its smoke test${record.failure ? ` (${record.failure})` : ''}`);
    return d.kept.find((fn) => files[0] && fn.fileId === files[0].id) ?? fail(`code ${raw} is not a kept deployment`);
  }
  return fail(`"${raw}" is neither a version (3), a deployment (3-2) nor a code sha256 prefix (7+ hex digits)`);
}

/**
 * Points `<model>-<service>-<env>` at a kept deployment (pickDeployment): re-creates the latest
 * from that deployment's code file and fields (secrets and index URLs from the caller), smoke-tests
 * it, restores what served when it fails, and records the switch in the code files' metadata.
 * Nothing is rebuilt when the latest is Ready and already runs that deployment's code.
 */
export async function rollbackLatest(client: CogniteClient, o: ReplaceCommon & { model: string; service?: Service; env: Env; to?: string | number }): Promise<ReplaceOutcome> {
  const d = await keptDeployments(client, o.model, o.service ?? 'prediction', o.env);
  const target = pickDeployment(d, o.to);
  const current = d.latest;
  if (current?.status === 'Ready' && current.fileId === target.fileId) {
    // Rebuilding would open the latest's window for nothing (redeploy rebuilds on purpose, e.g. with other secrets).
    o.log.info(`${d.latestXid} already serves ${target.externalId} (version ${target.metadata?.version ?? '?'}, code file ${target.fileId}); nothing to do (mlops functions redeploy ${d.latestXid} rebuilds it).`);
    const version = current.metadata?.version ? Number(current.metadata.version) : null;
    return { externalId: d.latestXid, functionId: current.id, previousVersion: version, version, deployment: target.externalId, smokeTest: null };
  }
  return pointLatestAt(client, d, target, o);
}

/** Re-creates the latest from `target`'s deployment (see rollbackLatest). */
export async function pointLatestAt(client: CogniteClient, d: Deployments, target: CdfFunction, o: ReplaceCommon): Promise<ReplaceOutcome> {
  const fileOf = (id: number) => d.files.find((f) => f.id === id);
  const ours = (id: number) => isCodeFileExternalId(d.latestXid, fileOf(id)?.externalId);
  const fields = fieldsGiven(target, fileOf(target.fileId), o);
  const current = await retrieveFunction(client, { externalId: d.latestXid });
  const description = `${(target.description ?? '').replace(/ \(latest\)$/, '').slice(0, 500 - LATEST_HINT.length)}${LATEST_HINT}`;
  const spec = await recreateSpecWithCredentials(target, fields, { externalId: d.latestXid, description });
  o.log.info(`Pointing ${d.latestXid} at ${target.externalId} (version ${target.metadata?.version ?? '?'}, code file ${target.fileId}).`);
  if (ours(target.fileId)) await updateCodeFileState(client, target.fileId, { [STATE_KEYS.servedAt]: String(Date.now()) });
  recordProgress({ latest: d.latestXid, phase: 'switching', targetFileId: target.fileId, serving: `${d.latestXid} is being re-created from ${target.externalId}` });
  const restoreFields = current ? (() => { try { return fieldsGiven(current, fileOf(current.fileId), o); } catch { return fields; } })() : fields;
  const out = await replaceKeepingSchedule(client, current, spec, o, restoreFields, async (prev) => {
    recordProgress({ latest: d.latestXid, phase: 'restoring', targetFileId: prev.fileId, serving: `${d.latestXid} is being restored to code file ${prev.fileId}` });
    if (ours(prev.fileId)) await updateCodeFileState(client, prev.fileId, { [STATE_KEYS.servedAt]: String(Date.now()) });
  }).catch((err: unknown) => {
    recordProgress({ latest: d.latestXid, phase: 'failed', serving: `${d.latestXid}: see the error` });
    throw err;
  });
  if (current && current.fileId !== target.fileId && ours(current.fileId)) await updateCodeFileState(client, current.fileId, { [STATE_KEYS.supersededAt]: String(Date.now()) });
  recordProgress({ latest: d.latestXid, phase: 'done', targetFileId: target.fileId, serving: `${d.latestXid} serves version ${target.metadata?.version ?? '?'} (${target.externalId})` });
  return { ...out, deployment: target.externalId };
}

/** Re-creates a function from its own code file and fields (a fresh build, e.g. after a failure). */
export async function redeployFunction(client: CogniteClient, xid: string, o: ReplaceCommon): Promise<ReplaceOutcome> {
  const current = await requireFunction(client, xid);
  const [file] = await retrieveFiles(client, [{ id: current.fileId }]);
  const fields = fieldsGiven(current, file && { id: file.id, metadata: file.metadata as Record<string, string> | undefined }, o);
  return replaceKeepingSchedule(client, current, await recreateSpecWithCredentials(current, fields), o, fields);
}
