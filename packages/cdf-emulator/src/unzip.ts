/** Unpacks a function's code zip, refusing entries that would land outside the target folder (zip-slip). */
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

export async function unzipTo(zipPath: string, target: string): Promise<void> {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipPath, { lazyEntries: true, autoClose: true }, (err, z) => (err || !z ? reject(err ?? new Error('cannot open zip')) : resolve(z))),
  );
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName.replace(/\\/g, '/');
      const rel = normalize(name);
      if (isAbsolute(name) || rel === '..' || rel.startsWith(`..${sep}`)) {
        zip.close();
        reject(new Error(`the zip entry '${entry.fileName}' points outside the archive`));
        return;
      }
      const dest = join(target, rel);
      if (name.endsWith('/')) {
        mkdirSync(dest, { recursive: true });
        zip.readEntry();
        return;
      }
      mkdirSync(dirname(dest), { recursive: true });
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error('cannot read zip entry'));
        pipeline(stream, createWriteStream(dest)).then(() => zip.readEntry(), reject);
      });
    });
    zip.readEntry();
  });
}
