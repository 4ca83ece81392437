/**
 * The only module that knows GitHub Actions: logger, annotations, outputs and job summaries.
 * Action entry points call `runAction`, which turns any failure into annotations + exit 1,
 * never a stack trace.
 */
import * as core from '@actions/core';
import type { CogniteClient } from '@cognite/sdk';
import { DEFAULT_OIDC_AUDIENCE, cdfInputsFrom, resolveCdfConfig } from './cdf/config.js';
import { createCdfClient } from './cdf/client.js';
import { credentialSecretsIfConfigured } from './deploy/credential-secrets.js';
import { MlopsError, formatProblem, type Problem } from './errors.js';
import { cancelRun, onTerminationSignal, settleUninterruptible, uninterruptibleRunning } from './interrupt.js';
import { onProgress, parseProgress, progressRecords, type LatestProgress } from './deploy/progress.js';
import type { Logger } from './logger.js';

export function actionsLogger(): Logger {
  return {
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    warning: (m, loc) => core.warning(m, annotation(loc)),
    error: (m, loc) => core.error(m, annotation(loc)),
    group: (title, fn) => core.group(title, fn),
    secret: (v) => { if (v) core.setSecret(v); },
  };
}

function annotation(loc?: { file?: string; line?: number; column?: number; field?: string }): core.AnnotationProperties {
  return {
    file: loc?.file,
    startLine: loc?.line,
    startColumn: loc?.column,
    title: loc && 'field' in loc && loc.field ? String(loc.field) : undefined,
  };
}

/** Reads an input; '' means "not given". */
export function input(name: string): string {
  return core.getInput(name).trim();
}

export function booleanInput(name: string, fallback: boolean): boolean {
  const raw = input(name).toLowerCase();
  if (raw === '') return fallback;
  if (['true', 'yes', '1'].includes(raw)) return true;
  if (['false', 'no', '0'].includes(raw)) return false;
  throw new MlopsError(`Input "${name}" must be true or false, got "${raw}".`);
}

/** Secret inputs are masked before anything else can print them. */
export function secretInput(name: string): string {
  const value = input(name);
  if (value) core.setSecret(value);
  return value;
}

export function setOutputs(outputs: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(outputs)) {
    if (v === undefined) continue;
    core.setOutput(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
}

/** Appends Markdown to the job summary (no-op outside a runner). */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}

export function markdownTable(head: string[], rows: (string | number)[][]): string {
  const esc = (c: string | number) => String(c).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
    '',
  ].join('\n');
}

/** Annotations + summary section for a list of problems. */
export async function reportProblems(title: string, problems: Problem[]): Promise<void> {
  for (const p of problems) core.error(formatProblem(p), annotation(p));
  if (problems.length) {
    await writeSummary(`### ❌ ${title}\n\n${markdownTable(['Where', 'Field', 'Problem'], problems.map((p) => [
      p.file ? `${p.file}${p.line ? `:${p.line}` : ''}` : '', p.field ?? '', p.message,
    ]))}`);
  }
}

/**
 * Runs an action body: any MlopsError becomes annotations, a summary and exit 1; any other
 * error one readable line (the stack only in debug logs). Never rethrows.
 */
export async function runAction(name: string, body: (log: Logger) => Promise<void>): Promise<void> {
  try {
    warnIfPinnedToBranch();
    await body(actionsLogger());
  } catch (err) {
    if (err instanceof MlopsError) {
      await reportProblems(`${name} failed: ${err.message}`, err.problems).catch(() => {});
      core.setFailed(err.problems.length ? `${err.message} (each is annotated above)` : err.message);
    } else {
      const e = err as Error;
      core.debug(e?.stack ?? String(err));
      core.setFailed(`${name} failed unexpectedly: ${e?.message ?? String(err)}`);
    }
    process.exitCode = 1;
    // The timed-out body is still running; stop it here, after the report is written.
    if (err instanceof StepTimeoutError) process.exit(1);
  }
}

/** Release tags (v4, v4.1, v4.1.0, v4.1.0-rc.1) and commit shas are fixed; anything else can move. */
const PINNED_REF = /^(v\d+(\.\d+){0,2}([-+][0-9A-Za-z.-]+)?|[0-9a-f]{40})$/;

/** `uses: akerbp/mlops@main` runs whatever was pushed last: warn, since deploys should be reproducible. */
function warnIfPinnedToBranch(): void {
  const ref = process.env.GITHUB_ACTION_REF?.trim();
  if (!ref || PINNED_REF.test(ref)) return;
  core.warning(
    `akerbp/mlops is used at "${ref}", which looks like a branch: every push to it changes what this workflow runs. ` +
      'Pin a release tag (e.g. @v4) or a full commit sha.',
    { title: 'Unpinned akerbp/mlops' },
  );
}

/**
 * A GitHub OIDC token with audience `audience` for Entra ID's federated credentials (the job needs
 * `permissions: id-token: write`). Throws MlopsError saying so when GitHub gives none.
 */
export async function githubIdToken(audience: string): Promise<string> {
  try {
    return await core.getIDToken(audience);
  } catch (err) {
    // @actions/core says only "Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable".
    const reason = ((err as Error).message ?? String(err)).replace(/^Error message: /, '').trim();
    throw new MlopsError(
      `use-oidc is true but GitHub gave no OIDC token (${reason}). Give the job \`permissions: id-token: write\` ` +
        '(pull requests from forks never get one), or use a client secret instead.',
    );
  }
}

/**
 * A CDF client from this step's credential inputs (COGNITE_* variables as fallback), signing in
 * with the job's GitHub OIDC token when use-oidc is set.
 */
export function cdfClientFromInputs(log: Logger, access: 'read' | 'write'): Promise<CogniteClient> {
  const config = resolveCdfConfig(cdfInputsFrom(input), process.env, log);
  return createCdfClient(config, { access, log, getIdToken: () => githubIdToken(config.audience ?? DEFAULT_OIDC_AUDIENCE) });
}

/**
 * The CDF credentials a deploying action gives its functions as secrets, under the Python
 * package's dashed keys (credentialSecrets: read pair when configured; write pair only with input
 * pass-write-credentials). Without complete CDF credentials (a run that deploys nothing) none: a
 * deploy then fails on the credentials themselves.
 */
export function credentialSecretsFromInputs(log: Logger): Record<string, string> {
  return credentialSecretsIfConfigured(() => resolveCdfConfig(cdfInputsFrom(input), process.env, log), { passWrite: booleanInput('pass-write-credentials', false) });
}

class StepTimeoutError extends MlopsError {}

/**
 * Runs `body` under the step's `timeout-seconds` input (0 or empty = no limit): when it is
 * reached the step fails with a clear message and exits 1 instead of hanging until GitHub kills
 * the job. Uninterruptible work in flight (replacing a serving function) finishes first.
 */
export async function withStepTimeout<T>(name: string, body: () => Promise<T>): Promise<T> {
  const seconds = Number(input('timeout-seconds') || '0');
  if (!Number.isFinite(seconds) || seconds < 0) throw new MlopsError(`Input "timeout-seconds" must be a number of seconds, got "${input('timeout-seconds')}".`);
  if (seconds === 0) return body();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const busy = uninterruptibleRunning();
      if (busy) core.info(`timeout-seconds (${seconds} s) reached while a serving function is being replaced; letting that finish first.`);
      void settleUninterruptible().then(() =>
        reject(new StepTimeoutError(`${name} did not finish within timeout-seconds (${seconds} s); stopped${busy ? ' after the function replacement in progress finished' : ''}.`)),
      );
    }, seconds * 1000);
  });
  try {
    return await Promise.race([body(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The GITHUB_STATE name under which deploys record what they do to each latest function (ids only). */
export const DEPLOY_STATE = 'deployments';

/** What serves each latest function this step touched, as a job-summary section. */
export function servingSection(records: LatestProgress[] = progressRecords()): string {
  if (!records.length) return '';
  return `#### What is serving\n\n${markdownTable(['Function', 'Deploy', 'Serving'], records.map((r) => [r.latest, r.phase, r.serving]))}`;
}

/**
 * For the deploy actions: records every deploy's progress in GITHUB_STATE for the post step, and
 * on the runner's cancel (SIGINT, then SIGTERM 7.5 s later, a kill 2.5 s after that) starts no new
 * work, sends the urgent create of a latest function that was deleted and not yet re-created,
 * writes the job summary with what is serving, and exits 1. The post step (deploy-post) then waits
 * for the latest to be Ready, smoke-checks it and restores the previous proven deployment if not.
 */
export function guardDeploy(name: string): void {
  onProgress((all) => core.saveState(DEPLOY_STATE, JSON.stringify(all)));
  onTerminationSignal(async (signal) => {
    const failures = await cancelRun(signal);
    const switching = progressRecords().filter((r) => r.phase === 'switching' || r.phase === 'restoring');
    const message = `${name} was cancelled (${signal}): no new work was started` +
      (switching.length ? `; ${switching.map((r) => r.latest).join(', ')} ${switching.length > 1 ? 'were' : 'was'} being replaced and the create was sent, so the post step checks ${switching.length > 1 ? 'them' : 'it'}` : '') +
      (failures.length ? `; urgent work failed: ${failures.join('; ')}` : '') + '.';
    core.error(message);
    await writeSummary(`### ⏹️ ${name} cancelled\n\n${message}\n\n${servingSection()}`).catch(() => {});
    process.exit(1);
  });
}

/** What the main step's deploys recorded for this post step (GITHUB_STATE → STATE_deployments). */
export function recordedDeploys(): LatestProgress[] {
  return parseProgress(core.getState(DEPLOY_STATE));
}
