/**
 * The deployment state model. CDF functions cannot be updated after creation (platform-facts.md,
 * "CDF Functions"), so a deployment is a kept, content-addressed code file
 * (`mlops-code/<latest xid>/<sha256>`) plus the functions made from it, and everything that
 * changes after creation lives in the code file's metadata (CDF Files metadata can be updated):
 *
 * - `mlops_state`: `pending` (uploaded, no function of it has passed a smoke test yet),
 *   `proven` (a function of it was Ready and passed the smoke test), `failed` (its build or smoke
 *   test failed; its functions were deleted, the file stays for debugging).
 * - `mlops_proven_at`, `mlops_served_at`, `mlops_superseded_at`: epoch ms of the proof, of the
 *   last time the latest function was switched to this code, and of the last time the latest
 *   moved away from it after serving it.
 * - `mlops_failure`: why it failed (≤ 500 chars); `mlops_log_file`: external id of a CDF file
 *   holding the failed smoke call's logs (CDF deletes a function's call logs with the function).
 * - `mlops_index_url: set`: the deployment was built with a pip index URL, which CDF never
 *   returns, so a restore or rollback asks for it again.
 *
 * Versioned functions: `<latest>-<N>` is the first deployment of artifact version N (the seed's
 * meaning), `<latest>-<N>-<k>` (k ≥ 2) a later deployment of the same version (a code-only
 * change), so the last proven function of a version is never deleted to make room for untested
 * code. Functions made before this model (the seed's, or the akerbp-mlops Python package's) have
 * no state: a Ready one counts as proven ("legacy").
 *
 * Pure functions only; `chooseCallTarget` has a Python twin in
 * packages/core/runtime/mlops_runtime/fallback.py, and both are checked against the one set of
 * vectors in packages/core/runtime/tests/fallback_vectors.json.
 */

import { ENVIRONMENTS, SERVICES } from '../settings/types.js';

export type DeploymentState = 'pending' | 'proven' | 'failed';

/** Code-file metadata keys of the state model. */
export const STATE_KEYS = {
  state: 'mlops_state',
  provenAt: 'mlops_proven_at',
  servedAt: 'mlops_served_at',
  supersededAt: 'mlops_superseded_at',
  failure: 'mlops_failure',
  logFile: 'mlops_log_file',
  /** set at upload when the deploy gave an index URL (never the URL: it may hold a password) */
  indexUrl: 'mlops_index_url',
} as const;

/** Longest `mlops_failure` text kept (Files metadata values may be longer; this keeps listings readable). */
export const FAILURE_TEXT_LIMIT = 500;

/** The fields of a function the state model reads (API shape, camelCase). */
export interface FunctionLike {
  id?: number;
  externalId?: string;
  status: string;
  fileId: number;
  createdTime: number;
  metadata?: Record<string, string>;
}

/** The fields of a code file the state model reads (API shape). */
export interface FileLike {
  id: number;
  externalId?: string;
  metadata?: Record<string, string>;
}

const LATEST_XID = new RegExp(`^[A-Za-z0-9_]+-(${SERVICES.join('|')})-(${ENVIRONMENTS.join('|')})$`);

/** `<model>-<service>-<env>`: the external id clients call (naming.ts); only these fall back. */
export function isLatestExternalId(xid: string): boolean {
  return LATEST_XID.test(xid);
}

/** `<latest>-<N>` or `<latest>-<N>-<k>` (k ≥ 2) → { version N, k (1 for the first) }; null otherwise. */
export function parseVersionedSuffix(latestXid: string, externalId: string | undefined): { version: number; deployment: number } | null {
  if (!externalId?.startsWith(`${latestXid}-`)) return null;
  const m = /^([1-9][0-9]*)(?:-([2-9]|[1-9][0-9]+))?$/.exec(externalId.slice(latestXid.length + 1));
  return m ? { version: Number(m[1]), deployment: m[2] ? Number(m[2]) : 1 } : null;
}

/** The external id of deployment `k` (1 = first) of version N. */
export function versionedExternalId(latestXid: string, version: number, deployment = 1): string {
  return deployment <= 1 ? `${latestXid}-${version}` : `${latestXid}-${version}-${deployment}`;
}

export interface DeploymentRecord {
  state: DeploymentState | 'legacy';
  provenAt: number | null;
  servedAt: number | null;
  supersededAt: number | null;
  failure: string | null;
  logFile: string | null;
}

const epoch = (v: string | undefined): number | null => {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) && n > 0 ? n : null;
};

/** The state a code file records; `legacy` when it records none (or the file is not ours or gone). */
export function deploymentRecord(file: FileLike | undefined | null): DeploymentRecord {
  const m = file?.metadata ?? {};
  const raw = m[STATE_KEYS.state];
  const state: DeploymentRecord['state'] = raw === 'pending' || raw === 'proven' || raw === 'failed' ? raw : 'legacy';
  return {
    state,
    provenAt: epoch(m[STATE_KEYS.provenAt]),
    servedAt: epoch(m[STATE_KEYS.servedAt]),
    supersededAt: epoch(m[STATE_KEYS.supersededAt]),
    failure: m[STATE_KEYS.failure] ?? null,
    logFile: m[STATE_KEYS.logFile] ?? null,
  };
}

/** A function of ours or of the Python package: it records the artifact version it serves. */
function hasVersion(fn: FunctionLike): boolean {
  return /^[1-9][0-9]*$/.test(fn.metadata?.version ?? '');
}

/**
 * Whether a function may be trusted to answer: Ready, and its code is proven (or it predates the
 * state model: legacy functions that carry a version are trusted as they served before).
 */
export function isProvenFunction(fn: FunctionLike, file: FileLike | undefined | null): boolean {
  if (fn.status !== 'Ready') return false;
  const { state } = deploymentRecord(file);
  return state === 'proven' || (state === 'legacy' && hasVersion(fn));
}

/**
 * Orders proven deployments newest first: the one the latest was last switched to, then the
 * newest proof, then the newest function. A legacy deployment counts as served when the latest
 * runs its code, and as proven when its function was created.
 */
export function deploymentRank(fn: FunctionLike, file: FileLike | undefined | null, latest: FunctionLike | null): [number, number, number] {
  const r = deploymentRecord(file);
  const served = r.servedAt ?? (r.state === 'legacy' && latest && latest.fileId === fn.fileId ? latest.createdTime : 0);
  const proven = r.provenAt ?? (r.state === 'legacy' ? fn.createdTime : 0);
  return [served, proven, fn.createdTime];
}

function compareRanks(a: [number, number, number], b: [number, number, number]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return b[i] - a[i];
  return 0;
}

/**
 * The proven versioned functions of the family `latestXid`, best first (see deploymentRank).
 * `functions` may hold other functions; `files` are the code files by id.
 */
export function provenVersioned<F extends FunctionLike>(latestXid: string, functions: F[], files: FileLike[]): F[] {
  const byId = new Map(files.map((f) => [f.id, f]));
  const latest = functions.find((fn) => fn.externalId === latestXid) ?? null;
  return functions
    .filter((fn) => parseVersionedSuffix(latestXid, fn.externalId) !== null && isProvenFunction(fn, byId.get(fn.fileId)))
    .map((fn) => ({ fn, rank: deploymentRank(fn, byId.get(fn.fileId), latest) }))
    .sort((a, b) => compareRanks(a.rank, b.rank))
    .map(({ fn }) => fn);
}

/**
 * Which function a caller of `latestXid` should call: the latest when it is Ready, else (while it
 * is rebuilt) the newest proven versioned function of the same model, service and environment;
 * the latest again when there is none, so the caller meets the platform's own error. Any other
 * external id (a versioned one, someone else's function) comes back as given.
 */
export function chooseCallTarget(latestXid: string, functions: FunctionLike[], files: FileLike[]): string {
  const latest = functions.find((fn) => fn.externalId === latestXid);
  if (!isLatestExternalId(latestXid) || latest?.status === 'Ready') return latestXid;
  return provenVersioned(latestXid, functions, files)[0]?.externalId ?? latestXid;
}
