/**
 * Function calls: each runs the handler (handler.ts) in a Python subprocess in the unpacked code
 * folder, with the runtime's interpreter, the function's installed requirements, a time limit, a
 * response size limit and stdout/stderr kept as logs.
 */
import type { Principal } from './auth.js';
import type { Env } from './env.js';
import { runHandler, type RunHandlerResult } from './handler.js';
import { functionById, RESPONSE_SIZE_MB } from './functions.js';
import { badRequest, notFound, readJson } from './http.js';
import { page, resolve } from './resources.js';
import { Reply, type Route } from './router.js';
import { consumeNonce } from './sessions.js';
import type { CallRecord, FunctionError, FunctionRecord } from './store.js';
import { inRange, isObject, items, type Json } from './validate.js';

/** Calls of one function running at once; more wait their turn (still `Running`, as in CDF). */
const MAX_CONCURRENT_PER_FUNCTION = 4;
const MAX_LOG_LINES = 5000;
const MAX_LOG_LINE = 10_000;

export function callJson(c: CallRecord): Json {
  const { response: _r, logs: _l, ...rest } = c;
  return rest;
}

export interface CallRequest {
  data: unknown;
  principal: Principal;
  scheduleId?: number;
  scheduledTime?: number;
}

export class CallRunner {
  private stopped = false;
  private readonly kills = new Set<() => void>();
  private readonly running = new Set<Promise<void>>();
  private readonly slots = new Map<number, { active: number; waiting: (() => void)[] }>();

  constructor(private readonly env: Env) {}

  /** Records the call as Running and starts it; returns at once. */
  start(fn: FunctionRecord, request: CallRequest): CallRecord {
    const call = this.record(fn, request);
    this.env.store.changed();
    const p = this.withSlot(fn.id, () => this.execute(fn, call, request)).catch((err: Error) =>
      this.finish(call, 'Failed', { message: `The emulator could not run the call: ${err.message}` }),
    );
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
    return call;
  }

  /** Records a call that failed before it could start (e.g. its schedule's session was revoked). */
  fail(fn: FunctionRecord, request: Omit<CallRequest, 'principal'>, message: string): CallRecord {
    const call = this.record(fn, request);
    this.finish(call, 'Failed', { message });
    return call;
  }

  /** A new `Running` call in the state; the function's `lastCalled` moves to its start. */
  private record(fn: FunctionRecord, request: Omit<CallRequest, 'principal'>): CallRecord {
    const call: CallRecord = { id: this.env.store.newId(), functionId: fn.id, startTime: Date.now(), status: 'Running', logs: [] };
    if (request.scheduleId !== undefined) call.scheduleId = request.scheduleId;
    if (request.scheduledTime !== undefined) call.scheduledTime = request.scheduledTime;
    fn.lastCalled = call.startTime;
    this.env.store.state.calls.push(call);
    return call;
  }

  /** Kills running calls; they stay `Running` in the saved state and become Failed on restart. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const kill of this.kills) kill();
    for (const slot of this.slots.values()) for (const wake of slot.waiting.splice(0)) wake();
    await Promise.all(this.running);
  }

  private async withSlot<T>(functionId: number, fn: () => Promise<T>): Promise<T | undefined> {
    let slot = this.slots.get(functionId);
    if (!slot) this.slots.set(functionId, (slot = { active: 0, waiting: [] }));
    if (slot.active >= MAX_CONCURRENT_PER_FUNCTION) await new Promise<void>((r) => slot.waiting.push(r));
    if (this.stopped) return undefined;
    slot.active++;
    try {
      return await fn();
    } finally {
      slot.active--;
      slot.waiting.shift()?.();
    }
  }

  private async execute(fn: FunctionRecord, call: CallRecord, request: CallRequest): Promise<void> {
    const codeDir = await this.env.builds.ensureCode(fn);
    const interpreter = await this.env.interpreters.forRuntime(fn.runtime);
    const result = await runHandler({
      python: interpreter.command,
      codeDir,
      functionPath: fn.functionPath,
      data: request.data,
      secrets: fn.secrets ?? null,
      // CDF adds schedule_id and scheduled_time only to scheduled calls.
      functionCallInfo: { function_id: fn.id, call_id: call.id, ...(call.scheduleId !== undefined ? { schedule_id: call.scheduleId, scheduled_time: call.scheduledTime ?? null } : {}) },
      cdf: { baseUrl: this.env.baseUrl(), project: this.env.project, token: this.env.auth.issue(request.principal).token },
      env: { ...fn.envVars, ...this.env.builds.pythonPath(fn) },
      notices: interpreter.notice ? [interpreter.notice] : [],
      timeoutMs: this.env.callTimeoutMs,
      onLine: (line) => {
        if (call.logs.length < MAX_LOG_LINES) call.logs.push({ timestamp: Date.now(), message: line.slice(0, MAX_LOG_LINE) });
      },
      register: (kill) => {
        this.kills.add(kill);
        return () => this.kills.delete(kill);
      },
    });
    if (!this.stopped) this.conclude(call, result, interpreter.command);
  }

  private conclude(call: CallRecord, result: RunHandlerResult, python: string): void {
    if (result.outcome === 'timeout') {
      return this.finish(call, 'Timeout', { message: `Function call timed out after ${Math.round(this.env.callTimeoutMs / 100) / 10} seconds.` });
    }
    if (result.outcome === 'crashed') {
      if (result.spawnError) return this.finish(call, 'Failed', { message: `Could not start '${python}': ${result.spawnError}` });
      const tail = call.logs.slice(-30).map((l) => l.message).join('\n');
      return this.finish(call, 'Failed', { message: `The function's Python process crashed (exit code ${result.exitCode}).`, trace: tail });
    }
    if (result.outcome === 'failed') return this.finish(call, 'Failed', result.error);
    const size = Buffer.byteLength(JSON.stringify(result.response));
    if (size > RESPONSE_SIZE_MB * 1024 * 1024) {
      return this.finish(call, 'Failed', { message: `The function's response is ${size} bytes; the limit is ${RESPONSE_SIZE_MB} MB. Write large results to CDF Files instead.` });
    }
    call.response = result.response;
    this.finish(call, 'Completed');
  }

  private finish(call: CallRecord, status: CallRecord['status'], error?: FunctionError): void {
    call.status = status;
    call.endTime = Date.now();
    if (error) call.error = error;
    this.env.store.changed();
  }
}

/** A call's (or schedule's) `data` may be at most the cloud's payload size (Azure 36 kB, AWS 240 kB, GCP 9 MB). */
export function assertPayloadSize(env: Env, data: unknown): void {
  const size = Buffer.byteLength(JSON.stringify(data ?? null));
  if (size > env.limits.payloadBytes) {
    throw badRequest(`data: the call's payload is ${size} bytes; CDF on ${env.limits.cloud} accepts at most ${env.limits.payloadBytes} bytes. Pass large inputs through CDF Files instead.`);
  }
}

function callOf(env: Env, fn: FunctionRecord, raw: string): CallRecord {
  const call = env.store.state.calls.find((c) => c.functionId === fn.id && String(c.id) === raw);
  if (!call) throw notFound(`Function call with id ${raw} not found for function ${fn.id}`);
  return call;
}

export function callsRoutes(env: Env): Route[] {
  const state = env.store.state;
  const listed = (fn: FunctionRecord, body: Json): Json => {
    const filter = body.filter ?? {};
    if (!isObject(filter)) throw badRequest('filter: must be an object');
    const matching = state.calls.filter(
      (c) =>
        c.functionId === fn.id &&
        (typeof filter.status !== 'string' || c.status === filter.status) &&
        (typeof filter.scheduleId !== 'number' || c.scheduleId === filter.scheduleId) &&
        (filter.startTime === undefined || inRange(c.startTime, filter.startTime)) &&
        (filter.endTime === undefined || inRange(c.endTime, filter.endTime)),
    );
    const result = page(matching, body, 100, 10_000);
    return { items: result.items.map(callJson), ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}) };
  };

  return [
    {
      method: 'POST', path: '/functions/:id/call', write: true,
      handle: async ({ req, params }) => {
        const fn = functionById(env, params.id);
        const body = await readJson(req);
        if (body.nonce === undefined || body.nonce === null) throw badRequest('nonce: may not be null. Create a session (POST /sessions) and pass its nonce.');
        if (fn.status !== 'Ready') throw badRequest(`Function ${fn.id} is not ready (status ${fn.status}); wait for status Ready before calling it.`);
        assertPayloadSize(env, body.data);
        const principal = consumeNonce(env, body.nonce);
        return new Reply(201, callJson(env.calls.start(fn, { data: body.data, principal })));
      },
    },
    { method: 'GET', path: '/functions/:id/calls', handle: async ({ params, query }) => listed(functionById(env, params.id), { limit: query.get('limit') ?? undefined, cursor: query.get('cursor') ?? undefined }) },
    {
      method: 'POST', path: '/functions/:id/calls/list',
      handle: async ({ req, params }) => listed(functionById(env, params.id), await readJson(req)),
    },
    {
      method: 'POST', path: '/functions/:id/calls/byids',
      handle: async ({ req, params }) => {
        const fn = functionById(env, params.id);
        const body = await readJson(req);
        const mine = state.calls.filter((c) => c.functionId === fn.id);
        return { items: resolve(mine, items(body, 10_000), body.ignoreUnknownIds === true).map(callJson) };
      },
    },
    { method: 'GET', path: '/functions/:id/calls/:callId', handle: async ({ params }) => callJson(callOf(env, functionById(env, params.id), params.callId)) },
    {
      method: 'GET', path: '/functions/:id/calls/:callId/response',
      handle: async ({ params }) => ({ response: callOf(env, functionById(env, params.id), params.callId).response ?? null }),
    },
    {
      method: 'GET', path: '/functions/:id/calls/:callId/logs',
      handle: async ({ params }) => ({ items: callOf(env, functionById(env, params.id), params.callId).logs }),
    },
  ];
}
