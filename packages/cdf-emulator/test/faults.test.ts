import { afterEach, describe, expect, it } from 'vitest';
import { parseFaults, startEmulator, type RunningEmulator } from '../src/index.js';
import { createFunction, fetchToken, raw, sdkClient, tokenFor, waitForFunction } from './helpers.js';

const running: RunningEmulator[] = [];
async function start(options: Parameters<typeof startEmulator>[0]): Promise<RunningEmulator> {
  const emu = await startEmulator(options);
  running.push(emu);
  return emu;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
});

async function statuses(emu: RunningEmulator, n: number): Promise<number[]> {
  const token = await tokenFor(emu);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await raw(emu, token, 'POST', '/files/list', {})).status);
  return out;
}

describe('fault injection', () => {
  it('injects 429s reproducibly for a seed, with a CDF body and Retry-After, sparing the token endpoint', async () => {
    const a = await statuses(await start({ faults: '429:0.3', seed: 7 }), 40);
    const b = await statuses(await start({ faults: '429:0.3', seed: 7 }), 40);
    const c = await statuses(await start({ faults: '429:0.3', seed: 8 }), 40);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.filter((s) => s === 429).length).toBeGreaterThan(3);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(20);
    const emu = running[0];
    const token = await tokenFor(emu);
    let res;
    do res = await raw(emu, token, 'POST', '/files/list', {});
    while (res.status !== 429);
    expect(res.body.error).toMatchObject({ code: 429, message: expect.stringMatching(/Too many requests/) });
    expect(res.headers.get('retry-after')).toBe('1');
  });

  it('lets the official SDK complete under 429s (it retries them) and counts the requests', async () => {
    const emu = await start({ faults: '429:0.2', seed: 3 });
    const client = sdkClient(emu);
    for (let i = 0; i < 5; i++) await client.files.upload({ name: `f${i}`, externalId: `f${i}` }, 'x');
    expect(await client.files.list().autoPagingToArray()).toHaveLength(5);
    expect(emu.requests.some((r) => r.status === 429)).toBe(true);
    expect(emu.requests.every((r) => typeof r.requestBytes === 'number' && r.at > 0)).toBe(true);
  });

  it('can be changed at run time, adds latency, and fails builds on build-fail', async () => {
    const emu = await start({ buildDelayMs: 10 });
    const token = await tokenFor(emu);
    emu.setFaults('503:1');
    expect((await raw(emu, token, 'POST', '/files/list', {})).status).toBe(503);
    expect((await fetchToken(emu)).status).toBe(200);
    emu.setFaults('503:1,token');
    expect((await fetchToken(emu)).status).toBe(503);
    emu.setFaults('latency:150ms');
    const t0 = Date.now();
    expect((await raw(emu, token, 'POST', '/files/list', {})).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    emu.setFaults('build-fail:1');
    const client = sdkClient(emu);
    const fn = await createFunction(client, { 'handler.py': 'def handle(): return 1\n' });
    const done = await waitForFunction(client, fn.id);
    expect(done.status).toBe('Failed');
    expect(done.error?.message).toMatch(/build-fail/);
    emu.setFaults(undefined);
    expect((await raw(emu, token, 'POST', '/files/list', {})).status).toBe(200);
  });

  it('exposes and clears the request log over HTTP', async () => {
    const emu = await start({});
    await statuses(emu, 2);
    const log = (await (await fetch(`${emu.url}/_emulator/requests`)).json()) as { items: { path: string; status: number }[] };
    expect(log.items.filter((r) => r.path.endsWith('/files/list'))).toHaveLength(2);
    await fetch(`${emu.url}/_emulator/requests`, { method: 'DELETE' });
    expect(emu.requests).toHaveLength(0);
    expect(await (await fetch(`${emu.url}/_emulator/health`)).json()).toMatchObject({ status: 'ok', project: 'mlops-emulator' });
  });

  it('rejects a malformed fault spec with a clear message', () => {
    expect(() => parseFaults('429:2')).toThrow(/between 0 and 1/);
    expect(() => parseFaults('boom:1')).toThrow(/Unknown fault 'boom:1'/);
    expect(parseFaults('429:0.1,503:0.05,latency:200ms,build-fail:0.2')).toEqual({
      statuses: [{ status: 429, rate: 0.1 }, { status: 503, rate: 0.05 }], latencyMs: 200, buildFailRate: 0.2, token: false,
    });
  });
});
