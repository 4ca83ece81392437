/**
 * The emulator answers the requests Cognite's SDKs send, as CDF does. Bodies below are the ones
 * cognite-sdk-python 8.x builds (cognite/client/_api/functions/schedules.py, _api/files.py,
 * _api/iam/sessions.py, _api/iam/token.py, data_classes/functions.py), sent through
 * `@cognite/sdk`'s authenticated `client.get/post` (the npm SDK has no Functions API) or its
 * typed Files and sessions APIs.
 */
import type { CogniteClient } from '@cognite/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/index.js';
import { callFunction, createFunction, nonce, raw, sdkClient, tokenFor, waitFor, waitForCall, waitForFunction, type CallJson, type FunctionJson } from './helpers.js';

let emu: RunningEmulator;
let client: CogniteClient;
let token: string;
const api = (path: string, e = emu): string => `/api/v1/projects/${e.project}${path}`;
const HANDLER = 'def handle(data, function_call_info):\n    return {"data": data, "info": function_call_info}\n';

beforeAll(async () => {
  emu = await startEmulator({ buildDelayMs: 20, callTimeoutMs: 5000 });
  client = sdkClient(emu);
  token = await tokenFor(emu);
});
afterAll(() => emu.stop());

/** Starts a second emulator with `options` for one test; stopped after it. */
async function withEmulator(options: EmulatorOptions, body: (e: RunningEmulator, c: CogniteClient, t: string) => Promise<void>): Promise<void> {
  const e = await startEmulator({ buildDelayMs: 20, callTimeoutMs: 5000, ...options });
  const [id, secret] = options.clients ? [options.clients[0].clientId, options.clients[0].clientSecret] : [];
  try {
    await body(e, sdkClient(e, id, secret), await tokenFor(e, id, secret));
  } finally {
    await e.stop();
  }
}

/** FunctionSchedule._load in cognite-sdk-python reads these keys with `resource[...]`: a missing one raises KeyError. */
const SCHEDULE_REQUIRED = ['id', 'name', 'createdTime', 'cronExpression', 'sessionId', 'when'];

describe('function schedules as cognite-sdk-python creates, lists and retrieves them', () => {
  it('carry sessionId and when; a revoked session fails the scheduled call', async () => {
    const fn = await createFunction(client, { 'handler.py': HANDLER }, { externalId: 'sched-target' });
    expect((await waitForFunction(client, fn.id)).status).toBe('Ready');
    // schedules.create(name=..., function_id=..., cron_expression=..., description=..., data=...): dumped FunctionScheduleWrite + nonce.
    const { data: created } = await client.post<{ items: Record<string, unknown>[] }>(api('/functions/schedules'), {
      data: { items: [{ name: 'tick', cronExpression: '* * * * * *', functionId: fn.id, description: 'every second', data: { tick: 1 }, nonce: await nonce(client) }] },
    });
    const schedule = created.items[0];
    for (const key of SCHEDULE_REQUIRED) expect(schedule, key).toHaveProperty(key);
    expect(typeof schedule.sessionId).toBe('number');
    expect(schedule.when).toMatch(/second/i);
    expect(schedule).not.toHaveProperty('data');
    // schedules.list(function_id=...) and schedules.retrieve(id=...)
    const { data: listed } = await client.post<{ items: Record<string, unknown>[] }>(api('/functions/schedules/list'), { data: { filter: { functionId: fn.id }, limit: 25 } });
    const { data: byIds } = await client.post<{ items: Record<string, unknown>[] }>(api('/functions/schedules/byids'), { data: { items: [{ id: schedule.id }], ignoreUnknownIds: false } });
    for (const item of [...listed.items, ...byIds.items]) for (const key of SCHEDULE_REQUIRED) expect(item, key).toHaveProperty(key);
    // The scheduled call's function_call_info carries the schedule keys.
    const [first] = await waitFor(
      async () => (await client.post<{ items: CallJson[] }>(api(`/functions/${fn.id}/calls/list`), { data: { filter: { scheduleId: schedule.id, status: 'Completed' }, limit: 25 } })).data.items,
      (items) => items.length > 0,
    );
    const { data: resp } = await client.get<{ response: any }>(api(`/functions/${fn.id}/calls/${first.id}/response`));
    expect(resp.response.info).toMatchObject({ function_id: fn.id, schedule_id: schedule.id, scheduled_time: expect.any(Number) });
    // The schedule runs with its session: once revoked, its calls fail.
    await client.sessions.revoke([{ id: schedule.sessionId as number }]);
    const failed = await waitFor(
      async () => (await client.post<{ items: CallJson[] }>(api(`/functions/${fn.id}/calls/list`), { data: { filter: { scheduleId: schedule.id, status: 'Failed' }, limit: 25 } })).data.items,
      (items) => items.length > 0,
    );
    expect(failed[0].error?.message).toMatch(/revoked/);
    await client.post(api('/functions/schedules/delete'), { data: { items: [{ id: schedule.id }] } });
  });
});

describe('sessions: nonce and session lifetimes are separate settings', () => {
  it('a nonce expires after nonceTtlMs while its session lives on', async () => {
    await withEmulator({ nonceTtlMs: 150 }, async (e, c, t) => {
      const fn = await createFunction(c, { 'handler.py': HANDLER });
      expect((await waitForFunction(c, fn.id)).status).toBe('Ready');
      const [bound] = await c.sessions.create([{ tokenExchange: true }]);
      const [stale] = await c.sessions.create([{ tokenExchange: true }]);
      expect((await raw(e, t, 'POST', `/functions/${fn.id}/call`, { nonce: bound.nonce })).status).toBe(201);
      await new Promise((r) => setTimeout(r, 300));
      const late = await raw(e, t, 'POST', `/functions/${fn.id}/call`, { nonce: stale.nonce });
      expect(late.status).toBe(400);
      expect(late.body.error.message).toMatch(/expired/);
      const [session] = await c.sessions.retrieve([{ id: bound.id }]);
      expect(session.status).toBe('ACTIVE');
    });
  });

  it('a token-exchange session ends with its token; ONESHOT_TOKEN_EXCHANGE sessions bind a call', async () => {
    const { data } = await client.post<{ items: { id: number; nonce: string; type: string; status: string }[] }>(api('/sessions'), { data: { items: [{ oneshotTokenExchange: true }] } });
    expect(data.items[0]).toMatchObject({ type: 'ONESHOT_TOKEN_EXCHANGE', status: 'READY', nonce: expect.any(String) });
    const fn = await createFunction(client, { 'handler.py': HANDLER });
    expect((await waitForFunction(client, fn.id)).status).toBe('Ready');
    const call = await raw(emu, token, 'POST', `/functions/${fn.id}/call`, { data: { a: 1 }, nonce: data.items[0].nonce });
    expect(call.status).toBe(201);
    const [exchange] = await client.sessions.create([{ tokenExchange: true }]);
    const [info] = await client.sessions.retrieve([{ id: exchange.id }]);
    // tokens live 3599 s: the session may not outlive its token.
    expect(info.expirationTime! - info.creationTime!).toBeLessThanOrEqual(3600 * 1000);
    const [cc] = await client.sessions.create([{ clientId: 'svc', clientSecret: 'x' }]);
    const [ccInfo] = await client.sessions.retrieve([{ id: cc.id }]);
    expect(ccInfo.expirationTime! - ccInfo.creationTime!).toBeGreaterThan(24 * 3600 * 1000);
  });
});

describe('functions: limits and defaults as CDF documents them', () => {
  it('sets lastCalled after a call', async () => {
    const fn = await createFunction(client, { 'handler.py': HANDLER });
    expect((await waitForFunction(client, fn.id)).status).toBe('Ready');
    expect(fn.lastCalled).toBeUndefined();
    const call = await callFunction(client, fn.id, { x: 1 });
    await waitForCall(client, fn.id, call.id);
    const { data } = await client.post<{ items: FunctionJson[] }>(api('/functions/byids'), { data: { items: [{ id: fn.id }], ignoreUnknownIds: true } });
    expect(data.items[0].lastCalled).toBe(call.startTime);
  });

  it('refuses reserved secret keys and secrets over 25 kB', async () => {
    const file = await client.files.upload({ name: 'code.zip' }, 'zip', false, true);
    const create = (secrets: Record<string, string>) => raw(emu, token, 'POST', '/functions', { items: [{ name: 's', fileId: file.id, secrets }] });
    for (const key of ['token', 'indexUrl', 'extraIndexUrls']) {
      const res = await create({ [key]: 'v' });
      expect(res.status, key).toBe(400);
      expect(res.body.error.message).toMatch(new RegExp(`'${key}'`));
    }
    const big = await create({ big: 'x'.repeat(25 * 1024 - 3 + 1) });
    expect(big.status).toBe(400);
    expect(big.body.error.message).toMatch(/25600 bytes/);
    // Two secrets of just under 25 kB each pass: the limit is per secret.
    const ok = await create({ a: 'x'.repeat(25 * 1024 - 1), b: 'y'.repeat(25 * 1024 - 1) });
    expect(ok.status).toBe(201);
  });

  it('offers py310–py314 by default and the runtimes given', async () => {
    expect((await client.get<{ runtimes: string[] }>(api('/functions/limits'))).data.runtimes).toEqual(['py310', 'py311', 'py312', 'py313', 'py314']);
    await withEmulator({ runtimes: ['py312', 'py313'] }, async (e, c, t) => {
      expect((await c.get<{ runtimes: string[] }>(api('/functions/limits', e))).data.runtimes).toEqual(['py312', 'py313']);
      const file = await c.files.upload({ name: 'code.zip' }, 'zip', false, true);
      const refused = await raw(e, t, 'POST', '/functions', { items: [{ name: 'r', fileId: file.id, runtime: 'py311' }] });
      expect(refused.body.error.message).toMatch(/py312, py313/);
      const defaulted = await raw(e, t, 'POST', '/functions', { items: [{ name: 'r', fileId: file.id }] });
      expect(defaulted.body.items[0].runtime).toBe('py312');
    });
  });

  it('on azure accepts any cpu/memory and uses the default; on gcp refuses values out of range', async () => {
    const file = await client.files.upload({ name: 'code.zip' }, 'zip', false, true);
    // functions.create(..., cpu=0.5, memory=2) sends them as numbers.
    const azure = await raw(emu, token, 'POST', '/functions', { items: [{ name: 'az', fileId: file.id, cpu: 0.5, memory: 2, description: '', owner: '', envVars: null, metadata: null }] });
    expect(azure.status).toBe(201);
    expect(azure.body.items[0]).toMatchObject({ cpu: 1, memory: 1.5 });
    expect((await client.get(api('/functions/limits'))).data).toMatchObject({ cpuCores: { min: 1, max: 1, default: 1 }, memoryGb: { min: 1.5, max: 1.5, default: 1.5 } });
    await withEmulator({ cloud: 'gcp' }, async (e, c, t) => {
      const f = await c.files.upload({ name: 'code.zip' }, 'zip', false, true);
      expect((await raw(e, t, 'POST', '/functions', { items: [{ name: 'g', fileId: f.id, cpu: 4 }] })).status).toBe(400);
      expect((await raw(e, t, 'POST', '/functions', { items: [{ name: 'g', fileId: f.id, cpu: 2, memory: 4 }] })).body.items[0]).toMatchObject({ cpu: 2, memory: 4 });
    });
  });

  it('limits a call payload per cloud (azure 36 kB, aws 240 kB, gcp 9 MB)', async () => {
    const fn = await createFunction(client, { 'handler.py': HANDLER });
    expect((await waitForFunction(client, fn.id)).status).toBe('Ready');
    const payload = { blob: 'x'.repeat(40_000) };
    const refused = await raw(emu, token, 'POST', `/functions/${fn.id}/call`, { data: payload, nonce: await nonce(client) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/36000 bytes/);
    await withEmulator({ cloud: 'aws' }, async (e, c, t) => {
      const f = await createFunction(c, { 'handler.py': HANDLER });
      expect((await waitForFunction(c, f.id)).status).toBe('Ready');
      expect((await raw(e, t, 'POST', `/functions/${f.id}/call`, { data: payload, nonce: await nonce(c) })).status).toBe(201);
      expect((await raw(e, t, 'POST', `/functions/${f.id}/call`, { data: { blob: 'x'.repeat(250_000) }, nonce: await nonce(c) })).status).toBe(400);
    });
  });

  it('enforces the function quota (--max-functions)', async () => {
    await withEmulator({ maxFunctions: 1 }, async (e, c, t) => {
      const f = await c.files.upload({ name: 'code.zip' }, 'zip', false, true);
      expect((await raw(e, t, 'POST', '/functions', { items: [{ name: 'one', fileId: f.id }] })).status).toBe(201);
      const second = await raw(e, t, 'POST', '/functions', { items: [{ name: 'two', fileId: f.id }] });
      expect(second.status).toBe(400);
      expect(second.body.error.message).toMatch(/most CDF allows \(1\)/);
    });
  });
});

describe('files: search, aggregate, uploadlink, partitions, replace-mode update', () => {
  beforeAll(async () => {
    for (let i = 0; i < 12; i++) await client.files.upload({ name: `report ${i % 3 === 0 ? 'alpha' : 'beta'} ${i}.csv`, externalId: `part/${i}`, source: 'part' }, `v${i}`);
  });

  it('search (files.search(name=...)) and aggregate (files.aggregate(filter=...))', async () => {
    const { data: found } = await client.post<{ items: { name: string }[] }>(api('/files/search'), { data: { search: { name: 'alpha' }, filter: { source: 'part' }, limit: 100 } });
    expect(found.items.map((f) => f.name).sort()).toEqual(['report alpha 0.csv', 'report alpha 3.csv', 'report alpha 6.csv', 'report alpha 9.csv']);
    const typed = await client.files.search({ search: { name: 'beta' }, filter: { source: 'part' } });
    expect(typed).toHaveLength(8);
    const { data: agg } = await client.post<{ items: { count: number }[] }>(api('/files/aggregate'), { data: { filter: { source: 'part' } } });
    expect(agg.items).toEqual([{ count: 12 }]);
    expect(await client.files.aggregate({ filter: { source: 'part' } })).toEqual([{ count: 12 }]);
  });

  it('partition "m/n" returns every file exactly once across the n partitions', async () => {
    const seen: string[] = [];
    for (let m = 1; m <= 3; m++) {
      // files.list(partitions=3) sends {"filter", "limit", "cursor", "partition": "m/3"} per partition.
      let cursor: string | undefined;
      do {
        const { data } = await client.post<{ items: { externalId: string }[]; nextCursor?: string }>(api('/files/list'), { data: { filter: { source: 'part' }, limit: 2, cursor, partition: `${m}/3` } });
        seen.push(...data.items.map((f) => f.externalId));
        cursor = data.nextCursor;
      } while (cursor);
    }
    expect(seen.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `part/${i}`).sort());
    expect((await raw(emu, token, 'POST', '/files/list', { partition: '4/3' })).status).toBe(400);
  });

  it('uploadlink (files.upload_content_bytes) uploads to an existing file', async () => {
    const meta = await client.files.upload({ name: 'later.bin', externalId: 'later' });
    const { data } = await client.post<{ items: { uploadUrl: string; externalId: string }[] }>(api('/files/uploadlink'), { data: { items: [{ externalId: 'later' }] } });
    expect(data.items[0]).toMatchObject({ externalId: 'later', uploadUrl: expect.stringContaining(emu.url) });
    expect((await fetch(data.items[0].uploadUrl, { method: 'PUT', body: 'content' })).status).toBe(200);
    const [file] = await client.files.retrieve([{ id: meta.id }]);
    expect(file.uploaded).toBe(true);
  });

  it('update in replace mode: every field the SDK sends, geoLocation null included', async () => {
    const file = await client.files.upload({ name: 'geo.txt', externalId: 'geo', directory: '/d', metadata: { a: '1' }, source: 's' }, 'x');
    // files.update(FileMetadata(...), mode="replace") → set for given fields, setNull/empty set for the rest.
    const update = {
      externalId: { set: 'geo' }, directory: { setNull: true }, source: { setNull: true }, mimeType: { set: 'text/plain' }, metadata: { set: {} },
      assetIds: { set: [] }, sourceCreatedTime: { setNull: true }, sourceModifiedTime: { setNull: true }, dataSetId: { setNull: true },
      securityCategories: { set: [] }, labels: { set: [] }, geoLocation: { setNull: true },
    };
    const { data } = await client.post<{ items: Record<string, unknown>[] }>(api('/files/update'), { data: { items: [{ id: file.id, update }] } });
    expect(data.items[0]).toMatchObject({ id: file.id, externalId: 'geo', mimeType: 'text/plain', metadata: {} });
    expect(data.items[0]).not.toHaveProperty('directory');
    expect(data.items[0]).not.toHaveProperty('source');
    const point = { type: 'Feature', geometry: { type: 'Point', coordinates: [5.3, 60.4] } };
    const { data: geo } = await client.post<{ items: Record<string, unknown>[] }>(api('/files/update'), { data: { items: [{ id: file.id, update: { geoLocation: { set: point } } }] } });
    expect(geo.items[0].geoLocation).toEqual(point);
  });
});

describe('auth: Entra-shaped token endpoint for any tenant, token/inspect', () => {
  const form = (secret: string): URLSearchParams => new URLSearchParams({ grant_type: 'client_credentials', client_id: 'svc', client_secret: secret, scope: `${emu.url}/.default` });

  it('serves /{tenant}/oauth2/v2.0/token for GUIDs and names', async () => {
    for (const tenant of ['3b8a5c2e-0d2f-4a8e-9f1b-6c1d2e3f4a5b', 'contoso.onmicrosoft.com', 'common']) {
      const res = await fetch(`${emu.url}/${tenant}/oauth2/v2.0/token`, { method: 'POST', body: form('s') });
      expect(res.status, tenant).toBe(200);
      expect(await res.json()).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });
    }
  });

  it('answers errors in Entra ID shape', async () => {
    await withEmulator({ clients: [{ clientId: 'svc', clientSecret: 'right', write: true }] }, async (e) => {
      const res = await fetch(`${e.url}/my-tenant/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' }) });
      expect(res.status).toBe(400);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016], trace_id: expect.any(String), correlation_id: expect.any(String), timestamp: expect.any(String) });
      expect(body.error_description).toMatch(/directory 'my-tenant'/);
      const get = await fetch(`${e.url}/my-tenant/oauth2/v2.0/token`);
      expect(get.status).toBe(405);
      expect(await get.json()).toMatchObject({ error: 'invalid_request', error_description: expect.any(String) });
    });
  });

  it('GET /api/v1/token/inspect (iam.token.inspect()) names the project', async () => {
    await client.authenticate(); // the JS SDK never re-authenticates on a 401 from token/inspect
    const { data } = await client.get<{ subject: string; projects: { projectUrlName: string; groups: number[] }[]; capabilities: Record<string, unknown>[] }>('/api/v1/token/inspect');
    expect(data.subject).toBe('test-client');
    expect(data.projects).toEqual([{ projectUrlName: emu.project, groups: [] }]);
    expect(data.capabilities.some((c) => 'functionsAcl' in c)).toBe(true);
    expect((await fetch(`${emu.url}/api/v1/token/inspect`)).status).toBe(401);
  });
});
