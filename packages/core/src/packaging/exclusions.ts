/**
 * Files kept out of function zips on purpose: credential files, always (anyone with Files read
 * access in the CDF project can download a function's code), and whatever the repository's
 * `.mlopsignore` lists.
 *
 * `.mlopsignore` sits at the repository root (next to mlops_settings.yaml) and uses gitignore
 * syntax, matched by `ignore` (the matcher eslint and prettier use for their ignore files: it
 * follows git's documented rules, negation and directory-only patterns included, which a
 * hand-written glob would get subtly wrong). Paths are matched as they are in the zip, which for
 * the model's folder and its artifact folder is their path in the repository.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ignore from 'ignore';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { displayPath } from '../settings/load.js';
import { privateKeyIn } from './private-keys.js';

/** The user's exclusion file, at the repository root. */
export const MLOPSIGNORE = '.mlopsignore';

/** Credential files by name (any case): token caches, dotenv files, netrc, pip, npm, git and PostgreSQL credential stores. */
const CREDENTIAL_NAMES = new Set(['auth_cache.bin', '.env', '.netrc', '_netrc', '.pypirc', '.git-credentials', '.npmrc', '.pgpass']);
/**
 * dotenv variants (`.env.local`, `.env.prod`), keys and certificates with private keys, and
 * OpenSSH's default private-key names (`id_rsa`, `id_ed25519`, `id_ecdsa`, `id_dsa`; ssh-keygen(1)
 * FILES) with their backup copies (`id_rsa.bak`, `id_rsa~`), whose public halves end in `.pub` and
 * are harmless. Matched in any case: `.ENV` is a dotenv file on a case-insensitive file system.
 */
const CREDENTIAL_PATTERNS = [/^\.env\./i, /\.(pem|key|p12|pfx)$/i, /^id_(rsa|dsa|ecdsa|ed25519)(_sk)?(\.(bak|old|orig|backup|save|copy)|~)?$/i];

/** Whether a file name (no folder) is a credential file that never goes into a zip. */
export function isCredentialFile(name: string): boolean {
  return CREDENTIAL_NAMES.has(name.toLowerCase()) || CREDENTIAL_PATTERNS.some((p) => p.test(name));
}

/** Where a credential file is kept out of: a function's code zip, or a model artifact. */
export type CredentialFileTarget = 'function zip' | 'artifact';

/**
 * Why a file is a credential file, or null when it is not: its name (`isCredentialFile`), or a
 * private key in `head`, its first bytes (private-keys.ts: `fileHead`), whatever it is called.
 */
export function credentialFileReason(name: string, head?: Buffer): string | null {
  if (isCredentialFile(name)) return 'credential files (auth_cache.bin, .env, *.pem, .netrc and the like) are never shipped';
  const key = head?.length ? privateKeyIn(head) : null;
  return key ? `it holds ${key}, and credentials are never shipped, whatever the file is called` : null;
}

/**
 * The one exclusion rule for credential files, shared by everything that ships a folder to CDF
 * (function zips, artifact uploads): true when the file (`name`, no folder; `head`, its first
 * bytes, when read) is a credential file (credentialFileReason), after warning on `log` with
 * `shown`, the file's path as the user knows it (never a scratch path).
 */
export function leaveOutCredentialFile(file: { name: string; head?: Buffer }, shown: string, target: CredentialFileTarget, log?: Pick<Logger, 'warning'>): boolean {
  const reason = credentialFileReason(file.name, file.head);
  if (!reason) return false;
  const readers = target === 'function zip' ? 'function code' : 'model artifacts';
  log?.warning(`${shown} was left out of the ${target}: ${reason}, since anyone with Files read access in the CDF project can download ${readers}. Give the function what it needs as secrets (input function-secrets; mlops deploy --secrets).`);
  return true;
}

/**
 * Tells whether a zip path (POSIX, relative; a folder with a trailing '/') is excluded by the
 * repository's `.mlopsignore`. No file: nothing is excluded. Throws MlopsError when the file
 * exists but cannot be read.
 */
export async function loadMlopsIgnore(repoRoot: string): Promise<(zipPath: string) => boolean> {
  const file = join(repoRoot, MLOPSIGNORE);
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw new MlopsError(`${MLOPSIGNORE} cannot be read: ${err.message}`, [{ file: displayPath(file), message: 'not readable' }]);
  });
  if (text === null || !text.trim()) return () => false;
  const matcher = ignore().add(text);
  return (zipPath) => matcher.ignores(zipPath);
}
