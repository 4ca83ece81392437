/**
 * Streams file bytes to CDF's uploadUrl and from its downloadUrl with progress, without holding
 * the artifact in memory. Both are idempotent (same bytes, same URL), so they are retried on
 * 429, 5xx and network errors.
 */
import type { CogniteClient } from '@cognite/sdk';
import { createReadStream, createWriteStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describeFailure, retryLimitsFor, withRetry } from '../cdf/retry.js';
import { digestStream, type Digest } from './archive.js';

export type Progress = (done: number, total: number) => void;

/**
 * Upload and download URLs are pre-signed; like the SDK, we send our CDF token only when the URL
 * is on the CDF cluster itself, never to a storage provider.
 */
function authHeaders(client: CogniteClient, url: string): Record<string, string> {
  const base = new URL(client.getBaseUrl());
  const target = new URL(url, base);
  if (base.origin !== target.origin) return {};
  const auth = client.getDefaultRequestHeaders()['Authorization'] ?? client.getDefaultRequestHeaders()['authorization'];
  return auth ? { Authorization: auth } : {};
}

function httpStatusError(status: number, body: string, headers: Record<string, string | string[] | undefined>): Error {
  const retryAfter = headers['retry-after'];
  return Object.assign(new Error(body.slice(0, 300) || `HTTP ${status}`), { status, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
}

export async function uploadFile(client: CogniteClient, uploadUrl: string, file: string, size: number, mimeType: string, onProgress?: Progress): Promise<void> {
  const url = new URL(uploadUrl, client.getBaseUrl());
  await withRetry(
    'PUT <uploadUrl>',
    () =>
      new Promise<void>((resolve, reject) => {
        const request = (url.protocol === 'https:' ? https : http).request(url, {
          method: 'PUT',
          headers: { 'Content-Type': mimeType, 'Content-Length': String(size), ...authHeaders(client, uploadUrl) },
        });
        request.on('error', reject);
        request.on('response', (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => (res.statusCode && res.statusCode < 300 ? resolve() : reject(httpStatusError(res.statusCode ?? 0, body, res.headers))));
        });
        // Large reads and no hashing here: the sha256 is known already, and the upload should
        // run at the speed of the socket.
        const source = createReadStream(file, { highWaterMark: 1 << 20 });
        let done = 0;
        if (onProgress) source.on('data', (chunk) => onProgress((done += chunk.length), size));
        pipeline(source, request).catch(reject);
      }),
    { idempotent: true, limits: retryLimitsFor(client) },
    describe,
  );
}

/**
 * Streams a download into `dest` (or nowhere, to only hash it) and returns its digest.
 * Progress totals come from Content-Length, else `expectedSize`, else 0 (unknown).
 */
export async function downloadFile(client: CogniteClient, downloadUrl: string, dest: string | null, onProgress?: Progress, expectedSize?: number): Promise<Digest> {
  return withRetry(
    'GET <downloadUrl>',
    async () => {
      const res = await fetch(downloadUrl, { headers: authHeaders(client, downloadUrl) });
      if (!res.ok || !res.body) {
        throw httpStatusError(res.status, await res.text().catch(() => ''), { 'retry-after': res.headers.get('retry-after') ?? undefined });
      }
      const total = Number(res.headers.get('content-length') ?? 0) || expectedSize || 0;
      const digest = digestStream((done) => onProgress?.(done, total));
      const sink = dest ? createWriteStream(dest) : new Writable({ write: (_c, _e, cb) => cb() });
      await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), digest, sink);
      return digest.digest();
    },
    { idempotent: true, limits: retryLimitsFor(client) },
    describe,
  );
}

/** Our HTTP errors carry the Retry-After they saw. */
function describe(err: unknown) {
  return describeFailure(err, (err as { retryAfter?: string }).retryAfter);
}
