/**
 * Function builds: `Queued` → `Deploying` → `Ready` | `Failed`, spread over `buildDelayMs`.
 * A build unpacks the code zip and runs check_build.py (contract B) in it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pythonDir } from './python-dir.js';
import type { Env } from './env.js';
import type { FunctionError, FunctionRecord } from './store.js';
import { cleanEnv, runProcess } from './subprocess.js';
import { unzipTo } from './unzip.js';

const CHECK_TIMEOUT_MS = 120_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class Builds {
  private stopped = false;
  private readonly kills = new Set<() => void>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly env: Env) {}

  codeDir(functionId: number): string {
    return join(this.env.workDir, 'functions', String(functionId), 'code');
  }

  /** The unpacked code, re-extracted if the folder is gone (e.g. a copied state file). */
  async ensureCode(fn: FunctionRecord): Promise<string> {
    const dir = this.codeDir(fn.id);
    if (!existsSync(dir)) await unzipTo(this.env.blobs.path(fn.fileId), dir);
    return dir;
  }

  start(fn: FunctionRecord): void {
    const p = this.run(fn).catch((err: Error) => this.finish(fn, { message: `Function build failed: ${err.message}` }));
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const kill of this.kills) kill();
    await Promise.all(this.running);
  }

  private alive(fn: FunctionRecord): boolean {
    return !this.stopped && this.env.store.state.functions.includes(fn);
  }

  private async run(fn: FunctionRecord): Promise<void> {
    const started = Date.now();
    await sleep(this.env.buildDelayMs / 2);
    if (!this.alive(fn)) return;
    fn.status = 'Deploying';
    this.env.store.changed();
    const error = await this.check(fn);
    await sleep(Math.max(0, started + this.env.buildDelayMs - Date.now()));
    if (this.alive(fn)) this.finish(fn, error);
  }

  private finish(fn: FunctionRecord, error: FunctionError | undefined): void {
    if (!this.alive(fn)) return;
    fn.status = error ? 'Failed' : 'Ready';
    if (error) fn.error = error;
    this.env.store.changed();
    this.env.log(`function ${fn.id} (${fn.externalId ?? fn.name}) ${fn.status}${error ? `: ${error.message}` : ''}`);
  }

  /** Undefined when the code builds, otherwise the error CDF would report. */
  private async check(fn: FunctionRecord): Promise<FunctionError | undefined> {
    if (this.env.faults.buildFails()) return { message: 'Function build failed: injected failure (CDF emulator fault build-fail).' };
    const file = this.env.store.state.files.find((f) => f.id === fn.fileId);
    if (!file?.uploaded || !this.env.blobs.has(fn.fileId)) return { message: `The function's code file (id ${fn.fileId}) is missing or was never uploaded.` };
    const dir = this.codeDir(fn.id);
    try {
      await unzipTo(this.env.blobs.path(fn.fileId), dir);
    } catch (err) {
      return { message: `Could not unpack the function's code file (id ${fn.fileId}) as a zip: ${(err as Error).message}` };
    }
    if (!existsSync(join(dir, fn.functionPath))) {
      return { message: `No file '${fn.functionPath}' at the root of the code zip: a function needs its handler file at the zip root (functionPath).` };
    }
    const lines: string[] = [];
    const result = await runProcess(this.env.python, [join(pythonDir(), 'check_build.py'), fn.functionPath], {
      cwd: dir,
      env: cleanEnv(),
      timeoutMs: CHECK_TIMEOUT_MS,
      onLine: (l) => lines.push(l),
      register: (kill) => {
        this.kills.add(kill);
        return () => this.kills.delete(kill);
      },
    });
    if (result.spawnError) return { message: `Could not run the build check with '${this.env.python}': ${result.spawnError}` };
    const verdict = parseVerdict(lines);
    if (verdict?.ok === true) return undefined;
    if (verdict?.error) return verdict.error;
    return { message: `The build check ended without a verdict (exit ${result.code}${result.timedOut ? ', timed out' : ''}).`, trace: lines.slice(-50).join('\n') };
  }
}

function parseVerdict(lines: string[]): { ok: boolean; error?: FunctionError } | undefined {
  for (const line of [...lines].reverse()) {
    try {
      const v = JSON.parse(line) as { ok?: unknown; error?: FunctionError };
      if (typeof v.ok === 'boolean') return { ok: v.ok, error: v.error };
    } catch {
      // not the verdict line
    }
  }
  return undefined;
}
