import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCdfClient, resolveCdfConfig, retrieveFunction } from '@akerbp-mlops/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli.js';
import { deployTiny } from './helpers/tiny-function.js';

describe('mlops functions', () => {
  let emu: RunningEmulator;
  let out = '';
  const saved = { ...process.env };

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 20, callTimeoutMs: 20_000 });
    Object.assign(process.env, {
      COGNITE_PROJECT: emu.project, COGNITE_OIDC_BASE_URL: emu.url, COGNITE_TOKEN_URL: emu.tokenUrl,
      COGNITE_CLIENT_ID_WRITE: 'w', COGNITE_CLIENT_SECRET_WRITE: 's',
    });
    await deployTiny(await createCdfClient(resolveCdfConfig({}), { access: 'write' }), 'test', [1, 2]);
  });
  afterAll(async () => {
    process.env = saved;
    await emu?.stop();
  });
  beforeEach(() => {
    out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it('lists, calls, calls in parallel and shows logs', async () => {
    expect(await runCli(['functions', 'list', '--env', 'test'])).toBe(0);
    expect(out.split('\n').map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual(expect.arrayContaining([
      'tiny-prediction-test Ready 2', 'tiny-prediction-test-1 Ready 1', 'tiny-prediction-test-2 Ready 2',
    ]));
    out = '';
    expect(await runCli(['functions', 'list', '--tag', 'versioned'])).toBe(0);
    expect(out).not.toMatch(/tiny-prediction-test\s/);

    out = '';
    expect(await runCli(['functions', 'call', 'tiny', '--env', 'test', '--data', '{"x": 1}'])).toBe(0);
    expect(JSON.parse(out)).toEqual({ status: 'ok', version: 2, echo: { x: 1 } });
    out = '';
    expect(await runCli(['functions', 'call', 'tiny', '--env', 'test', '--version', '1', '--data', '{}'])).toBe(0);
    expect(JSON.parse(out).version).toBe(1);

    out = '';
    expect(await runCli(['functions', 'call-parallel', 'tiny-prediction-test', '--data', '[{"i": 0}, {"i": 1}, {"i": 2}]', '--concurrency', '2'])).toBe(0);
    expect(JSON.parse(out).map((o: { ok: boolean; response: { echo: unknown } }) => [o.ok, o.response.echo])).toEqual([[true, { i: 0 }], [true, { i: 1 }], [true, { i: 2 }]]);

    out = '';
    expect(await runCli(['functions', 'logs', 'tiny-prediction-test'])).toBe(0);
    expect(out).toContain('tiny v2 called');
    expect(await runCli(['functions', 'call', 'tiny', '--data', '{}'])).toBe(2);
    await expect(runCli(['functions', 'call', 'tiny-prediction-test', '--data', '{bad'])).rejects.toThrow(/--data is not valid JSON/);
  });

  it('rolls back, redeploys and deletes (only when confirmed)', async () => {
    expect(await runCli(['functions', 'rollback', 'tiny', '--env', 'test', '--to', '1'])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ externalId: 'tiny-prediction-test', previousVersion: 2, version: 1, smokeTest: { status: 'ok' } });
    out = '';
    await runCli(['functions', 'call', 'tiny-prediction-test', '--data', '{}']);
    expect(JSON.parse(out).version).toBe(1);

    // The smoke call carries --test-payload (a keep-warm {} would never reach the model).
    const payload = join(mkdtempSync(join(tmpdir(), 'rollback-payload-')), 'payload.json');
    writeFileSync(payload, JSON.stringify({ data: { x: [7] } }));
    out = '';
    expect(await runCli(['functions', 'rollback', 'tiny', '--env', 'test', '--to', '2', '--test-payload', payload])).toBe(0);
    const client = await createCdfClient(resolveCdfConfig({}), { access: 'write' });
    const latest = await retrieveFunction(client, { externalId: 'tiny-prediction-test' });
    const calls = await client.post<{ items: { id: number }[] }>(`/api/v1/projects/${emu.project}/functions/${latest!.id}/calls/list`, { data: { limit: 10 } });
    const answer = await client.get<{ response: { echo: unknown } }>(`/api/v1/projects/${emu.project}/functions/${latest!.id}/calls/${calls.data.items[0].id}/response`);
    expect(answer.data.response.echo).toEqual({ data: { x: [7] } });
    await expect(runCli(['functions', 'rollback', 'tiny', '--env', 'test', '--to', '1', '--test-payload', `${payload}.missing`])).rejects.toThrow(/--test-payload: cannot read .*payload\.json\.missing/);
    expect(await runCli(['functions', 'rollback', 'tiny', '--env', 'test', '--to', '1'])).toBe(0);

    out = '';
    expect(await runCli(['functions', 'redeploy', 'tiny-prediction-test-2', '--no-smoke-test'])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ externalId: 'tiny-prediction-test-2', version: 2, smokeTest: null });

    expect(await runCli(['functions', 'delete', 'tiny-prediction-test-2'])).toBe(2);
    expect(await runCli(['functions', 'delete', 'tiny-prediction-test-2', '--yes'])).toBe(0);
    out = '';
    await runCli(['functions', 'list', '--env', 'test']);
    expect(out).not.toContain('tiny-prediction-test-2');
    await expect(runCli(['functions', 'rollback', 'tiny', '--env', 'test', '--to', '2'])).rejects.toThrow(/Cannot roll back tiny-prediction-test: no kept deployment of version 2/);
  });
});
