/**
 * The artifact format: a gzipped tar of the folder's contents with `./`-relative entries, as
 * Python's `shutil.make_archive(base, "gztar", folder)` wrote them, so old and new artifacts
 * are interchangeable. Extraction refuses anything that could write outside the target folder.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, type Stats } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { isAbsolute, join, posix } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { leaveOutCredentialFile } from '../packaging/exclusions.js';
import { fileHead } from '../packaging/private-keys.js';

export interface Digest {
  sha256: string;
  size: number;
}

/** A pass-through stream that hashes and counts what flows through it. */
export function digestStream(onBytes?: (done: number) => void): Transform & { digest(): Digest } {
  const hash = createHash('sha256');
  let size = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      onBytes?.(size);
      cb(null, chunk);
    },
  });
  let result: Digest | undefined;
  return Object.assign(t, { digest: () => (result ??= { sha256: hash.digest('hex'), size }) });
}

/**
 * Streams `folder` into a .tar.gz at `file`; returns its sha256 and size. Credential files (by
 * name, or a private key by its first bytes) are left out with a warning on `log` naming them
 * under `folder` as given (the rule of function zips, packaging/exclusions.ts). Throws MlopsError when `folder` is not a folder.
 */
export async function createArchive(folder: string, file: string, log?: Pick<Logger, 'warning'>): Promise<Digest> {
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) throw new MlopsError(`Artifact folder "${folder}" does not exist or is not a folder.`);
  const digest = digestStream();
  // tar names entries './sub/file' relative to cwd.
  // tar's filter is synchronous: a key is recognised from the file's first few KB (fileHead).
  const filter = (entry: string, s: Stats | tar.ReadEntry) => !('isFile' in s && s.isFile() &&
    leaveOutCredentialFile({ name: posix.basename(entry), head: fileHead(join(folder, entry), s.size) }, join(folder, entry), 'artifact', log));
  await pipeline(tar.c({ gzip: true, cwd: folder, portable: true, filter }, ['.']), digest, createWriteStream(file));
  return digest.digest();
}

/** Why an entry may not be extracted, or null when it is safe. */
export function unsafeEntryReason(entryPath: string, type: string, linkpath?: string): string | null {
  const p = entryPath.replace(/\\/g, '/');
  if (isAbsolute(p) || /^[A-Za-z]:/.test(p)) return 'absolute path';
  if (p.split('/').includes('..')) return "'..' in path";
  if (type === 'SymbolicLink' || type === 'Link') {
    const target = (linkpath ?? '').replace(/\\/g, '/');
    if (isAbsolute(target) || /^[A-Za-z]:/.test(target)) return `link to absolute path ${target}`;
    // Symlink targets resolve from the link's folder; hard link targets from the archive root.
    const resolved = type === 'SymbolicLink' ? posix.normalize(posix.join(posix.dirname(p), target)) : posix.normalize(target);
    if (resolved === '..' || resolved.startsWith('../')) return `link escaping the folder (${target})`;
  }
  if (['CharacterDevice', 'BlockDevice', 'FIFO'].includes(type)) return `device or pipe entry (${type})`;
  return null;
}

/**
 * Extracts a .tar.gz into `dest` (created if needed). Every entry is checked first, so a
 * malicious archive is refused before anything is written.
 */
export async function extractArchive(file: string, dest: string): Promise<void> {
  const refused: string[] = [];
  await tar.t({
    file,
    onReadEntry: (entry) => {
      const reason = unsafeEntryReason(entry.path, entry.type, entry.linkpath);
      if (reason) refused.push(`${entry.path}: ${reason}`);
    },
  });
  if (refused.length) {
    throw new MlopsError(
      `Refusing to extract the artifact archive: ${refused.length} entr${refused.length === 1 ? 'y' : 'ies'} would write outside the target folder (${refused.slice(0, 5).join('; ')}).`,
    );
  }
  await mkdir(dest, { recursive: true });
  // strict turns tar's own safety warnings into errors: defence in depth behind the scan above
  // (e.g. links that each stay inside but chain out, which tar refuses to extract through).
  await tar.x({ file, cwd: dest, strict: true, preservePaths: false }).catch((err: Error & { path?: string }) => {
    throw new MlopsError(`Could not extract the artifact archive into ${dest}: ${err.message}${err.path ? ` (${err.path})` : ''}.`);
  });
}
