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
}

const CONFIG = 'mlops_function.json';
const MAX_CONFIG_BYTES = 1_000_000;

export async function readPackageInfo(zipFile: string): Promise<PackageInfo> {
  const text = await new Promise<string | null>((resolve, reject) => {
    yauzl.open(zipFile, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err) return reject(new MlopsError(`${zipFile} is not a readable zip: ${err.message}`));
      zip.on('error', reject);
      zip.on('end', () => resolve(null));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== CONFIG || entry.uncompressedSize > MAX_CONFIG_BYTES) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
          stream.on('error', reject);
        });
      });
      zip.readEntry();
    });
  });
  if (text === null) throw new MlopsError(`${zipFile} has no ${CONFIG} at its root; build the package with package-model (or mlops package).`);
  const info = JSON.parse(text) as Partial<PackageInfo>;
  if (typeof info.model_name !== 'string' || typeof info.version !== 'number' || !info.env || !info.service) {
    throw new MlopsError(`${CONFIG} in ${zipFile} lacks model_name, service, env or version; rebuild the package with this version of akerbp/mlops.`);
  }
  return info as PackageInfo;
}
