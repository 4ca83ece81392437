import { CogniteClient } from '@cognite/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/index.js';
import { fetchToken, raw, sdkClient, tokenFor } from './helpers.js';

let emu: RunningEmulator;

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

async function federated(clientId: string, assertion: string): Promise<Response> {
  return fetch(emu.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion, scope: `${emu.url}/.default` }),
  });
}

beforeAll(async () => {
  emu = await startEmulator({
    clients: [
      { clientId: 'writer', clientSecret: 'w-secret', write: true },
      { clientId: 'reader', clientSecret: 'r-secret', write: false },
    ],
  });
});
afterAll(() => emu.stop());

describe('auth', () => {
  it('issues Entra-shaped tokens for listed clients and refuses bad secrets like Entra', async () => {
    const ok = await fetchToken(emu, 'writer', 'w-secret');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ token_type: 'Bearer', expires_in: expect.any(Number), ext_expires_in: expect.any(Number), access_token: expect.any(String) });
    const bad = await fetchToken(emu, 'writer', 'wrong');
    expect(bad.status).toBe(401);
    const body = (await bad.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_client');
    expect(body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided/);
    expect((await fetchToken(emu, 'stranger', 'x')).status).toBe(400);
  });

  it('accepts a federated client assertion with the token-exchange audience, not an expired or foreign one', async () => {
    const exp = Math.floor(Date.now() / 1000) + 300;
    expect((await federated('writer', jwt({ aud: 'api://AzureADTokenExchange', exp }))).status).toBe(200);
    expect((await federated('writer', jwt({ aud: 'https://elsewhere', exp }))).status).toBe(400);
    expect((await federated('writer', jwt({ aud: 'api://AzureADTokenExchange', exp: exp - 600 }))).status).toBe(400);
    expect((await federated('stranger', jwt({ aud: 'api://AzureADTokenExchange', exp }))).status).toBe(400);
  });

  it('answers 401 without or with an unknown bearer token, with x-request-id on every response', async () => {
    const none = await raw(emu, undefined, 'POST', '/files/list', {});
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe(401);
    expect(none.headers.get('x-request-id')).toBeTruthy();
    expect((await raw(emu, 'made-up', 'POST', '/files/list', {})).status).toBe(401);
    const sdk = new CogniteClient({ appId: 't', project: emu.project, baseUrl: emu.url, oidcTokenProvider: async () => 'made-up' });
    await expect(sdk.files.list().autoPagingToArray()).rejects.toMatchObject({ status: 401 });
  });

  it('refuses an unknown project and unknown paths', async () => {
    const token = await tokenFor(emu, 'writer', 'w-secret');
    const res = await fetch(`${emu.url}/api/v1/projects/other/files/list`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
    expect(res.status).toBe(403);
    expect((await raw(emu, token, 'GET', '/nothing/here')).status).toBe(404);
  });

  it('lets a read-only client read but not write (403)', async () => {
    const reader = sdkClient(emu, 'reader', 'r-secret');
    expect(Array.isArray(await reader.files.list().autoPagingToArray())).toBe(true);
    await expect(reader.files.upload({ name: 'x.txt' }, 'x')).rejects.toMatchObject({ status: 403 });
    const writer = sdkClient(emu, 'writer', 'w-secret');
    expect((await writer.files.upload({ name: 'x.txt' }, 'x', false, true)).uploaded).toBe(true);
  });
});

describe('data sets and sessions', () => {
  it('holds the mlops data set and supports create, byids, list, update', async () => {
    const client = sdkClient(emu, 'writer', 'w-secret');
    const [mlops] = await client.datasets.retrieve([{ externalId: 'mlops' }]);
    expect(mlops).toMatchObject({ externalId: 'mlops', writeProtected: false });
    const [created] = await client.datasets.create([{ externalId: 'ds-a', name: 'A', metadata: { team: 'x' }, writeProtected: true }]);
    expect(created).toMatchObject({ externalId: 'ds-a', writeProtected: true });
    await expect(client.datasets.create([{ externalId: 'ds-a' }])).rejects.toMatchObject({ status: 409, duplicated: [{ externalId: 'ds-a' }] });
    await expect(client.datasets.retrieve([{ externalId: 'ds-missing' }])).rejects.toMatchObject({ status: 400, missing: [{ externalId: 'ds-missing' }] });
    const listed = await client.datasets.list({ filter: { writeProtected: true } }).autoPagingToArray();
    expect(listed.map((d) => d.externalId)).toEqual(['ds-a']);
    const [updated] = await client.datasets.update([{ id: created.id, update: { description: { set: 'desc' }, metadata: { add: { more: 'y' }, remove: [] } } }]);
    expect(updated).toMatchObject({ description: 'desc', metadata: { team: 'x', more: 'y' } });
  });

  it('creates sessions from client credentials or token exchange, lists and revokes them', async () => {
    const client = sdkClient(emu, 'writer', 'w-secret');
    const [cc] = await client.sessions.create([{ clientId: 'reader', clientSecret: 'r-secret' }]);
    expect(cc).toMatchObject({ status: 'READY', nonce: expect.any(String) });
    await expect(client.sessions.create([{ clientId: 'reader', clientSecret: 'nope' }])).rejects.toMatchObject({ status: 400 });
    const [tx] = await client.sessions.create([{ tokenExchange: true }]);
    const all = await client.sessions.list().autoPagingToArray();
    expect(all.map((s) => s.id)).toEqual(expect.arrayContaining([cc.id, tx.id]));
    const [revoked] = await client.sessions.revoke([{ id: tx.id }]);
    expect(revoked.status).toBe('REVOKED');
  });
});
