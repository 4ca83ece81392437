/**
 * A function's requirements.txt, installed the way CDF does it: by pip, with the function's
 * `indexUrl` / `extraIndexUrls` (docs.cognite.com "Cognite Functions: additional arguments"). The
 * emulator is offline-safe: without index URLs pip runs with `--no-index`; nothing is retried.
 * Requirements the interpreter already satisfies are left alone (pip's own resolver decides, in
 * a `--dry-run`), the rest go into the function's own folder (`--target`), never into the
 * interpreter. The emulator reads no requirement itself: pip is the one parser.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, runProcess } from './subprocess.js';

export interface PipIndex {
  indexUrl?: string;
  extraIndexUrls?: string[];
}

export interface PipOptions extends PipIndex {
  /** the interpreter whose pip runs (and whose installed packages count as satisfied) */
  python: string;
  /** the folder holding requirements.txt */
  codeDir: string;
  timeoutMs?: number;
  /** lets the caller kill pip early */
  register?: (kill: () => void) => () => void;
}

/** A distribution pip would install: from an index (`name==version`) or a direct URL/path. */
export interface PipInstall {
  name: string;
  version: string;
  /** set for direct references (a URL or file in requirements.txt) */
  url?: string;
}

export type PipCheck = { ok: true; install: PipInstall[] } | { ok: false; message: string; output: string };

const DEFAULT_TIMEOUT_MS = 300_000;

function indexArgs(o: PipIndex): string[] {
  if (!o.indexUrl && !o.extraIndexUrls?.length) return ['--no-index'];
  return [...(o.indexUrl ? ['--index-url', o.indexUrl] : []), ...(o.extraIndexUrls ?? []).flatMap((u) => ['--extra-index-url', u])];
}

/** pip, isolated from the user's pip configuration, never prompting, never retrying. */
async function pip(o: PipOptions, args: string[]): Promise<{ code: number | null; output: string; spawnError?: string }> {
  const lines: string[] = [];
  const env = cleanEnv({ PIP_CONFIG_FILE: process.platform === 'win32' ? 'nul' : '/dev/null', PIP_NO_INPUT: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1' });
  const r = await runProcess(o.python, ['-m', 'pip', ...args, '--retries', '0', ...indexArgs(o)], {
    cwd: o.codeDir, env, timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS, onLine: (l) => lines.push(l), register: o.register,
  });
  const output = lines.join('\n').trim();
  return { code: r.timedOut ? null : r.code, output: r.timedOut ? `${output}\npip timed out`.trim() : output, spawnError: r.spawnError };
}

/** pip's own last ERROR lines (what it prints for "No matching distribution found", hash mismatches, ...). */
function pipMessage(output: string): string {
  const errors = output.split('\n').filter((l) => /^ERROR:/.test(l.trim()));
  return (errors.length ? errors : output.split('\n').slice(-5)).join(' ').trim() || 'pip failed without output';
}

/**
 * What pip would install for `requirements.txt` in `codeDir` beyond what `python` already has,
 * or pip's error (e.g. a requirement no index serves). Throws nothing.
 */
export async function checkRequirements(o: PipOptions): Promise<PipCheck> {
  const scratch = mkdtempSync(join(tmpdir(), 'cdf-emulator-pip-'));
  try {
    const report = join(scratch, 'report.json');
    const r = await pip(o, ['install', '--dry-run', '--quiet', '--report', report, '-r', 'requirements.txt']);
    if (r.spawnError) return { ok: false, message: `Could not run pip with '${o.python}': ${r.spawnError}`, output: '' };
    if (r.code !== 0) return { ok: false, message: pipMessage(r.output), output: r.output };
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as { install?: { is_direct?: boolean; download_info?: { url?: string }; metadata?: { name?: string; version?: string } }[] };
    const install = (parsed.install ?? []).map((i) => ({
      name: i.metadata?.name ?? '',
      version: i.metadata?.version ?? '',
      ...(i.is_direct && i.download_info?.url ? { url: i.download_info.url } : {}),
    }));
    return { ok: true, install };
  } catch (err) {
    return { ok: false, message: `pip's report could not be read: ${(err as Error).message}`, output: '' };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Installs what `checkRequirements` found missing into `target` (without dependencies: pip's
 * resolution already listed every one). Undefined on success, else pip's message and output.
 */
export async function installRequirements(o: PipOptions, install: PipInstall[], target: string): Promise<{ message: string; output: string } | undefined> {
  if (install.length === 0) return undefined;
  const specs = install.map((i) => i.url ?? `${i.name}==${i.version}`);
  const r = await pip(o, ['install', '--quiet', '--no-deps', '--target', target, ...specs]);
  if (r.spawnError) return { message: `Could not run pip with '${o.python}': ${r.spawnError}`, output: '' };
  if (r.code !== 0) return { message: pipMessage(r.output), output: r.output };
  return undefined;
}
