import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { extractZip, humanSize } from '@akerbp-mlops/core';
import { callFunction, sdkClient, waitForCall, waitForFunction, type FunctionJson } from '../packages/cdf-emulator/test/helpers.js';
import { exampleRepo } from './helpers/example-repo.js';
import { repoRoot, runBundle } from './helpers/run-bundle.js';
import { summaryText } from './helpers/summary.js';

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist', 'package-model', 'index.js'))) {
    spawnSync(process.execPath, ['scripts/build.mjs', 'dist', 'package-model'], { cwd: repoRoot, stdio: 'inherit' });
  }
});

describe('package-model action', () => {
  const repo = exampleRepo();
  const inputs = { env: 'dev', 'working-directory': repo };

  it('writes a deterministic zip whose handler imports when unzipped, and summarises it', async () => {
    const first = await runBundle('package-model', inputs, { cwd: repo });
    expect(first.stdout + first.stderr).not.toMatch(/::error/);
    expect(first.code).toBe(0);
    // Outputs are JSON maps keyed by model, however many models ran.
    const outputs = Object.fromEntries(Object.entries(first.outputs).map(([k, v]) => [k, JSON.parse(v).sonic_model]));
    expect(outputs.package).toBe(join(repo, '.mlops', 'packages', 'sonic_model-prediction-dev.zip'));
    expect(outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(outputs.size).toBe(readFileSync(outputs.package).length);
    const manifest = JSON.parse(readFileSync(outputs.manifest, 'utf8'));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['handler.py', 'model_code/model.py', 'model_artifact/sonic_ridge.json', 'requirements.txt']));
    // Short SHA, human size, the zip's path from the workspace (here the repository): no runner paths.
    const row = `| sonic_model | prediction | 1 | .mlops/packages/sonic_model-prediction-dev.zip | ${humanSize(outputs.size)} | ${outputs.sha256.slice(0, 12)} | ${manifest.files.length} |`;
    expect(summaryText(first.summary)).toContain(row);
    expect(first.summary).not.toContain(repo);

    const second = await runBundle('package-model', inputs);
    expect(second.outputs.sha256).toBe(first.outputs.sha256);

    const unpacked = mkdtempSync(join(tmpdir(), 'unpacked-'));
    await extractZip(outputs.package, unpacked);
    const imported = spawnSync('python3', ['-c', 'import handler, json; print(json.load(open("mlops_function.json"))["model_id"])'], { cwd: unpacked, encoding: 'utf8' });
    expect(imported.stderr).toBe('');
    expect(imported.stdout.trim()).toBe('sonic_model/dev/1');
    expect(readFileSync(join(unpacked, 'requirements.txt'), 'utf8')).not.toMatch(/^akerbp-mlops/m);
  });

  it('refuses a symlink out of the repository, naming it, without a stack trace', async () => {
    const copy = exampleRepo();
    const secret = join(mkdtempSync(join(tmpdir(), 'outside-')), 'credentials.json');
    writeFileSync(secret, '{}');
    symlinkSync(secret, join(copy, 'model_code', 'creds.json'));
    const run = await runBundle('package-model', { env: 'dev', 'working-directory': copy });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error.*model_code\/creds\.json is a symbolic link to .*outside/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    rmSync(copy, { recursive: true, force: true });
  });

  it('uses CDF artifacts outside dev and says what is missing without credentials', async () => {
    const run = await runBundle('package-model', { env: 'test', 'working-directory': repo }, { env: { COGNITE_PROJECT: undefined } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error.*(cdf-project|COGNITE_PROJECT)/);
  });

  describe('on the emulator', () => {
    let emu: RunningEmulator;
    beforeAll(async () => {
      emu = await startEmulator({ buildDelayMs: 50, callTimeoutMs: 30_000 });
    });
    afterAll(() => emu?.stop());

    it('builds, runs and answers a prediction with status ok', async () => {
      const run = await runBundle('package-model', inputs);
      const { sonic_model: zip } = JSON.parse(run.outputs.package);
      const client = sdkClient(emu);
      const file = await client.files.upload({ name: 'sonic_model-prediction-dev.zip', externalId: `code-${JSON.parse(run.outputs.sha256).sonic_model}`, mimeType: 'application/zip' }, readFileSync(zip));
      const created = await client.post<{ items: FunctionJson[] }>(`/api/v1/projects/${emu.project}/functions`, {
        data: { items: [{ name: 'sonic_model-prediction-dev', externalId: 'sonic_model-prediction-dev', fileId: file.id, functionPath: 'handler.py' }] },
      });
      const fn = await waitForFunction(client, created.data.items[0].id);
      expect(fn.error?.message).toBeUndefined();
      expect(fn.status).toBe('Ready');
      const call = await callFunction(client, fn.id, { data: { ACS: [180, 150], RDEP: [2.5, 40], DEN: [2.3, 2.55] } });
      const done = await waitForCall(client, fn.id, call.id);
      expect(done.status).toBe('Completed');
      const { data } = await client.get<{ response: { status: string; prediction: { AC: number[] }; model_id: string } }>(`/api/v1/projects/${emu.project}/functions/${fn.id}/calls/${call.id}/response`);
      expect(data.response).toMatchObject({ status: 'ok', model_id: 'sonic_model/dev/1' });
      expect(data.response.prediction.AC).toHaveLength(2);
    });
  });
});
