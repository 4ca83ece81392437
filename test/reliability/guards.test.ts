/**
 * Guards every CDF action has: allowed-cdf-projects, timeout-seconds (which never leaves a model
 * without a serving latest function) and the warning for a suite pinned to a branch.
 * Needs `node scripts/build.mjs dist deploy-cdf-function package-model validate-settings`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { callByExternalId, createCdfClient, resolveCdfConfig, retrieveFunction } from '@akerbp-mlops/core';
import type { CogniteClient } from '@cognite/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cogniteEnv } from '../helpers/emulator-env.js';
import { exampleRepo } from '../helpers/example-repo.js';
import { runBundle } from '../helpers/run-bundle.js';

const LATEST = 'sonic_model-prediction-dev';
const PAYLOAD = { data: { ACS: [180.0], RDEP: [2.5], DEN: [2.3] } };

describe('guards', () => {
  let emu: RunningEmulator;
  let env: Record<string, string>;
  let client: CogniteClient;
  let repo: string;

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 600, callTimeoutMs: 30_000 });
    env = cogniteEnv(emu);
    client = await createCdfClient(resolveCdfConfig({}, env), { access: 'write' });
    repo = exampleRepo();
    writeFileSync(join(repo, 'payload.json'), JSON.stringify(PAYLOAD));
  });
  afterAll(() => emu?.stop());

  const deploy = (version: number, extra: Record<string, string> = {}) =>
    runBundle('deploy-cdf-function', { env: 'dev', 'artifact-version': String(version), 'test-payload': 'payload.json', 'keep-versions': 'all', ...extra }, { cwd: repo, env });

  it('allowed-cdf-projects refuses any other project before a single request', async () => {
    const before = emu.requests.length;
    for (const bundle of ['deploy-cdf-function', 'package-model']) {
      const run = await runBundle(bundle, { env: 'dev', 'allowed-cdf-projects': 'prod-project, other-project', 'artifact-source': 'cdf' }, { cwd: repo, env });
      expect(run.code, `${bundle}: ${run.stdout}`).toBe(1);
      expect(run.stdout).toContain(`::error title=cdf-project::cdf-project: "${emu.project}" is not one of prod-project, other-project`);
      expect(run.stdout).toMatch(/CDF project "mlops-emulator" is not in allowed-cdf-projects \(prod-project, other-project\); refusing to touch it/);
    }
    expect(emu.requests.length).toBe(before);
  });

  it('timeout-seconds stops a deploy with exit 1, and the latest keeps serving the old or the new version, never nothing', async () => {
    /** Seconds from the start of a deploy begun at `t0` to the create of its latest function (its second create). */
    const latestCreatedAt = (t0: number) => {
      const creates = emu.requests.filter((r) => r.at >= t0 && r.method === 'POST' && /\/functions$/.test(r.path));
      return creates.length === 2 ? (creates[1].at - t0) / 1000 : undefined;
    };
    const t0 = Date.now();
    const first = await deploy(1);
    expect(first.code, first.stdout).toBe(0);
    let switchAt = latestCreatedAt(t0)!;
    let serving = 'sonic_model/dev/1';
    let interruptedSwitch = 0;
    // First a deploy cut off before the switch (while the versioned function is built or smoke-tested),
    // then ones aimed at the middle of the latest's 600 ms build, after the old latest was deleted;
    // each aims with the timing of the deploy before it, as timings drift on a busy machine.
    for (let version = 2; version <= 9 && !interruptedSwitch; version++) {
      const limit = version === 2 ? Math.max(0.5, switchAt - 1) : switchAt + 0.3;
      const started = Date.now();
      const run = await deploy(version, { 'timeout-seconds': limit.toFixed(2) });
      switchAt = latestCreatedAt(started) ?? switchAt;
      if (run.code === 0) {
        serving = `sonic_model/dev/${version}`; // finished in time: nothing was cut off
        continue;
      }
      expect(run.stdout).toMatch(/::error::deploy-cdf-function did not finish within timeout-seconds \([\d.]+ s\); stopped/);
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      if (/letting that finish first/.test(run.stdout)) interruptedSwitch++;
      const latest = await retrieveFunction(client, { externalId: LATEST });
      expect(latest?.status, `after a timeout at ${limit.toFixed(2)} s`).toBe('Ready');
      const { response } = await callByExternalId(client, LATEST, PAYLOAD);
      const answer = response as { status: string; model_id: string };
      expect(answer.status).toBe('ok');
      // Old or new: what served before, or this deploy's version when its switch completed.
      expect([serving, `sonic_model/dev/${version}`]).toContain(answer.model_id);
      serving = answer.model_id;
    }
    console.log(`timeout guard: ${interruptedSwitch} deploy(s) reached the limit while switching the latest function`);
    expect(interruptedSwitch, 'at least one timeout fell inside the switch of the latest function').toBeGreaterThan(0);
  });

  it('warns when the suite is pinned to a branch, not when pinned to a tag or sha', async () => {
    const at = (ref: string) => runBundle('validate-settings', { env: 'dev' }, { cwd: repo, env: { GITHUB_ACTION_REF: ref } });
    const branch = await at('main');
    expect(branch.code).toBe(0);
    expect(branch.stdout).toContain('::warning title=Unpinned akerbp/mlops::akerbp/mlops is used at "main", which looks like a branch');
    for (const ref of ['v4', 'v4.1.0', 'a'.repeat(40)]) expect((await at(ref)).stdout).not.toContain('Unpinned');
  });
});
