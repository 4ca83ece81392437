/** What a function zip says about itself (mlops_function.json, contract C), read without unpacking it. */
import yauzl from 'yauzl';
import { MlopsError } from '../errors.js';
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
  info: PackageInfo;
  /** every entry's path in the zip (folders end with '/') */
  entries: string[];
  /** requirements.txt at the root, null when absent */
  requirements: string | null;
}

const CONFIG = 'mlops_function.json';
const REQUIREMENTS = 'requirements.txt';
const MAX_TEXT_BYTES = 1_000_000;

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (e, stream) => {
    if (e) return reject(e);
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  }));
}

/**
 * Lists a zip and reads its root mlops_function.json and requirements.txt (each at most 1 MB).
 * Throws MlopsError when the file is not a readable zip, or mlops_function.json is missing,
 * not JSON, or lacks model_name, service, env or version.
 */
export async function readPackage(zipFile: string): Promise<PackageContents> {
  const entries: string[] = [];
  const texts = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    yauzl.open(zipFile, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err) return reject(new MlopsError(`${zipFile} is not a readable zip: ${err.message}`));
      zip.on('error', (e: Error) => reject(new MlopsError(`${zipFile} is not a readable zip: ${e.message}`)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry.fileName);
        if ((entry.fileName !== CONFIG && entry.fileName !== REQUIREMENTS) || entry.uncompressedSize > MAX_TEXT_BYTES) return zip.readEntry();
        readEntry(zip, entry).then((text) => {
          texts.set(entry.fileName, text);
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  });
  const text = texts.get(CONFIG);
  if (text === undefined) throw new MlopsError(`${zipFile} has no ${CONFIG} at its root; build the package with package-model (or mlops package).`);
  let info: Partial<PackageInfo>;
  try {
    info = JSON.parse(text) as Partial<PackageInfo>;
  } catch {
    throw new MlopsError(`${CONFIG} in ${zipFile} is not JSON; rebuild the package with package-model (or mlops package).`);
  }
  if (typeof info.model_name !== 'string' || typeof info.version !== 'number' || !info.env || !info.service) {
    throw new MlopsError(`${CONFIG} in ${zipFile} lacks model_name, service, env or version; rebuild the package with this version of akerbp/mlops.`);
  }
  return { info: info as PackageInfo, entries, requirements: texts.get(REQUIREMENTS) ?? null };
}
