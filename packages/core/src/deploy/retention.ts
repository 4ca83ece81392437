/**
 * Retention: versioned functions of one model/service/env beyond `keep`, oldest first, never the
 * one serving, together with their code files when no remaining function uses them.
 */
import type { CogniteClient } from '@cognite/sdk';
import { deleteFunctions, type CdfFunction } from '../cdf/functions.js';
import { deleteCodeFiles } from './code-file.js';

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

export async function applyRetention(client: CogniteClient, plan: RetentionPlan): Promise<string> {
  if (plan.doomed.length) await deleteFunctions(client, plan.doomed.map((fn) => ({ id: fn.id })));
  const files = plan.fileIds.length ? await deleteCodeFiles(client, plan.fileIds) : [];
  if (!plan.doomed.length && !files.length) return 'nothing to remove';
  return `removed ${plan.doomed.map((fn) => fn.externalId).join(', ') || 'no functions'}` + (files.length ? ` and code file(s) ${files.join(', ')}` : '');
}
