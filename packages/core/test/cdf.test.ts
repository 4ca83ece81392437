import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipOf } from '../../cdf-emulator/test/helpers.js';
import {
  CdfApiError,
  MlopsError,
  applyKeepWarm,
  callFunction,
  checkRuntimeOffered,
  createCdfClient,
  createFunction,
  createSchedule,
  createSession,
  deleteFunctions,
  deleteSchedules,
  functionsLimits,
  listFunctions,
  listSchedules,
  resolveCdfConfig,
  retrieveFunction,
  retrieveFunctions,
  scheduleInputData,
  tokenProviderOf,
  waitForReady,
  type CdfConfig,
  type Logger,
} from '@akerbp-mlops/core';

function recordingLogger(): Logger & { secrets: string[]; lines: string[] } {
  const secrets: string[] = [];
  const lines: string[] = [];
  return {
    secrets,
    lines,
    debug: (m) => lines.push(m),
    info: (m) => lines.push(m),
    warning: (m) => lines.push(m),
    error: (m) => lines.push(m),
    group: (_t, fn) => fn(),
    secret: (v) => secrets.push(v),
  };
}

function emulatorEnv(emu: RunningEmulator, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    COGNITE_PROJECT: emu.project,
    COGNITE_OIDC_BASE_URL: emu.url,
    COGNITE_TOKEN_URL: emu.tokenUrl,
    COGNITE_CLIENT_ID_WRITE: 'writer',
    COGNITE_CLIENT_SECRET_WRITE: 'writer-secret',
    ...extra,
  };
}

describe('resolveCdfConfig', () => {
  it('lists every missing input and environment variable at once', () => {
    let error: unknown;
    try {
      resolveCdfConfig({}, {});
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(MlopsError);
    const message = (error as MlopsError).message;
    for (const name of ['cdf-project', 'cdf-base-url', 'tenant-id', 'client-id', 'client-secret']) expect(message).toContain(name);
    const problems = (error as MlopsError).problems.map((p) => p.message).join('\n');
    for (const v of ['COGNITE_PROJECT', 'COGNITE_OIDC_BASE_URL', 'COGNITE_TENANT_ID', 'COGNITE_CLIENT_ID_WRITE', 'COGNITE_CLIENT_SECRET_WRITE']) expect(problems).toContain(v);
  });

  it('falls back to the environment, derives the Entra token URL and scope, and masks secrets first', () => {
    const log = recordingLogger();
    const config = resolveCdfConfig({ 'cdf-project': 'from-input' }, {
      COGNITE_PROJECT: 'ignored',
      COGNITE_OIDC_BASE_URL: 'https://api.cognitedata.com/',
      COGNITE_TENANT_ID: 'tenant-1',
      COGNITE_CLIENT_ID_WRITE: 'w',
      COGNITE_CLIENT_SECRET_WRITE: 'w-secret',
      COGNITE_CLIENT_ID_READ: 'r',
      COGNITE_CLIENT_SECRET_READ: 'r-secret',
    }, log);
    expect(config).toMatchObject({
      project: 'from-input',
      baseUrl: 'https://api.cognitedata.com',
      tokenUrl: 'https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token',
      scopes: ['https://api.cognitedata.com/.default'],
      write: { clientId: 'w', clientSecret: 'w-secret' },
      read: { clientId: 'r', clientSecret: 'r-secret' },
      useOidc: false,
    });
    expect(log.secrets).toEqual(expect.arrayContaining(['w-secret', 'r-secret']));
  });

  it('needs no secret with use-oidc, and refuses projects outside allowed-cdf-projects', () => {
    const env = { COGNITE_OIDC_BASE_URL: 'https://x.cognitedata.com', COGNITE_TOKEN_URL: 'https://t/token', COGNITE_CLIENT_ID_WRITE: 'w' };
    expect(resolveCdfConfig({ 'cdf-project': 'p', 'use-oidc': 'true' }, env).useOidc).toBe(true);
    expect(() => resolveCdfConfig({ 'cdf-project': 'p' }, env)).toThrow(/missing client-secret \(COGNITE_CLIENT_SECRET_WRITE\)\./);
    expect(() => resolveCdfConfig({ 'cdf-project': 'prod-project', 'use-oidc': 'true', 'allowed-cdf-projects': 'dev-project, test-project' }, env))
      .toThrow(/"prod-project" is not in allowed-cdf-projects \(dev-project, test-project\)/);
  });
});

describe('CDF client against the emulator', () => {
  let emu: RunningEmulator;
  let config: CdfConfig;

  beforeAll(async () => {
    emu = await startEmulator({
      buildDelayMs: 50,
      clients: [
        { clientId: 'writer', clientSecret: 'writer-secret', write: true },
        { clientId: 'reader', clientSecret: 'reader-secret', write: false },
        { clientId: 'federated', write: true },
      ],
    });
    config = resolveCdfConfig({}, emulatorEnv(emu, { COGNITE_CLIENT_ID_READ: 'reader', COGNITE_CLIENT_SECRET_READ: 'reader-secret' }));
  });
  afterAll(() => emu?.stop());

  const tokenRequests = () => emu.requests.filter((r) => r.path.endsWith('/oauth2/v2.0/token')).length;

  it('fetches one token up front and reuses it, also for concurrent callers', async () => {
    const before = tokenRequests();
    const client = await createCdfClient(config, { access: 'write' });
    expect(tokenRequests() - before).toBe(1);
    await Promise.all([listFunctions(client), functionsLimits(client), client.files.list({ limit: 1 }), tokenProviderOf(client)!.getToken()]);
    await listFunctions(client);
    expect(tokenRequests() - before).toBe(1);
    // The first API call already carried the token: no 401 round trip.
    expect(emu.requests.filter((r) => r.status === 401)).toHaveLength(0);
  });

  it('uses the read client for read access, which CDF then refuses writes from', async () => {
    const reader = await createCdfClient(config, { access: 'read' });
    await expect(listFunctions(reader)).resolves.toBeInstanceOf(Array);
    const err = await createFunction(reader, { name: 'x', fileId: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(CdfApiError);
    expect(err.status).toBe(403);
  });

  it('reports a wrong secret with Entra\'s description and never the secret', async () => {
    const log = recordingLogger();
    const bad = resolveCdfConfig({}, emulatorEnv(emu, { COGNITE_CLIENT_SECRET_WRITE: 'wrong-secret-value' }), log);
    const err = await createCdfClient(bad, { access: 'write', log }).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/invalid_client: AADSTS7000215: Invalid client secret provided/);
    expect(err.message).toMatch(/Check the client id and secret/);
    expect(err.message).not.toContain('wrong-secret-value');
    expect(log.secrets).toContain('wrong-secret-value');
  });

  it('shows the message of any error body from a wrong token-url, never an object dump', async () => {
    // A CDF-shaped 404 ({"error": {"code", "message"}}) from a URL that is not a token endpoint.
    const cdfShaped = resolveCdfConfig({}, emulatorEnv(emu, { COGNITE_TOKEN_URL: `${emu.url}/not-a-token-endpoint` }));
    const err = await createCdfClient(cdfShaped, { access: 'write' }).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/CDF answered 404 to POST .*: Not found: \/not-a-token-endpoint\./);
    expect(err.message).not.toContain('[object Object]');
    // An HTML error page is cut to its text.
    const html = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body><h1>404 Not Found</h1><p>nginx</p></body></html>'));
    await new Promise<void>((r) => html.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(html.address() as AddressInfo).port}/tenant/oauth2/v2.0/token`;
      const htmlErr = await createCdfClient(resolveCdfConfig({}, emulatorEnv(emu, { COGNITE_TOKEN_URL: url })), { access: 'write' }).catch((e) => e);
      expect(htmlErr.message).toMatch(/404 Not Found nginx\./);
      expect(htmlErr.message).not.toMatch(/<html>|\[object Object\]/);
    } finally {
      html.close();
    }
  });

  it('exchanges a federated assertion (GitHub OIDC) for a token', async () => {
    const oidc = resolveCdfConfig({ 'use-oidc': 'true', 'client-id': 'federated' }, emulatorEnv(emu, { COGNITE_CLIENT_SECRET_WRITE: '' }));
    const claims = Buffer.from(JSON.stringify({ aud: 'api://AzureADTokenExchange', exp: Math.floor(Date.now() / 1000) + 300 })).toString('base64url');
    let asked = 0;
    const client = await createCdfClient(oidc, { access: 'write', getIdToken: async () => (asked++, `e30.${claims}.sig`) });
    await expect(listFunctions(client)).resolves.toBeInstanceOf(Array);
    expect(asked).toBe(1);
    await expect(createCdfClient(oidc, { access: 'write' })).rejects.toThrow(/id-token: write/);
  });

  it('deploys a handler, waits for Ready, calls it and reads response and logs', async () => {
    const client = await createCdfClient(config, { access: 'write' });
    const zip = await zipOf({ 'handler.py': 'def handle(data):\n    print("hello from handler")\n    return {"doubled": data["x"] * 2}\n' });
    const file = await client.files.upload({ name: 'fn.zip', externalId: 'cdf-test/fn.zip' }, zip, true, true);
    const created = await createFunction(client, { name: 'doubler', externalId: 'doubler', fileId: file.id, metadata: { model_id: 'm/test/1' } });
    expect(['Queued', 'Deploying']).toContain(created.status);
    const ready = await waitForReady(client, { externalId: 'doubler' }, { timeoutMs: 30_000, initialIntervalMs: 50 });
    expect(ready.status).toBe('Ready');
    const result = await callFunction(client, ready.id, { x: 21 }, { timeoutMs: 30_000 });
    expect(result.call.status).toBe('Completed');
    expect(result.response).toEqual({ doubled: 42 });
    expect(result.logs.map((l) => l.message).join('\n')).toContain('hello from handler');

    expect(await retrieveFunction(client, { externalId: 'no-such-function' })).toBeNull();
    expect((await retrieveFunctions(client, [{ id: ready.id }, { externalId: 'nope' }])).map((f) => f.id)).toEqual([ready.id]);

    const { nonce } = await createSession(client, { clientId: 'writer', clientSecret: 'writer-secret' });
    const schedule = await createSchedule(client, { name: 'nightly', cronExpression: '0 3 * * *', functionId: ready.id, data: { x: 1 }, nonce });
    expect((await listSchedules(client, { functionId: ready.id })).map((s) => s.id)).toContain(schedule.id);
    expect(await scheduleInputData(client, schedule.id)).toEqual({ x: 1 });
    await deleteSchedules(client, [schedule.id]);
    expect(await listSchedules(client, { functionId: ready.id })).toHaveLength(0);

    await deleteFunctions(client, [{ id: ready.id }]);
    expect(await retrieveFunction(client, { id: ready.id })).toBeNull();
  });

  it('makes schedule sessions with the read pair where one exists, else the write pair, else token exchange (OIDC)', async () => {
    const client = await createCdfClient(config, { access: 'write' });
    const zip = await zipOf({ 'handler.py': 'def handle(data):\n    return {"status": "ok"}\n' });
    const file = await client.files.upload({ name: 'warm.zip', externalId: 'cdf-test/warm.zip' }, zip, true, true);
    const fn = await waitForReady(client, { id: (await createFunction(client, { name: 'warm', externalId: 'warm', fileId: file.id })).id }, { timeoutMs: 30_000, initialIntervalMs: 50 });
    const sessionOfSchedule = async (c: Awaited<ReturnType<typeof createCdfClient>>) => {
      await applyKeepWarm(c, fn, null);
      await applyKeepWarm(c, fn, '0 6 * * *');
      const [schedule] = await c.post<{ items: { sessionId: number }[] }>(`/api/v1/projects/${emu.project}/functions/schedules/list`, { data: { filter: { functionId: fn.id } } }).then((r) => r.data.items);
      const [session] = await c.sessions.retrieve([{ id: schedule.sessionId }]);
      return { clientId: session.clientId, type: session.type };
    };
    expect(await sessionOfSchedule(client)).toEqual({ clientId: 'reader', type: 'CLIENT_CREDENTIALS' });
    const writeOnly = await createCdfClient(resolveCdfConfig({}, emulatorEnv(emu)), { access: 'write' });
    expect(await sessionOfSchedule(writeOnly)).toEqual({ clientId: 'writer', type: 'CLIENT_CREDENTIALS' });
    const oidc = resolveCdfConfig({ 'use-oidc': 'true', 'client-id': 'federated' }, emulatorEnv(emu, { COGNITE_CLIENT_SECRET_WRITE: '' }));
    const claims = Buffer.from(JSON.stringify({ aud: 'api://AzureADTokenExchange', exp: Math.floor(Date.now() / 1000) + 300 })).toString('base64url');
    const federated = await createCdfClient(oidc, { access: 'write', getIdToken: async () => `e30.${claims}.sig` });
    expect(await sessionOfSchedule(federated)).toEqual({ clientId: 'federated', type: 'TOKEN_EXCHANGE' });
  });

  it('turns a failed build into an error carrying the build message', async () => {
    const client = await createCdfClient(config, { access: 'write' });
    const zip = await zipOf({ 'main.py': 'print(1)\n' });
    const file = await client.files.upload({ name: 'bad.zip', externalId: 'cdf-test/bad.zip' }, zip, true, true);
    const fn = await createFunction(client, { name: 'broken', externalId: 'broken', fileId: file.id });
    const err = await waitForReady(client, { id: fn.id }, { timeoutMs: 30_000, initialIntervalMs: 50 }).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/CDF could not build function \d+: .*handler\.py/);
  });
});

describe('the runtime list from GET /functions/limits', () => {
  it('refuses a model runtime the project does not offer, naming the settings file and field', async () => {
    const emu = await startEmulator({ runtimes: ['py312', 'py313'] });
    try {
      const client = await createCdfClient(resolveCdfConfig({}, emulatorEnv(emu)), { access: 'write' });
      const model = { modelName: 'm1', pythonVersion: 'py311', source: { file: 'mlops_settings.yaml', line: 3 } };
      const err = await checkRuntimeOffered(client, model).catch((e) => e);
      expect(err).toBeInstanceOf(MlopsError);
      expect(err.message).toBe('mlops_settings.yaml, line 3: model "m1": python_version py311 is not a runtime this CDF project offers (GET /functions/limits lists py312, py313).');
      expect(err.problems[0]).toMatchObject({ file: 'mlops_settings.yaml', line: 3, field: 'm1.python_version' });
      await expect(checkRuntimeOffered(client, { ...model, pythonVersion: 'py312' })).resolves.toBeUndefined();
    } finally {
      await emu.stop();
    }
  });
});

describe('retries under injected faults', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 50, seed: 7 });
  });
  afterAll(() => emu?.stop());

  const fastClient = async () => {
    const config = resolveCdfConfig({}, emulatorEnv(emu));
    return createCdfClient(config, { access: 'write', retry: { baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 12, maxElapsedMs: 5_000 } });
  };

  it('completes idempotent operations under 429 and 503', async () => {
    const client = await fastClient();
    emu.setFaults('429:0.3,503:0.3');
    try {
      for (let i = 0; i < 10; i++) {
        await listFunctions(client);
        await functionsLimits(client);
        await retrieveFunctions(client, [{ externalId: 'nothing' }]);
      }
    } finally {
      emu.setFaults(undefined);
    }
    const injected = emu.requests.filter((r) => r.status === 429 || r.status === 503);
    expect(injected.length).toBeGreaterThan(5);
  });

  it('does not retry a create under 503 and says why', async () => {
    const client = await fastClient();
    const before = emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/functions')).length;
    emu.setFaults('503:1');
    const err = await createFunction(client, { name: 'once', fileId: 1 }).catch((e) => e).finally(() => emu.setFaults(undefined));
    expect(err).toBeInstanceOf(CdfApiError);
    expect(err.status).toBe(503);
    expect(err.message).toMatch(/^CDF answered 503 to POST \/functions: .*Not retried: the request is not idempotent/);
    expect(emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/functions')).length - before).toBe(1);
  });

  it('gives up on an idempotent call within its bounds with a clear message', async () => {
    const config = resolveCdfConfig({}, emulatorEnv(emu));
    const client = await createCdfClient(config, { access: 'write', retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 4, maxElapsedMs: 2_000 } });
    emu.setFaults('503:1');
    const err = await listFunctions(client).catch((e) => e).finally(() => emu.setFaults(undefined));
    expect(err).toBeInstanceOf(CdfApiError);
    expect(err.message).toMatch(/^CDF answered 503 to POST \/functions\/list 4 times over \d+ s; giving up/);
  });

  it('retries 429 on a create (CDF did not process it)', async () => {
    const client = await fastClient();
    const zip = await zipOf({ 'handler.py': 'def handle():\n    return 1\n' });
    const file = await client.files.upload({ name: 'fn.zip', externalId: 'retry-test/fn.zip' }, zip, true, true);
    emu.setFaults('429:0.5');
    const fn = await createFunction(client, { name: 'after-429', externalId: 'after-429', fileId: file.id }).finally(() => emu.setFaults(undefined));
    expect(fn.externalId).toBe('after-429');
    expect(emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/functions') && r.status < 300)).toHaveLength(1);
  });

  it('waits as long as Retry-After says', async () => {
    const config = resolveCdfConfig({}, emulatorEnv(emu));
    const client = await createCdfClient(config, { access: 'write', retry: { baseDelayMs: 5, maxDelayMs: 5_000 } });
    const before = emu.requests.length;
    emu.setFaults('429:1');
    setTimeout(() => emu.setFaults(undefined), 300);
    const started = Date.now();
    await functionsLimits(client);
    // The emulator answers 429 with Retry-After: 1; a 5 ms backoff would have hit the fault again.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(emu.requests.slice(before).map((r) => r.status)).toEqual([429, 200]);
  });
});
