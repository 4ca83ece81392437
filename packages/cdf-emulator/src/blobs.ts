/** File contents on disk (never in memory, so 1 GiB uploads work): `<dir>/<fileId>[.part<N>]`. */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class Blobs {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  path(fileId: number, part?: number): string {
    return join(this.dir, part === undefined ? String(fileId) : `${fileId}.part${part}`);
  }

  /** Streams `body` to the blob; the previous content stays until the new one is complete. */
  async write(body: Readable, fileId: number, part?: number): Promise<number> {
    const target = this.path(fileId, part);
    const tmp = `${target}.uploading`;
    await pipeline(body, createWriteStream(tmp));
    renameSync(tmp, target);
    return statSync(target).size;
  }

  has(fileId: number, part?: number): boolean {
    return existsSync(this.path(fileId, part));
  }

  size(fileId: number): number {
    return statSync(this.path(fileId)).size;
  }

  read(fileId: number): Readable {
    return createReadStream(this.path(fileId));
  }

  /** Joins multipart parts 0..n-1 into the file's blob and removes them. */
  async assemble(fileId: number, parts: number): Promise<void> {
    const tmp = `${this.path(fileId)}.assembling`;
    const out = createWriteStream(tmp);
    for (let i = 0; i < parts; i++) await pipeline(createReadStream(this.path(fileId, i)), out, { end: false });
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    renameSync(tmp, this.path(fileId));
    this.removeParts(fileId);
  }

  removeParts(fileId: number): void {
    for (const name of readdirSync(this.dir)) if (name.startsWith(`${fileId}.part`)) rmSync(join(this.dir, name), { force: true });
  }

  remove(fileId: number): void {
    rmSync(this.path(fileId), { force: true });
    this.removeParts(fileId);
  }
}
