import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '@akerbp-mlops/cdf-emulator';
import { createCdfClient, displayRepoPath, functionsNamedBy, MlopsError, ModelManager, resolveCdfConfig, modelTestEnvironment, parseJUnit, readServiceTestPayload, runModelTests, silentLogger, testModels, testSummaryRows, type ModelSettings } from '@akerbp-mlops/core';

function settings(testFile: string): ModelSettings {
  return {
    modelName: 'm', humanFriendlyModelName: 'm', modelFile: 'mcode/model.py', reqFile: 'mcode/requirements.model', artifactFolder: null,
    artifactVersion: null, testFile, platform: 'cdf', dataset: null, pythonVersion: 'py311', helperModels: [], retention: { keep: 3, from: 'default' },
    info: { prediction: { description: '', owner: '', metadata: {} } }, source: { file: 'mlops_settings.yaml', line: 1 },
  };
}

async function repoWith(files: Record<string, string>): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), 'testing-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(repo, path, '..'), { recursive: true });
    await writeFile(join(repo, path), text);
  }
  return repo;
}

describe('parseJUnit', () => {
  it('counts outcomes and locates failures at the deepest repository frame, decoding entities', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="1" failures="1" skipped="1" tests="4">
<testcase classname="mcode.test_m" name="test_ok" file="mcode/test_m.py" line="3" time="0.001" />
<testcase classname="mcode.test_m" name="test_bad" file="mcode/test_m.py" line="6" time="0.001"><failure message="assert 1 == 2&#10;  where x &lt; y">def test_bad():
&gt;       assert 1 == 2
E       assert 1 == 2

mcode/test_m.py:8: AssertionError</failure></testcase>
<testcase classname="mcode.test_m" name="test_skip" file="mcode/test_m.py" line="10"><skipped type="pytest.skip" message="later">skip</skipped></testcase>
<testcase classname="" name="mcode.test_other" time="0"><error message="collection failure">  File "/abs/elsewhere/lib.py", line 2
E     File "/REPO/mcode/test_other.py", line 5
E       def broken(:
E                  ^
E   SyntaxError: invalid syntax</error></testcase>
</testsuite></testsuites>`;
    const s = parseJUnit(xml, '/REPO');
    expect(s).toMatchObject({ passed: 1, failed: 2, skipped: 1 });
    expect(s.failures[0]).toEqual({ name: 'mcode/test_m.py::test_bad', file: 'mcode/test_m.py', line: 8, message: 'assert 1 == 2\n  where x < y' });
    expect(s.failures[1]).toMatchObject({ name: 'mcode/test_other.py::mcode.test_other', file: 'mcode/test_other.py', line: 5, message: 'collection failure' });
  });

  it('falls back to the test definition when the traceback has no repository frame', () => {
    const xml = '<testsuite><testcase classname="a.test_x" name="test_y" file="a/test_x.py" line="41"><failure message="boom">/usr/lib/x.py:3: Err</failure></testcase></testsuite>';
    expect(parseJUnit(xml, '/repo').failures[0]).toMatchObject({ file: 'a/test_x.py', line: 42 });
  });
});

describe('runModelTests', () => {
  it('runs pytest from the repository root and reports located failures', async () => {
    const repo = await repoWith({
      'mcode/helper.py': 'VALUE = 2\n',
      'mcode/test_m.py': 'import mcode.helper as h\n\ndef test_ok():\n    assert h.VALUE == 2\n\ndef test_bad():\n    x = h.VALUE\n    assert x == 3\n',
    });
    const s = await runModelTests({ repoRoot: repo, model: settings('mcode/test_m.py'), python: 'python3', junitFile: join(repo, 'out', 'j.xml'), log: silentLogger });
    expect(s).toMatchObject({ passed: 1, failed: 1, skipped: 0 });
    expect(s.failures[0]).toMatchObject({ file: 'mcode/test_m.py', line: 8 });
  });

  it('names a missing interpreter', async () => {
    const repo = await repoWith({ 'mcode/test_m.py': '' });
    const err = await runModelTests({ repoRoot: repo, model: settings('mcode/test_m.py'), python: 'no-such-python', junitFile: join(repo, 'j.xml'), log: silentLogger }).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/"no-such-python" was not found/);
  });
});

describe('readServiceTestPayload', () => {
  const read = (repo: string, service: 'prediction' | 'training' = 'prediction') =>
    readServiceTestPayload({ repoRoot: repo, model: settings('mcode/test_m.py'), service, python: 'python3' });

  it('reads the payload and the line that defines it', async () => {
    const repo = await repoWith({ 'mcode/test_m.py': 'X = [1, 2]\n\n\nclass ServiceTest:\n    """doc"""\n    prediction_input = {"data": X}\n' });
    expect(await read(repo)).toEqual({ payload: { data: [1, 2] }, line: 6 });
  });

  it('locates a missing attribute at the class and a non-JSON payload at its line', async () => {
    const noAttr = await repoWith({ 'mcode/test_m.py': '\nclass ServiceTest:\n    prediction_input = {}\n' });
    const err = await read(noAttr, 'training').catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/has no training_input/);
    // Located as the user sees the file: from the working directory (here outside it: absolute).
    expect(err.problems[0]).toMatchObject({ file: join(noAttr, 'mcode/test_m.py'), line: 2, field: 'ServiceTest.training_input' });

    const notJson = await repoWith({ 'mcode/test_m.py': 'class ServiceTest:\n    prediction_input = {"d": {1, 2}}\n' });
    const err2 = await read(notJson).catch((e) => e);
    expect(err2.problems[0]).toMatchObject({ line: 2 });
    expect(err2.message).toMatch(/is not JSON/);
  });

  it('reads the payload from ServiceTest() as akerbp-mlops did: set in __init__ (from a file) or a property; a raising constructor is located at __init__', async () => {
    const init = await repoWith({
      'mcode/payload.json': '{"input": [1, 2]}',
      'mcode/test_m.py': 'import json\n\n\nclass ServiceTest:\n    def __init__(self):\n        with open("mcode/payload.json") as f:\n            self.prediction_input = json.load(f)\n\n    @property\n    def training_input(self):\n        return {"data": self.prediction_input}\n',
    });
    expect(await read(init)).toEqual({ payload: { input: [1, 2] }, line: 7 });
    expect(await read(init, 'training')).toEqual({ payload: { data: { input: [1, 2] } }, line: 10 });

    // The constructor raises: the class's own payload still serves; without one, the error names __init__.
    const raising = 'class ServiceTest:\n    prediction_input = {"a": 1}\n\n    def __init__(self):\n        raise OSError("no payload file")\n';
    expect(await read(await repoWith({ 'mcode/test_m.py': raising }))).toEqual({ payload: { a: 1 }, line: 2 });
    const err = await read(await repoWith({ 'mcode/test_m.py': raising }), 'training').catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/ServiceTest\(\) in mcode\/test_m\.py raised OSError: no payload file/);
    expect(err.problems[0]).toMatchObject({ line: 4, field: 'ServiceTest.training_input' });
  });

  it('reports an import error of the test module', async () => {
    const repo = await repoWith({ 'mcode/test_m.py': 'import not_a_module_anywhere\n\nclass ServiceTest:\n    prediction_input = {}\n' });
    const err = await read(repo).catch((e) => e);
    expect(err.message).toMatch(/ModuleNotFoundError: No module named 'not_a_module_anywhere'/);
    expect(err.problems[0]).toMatchObject({ file: join(repo, 'mcode/test_m.py'), line: 3 });
  });
});

describe('the credentials model tests see', () => {
  const planted: Record<string, string> = {
    COGNITE_CLIENT_ID_READ: 'reader', COGNITE_CLIENT_SECRET_READ: 'read-secret', COGNITE_TENANT_ID: 'tenant',
    COGNITE_OIDC_BASE_URL: 'https://x.cognitedata.com', COGNITE_PROJECT: 'proj',
    COGNITE_CLIENT_ID_WRITE: 'writer', COGNITE_CLIENT_SECRET_WRITE: 'write-secret',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
    ACTIONS_RUNTIME_TOKEN: 'runtime-token', GITHUB_TOKEN: 'ghs_token', 'INPUT_CLIENT-SECRET': 'input-secret',
    'INPUT_FUNCTION-SECRETS': '{"k": "v"}', MY_SERVICE_PASSWORD: 'pw', HTTPS_PROXY: 'http://proxy:3128', no_proxy: 'localhost',
    // The user's own variables: a name saying SECRET/TOKEN/PASSWORD/PRIVATE_KEY is dropped, others pass.
    MY_API_TOKEN: 'user-token', MY_DB_PRIVATE_KEY: 'pk', MY_SETTING: 'kept', PIP_INDEX_URL: 'https://pypi.example/simple',
    // The runner's workflow-command files: model code could forge outputs or set later steps' environment.
    GITHUB_OUTPUT: '/runner/out', GITHUB_ENV: '/runner/env', GITHUB_PATH: '/runner/path', GITHUB_STATE: '/runner/state',
    GITHUB_STEP_SUMMARY: '/runner/summary', GITHUB_REPOSITORY: 'akerbp/models',
    // The CLI's secrets and index variables (a CI's secured variables; index URLs carry credentials).
    MLOPS_FUNCTION_SECRETS: '{"k": "v"}', MLOPS_INDEX_URL: 'https://u:idx-tok@pkgs.example/simple', MLOPS_EXTRA_INDEX_URLS: 'https://x-tok@pkgs.example/simple',
  };
  afterEach(() => {
    for (const name of Object.keys(planted)) delete process.env[name];
  });

  it('keeps the read pair, tenant, base URL, project, proxies and plain user variables; drops write secrets, OIDC request tokens, GITHUB_TOKEN, inputs and secret-named user variables', () => {
    expect(Object.keys(modelTestEnvironment(planted)).sort()).toEqual([
      'COGNITE_CLIENT_ID_READ', 'COGNITE_CLIENT_SECRET_READ', 'COGNITE_OIDC_BASE_URL', 'COGNITE_PROJECT', 'COGNITE_TENANT_ID', 'GITHUB_REPOSITORY',
      'HTTPS_PROXY', 'MY_SETTING', 'PIP_INDEX_URL', 'no_proxy',
    ]);
  });

  it('a model test cannot read a write secret or an OIDC request token, and can read the read pair (also through akerbp.mlops)', async () => {
    Object.assign(process.env, planted);
    const repo = await repoWith({
      'mcode/test_m.py': `import os
from akerbp.mlops.core.config import client_secrets

WITHHELD = ["COGNITE_CLIENT_ID_WRITE", "COGNITE_CLIENT_SECRET_WRITE", "ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
            "ACTIONS_RUNTIME_TOKEN", "GITHUB_TOKEN", "INPUT_CLIENT-SECRET", "INPUT_FUNCTION-SECRETS", "MY_SERVICE_PASSWORD",
            "MY_API_TOKEN", "MY_DB_PRIVATE_KEY", "GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STATE", "GITHUB_STEP_SUMMARY"]


def test_no_write_secret_and_no_oidc_request_token():
    seen = [name for name in WITHHELD if name in os.environ]
    assert seen == []
    assert not any(value in ("write-secret", "oidc-request-token", "ghs_token") for value in os.environ.values())


def test_the_read_pair_and_where_cdf_is():
    assert os.environ["COGNITE_CLIENT_SECRET_READ"] == "read-secret" and os.environ["COGNITE_PROJECT"] == "proj"
    assert client_secrets == {"id-read": "reader", "secret-read": "read-secret", "tenant-id": "tenant", "base-url": "https://x.cognitedata.com"}
    assert os.environ["HTTPS_PROXY"] == "http://proxy:3128" and os.environ["MY_SETTING"] == "kept"
`,
    });
    const s = await runModelTests({ repoRoot: repo, model: settings('mcode/test_m.py'), python: 'python3', junitFile: join(repo, 'out', 'j.xml'), log: silentLogger });
    expect(s.failures).toEqual([]);
    expect(s).toMatchObject({ passed: 2, failed: 0 });
  });
});

describe('ServiceTest.prediction_check', () => {
  const settingsOf = (name: string) => `model_name: ${name}
human_friendly_model_name: ${name}
model_file: mcode/model.py
req_file: mcode/requirements.model
artifact_folder: null
test_file: mcode/test_${name}.py
python_version: py311
info:
  prediction:
    description: d
    owner: o@example.com
    metadata: {}
`;
  const testFile = (check: string) => `class ServiceTest:\n    prediction_input = {"input": [1, 2], "return_file": False}\n${check}\n\n\ndef test_ok():\n    pass\n`;

  it('fails the service test on a falsy result or an exception, and is ignored when not callable', async () => {
    const repo = await repoWith({
      'mlops_settings.yaml': ['falsy', 'raises', 'passes', 'data'].map(settingsOf).join('---\n'),
      'mcode/requirements.model': '',
      'mcode/model.py': 'class ModelException(Exception):\n    pass\n\n\ndef initialization(artifact_folder, secrets):\n    return None\n\n\ndef predict(data, init_object, secrets):\n    return {"n": len(data["input"])}\n',
      'mcode/test_falsy.py': testFile('    prediction_check = staticmethod(lambda response: response["prediction"]["n"] == 3)'),
      'mcode/test_raises.py': testFile('\n    def prediction_check(self, response):\n        raise ValueError("bad n " + str(response["prediction"]["n"]))'),
      'mcode/test_passes.py': testFile('\n    @staticmethod\n    def prediction_check(response):\n        return response["prediction"] == {"n": 2}'),
      'mcode/test_data.py': testFile('    prediction_check = {"status": "ok"}  # fetched but never called by the package'),
    });
    const results = await testModels({
      settingsFile: 'mlops_settings.yaml', workingDirectory: repo, models: [], python: 'python3', installRequirements: false,
      service: 'prediction', outputDir: '.mlops/test', log: silentLogger,
    });
    const by = Object.fromEntries(results.map((r) => [r.model, r]));
    expect(by.falsy.serviceTest).toBe('failed');
    expect(by.falsy.problems[0]).toMatchObject({ file: displayRepoPath(repo, 'mcode/test_falsy.py'), line: 3, field: 'ServiceTest.prediction_check' });
    expect(by.falsy.problems[0].message).toMatch(/ServiceTest\.prediction_check returned a falsy value for the response \{"status":"ok","prediction":\{"n":2\}/);
    expect(by.raises.problems[0]).toMatchObject({ file: displayRepoPath(repo, 'mcode/test_raises.py'), line: 4, field: 'ServiceTest.prediction_check' });
    expect(by.raises.problems[0].message).toMatch(/raised ValueError: bad n 2/);
    // A failing check still reports the model id the service really loaded, in the row and the message.
    expect(testSummaryRows([by.falsy, by.raises])).toEqual([['falsy', 1, 0, 0, 'failed', 'falsy/dev/1'], ['raises', 1, 0, 0, 'failed', 'raises/dev/1']]);
    expect(by.falsy.problems[0].message).toMatch(/^The prediction service test of model "falsy" failed \(model id falsy\/dev\/1\): /);
    for (const ok of [by.passes, by.data]) expect(ok).toMatchObject({ serviceTest: 'passed', modelId: `${ok.model}/dev/1`, problems: [] });
  }, 300_000);
});

describe('a model whose helper model cannot be fetched', () => {
  it('reports the credentials error once, with each missing variable once', async () => {
    const doc = (name: string, extra = '') => `model_name: ${name}\nhuman_friendly_model_name: ${name}\nmodel_file: mcode/${name}.py\nreq_file: mcode/requirements.model\nartifact_folder: null\ntest_file: mcode/test_${name}.py\npython_version: py311\n${extra}info:\n  prediction:\n    description: d\n    owner: o@example.com\n    metadata: {}\n`;
    const repo = await repoWith({
      'mlops_settings.yaml': `${doc('vsh')}---\n${doc('sonic', 'helper_models: [vsh]\n')}`,
      'mcode/requirements.model': '', 'mcode/vsh.py': '', 'mcode/sonic.py': '', 'mcode/test_vsh.py': '', 'mcode/test_sonic.py': '',
    });
    const [sonic] = await testModels({
      settingsFile: 'mlops_settings.yaml', workingDirectory: repo, models: ['sonic'], python: 'python3', installRequirements: false,
      service: 'prediction', outputDir: '.mlops/test', log: silentLogger,
      cdfClient: async () => { throw new MlopsError('CDF credentials are incomplete: COGNITE_PROJECT, COGNITE_TENANT_ID are not set.', [{ message: 'export COGNITE_PROJECT=p' }, { message: 'export COGNITE_TENANT_ID=t' }]); },
    });
    expect(sonic.problems).toHaveLength(1);
    expect(sonic.problems[0].file).toMatch(/mlops_settings\.yaml$/);
    expect(sonic.problems[0].message).toBe('The deployed package of helper model "vsh" (env prod, latest version) is fetched from CDF, which needs CDF credentials: CDF credentials are incomplete: COGNITE_PROJECT, COGNITE_TENANT_ID are not set. export COGNITE_PROJECT=p export COGNITE_TENANT_ID=t');
  });
});

describe("the service test's handler", () => {
  it('gets the read pair as a deployed function does (tenant-id, base-url, id-read, secret-read), never the write pair; without a read pair, no secrets', async () => {
    const repo = await repoWith({
      'mlops_settings.yaml': 'model_name: m\nhuman_friendly_model_name: m\nmodel_file: mcode/model.py\nreq_file: mcode/requirements.model\nartifact_folder: null\ntest_file: mcode/test_m.py\npython_version: py311\ninfo:\n  prediction:\n    description: d\n    owner: o@example.com\n    metadata: {}\n',
      'mcode/requirements.model': '',
      'mcode/model.py': `class ModelException(Exception):
    pass


def initialization(artifact_folder, secrets):
    # The package's model code builds its own client from these.
    return None if secrets is None else {"names": sorted(secrets), "id": secrets["id-read"], "url": secrets["base-url"], "tenant": secrets["tenant-id"]}


def predict(data, init_object, secrets):
    return {"seen": init_object, "secret_read_is_set": bool(secrets and secrets.get("secret-read") == "read-secret-value")}
`,
      'mcode/test_m.py': 'class ServiceTest:\n    prediction_input = {"data": {}}\n',
    });
    const vars = {
      COGNITE_CLIENT_ID_READ: 'reader-id', COGNITE_CLIENT_SECRET_READ: 'read-secret-value', COGNITE_OIDC_BASE_URL: 'https://api.example.com/',
      COGNITE_TENANT_ID: 'tenant-1', COGNITE_CLIENT_ID_WRITE: 'writer-id', COGNITE_CLIENT_SECRET_WRITE: 'write-secret-value',
    };
    const responseOf = async (env: Record<string, string>) => {
      const lines: string[] = [];
      Object.assign(process.env, env);
      try {
        const [result] = await testModels({
          settingsFile: 'mlops_settings.yaml', workingDirectory: repo, models: [], python: 'python3', installRequirements: false,
          service: 'prediction', outputDir: '.mlops/test', log: { ...silentLogger, info: (l: string) => lines.push(l) },
        });
        expect(result.problems).toEqual([]);
        return JSON.parse(/passed with model m\/dev\/1: (\{.*\})$/m.exec(lines.join('\n'))?.[1] ?? 'null');
      } finally {
        for (const k of Object.keys(env)) delete process.env[k];
      }
    };
    expect((await responseOf(vars)).prediction).toEqual({
      seen: { names: ['base-url', 'id-read', 'secret-read', 'tenant-id'], id: 'reader-id', url: 'https://api.example.com', tenant: 'tenant-1' }, secret_read_is_set: true,
    });
    const { COGNITE_CLIENT_ID_READ: _id, COGNITE_CLIENT_SECRET_READ: _secret, ...writeOnly } = vars;
    expect((await responseOf(writeOnly)).prediction).toEqual({ seen: null, secret_read_is_set: false });
  }, 300_000);
});

describe("the artifacts a service test sees (the pipeline's test job of one model)", () => {
  const model = (name: string, folder = 'mcode') => `model_name: ${name}\nhuman_friendly_model_name: ${name}\nmodel_file: ${folder}/${name}.py\nreq_file: mcode/requirements.model\nartifact_folder: ${name}_artifact\ntest_file: ${folder}/test_${name}.py\ndataset: mlops\npython_version: py311\ninfo:\n  prediction:\n    description: d\n    owner: o@example.com\n    metadata: {}\n`;
  const code = (body: string) => `import json\nimport os\n\n\nclass ModelException(Exception):\n    pass\n\n\ndef initialization(artifact_folder, secrets):\n    with open(os.path.join(artifact_folder, "v.json")) as f:\n        return json.load(f)\n\n\ndef predict(data, init_object, secrets):\n${body}`;
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let client: Awaited<ReturnType<typeof createCdfClient>>;
  let repo: string;
  const test = async (models: string[], artifactVersion: number | null, keepFolders = false) => {
    const lines: string[] = [];
    const [result] = await testModels({
      settingsFile: 'mlops_settings.yaml', workingDirectory: repo, models, python: 'python3', installRequirements: false,
      service: 'prediction', outputDir: '.mlops/test', artifactEnv: 'test', artifactVersion, cdfClient: async () => client,
      log: { ...silentLogger, info: (l: string) => lines.push(l), warning: (l: string) => lines.push(l) },
    });
    if (!keepFolders) for (const name of ['alpha', 'beta', 'gamma']) await rm(join(repo, `${name}_artifact`), { recursive: true, force: true });
    return { result, out: lines.join('\n') };
  };

  beforeAll(async () => {
    repo = await repoWith({
      'mlops_settings.yaml': `${model('alpha')}---\n${model('beta')}---\n${model('gamma', 'gcode')}`,
      'mcode/requirements.model': '',
      'mcode/alpha.py': code('    return init_object["v"]\n'),
      'mcode/beta.py': code('    from akerbp.mlops.cdf.helpers import call_function\n    return {"beta": init_object["v"], "alpha": call_function(f"alpha-prediction-{os.environ[\'MODEL_ENV\']}", {"data": {}})["prediction"]}\n'),
      'mcode/test_alpha.py': 'class ServiceTest:\n    prediction_input = {"data": {}}\n',
      'mcode/test_beta.py': 'class ServiceTest:\n    prediction_input = {"data": {}}\n',
      // 4.x model code reading another model's artifacts, and its own versions, at run time.
      'gcode/gamma.py': code(`    import tempfile
    import akerbp.mlops.model_manager as mm
    mm.setup()
    folder = tempfile.mkdtemp()
    xid = mm.download_model_version("alpha", os.environ["MODEL_ENV"], folder)
    with open(os.path.join(folder, "v.json")) as f:
        alpha = json.load(f)["v"]
    try:
        mm.download_model_version("alpha", os.environ["MODEL_ENV"], folder, version=1)
        missing = None
    except Exception as e:
        missing = type(e).__name__ + ": ..." + str(e)[-110:]  # the log shows 300 characters of the response
    return {"xid": xid, "alpha": alpha, "own": len(mm.get_model_version_overview(model_name="gamma", output_logs=False)), "missing": missing}
`),
      'gcode/test_gamma.py': 'class ServiceTest:\n    prediction_input = {"data": {}}\n',
    });
    emu = await startEmulator();
    client = await createCdfClient(resolveCdfConfig({}, { COGNITE_PROJECT: emu.project, COGNITE_OIDC_BASE_URL: emu.url, COGNITE_TOKEN_URL: emu.tokenUrl, COGNITE_CLIENT_ID_WRITE: 'w', COGNITE_CLIENT_SECRET_WRITE: 's' }), { access: 'write' });
    const manager = new ModelManager({ client });
    // As on a runner: artifacts in the Model Manager only; the latest in test: alpha 2, beta 3, gamma 1.
    for (const [name, versions] of [['alpha', 2], ['beta', 3], ['gamma', 1]] as const) {
      await mkdir(join(repo, `${name}_artifact`));
      for (let v = 1; v <= versions; v++) {
        await writeFile(join(repo, `${name}_artifact`, 'v.json'), JSON.stringify({ v: `${name}${v}` }));
        await manager.uploadNewVersion(name, 'test', join(repo, `${name}_artifact`));
      }
      await rm(join(repo, `${name}_artifact`), { recursive: true });
    }
  }, 120_000);
  afterAll(() => emu?.stop());

  it('the step\'s artifact version applies to the models tested only: a model their service test calls gets its own latest version in the env', async () => {
    const { result: beta, out } = await test(['beta'], 3);
    expect(beta.problems, out).toEqual([]);
    expect(beta.modelId).toBe('beta/test/3');
    expect(out).toContain("Service tests can call alpha-prediction-test: this run's package of alpha (artifact version 2)");
    expect(out).toMatch(/"prediction":\{"beta":"beta3","alpha":"alpha2"\}/);
  }, 300_000);

  it('a folder an earlier step downloaded, asked for again at that version, is reported as that version while unchanged (the pipeline\'s training step after its prediction step), and as a local folder once edited', async () => {
    const first = await test(['alpha'], 2, true);
    expect(first.result.modelId, first.out).toBe('alpha/test/2');
    const again = await test(['alpha'], 2, true);
    expect(again.result.modelId, again.out).toBe('alpha/test/2');
    expect(again.out).toContain('alpha_artifact is artifact version 2 (test), downloaded by an earlier step and unchanged since.');
    await writeFile(join(repo, 'alpha_artifact', 'v.json'), JSON.stringify({ v: 'edited' }));
    const edited = await test(['alpha'], 2);
    expect(edited.result.modelId, edited.out).toBe('alpha/dev/1');
  }, 300_000);

  it('mm.download_model_version and get_model_version_overview read the artifact versions the run packaged, as deployed; others are missing with a message saying why', async () => {
    const { result: gamma, out } = await test(['gamma'], null);
    expect(gamma.problems, out).toEqual([]);
    const answered = JSON.parse(/passed with model gamma\/test\/1: (\{.*\})$/m.exec(out)?.[1] ?? 'null');
    expect(answered.prediction).toMatchObject({ xid: 'alpha/test/2', alpha: 'alpha2', own: 1 });
    expect(answered.prediction.missing).toMatch(/^MissingModelArtifactsError: \.\.\.: alpha versions \[2\] in test\), without their metadata; other versions are not reachable from the service test\.$/);
  }, 300_000);
});

describe('akerbp.mlops beside a regular akerbp package', () => {
  it('pytest, the ServiceTest reader and the service test import akerbp.mlops and akerbp.mlpet when site-packages holds akerbp/__init__.py', async () => {
    // An interpreter whose site-packages has a regular (non-namespace) akerbp, as an old
    // akerbp.mlpet wheel or a company package would install it: it wins over our namespace portion.
    const venv = await mkdtemp(join(tmpdir(), 'akerbp-regular-'));
    const made = spawnSync('python3', ['-m', 'venv', '--system-site-packages', '--without-pip', venv], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const python = join(venv, 'bin', 'python');
    const site = spawnSync(python, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).stdout.trim();
    await mkdir(join(site, 'akerbp', 'mlpet'), { recursive: true });
    await writeFile(join(site, 'akerbp', '__init__.py'), 'REGULAR = True\n');
    await writeFile(join(site, 'akerbp', 'mlpet', '__init__.py'), 'VERSION = "stand-in"\n');
    const repo = await repoWith({
      'mlops_settings.yaml': 'model_name: m\nhuman_friendly_model_name: m\nmodel_file: mcode/model.py\nreq_file: mcode/requirements.model\nartifact_folder: null\ntest_file: mcode/test_m.py\npython_version: py311\ninfo:\n  prediction:\n    description: d\n    owner: o@example.com\n    metadata: {}\n',
      'mcode/requirements.model': '',
      'mcode/model.py': `import akerbp
import akerbp.mlpet
from akerbp.mlops.core import logger

log = logger.get_logger("m")


class ModelException(Exception):
    pass


def initialization(artifact_folder, secrets):
    return None


def predict(data, init_object, secrets):
    log.info("mlpet %s", akerbp.mlpet.VERSION)
    import os  # the service test's handler sees the proxy and MODEL_ENV, as in CDF; never a secret-named variable
    env = {k: os.environ.get(k) for k in ("HTTPS_PROXY", "MODEL_ENV", "MY_API_TOKEN")}
    return {"mlpet": akerbp.mlpet.VERSION, "regular": akerbp.REGULAR, "env": env}
`,
      'mcode/test_m.py': `import akerbp.mlpet
from akerbp.mlops.core import exceptions
from mcode.model import predict


class ServiceTest:
    prediction_input = {"data": {}}
    prediction_check = staticmethod(lambda response: response["prediction"] == {
        "mlpet": "stand-in", "regular": True, "env": {"HTTPS_PROXY": "http://proxy:3128", "MODEL_ENV": "dev", "MY_API_TOKEN": None}})


def test_both_import():
    assert issubclass(exceptions.FunctionCallError, Exception)
    assert predict({}, None, None)["mlpet"] == "stand-in"
`,
    });
    Object.assign(process.env, { HTTPS_PROXY: 'http://proxy:3128', MY_API_TOKEN: 'user-token' });
    let result;
    try {
      [result] = await testModels({
        settingsFile: 'mlops_settings.yaml', workingDirectory: repo, models: [], python, installRequirements: false,
        service: 'prediction', outputDir: '.mlops/test', log: silentLogger,
      });
    } finally {
      delete process.env.HTTPS_PROXY;
      delete process.env.MY_API_TOKEN;
    }
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ tests: { passed: 1, failed: 0 }, serviceTest: 'passed', modelId: 'm/dev/1' });
  }, 300_000);
});

describe('functionsNamedBy: the repository functions a service test may call', () => {
  it('names a model used as a word at the run env, a spelled-out external id at its own env, and nothing else', async () => {
    const repo = await repoWith({
      'alpha_code/alpha.py': 'import os\nfrom akerbp.mlops.cdf.helpers import call_function\n\n\ndef predict(data, init, secrets):\n'
        + '    b = call_function(f"beta-prediction-{os.environ[\'MODEL_ENV\']}", data)\n    return call_function("gamma-prediction-prod", b)\n',
      'alpha_code/notes.yaml': 'alphabet: not a model name\n',
      'other/delta.py': 'x = "alpha"\n',
    });
    const model = (name: string, folder: string): ModelSettings => ({ ...settings(`${folder}/test_${name}.py`), modelName: name, modelFile: `${folder}/${name}.py` });
    // alph is only part of words (alpha, alphabet): never named.
    const models = [model('alpha', 'alpha_code'), model('beta', 'other'), model('gamma', 'other'), model('delta', 'other'), model('alph', 'other')];
    const named = await functionsNamedBy(repo, models[0], models, 'test');
    expect(named.map((n) => [n.peer.modelName, n.externalIds])).toEqual([['beta', ['beta-prediction-test']], ['gamma', ['gamma-prediction-prod']]]);
    // delta's folder names alpha: alpha's function of the run's env.
    expect((await functionsNamedBy(repo, models[3], models, 'dev')).map((n) => n.externalIds)).toEqual([['alpha-prediction-dev']]);
  });
});
