/**
 * The only module that knows GitHub Actions: logger, annotations, outputs and job summaries.
 * Action entry points call `runAction`, which turns any failure into annotations + exit 1,
 * never a stack trace.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import * as core from '@actions/core';
import type { CogniteClient } from '@cognite/sdk';
import { DEFAULT_OIDC_AUDIENCE, cdfInputsFrom, resolveCdfConfig } from './cdf/config.js';
import { createCdfClient } from './cdf/client.js';
import { credentialSecretsIfConfigured } from './deploy/credential-secrets.js';
import { MlopsError, formatProblem, type Problem } from './errors.js';
import { cancelRun, onTerminationSignal, settleUninterruptible, uninterruptibleRunning } from './interrupt.js';
import { onProgress, parseProgress, progressRecords, type LatestProgress } from './deploy/progress.js';
import { progressLines, type Logger } from './logger.js';
import { secretPieces } from './redact.js';
import { cellText, foldTable, shortSha, type CellValue, type Summary } from './summary.js';
import { fusionFunctionsUrl, type CdfSite } from './cdf/fusion.js';

/**
 * The Logger of an action step. GitHub does not nest groups, so a group opened inside another
 * prints its title as a line; `::group::` is written only when the first line inside arrives, so
 * a group that prints nothing leaves just its title (no empty group).
 */
export function actionsLogger(): Logger {
  let open: { title: string; started: boolean } | null = null;
  const lines = progressLines((line) => { enter(); core.info(line); });
  const enter = () => {
    if (open && !open.started) {
      core.startGroup(open.title);
      open.started = true;
    }
  };
  return {
    debug: (m) => {
      // Debug lines are hidden unless step debugging is on: alone they would leave a group empty.
      if (core.isDebug()) enter();
      core.debug(m);
    },
    info: (m) => { enter(); core.info(m); },
    warning: (m, loc) => { enter(); core.warning(m, annotation(loc)); },
    error: (m, loc) => { enter(); core.error(m, annotation(loc)); },
    notice: (m) => { enter(); core.notice(m); },
    group: async (title, fn) => {
      if (open) {
        enter();
        core.info(title);
        return fn();
      }
      const group = { title, started: false };
      open = group;
      try {
        return await fn();
      } finally {
        open = null;
        if (group.started) core.endGroup();
        else core.info(title);
      }
    },
    secret: (v) => { for (const p of secretPieces(v)) core.setSecret(p); },
    // Transfers as a line per 10 %; waits not: their status changes are logged already.
    progress: (e) => { if (e.unit === 'bytes') lines(e); },
  };
}

/**
 * `file` (absolute, or relative to the working directory as every Problem's is) relative to the
 * repository root, GITHUB_WORKSPACE, where GitHub places annotations; a file outside it is kept
 * as given (GitHub then shows the annotation without a file).
 */
export function workspacePath(file: string): string {
  const root = process.env.GITHUB_WORKSPACE || process.cwd();
  const rel = relative(root, resolve(file));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

function annotation(loc?: { file?: string; line?: number; column?: number; field?: string }): core.AnnotationProperties {
  return {
    file: loc?.file ? workspacePath(loc.file) : undefined,
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
  for (const p of secretPieces(value)) core.setSecret(p);
  return value;
}

export function setOutputs(outputs: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(outputs)) {
    if (v === undefined) continue;
    core.setOutput(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
}

/**
 * Per-model outputs: each output is a JSON map model → value, the same type for one model as
 * for several (`{}` for none), so a workflow reads it as `fromJSON(steps.<id>.outputs.<name>)[model]`.
 * `pick` gives each output's value for an item; undefined leaves the model out of that map.
 */
export function setModelOutputs<T extends { model: string }>(items: readonly T[], pick: Record<string, (item: T) => unknown>): void {
  for (const [name, value] of Object.entries(pick)) {
    const map: Record<string, unknown> = {};
    for (const item of items) {
      const v = value(item);
      if (v !== undefined) map[item.model] = v;
    }
    core.setOutput(name, JSON.stringify(map));
  }
}

/** The summary line naming the CDF project a step worked in, linked to its Functions page in CDF's web UI. */
export function cdfSiteLine(site: CdfSite): CellValue[] {
  const sha = process.env.GITHUB_SHA;
  return [
    'CDF project ', { text: site.project, code: true, href: fusionFunctionsUrl(site) }, ` at ${site.baseUrl}`,
    ...(sha ? [', from commit ', { text: shortSha(sha, 'commit'), code: true }] : []), '.',
  ];
}

/** Escapes text for the job summary's HTML (core.summary inserts cell data as HTML). */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Text as a reader of the summary should see it: paths inside the workspace relative to it (no
 * runner paths such as /home/runner/work/repo/repo/).
 */
function shown(text: string): string {
  const root = process.env.GITHUB_WORKSPACE || process.cwd();
  return text.split(`${root}${sep}`).join('');
}

/** One piece of a line or cell as HTML (a cell of a folded table: one line). */
function inlineHtml(c: CellValue): string {
  let out = html(shown(cellText(c)));
  if (typeof c === 'object' && c.code) out = `<code>${out}</code>`;
  if (typeof c === 'object' && c.href) out = `<a href="${html(c.href)}">${out}</a>`;
  return out;
}

/**
 * Appends a step's summary to the job summary with @actions/core's `summary` (no-op outside a
 * runner): a heading, its lines, a table. A multi-line cell (an error with pip's or pytest's
 * output) shows its first line in the table and the rest in a <details> block under it
 * (foldTable), so a long error never stretches a row.
 */
export async function writeSummary(s: Summary): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const [heading, ...more] = shown(s.title).split('\n');
  const summary = core.summary.addHeading(html(heading), 3);
  if (more.length) summary.addDetails('Details', `\n\n<pre>${html(more.join('\n'))}</pre>\n\n`);
  for (const line of s.lines ?? []) summary.addRaw(`<p>${foldTable([line], shown).rows[0].map(inlineHtml).join('')}</p>`, true);
  if (s.table) {
    const { rows, folded } = foldTable(s.table.rows, shown);
    summary.addTable([
      s.table.head.map((h) => ({ data: html(h), header: true })),
      ...rows.map((row) => row.map((c) => ({ data: inlineHtml(c) }))),
    ]);
    for (const f of folded) summary.addDetails(html(f.label), `\n\n<pre>${html(f.text)}</pre>\n\n`);
  }
  await summary.write();
}

/** One annotation per problem, and a summary section saying what failed (with the problems' table). */
export async function reportProblems(title: string, problems: Problem[]): Promise<void> {
  for (const p of problems) core.error(formatProblem(p), annotation(p));
  await writeSummary({
    title: `❌ ${title}`,
    table: problems.length ? {
      head: ['Where', 'Field', 'Problem'],
      rows: problems.map((p) => [p.file ? `${workspacePath(p.file)}${p.line ? `:${p.line}` : ''}` : '', p.field ?? '', p.message]),
    } : undefined,
  });
}

/**
 * Runs an action body: any MlopsError becomes annotations, a summary and exit 1; any other
 * error one readable line (the stack only in debug logs). Never rethrows.
 * `required` lists the action.yml inputs marked `required: true`: the runner does not enforce
 * them for JavaScript actions, so a missing one fails here first, with @actions/core's wording
 * ("Input required and not supplied: NAME"), before any file or CDF is touched.
 */
export async function runAction(name: string, body: (log: Logger) => Promise<void>, options: { required?: string[] } = {}): Promise<void> {
  try {
    const missing = (options.required ?? []).filter((n) => !input(n));
    if (missing.length) throw new MlopsError(missing.map((n) => `Input required and not supplied: ${n}`).join('; '));
    warnIfPinnedToBranch();
    await body(actionsLogger());
  } catch (err) {
    if (err instanceof MlopsError) {
      await reportProblems(`${name} failed: ${err.message}`, err.problems).catch((e: unknown) => core.debug(`The job summary could not be written: ${String(e)}`));
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

/** What serves each latest function this step touched, as a job-summary section (none when it touched none). */
export async function writeServingSection(records: LatestProgress[] = progressRecords()): Promise<void> {
  if (!records.length) return;
  await writeSummary({ title: 'What is serving', table: { head: ['Function', 'Deploy', 'Serving'], rows: records.map((r) => [r.latest, r.phase, r.serving]) } });
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
    await writeSummary({ title: `⏹️ ${name} cancelled`, lines: [[message]] }).then(() => writeServingSection()).catch(() => {});
    process.exit(1);
  });
}

/** What the main step's deploys recorded for this post step (GITHUB_STATE → STATE_deployments). */
export function recordedDeploys(): LatestProgress[] {
  return parseProgress(core.getState(DEPLOY_STATE));
}
