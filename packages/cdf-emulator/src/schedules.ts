/** Function schedules: CRUD, `input_data`, and a timer per schedule that really calls the function on its cron. */
import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue';
import type { Env } from './env.js';
import { ApiError, badRequest, notFound, readJson } from './http.js';
import { find, page, resolve } from './resources.js';
import { Reply, type Route } from './router.js';
import { assertPayloadSize } from './calls.js';
import { consumeNonce, sessionPrincipal } from './sessions.js';
import type { ScheduleRecord } from './store.js';
import { inRange, isObject, items, optInt, optString, reqString, type Json } from './validate.js';

/** setTimeout's ceiling (~24.8 days); longer waits re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function nextRun(cronExpression: string, after: number): number {
  return CronExpressionParser.parse(cronExpression, { currentDate: new Date(after), tz: 'UTC' }).next().getTime();
}

/** CDF's `when`: the cron expression in words, e.g. "Every 5 minutes". */
function describeCron(cronExpression: string): string {
  try {
    return cronstrue.toString(cronExpression, { use24HourTimeFormat: true });
  } catch {
    return cronExpression;
  }
}

/** The schedule as CDF returns it: `id, name, createdTime, description, cronExpression, when, functionId, functionExternalId, sessionId` (never `data`). */
function scheduleJson(s: ScheduleRecord): Json {
  const { data: _d, clientId: _c, write: _w, ...rest } = s;
  return { ...rest, when: s.when ?? describeCron(s.cronExpression) };
}

export class Scheduler {
  private readonly timers = new Map<number, NodeJS.Timeout>();

  constructor(private readonly env: Env) {}

  /** Arms the timer for the schedule's next cron time. */
  arm(s: ScheduleRecord, from = Date.now()): void {
    const at = nextRun(s.cronExpression, from);
    const timer = setTimeout(() => (at - Date.now() > 0 ? this.arm(s, from) : this.fire(s, at)), Math.min(Math.max(0, at - Date.now()), MAX_TIMER_MS));
    timer.unref();
    this.timers.set(s.id, timer);
  }

  private fire(s: ScheduleRecord, scheduledTime: number): void {
    const state = this.env.store.state;
    if (!state.schedules.includes(s)) return;
    const fn = state.functions.find((f) => f.id === s.functionId);
    if (fn?.status === 'Ready') {
      const principal = s.sessionId !== undefined ? sessionPrincipal(this.env, s.sessionId) : { clientId: s.clientId, write: s.write };
      const request = { data: s.data ?? null, scheduleId: s.id, scheduledTime };
      if (typeof principal === 'string') this.env.calls.fail(fn, request, `The schedule's session cannot run the call: ${principal}. Recreate the schedule with a new session.`);
      else this.env.calls.start(fn, { ...request, principal });
    } else {
      this.env.log(`schedule ${s.id}: function ${s.functionId} is not Ready at ${new Date(scheduledTime).toISOString()}; skipped`);
    }
    this.arm(s, scheduledTime);
  }

  remove(id: number): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const state = this.env.store.state;
    state.schedules = state.schedules.filter((s) => s.id !== id);
    this.env.store.changed();
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

export function schedulesRoutes(env: Env): Route[] {
  const state = env.store.state;
  const byId = (raw: string): ScheduleRecord => {
    const s = state.schedules.find((x) => String(x.id) === raw);
    if (!s) throw notFound(`Function schedule with id ${raw} not found`);
    return s;
  };
  const listed = (filter: unknown, limit: unknown): Json => {
    const f = filter ?? {};
    if (!isObject(f)) throw badRequest('filter: must be an object');
    const matching = state.schedules.filter(
      (s) =>
        (typeof f.name !== 'string' || s.name === f.name) &&
        (typeof f.functionId !== 'number' || s.functionId === f.functionId) &&
        (typeof f.functionExternalId !== 'string' || s.functionExternalId === f.functionExternalId) &&
        (typeof f.cronExpression !== 'string' || s.cronExpression === f.cronExpression) &&
        (f.createdTime === undefined || inRange(s.createdTime, f.createdTime)),
    );
    return { items: page(matching, { limit }, 100, 10_000).items.map(scheduleJson) };
  };

  return [
    {
      method: 'POST', path: '/functions/schedules', write: true,
      handle: async ({ req }) => {
        const [item] = items(await readJson(req), 1);
        const name = reqString(item, 'name', 140);
        const cronExpression = reqString(item, 'cronExpression', 1024);
        try {
          nextRun(cronExpression, Date.now());
        } catch (err) {
          throw badRequest(`cronExpression: '${cronExpression}' is not a valid cron expression (${(err as Error).message})`);
        }
        const functionId = optInt(item, 'functionId');
        const functionExternalId = optString(item, 'functionExternalId', 255);
        if ((functionId === undefined) === (functionExternalId === undefined)) throw badRequest('items[0]: exactly one of functionId and functionExternalId must be set');
        const ident = functionId !== undefined ? { id: functionId } : { externalId: functionExternalId };
        const fn = find(state.functions, ident);
        if (!fn) throw new ApiError(400, 'Function not found', { missing: [ident] });
        if (item.data !== undefined && item.data !== null && !isObject(item.data)) throw badRequest('data: must be a JSON object');
        assertPayloadSize(env, item.data);
        const principal = consumeNonce(env, item.nonce);
        const schedule: ScheduleRecord = {
          id: env.store.newId(), name, functionId: fn.id, cronExpression, createdTime: Date.now(), when: describeCron(cronExpression),
          sessionId: principal.sessionId!, clientId: principal.clientId, write: principal.write,
          ...(fn.externalId !== undefined ? { functionExternalId: fn.externalId } : {}),
          ...(item.description !== undefined ? { description: optString(item, 'description', 500) } : {}),
          ...(item.data !== undefined ? { data: item.data } : {}),
        };
        state.schedules.push(schedule);
        env.schedules.arm(schedule);
        env.store.changed();
        return new Reply(201, { items: [scheduleJson(schedule)] });
      },
    },
    { method: 'GET', path: '/functions/schedules', handle: async ({ query }) => listed({}, query.get('limit') ?? undefined) },
    {
      method: 'POST', path: '/functions/schedules/list',
      handle: async ({ req }) => {
        const body = await readJson(req);
        return listed(body.filter, body.limit);
      },
    },
    {
      method: 'POST', path: '/functions/schedules/byids',
      handle: async ({ req }) => {
        const body = await readJson(req);
        return { items: resolve(state.schedules, items(body, 10_000), body.ignoreUnknownIds === true).map(scheduleJson) };
      },
    },
    {
      method: 'POST', path: '/functions/schedules/delete', write: true,
      handle: async ({ req }) => {
        const body = await readJson(req);
        for (const s of resolve(state.schedules, items(body, 10_000), body.ignoreUnknownIds === true)) env.schedules.remove(s.id);
        return {};
      },
    },
    { method: 'GET', path: '/functions/schedules/:id', handle: async ({ params }) => scheduleJson(byId(params.id)) },
    {
      method: 'GET', path: '/functions/schedules/:id/input_data',
      handle: async ({ params }) => {
        const s = byId(params.id);
        return { id: s.id, data: s.data ?? null };
      },
    },
  ];
}
