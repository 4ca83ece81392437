/** Calling deployed functions from scripts and the CLI: one call, many in parallel, and call logs. */
import type { CogniteClient } from '@cognite/sdk';
import { callFunction, callLogs, listFunctions, retrieveFunction, type CallResult, type CdfFunction, type FunctionCall, type FunctionCallLogEntry } from '../cdf/functions.js';
import { CdfApiError, cdfRequest } from '../cdf/retry.js';
import { retrieveFiles } from '../deploy/code-file.js';
import { chooseCallTarget, isLatestExternalId, parseVersionedSuffix } from '../deploy/state.js';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { requireFunction } from './inventory.js';

export interface CallOutcome extends CallResult {
  functionId: number;
  ms: number;
}

/**
 * The function to call for `xid`: the latest `<model>-<service>-<env>` when it is Ready; while it
 * is not (a deploy replaces it: delete + create, one build without a Ready function), the newest
 * proven versioned function of the same model, service and environment (deploy/state.ts
 * `chooseCallTarget`; the runtime's mlops_runtime/fallback.py does the same for Python callers).
 * Other external ids are returned as they are. Throws MlopsError when no function has `xid` and
 * there is nothing to fall back to. Costs one read when the latest is Ready, three otherwise.
 */
export async function resolveCallTarget(client: CogniteClient, xid: string, log?: Logger): Promise<CdfFunction> {
  const fn = await retrieveFunction(client, { externalId: xid });
  if ((fn && fn.status === 'Ready') || !isLatestExternalId(xid)) return fn ?? requireFunction(client, xid);
  const family = (await listFunctions(client, { externalIdPrefix: `${xid}-` })).filter((f) => parseVersionedSuffix(xid, f.externalId) !== null);
  if (!family.length) return fn ?? requireFunction(client, xid);
  const files = await retrieveFiles(client, [...new Set(family.map((f) => f.fileId))].map((id) => ({ id })));
  const target = chooseCallTarget(xid, fn ? [fn, ...family] : family, files);
  const chosen = family.find((f) => f.externalId === target);
  if (!chosen) return fn ?? requireFunction(client, xid);
  log?.info(`${xid} is ${fn ? fn.status : 'missing'} (a deploy is replacing it); calling ${target}, the newest proven deployment, instead.`);
  return chosen;
}

/**
 * A prediction call whose latest function was deleted under it (a deploy replacing it) lost its
 * answer with the function; it is sent once more to what `resolveCallTarget` picks then.
 * Predictions only: a training call uploads an artifact version, so it is never sent twice.
 */
function resendable(xid: string, fn: CdfFunction, err: unknown): boolean {
  return fn.externalId === xid && isLatestExternalId(xid) && xid.includes('-prediction-') && err instanceof CdfApiError && err.status === 404;
}

/** Calls `xid` (with the fallback of resolveCallTarget) and waits for the answer. */
export async function callByExternalId(client: CogniteClient, xid: string, data: unknown, o: { timeoutMs?: number; log?: Logger } = {}): Promise<CallOutcome> {
  const started = Date.now();
  const attempt = async (mayResend: boolean): Promise<CallOutcome> => {
    const fn = await resolveCallTarget(client, xid, o.log);
    if (fn.status !== 'Ready') throw new MlopsError(`Function ${xid} is ${fn.status}, not Ready; it cannot be called${fn.error?.message ? ` (${fn.error.message})` : ''}.`);
    try {
      const result = await callFunction(client, fn.id, data, { timeoutMs: o.timeoutMs, log: o.log });
      return { ...result, functionId: fn.id, ms: Date.now() - started };
    } catch (err) {
      if (!mayResend || !resendable(xid, fn, err)) throw err;
      o.log?.info(`${xid} (id ${fn.id}) was replaced during the call; sending it again.`);
      return attempt(false);
    }
  };
  return attempt(true);
}

export interface ParallelOutcome {
  index: number;
  ok: boolean;
  response?: unknown;
  error?: string;
  ms: number;
}

/**
 * Calls one function once per payload, at most `concurrency` at a time. 429s are retried with
 * backoff and Retry-After by the CDF client (CDF did not start the call); other failures are
 * reported per payload, never retried (a call could run twice).
 */
export async function callParallel(client: CogniteClient, xid: string, payloads: unknown[], o: { concurrency?: number; timeoutMs?: number; log?: Logger } = {}): Promise<ParallelOutcome[]> {
  const concurrency = Math.max(1, Math.min(o.concurrency ?? 4, 50));
  const fn = await resolveCallTarget(client, xid, o.log);
  const out: ParallelOutcome[] = new Array(payloads.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < payloads.length; i = next++) {
      const started = Date.now();
      try {
        const { call, response } = await callFunction(client, fn.id, payloads[i], { timeoutMs: o.timeoutMs });
        const status = (response as { status?: unknown } | undefined)?.status;
        const ok = call.status === 'Completed' && status !== 'error';
        out[i] = { index: i, ok, response, ms: Date.now() - started, ...(ok ? {} : { error: call.error?.message ?? String((response as { message?: unknown })?.message ?? call.status) }) };
      } catch (err) {
        out[i] = { index: i, ok: false, error: (err as Error).message, ms: Date.now() - started };
      }
      o.log?.debug(`call ${i + 1}/${payloads.length}: ${out[i].ok ? 'ok' : out[i].error}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, payloads.length) }, worker));
  return out;
}

/** Logs of one call, or of the function's most recent call. */
export async function functionCallLogs(client: CogniteClient, xid: string, callId?: number): Promise<{ callId: number; logs: FunctionCallLogEntry[] }> {
  const fn = await requireFunction(client, xid);
  let id = callId;
  if (id === undefined) {
    const calls = await cdfRequest<{ items: FunctionCall[] }>(client, { method: 'POST', path: `/functions/${fn.id}/calls/list`, data: { limit: 100 }, idempotent: true });
    const latest = calls.items.sort((a, b) => b.startTime - a.startTime)[0];
    if (!latest) throw new MlopsError(`Function ${xid} has no calls yet.`);
    id = latest.id;
  }
  return { callId: id, logs: await callLogs(client, fn.id, id) };
}
