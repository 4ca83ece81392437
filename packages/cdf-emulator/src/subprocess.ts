/** Runs the Python side with a clean environment (no emulator or CI secrets), a time limit and captured output. */
import { spawn } from 'node:child_process';

/** Only what an interpreter needs to start and find its packages. */
const PASSED_ENV = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'TEMP', 'TMP', 'SYSTEMROOT', 'PYTHONPATH', 'PYTHONHOME', 'VIRTUAL_ENV'];

export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' };
  for (const k of PASSED_ENV) if (process.env[k] !== undefined) env[k] = process.env[k]!;
  return { ...env, ...extra };
}

export interface ProcessResult {
  code: number | null;
  timedOut: boolean;
  /** Spawn failure (interpreter missing, ...). */
  spawnError?: string;
}

export interface ProcessOptions {
  cwd: string;
  env: Record<string, string>;
  stdin?: string;
  timeoutMs: number;
  onLine?: (line: string) => void;
  /** Lets the caller kill the process early (server stop). */
  register?: (kill: () => void) => () => void;
}

export function runProcess(command: string, args: string[], options: ProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve) => {
    // detached: the process group is killed on timeout, so grandchildren of the handler die too.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    let timedOut = false;
    let spawnError: string | undefined;
    const kill = (): void => {
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const unregister = options.register?.(kill);
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const l of lines) options.onLine?.(l);
      });
      stream.on('end', () => {
        if (pending) options.onLine?.(pending);
        pending = '';
      });
    }
    child.stdin.on('error', () => {}); // a handler that exits early closes stdin under us
    child.stdin.end(options.stdin ?? '');
    child.on('error', (err) => (spawnError = err.message));
    child.on('close', (code) => {
      clearTimeout(timer);
      unregister?.();
      resolve({ code, timedOut, spawnError });
    });
  });
}
