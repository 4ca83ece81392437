import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.js';
import { callFunction, createFunction, raw, sdkClient, tokenFor, waitFor, waitForCall, waitForFunction } from './helpers.js';

const dataDir = mkdtempSync(join(tmpdir(), 'emulator-persist-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('persistence with dataDir', () => {
  it('keeps files, functions and tokens across restarts; resumes builds; fails interrupted calls', async () => {
    const first = await startEmulator({ dataDir, buildDelayMs: 10 });
    const client = sdkClient(first);
    const token = await tokenFor(first);
    const file = await client.files.upload({ name: 'keep.txt', externalId: 'keep' }, 'kept bytes', false, true);
    const fn = await createFunction(client, { 'handler.py': 'import time\ndef handle(data):\n    time.sleep(data.get("sleep", 0))\n    return "done"\n' }, { externalId: 'persisted' });
    expect((await waitForFunction(client, fn.id)).status).toBe('Ready');
    const interrupted = await callFunction(client, fn.id, { sleep: 30 });
    // A build still queued when the server stops.
    const queued = (await raw(first, token, 'POST', '/functions', { items: [{ name: 'later', externalId: 'later', fileId: fn.fileId }] })).body.items[0];
    await first.stop();

    const second = await startEmulator({ dataDir, buildDelayMs: 10, port: 0 });
    try {
      const again = sdkClient(second);
      expect((await raw(second, token, 'GET', `/files/${file.id}`)).body.externalId).toBe('keep');
      const [link] = await again.files.getDownloadUrls([{ id: file.id }]);
      expect(await (await fetch(link.downloadUrl)).text()).toBe('kept bytes');
      const call = (await raw(second, token, 'GET', `/functions/${fn.id}/calls/${interrupted.id}`)).body;
      expect(call.status).toBe('Failed');
      expect(call.error.message).toMatch(/emulator restarted/);
      const resumed = await waitFor(async () => (await raw(second, token, 'GET', `/functions/${queued.id}`)).body, (f) => f.status === 'Ready');
      expect(resumed.externalId).toBe('later');
      const done = await waitForCall(again, fn.id, (await callFunction(again, fn.id, {})).id);
      expect(done.status).toBe('Completed');
    } finally {
      await second.stop();
    }
  });
});
