/**
 * Retention: versioned functions of one model/service/env beyond `keep`, oldest first, never the
 * one serving, together with their code files when no remaining function uses them.
 */
import type { CogniteClient } from '@cognite/sdk';
import { deleteFunctions, type CdfFunction } from '../cdf/functions.js';
import { sdkCall } from '../cdf/retry.js';
import { CODE_FILE_PREFIX, deleteCodeFiles } from './code-file.js';

/**
 * Code files no function uses, left by failed deploys, are removed once this old; younger ones
 * may belong to a concurrent deploy that has uploaded but not yet created its function.
 */
export const ORPHAN_GRACE_MS = 60 * 60_000;

/** The version in `<latest xid>-<version>`, or null for other external ids. */
export function versionOfExternalId(latestXid: string, externalId: string | undefined): number | null {
  if (!externalId?.startsWith(`${latestXid}-`)) return null;
  const rest = externalId.slice(latestXid.length + 1);
  return /^[1-9][0-9]*$/.test(rest) ? Number(rest) : null;
}

export interface RetentionPlan {
  doomed: CdfFunction[];
  /** code files no remaining function uses */
  fileIds: number[];
}

/**
 * `functions` are every function of the family (latest and versioned) as they are now;
 * `servingVersion` is never removed; `released` are code files that lost their function.
 */
export function planRetention(latestXid: string, functions: CdfFunction[], keep: number, servingVersion: number | null, released: number[] = []): RetentionPlan {
  const versioned = functions
    .map((fn) => ({ fn, version: versionOfExternalId(latestXid, fn.externalId) }))
    .filter((v): v is { fn: CdfFunction; version: number } => v.version !== null)
    .sort((a, b) => b.version - a.version);
  const doomed = keep <= 0 ? [] : versioned.slice(keep).filter((v) => v.version !== servingVersion).map((v) => v.fn).reverse();
  const remaining = functions.filter((fn) => !doomed.includes(fn));
  const inUse = new Set(remaining.map((fn) => fn.fileId));
  const fileIds = [...new Set([...doomed.map((fn) => fn.fileId), ...released])].filter((id) => !inUse.has(id));
  return { doomed, fileIds };
}

/** Code files of the family (`mlops-code/<latest xid>/...`) older than the grace period that no function uses. */
export async function orphanCodeFiles(client: CogniteClient, latestXid: string, inUse: number[], now = Date.now()): Promise<number[]> {
  const files = await sdkCall(client, 'POST /files/list', () => client.files.list({ filter: { externalIdPrefix: `${CODE_FILE_PREFIX}${latestXid}/` }, limit: 1000 }).autoPagingToArray({ limit: Infinity }), true);
  return files.filter((f) => !inUse.includes(f.id) && now - new Date(f.createdTime).getTime() > ORPHAN_GRACE_MS).map((f) => f.id);
}

export async function applyRetention(client: CogniteClient, latestXid: string, plan: RetentionPlan, remaining: CdfFunction[]): Promise<string> {
  if (plan.doomed.length) await deleteFunctions(client, plan.doomed.map((fn) => ({ id: fn.id })));
  const orphans = await orphanCodeFiles(client, latestXid, remaining.filter((fn) => !plan.doomed.includes(fn)).map((fn) => fn.fileId));
  const fileIds = [...new Set([...plan.fileIds, ...orphans])];
  const files = fileIds.length ? await deleteCodeFiles(client, fileIds) : [];
  if (!plan.doomed.length && !files.length) return 'nothing to remove';
  return `removed ${plan.doomed.map((fn) => fn.externalId).join(', ') || 'no functions'}` + (files.length ? ` and code file(s) ${files.join(', ')}` : '');
}
