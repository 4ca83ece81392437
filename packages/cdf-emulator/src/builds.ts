/**
 * Function builds: `Queued` → `Deploying` → `Ready` | `Failed`, spread over `buildDelayMs`.
 * A build unpacks the code zip, checks the handler, and has pip install requirements.txt as CDF
 * does (pip.ts): what the runtime's interpreter lacks goes into the function's own folder, which
 * its calls then find on PYTHONPATH.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Env } from './env.js';
import { checkHandler } from './handler.js';
import { checkRequirements, installRequirements } from './pip.js';
import type { FunctionError, FunctionRecord } from './store.js';
import { unzipTo } from './unzip.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class Builds {
  private stopped = false;
  private readonly kills = new Set<() => void>();
  private readonly running = new Set<Promise<void>>();
  /** requirements.txt checks pip found fully satisfied (see install) */
  private readonly satisfied = new Set<string>();

  constructor(private readonly env: Env) {}

  codeDir(functionId: number): string {
    return join(this.env.workDir, 'functions', String(functionId), 'code');
  }

  /** Where the build installs requirements the interpreter lacks. */
  private siteDir(functionId: number): string {
    return join(this.env.workDir, 'functions', String(functionId), 'site');
  }

  /** `{PYTHONPATH}` for a call: the function's installed requirements before the rest (none when nothing was installed). */
  pythonPath(fn: FunctionRecord): Record<string, string> {
    const site = this.siteDir(fn.id);
    if (!existsSync(site)) return {};
    const rest = fn.envVars?.PYTHONPATH ?? process.env.PYTHONPATH;
    return { PYTHONPATH: rest ? `${site}${delimiter}${rest}` : site };
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

  private readonly register = (kill: () => void): (() => void) => {
    this.kills.add(kill);
    return () => this.kills.delete(kill);
  };

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
    const { command: python } = await this.env.interpreters.forRuntime(fn.runtime);
    const handlerError = await checkHandler({ python, codeDir: dir, functionPath: fn.functionPath, register: this.register });
    if (handlerError) return handlerError;
    return existsSync(join(dir, 'requirements.txt')) ? this.install(fn, python, dir) : undefined;
  }

  /**
   * pip: satisfied requirements stay as they are, the rest go into the function's site folder.
   * A requirements.txt (with the same interpreter and index options) that pip found fully
   * satisfied once is not checked again while the emulator runs, so a hundred functions from the
   * same template cost one pip run; files it includes with `-r` are not part of that key.
   */
  private async install(fn: FunctionRecord, python: string, codeDir: string): Promise<FunctionError | undefined> {
    const site = this.siteDir(fn.id);
    rmSync(site, { recursive: true, force: true });
    const key = createHash('sha256').update(JSON.stringify([python, fn.indexUrl, fn.extraIndexUrls])).update(readFileSync(join(codeDir, 'requirements.txt'))).digest('hex');
    if (this.satisfied.has(key)) return undefined;
    const pipOptions = { python, codeDir, indexUrl: fn.indexUrl, extraIndexUrls: fn.extraIndexUrls, register: this.register };
    const checked = await checkRequirements(pipOptions);
    if (!checked.ok) return { message: `Installing the requirements failed: ${checked.message}`, trace: checked.output };
    if (checked.install.length === 0) this.satisfied.add(key);
    const failed = await installRequirements(pipOptions, checked.install, site);
    if (failed) return { message: `Installing the requirements failed: ${failed.message}`, trace: failed.output };
    if (checked.install.length) this.env.log(`function ${fn.id}: installed ${checked.install.map((i) => `${i.name} ${i.version}`).join(', ')}`);
    return undefined;
  }
}
