/**
 * Streams file bytes to CDF's uploadUrl and from its downloadUrl with progress, without holding
 * the artifact in memory. Both are idempotent (same bytes, same URL), so they are retried on
 * 429, 5xx and network errors.
 */
import type { CogniteClient } from '@cognite/sdk';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describeFailure, retryLimitsFor, withRetry } from '../cdf/retry.js';
import type { Digest } from './archive.js';

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

/**
 * One request to a pre-signed URL with node:http (web fetch streams cost a third of the
 * throughput on large files). Resolves with the response once its status is a success;
 * any other status becomes an error carrying Retry-After.
 */
function send(client: CogniteClient, target: string, method: 'PUT' | 'GET', headers: Record<string, string>, body?: NodeJS.ReadableStream): Promise<http.IncomingMessage> {
  const url = new URL(target, client.getBaseUrl());
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, { method, headers: { ...headers, ...authHeaders(client, target) } });
    request.on('error', reject);
    request.on('response', (res) => {
      if (res.statusCode && res.statusCode < 300) return resolve(res);
      let text = '';
      res.setEncoding('utf8').on('data', (d) => (text += d));
      res.on('end', () => reject(httpStatusError(res.statusCode ?? 0, text, res.headers)));
      res.on('error', reject);
    });
    if (body) pipeline(body, request).catch(reject);
    else request.end();
  });
}

export async function uploadFile(client: CogniteClient, uploadUrl: string, file: string, size: number, mimeType: string, onProgress?: Progress): Promise<void> {
  await withRetry(
    'PUT <uploadUrl>',
    async () => {
      // Large reads and no hashing here: the sha256 is known already, and the upload should
      // run at the speed of the socket.
      const source = createReadStream(file, { highWaterMark: 1 << 20 });
      let done = 0;
      if (onProgress) source.on('data', (chunk) => onProgress((done += chunk.length), size));
      const res = await send(client, uploadUrl, 'PUT', { 'Content-Type': mimeType, 'Content-Length': String(size) }, source);
      res.resume();
    },
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
      const res = await send(client, downloadUrl, 'GET', {});
      const total = Number(res.headers['content-length'] ?? 0) || expectedSize || 0;
      // Hash on 'data' rather than through a Transform: one stream hop less per chunk.
      const hash = createHash('sha256');
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
        onProgress?.(size, total);
      });
      const sink = dest ? createWriteStream(dest, { highWaterMark: 1 << 20 }) : new Writable({ write: (_c, _e, cb) => cb() });
      await pipeline(res, sink);
      return { sha256: hash.digest('hex'), size };
    },
    { idempotent: true, limits: retryLimitsFor(client) },
    describe,
  );
}

/** Our HTTP errors carry the Retry-After they saw. */
function describe(err: unknown) {
  return describeFailure(err, (err as { retryAfter?: string }).retryAfter);
}
