/**
 * Runs the built CLI as a user does: `node dist/cli/index.js ...` (build it first with
 * `node scripts/build.mjs dist cli`). `mlops` blocks; `mlopsAsync` lets an emulator running in the
 * test's own process answer the CLI.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..', '..');
export const CLI = join(repoRoot, 'dist', 'cli', 'index.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** added to this process's environment (NO_COLOR and FORCE_COLOR removed) */
  env?: NodeJS.ProcessEnv;
  /** only PATH plus `env` */
  bareEnv?: boolean;
  cwd?: string;
  /** written to stdin (a pipe, so never a terminal) */
  input?: string;
  /** cap of runAsync / mlopsAsync; default 90 s */
  timeoutMs?: number;
}

function environment({ bareEnv, env }: CliOptions): NodeJS.ProcessEnv {
  return bareEnv ? { PATH: process.env.PATH, ...env } : { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env };
}

/** `mlops ...args`, blocking this process until it ends (60 s cap). */
export function mlops(args: string[], options: CliOptions = {}): CliRun {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, cwd: options.cwd, input: options.input, env: environment(options) } satisfies SpawnSyncOptions);
  return { code: run.status, stdout: String(run.stdout), stderr: String(run.stderr) };
}

/** `command ...args` without blocking this process (`timeoutMs` cap, default 90 s). */
export function runAsync(command: string, args: string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: environment(options), timeout: options.timeoutMs ?? 90_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** `mlops ...args` without blocking this process. */
export function mlopsAsync(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return runAsync(process.execPath, [CLI, ...args], options);
}

const PTY_RUN = resolve(import.meta.dirname, 'pty_run.py');

/**
 * `mlops ...args` in a pseudo-terminal `columns` wide (default 120; pty_run.py, Python's pty),
 * typing `answer` and Enter once `prompt` shows; resolves to the exit code and everything written
 * to the terminal, escapes included (`renderScreen` in screen.ts turns it into what it showed).
 */
export async function mlopsInTerminal(args: string[], options: CliOptions & { prompt?: string; answer?: string; columns?: number } = {}): Promise<{ code: number; output: string }> {
  // pty_run.py's own cap ends the command a little before runAsync's.
  const env = { ...options.env, PTY_COLUMNS: String(options.columns ?? 120), PTY_TIMEOUT: String(Math.max(30, (options.timeoutMs ?? 90_000) / 1000 - 10)) };
  const run = await runAsync('python3', [PTY_RUN, options.prompt ?? '-', options.answer ?? '', process.execPath, CLI, ...args], { ...options, env });
  if (run.code !== 0) throw new Error(`pty_run.py failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}
