/** The request log: one entry per finished request, for tests (`requests`) and `GET /_emulator/requests`. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  requestBytes: number;
  responseBytes: number;
  at: number;
}

const MAX_ENTRIES = 100_000;

/** Records the request once the response is finished. Byte counts come from content-length (what went over the wire). */
export function recordRequest(log: RequestLogEntry[], req: IncomingMessage, res: ServerResponse, path: string): void {
  const at = Date.now();
  // Reading the body here would steal it from the handler; chunked bodies count as 0.
  const requestBytes = Number(req.headers['content-length'] ?? 0);
  res.on('finish', () => {
    if (log.length >= MAX_ENTRIES) log.splice(0, log.length - MAX_ENTRIES + 1);
    log.push({ method: req.method ?? 'GET', path, status: res.statusCode, requestBytes, responseBytes: Number(res.getHeader('content-length') ?? 0), at });
  });
}
