/**
 * Runs a built action exactly as the GitHub runner does: `node dist/<name>/index.js` with
 * INPUT_* variables and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface BundleRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** what the step saved for its post step (GITHUB_STATE) */
  state: Record<string, string>;
  /** the step's RUNNER_TEMP (its scratch files; never to be named in a summary) */
  runnerTemp: string;
}

/**
 * The `default:` of each input of the action.yml whose main step runs bundle `name` (the root
 * action.yml for `deploy`, actions/<name>/action.yml for the others): the runner passes every
 * declared input, a default when the workflow gives none. {} for a bundle without an action.yml.
 */
export function actionDefaults(name: string): Record<string, string> {
  const file = join(repoRoot, name === 'deploy' ? 'action.yml' : join('actions', name, 'action.yml'));
  if (!existsSync(file)) return {};
  const yml = parse(readFileSync(file, 'utf8')) as { inputs?: Record<string, { default?: unknown }> };
  return Object.fromEntries(Object.entries(yml.inputs ?? {}).filter(([, v]) => v.default !== undefined).map(([k, v]) => [k, String(v.default)]));
}

/** Parses the runner's `name<<DELIM\nvalue\nDELIM` file format. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
      out[m[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}

export async function runBundle(
  name: string,
  inputs: Record<string, string>,
  options: {
    cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number;
    /** called once the process runs, e.g. to cancel it as the runner does (cancelLikeRunner) */
    control?: (child: ChildProcess) => void;
    /** sees each stdout line as the action prints it (to react while it runs) */
    onLine?: (line: string) => void;
    /**
     * Exactly as the runner: action.yml's defaults for the inputs not given (actionDefaults), and
     * GITHUB_WORKSPACE the step's cwd unless `env` sets it.
     */
    asRunner?: boolean;
  } = {},
): Promise<BundleRun> {
  const dir = mkdtempSync(join(tmpdir(), `run-${name}-`));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const stateFile = join(dir, 'state');
  writeFileSync(stateFile, '');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('INPUT_') && !k.startsWith('COGNITE_')) env[k] = v;
  // The runner upper-cases names and keeps dashes.
  const given = options.asRunner ? { ...actionDefaults(name), ...inputs } : inputs;
  for (const [k, v] of Object.entries(given)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  Object.assign(env, { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_STATE: stateFile, GITHUB_ACTIONS: 'true', RUNNER_TEMP: dir });
  if (options.asRunner) env.GITHUB_WORKSPACE = resolve(options.cwd ?? repoRoot);
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const child = spawn(process.execPath, [join(repoRoot, 'dist', name, 'index.js')], { cwd: options.cwd ?? repoRoot, env });
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.on('data', (d) => {
    stdout += d;
    if (!options.onLine) return;
    const lines = (partial + String(d)).split('\n');
    partial = lines.pop() ?? '';
    lines.forEach(options.onLine);
  });
  child.stderr.on('data', (d) => (stderr += d));
  options.control?.(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const code: number = await new Promise((res) => child.on('close', (c) => res(c ?? -1)));
  clearTimeout(timer);
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    state: parseOutputFile(readFileSync(stateFile, 'utf8')),
    runnerTemp: dir,
  };
}

/**
 * Cancels a step as the GitHub runner does (docs.github.com "Canceling a workflow"; actions/runner):
 * SIGINT, SIGTERM 7.5 s later if it still runs, SIGKILL 2.5 s after that. Resolves with the
 * signals sent.
 */
export function cancelLikeRunner(child: ChildProcess): Promise<NodeJS.Signals[]> {
  const sent: NodeJS.Signals[] = [];
  const alive = () => child.exitCode === null && child.signalCode === null;
  const send = (signal: NodeJS.Signals) => {
    if (alive()) {
      child.kill(signal);
      sent.push(signal);
    }
  };
  send('SIGINT');
  return new Promise((resolve) => {
    const t1 = setTimeout(() => send('SIGTERM'), 7_500);
    const t2 = setTimeout(() => { send('SIGKILL'); resolve(sent); }, 10_000);
    child.on('close', () => { clearTimeout(t1); clearTimeout(t2); resolve(sent); });
  });
}

/** The STATE_* variables the runner gives a post step from what the main step saved in GITHUB_STATE. */
export function stateEnv(state: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
}
