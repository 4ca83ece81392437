/**
 * Creating, proving and replacing one function safely: create (409 → re-read), wait Ready,
 * smoke-call, and replace-with-restore so the function that was serving keeps serving when
 * anything fails after it was deleted. Deploy, rollback, redeploy and the post step all go
 * through here.
 *
 * The latest's window: CDF functions cannot be updated and an external id is unique, so replacing
 * `<model>-<service>-<env>` is delete + create and the id has no Ready function for one build
 * (platform-facts.md). The create is sent right after the delete, with nothing in between, also
 * when the run is cancelled in that gap (`onCancel`), so the window is the platform's build time.
 */
import type { CogniteClient } from '@cognite/sdk';
import {
  callFunction, createFunction, deleteFunctions, retrieveFunction, waitForReady, type CdfFunction, type FunctionCallLogEntry, type FunctionCreate,
} from '../cdf/functions.js';
import { CdfApiError, cdfRequest } from '../cdf/retry.js';
import { MlopsError } from '../errors.js';
import { onCancel, uninterruptible } from '../interrupt.js';
import type { Logger } from '../logger.js';
import type { RedactableError } from '../redact.js';
import { recreateSpecWithCredentials } from './fields.js';

export const DEFAULT_WAIT_TIMEOUT_MS = 1_500_000;
/** Last lines of a failed smoke call's logs shown in the error. */
const LOG_LINES_SHOWN = 20;

export interface RolloutOptions {
  waitTimeoutMs?: number;
  /** null: no smoke call */
  smokePayload: unknown | null;
  log: Logger;
}

export interface SmokeResult {
  status: string;
  ms: number;
}

/** A smoke call that did not answer status "ok"; carries the call and its logs for the record. */
export class SmokeTestError extends MlopsError implements RedactableError {
  readonly callId: number;
  readonly reason: string;
  readonly logs: FunctionCallLogEntry[];
  constructor(message: string, details: { callId: number; reason: string; logs: FunctionCallLogEntry[] }) {
    super(message);
    this.name = 'SmokeTestError';
    this.callId = details.callId;
    this.reason = details.reason;
    this.logs = details.logs;
  }

  /** A copy with `hide` applied to its message, reason and every log line (redact.ts: redactError). */
  redacted(hide: (text: string) => string): SmokeTestError {
    return new SmokeTestError(hide(this.message), { callId: this.callId, reason: hide(this.reason), logs: this.logs.map((l) => ({ ...l, message: hide(l.message) })) });
  }
}

/**
 * Creates the function; when the external id is taken (a concurrent deploy), adopts the existing
 * one if it runs the same code file, and refuses otherwise rather than fight over it (the
 * CdfApiError 409 is rethrown when `onConflict` is 'throw', so a caller can pick another id).
 * `onCreated` hears of a function this call created (not one it adopted).
 */
export async function createOrAdopt(client: CogniteClient, spec: FunctionCreate, log: Logger, onConflict: 'refuse' | 'throw' = 'refuse', onCreated?: (fn: CdfFunction) => void): Promise<CdfFunction> {
  try {
    const fn = await createFunction(client, spec);
    onCreated?.(fn);
    return fn;
  } catch (err) {
    if (!(err instanceof CdfApiError && err.status === 409) || !spec.externalId) throw err;
    const existing = await retrieveFunction(client, { externalId: spec.externalId });
    if (existing && existing.fileId === spec.fileId && existing.status !== 'Failed') {
      log.info(`${spec.externalId} was created meanwhile by another deploy with the same code; using it.`);
      return existing;
    }
    if (onConflict === 'throw') throw err;
    throw new MlopsError(
      `Another deploy created ${spec.externalId} at the same time with different code` +
        `${existing ? ` (version ${existing.metadata?.version ?? '?'}, code file ${existing.fileId})` : ''}; ` +
        'this deploy left it alone. Re-run the deploy to put this version in place.',
    );
  }
}

/** Calls the function and requires a completed call answering status "ok"; throws SmokeTestError otherwise. */
export async function smokeCall(client: CogniteClient, fn: CdfFunction, payload: unknown, options: { timeoutMs?: number; log: Logger }): Promise<SmokeResult> {
  const started = Date.now();
  const label = fn.externalId ?? String(fn.id);
  // A cold call can take minutes: the live log says what is running meanwhile.
  options.log.info(`Calling ${label} with ${JSON.stringify(payload) === '{}' ? '{} (a keep-warm call)' : 'the test payload'}…`);
  const { call, response, logs } = await callFunction(client, fn.id, payload, { timeoutMs: options.timeoutMs, log: options.log });
  const ms = Date.now() - started;
  const status = (response as { status?: unknown } | undefined)?.status;
  if (call.status === 'Completed' && status === 'ok') {
    options.log.info(`Smoke test of ${label}: status ok (${ms} ms).`);
    return { status: 'ok', ms };
  }
  const why = call.status !== 'Completed'
    ? `the call ${call.id} ended ${call.status}${call.error?.message ? `: ${call.error.message}` : ''}`
    : `it answered status "${String(status)}"${(response as { message?: unknown })?.message ? `: ${String((response as { message?: unknown }).message)}` : ''}`;
  const tail = logs.slice(-LOG_LINES_SHOWN).map((l) => l.message.trimEnd()).join('\n');
  throw new SmokeTestError(`Smoke test of ${label} failed: ${why}.${tail ? `\nLast log lines of the call:\n${tail}` : ''}`, { callId: call.id, reason: why, logs });
}

/** Creates (or adopts), waits for Ready and smoke-calls. */
export async function rollOut(client: CogniteClient, spec: FunctionCreate, o: RolloutOptions): Promise<{ fn: CdfFunction; smoke: SmokeResult | null }> {
  const created = await createOrAdopt(client, spec, o.log);
  return proveCreated(client, spec, created, o);
}

async function proveCreated(client: CogniteClient, spec: FunctionCreate, created: CdfFunction, o: RolloutOptions): Promise<{ fn: CdfFunction; smoke: SmokeResult | null }> {
  // By external id, so a build error names the function people know.
  const fn = await waitForReady(client, spec.externalId ? { externalId: spec.externalId } : { id: created.id }, { timeoutMs: o.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS, log: o.log });
  const smoke = o.smokePayload === null ? null : await smokeCall(client, fn, o.smokePayload, { timeoutMs: o.waitTimeoutMs, log: o.log });
  return { fn, smoke };
}

/**
 * Deletes `current` (if any) and creates `spec` under its external id right away. The create is
 * registered as urgent work while the delete is in flight, so a cancel in between still sends it
 * (once: the cancel handler and this flow share one promise).
 */
async function deleteThenCreate(client: CogniteClient, current: CdfFunction | null, spec: FunctionCreate, log: Logger): Promise<CdfFunction> {
  const deleted = current ? deleteFunctions(client, [{ id: current.id }]) : Promise.resolve();
  let creating: Promise<CdfFunction> | undefined;
  const create = () => (creating ??= deleted.then(() => createOrAdopt(client, spec, log)));
  const unregister = onCancel(create);
  try {
    await deleted;
    return await create();
  } finally {
    unregister();
  }
}

/** Longest wait for calls running on a function about to be replaced (CDF deletes a running call's result with its function). */
export const DRAIN_LIMIT_MS = 60_000;

/**
 * Waits (at most DRAIN_LIMIT_MS) until `fn` has no Running calls, so callers already waiting on
 * it get their answer before it is deleted. New calls may still arrive meanwhile: our client
 * re-sends a prediction call whose function vanished (functions-admin/calls.ts).
 */
async function drainCalls(client: CogniteClient, fn: CdfFunction, log: Logger): Promise<void> {
  const deadline = Date.now() + DRAIN_LIMIT_MS;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    const running = await cdfRequest<{ items: unknown[] }>(client, { method: 'POST', path: `/functions/${fn.id}/calls/list`, data: { filter: { status: 'Running' }, limit: 100 }, idempotent: true })
      .then((r) => r.items.length, () => 0);
    if (!running) return;
    if (Date.now() > deadline) {
      log.warning(`${fn.externalId} still has ${running} running call(s) after ${DRAIN_LIMIT_MS / 1000} s; replacing it anyway.`);
      return;
    }
    log.debug(`${fn.externalId}: waiting for ${running} running call(s) before replacing it.`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

export interface ReplaceOptions extends RolloutOptions {
  /** fields CDF never returns (secrets, index URLs), for restoring `current` */
  restoreFields?: Pick<FunctionCreate, 'secrets' | 'indexUrl' | 'extraIndexUrls'>;
  /** called when `current` is being brought back (before its create), e.g. to record it serves again */
  onRestore?: (previous: CdfFunction) => Promise<void>;
}

/**
 * Functions are immutable in CDF: replacing is delete + create. On any failure after the delete,
 * `current` is re-created from its own code file, so what was serving keeps serving. A step
 * timeout waits for this to finish rather than stop between the delete and the create.
 */
export function replaceFunction(client: CogniteClient, current: CdfFunction | null, spec: FunctionCreate, o: ReplaceOptions): Promise<{ fn: CdfFunction; smoke: SmokeResult | null }> {
  return uninterruptible(async () => {
    if (current) await drainCalls(client, current, o.log);
    let created: CdfFunction | undefined;
    try {
      created = await deleteThenCreate(client, current, spec, o.log);
      return await proveCreated(client, spec, created, o);
    } catch (err) {
      if (!current) throw err;
      if (o.onRestore) await o.onRestore(current).catch((e: Error) => o.log.warning(`Could not record the restore of ${current.externalId}: ${e.message}`));
      const restored = await restore(client, current, spec, o).catch((restoreErr: Error) => `could NOT be restored: ${restoreErr.message}`);
      const message = err instanceof Error ? err.message : String(err);
      throw new MlopsError(`${message}\n${spec.externalId}: the function that was serving before (version ${current.metadata?.version ?? '?'}) ${restored}`, err instanceof MlopsError ? err.problems : []);
    }
  });
}

/**
 * Restoring is what keeps the model serving, so it gets a few attempts: a 503 on the (not
 * retried, non-idempotent) create or a build that fails once must not leave no function at all.
 */
const RESTORE_ATTEMPTS = 3;

async function restore(client: CogniteClient, previous: CdfFunction, attempted: FunctionCreate, o: ReplaceOptions): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await restoreOnce(client, previous, attempted, o);
    } catch (err) {
      if (attempt >= RESTORE_ATTEMPTS) throw err;
      o.log.warning(`Restoring ${previous.externalId} failed (${(err as Error).message.split('\n')[0]}); trying again.`);
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
}

async function restoreOnce(client: CogniteClient, previous: CdfFunction, attempted: FunctionCreate, o: ReplaceOptions): Promise<string> {
  const xid = previous.externalId as string;
  const restored = `was restored from its code file (id ${previous.fileId}) and keeps serving.`;
  const now = await retrieveFunction(client, { externalId: xid });
  if (now) {
    // A function from another deploy is serving: leave it. Ours (failed, or a failed restore) makes way.
    if (now.fileId !== attempted.fileId && now.fileId !== previous.fileId) return 'was not restored: another deploy has replaced it meanwhile.';
    if (now.fileId === previous.fileId && now.status !== 'Failed') {
      await waitForReady(client, { id: now.id }, { timeoutMs: o.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS, log: o.log });
      return restored;
    }
  }
  o.log.warning(`Restoring ${xid} from its previous code file (id ${previous.fileId}).`);
  const fn = await deleteThenCreate(client, now, await recreateSpecWithCredentials(previous, o.restoreFields ?? {}), o.log);
  await waitForReady(client, { id: fn.id }, { timeoutMs: o.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS, log: o.log });
  return restored;
}
