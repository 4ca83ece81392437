/**
 * Retention over deployments (deploy/state.ts): the newest `keep` proven deployments of one
 * model/service/env and the one serving stay, with their code files, so every kept deployment is
 * restorable; older ones go with their code files. Versioned functions that never proved
 * themselves (left by a cancelled or crashed deploy, or a build that failed) go once they are
 * older than a grace period (younger ones may be a concurrent deploy's candidate). Failed
 * deployments have no function; their code files and saved logs stay for debugging, the newest
 * `keep` of them.
 */
import type { CogniteClient, FileInfo } from '@cognite/sdk';
import { deleteFunctions, type CdfFunction } from '../cdf/functions.js';
import { sdkCall } from '../cdf/retry.js';
import { CODE_FILE_PREFIX, SMOKE_LOG_SUFFIX, deleteCodeFiles, isCodeFileExternalId } from './code-file.js';
import { deploymentRecord, isProvenFunction, parseVersionedSuffix } from './state.js';

/**
 * Code files no function uses, and unproven functions, are removed once this old; younger ones
 * may belong to a concurrent deploy that has not yet created or proven its function.
 */
export const ORPHAN_GRACE_MS = 60 * 60_000;

/** The version in `<latest xid>-<version>[-<k>]`, or null for other external ids. */
export function versionOfExternalId(latestXid: string, externalId: string | undefined): number | null {
  return parseVersionedSuffix(latestXid, externalId)?.version ?? null;
}

export interface RetentionPlan {
  doomed: CdfFunction[];
  /** code files to delete: of doomed deployments no remaining function uses, orphans, old failures */
  fileIds: number[];
}

const asFile = (files: FileInfo[]) => {
  const byId = new Map(files.map((f) => [f.id, f]));
  return (id: number) => {
    const f = byId.get(id);
    return f ? { id: f.id, externalId: f.externalId, metadata: f.metadata as Record<string, string> | undefined } : undefined;
  };
};

/**
 * `functions`: the family (latest and versioned) as it is now; `files`: the family's code files
 * (`mlops-code/<latest xid>/...`); `keep`: deployments kept, newest first (`'all'`: every one;
 * 0: none but the serving one, as the settings' `models_to_keep: 0`); `servingFileId` and the code
 * file the latest runs now are never removed. Pure: `now` is the clock.
 */
export function planRetention(latestXid: string, functions: CdfFunction[], files: FileInfo[], keep: number | 'all', servingFileId: number | null, now = Date.now()): RetentionPlan {
  const fileOf = asFile(files);
  const old = (t: number) => now - t > ORPHAN_GRACE_MS;
  // What the latest runs now is kept too: a concurrent deploy may have switched it since.
  const latestFileId = functions.find((fn) => fn.externalId === latestXid)?.fileId;
  const serving = (fn: CdfFunction) => fn.fileId === servingFileId || fn.fileId === latestFileId;
  const versioned = functions.filter((fn) => parseVersionedSuffix(latestXid, fn.externalId) !== null).sort((a, b) => b.createdTime - a.createdTime);
  const proven = versioned.filter((fn) => isProvenFunction(fn, fileOf(fn.fileId)));
  const kept = keep === 'all' ? proven : proven.filter((fn, i) => i < keep || serving(fn));
  const unproven = versioned.filter((fn) => !proven.includes(fn) && !serving(fn) && old(fn.createdTime));
  const doomed = [...proven.filter((fn) => !kept.includes(fn)), ...unproven].reverse();
  const inUse = new Set(functions.filter((fn) => !doomed.includes(fn)).map((fn) => fn.fileId));
  const codeFiles = files.filter((f) => isCodeFileExternalId(latestXid, f.externalId) && !inUse.has(f.id));
  const failed = codeFiles.filter((f) => deploymentRecord(fileOf(f.id)).state === 'failed').sort((a, b) => new Date(b.createdTime).getTime() - new Date(a.createdTime).getTime());
  const staleFailures = keep === 'all' ? [] : failed.slice(keep);
  const orphans = codeFiles.filter((f) => !failed.includes(f) && (doomed.some((fn) => fn.fileId === f.id) || old(new Date(f.createdTime).getTime())));
  // Saved smoke-call logs live as long as their code file stays failed.
  const gone = new Set([...orphans, ...staleFailures].map((f) => f.id));
  const logs = files.filter((f) => f.externalId?.endsWith(SMOKE_LOG_SUFFIX)).filter((log) => {
    const code = files.find((f) => f.externalId === log.externalId!.slice(0, -SMOKE_LOG_SUFFIX.length));
    return !code || gone.has(code.id) || deploymentRecord(fileOf(code.id)).state !== 'failed';
  });
  return { doomed, fileIds: [...new Set([...orphans, ...staleFailures, ...logs].map((f) => f.id))] };
}

/** The family's files in CDF Files (`mlops-code/<latest xid>/`: code files and saved logs). */
export async function familyFiles(client: CogniteClient, latestXid: string): Promise<FileInfo[]> {
  return sdkCall(client, 'POST /files/list', () => client.files.list({ filter: { externalIdPrefix: `${CODE_FILE_PREFIX}${latestXid}/` }, limit: 1000 }).autoPagingToArray({ limit: Infinity }), true);
}

/** Applies the plan; says what it removed. */
export async function applyRetention(client: CogniteClient, plan: RetentionPlan): Promise<string> {
  if (plan.doomed.length) await deleteFunctions(client, plan.doomed.map((fn) => ({ id: fn.id })));
  const files = plan.fileIds.length ? await deleteCodeFiles(client, plan.fileIds) : [];
  if (!plan.doomed.length && !files.length) return 'nothing to remove';
  return `removed ${plan.doomed.map((fn) => fn.externalId).join(', ') || 'no functions'}` + (files.length ? ` and code file(s) ${files.join(', ')}` : '');
}
