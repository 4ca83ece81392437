/**
 * Changing deployed functions outside a deploy: delete, rollback (point the latest at a kept
 * version's code) and redeploy (rebuild from the same code file), with the deploy's safety:
 * what was serving keeps serving if the new function fails.
 */
import type { CogniteClient } from '@cognite/sdk';
import { deleteFunctions, type CdfFunction } from '../cdf/functions.js';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { functionExternalId } from '../naming.js';
import type { Env, Service } from '../settings/types.js';
import { LATEST_HINT, recreateSpec } from '../deploy/fields.js';
import { validateSecrets } from '../deploy/secrets.js';
import { applyKeepWarm, keepWarmOf } from '../deploy/keep-warm.js';
import { replaceFunction, type SmokeResult } from '../deploy/rollout.js';
import { requireFunction } from './inventory.js';

export async function deleteFunctionByExternalId(client: CogniteClient, xid: string, log: Logger): Promise<CdfFunction> {
  const fn = await requireFunction(client, xid);
  await deleteFunctions(client, [{ id: fn.id }]);
  log.info(`Deleted ${xid} (id ${fn.id}); its code file ${fn.fileId} stays in CDF Files.`);
  return fn;
}

export interface ReplaceCommon {
  /** CDF never returns secret values: a function with secrets needs them again */
  secrets?: Record<string, string>;
  smokeTest?: boolean;
  testPayload?: unknown;
  waitTimeoutMs?: number;
  log: Logger;
}

export interface ReplaceOutcome {
  externalId: string;
  functionId: number;
  previousVersion: number | null;
  version: number | null;
  smokeTest: SmokeResult | null;
}

function checkSecretsGiven(source: CdfFunction, secrets: Record<string, string> | undefined): Record<string, string> | undefined {
  const given = validateSecrets(secrets, 'secrets');
  const needed = Object.keys(source.secrets ?? {});
  const missing = needed.filter((k) => !given || !(k in given));
  if (missing.length) {
    throw new MlopsError(`${source.externalId} uses secrets ${missing.join(', ')}, and CDF never returns secret values; pass them again (--secrets JSON|@file) so the new function gets them.`);
  }
  return given;
}

/** Re-creates `current` as `spec` with restore on failure, carrying the keep-warm schedule over. */
async function replaceKeepingSchedule(client: CogniteClient, current: CdfFunction | null, spec: ReturnType<typeof recreateSpec>, o: ReplaceCommon, secrets: Record<string, string> | undefined): Promise<ReplaceOutcome> {
  const cron = current ? await keepWarmOf(client, current) : null;
  const { fn, smoke } = await replaceFunction(client, current, spec, {
    waitTimeoutMs: o.waitTimeoutMs, smokePayload: o.smokeTest === false ? null : (o.testPayload ?? {}), restoreSecrets: secrets, log: o.log,
  });
  if (cron) o.log.info(await applyKeepWarm(client, fn, cron));
  const versionOf = (f: CdfFunction | null) => (f?.metadata?.version ? Number(f.metadata.version) : null);
  return { externalId: spec.externalId as string, functionId: fn.id, previousVersion: versionOf(current), version: versionOf(fn), smokeTest: smoke };
}

/** Points `<model>-<service>-<env>` at the code of the kept `<model>-<service>-<env>-<to>`. */
export async function rollbackLatest(client: CogniteClient, o: ReplaceCommon & { model: string; service?: Service; env: Env; to: number }): Promise<ReplaceOutcome> {
  const service = o.service ?? 'prediction';
  const latestXid = functionExternalId(o.model, service, o.env);
  const target = await requireFunction(client, functionExternalId(o.model, service, o.env, o.to)).catch(() => {
    throw new MlopsError(`Cannot roll back ${latestXid} to version ${o.to}: ${functionExternalId(o.model, service, o.env, o.to)} does not exist (only kept versions can be rolled back to; see \`mlops functions list --env ${o.env}\`).`);
  });
  if (target.status !== 'Ready') throw new MlopsError(`Cannot roll back to ${target.externalId}: it is ${target.status}, not Ready.`);
  const secrets = checkSecretsGiven(target, o.secrets);
  const current = await requireFunction(client, latestXid).catch(() => null);
  const description = `${(target.description ?? '').replace(/ \(latest\)$/, '').slice(0, 500 - LATEST_HINT.length)}${LATEST_HINT}`;
  const spec = recreateSpec(target, { externalId: latestXid, description, ...(secrets ? { secrets } : {}) });
  o.log.info(`Rolling ${latestXid} back to version ${o.to} (code file ${target.fileId}).`);
  return replaceKeepingSchedule(client, current, spec, o, secrets);
}

/** Re-creates a function from its own code file and fields (a fresh build, e.g. after a failure). */
export async function redeployFunction(client: CogniteClient, xid: string, o: ReplaceCommon): Promise<ReplaceOutcome> {
  const current = await requireFunction(client, xid);
  const secrets = checkSecretsGiven(current, o.secrets);
  return replaceKeepingSchedule(client, current, recreateSpec(current, secrets ? { secrets } : {}), o, secrets);
}
