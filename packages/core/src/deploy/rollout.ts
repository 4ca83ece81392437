/**
 * Creating, proving and replacing one function safely: create (409 → re-read), wait Ready,
 * smoke-call, and replace-with-restore so the function that was serving keeps serving when
 * anything fails after it was deleted. Deploy, rollback and redeploy all go through here.
 */
import type { CogniteClient } from '@cognite/sdk';
import {
  callFunction, createFunction, deleteFunctions, retrieveFunction, waitForReady, type CdfFunction, type FunctionCreate,
} from '../cdf/functions.js';
import { CdfApiError } from '../cdf/retry.js';
import { MlopsError } from '../errors.js';
import { uninterruptible } from '../interrupt.js';
import type { Logger } from '../logger.js';
import { deployedCode, recreateSpec } from './fields.js';
import { decodeSuiteMetadata } from './suite-metadata.js';

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

/**
 * Creates the function; when the external id is taken (a concurrent deploy), adopts the existing
 * one if it runs the same code, and refuses otherwise rather than fight over it.
 */
export async function createOrAdopt(client: CogniteClient, spec: FunctionCreate, log: Logger): Promise<CdfFunction> {
  try {
    return await createFunction(client, spec);
  } catch (err) {
    if (!(err instanceof CdfApiError && err.status === 409) || !spec.externalId) throw err;
    const existing = await retrieveFunction(client, { externalId: spec.externalId });
    const ours = decodeSuiteMetadata(spec.metadata)?.codeSha256;
    if (existing && ours && deployedCode(existing).sha256 === ours) {
      log.info(`${spec.externalId} was created meanwhile by another deploy with the same code; using it.`);
      return existing;
    }
    throw new MlopsError(
      `Another deploy created ${spec.externalId} at the same time with different code` +
        `${existing ? ` (version ${existing.metadata?.version ?? '?'}, code sha256 ${deployedCode(existing).sha256 ?? '?'})` : ''}; ` +
        'this deploy left it alone. Re-run the deploy to put this version in place.',
    );
  }
}

/** Calls the function and requires a completed call answering status "ok". */
export async function smokeCall(client: CogniteClient, fn: CdfFunction, payload: unknown, options: { timeoutMs?: number; log: Logger }): Promise<SmokeResult> {
  const started = Date.now();
  const label = fn.externalId ?? String(fn.id);
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
  throw new MlopsError(`Smoke test of ${label} failed: ${why}.${tail ? `\nLast log lines of the call:\n${tail}` : ''}`);
}

/** Creates (or adopts), waits for Ready and smoke-calls. */
export async function rollOut(client: CogniteClient, spec: FunctionCreate, o: RolloutOptions): Promise<{ fn: CdfFunction; smoke: SmokeResult | null }> {
  const created = await createOrAdopt(client, spec, o.log);
  // By external id, so a build error names the function people know.
  const fn = await waitForReady(client, spec.externalId ? { externalId: spec.externalId } : { id: created.id }, { timeoutMs: o.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS, log: o.log });
  const smoke = o.smokePayload === null ? null : await smokeCall(client, fn, o.smokePayload, { timeoutMs: o.waitTimeoutMs, log: o.log });
  return { fn, smoke };
}

export interface ReplaceOptions extends RolloutOptions {
  /** secrets for restoring `current` (CDF never returns secret values) */
  restoreSecrets?: Record<string, string>;
}

/**
 * Functions are immutable in CDF: replacing is delete + create. On any failure after the delete,
 * `current` is re-created from its own code file, so what was serving keeps serving. A step
 * timeout waits for this to finish rather than stop between the delete and the create.
 */
export function replaceFunction(client: CogniteClient, current: CdfFunction | null, spec: FunctionCreate, o: ReplaceOptions): Promise<{ fn: CdfFunction; smoke: SmokeResult | null }> {
  return uninterruptible(async () => {
    if (current) await deleteFunctions(client, [{ id: current.id }]);
    try {
      return await rollOut(client, spec, o);
    } catch (err) {
      if (!current) throw err;
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
  const now = await retrieveFunction(client, { externalId: xid });
  if (now) {
    const code = deployedCode(now).sha256;
    // A function from another deploy is serving: leave it. Ours (failed, or a failed restore) makes way.
    if (code !== decodeSuiteMetadata(attempted.metadata)?.codeSha256 && code !== deployedCode(previous).sha256) return 'was not restored: another deploy has replaced it meanwhile.';
    if (code === deployedCode(previous).sha256 && now.status !== 'Failed') {
      await waitForReady(client, { id: now.id }, { timeoutMs: o.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS, log: o.log });
      return `was restored from its code file (id ${previous.fileId}) and keeps serving.`;
    }
    await deleteFunctions(client, [{ id: now.id }]);
  }
  o.log.warning(`Restoring ${xid} from its previous code file (id ${previous.fileId}).`);
  const spec = recreateSpec(previous, o.restoreSecrets ? { secrets: o.restoreSecrets } : {});
  const fn = await createOrAdopt(client, spec, o.log);
  await waitForReady(client, { id: fn.id }, { timeoutMs: o.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS, log: o.log });
  return `was restored from its code file (id ${previous.fileId}) and keeps serving.`;
}
