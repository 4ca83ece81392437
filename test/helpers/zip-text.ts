/** Reading zips in tests that search them for secrets. */
import yauzl from 'yauzl';

/** Every entry of a zip file: its names and contents as latin1 text (secrets are ASCII), and the entry count. */
export async function zipText(file: string): Promise<string> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z))));
  const parts: string[] = [];
  await new Promise<void>((res, rej) => {
    zip.on('end', () => res());
    zip.on('error', rej);
    zip.on('entry', (entry: yauzl.Entry) => zip.openReadStream(entry, (err, stream) => {
      if (err) return rej(err);
      parts.push(entry.fileName);
      stream.on('data', (d: Buffer) => parts.push(d.toString('latin1')));
      stream.on('end', () => zip.readEntry());
    }));
    zip.readEntry();
  });
  return `${parts.join('\n')}\n${zip.entryCount} entries`;
}
