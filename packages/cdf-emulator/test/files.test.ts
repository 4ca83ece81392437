import { gzipSync } from 'node:zlib';
import type { CogniteClient, FileInfo } from '@cognite/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/index.js';
import { raw, sdkClient, tokenFor } from './helpers.js';

let emu: RunningEmulator;
let client: CogniteClient;
let token: string;

beforeAll(async () => {
  emu = await startEmulator();
  client = sdkClient(emu);
  token = await tokenFor(emu);
});
afterAll(() => emu.stop());

async function download(id: number): Promise<string> {
  const [link] = await client.files.getDownloadUrls([{ id }]);
  expect(link.downloadUrl.startsWith(emu.url)).toBe(true);
  return (await fetch(link.downloadUrl)).text();
}

describe('files through the official SDK', () => {
  it('uploads via uploadUrl, marks the file uploaded and serves its bytes', async () => {
    const file = (await client.files.upload({ name: 'a.txt', externalId: 'files/a', mimeType: 'text/plain', metadata: { k: 'v' } }, 'hello', false, true)) as FileInfo;
    expect(file).toMatchObject({ name: 'a.txt', externalId: 'files/a', uploaded: true, metadata: { k: 'v' } });
    expect(Number.isSafeInteger(file.id)).toBe(true);
    expect(file.createdTime).toBeInstanceOf(Date);
    expect(await download(file.id)).toBe('hello');
    const [byXid] = await client.files.retrieve([{ externalId: 'files/a' }]);
    expect(byXid.id).toBe(file.id);
  });

  it('returns an absolute same-origin uploadUrl and refuses a duplicate externalId unless overwrite', async () => {
    const created = await client.files.upload({ name: 'b.bin', externalId: 'files/b' });
    expect((created as { uploadUrl: string }).uploadUrl.startsWith(`${emu.url}/`)).toBe(true);
    expect(created.uploaded).toBe(false);
    await expect(client.files.upload({ name: 'b2.bin', externalId: 'files/b' }, 'x')).rejects.toMatchObject({ status: 409, duplicated: [{ externalId: 'files/b' }] });
    const replaced = await client.files.upload({ name: 'b2.bin', externalId: 'files/b' }, 'second', true, true);
    expect(replaced).toMatchObject({ id: created.id, name: 'b2.bin', uploaded: true });
    expect(await download(created.id)).toBe('second');
  });

  it('lists with filters and follows cursors', async () => {
    const ds = (await client.datasets.retrieve([{ externalId: 'mlops' }]))[0];
    for (let i = 0; i < 5; i++) {
      await client.files.upload({ name: `p${i}.txt`, externalId: `paged/${i}`, directory: i % 2 ? '/odd/x' : '/even', metadata: { n: String(i), kind: 'paged' }, dataSetId: i < 3 ? ds.id : undefined }, `v${i}`);
    }
    const firstPage = await client.files.list({ filter: { externalIdPrefix: 'paged/' }, limit: 2 });
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.nextCursor).toBeTruthy();
    const all = await client.files.list({ filter: { externalIdPrefix: 'paged/' }, limit: 2 }).autoPagingToArray({ limit: 100 });
    expect(all.map((f) => f.externalId).sort()).toEqual(['paged/0', 'paged/1', 'paged/2', 'paged/3', 'paged/4']);
    const odd = await client.files.list({ filter: { directoryPrefix: '/odd' } }).autoPagingToArray();
    expect(odd.map((f) => f.externalId).sort()).toEqual(['paged/1', 'paged/3']);
    const inDs = await client.files.list({ filter: { dataSetIds: [{ externalId: 'mlops' }], metadata: { kind: 'paged' } } }).autoPagingToArray();
    expect(inDs).toHaveLength(3);
    const byMeta = await client.files.list({ filter: { metadata: { n: '4' }, uploaded: true } }).autoPagingToArray();
    expect(byMeta.map((f) => f.externalId)).toEqual(['paged/4']);
    const viaGet = await raw(emu, token, 'GET', `/files?externalIdPrefix=paged/&limit=3`);
    expect(viaGet.body.items).toHaveLength(3);
    expect(viaGet.body.nextCursor).toBeTruthy();
    const tooMany = await raw(emu, token, 'POST', '/files/list', { limit: 1001 });
    expect(tooMany.status).toBe(400);
  });

  it('updates metadata with set and add/remove, and other fields', async () => {
    const file = await client.files.upload({ name: 'u.txt', externalId: 'files/u', metadata: { a: '1', b: '2' } }, 'u');
    const [added] = await client.files.update([{ id: file.id, update: { metadata: { add: { c: '3' }, remove: ['a'] }, source: { set: 'new-source' } } }]);
    expect(added.metadata).toEqual({ b: '2', c: '3' });
    expect(added.source).toBe('new-source');
    const [set] = await client.files.update([{ externalId: 'files/u', update: { metadata: { set: { only: 'x' } }, externalId: { set: 'files/u2' } } }]);
    expect(set).toMatchObject({ metadata: { only: 'x' }, externalId: 'files/u2' });
    await expect(client.files.update([{ id: 42, update: { source: { set: 'x' } } }])).rejects.toMatchObject({ status: 400 });
  });

  it('reports unknown ids as missing and honours ignoreUnknownIds', async () => {
    await expect(client.files.retrieve([{ id: 123 }, { externalId: 'nope' }])).rejects.toMatchObject({ status: 400, missing: [{ id: 123 }, { externalId: 'nope' }] });
    expect(await client.files.retrieve([{ id: 123 }], { ignoreUnknownIds: true })).toEqual([]);
    const tooMany = await raw(emu, token, 'POST', '/files/byids', { items: Array.from({ length: 1001 }, (_, i) => ({ id: i + 1 })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/items/);
  });

  it('deletes files (unknown ids → missing unless ignored)', async () => {
    const file = await client.files.upload({ name: 'd.txt', externalId: 'files/d' }, 'd');
    await client.files.delete([{ externalId: 'files/d' }]);
    await expect(client.files.retrieve([{ id: file.id }])).rejects.toMatchObject({ status: 400 });
    await expect(client.files.delete([{ id: file.id }])).rejects.toMatchObject({ status: 400, missing: [{ id: file.id }] });
    expect((await raw(emu, token, 'POST', '/files/delete', { items: [{ id: file.id }], ignoreUnknownIds: true })).status).toBe(200);
  });

  it('supports multipart uploads', async () => {
    const session = await client.files.multipartUploadSession({ name: 'big.bin', externalId: 'files/multi' }, 3);
    expect(session.multiPartFileUploadResponse.uploadUrls).toHaveLength(3);
    await session.uploadPart(1, 'BBB');
    await session.uploadPart(0, 'AAA');
    await session.uploadPart(2, 'CC');
    expect(session.getFinished()).toBe(true);
    const [file] = await client.files.retrieve([{ externalId: 'files/multi' }]);
    expect(file.uploaded).toBe(true);
    expect(await download(file.id)).toBe('AAABBBCC');
  });

  it('accepts gzip-compressed request bodies and GET /files/{id}', async () => {
    const file = await client.files.upload({ name: 'g.txt', externalId: 'files/g' }, 'g');
    const res = await raw(emu, token, 'POST', '/files/byids', gzipSync(JSON.stringify({ items: [{ externalId: 'files/g' }] })), { 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.body.items[0].id).toBe(file.id);
    expect((await raw(emu, token, 'GET', `/files/${file.id}`)).body.name).toBe('g.txt');
    const bad = await raw(emu, token, 'POST', '/files/byids', '{"items": [', {});
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/JSON/);
  });

  it('streams a large upload and download without corrupting bytes', async () => {
    const size = 8 * 1024 * 1024 + 7;
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4096) bytes[i] = i % 251;
    const file = await client.files.upload({ name: 'large.bin' }, bytes, false, true);
    const [link] = await client.files.getDownloadUrls([{ id: file.id }]);
    const got = Buffer.from(await (await fetch(link.downloadUrl)).arrayBuffer());
    expect(got.length).toBe(size);
    expect(got.equals(bytes)).toBe(true);
  });
});
