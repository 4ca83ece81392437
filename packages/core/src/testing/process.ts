/** Runs the user's Python: captured output, streamed line by line, and a missing interpreter as a clear error. */
import { spawn } from 'node:child_process';
import { delimiter } from 'node:path';
import { assetDir } from '../assets.js';
import { MlopsError } from '../errors.js';
import { modelTestEnvironment } from './credentials.js';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunPythonOptions {
  cwd: string;
  env?: Record<string, string>;
  stdin?: string;
  timeoutMs?: number;
  /**
   * Called with each complete output line (no trailing newline or carriage return) as soon as
   * the process prints it, so logs show pip and pytest live; a last unterminated line comes
   * when the process ends. The full output is still returned.
   */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

/** Splits a stream's chunks into lines for `onLine`; `end` flushes an unterminated last line. */
function lineSplitter(emit: (line: string) => void): { push(chunk: string): void; end(): void } {
  let partial = '';
  return {
    push(chunk) {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) emit(line.replace(/\r$/, ''));
    },
    end() {
      if (partial) emit(partial.replace(/\r$/, ''));
      partial = '';
    },
  };
}

/**
 * Runs `python args` in `cwd` with the model-code environment (modelTestEnvironment: read
 * credentials at most) plus `options.env`, PYTHONUNBUFFERED so output arrives as printed.
 * Resolves with the exit code (128 when killed by a signal, e.g. at `timeoutMs`) and the whole
 * output; rejects with MlopsError when the interpreter cannot be started.
 */
export function runPython(python: string, args: string[], options: RunPythonOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, args, {
      cwd: options.cwd,
      env: { ...modelTestEnvironment(process.env), PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const onLine = options.onLine;
    const out = lineSplitter((l) => onLine?.(l, 'stdout'));
    const err = lineSplitter((l) => onLine?.(l, 'stderr'));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (onLine) out.push(d);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (onLine) err.push(d);
    });
    child.stdin.on('error', () => {}); // a process that exits early closes stdin under us
    child.stdin.end(options.stdin ?? '');
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT'
        ? new MlopsError(`The Python interpreter "${python}" was not found; install Python 3.10+ or set the python input / --python to its path.`)
        : new MlopsError(`Could not start "${python}": ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      out.end();
      err.end();
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

/**
 * PYTHONPATH for model code run outside a function (pytest, reading ServiceTest): the repository
 * root first (the import base, `import model_code.helper`, as in the zip), then the runtime, whose
 * `akerbp.mlops` is what model code imports from the Python package, then the caller's PYTHONPATH.
 */
export function modelPythonPath(repoRoot: string): string {
  return [repoRoot, assetDir('runtime'), process.env.PYTHONPATH].filter(Boolean).join(delimiter);
}

/** The last lines of some output, for error messages that must stay one paragraph. */
export function tail(text: string, lines = 8): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
