/** Settings paths: repo-relative, POSIX, inside the repository (symlinks included). */
import { realpathSync, statSync, type Stats } from 'node:fs';
import { posix, resolve, sep } from 'node:path';
import { quoted } from './messages.js';

/** Why `p` is not a usable repo-relative POSIX path, or undefined when it is. */
export function repoPathProblem(p: string): string | undefined {
  if (p.includes('\\')) return `paths use "/" on every platform; found ${quoted(p)}`;
  if (posix.isAbsolute(p) || /^[A-Za-z]:/.test(p)) return `must be relative to the repository root; found absolute path ${quoted(p)}`;
  const n = posix.normalize(p);
  if (n === '..' || n.startsWith('../')) return `must stay inside the repository; found ${quoted(p)}`;
  if (n === '.' || n === './') return `must name a file or folder inside the repository, not the root itself; found ${quoted(p)}`;
  return undefined;
}

/**
 * Why the (already syntactically valid) repo path `p` cannot be used as an existing `kind`,
 * or undefined when it can. `realRepoRoot` is the repository root with symlinks resolved.
 */
export function existingPathProblem(repoRoot: string, realRepoRoot: string, p: string, kind: 'file' | 'folder'): string | undefined {
  const abs = resolve(repoRoot, p);
  let stat: Stats | undefined;
  let real: string;
  try {
    stat = statSync(abs, { throwIfNoEntry: false });
    if (!stat) return `${kind} ${quoted(p)} does not exist in the repository`;
    real = realpathSync.native(abs);
  } catch (err) {
    // A name too long for the file system, a symlink loop, no permission: say so, don't crash.
    return `${kind} ${quoted(p)} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
  if (kind === 'file' ? !stat.isFile() : !stat.isDirectory()) return `${quoted(p)} must be a ${kind}; found a ${stat.isDirectory() ? 'folder' : 'file'}`;
  if (real !== realRepoRoot && !real.startsWith(realRepoRoot + sep)) return `${quoted(p)} leads outside the repository (through a symbolic link) to ${real}`;
  return undefined;
}
