// Repositories written for the akerbp-mlops package (facts: shared/reference/akerbp-mlops-4.x-facts.md)
// validate with warnings only; one is deployed to the emulator with the built CLI (`node dist/cli/index.js`,
// build it first: `node scripts/build.mjs dist cli`) and its function's metadata, read back through
// @cognite/sdk's authenticated client.post, parses with ast.literal_eval as consumers parsed it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUITE_METADATA_KEYS, createCdfClient, loadSettings, resolveCdfConfig } from '@akerbp-mlops/core';
import { mlopsAsync } from '../../cli/test/helpers/built-cli.js';
import { cogniteEnv } from '../../../test/helpers/emulator-env.js';

/** A model repository: model code, a ServiceTest, `requirements.model` and the settings (plus `extra` files). */
function repo(settings: string, requirements: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'package-repo-'));
  const files: Record<string, string> = {
    'model_code/model.py': 'def initialization(artifact_folder, secrets):\n    return None\n\ndef predict(data, init_object, secrets):\n    return data\n',
    'model_code/test_model.py': 'class ServiceTest:\n    prediction_input = {}\n    def prediction_check(self, output):\n        return True\n\ndef test_loads():\n    pass\n',
    'model_code/requirements.model': requirements,
    'mlops_settings.yaml': settings,
    ...extra,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The 4.1.0 setup template's shape: 13 metadata pairs, packages_to_check, models_to_keep, and a key nobody validated. */
const TEMPLATE_410 = `model_name: my_model
human_friendly_model_name: 'My model'
model_file: model_code/model.py
req_file: model_code/requirements.model
artifact_folder: model_artifact
artifact_version: null
test_file: model_code/test_model.py
platform: cdf
python_version: py311
helper_models: [{model_name: automatic_vsh, env: prod, version: 3, target_path: model_code/helpers}]
packages_to_check: [akerbp-mlpet]
models_to_keep: 5
team_contact: data-science   # not a package key: pydantic ignored it
info:
  prediction:
    description: Predicts AC
    owner: data@science.com
    metadata:
      required_input: [ACS, RDEP, DEN]
      optional_input: []
      keyword_arguments: [{name: keyword_1, required: true, default: null}, {name: keyword_2, required: false, default: 0.5}]
      training_wells: [3/14, 2/7-18]
      input_types: [int, float, string]
      units: [s/ft, 1, kg/m3]
      output_curves: [AC]
      output_units: [s/ft]
      petrel_exposure: False
      supports_external_retrieval: True
      imputed: True
      num_filler: -999.15
      cat_filler: UNKNOWN
`;

/** A 3.x repository: the dotted requirement, keep_all_models, helper models as names. */
const REPO_3X = `model_name: old_model
human_friendly_model_name: Old model
model_file: model_code/model.py
req_file: model_code/requirements.model
artifact_folder: model_artifact
test_file: model_code/test_model.py
python_version: py311
helper_models: [automatic_vsh, other_helper]
keep_all_models: true
info:
  prediction:
    description: Old
    owner: old@science.com
    metadata:
      required_input: [ACS]
      started: 2020-01-01
      dates: [2020-01-01]
`;

describe('repositories written for the akerbp-mlops package', () => {
  it('a 4.1.0-template repository and a 3.x one validate with warnings only; metadata values ast.literal_eval back', async () => {
    const modern = await loadSettings({ file: 'mlops_settings.yaml', repoRoot: repo(TEMPLATE_410, 'akerbp-mlops==MLOPS_VERSION\nakerbp-mlpet==4.2\nnumpy==1.26.4\n') });
    expect(modern.warnings).toMatchObject([{ field: 'my_model.team_contact', line: 13, message: expect.stringMatching(/^unknown key "team_contact"; allowed here/) }]);
    expect(modern.warnings).toHaveLength(1);
    const [m] = modern.models;
    expect(Object.keys(m.info.prediction.metadata)).toHaveLength(13);
    expect(m.retention).toEqual({ keep: 5, from: 'models_to_keep' });
    expect(m.helperModels).toEqual([{ name: 'automatic_vsh', env: 'prod', version: 3, targetPath: 'model_code/helpers', packagesToCheck: ['akerbp-mlpet'] }]);

    const old = await loadSettings({ file: 'mlops_settings.yaml', repoRoot: repo(REPO_3X, 'akerbp.mlops==MLOPS_VERSION\npandas\n') });
    expect(old.warnings.map((w) => [w.line, w.message])).toEqual([
      [17, 'PyYAML (which akerbp-mlops used) reads 2020-01-01 as a date datetime.date(2020, 1, 1); write "2020-01-01" to keep the text'],
    ]);
    expect(old.models[0].retention).toEqual({ keep: 'all', from: 'keep_all_models' });
    expect(old.models[0].helperModels.map((h) => h.name)).toEqual(['automatic_vsh', 'other_helper']);

    // What consumers did with the deployed strings: ast.literal_eval (dates need datetime in scope, as eval would).
    const metadata = { ...m.info.prediction.metadata, ...Object.fromEntries(Object.entries(old.models[0].info.prediction.metadata).map(([k, v]) => [`old_${k}`, v])) };
    const parsed = JSON.parse(execFileSync('python3', ['-c', `
import ast, datetime, json, sys
md = json.load(sys.stdin)
out = {}
for k, v in md.items():
    try:
        out[k] = repr(ast.literal_eval(v))
    except Exception:
        out[k] = repr(eval(v, {'datetime': datetime})) if v.startswith('[datetime') else 'str:' + v
print(json.dumps(out))`], { input: JSON.stringify(metadata), encoding: 'utf8' })) as Record<string, string>;
    expect(parsed).toMatchObject({
      required_input: "['ACS', 'RDEP', 'DEN']",
      optional_input: '[]',
      keyword_arguments: "[{'name': 'keyword_1', 'required': True, 'default': None}, {'name': 'keyword_2', 'required': False, 'default': 0.5}]",
      units: "['s/ft', 1, 'kg/m3']",
      petrel_exposure: 'False',
      num_filler: '-999.15',
      cat_filler: 'str:UNKNOWN',
      old_started: 'str:2020-01-01',
      old_dates: '[datetime.date(2020, 1, 1)]',
    });
  });
});

/** The helper model the template names (`automatic_vsh`, prod, version 3): no artifacts, so artifact_version sets its version. */
const HELPER = `model_name: automatic_vsh
human_friendly_model_name: Automatic VSH
model_file: model_code/model.py
req_file: model_code/requirements.model
artifact_folder: null
artifact_version: 3
test_file: model_code/test_model.py
python_version: py311
info:
  prediction:
    description: VSH helper
    owner: data@science.com
`;

describe('a 4.1.0-template repository deployed to the emulator', () => {
  let emu: RunningEmulator;
  let cdfEnv: Record<string, string>;
  let client: CogniteClient;

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 20 });
    cdfEnv = cogniteEnv(emu, 'deploy-secret-value');
    client = await createCdfClient(resolveCdfConfig({}, cdfEnv), { access: 'write' });
  });
  afterAll(() => emu?.stop());

  /** `mlops deploy` of the repository, as a user runs it (outside CI: no GITHUB_* / MODEL_ENV). */
  const deploy = (dir: string, args: string[]) => {
    const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB_|COGNITE_|MODEL_ENV$|TESTING_ONLY$)/.test(k)));
    return mlopsAsync(['deploy', '--repo', dir, '--no-install', ...args], { bareEnv: true, env: { ...env, ...cdfEnv }, timeoutMs: 400_000 });
  };

  it('deploys with its helper model; the 13 metadata pairs read back through client.post and ast.literal_eval as the package wrote them', async () => {
    const helper = await deploy(repo(HELPER, 'akerbp-mlops==MLOPS_VERSION\n'), ['--env', 'prod', '--yes']);
    expect(helper.code, helper.stdout + helper.stderr).toBe(0);
    // Offline, the emulator's pip finds only what the interpreter has: numpy unpinned.
    const dir = repo(TEMPLATE_410, 'akerbp-mlops==MLOPS_VERSION\nnumpy\n', { 'model_artifact/weights.json': '{"w": 2}\n' });
    const run = await deploy(dir, ['--env', 'dev']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/team_contact.*unknown key "team_contact"/);
    expect(run.stdout + run.stderr).toMatch(/Helper model automatic_vsh: automatic_vsh-prediction-prod-3 \(version 3/);

    const { data } = await client.post<{ items: { externalId: string; metadata: Record<string, string> }[] }>(
      `/api/v1/projects/${emu.project}/functions/byids`, { data: { items: [{ externalId: 'my_model-prediction-dev' }] } },
    );
    const { metadata } = data.items[0];
    // CDF's 16 pairs: the user's 13 and the suite's 3.
    expect(Object.keys(metadata).sort()).toEqual([...SUITE_METADATA_KEYS, 'required_input', 'optional_input', 'keyword_arguments', 'training_wells',
      'input_types', 'units', 'output_curves', 'output_units', 'petrel_exposure', 'supports_external_retrieval', 'imputed', 'num_filler', 'cat_filler'].sort());
    expect(metadata).toMatchObject({
      required_input: "['ACS', 'RDEP', 'DEN']",
      keyword_arguments: "[{'name': 'keyword_1', 'required': True, 'default': None}, {'name': 'keyword_2', 'required': False, 'default': 0.5}]",
      petrel_exposure: 'False', num_filler: '-999.15', cat_filler: 'UNKNOWN', model_id: expect.stringMatching(/^my_model\/dev\/\d+$/),
    });

    // What consumers did with them: ast.literal_eval of the list values.
    const parsed = JSON.parse(execFileSync('python3', ['-c', `
import ast, json, sys
md = json.load(sys.stdin)
lists = {k: ast.literal_eval(v) for k, v in md.items() if v.startswith('[')}
print(json.dumps(lists))`], { input: JSON.stringify(metadata), encoding: 'utf8' })) as Record<string, unknown>;
    expect(parsed).toEqual({
      required_input: ['ACS', 'RDEP', 'DEN'],
      optional_input: [],
      keyword_arguments: [{ name: 'keyword_1', required: true, default: null }, { name: 'keyword_2', required: false, default: 0.5 }],
      training_wells: ['3/14', '2/7-18'],
      input_types: ['int', 'float', 'string'],
      units: ['s/ft', 1, 'kg/m3'],
      output_curves: ['AC'],
      output_units: ['s/ft'],
    });
  }, 600_000);
});
