/** Files API: metadata CRUD, upload URLs (single and multipart), download links, list filters. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Env } from './env.js';
import { ApiError, badRequest, bodyStream, notFound, readJson, type Identifier } from './http.js';
import { assertUniqueExternalIds, find, page, removeFrom, resolve, updateAll } from './resources.js';
import { Reply, type Route } from './router.js';
import type { FileRecord } from './store.js';
import { checkMetadata, identifier, inRange, isObject, items, limit as parseLimit, optInt, optString, optStringMap, reqString, type Json } from './validate.js';

const FILE_METADATA_LIMITS = { pairs: 256, key: 128, value: 10240, totalBytes: 10240 };
const MAX_PARTS = 250;
const DOWNLOAD_LINK_TTL_MS = 30 * 60 * 1000;

/** Download link tokens per emulator (short-lived, so not persisted). */
const downloadLinks = new WeakMap<Env, Map<string, { fileId: number; expiresAt: number }>>();
function linksOf(env: Env): Map<string, { fileId: number; expiresAt: number }> {
  let links = downloadLinks.get(env);
  if (!links) downloadLinks.set(env, (links = new Map()));
  return links;
}

const UPDATE_SPEC = {
  externalId: 'scalar', directory: 'scalar', source: 'scalar', mimeType: 'scalar', metadata: 'map', assetIds: 'list',
  sourceCreatedTime: 'scalar', sourceModifiedTime: 'scalar', dataSetId: 'scalar', securityCategories: 'list', labels: 'list', geoLocation: 'scalar',
} as const;

function fileJson(f: FileRecord): Json {
  const { multipart: _multipart, ...rest } = f;
  return rest;
}

function boolParam(value: string | null): boolean {
  return value !== null && value.toLowerCase() === 'true';
}

function assertDataSet(env: Env, dataSetId: number | undefined, where: string): void {
  if (dataSetId !== undefined && !env.store.state.datasets.some((d) => d.id === dataSetId)) {
    throw new ApiError(400, `${where}: data set not found`, { missing: [{ id: dataSetId }] });
  }
}

/** Validates a file's writable fields (create body or post-update record). */
function fileFields(env: Env, body: Json): Omit<FileRecord, 'id' | 'uploaded' | 'createdTime' | 'lastUpdatedTime'> {
  const metadata = optStringMap(body, 'metadata');
  checkMetadata(metadata, FILE_METADATA_LIMITS);
  const dataSetId = optInt(body, 'dataSetId');
  assertDataSet(env, dataSetId, 'dataSetId');
  const fields = {
    name: reqString(body, 'name', 256),
    externalId: optString(body, 'externalId', 255),
    directory: optString(body, 'directory', 512),
    source: optString(body, 'source', 128),
    mimeType: optString(body, 'mimeType', 256),
    metadata,
    assetIds: body.assetIds as number[] | undefined,
    dataSetId,
    labels: body.labels as { externalId: string }[] | undefined,
    sourceCreatedTime: optInt(body, 'sourceCreatedTime'),
    sourceModifiedTime: optInt(body, 'sourceModifiedTime'),
    securityCategories: body.securityCategories as number[] | undefined,
    geoLocation: geoLocation(body.geoLocation),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as typeof fields;
}

/** A GeoJSON Feature (`{type: "Feature", geometry: {type, coordinates}, properties?}`), or nothing. */
function geoLocation(v: unknown): Json | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v) || v.type !== 'Feature' || !isObject(v.geometry) || typeof v.geometry.type !== 'string') {
    throw badRequest('geoLocation: must be a GeoJSON Feature {"type": "Feature", "geometry": {"type", "coordinates"}}');
  }
  return v;
}

function dataSetIdsOf(env: Env, refs: unknown): Set<number> {
  if (!Array.isArray(refs)) throw badRequest('filter.dataSetIds: must be an array of {id} or {externalId}');
  const ids = new Set<number>();
  refs.forEach((ref, i) => {
    const ds = find(env.store.state.datasets, identifier(ref, `filter.dataSetIds[${i}]`));
    if (ds) ids.add(ds.id);
  });
  return ids;
}

function matches(env: Env, f: FileRecord, filter: Json): boolean {
  const str = (k: string): string | undefined => (typeof filter[k] === 'string' ? (filter[k] as string) : undefined);
  if (str('name') !== undefined && f.name !== str('name')) return false;
  if (str('mimeType') !== undefined && f.mimeType !== str('mimeType')) return false;
  if (str('source') !== undefined && f.source !== str('source')) return false;
  if (str('externalIdPrefix') !== undefined && !(f.externalId ?? '').startsWith(str('externalIdPrefix')!)) return false;
  if (str('directoryPrefix') !== undefined && !(f.directory ?? '').startsWith(str('directoryPrefix')!)) return false;
  if (typeof filter.uploaded === 'boolean' && f.uploaded !== filter.uploaded) return false;
  if (isObject(filter.metadata) && !Object.entries(filter.metadata).every(([k, v]) => f.metadata?.[k] === v)) return false;
  if (filter.dataSetIds !== undefined && (f.dataSetId === undefined || !dataSetIdsOf(env, filter.dataSetIds).has(f.dataSetId))) return false;
  if (Array.isArray(filter.assetIds) && !filter.assetIds.some((a) => f.assetIds?.includes(a as number))) return false;
  for (const k of ['createdTime', 'lastUpdatedTime', 'uploadedTime', 'sourceCreatedTime', 'sourceModifiedTime'] as const) {
    if (filter[k] !== undefined && !inRange(f[k], filter[k])) return false;
  }
  return true;
}

/** `GET /files?name=...` carries the same filter as query parameters (objects JSON-encoded). */
function filterFromQuery(query: URLSearchParams): Json {
  const filter: Json = {};
  for (const [k, v] of query) {
    if (k === 'limit' || k === 'cursor' || k === 'partition') continue;
    if (k === 'uploaded') filter[k] = v === 'true';
    else if (/^[[{]/.test(v)) {
      try {
        filter[k] = JSON.parse(v);
      } catch {
        throw badRequest(`${k}: invalid JSON value`);
      }
    } else filter[k] = v;
  }
  return filter;
}

function partsOf(query: URLSearchParams): number {
  const parts = Number(query.get('parts'));
  if (!Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS) throw badRequest(`parts: must be an integer between 1 and ${MAX_PARTS}`);
  return parts;
}

/**
 * `partition: "m/n"` (1 ≤ m ≤ n ≤ 10): which ids fall in partition m. Every file is in exactly one
 * of the n partitions, so reading all n in parallel returns each file once.
 */
function partitionOf(raw: unknown): (id: number) => boolean {
  if (raw === undefined || raw === null) return () => true;
  const m = typeof raw === 'string' ? /^(\d+)\/(\d+)$/.exec(raw) : null;
  const [at, of] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || of < 1 || of > 10 || at < 1 || at > of) throw badRequest(`partition: must look like "m/n" with 1 ≤ m ≤ n ≤ 10, got ${JSON.stringify(raw)}`);
  return (id) => id % of === at - 1;
}

export function filesRoutes(env: Env): Route[] {
  const state = env.store.state;
  const uploadUrl = (fileId: number, part?: number): string => {
    const token = randomBytes(24).toString('base64url');
    state.uploads[token] = { fileId, part };
    return `${env.baseUrl()}/_emulator/upload/${token}`;
  };
  const forgetUploads = (fileId: number): void => {
    for (const [t, u] of Object.entries(state.uploads)) if (u.fileId === fileId) delete state.uploads[t];
  };

  /** Creates the file, or with overwrite replaces the one holding its externalId (same id, not uploaded). */
  const createFile = async (req: IncomingMessage, query: URLSearchParams): Promise<FileRecord> => {
    const fields = fileFields(env, await readJson(req));
    const now = Date.now();
    const existing = fields.externalId !== undefined ? state.files.find((f) => f.externalId === fields.externalId) : undefined;
    if (existing && !boolParam(query.get('overwrite'))) assertUniqueExternalIds(state.files, [fields.externalId]);
    if (existing) {
      env.blobs.remove(existing.id);
      forgetUploads(existing.id);
      const replaced: FileRecord = { ...fields, id: existing.id, uploaded: false, createdTime: existing.createdTime, lastUpdatedTime: now };
      state.files[state.files.indexOf(existing)] = replaced;
      return replaced;
    }
    const file: FileRecord = { ...fields, id: env.store.newId(), uploaded: false, createdTime: now, lastUpdatedTime: now };
    state.files.push(file);
    return file;
  };

  const filtered = (filter: unknown): FileRecord[] => {
    const f = filter === undefined || filter === null ? {} : filter;
    if (!isObject(f)) throw badRequest('filter: must be an object');
    return state.files.filter((file) => matches(env, file, f));
  };
  const list = (filter: unknown, body: Json): Json => {
    const inPartition = partitionOf(body.partition);
    const result = page(filtered(filter).filter((f) => inPartition(f.id)), body, 100, 1000);
    return { items: result.items.map(fileJson), ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}) };
  };
  /** `uploadlink` / `multiuploadlink`: new upload URLs for files whose metadata exists. */
  const uploadLinks = async (req: IncomingMessage, parts?: number): Promise<Json> => {
    const raw = items(await readJson(req), 1);
    const [file] = resolve(state.files, raw, false);
    forgetUploads(file.id);
    if (parts === undefined) return { items: [{ ...fileJson(file), uploadUrl: uploadUrl(file.id) }] };
    file.multipart = { uploadId: randomBytes(16).toString('hex'), parts };
    env.store.changed();
    return { items: [{ ...fileJson(file), uploadUrls: Array.from({ length: parts }, (_, i) => uploadUrl(file.id, i)), uploadId: file.multipart.uploadId }] };
  };

  return [
    {
      method: 'POST', path: '/files', write: true,
      handle: async ({ req, query }) => {
        const file = await createFile(req, query);
        env.store.changed();
        return new Reply(201, { ...fileJson(file), uploadUrl: uploadUrl(file.id) });
      },
    },
    {
      method: 'POST', path: '/files/initmultipartupload', write: true,
      handle: async ({ req, query }) => {
        const parts = partsOf(query);
        const file = await createFile(req, query);
        file.multipart = { uploadId: randomBytes(16).toString('hex'), parts };
        env.store.changed();
        const uploadUrls = Array.from({ length: parts }, (_, i) => uploadUrl(file.id, i));
        return new Reply(201, { ...fileJson(file), uploadUrls, uploadId: file.multipart.uploadId });
      },
    },
    {
      method: 'POST', path: '/files/completemultipartupload', write: true,
      handle: async ({ req }) => {
        const body = await readJson(req);
        const file = find(state.files, identifier(body, 'body'));
        if (!file) throw new ApiError(400, 'File not found', { missing: [identifier(body, 'body')] });
        if (!file.multipart || file.multipart.uploadId !== body.uploadId) throw badRequest('uploadId: no multipart upload with this id for the file');
        const absent = Array.from({ length: file.multipart.parts }, (_, i) => i).filter((i) => !env.blobs.has(file.id, i));
        if (absent.length) throw badRequest(`Parts not uploaded yet: ${absent.join(', ')}`);
        await env.blobs.assemble(file.id, file.multipart.parts);
        delete file.multipart;
        forgetUploads(file.id);
        file.uploaded = true;
        file.uploadedTime = file.lastUpdatedTime = Date.now();
        env.store.changed();
        return {};
      },
    },
    {
      method: 'POST', path: '/files/byids',
      handle: async ({ req }) => {
        const body = await readJson(req);
        return { items: resolve(state.files, items(body, 1000), body.ignoreUnknownIds === true).map(fileJson) };
      },
    },
    {
      method: 'POST', path: '/files/list',
      handle: async ({ req }) => {
        const body = await readJson(req);
        return list(body.filter, body);
      },
    },
    { method: 'GET', path: '/files', handle: async ({ query }) => list(filterFromQuery(query), { limit: query.get('limit') ?? undefined, cursor: query.get('cursor') ?? undefined, partition: query.get('partition') ?? undefined }) },
    {
      method: 'POST', path: '/files/search',
      handle: async ({ req }) => {
        const body = await readJson(req);
        const search = body.search ?? {};
        if (!isObject(search)) throw badRequest('search: must be an object');
        const name = optString(search, 'name', 256, 'search.name');
        // CDF ranks by relevance; the emulator keeps files whose name holds every word of the query.
        const words = (name ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const hits = filtered(body.filter).filter((f) => words.every((w) => f.name.toLowerCase().includes(w)));
        return { items: hits.slice(0, parseLimit(body.limit, 100, 1000)).map(fileJson) };
      },
    },
    {
      method: 'POST', path: '/files/aggregate',
      handle: async ({ req }) => ({ items: [{ count: filtered((await readJson(req)).filter).length }] }),
    },
    { method: 'POST', path: '/files/uploadlink', write: true, handle: async ({ req }) => uploadLinks(req) },
    {
      method: 'POST', path: '/files/multiuploadlink', write: true,
      handle: async ({ req, query }) => uploadLinks(req, partsOf(query)),
    },
    {
      method: 'POST', path: '/files/downloadlink',
      handle: async ({ req }) => {
        const raw = items(await readJson(req), 100);
        const files = resolve(state.files, raw, false);
        const notUploaded = files.filter((f) => !f.uploaded || !env.blobs.has(f.id));
        if (notUploaded.length) throw badRequest(`Files not uploaded: ${notUploaded.map((f) => f.id).join(', ')}`);
        return {
          items: raw.map((r, i) => {
            const ident = identifier(r, `items[${i}]`);
            const token = randomBytes(24).toString('base64url');
            linksOf(env).set(token, { fileId: find(state.files, ident)!.id, expiresAt: Date.now() + DOWNLOAD_LINK_TTL_MS });
            return { ...ident, downloadUrl: `${env.baseUrl()}/_emulator/download/${token}` };
          }),
        };
      },
    },
    {
      method: 'POST', path: '/files/update', write: true,
      handle: async ({ req }) => {
        const now = Date.now();
        const updated = updateAll(state.files, items(await readJson(req), 1000), UPDATE_SPEC, (patched, f) => ({
          ...fileFields(env, patched), id: f.id, uploaded: f.uploaded, uploadedTime: f.uploadedTime, createdTime: f.createdTime, lastUpdatedTime: now, multipart: f.multipart,
        }));
        env.store.changed();
        return { items: updated.map(fileJson) };
      },
    },
    {
      method: 'POST', path: '/files/delete', write: true,
      handle: async ({ req }) => {
        const body = await readJson(req);
        const doomed = resolve(state.files, items(body, 1000), body.ignoreUnknownIds === true);
        removeFrom(state.files, doomed);
        for (const f of doomed) {
          env.blobs.remove(f.id);
          forgetUploads(f.id);
        }
        env.store.changed();
        return {};
      },
    },
    {
      method: 'GET', path: '/files/:id',
      handle: async ({ params }) => {
        const ident: Identifier = { id: Number(params.id) };
        const f = Number.isSafeInteger(ident.id) ? find(state.files, ident) : undefined;
        if (!f) throw new ApiError(400, 'Ids not found', { missing: [ident] });
        return fileJson(f);
      },
    },
  ];
}


/** `PUT /_emulator/upload/<token>`: the signed-URL target; no bearer token needed, like cloud storage. */
export async function handleUpload(env: Env, token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = env.store.state.uploads[token];
  const file = target && env.store.state.files.find((f) => f.id === target.fileId);
  if (!target || !file) throw notFound('Upload URL is unknown or the file was deleted.');
  if (target.part === undefined) {
    await env.blobs.write(bodyStream(req), file.id);
    file.uploaded = true;
    file.uploadedTime = file.lastUpdatedTime = Date.now();
  } else {
    await env.blobs.write(bodyStream(req), file.id, target.part);
  }
  env.store.changed();
  res.writeHead(200, { 'content-length': 0 });
  res.end();
}

/** `GET /_emulator/download/<token>`: streams the bytes. */
export function handleDownload(env: Env, token: string, res: ServerResponse): void {
  const link = linksOf(env).get(token);
  const file = link && link.expiresAt > Date.now() ? env.store.state.files.find((f) => f.id === link.fileId) : undefined;
  if (!file || !env.blobs.has(file.id)) throw notFound('Download URL is unknown, expired, or the file was deleted.');
  res.writeHead(200, { 'content-type': file.mimeType ?? 'application/octet-stream', 'content-length': env.blobs.size(file.id) });
  env.blobs.read(file.id).pipe(res);
}
