/**
 * Whether a function already runs with the secrets and package indexes a deploy gives, without
 * ever storing them where a reader could get them back.
 *
 * CDF never returns secret values (and the API reference documents no read-back of
 * `indexUrl`/`extraIndexUrls`), so a deploy cannot compare them with what a function has. Instead each function the suite creates records a fingerprint
 * in the `mlops` metadata record (field `cred`): scrypt over the canonical JSON of the secrets
 * (names and values) and index URLs, with a random salt per deployment and OWASP's minimum
 * scrypt cost (N=2^17, r=8, p=1; OWASP Password Storage Cheat Sheet). A reader of the function's
 * metadata learns nothing without guessing the values, and each guess costs ~128 MiB and a
 * fraction of a second; the salt rules out precomputed tables and comparing functions. A fast
 * or unsalted hash is never stored. A changed value therefore changes the comparison and the
 * deploy recreates the function (rotation takes effect); equal values leave it unchanged.
 *
 * Format: `scrypt$<log2 N>$<r>$<p>$<salt b64url>$<key b64url>` (~82 characters).
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { IndexUrls } from './index-urls.js';

const LOG2_N = 17;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** scrypt needs 128·N·r·p bytes (128 MiB here); Node's default ceiling is 32 MiB. */
const MAX_MEM = 2 * 128 * 2 ** LOG2_N * R * P;
const PREFIX = 'scrypt';

/** What a function is created with that CDF will not show back. */
export interface FunctionCredentials {
  secrets?: Record<string, string>;
  indexUrls?: IndexUrls;
}

/** Canonical text of the credentials: sorted secret names; null when there are none at all. */
function canonical(c: FunctionCredentials): string | null {
  const secrets = Object.entries(c.secrets ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const index = c.indexUrls?.indexUrl ?? null;
  const extra = c.indexUrls?.extraIndexUrls ?? [];
  if (!secrets.length && !index && !extra.length) return null;
  return JSON.stringify({ secrets, index, extra });
}

function derive(text: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(text, salt, KEY_BYTES, { N: 2 ** LOG2_N, r: R, p: P, maxmem: MAX_MEM }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/**
 * A new fingerprint of `c` with a fresh random salt, for the metadata of functions about to be
 * created; null when `c` holds no secrets and no index URLs (nothing is recorded).
 */
export async function credentialFingerprint(c: FunctionCredentials): Promise<string | null> {
  const text = canonical(c);
  if (text === null) return null;
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(text, salt);
  return [PREFIX, LOG2_N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Whether a function whose record holds `stored` (undefined: none) was created with exactly the
 * credentials `c`. No credentials match only no fingerprint; a fingerprint in another format or
 * with other cost parameters never matches (the function is then recreated once). Never throws.
 */
export async function credentialsMatch(stored: string | undefined, c: FunctionCredentials): Promise<boolean> {
  const text = canonical(c);
  if (text === null || !stored) return text === null && !stored;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX || parts[1] !== String(LOG2_N) || parts[2] !== String(R) || parts[3] !== String(P)) return false;
  const salt = Buffer.from(parts[4], 'base64url');
  const expected = Buffer.from(parts[5], 'base64url');
  if (salt.length !== SALT_BYTES || expected.length !== KEY_BYTES) return false;
  return timingSafeEqual(await derive(text, salt), expected);
}
