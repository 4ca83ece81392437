/**
 * Model code written for the akerbp-mlops Python package, deployed with the built CLI
 * (`node dist/cli/index.js deploy`, build it first: `node scripts/build.mjs dist cli`) to the
 * emulator and called through @cognite/sdk's authenticated client.post:
 * - `sonic` uses the logger, core.exceptions and mm.setup(), takes the 3.1–4.1 `input` payload,
 *   has a ServiceTest with a prediction_check, and calls `vsh` with call_function, in its
 *   service test too (the service tests' local CDF holds this run's vsh);
 * - the two-model pipeline runs with the first model's (vsh) artifact folder absent locally;
 * - deploying sonic's training service creates no artifact version.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CogniteClient } from '@cognite/sdk';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { ModelManager, createCdfClient, resolveCdfConfig } from '@akerbp-mlops/core';
import { cogniteEnv } from './helpers/emulator-env.js';
import { repoRoot } from './helpers/run-bundle.js';

const model = (name: string, extra = '') => `model_name: ${name}
human_friendly_model_name: '${name} model'
model_file: model_code/${name}.py
req_file: model_code/requirements.model
artifact_folder: ${name}_artifact
test_file: model_code/test_${name}.py
platform: cdf
dataset: mlops
python_version: py311
info:
  prediction:
    description: '${name} prediction'
    owner: data@science.com
    metadata:
      required_input: [x]
${extra}`;

const FILES: Record<string, string> = {
  'mlops_settings.yaml': `${model('vsh')}---\n${model('sonic', `  training:
    description: 'sonic training'
    owner: data@science.com
    metadata:
      required_input: [x, ac]
`)}`,
  // The 3.x/4.x placeholder line: the runtime in the zip replaces the package.
  'model_code/requirements.model': 'akerbp-mlops==MLOPS_VERSION\n',
  'model_code/__init__.py': '',
  'model_code/vsh.py': `import json
import os

from akerbp.mlops.core import logger

log = logger.get_logger("vsh")


class ModelException(Exception):
    pass


def initialization(artifact_folder, secrets):
    with open(os.path.join(artifact_folder, "scale.json")) as f:
        return json.load(f)


def predict(data, init_object, secrets):
    log.info("vsh for %d samples", len(data["x"]))
    return {"vsh": [x * init_object["scale"] for x in data["x"]], "secret_names": sorted(secrets or {})}
`,
  'model_code/test_vsh.py': `import model_code.vsh as vsh


class ServiceTest:
    prediction_input = {"data": {"x": [1, 2]}, "to_file": False}


def test_predict():
    assert vsh.predict({"x": [1]}, {"scale": 10}, None)["vsh"] == [10]
`,
  'model_code/sonic.py': `import json
import os

import akerbp.mlops.model_manager as mm
from akerbp.mlops.cdf.helpers import call_function
from akerbp.mlops.core import exceptions, logger

logging = logger.get_logger("sonic")


class ModelException(Exception):
    pass


def initialization(artifact_folder, secrets):
    mm.setup()
    logging.info("secret-read is %s", (secrets or {}).get("secret-read"))  # careless code: the suite hides it
    with open(os.path.join(artifact_folder, "weights.json")) as f:
        return {"w": json.load(f)["w"], "secret_names": sorted(secrets or {})}


def predict(data, init_object, secrets):
    rows = data["input"]  # the 3.1-4.1 callers' payload: predict gets all of it
    logging.info("predicting %d rows for %s", len(rows), data.get("caller", "?"))
    result = {"ac": [row["x"] * init_object["w"] for row in rows], "secret_names": init_object["secret_names"]}
    if data.get("with_vsh"):
        try:
            # MODEL_ENV is set in a deployed function (as the package set it) and in the service test.
            helper = call_function(function_name=f"vsh-prediction-{os.environ['MODEL_ENV']}", data={"data": {"x": [row["x"] for row in rows]}})
        except exceptions.FunctionCallError as error:
            raise ModelException(f"vsh failed: {error}") from error
        result["vsh"] = helper["prediction"]["vsh"]
        result["vsh_secret_names"] = helper["prediction"]["secret_names"]
    return result


def train(data, folder_path, secrets):
    with open(os.path.join(folder_path, "weights.json"), "w") as f:
        json.dump({"w": data["w"]}, f)
    return {"w": data["w"]}
`,
  'model_code/test_sonic.py': `import model_code.sonic as sonic


class ServiceTest:
    # The service test calls vsh through call_function (the local CDF holds this run's vsh).
    prediction_input = {"input": [{"x": 1.0}, {"x": 2.0}], "return_file": False, "caller": "service test", "with_vsh": True}
    training_input = {"data": {"w": 3}}

    @staticmethod
    def prediction_check(response):
        return response["status"] == "ok" and response["prediction"]["ac"] == [2.0, 4.0] and response["prediction"]["vsh"] == [10.0, 20.0]


def test_predict():
    assert sonic.predict({"input": [{"x": 1}]}, {"w": 2, "secret_names": []}, None)["ac"] == [2]
`,
  'vsh_artifact/scale.json': '{"scale": 10}',
  'sonic_artifact/weights.json': '{"w": 2}',
};

/** Calls `externalId` as any CDF client would, through the SDK's authenticated client.post. */
async function callThroughSdk(client: CogniteClient, externalId: string, data: unknown): Promise<Record<string, unknown>> {
  const base = `/api/v1/projects/${client.project}`;
  const [fn] = (await client.post<{ items: { id: number }[] }>(`${base}/functions/byids`, { data: { items: [{ externalId }] } })).data.items;
  const [session] = (await client.post<{ items: { nonce: string }[] }>(`${base}/sessions`, { data: { items: [{ tokenExchange: true }] } })).data.items;
  let call = (await client.post<{ id: number; status: string }>(`${base}/functions/${fn.id}/call`, { data: { data, nonce: session.nonce } })).data;
  while (call.status === 'Running') {
    await new Promise((r) => setTimeout(r, 250));
    call = (await client.get<{ id: number; status: string }>(`${base}/functions/${fn.id}/calls/${call.id}`)).data;
  }
  expect(call.status).toBe('Completed');
  return (await client.get<{ response: Record<string, unknown> }>(`${base}/functions/${fn.id}/calls/${call.id}/response`)).data.response;
}

describe('model code written for the akerbp-mlops package', () => {
  let emu: RunningEmulator;
  let cdfEnv: Record<string, string>;
  let client: CogniteClient;
  let manager: ModelManager;
  let repo: string;

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 20 });
    cdfEnv = { ...cogniteEnv(emu, 'deploy-secret-value'), COGNITE_CLIENT_ID_READ: 'reader', COGNITE_CLIENT_SECRET_READ: 'read-secret-value' };
    client = await createCdfClient(resolveCdfConfig({}, cdfEnv), { access: 'write' });
    manager = new ModelManager({ client });
    repo = mkdtempSync(join(tmpdir(), 'compat-repo-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(repo, path, '..'), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
    // As on a runner: the artifacts are in the Model Manager (test), not committed.
    for (const name of ['vsh', 'sonic']) await manager.uploadNewVersion(name, 'test', join(repo, `${name}_artifact`));
    rmSync(join(repo, 'vsh_artifact'), { recursive: true });
  });
  afterAll(() => emu?.stop());

  /** `node dist/cli/index.js ...args` with the emulator's credentials; its exit status and all it printed. */
  const mlopsRun = async (args: string[], extraEnv: Record<string, string> = {}) => {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_') && !k.startsWith('COGNITE_') && k !== 'MODEL_ENV' && k !== 'TESTING_ONLY'));
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli', 'index.js'), ...args], { env: { ...base, ...cdfEnv, ...extraEnv } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const status = await new Promise<number | null>((r) => child.on('close', r));
    return { status, out };
  };
  const deploy = (args: string[], extraEnv: Record<string, string> = {}) => mlopsRun(['deploy', '--repo', repo, '--no-install', '--env', 'test', ...args], extraEnv);

  it('tests both models in one pipeline run, the first without its artifact folder on disk; the second\'s service test calls the first', async () => {
    // TESTING_ONLY: both models' steps at once (default concurrency), nothing deployed, so no
    // function exists in CDF: sonic's ServiceTest reaches vsh in the service tests' local CDF only.
    const tested = await deploy([], { TESTING_ONLY: 'true' });
    expect(tested.status, tested.out).toBe(0);
    // sonic's code names vsh (f"vsh-prediction-{MODEL_ENV}"): the run's env only; vsh's own folder names sonic too.
    expect(tested.out).toContain("Service tests can call vsh-prediction-test: this run's package of vsh (artifact version 1)");
    expect(tested.out).not.toMatch(/call vsh-prediction-(dev|prod)/);
    expect(tested.out).toContain('passed with model sonic/dev/1 and ServiceTest.prediction_check');
    // The service test's handler got the read pair's dashed secrets, as the deployed function does below.
    expect(tested.out).toContain('"secret_names":["base-url","id-read","secret-read"]');
    expect(tested.out).toContain('"vsh_secret_names":["base-url","id-read","secret-read"]');
    expect(tested.out).toContain('passed with model vsh/test/1');
    expect(tested.out).not.toContain('read-secret-value');
    const listed = (await client.post<{ items: unknown[] }>(`/api/v1/projects/${client.project}/functions/list`, { data: {} })).data.items;
    expect(listed).toEqual([]);

    // mlops test of sonic alone: vsh, not asked for, still answers sonic's service test.
    const { status, out } = await mlopsRun(['test', '--repo', repo, '--no-install', '--env', 'test', '--models', 'sonic']);
    expect(status, out).toBe(0);
    expect(out).toContain("Service tests can call vsh-prediction-test: this run's package of vsh");
    expect(out).toMatch(/sonic\s+1\s+0\s+0\s+passed\s+sonic\/dev\/1/);
  }, 600_000);

  it('mlops test --models sonic (dev) with vsh\'s artifact folder absent: only sonic\'s files are checked; --models vsh still fails on its folder', async () => {
    // A copy whose sonic ServiceTest does not call vsh (in dev, vsh cannot be packaged without its folder).
    const copy = mkdtempSync(join(tmpdir(), 'compat-dev-'));
    cpSync(repo, copy, { recursive: true });
    rmSync(join(copy, 'vsh_artifact'), { recursive: true, force: true });
    rmSync(join(copy, '.mlops'), { recursive: true, force: true });
    const testFile = join(copy, 'model_code', 'test_sonic.py');
    writeFileSync(testFile, readFileSync(testFile, 'utf8').replace('"with_vsh": True', '"with_vsh": False').replace(' and response["prediction"]["vsh"] == [10.0, 20.0]', ''));
    const cli = (args: string[]) => mlopsRun([...args, '--repo', copy, '--no-install']);

    const sonic = await cli(['test', '--models', 'sonic']);
    expect(sonic.status, sonic.out).toBe(0);
    expect(sonic.out).toMatch(/sonic\s+1\s+0\s+0\s+passed\s+sonic\/dev\/1/);
    expect(sonic.out).not.toMatch(/vsh\.artifact_folder|problem in settings/);
    // No CDF client was made (dev), yet the read secret the handler got and printed is hidden.
    expect(sonic.out).toMatch(/secret-read is \S+/);
    expect(sonic.out).not.toContain('read-secret-value');
    // The pipeline too: validated once for sonic, tested, nothing deployed.
    const pipeline = await cli(['deploy', '--env', 'dev', '--testing-only', '--models', 'sonic']);
    expect(pipeline.status, pipeline.out).toBe(0);
    expect(pipeline.out).toContain('passed with model sonic/dev/1 and ServiceTest.prediction_check');

    const vsh = await cli(['test', '--models', 'vsh']);
    expect(vsh.status, vsh.out).toBe(1);
    expect(vsh.out).toMatch(/mlops_settings\.yaml:5:\d+: vsh\.artifact_folder: folder "vsh_artifact" does not exist/);
  }, 300_000);

  it('deploys both models in one run, the first without its artifact folder on disk; they answer through client.post, one calling the other', async () => {
    rmSync(join(repo, 'vsh_artifact'), { recursive: true, force: true });
    // In parallel (default concurrency), yet sonic's deploy smoke test, which calls vsh in CDF,
    // waits for vsh (earlier in the settings, named by sonic's code) to be deployed first.
    const run = await deploy([]);
    expect(run.status, run.out).toBe(0);
    expect(run.out).toContain("sonic's code names vsh: its smoke test waits until that model is deployed.");
    expect(run.out).not.toContain("vsh's code names");
    expect(run.out).toContain('passed with model sonic/dev/1 and ServiceTest.prediction_check');
    expect(run.out).not.toContain('read-secret-value');

    const vsh = await callThroughSdk(client, 'vsh-prediction-test', { data: { x: [1, 2] } });
    expect(vsh).toMatchObject({ status: 'ok', model_id: 'vsh/test/1', prediction: { vsh: [10, 20] } });
    const sonic = await callThroughSdk(client, 'sonic-prediction-test', { input: [{ x: 1 }, { x: 3 }], return_file: false, with_vsh: true });
    expect(sonic).toEqual({
      status: 'ok', model_id: 'sonic/test/1', prediction_file: null,
      // The read pair reached the function as the package's dashed secrets; the write pair did not.
      prediction: { ac: [2, 6], vsh: [10, 30], secret_names: ['base-url', 'id-read', 'secret-read'], vsh_secret_names: ['base-url', 'id-read', 'secret-read'] },
    });
  }, 600_000);

  it('a payload with both data and input is an error naming both; an empty one is a keep-warm ok', async () => {
    const both = await callThroughSdk(client, 'sonic-prediction-test', { data: {}, input: [] });
    expect(both.status).toBe('error');
    expect(both.message).toMatch(/both 'data' and 'input'/);
    expect(await callThroughSdk(client, 'sonic-prediction-test', {})).toEqual({ status: 'ok' });
  }, 120_000);

  it('deploying the training service smoke-tests it with a keep-warm call: no artifact version is created', async () => {
    const before = await manager.overview({ model: 'sonic', env: 'test' });
    const run = await deploy(['--models', 'sonic', '--service', 'training']);
    expect(run.status, run.out).toBe(0);
    expect(run.out).toMatch(/sonic\s+training\s+deployed\s+sonic-training-test\s+1\s+[0-9a-f]{12}\s+ok/);
    const after = await manager.overview({ model: 'sonic', env: 'test' });
    expect(after.map((v) => v.externalId)).toEqual(before.map((v) => v.externalId));
    expect(after).toHaveLength(1);
  }, 300_000);
});
