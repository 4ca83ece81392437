/**
 * The keep-warm schedule on the latest function: an empty call on a cron keeps an instance
 * warm (the runtime answers `{"status": "ok"}` to empty data). Idempotent: same cron and data,
 * nothing changes.
 */
import type { CogniteClient } from '@cognite/sdk';
import { CronExpressionParser } from 'cron-parser';
import { scheduleSessionOf } from '../cdf/client.js';
import { createSchedule, createSession, deleteSchedules, listSchedules, scheduleInputData, type CdfFunction } from '../cdf/functions.js';
import { MlopsError } from '../errors.js';

/** The Python package's prod default: every 30 minutes in working hours on weekdays. */
export const PROD_KEEP_WARM_SCHEDULE = '*/30 5-17 * * 1-5';
export const KEEP_WARM_NAME = 'mlops keep-warm';
const KEEP_WARM_DATA: Record<string, unknown> = {};

/** '' and 'none' mean no schedule; an empty input in prod means the default. */
export function parseKeepWarmSchedule(raw: string | undefined, env: string, field = 'keep-warm-schedule'): string | null {
  if (raw === undefined || raw.trim() === '') return env === 'prod' ? PROD_KEEP_WARM_SCHEDULE : null;
  const value = raw.trim();
  if (value.toLowerCase() === 'none') return null;
  checkCron(value, field);
  return value;
}

/** CDF takes five-field cron expressions (UTC). */
export function checkCron(expression: string, field = 'keep-warm-schedule'): void {
  const fields = expression.trim().split(/\s+/);
  let reason = fields.length === 5 ? '' : `it has ${fields.length} fields, CDF wants 5 (minute hour day month weekday)`;
  if (!reason) {
    try {
      CronExpressionParser.parse(expression);
    } catch (err) {
      reason = (err as Error).message;
    }
  }
  if (reason) throw new MlopsError(`${field} "${expression}" is not a valid cron expression: ${reason}. Example: ${PROD_KEEP_WARM_SCHEDULE}; 'none' for no schedule.`, [{ field, message: reason }]);
}

/** Puts the function's keep-warm schedule in the wanted state; says what it did. */
export async function applyKeepWarm(client: CogniteClient, fn: CdfFunction, cron: string | null): Promise<string> {
  const ours = (await listSchedules(client, { functionId: fn.id })).filter((s) => s.name === KEEP_WARM_NAME);
  if (cron === null) {
    if (!ours.length) return 'no keep-warm schedule';
    await deleteSchedules(client, ours.map((s) => s.id));
    return 'removed the keep-warm schedule';
  }
  if (ours.length === 1 && ours[0].cronExpression === cron) {
    const data = await scheduleInputData(client, ours[0].id);
    if (JSON.stringify(data ?? {}) === JSON.stringify(KEEP_WARM_DATA)) return `keep-warm schedule "${cron}" unchanged`;
  }
  await deleteSchedules(client, ours.map((s) => s.id));
  // The read client's credentials where a read pair exists, else the write client's (client.ts).
  const { nonce } = await createSession(client, scheduleSessionOf(client));
  await createSchedule(client, {
    name: KEEP_WARM_NAME,
    cronExpression: cron,
    functionId: fn.id,
    description: 'Keeps an instance warm (akerbp/mlops).',
    data: KEEP_WARM_DATA,
    nonce,
  });
  return `keep-warm schedule set to "${cron}"`;
}

/** The keep-warm cron on a function, to carry it over when the function is re-created. */
export async function keepWarmOf(client: CogniteClient, fn: CdfFunction): Promise<string | null> {
  const ours = (await listSchedules(client, { functionId: fn.id })).find((s) => s.name === KEEP_WARM_NAME);
  return ours?.cronExpression ?? null;
}
