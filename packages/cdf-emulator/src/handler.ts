/**
 * Running a function's code as CDF does, outside the server too: `checkHandler` (the build's
 * check of handler file and `handle` signature) and `runHandler` (one call through
 * run_function.py: `handle()` gets the arguments it declares, a client bound to a CDF endpoint,
 * its output becomes log lines). The server's builds and calls use these, and so may anyone
 * holding an unpacked function folder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pythonDir } from './python-dir.js';
import type { FunctionError } from './store.js';
import { cleanEnv, runProcess } from './subprocess.js';

const CHECK_TIMEOUT_MS = 120_000;

export interface HandlerProcessOptions {
  /** interpreter command */
  python: string;
  /** the unpacked function code (its root holds the handler) */
  codeDir: string;
  /** relative POSIX path of the handler file (default handler.py) */
  functionPath?: string;
  /** lets the caller kill the process early */
  register?: (kill: () => void) => () => void;
}

/** Undefined when the handler would build, else CDF-like `{message, trace}`. */
export async function checkHandler(o: HandlerProcessOptions): Promise<FunctionError | undefined> {
  const lines: string[] = [];
  const result = await runProcess(o.python, [join(pythonDir(), 'check_handler.py'), o.functionPath ?? 'handler.py'], {
    cwd: o.codeDir, env: cleanEnv(), timeoutMs: CHECK_TIMEOUT_MS, onLine: (l) => lines.push(l), register: o.register,
  });
  if (result.spawnError) return { message: `Could not run the build check with '${o.python}': ${result.spawnError}` };
  for (const line of [...lines].reverse()) {
    try {
      const v = JSON.parse(line) as { ok?: unknown; error?: FunctionError };
      if (v.ok === true) return undefined;
      if (v.ok === false) return v.error ?? { message: 'The build check failed without a message.' };
    } catch {
      // not the verdict line
    }
  }
  return { message: `The build check ended without a verdict (exit ${result.code}${result.timedOut ? ', timed out' : ''}).`, trace: lines.slice(-50).join('\n') };
}

export interface RunHandlerOptions extends HandlerProcessOptions {
  data?: unknown;
  secrets?: Record<string, string> | null;
  /** `{function_id, call_id[, schedule_id, scheduled_time]}` as CDF passes it */
  functionCallInfo?: Record<string, unknown>;
  /** the CDF the handler's `client` talks to (a token of the call's session); none = `client` is None */
  cdf?: { baseUrl: string; project: string; token: string };
  /** extra environment (the function's envVars, PYTHONPATH of installed requirements) */
  env?: Record<string, string>;
  /** lines printed at the top of the call's output (e.g. an interpreter notice) */
  notices?: string[];
  timeoutMs: number;
  /** every stdout/stderr line, as it comes */
  onLine?: (line: string) => void;
}

export type RunHandlerResult =
  | { outcome: 'completed'; response: unknown }
  | { outcome: 'failed'; error: FunctionError }
  | { outcome: 'timeout' }
  /** the Python process died without a result (exit code), or could not start (spawnError) */
  | { outcome: 'crashed'; exitCode: number | null; spawnError?: string };

/** Runs one call of the handler in a subprocess with a clean environment and a time limit. */
export async function runHandler(o: RunHandlerOptions): Promise<RunHandlerResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'cdf-emulator-call-'));
  const resultFile = join(scratch, 'result.json');
  try {
    const input = {
      function_path: o.functionPath ?? 'handler.py',
      data: o.data ?? null,
      secrets: o.secrets ?? null,
      function_call_info: o.functionCallInfo ?? {},
      cdf: o.cdf ? { base_url: o.cdf.baseUrl, project: o.cdf.project, token: o.cdf.token } : null,
      result_file: resultFile,
      notices: o.notices ?? [],
    };
    const result = await runProcess(o.python, [join(pythonDir(), 'run_function.py')], {
      cwd: o.codeDir, env: cleanEnv(o.env), stdin: JSON.stringify(input), timeoutMs: o.timeoutMs, onLine: o.onLine, register: o.register,
    });
    if (result.timedOut) return { outcome: 'timeout' };
    if (result.spawnError) return { outcome: 'crashed', exitCode: null, spawnError: result.spawnError };
    let parsed: { ok?: unknown; response?: unknown; error?: FunctionError } | undefined;
    try {
      parsed = JSON.parse(readFileSync(resultFile, 'utf8')) as typeof parsed;
    } catch {
      parsed = undefined;
    }
    if (!parsed || result.code !== 0) return { outcome: 'crashed', exitCode: result.code };
    if (parsed.ok !== true) return { outcome: 'failed', error: parsed.error ?? { message: 'The function failed without an error message.' } };
    return { outcome: 'completed', response: parsed.response ?? null };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
