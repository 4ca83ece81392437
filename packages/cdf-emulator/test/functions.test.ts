import type { CogniteClient } from '@cognite/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/index.js';
import { callFunction, createFunction, nonce, raw, sdkClient, tokenFor, waitFor, waitForCall, waitForFunction, type CallJson, type FunctionJson } from './helpers.js';

let emu: RunningEmulator;
let client: CogniteClient;
let token: string;
const api = (path: string): string => `/api/v1/projects/${emu.project}${path}`;

const ECHO = `
import json
def handle(client, data, secrets, function_call_info):
    print("got", json.dumps(data))
    f = client.files.upload_bytes(b"from-handler", name="h.txt", external_id="from-handler/" + str(function_call_info["call_id"]))
    return {"echo": data, "secret": secrets.get("token-a"), "call": function_call_info, "file": f.external_id}
`;

beforeAll(async () => {
  emu = await startEmulator({ buildDelayMs: 20, callTimeoutMs: 3000 });
  client = sdkClient(emu);
  token = await tokenFor(emu);
});
afterAll(() => emu.stop());

describe('functions', () => {
  let echo: FunctionJson;

  it('deploys a zip: Queued, then Ready; secrets are masked', async () => {
    echo = await createFunction(client, { 'handler.py': ECHO }, { externalId: 'echo', secrets: { 'token-a': 's3cret' }, metadata: { v: '1' }, owner: 'me' });
    expect(echo).toMatchObject({ status: 'Queued', externalId: 'echo', functionPath: 'handler.py', secrets: { 'token-a': '***' }, runtime: 'py311' });
    expect(typeof echo.createdTime).toBe('number');
    const ready = await waitForFunction(client, echo.id);
    expect(ready.status).toBe('Ready');
  });

  it('never returns indexUrl / extraIndexUrls (create-only, like CDF): not on create, GET, list or byids', async () => {
    const token = 'pip-index-token-77aa';
    const fn = await createFunction(client, { 'handler.py': ECHO }, {
      externalId: 'indexed', indexUrl: `https://u:${token}@pkgs.example.com/simple`, extraIndexUrls: [`https://${token}@more.example.com/simple`],
    });
    const ready = await waitForFunction(client, fn.id);
    expect(ready.status).toBe('Ready');
    const { data: listed } = await client.post<{ items: FunctionJson[] }>(api('/functions/list'), { data: { limit: 100 } });
    const { data: byIds } = await client.post<{ items: FunctionJson[] }>(api('/functions/byids'), { data: { items: [{ id: fn.id }] } });
    for (const shown of [fn, ready, listed.items.find((f) => f.id === fn.id), byIds.items[0]]) {
      expect(shown).toBeDefined();
      expect(Object.keys(shown as object)).not.toEqual(expect.arrayContaining(['indexUrl']));
      expect(Object.keys(shown as object)).not.toEqual(expect.arrayContaining(['extraIndexUrls']));
      expect(JSON.stringify(shown)).not.toContain(token);
    }
  });

  it('calls it with a nonce: response, logs, the bound client and function_call_info', async () => {
    const call = await callFunction(client, echo.id, { x: 1 });
    expect(call).toMatchObject({ status: 'Running', functionId: echo.id });
    expect(typeof call.startTime).toBe('number');
    const done = await waitForCall(client, echo.id, call.id);
    expect(done.status, JSON.stringify(done.error)).toBe('Completed');
    expect(typeof done.endTime).toBe('number');
    const { data: resp } = await client.get<{ response: any }>(api(`/functions/${echo.id}/calls/${call.id}/response`));
    // A plain call's function_call_info has no schedule keys (CDF adds them to scheduled calls only).
    expect(Object.keys(resp.response.call).sort()).toEqual(['call_id', 'function_id']);
    expect(resp.response).toMatchObject({ echo: { x: 1 }, secret: 's3cret', call: { function_id: echo.id, call_id: call.id }, file: `from-handler/${call.id}` });
    const [written] = await client.files.retrieve([{ externalId: `from-handler/${call.id}` }]);
    expect(written.uploaded).toBe(true);
    const { data: logs } = await client.get<{ items: { timestamp: number; message: string }[] }>(api(`/functions/${echo.id}/calls/${call.id}/logs`));
    expect(logs.items.map((l) => l.message)).toContain('got {"x": 1}');
    const listed = await client.post<{ items: CallJson[] }>(api(`/functions/${echo.id}/calls/list`), { data: { filter: { status: 'Completed' }, limit: 10 } });
    expect(listed.data.items.map((c) => c.id)).toContain(call.id);
    const byIds = await client.post<{ items: CallJson[] }>(api(`/functions/${echo.id}/calls/byids`), { data: { items: [{ id: call.id }] } });
    expect(byIds.data.items[0].status).toBe('Completed');
  });

  it('requires a nonce, and a nonce is single-use', async () => {
    const missing = await raw(emu, token, 'POST', `/functions/${echo.id}/call`, { data: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/nonce/);
    const n = await nonce(client);
    expect((await raw(emu, token, 'POST', `/functions/${echo.id}/call`, { data: {}, nonce: n })).status).toBe(201);
    const reused = await raw(emu, token, 'POST', `/functions/${echo.id}/call`, { data: {}, nonce: n });
    expect(reused.status).toBe(400);
    expect((await raw(emu, token, 'POST', '/functions/999/call', { nonce: n })).status).toBe(404);
  });

  it('lists, retrieves by ids (≤10, missing) and refuses a duplicated externalId', async () => {
    const listed = await client.post<{ items: FunctionJson[] }>(api('/functions/list'), { data: { filter: { externalIdPrefix: 'ech', status: 'Ready' }, limit: 10 } });
    expect(listed.data.items.map((f) => f.id)).toEqual([echo.id]);
    expect((await client.get<{ items: FunctionJson[] }>(api('/functions'), { params: { limit: 5 } })).data.items.length).toBeGreaterThan(0);
    const missing = await raw(emu, token, 'POST', '/functions/byids', { items: [{ externalId: 'echo' }, { id: 7 }] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.missing).toEqual([{ id: 7 }]);
    const ignored = await raw(emu, token, 'POST', '/functions/byids', { items: [{ externalId: 'echo' }, { id: 7 }], ignoreUnknownIds: true });
    expect(ignored.body.items.map((f: FunctionJson) => f.id)).toEqual([echo.id]);
    expect((await raw(emu, token, 'POST', '/functions/byids', { items: Array.from({ length: 11 }, (_, i) => ({ id: i + 1 })) })).status).toBe(400);
    await expect(createFunction(client, { 'handler.py': ECHO }, { externalId: 'echo' })).rejects.toMatchObject({ status: 409, duplicated: [{ externalId: 'echo' }] });
  });

  it('validates CDF limits on create', async () => {
    const file = await client.files.upload({ name: 'code.zip' }, 'not really a zip', false, true);
    const bad = async (item: Record<string, unknown>): Promise<string> => {
      const res = await raw(emu, token, 'POST', '/functions', { items: [{ name: 'n', fileId: file.id, ...item }] });
      expect(res.status).toBe(400);
      return res.body.error.message as string;
    };
    expect(await bad({ name: 'x'.repeat(141) })).toMatch(/name/);
    expect(await bad({ description: 'x'.repeat(501) })).toMatch(/description/);
    expect(await bad({ owner: 'x'.repeat(129) })).toMatch(/owner/);
    expect(await bad({ metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])) })).toMatch(/metadata/);
    expect(await bad({ metadata: { ['k'.repeat(33)]: 'v' } })).toMatch(/metadata/);
    expect(await bad({ secrets: { UPPER: 'x' } })).toMatch(/secrets/);
    expect(await bad({ runtime: 'py39' })).toMatch(/py310/);
    expect(await bad({ fileId: 5 })).toMatch(/5/);
    const two = await raw(emu, token, 'POST', '/functions', { items: [{ name: 'a', fileId: file.id }, { name: 'b', fileId: file.id }] });
    expect(two.status).toBe(400);
    const limits = (await client.get(api('/functions/limits'))).data;
    expect(limits).toMatchObject({ runtimes: ['py310', 'py311', 'py312', 'py313', 'py314'], responseSizeMb: 1 });
    expect((await client.get(api('/functions/status'))).data).toEqual({ status: 'activated' });
  });

  it('fails the build of a zip without handler.py, with a message', async () => {
    const fn = await createFunction(client, { 'main.py': 'def handle(): pass\n' });
    const done = await waitForFunction(client, fn.id);
    expect(done.status).toBe('Failed');
    expect(done.error?.message).toMatch(/handler\.py/);
  });

  it('reports a raising handler as a Failed call with the trace', async () => {
    const fn = await createFunction(client, { 'handler.py': 'def handle(data):\n    raise ValueError("bad input " + str(data["n"]))\n' });
    expect((await waitForFunction(client, fn.id)).status).toBe('Ready');
    const call = await waitForCall(client, fn.id, (await callFunction(client, fn.id, { n: 3 })).id);
    expect(call.status).toBe('Failed');
    expect(call.error?.message).toMatch(/bad input 3/);
    expect(call.error?.trace).toMatch(/ValueError/);
  });

  it('times out a handler that sleeps past the limit, and fails oversize responses and crashes', async () => {
    const fn = await createFunction(client, {
      'handler.py': 'import time, os\ndef handle(data):\n    if data["mode"] == "sleep": time.sleep(30)\n    if data["mode"] == "big": return "x" * 1100000\n    if data["mode"] == "crash": os._exit(3)\n    return "ok"\n',
    });
    expect((await waitForFunction(client, fn.id)).status).toBe('Ready');
    const [sleep, big, crash] = await Promise.all(['sleep', 'big', 'crash'].map(async (mode) => waitForCall(client, fn.id, (await callFunction(client, fn.id, { mode })).id)));
    expect(sleep.status).toBe('Timeout');
    expect(big.status).toBe('Failed');
    expect(big.error?.message).toMatch(/limit is 1 MB/);
    expect(crash.status).toBe('Failed');
    expect(crash.error?.message).toMatch(/exit code 3/);
  });

  it('runs schedules on their cron with the schedule id, serves input_data, and deletes them with the function', async () => {
    const fn = await createFunction(client, { 'handler.py': 'def handle(data, function_call_info):\n    return {"data": data, "info": function_call_info}\n' }, { externalId: 'scheduled' });
    expect((await waitForFunction(client, fn.id)).status).toBe('Ready');
    const created = await client.post<{ items: any[] }>(api('/functions/schedules'), {
      data: { items: [{ name: 'every second', cronExpression: '* * * * * *', functionExternalId: 'scheduled', data: { tick: true }, nonce: await nonce(client) }] },
    });
    const schedule = created.data.items[0];
    expect(schedule).toMatchObject({ name: 'every second', functionId: fn.id, cronExpression: '* * * * * *' });
    expect((await client.get(api(`/functions/schedules/${schedule.id}/input_data`))).data).toEqual({ id: schedule.id, data: { tick: true } });
    const calls = await waitFor(
      async () => (await client.post<{ items: CallJson[] }>(api(`/functions/${fn.id}/calls/list`), { data: { filter: { scheduleId: schedule.id, status: 'Completed' } } })).data.items,
      (items) => items.length > 0,
    );
    const { data } = await client.get<{ response: any }>(api(`/functions/${fn.id}/calls/${calls[0].id}/response`));
    expect(data.response.data).toEqual({ tick: true });
    expect(data.response.info.schedule_id).toBe(schedule.id);
    expect(typeof data.response.info.scheduled_time).toBe('number');
    const listed = await client.post<{ items: any[] }>(api('/functions/schedules/list'), { data: { filter: { functionId: fn.id } } });
    expect(listed.data.items.map((s) => s.id)).toEqual([schedule.id]);
    expect((await raw(emu, token, 'POST', '/functions/schedules', { items: [{ name: 's', cronExpression: 'not cron', functionId: fn.id, nonce: await nonce(client) }] })).status).toBe(400);
    expect((await raw(emu, token, 'POST', '/functions/schedules', { items: [{ name: 's', cronExpression: '0 * * * *', functionId: fn.id }] })).status).toBe(400);
    await client.post(api('/functions/delete'), { data: { items: [{ id: fn.id }] } });
    expect((await client.get<{ items: unknown[] }>(api('/functions/schedules'))).data.items).toEqual([]);
    expect((await raw(emu, token, 'GET', `/functions/${fn.id}`)).status).toBe(404);
    expect((await client.files.retrieve([{ id: fn.fileId as number }]))[0].uploaded).toBe(true);
  });
});
