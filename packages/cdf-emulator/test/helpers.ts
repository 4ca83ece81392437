/** Test helpers: official-SDK clients with client-credentials tokens, handler zips, polling. */
import { CogniteClient } from '@cognite/sdk';
import yazl from 'yazl';
import type { RunningEmulator } from '../src/index.js';

export async function fetchToken(emu: RunningEmulator, clientId = 'test-client', clientSecret = 'test-secret'): Promise<Response> {
  return fetch(emu.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: `${emu.url}/.default` }),
  });
}

export async function tokenFor(emu: RunningEmulator, clientId?: string, clientSecret?: string): Promise<string> {
  const res = await fetchToken(emu, clientId, clientSecret);
  if (!res.ok) throw new Error(`token endpoint answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A CogniteClient that authenticates the way production does: client credentials through the token endpoint. */
export function sdkClient(emu: RunningEmulator, clientId?: string, clientSecret?: string): CogniteClient {
  return new CogniteClient({ appId: 'emulator-test', project: emu.project, baseUrl: emu.url, oidcTokenProvider: () => tokenFor(emu, clientId, clientSecret) });
}

export function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name, { mtime: new Date(2020, 0, 1) });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

export async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface FunctionJson {
  id: number;
  externalId?: string;
  status: string;
  error?: { message: string; trace?: string };
  [k: string]: unknown;
}
export interface CallJson {
  id: number;
  status: string;
  functionId: number;
  scheduleId?: number;
  error?: { message: string; trace?: string };
  [k: string]: unknown;
}

/** Uploads `files` as a zip and creates a function from it (the CDF API flow, over client.post). */
export async function createFunction(client: CogniteClient, files: Record<string, string>, item: Record<string, unknown> = {}): Promise<FunctionJson> {
  const name = (item.name as string | undefined) ?? `fn-${Math.random().toString(36).slice(2, 8)}`;
  const file = await client.files.upload({ name: `${name}.zip`, mimeType: 'application/zip' }, await zipOf(files));
  const res = await client.post<{ items: FunctionJson[] }>(`/api/v1/projects/${client.project}/functions`, { data: { items: [{ name, fileId: file.id, ...item }] } });
  return res.data.items[0];
}

export async function functionStatus(client: CogniteClient, id: number): Promise<FunctionJson> {
  return (await client.get<FunctionJson>(`/api/v1/projects/${client.project}/functions/${id}`)).data;
}

export async function waitForFunction(client: CogniteClient, id: number): Promise<FunctionJson> {
  return waitFor(() => functionStatus(client, id), (f) => f.status === 'Ready' || f.status === 'Failed');
}

export async function nonce(client: CogniteClient): Promise<string> {
  const [session] = await client.sessions.create([{ tokenExchange: true }]);
  return session.nonce;
}

export async function callFunction(client: CogniteClient, id: number, data: unknown): Promise<CallJson> {
  const res = await client.post<CallJson>(`/api/v1/projects/${client.project}/functions/${id}/call`, { data: { data, nonce: await nonce(client) } });
  return res.data;
}

export async function waitForCall(client: CogniteClient, fnId: number, callId: number): Promise<CallJson> {
  return waitFor(
    async () => (await client.get<CallJson>(`/api/v1/projects/${client.project}/functions/${fnId}/calls/${callId}`)).data,
    (c) => c.status !== 'Running',
  );
}

/** Status and body of a raw API request (for asserting error shapes the SDK would throw on). */
export async function raw(emu: RunningEmulator, token: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${emu.url}/api/v1/projects/${emu.project}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
