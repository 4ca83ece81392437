/**
 * What a function meets when it runs on the emulator: the `client` handed to handle() (a real
 * CogniteClient when cognite-sdk imports, else the built-in client), CDF's one-level session
 * chaining, builds that pip-install requirements offline-safely (a hand-built wheel from a
 * loopback PEP 503 index), and the runtime's interpreter.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/index.js';
import { callFunction, createFunction, sdkClient, waitForCall, waitForFunction, zipOf, type CallJson } from './helpers.js';

let emu: RunningEmulator;
let client: CogniteClient;
const api = (path: string, e = emu): string => `/api/v1/projects/${e.project}${path}`;

beforeAll(async () => {
  emu = await startEmulator({ buildDelayMs: 20, callTimeoutMs: 30_000 });
  client = sdkClient(emu);
});
afterAll(() => emu.stop());

async function run(c: CogniteClient, fnId: number, data: unknown): Promise<{ call: CallJson; response: any; logs: string[] }> {
  const call = await waitForCall(c, fnId, (await callFunction(c, fnId, data)).id);
  const { data: resp } = await c.get<{ response: any }>(`/api/v1/projects/${c.project}/functions/${fnId}/calls/${call.id}/response`);
  const { data: logs } = await c.get<{ items: { message: string }[] }>(`/api/v1/projects/${c.project}/functions/${fnId}/calls/${call.id}/logs`);
  return { call, response: resp.response, logs: logs.items.map((l) => l.message) };
}

const BUILT_IN = String.raw`
import os, tempfile
def handle(client, data):
    out = {"client": type(client).__name__}
    tmp = tempfile.mkdtemp()
    with open(os.path.join(tmp, "a.txt"), "w") as f:
        f.write("alpha")
    a = client.files.upload(os.path.join(tmp, "a.txt"), external_id="bi/a", directory="/bi", metadata={"k": "1"})
    client.files.upload_bytes(b"beta", name="b.txt", external_id="bi/b", overwrite=True)
    os.makedirs(os.path.join(tmp, "dir"))
    with open(os.path.join(tmp, "dir", "c.txt"), "w") as f:
        f.write("gamma")
    out["folder"] = [f.name for f in client.files.upload(os.path.join(tmp, "dir"), directory="/bi")]
    out["retrieved"] = sorted(f.external_id for f in client.files.retrieve_multiple(external_ids=["bi/a", "bi/b", "nope"], ignore_unknown_ids=True))
    os.makedirs(os.path.join(tmp, "dl"))
    client.files.download(os.path.join(tmp, "dl"), external_id=["bi/a", "bi/b"])
    out["downloaded"] = sorted(os.listdir(os.path.join(tmp, "dl")))
    client.files.download_to_path(os.path.join(tmp, "one.bin"), external_id="bi/b")
    out["one"] = open(os.path.join(tmp, "one.bin")).read()
    a.metadata = {"k": "2"}
    a.directory = None
    updated = client.files.update(a, mode="replace")
    out["updated"] = {"metadata": updated.metadata, "directory": updated.directory}
    client.files.delete(external_id="bi/b")
    out["deleted"] = client.files.retrieve(external_id="bi/b") is None
    target = client.functions.retrieve(external_id="double")
    out["listed"] = "double" in [f.external_id for f in client.functions.list(limit=-1)]
    call = target.call({"x": 2})
    out["call"] = {"status": call.status, "response": call.get_response()}
    out["by_xid"] = client.functions.call(external_id="double", data={"x": 5}).get_response()
    return out
`;

const CHAIN = String.raw`
def handle(client, data):
    if data["hops"] == 0:
        return {"reached": True}
    try:
        call = client.functions.call(external_id="chain", data={"hops": data["hops"] - 1})
        return {"inner": call.get_response(), "status": call.status}
    except Exception as error:
        return {"refused": str(error)}
`;

describe("handle()'s client", () => {
  it('is the built-in client when cognite-sdk cannot be imported, says so first, and covers Files and Functions with the SDK signatures', async () => {
    const double = await createFunction(client, { 'handler.py': 'def handle(data):\n    return {"double": data["x"] * 2}\n' }, { externalId: 'double' });
    const fn = await createFunction(client, { 'handler.py': BUILT_IN });
    expect((await waitForFunction(client, double.id)).status).toBe('Ready');
    expect((await waitForFunction(client, fn.id)).status).toBe('Ready');
    const { call, response, logs } = await run(client, fn.id, {});
    expect(call.status, JSON.stringify(call.error)).toBe('Completed');
    expect(logs[0]).toMatch(/cognite-sdk cannot be imported .*built-in client/);
    expect(response).toEqual({
      client: 'EmulatorClient',
      folder: ['c.txt'],
      retrieved: ['bi/a', 'bi/b'],
      downloaded: ['a.txt', 'b.txt'],
      one: 'beta',
      updated: { metadata: { k: '2' }, directory: null },
      deleted: true,
      listed: true,
      call: { status: 'Completed', response: { double: 4 } },
      by_xid: { double: 10 },
    });
  });

  it('enforces CDF one-level session chaining: a called function may not call further', async () => {
    const fn = await createFunction(client, { 'handler.py': CHAIN }, { externalId: 'chain' });
    expect((await waitForFunction(client, fn.id)).status).toBe('Ready');
    const one = await run(client, fn.id, { hops: 1 });
    expect(one.response).toEqual({ inner: { reached: true }, status: 'Completed' });
    const two = await run(client, fn.id, { hops: 2 });
    expect(two.response.inner.refused).toMatch(/chained sessions are limited to 1 level/);
  });

  it('is a real CogniteClient bound to the emulator and the call session when cognite.client imports (stub on PYTHONPATH)', async () => {
    const stub = mkdtempSync(join(tmpdir(), 'cognite-stub-'));
    mkdirSync(join(stub, 'cognite', 'client'), { recursive: true });
    writeFileSync(join(stub, 'cognite', '__init__.py'), '');
    writeFileSync(join(stub, 'cognite', 'client', '__init__.py'), [
      'CONSTRUCTED = []',
      'class ClientConfig:',
      '    def __init__(self, **kwargs):',
      '        self.kwargs = kwargs',
      'class CogniteClient:',
      '    def __init__(self, config=None):',
      '        self.config = config',
      '        CONSTRUCTED.append({"client_name": config.kwargs["client_name"], "project": config.kwargs["project"], "base_url": config.kwargs["base_url"], "token": config.kwargs["credentials"].token})',
    ].join('\n'));
    writeFileSync(join(stub, 'cognite', 'client', 'credentials.py'), 'class Token:\n    def __init__(self, token):\n        self.token = token\n');
    const before = process.env.PYTHONPATH;
    process.env.PYTHONPATH = stub;
    try {
      const fn = await createFunction(client, { 'handler.py': 'import cognite.client\ndef handle(client):\n    return {"type": type(client).__module__ + "." + type(client).__name__, "constructed": cognite.client.CONSTRUCTED}\n' });
      expect((await waitForFunction(client, fn.id)).status).toBe('Ready');
      const { call, response, logs } = await run(client, fn.id, {});
      expect(call.status, JSON.stringify(call.error)).toBe('Completed');
      expect(logs.join('\n')).not.toMatch(/built-in client/);
      expect(response.type).toBe('cognite.client.CogniteClient');
      expect(response.constructed).toHaveLength(1);
      const [made] = response.constructed;
      expect(made).toMatchObject({ project: emu.project, base_url: emu.url });
      // The token is the call's session: it works against the emulator as the client that made the session.
      const inspect = await fetch(`${emu.url}/api/v1/token/inspect`, { headers: { authorization: `Bearer ${made.token}` } });
      expect(inspect.status).toBe(200);
      expect(((await inspect.json()) as { subject: string }).subject).toBe('test-client');
    } finally {
      if (before === undefined) delete process.env.PYTHONPATH;
      else process.env.PYTHONPATH = before;
      rmSync(stub, { recursive: true, force: true });
    }
  });
});

/** A pure-Python wheel built by hand: the zip layout PEP 427 describes, with a RECORD of sha256 hashes. */
async function handmadeWheel(): Promise<{ name: string; bytes: Buffer }> {
  const files: Record<string, string> = {
    'handmade_pkg/__init__.py': 'VALUE = "served by the loopback index"\n',
    'handmade_pkg-1.0.dist-info/METADATA': 'Metadata-Version: 2.1\nName: handmade-pkg\nVersion: 1.0\n',
    'handmade_pkg-1.0.dist-info/WHEEL': 'Wheel-Version: 1.0\nGenerator: by-hand\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
  };
  const record = Object.entries(files).map(([path, text]) => `${path},sha256=${createHash('sha256').update(text).digest('base64url')},${Buffer.byteLength(text)}`);
  files['handmade_pkg-1.0.dist-info/RECORD'] = `${record.join('\n')}\nhandmade_pkg-1.0.dist-info/RECORD,,\n`;
  return { name: 'handmade_pkg-1.0-py3-none-any.whl', bytes: await zipOf(files) };
}

/** A PEP 503 simple index on loopback serving one wheel; `requested` lists every path asked for. */
async function simpleIndex(wheel: { name: string; bytes: Buffer }): Promise<{ url: string; requested: string[]; server: Server }> {
  const requested: string[] = [];
  const sha = createHash('sha256').update(wheel.bytes).digest('hex');
  const server = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (req.url === '/simple/handmade-pkg/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!DOCTYPE html><html><body><a href="/files/${wheel.name}#sha256=${sha}">${wheel.name}</a></body></html>`);
    } else if (req.url === `/files/${wheel.name}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(wheel.bytes);
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/simple`, requested, server };
}

describe('builds install requirements with pip, offline-safe', () => {
  const IMPORTS = 'import handmade_pkg\ndef handle():\n    return {"value": handmade_pkg.VALUE, "file": handmade_pkg.__file__}\n';

  it('a function whose requirement only a loopback PEP 503 index serves builds Ready and imports it; satisfied requirements are not fetched', async () => {
    const index = await simpleIndex(await handmadeWheel());
    try {
      const fn = await createFunction(client, { 'handler.py': IMPORTS, 'requirements.txt': 'pytest  # already installed here\nhandmade-pkg==1.0\n' }, { indexUrl: index.url });
      const built = await waitForFunction(client, fn.id);
      expect(built.status, JSON.stringify(built.error)).toBe('Ready');
      const { call, response } = await run(client, fn.id, {});
      expect(call.status, JSON.stringify(call.error)).toBe('Completed');
      expect(response.value).toBe('served by the loopback index');
      expect(response.file).toContain(join('functions', String(fn.id), 'site'));
      expect(index.requested).toContain('/simple/handmade-pkg/');
      expect(index.requested.some((p) => p.includes('pytest'))).toBe(false);
    } finally {
      index.server.close();
    }
  });

  it('without an index URL pip runs --no-index: a requirement nobody serves fails the build with pip\'s message', async () => {
    const fn = await createFunction(client, { 'handler.py': IMPORTS, 'requirements.txt': 'handmade-pkg==1.0\n' });
    const built = await waitForFunction(client, fn.id);
    expect(built.status).toBe('Failed');
    expect(built.error?.message).toMatch(/^Installing the requirements failed: ERROR: .*handmade-pkg==1\.0/);
    expect(built.error?.message).toMatch(/No matching distribution found for handmade-pkg==1\.0/);
  });

  it('runs the runtime\'s pythonX.Y when it works, else the default with a line naming both versions in every call', async () => {
    const e = await startEmulator({ buildDelayMs: 20, runtimes: ['py399'] });
    try {
      const c = sdkClient(e);
      const fn = await createFunction(c, { 'handler.py': 'import sys\ndef handle():\n    return sys.version\n' }, { runtime: 'py399' });
      expect((await waitForFunction(c, fn.id)).status).toBe('Ready');
      for (let i = 0; i < 2; i++) {
        const { logs } = await run(c, fn.id, {});
        expect(logs[0]).toMatch(/runtime py399 asks for Python 3\.99, but python3\.99 is not available here; it runs on Python 3\.\d+\.\d+ \(python3\) instead\./);
        // handle() takes no client here: no client is made, so no notice about one.
        expect(logs.join('\n')).not.toMatch(/built-in client/);
      }
    } finally {
      await e.stop();
    }
  });
});
