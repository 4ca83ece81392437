/** Tampering with built zips in tests: a package as another builder (or a person) might hand it over. */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';

/** Every file entry of a zip (folders left out), read into memory. */
async function entriesOf(file: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z))));
  const out = new Map<string, Buffer>();
  await new Promise<void>((res, rej) => {
    zip.on('end', () => res());
    zip.on('error', rej);
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err) return rej(err);
        const chunks: Buffer[] = [];
        stream.on('data', (d: Buffer) => chunks.push(d));
        stream.on('end', () => { out.set(entry.fileName, Buffer.concat(chunks)); zip.readEntry(); });
      });
    });
    zip.readEntry();
  });
  return out;
}

/**
 * Writes `dest`: the files of `src` with `changes` applied (a string sets an entry's text, null
 * removes it), each path put under `prefix` (e.g. `inner/`, as GitHub's "Download ZIP" nests).
 */
export async function rezip(src: string, dest: string, changes: Record<string, string | null> = {}, prefix = ''): Promise<string> {
  const files = await entriesOf(src);
  for (const [path, text] of Object.entries(changes)) {
    if (text === null) files.delete(path);
    else files.set(path, Buffer.from(text));
  }
  const zip = new yazl.ZipFile();
  for (const [path, data] of files) zip.addBuffer(data, `${prefix}${path}`);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(dest));
  return dest;
}
