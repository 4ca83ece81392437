/** Unpacks a function zip (streaming), refusing entries that would land outside the folder. */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { MlopsError } from '../errors.js';

export async function extractZip(zipFile: string, destDir: string): Promise<void> {
  const root = resolve(destDir);
  await mkdir(root, { recursive: true });
  // yauzl's own errors (it refuses absolute and .. names itself) become readable MlopsErrors.
  const unusable = (err: Error) => new MlopsError(`${zipFile} cannot be unpacked: ${err.message}.`);
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(zipFile, { lazyEntries: true }, (err, z) => (err ? rej(unusable(err)) : res(z))));
  try {
    await new Promise<void>((res, rej) => {
      zip.on('error', (err: Error) => rej(unusable(err)));
      zip.on('end', () => res());
      zip.on('entry', (entry: yauzl.Entry) => {
        const target = resolve(root, entry.fileName);
        if (!target.startsWith(root + sep)) {
          rej(new MlopsError(`${zipFile} holds ${entry.fileName}, which points outside the folder it is unpacked to.`));
          return;
        }
        if (entry.fileName.endsWith('/')) {
          mkdir(target, { recursive: true }).then(() => zip.readEntry(), rej);
          return;
        }
        zip.openReadStream(entry, (err, stream) => {
          if (err) return rej(err);
          mkdir(dirname(target), { recursive: true })
            .then(() => pipeline(stream, createWriteStream(target)))
            .then(() => zip.readEntry(), rej);
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

