/** What a function zip says about itself (mlops_function.json, contract C), read without unpacking it. */
import { posix } from 'node:path';
import yauzl from 'yauzl';
import { MlopsError } from '../errors.js';
import { isRequirementsFileName } from '../packaging/requirement-credentials.js';
import { SNIFF_BYTES, SNIFF_MAX_FILE_BYTES, privateKeyIn } from '../packaging/private-keys.js';
import type { Env, Service } from '../settings/types.js';

export interface PackageInfo {
  model_name: string;
  service: Service;
  env: Env;
  version: number;
  model_id: string;
  /** the model's settings as packaged (ModelSettings without `source`) */
  settings?: Record<string, unknown>;
}

export interface PackageContents {
  /** null when mlops_function.json is missing or unusable (`infoProblem` says why) */
  info: PackageInfo | null;
  /** why `info` is null, e.g. "it has no mlops_function.json at its root" */
  infoProblem?: string;
  /** every entry's path in the zip (folders end with '/') */
  entries: string[];
  /**
   * The text of every requirements file in the zip: `requirements.txt` at the root, every entry
   * named like one (isRequirementsFileName), and the `req_file` its mlops_function.json records.
   */
  requirementFiles: Map<string, string>;
  /** entries holding a private key, found by their first bytes (private-keys.ts), with its kind */
  privateKeys: { entry: string; kind: string }[];
}

const CONFIG = 'mlops_function.json';
const MAX_TEXT_BYTES = 1_000_000;

/** The entry's bytes, at most `limit` of them (the rest is not inflated). */
function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (e, stream) => {
    if (e) return reject(e);
    const chunks: Buffer[] = [];
    let read = 0;
    let done = false;
    const finish = () => {
      done = true;
      resolve(Buffer.concat(chunks).subarray(0, limit));
    };
    stream.on('data', (c: Buffer) => {
      if (done) return;
      chunks.push(c);
      read += c.length;
      if (read >= limit) {
        finish();
        stream.destroy();
      }
    });
    stream.on('end', () => { if (!done) finish(); });
    stream.on('error', (err: Error) => { if (!done) reject(err); });
  }));
}

/**
 * Reads the zip once: lists it, keeps the text of mlops_function.json and of the entries `wantText`
 * picks (each at most 1 MB), and sniffs the first bytes of every other small file for a private key.
 */
async function scanZip(zipFile: string, wantText: (name: string) => boolean): Promise<{ entries: string[]; texts: Map<string, string>; privateKeys: PackageContents['privateKeys'] }> {
  const entries: string[] = [];
  const texts = new Map<string, string>();
  const privateKeys: PackageContents['privateKeys'] = [];
  await new Promise<void>((resolve, reject) => {
    yauzl.open(zipFile, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err) return reject(new MlopsError(`${zipFile} is not a readable zip: ${err.message}`));
      zip.on('error', (e: Error) => reject(new MlopsError(`${zipFile} is not a readable zip: ${e.message}`)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        entries.push(name);
        const text = (name === CONFIG || wantText(name)) && entry.uncompressedSize <= MAX_TEXT_BYTES;
        const sniff = !name.endsWith('/') && entry.uncompressedSize > 0 && entry.uncompressedSize <= SNIFF_MAX_FILE_BYTES;
        if (!text && !sniff) return zip.readEntry();
        readEntry(zip, entry, text ? MAX_TEXT_BYTES : SNIFF_BYTES).then((bytes) => {
          if (text) texts.set(name, bytes.toString('utf8'));
          const kind = privateKeyIn(bytes.subarray(0, SNIFF_BYTES));
          if (kind) privateKeys.push({ entry: name, kind });
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  });
  return { entries, texts, privateKeys };
}

/** Why the zip's mlops_function.json cannot be used (no trailing period), or its info. */
function packageInfo(text: string | undefined, entries: string[]): PackageInfo | string {
  if (text === undefined) {
    const tops = new Set(entries.map((e) => e.split('/')[0]));
    const [top] = tops;
    const nested = tops.size === 1 && entries.some((e) => e.includes('/')) ? ` (everything in it lies under the folder ${top}/: a zip of a folder rather than of its contents, so neither handler.py nor ${CONFIG} is at its root)` : '';
    return `it has no ${CONFIG} at its root${nested}`;
  }
  let info: Partial<PackageInfo>;
  try {
    info = JSON.parse(text) as Partial<PackageInfo>;
  } catch {
    return `its ${CONFIG} is not JSON`;
  }
  if (typeof info.model_name !== 'string' || typeof info.version !== 'number' || !info.env || !info.service) {
    return `its ${CONFIG} lacks model_name, service, env or version (it was built by another version of akerbp/mlops)`;
  }
  return info as PackageInfo;
}

/**
 * Lists a zip, reads its root mlops_function.json and every requirements file (each at most
 * 1 MB), and finds private keys among its files by their first bytes. Throws MlopsError only
 * when the file is not a readable zip; a missing or unusable mlops_function.json is `infoProblem`.
 */
export async function readPackage(zipFile: string): Promise<PackageContents> {
  const scan = await scanZip(zipFile, (name) => name === 'requirements.txt' || isRequirementsFileName(posix.basename(name)));
  const found = packageInfo(scan.texts.get(CONFIG), scan.entries);
  const info = typeof found === 'string' ? null : found;
  const requirementFiles = new Map([...scan.texts].filter(([name]) => name !== CONFIG));
  // The recorded req_file may have any name; read it when the name pattern did not.
  const reqFile = info?.settings?.reqFile;
  if (typeof reqFile === 'string' && !requirementFiles.has(reqFile) && scan.entries.includes(reqFile)) {
    const again = await scanZip(zipFile, (name) => name === reqFile);
    const text = again.texts.get(reqFile);
    if (text !== undefined) requirementFiles.set(reqFile, text);
  }
  return { info, ...(typeof found === 'string' ? { infoProblem: found } : {}), entries: scan.entries, requirementFiles, privateKeys: scan.privateKeys };
}
