/**
 * Lists the files of a folder for the zip: junk and credential files (by name, or a private key
 * by its first bytes) excluded (the latter with a warning), and whatever the caller's ignore rules exclude; symlinks followed only while they
 * stay inside the allowed root (a link out of the repository could leak any file on the runner).
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { leaveOutCredentialFile } from './exclusions.js';
import { fileHead } from './private-keys.js';

/** One file of the zip: read from disk when `path` is set, else from `data`. */
export interface ZipFileEntry {
  zipPath: string;
  size: number;
  path?: string;
  data?: Buffer;
}

/** Never shipped: caches, VCS data and OS litter. */
const EXCLUDED_NAMES = new Set(['__pycache__', '.pytest_cache', '.git', '.DS_Store', '.mypy_cache', '.ruff_cache']);
const EXCLUDED_SUFFIXES = ['.pyc', '.pyo'];

export function isExcluded(name: string): boolean {
  return EXCLUDED_NAMES.has(name) || EXCLUDED_SUFFIXES.some((s) => name.endsWith(s));
}

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

/**
 * Every file under `dir`, as entries placed under `zipPrefix` (POSIX, no trailing slash; '' for
 * the zip root). `allowedRoot` bounds where symlinks may point; `skip` names top-level entries
 * to leave out (e.g. the runtime's tests); `ignored` gets each zip path (folders with a trailing
 * '/') and leaves out what it returns true for (`.mlopsignore`). Credential files are left out
 * with a warning on `log`. Throws MlopsError for links that leave `allowedRoot` or are broken.
 */
export async function collectFolder(
  dir: string,
  zipPrefix: string,
  options: { allowedRoot: string; describe: (absPath: string) => string; skip?: string[]; ignored?: (zipPath: string) => boolean; log?: Logger },
): Promise<ZipFileEntry[]> {
  const root = await realpath(options.allowedRoot);
  const out: ZipFileEntry[] = [];
  const seenDirs = new Set<string>();

  async function resolveLink(abs: string): Promise<string> {
    let target: string;
    try {
      target = await realpath(abs);
    } catch {
      throw new MlopsError(`${options.describe(abs)} is a broken symbolic link; remove it or point it at a file inside ${options.describe(options.allowedRoot)}.`);
    }
    if (!inside(root, target)) {
      throw new MlopsError(`${options.describe(abs)} is a symbolic link to ${target}, outside ${options.describe(options.allowedRoot)}; packaging refuses links that leave it. Copy the file in or remove the link.`);
    }
    return target;
  }

  async function walk(abs: string, zipDir: string, top: boolean): Promise<void> {
    const real = await realpath(abs);
    // A link back up the tree would otherwise recurse forever.
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    const names = (await readdir(abs)).sort();
    for (const name of names) {
      if (isExcluded(name) || (top && options.skip?.includes(name))) continue;
      const child = join(abs, name);
      const zipPath = zipDir ? `${zipDir}/${name}` : name;
      let info = await lstat(child);
      if (info.isSymbolicLink()) {
        await resolveLink(child);
        info = await stat(child);
      }
      if (info.isDirectory()) {
        if (!options.ignored?.(`${zipPath}/`)) await walk(child, zipPath, false);
      } else if (info.isFile()) {
        if (options.ignored?.(zipPath)) continue;
        if (leaveOutCredentialFile({ name, head: fileHead(child, info.size) }, options.describe(child), 'function zip', options.log)) continue;
        out.push({ zipPath, size: info.size, path: child });
      }
      // sockets, fifos and devices are not code: skipped
    }
    seenDirs.delete(real);
  }

  const info = await lstat(dir);
  if (info.isSymbolicLink()) await resolveLink(dir);
  await walk(dir, zipPrefix, true);
  return out;
}
