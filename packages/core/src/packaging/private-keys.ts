/**
 * Private keys recognised by their content, whatever the file is called (`deploy_key`,
 * `my-key.txt`): a name rule alone (exclusions.ts) lets a renamed key ship in a function zip or
 * an artifact. Only the first SNIFF_BYTES of files of at most SNIFF_MAX_FILE_BYTES are read, so
 * model weights cost nothing and packaging stays fast.
 *
 * Formats and their first lines (what the files start with, as the tools write them):
 * - PEM (RFC 7468): `-----BEGIN PRIVATE KEY-----`, `-----BEGIN ENCRYPTED PRIVATE KEY-----`,
 *   OpenSSL's `-----BEGIN RSA PRIVATE KEY-----` / `EC` / `DSA`, optional `Proc-Type:` headers;
 * - OpenSSH (ssh-keygen's default since 7.8, openssh PROTOCOL.key): `-----BEGIN OPENSSH PRIVATE KEY-----`;
 * - OpenPGP armor (RFC 4880 §6.2): `-----BEGIN PGP PRIVATE KEY BLOCK-----`, optional headers;
 * - PuTTY (.ppk, PuTTY manual appendix C): `PuTTY-User-Key-File-2: ssh-rsa` (or `-3:`).
 * A PEM marker counts only at the start of a line and followed by base64, so code that merely
 * names the marker (`if text.startswith("-----BEGIN RSA PRIVATE KEY-----")`) is not taken for a key.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** How much of a file is read: key files are a few KB, and their marker is their first line. */
export const SNIFF_BYTES = 8 * 1024;
/** Larger files are not read at all (a key file is never this big; weights are). */
export const SNIFF_MAX_FILE_BYTES = 1024 * 1024;

/** A PEM/OpenPGP block's BEGIN line (after a UTF-8 BOM or indentation), optional `Name: value` headers and blank line, then base64. */
const ARMORED_KEY = /^(?:\u00ef\u00bb\u00bf)?[ \t]*-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----\r?\n(?:[ \t]*[A-Za-z-]+: ?.*\r?\n)*(?:\r?\n)?[ \t]*[A-Za-z0-9+/=]{16,}/m;
/** A key inside a JSON string (a GCP service-account file's `"private_key"`): its newlines are `\n`. */
const JSON_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----\\n[A-Za-z0-9+/=]{16,}/;
const PUTTY_KEY = /^PuTTY-User-Key-File-\d+: /m;
/** The AWS shared credentials file (`~/.aws/credentials`, docs.aws.amazon.com "Configuration and credential file settings"). */
const AWS_CREDENTIALS = /^[ \t]*aws_secret_access_key[ \t]*=/m;
/** pip's configuration (`pip.conf`, `pip.ini`: pip.pypa.io "Configuration") with an index URL carrying credentials. */
const PIP_CONFIG = /^[ \t]*(?:extra-)?index-url[ \t]*[=:][ \t]*[a-z][a-z0-9+.-]*:\/\/[^\s/@]+@/im;

/**
 * What credential `head` (a file's first bytes) holds, e.g. "an OpenSSH private key", or null
 * when it holds none: a private key (PEM, OpenSSH, OpenPGP, PuTTY, or one inside a JSON string),
 * AWS credentials, or a pip configuration with index credentials. Pure; never throws.
 */
export function privateKeyIn(head: Buffer): string | null {
  const text = head.toString('latin1');
  if (PUTTY_KEY.test(text)) return 'a PuTTY private key';
  if (AWS_CREDENTIALS.test(text)) return 'AWS credentials (aws_secret_access_key)';
  if (PIP_CONFIG.test(text)) return 'a pip configuration with index credentials';
  if (JSON_KEY.test(text)) return 'a private key in a JSON string (e.g. a service-account file)';
  const m = ARMORED_KEY.exec(text);
  if (!m) return null;
  const kind = m[1].trim();
  if (kind === 'OPENSSH') return 'an OpenSSH private key';
  if (kind === 'PGP') return 'an OpenPGP private key';
  return 'a PEM private key';
}

/**
 * The first SNIFF_BYTES of a file of `size` bytes; empty for files over SNIFF_MAX_FILE_BYTES.
 * Synchronous on purpose: tar's entry filter is, and three blocking calls of ~10 µs beat three
 * thread-pool round trips (~100 µs) per file on folders of thousands of files. Throws the file
 * system's error.
 */
export function fileHead(path: string, size: number): Buffer {
  if (size > SNIFF_MAX_FILE_BYTES || size === 0) return Buffer.alloc(0);
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
  } finally {
    closeSync(fd);
  }
}
