/**
 * Cancelling a deploy as the GitHub runner does (SIGINT, SIGTERM 7.5 s later, a kill 2.5 s after
 * that) to the built deploy-cdf-function, at chosen points, then running the built post step with
 * the STATE_* variables the runner passes: the latest ends Ready and answering, with the new or the
 * previous proven deployment, and every outcome writes the job summary with what is serving.
 * Needs `node scripts/build.mjs dist deploy-cdf-function deploy-post`.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { callByExternalId, createCdfClient, resolveCdfConfig, retrieveFunction } from '@akerbp-mlops/core';
import type { CogniteClient } from '@cognite/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cogniteEnv } from '../helpers/emulator-env.js';
import { exampleRepo } from '../helpers/example-repo.js';
import { cancelLikeRunner, runBundle, stateEnv } from '../helpers/run-bundle.js';
import { summaryText } from '../helpers/summary.js';

const LATEST = 'sonic_model-prediction-dev';
/** Cancelled deploys at random points (seeded); `npm run test:faults` runs more. */
const CANCEL_RUNS = Number(process.env.CANCEL_RUNS ?? 2);
const SEED = Number(process.env.FAULT_SEED ?? 7);
const PAYLOAD = { data: { ACS: [180.0], RDEP: [2.5], DEN: [2.3] } };

describe('cancelling a deploy', () => {
  let emu: RunningEmulator;
  let env: Record<string, string>;
  let client: CogniteClient;
  let repo: string;

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 1500, callTimeoutMs: 30_000 });
    env = cogniteEnv(emu);
    client = await createCdfClient(resolveCdfConfig({}, env), { access: 'write' });
    repo = exampleRepo();
    writeFileSync(join(repo, 'payload.json'), JSON.stringify(PAYLOAD));
    const first = await deploy(1);
    expect(first.code, first.stdout).toBe(0);
  });
  afterAll(() => emu?.stop());

  const inputs = (version: number) => ({ env: 'dev', 'artifact-version': String(version), 'test-payload': 'payload.json', 'keep-versions': 'all' });
  function deploy(version: number, control?: (child: ChildProcess) => void) {
    return runBundle('deploy-cdf-function', inputs(version), { cwd: repo, env, control });
  }
  function post(version: number, state: Record<string, string>) {
    return runBundle('deploy-post', inputs(version), { cwd: repo, env: { ...env, ...stateEnv(state) } });
  }

  /** Acts on the child once the emulator has answered a request matching `pattern` after `from`. */
  function when(pattern: RegExp, act: (child: ChildProcess) => void): (child: ChildProcess) => void {
    const from = emu.requests.length;
    return (child) => {
      const poll = setInterval(() => {
        if (emu.requests.slice(from).some((r) => pattern.test(`${r.method} ${r.path}`))) {
          clearInterval(poll);
          act(child);
        }
      }, 5);
      child.on('close', () => clearInterval(poll));
    };
  }

  async function answer(): Promise<string> {
    const latest = await retrieveFunction(client, { externalId: LATEST });
    expect(latest?.status).toBe('Ready');
    const { response } = await callByExternalId(client, LATEST, PAYLOAD);
    expect(response).toMatchObject({ status: 'ok' });
    return (response as { model_id: string }).model_id;
  }

  it('SIGINT right after the latest was deleted: the create goes out at once, the summary says what is serving, the post step checks the new latest', async () => {
    let signals: Promise<NodeJS.Signals[]> | undefined;
    const run = await deploy(2, when(/POST .*\/functions\/delete$/, (child) => { signals = cancelLikeRunner(child); }));
    expect(await signals).toEqual(['SIGINT']);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.stdout).toMatch(/::error::deploy-cdf-function was cancelled \(SIGINT\): no new work was started; sonic_model-prediction-dev was being replaced and the create was sent/);
    expect(summaryText(run.summary)).toMatch(/deploy-cdf-function cancelled/);
    expect(summaryText(run.summary)).toMatch(/What is serving[\s\S]*sonic_model-prediction-dev \| switching \| sonic_model-prediction-dev is being re-created with version 2/);
    const recorded = JSON.parse(run.state.deployments);
    // The path of the smoke payload (model input, never secrets): the post step checks with it, not with a keep-warm {}.
    expect(recorded).toEqual([expect.objectContaining({ latest: LATEST, phase: 'switching', previousVersioned: `${LATEST}-1`, payloadFile: join(repo, 'payload.json') })]);
    expect(JSON.stringify(run.state)).not.toMatch(/super-secret-value/);
    const checked = await post(2, run.state);
    expect(checked.code, checked.stdout).toBe(0);
    expect(summaryText(checked.summary)).toMatch(/sonic_model-prediction-dev \| ok \| sonic_model-prediction-dev serves version 2/);
    expect(await answer()).toBe('sonic_model/dev/2');
  });

  it('killed mid-switch (no time to create): the post step restores the previous proven deployment', async () => {
    const run = await deploy(3, when(/POST .*\/functions\/delete$/, (child) => child.kill('SIGKILL')));
    expect(run.code).not.toBe(0);
    expect(JSON.parse(run.state.deployments)).toEqual([expect.objectContaining({ phase: 'switching', previousVersioned: `${LATEST}-2` })]);
    const checked = await post(3, run.state);
    expect(checked.code, checked.stdout).toBe(0);
    expect(summaryText(checked.summary)).toMatch(/sonic_model-prediction-dev \| (ok \| sonic_model-prediction-dev serves version 3|restored \| sonic_model-prediction-dev was restored to sonic_model-prediction-dev-2)/);
    expect(['sonic_model/dev/2', 'sonic_model/dev/3']).toContain(await answer());
  });

  it('SIGINT while the versioned function builds: nothing new starts, the latest is untouched, the post step has nothing to do', async () => {
    const before = await retrieveFunction(client, { externalId: LATEST });
    let signals: Promise<NodeJS.Signals[]> | undefined;
    const run = await deploy(4, when(/POST .*\/functions$/, (child) => { signals = cancelLikeRunner(child); }));
    expect(await signals).toEqual(['SIGINT']);
    expect(run.code).toBe(1);
    expect(summaryText(run.summary)).toMatch(/What is serving[\s\S]*sonic_model-prediction-dev \| preparing \| sonic_model-prediction-dev serves version/);
    const checked = await post(4, run.state);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/Nothing to check/);
    expect((await retrieveFunction(client, { externalId: LATEST }))?.id).toBe(before?.id);
  });

  it(`${CANCEL_RUNS} deploys (new versions and code-only changes) cancelled at random points: afterwards the latest answers, or our fallback does`, async () => {
    let seed = SEED;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let serving = await answer();
    const broken: string[] = [];
    for (let run = 0; run < CANCEL_RUNS; run++) {
      const codeOnly = run % 2 === 0;
      const version = codeOnly ? Number(serving.split('/').pop()) : 10 + run;
      if (codeOnly) appendFileSync(join(repo, 'model_code', 'helper.py'), `\nCODE_ONLY_CHANGE_${run} = ${run}\n`);
      const delayMs = Math.round(200 + random() * 9_000);
      let signals: Promise<NodeJS.Signals[]> | undefined;
      const run_ = await deploy(version, (child) => { setTimeout(() => { signals = cancelLikeRunner(child); }, delayMs); });
      await signals;
      const checked = await post(version, run_.state);
      const label = `run ${run + 1} (${codeOnly ? 'code-only change of' : 'new'} version ${version}, SIGINT after ${delayMs} ms, exit ${run_.code}, post exit ${checked.code})`;
      if (!run_.summary.trim()) broken.push(`${label}: no job summary`);
      const latest = await retrieveFunction(client, { externalId: LATEST });
      const viaClient = await callByExternalId(client, LATEST, PAYLOAD).then((r) => r.response as { status?: string; model_id?: string }, (e: Error) => ({ status: e.message, model_id: undefined }));
      if (viaClient.status !== 'ok') broken.push(`${label}: our client got ${viaClient.status}`);
      else if (![serving, `sonic_model/dev/${version}`].includes(viaClient.model_id!)) broken.push(`${label}: serves ${viaClient.model_id}`);
      if (latest?.status !== 'Ready') broken.push(`${label}: the latest is ${latest?.status ?? 'missing'} after the post step`);
      if (viaClient.model_id) serving = viaClient.model_id;
    }
    expect(broken).toEqual([]);
  }, 60_000 + CANCEL_RUNS * 60_000);
});
