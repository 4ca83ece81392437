/**
 * `npm start` = `node dist/cli/index.js demo`: the whole pipeline on the example model against
 * an embedded emulator, ending with a prediction from the prod function. Build it first:
 * `node scripts/build.mjs dist cli`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callFunction, createCdfClient, resolveCdfConfig, retrieveFunction } from '@akerbp-mlops/core';
import { repoRoot } from './helpers/run-bundle.js';

const CLI = join(repoRoot, 'dist', 'cli', 'index.js');

/** A port nothing listens on (the OS picks it; closed again before the demo binds it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

describe('mlops demo', () => {
  // How long it takes is the benchmarks' business; a hung demo is stopped by the spawn timeout.
  it('deploys to test and prod, prints the prod prediction and exits 0', () => {
    const run = spawnSync(process.execPath, [CLI, 'demo'], { cwd: repoRoot, encoding: 'utf8', timeout: 90_000 });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/\[1\/9\] Starting the CDF emulator\n\s+· listening on http:\/\/127\.0\.0\.1:\d+ \(project mlops-emulator\)/);
    expect(out).toContain('sonic_model/test/1 → sonic_model/prod/1');
    expect(out).toMatch(/sonic_model-prediction-test \(id \d+\) serves sonic_model\/test\/1/);
    expect(out).toMatch(/sonic_model-prediction-prod \(id \d+\) serves sonic_model\/prod\/1/);
    const response = JSON.parse(/· response: (.*)$/m.exec(out)![1]);
    expect(response).toMatchObject({ status: 'ok', model_id: 'sonic_model/prod/1' });
    expect(response.prediction.AC).toHaveLength(3);
    expect(response.prediction.AC.every((v: unknown) => typeof v === 'number' && v > 40 && v < 200)).toBe(true);
    expect(out).toContain(`[9/9] Prediction from sonic_model-prediction-prod: ${JSON.stringify(response.prediction)}`);
  });

  it('--keep-running --port N serves the deployed functions on port N until Ctrl+C', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [CLI, 'demo', '--keep-running', '--port', String(port)], { cwd: repoRoot });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((r) => child.on('close', r));
    try {
      await expect.poll(() => out, { timeout: 170_000, interval: 200 }).toContain('stop it with Ctrl+C');
      expect(out).toContain('from cognite.client import ClientConfig, CogniteClient');
      expect(out).toContain('client.functions.call(external_id="sonic_model-prediction-prod", data=...)');
      const url = /keeps serving at (http:\/\/[\d.:]+)/.exec(out)![1];
      expect(new URL(url).port).toBe(String(port));
      const client = await createCdfClient(resolveCdfConfig({}, {
        COGNITE_PROJECT: 'mlops-emulator', COGNITE_OIDC_BASE_URL: url, COGNITE_TOKEN_URL: /token_url="([^"]+)"/.exec(out)![1],
        COGNITE_CLIENT_ID_WRITE: 'notebook', COGNITE_CLIENT_SECRET_WRITE: 'x',
      }), { access: 'write' });
      const fn = await retrieveFunction(client, { externalId: 'sonic_model-prediction-prod' });
      const call = await callFunction(client, fn!.id, { data: { ACS: [180], RDEP: [2.5], DEN: [2.3] } }, { timeoutMs: 30_000 });
      expect(call.response).toMatchObject({ status: 'ok', model_id: 'sonic_model/prod/1' });
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
    // A cap for a hung demo on loaded shared cores (it takes ~30 s alone), not a timing check.
  }, 180_000);
});
