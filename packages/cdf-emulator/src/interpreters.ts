/**
 * Which Python runs a function: `pythonX.Y` of its runtime (py312 → python3.12) when that command
 * starts and reports Python X.Y, otherwise the emulator's default interpreter. pyenv shims for
 * versions that are not installed exist on PATH and fail, so an interpreter is only trusted after
 * `--version` answers.
 */
import { cleanEnv, runProcess } from './subprocess.js';

export interface Interpreter {
  /** the command to run */
  command: string;
  /** e.g. "3.11.7", or undefined when even the default did not answer `--version` */
  version?: string;
  /** Set when the runtime's own interpreter was not usable: one line for every call's logs naming both versions. */
  notice?: string;
}

const PROBE_TIMEOUT_MS = 15_000;

/** `Python 3.12.1` → `3.12.1`; undefined when the command fails or prints something else. */
async function versionOf(command: string, cwd: string): Promise<string | undefined> {
  const lines: string[] = [];
  const r = await runProcess(command, ['--version'], { cwd, env: cleanEnv(), timeoutMs: PROBE_TIMEOUT_MS, onLine: (l) => lines.push(l) });
  if (r.code !== 0 || r.spawnError) return undefined;
  return /^Python (\d+\.\d+\.\S+)/m.exec(lines.join('\n'))?.[1];
}

export class Interpreters {
  private readonly cache = new Map<string, Promise<Interpreter>>();

  /** `defaultPython`: the fallback command; `perRuntime`: false always uses it (no pythonX.Y lookup). */
  constructor(private readonly defaultPython: string, private readonly cwd: string, private readonly perRuntime = true) {}

  /** The interpreter for a runtime such as `py312` (probed once, then cached). */
  forRuntime(runtime: string): Promise<Interpreter> {
    let found = this.cache.get(runtime);
    if (!found) this.cache.set(runtime, (found = this.probe(runtime)));
    return found;
  }

  private async probe(runtime: string): Promise<Interpreter> {
    const m = /^py3(\d+)$/.exec(runtime);
    const wanted = m ? `3.${m[1]}` : undefined;
    if (wanted && this.perRuntime) {
      const command = `python${wanted}`;
      const version = await versionOf(command, this.cwd);
      if (version?.startsWith(`${wanted}.`)) return { command, version };
    }
    const version = await versionOf(this.defaultPython, this.cwd);
    if (!wanted || version?.startsWith(`${wanted}.`)) return { command: this.defaultPython, version };
    return {
      command: this.defaultPython,
      version,
      notice:
        `[cdf-emulator] The function's runtime ${runtime} asks for Python ${wanted}, but python${wanted} is not available here; ` +
        `it runs on Python ${version ?? '(unknown version)'} (${this.defaultPython}) instead.`,
    };
  }
}
