/**
 * HTTP plumbing shared by every endpoint: CDF-shaped errors, JSON responses and request bodies
 * (which the Python SDK gzips by default).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface Identifier {
  id?: number;
  externalId?: string;
}

/** An error that becomes CDF's `{"error":{code,message,missing?,duplicated?}}` body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: { missing?: unknown[]; duplicated?: unknown[] } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);
export const notFound = (message: string): ApiError => new ApiError(404, message);

export function errorBody(err: ApiError): unknown {
  return { error: { code: err.status, message: err.message, ...err.extra } };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The request body as a stream, transparently gunzipped. */
export function bodyStream(req: IncomingMessage): Readable {
  const encoding = String(req.headers['content-encoding'] ?? '').toLowerCase();
  return encoding === 'gzip' ? req.pipe(createGunzip()) : req;
}

const MAX_JSON_BYTES = 64 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of bodyStream(req)) {
      size += (chunk as Buffer).length;
      if (size > MAX_JSON_BYTES) throw new ApiError(413, 'Request body is too large.');
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw badRequest(`Could not read the request body: ${(err as Error).message}`);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON object body; an empty body is `{}` (CDF accepts e.g. `POST /functions/status` bare). */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = (await readBody(req)).toString('utf8');
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw badRequest(`Unable to parse the request body as JSON: ${(err as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest('The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}
