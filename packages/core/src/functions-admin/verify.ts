/**
 * After a deploy that stopped mid-switch (cancelled, killed, timed out): the post step and the
 * CLI's Ctrl-C handler wait for the latest function to be Ready, smoke-check it, and restore the
 * previous proven deployment when it does not answer. Works from the ids a deploy recorded
 * (deploy/progress.ts), never from secrets: those come from the same inputs as the deploy. The
 * smoke check uses the deploy's own payload (the file it recorded): a keep-warm `{}` never calls
 * the model, so it cannot tell a broken model from a working one.
 */
import { readFile } from 'node:fs/promises';
import type { CogniteClient } from '@cognite/sdk';
import { retrieveFunction, waitForReady, type CdfFunction } from '../cdf/functions.js';
import { isCodeFileExternalId, updateCodeFileState } from '../deploy/code-file.js';
import { FAILURE_TEXT_LIMIT, STATE_KEYS } from '../deploy/state.js';
import { MlopsError } from '../errors.js';
import { givenSecretValues } from '../deploy/secrets.js';
import { redactError } from '../redact.js';
import { cancelRun, onTerminationSignal } from '../interrupt.js';
import type { Logger } from '../logger.js';
import { progressRecords } from '../deploy/progress.js';
import type { LatestProgress } from '../deploy/progress.js';
import { DEFAULT_WAIT_TIMEOUT_MS, SmokeTestError, smokeCall } from '../deploy/rollout.js';
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

/** The payload in the file a deploy recorded; undefined (with a warning) when there is none or it cannot be read. */
async function recordedPayload(record: LatestProgress, log: ReplaceCommon['log']): Promise<unknown> {
  const keepWarm = 'the check is a keep-warm call ({}), which answers ok without calling the model';
  if (!record.payloadFile) {
    log.warning(`${record.latest}: the deploy recorded no smoke-test payload (none was given); ${keepWarm}.`);
    return undefined;
  }
  try {
    return JSON.parse(await readFile(record.payloadFile, 'utf8'));
  } catch (err) {
    log.warning(`${record.latest}: the deploy's smoke-test payload ${record.payloadFile} cannot be read (${(err as Error).message}); ${keepWarm}.`);
    return undefined;
  }
}

/** Records in the code files what the check found: the new deployment serves (the previous one is superseded) or failed. */
async function recordCheck(client: CogniteClient, latestXid: string, fn: CdfFunction, record: LatestProgress, outcome: { failure: string } | 'serves', log: ReplaceCommon['log']): Promise<void> {
  const [file] = await client.files.retrieve([{ id: fn.fileId }], { ignoreUnknownIds: true }).catch(() => []);
  if (!isCodeFileExternalId(latestXid, file?.externalId)) return;
  const now = String(Date.now());
  const updates: [number, Record<string, string>][] = outcome === 'serves'
    ? (record.previousFileId !== undefined && record.previousFileId !== fn.fileId ? [[record.previousFileId, { [STATE_KEYS.supersededAt]: now }]] : [])
    : [[fn.fileId, { [STATE_KEYS.state]: 'failed', [STATE_KEYS.failure]: `the latest made from it failed the post-deploy check: ${outcome.failure}`.slice(0, FAILURE_TEXT_LIMIT) }]];
  for (const [id, add] of updates) await updateCodeFileState(client, id, add).catch((e: Error) => log.warning(`Could not record the check in code file ${id}: ${e.message}`));
}

/**
 * Checks one latest function a deploy recorded: waits for it to be Ready and smoke-calls it with
 * `o.testPayload`, else the payload file the deploy recorded. When it answers, the deployment that
 * served before is recorded as superseded; when its smoke call fails, its deployment is marked
 * failed (so rollback, fallbacks and retention skip it; its reason recorded with `o.secrets` and
 * the index-URL credentials hidden) and the previous one is restored. Throws
 * MlopsError when it neither answers nor can be restored (no previous proven deployment, or
 * secrets/index URLs missing for it).
 */
export async function verifyLatest(client: CogniteClient, record: LatestProgress, o: ReplaceCommon): Promise<VerifyOutcome> {
  if (!needsVerify(record)) return { latest: record.latest, outcome: 'skipped', serving: record.serving };
  const name = parseFunctionExternalId(record.latest);
  if (!name || name.version !== null) throw new MlopsError(`The recorded deploy state names "${record.latest}", which is not a latest function's external id.`);
  const timeoutMs = o.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const payload = o.smokeTest === false ? undefined : o.testPayload ?? (await recordedPayload(record, o.log));
  let why: string;
  const fn = await retrieveFunction(client, { externalId: record.latest });
  if (!fn) {
    why = 'it does not exist';
  } else {
    const ready = fn.status === 'Ready' ? fn : await waitForReady(client, { id: fn.id }, { timeoutMs, log: o.log }).catch((err: Error) => err);
    if (ready instanceof Error) {
      why = ready.message.split('\n')[0];
    } else {
      // What the model printed or raised is recorded and shown with the deploy's secrets hidden.
      const smoke = o.smokeTest === false ? null : await smokeCall(client, ready, payload ?? {}, { timeoutMs, log: o.log }).catch((err: Error) => redactError(err, givenSecretValues(o)) as Error);
      if (!(smoke instanceof Error)) {
        await recordCheck(client, record.latest, ready, record, 'serves', o.log);
        return { latest: record.latest, outcome: 'ok', serving: `${record.latest} serves version ${ready.metadata?.version ?? '?'} (function id ${ready.id}, code file ${ready.fileId})${smoke ? '; smoke test ok' : ''}` };
      }
      why = smoke.message.split('\n')[0].replace(/\.$/, '');
      // It passed as a versioned function, but not as the latest: not a deployment to return to.
      if (smoke instanceof SmokeTestError) await recordCheck(client, record.latest, ready, record, { failure: smoke.reason }, o.log);
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
