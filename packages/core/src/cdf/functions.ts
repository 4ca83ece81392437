/**
 * Typed calls for the CDF endpoints @cognite/sdk 10.5 lacks: Functions, calls, schedules,
 * sessions, limits and status. Field names are the API's (camelCase).
 */
import type { CogniteClient } from '@cognite/sdk';
import { MlopsError } from '../errors.js';
import { progressTask, type Logger } from '../logger.js';
import { cdfRequest } from './retry.js';

export type FunctionStatus = 'Queued' | 'Deploying' | 'Ready' | 'Failed';
export type CallStatus = 'Running' | 'Completed' | 'Failed' | 'Timeout';

export interface ErrorInfo {
  code?: number;
  message: string;
  trace?: string;
}

export interface CdfFunction {
  id: number;
  name: string;
  externalId?: string;
  description?: string;
  owner?: string;
  status: FunctionStatus;
  fileId: number;
  functionPath?: string;
  createdTime: number;
  secrets?: Record<string, string>;
  envVars?: Record<string, string>;
  cpu?: number;
  memory?: number;
  runtime?: string;
  runtimeVersion?: string;
  metadata?: Record<string, string>;
  error?: ErrorInfo;
}

export interface FunctionCreate {
  name: string;
  fileId: number;
  externalId?: string;
  description?: string;
  owner?: string;
  functionPath?: string;
  secrets?: Record<string, string>;
  envVars?: Record<string, string>;
  cpu?: number;
  memory?: number;
  runtime?: string;
  metadata?: Record<string, string>;
  indexUrl?: string;
  extraIndexUrls?: string[];
}

export interface FunctionCall {
  id: number;
  functionId: number;
  status: CallStatus;
  startTime: number;
  endTime?: number;
  scheduleId?: number;
  scheduledTime?: number;
  error?: ErrorInfo;
}

export interface FunctionCallLogEntry {
  timestamp?: number;
  message: string;
}

export interface Schedule {
  id: number;
  name: string;
  cronExpression: string;
  functionId?: number;
  functionExternalId?: string;
  description?: string;
  createdTime: number;
  when?: string;
  sessionId?: number;
}

export interface ScheduleCreate {
  name: string;
  cronExpression: string;
  functionId?: number;
  functionExternalId?: string;
  description?: string;
  data?: Record<string, unknown>;
  nonce: string;
}

export interface FunctionsLimits {
  timeoutMinutes: number;
  cpuCores: { min: number; max: number; default: number };
  memoryGb: { min: number; max: number; default: number };
  runtimes: string[];
  responseSizeMb?: number;
}

export type FunctionRef = { id: number } | { externalId: string };

export type SessionRequest = { clientId: string; clientSecret: string } | { tokenExchange: true };

export interface Session {
  id: number;
  nonce: string;
  status: string;
}

/** CDF's item-count limit for functions/byids. */
const BYIDS_CHUNK = 10;
/** Functions list has no cursor; this is the API's ceiling (as cognite-sdk-python uses). */
const LIST_LIMIT = 10_000;

// --- Functions ---------------------------------------------------------------------------------

/** Not idempotent: a retry after a lost response could create a second function. */
export async function createFunction(client: CogniteClient, fn: FunctionCreate): Promise<CdfFunction> {
  const res = await cdfRequest<{ items: CdfFunction[] }>(client, { method: 'POST', path: '/functions', data: { items: [fn] }, idempotent: false });
  return res.items[0];
}

export async function listFunctions(client: CogniteClient, filter: { status?: FunctionStatus; externalIdPrefix?: string; name?: string } = {}): Promise<CdfFunction[]> {
  const res = await cdfRequest<{ items: CdfFunction[] }>(client, { method: 'POST', path: '/functions/list', data: { filter, limit: LIST_LIMIT }, idempotent: true });
  return res.items;
}

/** Unknown ids are left out of the answer. */
export async function retrieveFunctions(client: CogniteClient, refs: FunctionRef[]): Promise<CdfFunction[]> {
  const out: CdfFunction[] = [];
  for (let i = 0; i < refs.length; i += BYIDS_CHUNK) {
    const res = await cdfRequest<{ items: CdfFunction[] }>(client, {
      method: 'POST',
      path: '/functions/byids',
      data: { items: refs.slice(i, i + BYIDS_CHUNK), ignoreUnknownIds: true },
      idempotent: true,
    });
    out.push(...res.items);
  }
  return out;
}

export async function retrieveFunction(client: CogniteClient, ref: FunctionRef): Promise<CdfFunction | null> {
  const [fn] = await retrieveFunctions(client, [ref]);
  return fn ?? null;
}

/** Idempotent with ignoreUnknownIds: deleting twice leaves the same state. */
export async function deleteFunctions(client: CogniteClient, refs: FunctionRef[]): Promise<void> {
  if (!refs.length) return;
  await cdfRequest(client, { method: 'POST', path: '/functions/delete', data: { items: refs, ignoreUnknownIds: true }, idempotent: true });
}

export async function functionsLimits(client: CogniteClient): Promise<FunctionsLimits> {
  return cdfRequest<FunctionsLimits>(client, { method: 'GET', path: '/functions/limits', idempotent: true });
}

export async function functionsStatus(client: CogniteClient): Promise<{ status: string }> {
  return cdfRequest<{ status: string }>(client, { method: 'GET', path: '/functions/status', idempotent: true });
}

export interface WaitOptions {
  timeoutMs?: number;
  log?: Logger;
  /** first poll interval; doubles up to maxIntervalMs (builds take seconds to minutes) */
  initialIntervalMs?: number;
  maxIntervalMs?: number;
}

/**
 * Polls with growing intervals until `done` holds or the deadline passes. The wait is reported
 * through `options.log.progress` as `progress` (seconds waited of the timeout, once a second).
 */
async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: WaitOptions,
  timeoutMessage: (last: T) => string,
  progress: { id: string; label: string },
): Promise<T> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const task = progressTask(options.log, progress.id, progress.label, 'seconds');
  // Nothing for waits under a second: a bar would only flash.
  let ticked = false;
  const tick = () => {
    ticked = true;
    task.update((Date.now() - started) / 1000, timeoutMs / 1000);
  };
  const ticker = setInterval(tick, 1000);
  ticker.unref();
  let interval = options.initialIntervalMs ?? 500;
  try {
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() + interval > started + timeoutMs) throw new MlopsError(timeoutMessage(value));
      await new Promise((r) => setTimeout(r, interval));
      interval = Math.min(options.maxIntervalMs ?? 10_000, Math.round(interval * 1.6));
    }
  } finally {
    clearInterval(ticker);
    if (ticked) tick();
    task.end();
  }
}

/** Waits for the build: returns the Ready function, or throws with CDF's build error and trace. */
export async function waitForReady(client: CogniteClient, ref: FunctionRef, options: WaitOptions = {}): Promise<CdfFunction> {
  const label = 'id' in ref ? `function ${ref.id}` : `function ${ref.externalId}`;
  let lastStatus: FunctionStatus | undefined;
  const fn = await pollUntil(
    async () => {
      const current = await retrieveFunction(client, ref);
      if (!current) throw new MlopsError(`${label} disappeared while waiting for it to become Ready (deleted by someone else?).`);
      if (current.status !== lastStatus) options.log?.info(`${label}: ${current.status}`);
      lastStatus = current.status;
      return current;
    },
    (f) => f.status === 'Ready' || f.status === 'Failed',
    options,
    (f) => `${label} was still ${f.status} after ${Math.round((options.timeoutMs ?? 900_000) / 1000)} s; giving up waiting.`,
    { id: `build:${'id' in ref ? ref.id : ref.externalId}`, label: `Waiting for ${label} to build` },
  );
  if (fn.status === 'Failed') {
    const error = fn.error?.message ?? 'no error message from CDF';
    throw new MlopsError(`CDF could not build ${label}: ${error}${fn.error?.trace ? `\n${fn.error.trace}` : ''}`);
  }
  return fn;
}

// --- Sessions and calls ------------------------------------------------------------------------

/** Repeating this at worst leaves an unused session behind, so it is retried like a read. */
export async function createSession(client: CogniteClient, request: SessionRequest): Promise<Session> {
  const res = await cdfRequest<{ items: Session[] }>(client, { method: 'POST', path: '/sessions', data: { items: [request] }, idempotent: true });
  return res.items[0];
}

export interface CallOptions extends WaitOptions {
  /** how the call's session is made; default: exchange the caller's token */
  session?: SessionRequest;
}

export interface CallResult {
  call: FunctionCall;
  /** the handler's return value (undefined when the call did not complete) */
  response: unknown;
  logs: FunctionCallLogEntry[];
}

/** Calls a function and waits for the result; a call is never retried (it would run twice). */
export async function callFunction(client: CogniteClient, functionId: number, data: unknown, options: CallOptions = {}): Promise<CallResult> {
  const { nonce } = await createSession(client, options.session ?? { tokenExchange: true });
  const started = await cdfRequest<FunctionCall>(client, {
    method: 'POST',
    path: `/functions/${functionId}/call`,
    data: { data: data ?? undefined, nonce },
    idempotent: false,
  });
  const call = await pollUntil(
    () => retrieveCall(client, functionId, started.id),
    (c) => c.status !== 'Running',
    { initialIntervalMs: 250, maxIntervalMs: 5_000, ...options },
    () => `Call ${started.id} of function ${functionId} was still running after ${Math.round((options.timeoutMs ?? 900_000) / 1000)} s; giving up waiting.`,
    { id: `call:${functionId}:${started.id}`, label: `Waiting for call ${started.id} of function ${functionId}` },
  );
  const response = call.status === 'Completed' ? await callResponse(client, functionId, call.id) : undefined;
  const logs = await callLogs(client, functionId, call.id);
  return { call, response, logs };
}

export async function retrieveCall(client: CogniteClient, functionId: number, callId: number): Promise<FunctionCall> {
  return cdfRequest<FunctionCall>(client, { method: 'GET', path: `/functions/${functionId}/calls/${callId}`, idempotent: true });
}

export async function callResponse(client: CogniteClient, functionId: number, callId: number): Promise<unknown> {
  const res = await cdfRequest<{ response: unknown }>(client, { method: 'GET', path: `/functions/${functionId}/calls/${callId}/response`, idempotent: true });
  return res.response;
}

export async function callLogs(client: CogniteClient, functionId: number, callId: number): Promise<FunctionCallLogEntry[]> {
  const res = await cdfRequest<{ items: FunctionCallLogEntry[] }>(client, { method: 'GET', path: `/functions/${functionId}/calls/${callId}/logs`, idempotent: true });
  return res.items;
}

// --- Schedules ---------------------------------------------------------------------------------

/** Not idempotent: a retry could create a second schedule (two calls per tick). */
export async function createSchedule(client: CogniteClient, schedule: ScheduleCreate): Promise<Schedule> {
  const res = await cdfRequest<{ items: Schedule[] }>(client, { method: 'POST', path: '/functions/schedules', data: { items: [schedule] }, idempotent: false });
  return res.items[0];
}

export async function listSchedules(client: CogniteClient, filter: { functionId?: number; functionExternalId?: string; name?: string } = {}): Promise<Schedule[]> {
  const res = await cdfRequest<{ items: Schedule[] }>(client, { method: 'POST', path: '/functions/schedules/list', data: { filter, limit: LIST_LIMIT }, idempotent: true });
  return res.items;
}

export async function deleteSchedules(client: CogniteClient, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await cdfRequest(client, { method: 'POST', path: '/functions/schedules/delete', data: { items: ids.map((id) => ({ id })) }, idempotent: true });
}

export async function scheduleInputData(client: CogniteClient, scheduleId: number): Promise<Record<string, unknown> | null> {
  const res = await cdfRequest<{ id: number; data?: Record<string, unknown> | null }>(client, {
    method: 'GET',
    path: `/functions/schedules/${scheduleId}/input_data`,
    idempotent: true,
  });
  return res.data ?? null;
}
