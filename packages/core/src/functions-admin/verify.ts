/**
 * After a deploy that stopped mid-switch (cancelled, killed, timed out): the post step and the
 * CLI's Ctrl-C handler wait for the latest function to be Ready, smoke-check it, and restore the
 * previous proven deployment when it does not answer. Works from the ids a deploy recorded
 * (deploy/progress.ts), never from secrets: those come from the same inputs as the deploy.
 */
import type { CogniteClient } from '@cognite/sdk';
import { retrieveFunction, waitForReady } from '../cdf/functions.js';
import { MlopsError } from '../errors.js';
import { cancelRun, onTerminationSignal } from '../interrupt.js';
import type { Logger } from '../logger.js';
import { progressRecords } from '../deploy/progress.js';
import type { LatestProgress } from '../deploy/progress.js';
import { DEFAULT_WAIT_TIMEOUT_MS, smokeCall } from '../deploy/rollout.js';
import { parseFunctionExternalId } from './inventory.js';
import { keptDeployments, pointLatestAt, type ReplaceCommon } from './manage.js';

export interface VerifyOutcome {
  latest: string;
  /** ok: the latest answers; restored: it did not, the previous proven deployment was put back; skipped: the deploy had finished or never touched it */
  outcome: 'ok' | 'restored' | 'skipped';
  serving: string;
}

/** Whether the deploy stopped while the latest could be without a working function. */
export function needsVerify(record: LatestProgress): boolean {
  return record.phase === 'switching' || record.phase === 'restoring' || record.phase === 'failed';
}

/**
 * Checks one latest function a deploy recorded. Throws MlopsError when it neither answers nor can
 * be restored (no previous proven deployment, or secrets/index URLs missing for it).
 */
export async function verifyLatest(client: CogniteClient, record: LatestProgress, o: ReplaceCommon): Promise<VerifyOutcome> {
  if (!needsVerify(record)) return { latest: record.latest, outcome: 'skipped', serving: record.serving };
  const name = parseFunctionExternalId(record.latest);
  if (!name || name.version !== null) throw new MlopsError(`The recorded deploy state names "${record.latest}", which is not a latest function's external id.`);
  const timeoutMs = o.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  let why: string;
  const fn = await retrieveFunction(client, { externalId: record.latest });
  if (!fn) {
    why = 'it does not exist';
  } else {
    const ready = fn.status === 'Ready' ? fn : await waitForReady(client, { id: fn.id }, { timeoutMs, log: o.log }).catch((err: Error) => err);
    if (ready instanceof Error) {
      why = ready.message.split('\n')[0];
    } else {
      const smoke = o.smokeTest === false ? null : await smokeCall(client, ready, o.testPayload ?? {}, { timeoutMs, log: o.log }).catch((err: Error) => err);
      if (!(smoke instanceof Error)) {
        return { latest: record.latest, outcome: 'ok', serving: `${record.latest} serves version ${ready.metadata?.version ?? '?'} (function id ${ready.id}, code file ${ready.fileId})${smoke ? '; smoke test ok' : ''}` };
      }
      why = smoke.message.split('\n')[0];
    }
  }
  o.log.warning(`${record.latest} does not answer (${why}); restoring the deployment that served before.`);
  const d = await keptDeployments(client, name.model, name.service, name.env);
  const target = d.kept.find((f) => f.externalId === record.previousVersioned) ?? d.kept.find((f) => f.fileId === record.previousFileId);
  if (!target) throw new MlopsError(`${record.latest} does not answer (${why}), and the deployment that served before (${record.previousVersioned ?? 'none recorded'}) is not kept; roll back by hand: mlops functions rollback ${name.model} --env ${name.env}.`);
  const out = await pointLatestAt(client, d, target, o);
  return { latest: record.latest, outcome: 'restored', serving: `${record.latest} was restored to ${out.deployment} (version ${out.version ?? '?'})` };
}

/**
 * The CLI's Ctrl-C (and SIGTERM): start no new work, send the create of a latest that was deleted
 * and not re-created, then check every latest this process was replacing (verifyLatest, with the
 * deploy's secrets and index URLs) and exit 130. A second Ctrl-C exits at once.
 */
export function stopSafelyOnCtrlC(log: Logger, fields: Pick<ReplaceCommon, 'secrets' | 'indexUrls'>, client: () => Promise<CogniteClient>): void {
  onTerminationSignal(async (signal) => {
    process.once('SIGINT', () => process.exit(130));
    log.warning(`${signal}: stopping; no new work is started (Ctrl-C again to quit at once, leaving the latest functions unchecked).`);
    for (const failure of await cancelRun(signal)) log.error(failure);
    for (const record of progressRecords().filter(needsVerify)) {
      const out = await verifyLatest(await client(), record, { ...fields, log }).catch((err: Error) => ({ serving: `NOT restored: ${err.message}` }));
      log.info(`${record.latest}: ${out.serving}`);
    }
    process.exit(130);
  });
}
