/**
 * Function code in CDF Files, content-addressed (`mlops-code/<latest xid>/<sha256>`): an
 * unchanged package is found by its external id and never uploaded twice.
 */
import type { CogniteClient, FileInfo } from '@cognite/sdk';
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { digestStream, type Digest } from '../artifacts/archive.js';
import { uploadFile } from '../artifacts/transfer.js';
import { CdfApiError, cdfRequest, sdkCall } from '../cdf/retry.js';
import { MlopsError } from '../errors.js';
import { progressTask, type Logger } from '../logger.js';
import { CODE_DIRECTORY } from '../naming.js';
import { shortSha } from '../summary.js';
import { STATE_KEYS } from './state.js';

const MIME_TYPE = 'application/zip';
/** Code files are only ever ours under this prefix; retention deletes nothing else. */
export const CODE_FILE_PREFIX = 'mlops-code/';

export async function hashFile(path: string): Promise<Digest> {
  const digest = digestStream();
  await pipeline(createReadStream(path), digest, new Writable({ write: (_c, _e, cb) => cb() }));
  return digest.digest();
}

export async function retrieveFiles(client: CogniteClient, refs: ({ id: number } | { externalId: string })[]): Promise<FileInfo[]> {
  if (!refs.length) return [];
  return sdkCall(client, 'POST /files/byids', () => client.files.retrieve(refs, { ignoreUnknownIds: true }), true);
}

/** Reusable when it holds exactly these bytes. */
export function isCodeFileFor(file: FileInfo | undefined, sha256: string): boolean {
  return !!file && file.uploaded && (file.metadata as Record<string, string> | undefined)?.sha256 === sha256;
}

export interface CodeUpload {
  packagePath: string;
  externalId: string;
  sha256: string;
  /** data set external id (the model's `dataset`), null for none */
  dataset: string | null;
  metadata: Record<string, string>;
  /** replace the file under this external id (one left half-uploaded, or holding other bytes) */
  overwrite?: boolean;
  log: Logger;
}

/** A file never marked uploaded after this long was left by an interrupted run. */
export const STALE_UPLOAD_MS = 10 * 60_000;

/** The existing file must be replaced: it holds other bytes, or an interrupted run left it half-uploaded. */
export function mustReplace(file: FileInfo | undefined, sha256: string, now = Date.now()): boolean {
  if (!file || isCodeFileFor(file, sha256)) return false;
  return file.uploaded || now - new Date(file.createdTime).getTime() > STALE_UPLOAD_MS;
}

/** Uploads the zip; a concurrent deployer that uploaded the same bytes first is fine. */
export async function uploadCodeFile(client: CogniteClient, o: CodeUpload): Promise<FileInfo> {
  const digest = await hashFile(o.packagePath);
  if (digest.sha256 !== o.sha256) {
    throw new MlopsError(`The package ${o.packagePath} hashes to sha256 ${digest.sha256}, not ${o.sha256} as given; was it rebuilt or changed after packaging?`);
  }
  const dataSetId = o.dataset ? await dataSetIdOf(client, o.dataset) : undefined;
  const info = {
    externalId: o.externalId,
    name: `${o.externalId.split('/').slice(-2).join('-')}.zip`,
    directory: CODE_DIRECTORY,
    mimeType: MIME_TYPE,
    metadata: { ...o.metadata, sha256: o.sha256, size: String(digest.size) },
    ...(dataSetId !== undefined ? { dataSetId } : {}),
  };
  // Overwrite only when told: a concurrent deploy of the same code may be uploading these very bytes.
  let created: FileInfo & { uploadUrl?: string };
  try {
    created = await sdkCall(client, 'POST /files', () => client.files.upload(info, undefined, o.overwrite ?? false), false);
  } catch (err) {
    if (!(err instanceof CdfApiError && err.status === 409)) throw err;
    const [existing] = await retrieveFiles(client, [{ externalId: o.externalId }]);
    if (!existing) throw err;
    o.log.info(`${o.externalId} is being uploaded by another deploy; waiting for it.`);
    return waitUploaded(client, existing.id, o.externalId);
  }
  // The sha256 at the end of the external id, shortened as everywhere else: the label fits a terminal line.
  const label = o.externalId.endsWith(`/${o.sha256}`) ? `${o.externalId.slice(0, -o.sha256.length)}${shortSha(o.sha256)}…` : o.externalId;
  const progress = progressTask(o.log, `upload:${o.externalId}`, `Uploading ${label}`, 'bytes');
  try {
    await uploadFile(client, created.uploadUrl as string, o.packagePath, digest.size, MIME_TYPE, progress.update);
  } catch (err) {
    // A file never uploaded would make the next deploy wait for it.
    await client.files.delete([{ id: created.id }]).catch(() => {});
    throw err;
  } finally {
    progress.end();
  }
  o.log.info(`Uploaded ${o.externalId} (${digest.size} bytes).`);
  return waitUploaded(client, created.id, o.externalId);
}

async function dataSetIdOf(client: CogniteClient, xid: string): Promise<number> {
  const [ds] = await sdkCall(client, 'POST /datasets/byids', () => client.datasets.retrieve([{ externalId: xid }], { ignoreUnknownIds: true }), true);
  if (!ds) throw new MlopsError(`Data set "${xid}" (the model's dataset setting) does not exist in CDF project ${client.project}; create it or change dataset.`);
  return ds.id;
}

/** CDF marks a file uploaded shortly after the PUT; a function cannot use it before that. */
async function waitUploaded(client: CogniteClient, id: number, label: string): Promise<FileInfo> {
  const deadline = Date.now() + 60_000;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    const [file] = await retrieveFiles(client, [{ id }]);
    if (file?.uploaded) return file;
    if (Date.now() > deadline) throw new MlopsError(`CDF has not marked ${label} as uploaded after 60 s; check the file in CDF.`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

/** `mlops-code/<latest xid>/<sha256>`: a code file (not a saved log beside it). */
export function isCodeFileExternalId(latestXid: string, externalId: string | undefined): boolean {
  return !!externalId && externalId.startsWith(`${CODE_FILE_PREFIX}${latestXid}/`) && /^[0-9a-f]{64}$/.test(externalId.slice(CODE_FILE_PREFIX.length + latestXid.length + 1));
}

/**
 * Records a deployment's state change on its code file (deploy/state.ts keys). Files metadata
 * `add` merges keys into what is there and `remove` drops keys (CDF Files API, files/update), so
 * the upload's own keys stay.
 */
export async function updateCodeFileState(client: CogniteClient, fileId: number, add: Record<string, string>, remove: string[] = []): Promise<void> {
  await cdfRequest(client, {
    method: 'POST', path: '/files/update', idempotent: true,
    data: { items: [{ id: fileId, update: { metadata: { add, remove } } }] },
  });
}

/** Saved smoke-call logs sit beside their code file: `<code file xid>.smoke.log`. */
export const SMOKE_LOG_SUFFIX = '.smoke.log';

/** Lines of a failed call's logs kept in CDF Files (the function, and with it CDF's copy of the logs, is deleted). */
const SAVED_LOG_LINES = 500;

/**
 * Saves a failed smoke call's logs as a text file beside its code file
 * (`<code file xid>.smoke.log`, same data set) and returns its external id.
 */
export async function saveCallLogs(client: CogniteClient, codeFile: FileInfo, header: string, lines: string[]): Promise<string> {
  const externalId = `${codeFile.externalId}${SMOKE_LOG_SUFFIX}`;
  const text = `${header}\n\n${lines.slice(-SAVED_LOG_LINES).join('\n')}\n`;
  await sdkCall(client, 'POST /files', () => client.files.upload({
    externalId, name: `${(codeFile.externalId ?? '').split('/').slice(-2).join('-')}${SMOKE_LOG_SUFFIX}`, directory: CODE_DIRECTORY, mimeType: 'text/plain',
    ...(codeFile.dataSetId !== undefined ? { dataSetId: codeFile.dataSetId } : {}),
  }, text, true, true), false);
  return externalId;
}

/** Deletes code files of ours (by id); others' files are never touched. */
export async function deleteCodeFiles(client: CogniteClient, ids: number[]): Promise<string[]> {
  const ours = (await retrieveFiles(client, ids.map((id) => ({ id })))).filter((f) => f.externalId?.startsWith(CODE_FILE_PREFIX));
  if (!ours.length) return [];
  // A failed deployment's saved smoke-call logs go with its code file.
  const logs = ours.map((f) => (f.metadata as Record<string, string> | undefined)?.[STATE_KEYS.logFile]).filter((x): x is string => !!x?.startsWith(CODE_FILE_PREFIX));
  const items = [...ours.map((f) => ({ id: f.id })), ...logs.map((externalId) => ({ externalId }))];
  await cdfRequest(client, { method: 'POST', path: '/files/delete', data: { items, ignoreUnknownIds: true }, idempotent: true });
  return ours.map((f) => f.externalId as string);
}
