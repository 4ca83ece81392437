import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MlopsError,
  RESERVED_METADATA_KEYS,
  USER_METADATA_BUDGET,
  loadSettings,
  modelMatrix,
  planRetention,
  settingsToJson,
  type Env,
  type Problem,
} from '@akerbp-mlops/core';

const fixtures = resolve(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'settings');

/** A temp model repo with the usual files and the given settings text. */
function repo(settings: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'settings-'));
  const files: Record<string, string> = {
    'model_code/model.py': 'def predict(data, init_object, secrets):\n    return data\n',
    'model_code/test_model.py': 'def test_ok():\n    pass\n',
    'model_code/requirements.model': 'numpy\n',
    ...extra,
  };
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  writeFileSync(join(dir, 'mlops_settings.yaml'), settings);
  return dir;
}

/** A valid model document; `over` replaces or adds top-level lines (value `undefined` drops one). */
function doc(over: Record<string, string | undefined> = {}, info = 'info:\n  prediction:\n    description: d\n    owner: o@x.com\n'): string {
  const base: Record<string, string | undefined> = {
    model_name: 'm1',
    human_friendly_model_name: "'Model one'",
    model_file: 'model_code/model.py',
    req_file: 'model_code/requirements.model',
    artifact_folder: 'model_artifact',
    test_file: 'model_code/test_model.py',
    python_version: 'py311',
    ...over,
  };
  return Object.entries(base).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}\n`).join('') + info;
}

async function load(settings: string, options: { env?: Env; models?: string[]; extra?: Record<string, string> } = {}) {
  const dir = repo(settings, options.extra);
  return loadSettings({ file: 'mlops_settings.yaml', repoRoot: dir, env: options.env, models: options.models });
}

async function problems(settings: string, options: { env?: Env; models?: string[]; extra?: Record<string, string> } = {}): Promise<Problem[]> {
  try {
    await load(settings, options);
  } catch (err) {
    expect(err).toBeInstanceOf(MlopsError);
    expect((err as MlopsError).message).toMatch(/mlops_settings\.yaml: \d+ problems? in settings/);
    return (err as MlopsError).problems;
  }
  throw new Error('expected the settings to be refused');
}

async function oneProblem(settings: string, options: { env?: Env; extra?: Record<string, string> } = {}): Promise<Problem> {
  const found = await problems(settings, options);
  expect(found, JSON.stringify(found, null, 1)).toHaveLength(1);
  return found[0];
}

describe('loadSettings on the example fixture', () => {
  it('loads both documents with anchors, merge keys and normalised values', async () => {
    const s = await loadSettings({ file: join(fixtures, 'valid', 'mlops_settings.yaml') });
    expect(s.file).toBe('mlops_settings.yaml');
    expect(s.repoRoot).toBe(join(fixtures, 'valid'));
    expect(s.models.map((m) => m.modelName)).toEqual(['model1', 'model2']);
    const [m1, m2] = s.models;
    expect(m1.source).toEqual({ file: expect.stringMatching(/valid\/mlops_settings\.yaml$/), line: 2 });
    expect(m2.source.line).toBe(42);
    // The training service inherits owner from the prediction anchor and overrides the rest.
    expect(m1.info.training?.owner).toBe('data@science.com');
    expect(m1.info.training?.description).toBe('Description training service, model1');
    expect(m1.info.prediction.metadata).toEqual({
      required_input: "['ACS', 'RDEP', 'DEN']",
      training_wells: "['3/14', '2/7-18']",
      petrel_exposure: 'False',
      imputed: 'True',
      num_filler: '-999.15',
      cat_filler: 'UNKNOWN',
    });
    expect(m1.info.training?.metadata.hyperparameters).toBe("{'learning_rate': '1e-3', 'batch_size': 100}");
    expect(m1.helperModels).toEqual([
      { name: 'my_helper_model', env: 'prod', version: null, targetPath: 'helper_models/my_helper_model', packagesToCheck: ['akerbp-mlpet'] },
      { name: 'other_helper', env: 'test', version: 3, targetPath: 'helper_models/other_helper', packagesToCheck: ['akerbp-mlpet'] },
    ]);
    expect(m1).toMatchObject({ artifactVersion: 1, platform: 'cdf', dataset: 'mlops', pythonVersion: 'py311', testFile: 'model_code/test_model1.py' });
    // `python_version: 3.12` is a YAML number; the text as written decides.
    expect(m2).toMatchObject({ pythonVersion: 'py312', artifactFolder: null, testFile: null, artifactVersion: null, helperModels: [] });
    expect(m2.info.training).toBeUndefined();
  });

  it('produces machine-independent JSON and a per-model matrix', async () => {
    const s = await loadSettings({ file: 'mlops_settings.yaml', repoRoot: join(fixtures, 'valid'), models: ['model2'] });
    const json = settingsToJson(s);
    expect(json.models.map((m) => m.modelName)).toEqual(['model2']);
    expect(JSON.stringify(json)).not.toContain(fixtures);
    // python_version: 3.12 → setup-python's "3.12"
    expect(modelMatrix(s)).toEqual({ include: [{ model: 'model2', python: '3.12' }] });
  });

  it('reports every fault of the faulty fixture at its line', async () => {
    const err = await loadSettings({ file: join(fixtures, 'faulty', 'mlops_settings.yaml'), env: 'dev' }).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    const lines = (err as MlopsError).problems.map((p) => [p.line, p.field]);
    expect(lines).toEqual([
      [1, 'document[1].model_name'],
      [2, 'document[1].human_friendly_model_name'],
      [3, 'document[1].model_file'],
      [4, 'document[1].req_file'],
      [5, 'document[1].artifact_folder'],
      [7, 'document[1].platform'],
      [8, 'document[1].python_version'],
      [14, 'document[1].info.prediction.metadata.version'],
      [18, 'model2.model_file'],
      [22, 'model2.info.prediction.owner'],
    ]);
  });
});

describe('settings rules', () => {
  it('accepts a minimal model with defaults', async () => {
    const [m] = (await load(doc({ artifact_folder: undefined, test_file: undefined }))).models;
    expect(m).toMatchObject({ platform: 'cdf', dataset: 'mlops', artifactFolder: null, testFile: null, artifactVersion: null });
  });

  it('model_name: letters, digits and _ only', async () => {
    const p = await oneProblem(doc({ model_name: 'my model' }));
    expect(p).toMatchObject({ line: 1, column: 13, field: 'document[1].model_name' });
    expect(p.message).toContain('"my model"');
  });

  it('model_name must be unique across documents', async () => {
    const p = await oneProblem(`${doc()}---\n${doc()}`);
    expect(p).toMatchObject({ line: 13, field: 'm1.model_name' });
    expect(p.message).toMatch(/already used by the model at line 1/);
  });

  it('human_friendly_model_name: 1-140 characters', async () => {
    await expect(load(doc({ human_friendly_model_name: 'x'.repeat(140) }))).resolves.toBeTruthy();
    const p = await oneProblem(doc({ human_friendly_model_name: 'x'.repeat(141) }));
    expect(p).toMatchObject({ field: 'm1.human_friendly_model_name', line: 2 });
    expect(p.message).toMatch(/at most 140 characters; found 141/);
  });

  it.each([
    ['model_code/missing.py', /does not exist/],
    ['/abs/model.py', /relative to the repository root/],
    ['../model.py', /inside the repository/],
    ['model_code\\model.py', /"\/"/],
    ['model.py', /inside a folder/],
    ['model_code/requirements.model', /Python file/],
  ])('model_file %s is refused', async (value, message) => {
    const p = await oneProblem(doc({ model_file: value.includes('\\') ? `'${value}'` : value }), { extra: { 'model.py': '' } });
    expect(p.field).toBe('m1.model_file');
    expect(p.line).toBe(3);
    expect(p.message).toMatch(message);
  });

  it('model_file may not lead out of the repository through a symlink', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'evil.py'), '');
    const dir = repo(doc({ model_file: 'model_code/link/evil.py' }));
    symlinkSync(outside, join(dir, 'model_code', 'link'));
    const err = await loadSettings({ file: 'mlops_settings.yaml', repoRoot: dir }).catch((e) => e);
    expect((err as MlopsError).problems[0].message).toMatch(/leads outside the repository/);
  });

  it('req_file must exist and not end in .txt', async () => {
    const p = await oneProblem(doc({ req_file: 'model_code/requirements.txt' }), { extra: { 'model_code/requirements.txt': '' } });
    expect(p).toMatchObject({ field: 'm1.req_file', line: 4 });
    expect(p.message).toMatch(/must not end in \.txt/);
    expect((await oneProblem(doc({ req_file: 'model_code/reqs.model' }))).message).toMatch(/does not exist/);
  });

  it('test_file must exist, or be null', async () => {
    expect((await oneProblem(doc({ test_file: 'model_code/nope.py' }))).field).toBe('m1.test_file');
    expect((await load(doc({ test_file: 'null' }))).models[0].testFile).toBeNull();
  });

  it('artifact_folder need not exist outside dev, must exist in dev, may be null', async () => {
    await expect(load(doc(), { env: 'test' })).resolves.toBeTruthy();
    await expect(load(doc(), { env: 'prod' })).resolves.toBeTruthy();
    const p = await oneProblem(doc(), { env: 'dev' });
    expect(p).toMatchObject({ field: 'm1.artifact_folder', line: 5 });
    await expect(load(doc(), { env: 'dev', extra: { 'model_artifact/model.bin': 'x' } })).resolves.toBeTruthy();
    await expect(load(doc({ artifact_folder: 'null' }), { env: 'dev' })).resolves.toBeTruthy();
  });

  it('artifact_version is an optional positive whole number', async () => {
    expect((await load(doc({ artifact_version: '7' }))).models[0].artifactVersion).toBe(7);
    expect((await oneProblem(doc({ artifact_version: '0' }))).message).toMatch(/greater than 0; found 0/);
    expect((await oneProblem(doc({ artifact_version: '1.5' }))).message).toMatch(/whole number/);
  });

  it('platform is cdf or local', async () => {
    expect((await load(doc({ platform: 'local' }))).models[0].platform).toBe('local');
    expect((await oneProblem(doc({ platform: 'aws' }))).message).toBe('must be one of cdf, local; found "aws"');
  });

  it('dataset defaults to mlops and may be null', async () => {
    expect((await load(doc({ dataset: 'null' }))).models[0].dataset).toBeNull();
    expect((await load(doc({ dataset: 'my_set' }))).models[0].dataset).toBe('my_set');
  });

  it.each([
    ['py310', 'py310'],
    ['3.11', 'py311'],
    ["'3.13'", 'py313'],
    ['3.10', 'py310'],
    ['python3.12', 'py312'],
    ['3.14', 'py314'],
  ])('python_version %s means %s', async (written, runtime) => {
    expect((await load(doc({ python_version: written }))).models[0].pythonVersion).toBe(runtime);
  });

  it('python_version py39 gets a hint; unknown runtimes list the allowed ones', async () => {
    const p = await oneProblem(doc({ python_version: 'py39' }));
    expect(p).toMatchObject({ field: 'm1.python_version', line: 7, column: 17 });
    expect(p.message).toMatch(/CDF dropped py39 in Oct 2025; use python_version: py311/);
    expect((await oneProblem(doc({ python_version: 'py315' }))).message).toMatch(/allowed: py310, py311, py312, py313, py314/);
  });

  it('python_version is required for cdf, not for local', async () => {
    expect((await oneProblem(doc({ python_version: undefined }))).message).toMatch(/required when platform is cdf/);
    expect((await load(doc({ python_version: undefined, platform: 'local' }))).models[0].pythonVersion).toBe('py311');
  });

  it('helper_models are names or objects with defaults', async () => {
    const helpers = '\n  - plain_helper\n  - name: pinned\n    env: test\n    version: 2\n    target_path: model_code/helpers/pinned\n    packages_to_check: [akerbp-mlpet, numpy]';
    const [m] = (await load(doc({ helper_models: helpers }))).models;
    expect(m.helperModels).toEqual([
      { name: 'plain_helper', env: 'prod', version: null, targetPath: 'helper_models/plain_helper', packagesToCheck: ['akerbp-mlpet'] },
      { name: 'pinned', env: 'test', version: 2, targetPath: 'model_code/helpers/pinned', packagesToCheck: ['akerbp-mlpet', 'numpy'] },
    ]);
    // 4.1.0's objects use model_name; `name` stays an alias; unknown keys are warnings, as pydantic ignored them.
    const objects = await load(doc({ helper_models: '\n  - model_name: h\n    evn: test\n  - {name: g, model_name: g, version: "3"}' }));
    expect(objects.models[0].helperModels.map((h) => [h.name, h.env, h.version])).toEqual([['h', 'prod', null], ['g', 'prod', 3]]);
    expect(objects.warnings).toMatchObject([{ field: 'm1.helper_models[0].evn', line: 10, column: 5, message: expect.stringMatching(/did you mean "env"/) }]);
    expect((await oneProblem(doc({ helper_models: '[bad-name]' }))).field).toBe('m1.helper_models[0].model_name');
    expect((await oneProblem(doc({ helper_models: '[{name: a, model_name: b}]' }))).message).toMatch(/names another model than model_name \("b"\)/);
    expect((await oneProblem(doc({ helper_models: '[{env: test}]' }))).field).toBe('m1.helper_models[0].model_name');
  });

  it('models_to_keep / keep_all_models set the retention as the package did; 0 keeps only the serving one, with a warning', async () => {
    const retention = async (extra: Record<string, string>) => (await load(doc(extra))).models[0].retention;
    expect(await retention({})).toEqual({ keep: 3, from: 'default' });
    expect(await retention({ models_to_keep: '5' })).toEqual({ keep: 5, from: 'models_to_keep' });
    expect(await retention({ models_to_keep: "'2'", keep_all_models: 'false' })).toEqual({ keep: 2, from: 'models_to_keep' });
    expect(await retention({ models_to_keep: '2', keep_all_models: 'yes' })).toEqual({ keep: 'all', from: 'keep_all_models' });
    // pydantic v1 took these strings as booleans.
    expect(await retention({ keep_all_models: 'y' })).toEqual({ keep: 'all', from: 'keep_all_models' });
    const zero = await load(doc({ models_to_keep: '0' }));
    expect(zero.models[0].retention).toEqual({ keep: 0, from: 'models_to_keep' });
    expect(zero.warnings).toMatchObject([{ field: 'm1.models_to_keep', line: 8, message: expect.stringMatching(/keeps only the function that serves/) }]);
    expect((await oneProblem(doc({ models_to_keep: '-1' }))).field).toBe('m1.models_to_keep');
    expect((await oneProblem(doc({ keep_all_models: 'maybe' }))).field).toBe('m1.keep_all_models');

    // Proven deployments 1..4 (newest 4), version 2 serving: 0 keeps only it, 'all' every one.
    const fn = (v: number) => ({ externalId: `m-prediction-test-${v}`, fileId: v, status: 'Ready', createdTime: v * 1000, metadata: { version: String(v) } }) as never;
    const file = (v: number) => ({ id: v, externalId: `mlops-code/m-prediction-test/${'0'.repeat(63)}${v}`, createdTime: new Date(v * 1000), metadata: { mlops_state: 'proven' } }) as never;
    const plan = (keep: number | 'all') => planRetention('m-prediction-test', [1, 2, 3, 4].map(fn), [1, 2, 3, 4].map(file), keep, 2, 10_000).doomed.map((f: { fileId: number }) => f.fileId);
    expect(plan(0)).toEqual([1, 3, 4]);
    expect(plan('all')).toEqual([]);
    expect(plan(2)).toEqual([1]);
    // A concurrent deploy switched the latest to version 4 meanwhile: what it runs stays too.
    const latest = { externalId: 'm-prediction-test', fileId: 4, status: 'Ready', createdTime: 9000, metadata: { version: '4' } } as never;
    expect(planRetention('m-prediction-test', [...[1, 2, 3, 4].map(fn), latest], [1, 2, 3, 4].map(file), 0, 2, 10_000).doomed.map((f: { fileId: number }) => f.fileId)).toEqual([1, 3]);
  });

  it('model_id is accepted with a warning; packages_to_check applies to every helper model', async () => {
    const loaded = await load(doc({ model_id: 'my-model-id', packages_to_check: '[akerbp-mlpet, numpy]', helper_models: '[h1, {model_name: h2, packages_to_check: [scipy]}]' }));
    expect(loaded.warnings).toMatchObject([{ field: 'm1.model_id', line: 8, message: expect.stringMatching(/accepted and not used.*<model>\/<env>\/<version>/) }]);
    expect(loaded.models[0].helperModels.map((h) => h.packagesToCheck)).toEqual([['akerbp-mlpet', 'numpy'], ['scipy']]);
  });

  it('reads values as PyYAML did and warns, at the line, where that differs from the text, with the quoting that keeps it', async () => {
    const info = 'info:\n  prediction:\n    description: 2020-01-01\n    owner: 0123\n    metadata:\n      flag: no\n      wells: [08, 0123, 3.10, 2020-01-01, y]\n      version_like: 3.10\n      ok: [true, -999.15, 1.0, ACS]\n';
    const loaded = await load(doc({ python_version: '3.10', human_friendly_model_name: 'yes' }, info));
    const m = loaded.models[0];
    expect(m.pythonVersion).toBe('py310');
    expect(m.humanFriendlyModelName).toBe('True');
    expect(m.info.prediction).toMatchObject({ description: '2020-01-01', owner: '83' });
    expect(m.info.prediction.metadata).toEqual({
      flag: 'False', wells: "['08', 83, 3.1, datetime.date(2020, 1, 1), 'y']", version_like: '3.1', ok: "[True, -999.15, 1.0, 'ACS']",
    });
    expect(loaded.warnings.map((w) => [w.line, w.column, w.message])).toEqual([
      [2, 28, 'PyYAML (which akerbp-mlops used) reads yes as the boolean True; write "yes" to keep the text'],
      [7, 17, 'PyYAML (which akerbp-mlops used) reads 3.10 as the float 3.1; write "3.10" to keep the text; the suite reads the text as written (3.10)'],
      [11, 12, 'PyYAML (which akerbp-mlops used) reads 0123 as the integer 83; write "0123" to keep the text'],
      [13, 13, 'PyYAML (which akerbp-mlops used) reads no as the boolean False; write "no" to keep the text'],
      [14, 19, 'PyYAML (which akerbp-mlops used) reads 0123 as the integer 83; write "0123" to keep the text'],
      [14, 25, 'PyYAML (which akerbp-mlops used) reads 3.10 as the float 3.1; write "3.10" to keep the text'],
      [14, 31, 'PyYAML (which akerbp-mlops used) reads 2020-01-01 as a date datetime.date(2020, 1, 1); write "2020-01-01" to keep the text'],
      [15, 21, 'PyYAML (which akerbp-mlops used) reads 3.10 as the float 3.1; write "3.10" to keep the text'],
    ]);
  });

  it('reads the requirements file as pip does: refused lines are problems at their line there; UTF-16 is decoded with a warning', async () => {
    const reqs = 'numpy==1.26.4 \\\n    --hash=sha256:abc\nakerbp.mlops==MLOPS_VERSION\npandas=2.0\nscipy ; python_version < "3.12"\n';
    const found = await problems(doc(), { extra: { 'model_code/requirements.model': reqs } });
    expect(found).toEqual([expect.objectContaining({ line: 4, column: 1, field: 'req_file', message: expect.stringMatching(/pip refuses "pandas=2.0".*did you mean ==/) })]);
    expect(found[0].file).toMatch(/model_code\/requirements\.model$/);
    const dir = repo(doc());
    writeFileSync(join(dir, 'model_code', 'requirements.model'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('numpy\nakerbp-mlops==MLOPS_VERSION\n', 'utf16le')]));
    const loaded = await loadSettings({ file: 'mlops_settings.yaml', repoRoot: dir });
    expect(loaded.warnings).toMatchObject([{ line: 1, field: 'req_file', message: expect.stringMatching(/is UTF-16 LE text/) }]);
    writeFileSync(join(dir, 'model_code', 'requirements.model'), Buffer.from('numpy\nakerbp-mlops==MLOPS_VERSION\n', 'utf16le'));
    const refused = await loadSettings({ file: 'mlops_settings.yaml', repoRoot: dir }).catch((e: MlopsError) => e.problems);
    expect(refused).toMatchObject([{ line: 1, field: 'req_file', message: expect.stringMatching(/UTF-16 text without a byte-order mark; save it as UTF-8/) }]);
  });

  it('refuses -r and -c includes at their line: the zip carries requirements.model alone, as requirements.txt at its root', async () => {
    const reqs = 'numpy\n-r extra.txt\n--constraint=pins.txt\n';
    const found = await problems(doc(), { extra: { 'model_code/requirements.model': reqs, 'model_code/extra.txt': 'scipy\n', 'model_code/pins.txt': 'numpy<2\n' } });
    expect(found.map((p) => [p.file?.replace(/.*\/(?=model_code\/)/, ''), p.line, p.field, p.message])).toEqual([
      ['model_code/requirements.model', 2, 'req_file', expect.stringMatching(/^-r extra\.txt includes another file, which CDF's build cannot open: .* Put the lines of extra\.txt in this file instead\.$/)],
      ['model_code/requirements.model', 3, 'req_file', expect.stringMatching(/^--constraint pins\.txt includes another file/)],
    ]);
  });

  it('gives each requirements case its located message: a continued line with hashes, a marker, UTF-16 BE with a BOM', async () => {
    // A logical line continued over three physical lines is reported at its first line, as pip reports it.
    const reqs = 'numpy==1.26.4 \\\n    --hash=sha256:abc \\\n    --hash\nscipy ; python_version <> "3.12"\npandas ; python_version < "3.11"\n';
    const found = await problems(doc(), { extra: { 'model_code/requirements.model': reqs } });
    expect(found.map((p) => [p.file?.replace(/.*\/(?=model_code\/)/, ''), p.line, p.field, p.message])).toEqual([
      ['model_code/requirements.model', 1, 'req_file', expect.stringMatching(/--hash option requires 1 argument/)],
      ['model_code/requirements.model', 4, 'req_file', expect.stringMatching(/pip refuses "scipy ; python_version <> "3.12"": not a valid requirement/)],
    ]);
    const dir = repo(doc());
    writeFileSync(join(dir, 'model_code', 'requirements.model'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('numpy\nakerbp-mlops==MLOPS_VERSION\n', 'utf16le').swap16()]));
    const loaded = await loadSettings({ file: 'mlops_settings.yaml', repoRoot: dir });
    expect(loaded.warnings).toMatchObject([{ file: expect.stringMatching(/model_code\/requirements\.model$/), line: 1, field: 'req_file', message: expect.stringMatching(/^is UTF-16 BE text/) }]);
  });

  it('info.prediction is required, info.training optional', async () => {
    const p = await oneProblem(doc({}, 'info:\n  training:\n    description: d\n    owner: o\n'));
    expect(p).toMatchObject({ field: 'm1.info.prediction', line: 8, message: 'is required (a mapping)' });
    expect((await oneProblem(doc({}, ''))).field).toBe('m1.info');
  });

  it('description ≤500 and owner ≤128 characters, owner required', async () => {
    const info = (d: string, o: string) => `info:\n  prediction:\n    description: ${d}\n    owner: ${o}\n`;
    await expect(load(doc({}, info('x'.repeat(500), 'o'.repeat(128))))).resolves.toBeTruthy();
    const found = await problems(doc({}, info('x'.repeat(501), 'o'.repeat(129))));
    expect(found.map((p) => [p.field, p.line])).toEqual([
      ['m1.info.prediction.description', 10],
      ['m1.info.prediction.owner', 11],
    ]);
    const missing = await oneProblem(doc({}, 'info:\n  prediction:\n    description: d\n'));
    // A missing field points at the mapping that lacks it.
    expect(missing).toMatchObject({ field: 'm1.info.prediction.owner', line: 9, column: 3 });
  });

  it('unknown keys are warnings with a "did you mean"; a misspelt required key fails at the misspelling', async () => {
    const found = await problems(doc({ human_friendly_model_name: undefined, human_friendly_model: "'x'" }, 'info:\n  prediction:\n    description: d\n    ownr: o\n'));
    expect(found.map((p) => [p.field, p.line, p.column])).toEqual([
      ['m1.human_friendly_model_name', 7, 1],
      ['m1.info.prediction.owner', 11, 5],
    ]);
    expect(found[0].message).toBe('is required (a string); "human_friendly_model" here is probably it, misspelt');
    expect(found[1].message).toMatch(/"ownr" here is probably it/);
    const loaded = await load(doc({ zzz: '1', team_notes: "'ask Kari'", modle_file: 'x' }));
    expect(loaded.warnings.map((w) => [w.field, w.line])).toEqual([['m1.zzz', 8], ['m1.team_notes', 9], ['m1.modle_file', 10]]);
    expect(loaded.warnings[0].message).not.toMatch(/did you mean/);
    expect(loaded.warnings[2].message).toMatch(/unknown key "modle_file"; did you mean "model_file"\?.*akerbp-mlops ignored unknown keys/);
  });

  it('reports YAML syntax errors with their position, and keeps checking other documents', async () => {
    const found = await problems(`${doc()}---\nmodel_name: [unclosed\n---\n${doc({ model_name: 'bad-name' })}`);
    // The parser notices the unclosed list where the next document starts.
    expect(found.map((p) => p.line)).toEqual([14, 15]);
    expect(found[0].message).toMatch(/^YAML syntax error/);
    expect(found[0].field).toBe('document[2]');
    expect(found[1].field).toBe('document[3].model_name');
  });

  it('refuses documents that are not mappings and files without models', async () => {
    expect((await oneProblem('- a\n- b\n')).message).toMatch(/must be a mapping.*found a list/);
    expect((await oneProblem('# nothing here\n')).message).toMatch(/no models/);
  });

  it('skips empty documents (a trailing ---)', async () => {
    expect((await load(`---\n${doc()}---\n`)).models).toHaveLength(1);
  });

  it('an absent settings file or repository is one clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'empty-'));
    await expect(loadSettings({ file: 'mlops_settings.yaml', repoRoot: dir })).rejects.toThrow(/Settings file .*mlops_settings\.yaml not found; create it with `mlops init`/);
    await expect(loadSettings({ file: 'x.yaml', repoRoot: join(dir, 'nope') })).rejects.toThrow(/does not exist/);
  });

  it('the models filter selects, and names unknown models with the valid ones', async () => {
    const text = `${doc()}---\n${doc({ model_name: 'm2' })}`;
    expect((await load(text, { models: ['m2'] })).models.map((m) => m.modelName)).toEqual(['m2']);
    await expect(load(text, { models: ['m2', 'm3'] })).rejects.toThrow(/Unknown model "m3": \S*mlops_settings\.yaml defines m1, m2\./);
  });

  it('a command handling m2 checks the files on disk of m2 only; every document\'s schema is still checked', async () => {
    // m1's artifact folder is absent (downloaded only when m1 is tested), its code and requirements too.
    const m1 = doc({ artifact_folder: 'm1_artifact', model_file: 'm1_code/model.py', req_file: 'm1_code/requirements.model', test_file: 'm1_code/test_model.py' });
    const text = `${m1}---\n${doc({ model_name: 'm2' })}`;
    const extra = { 'model_artifact/model.bin': 'x' };
    const loaded = await load(text, { env: 'dev', models: ['m2'], extra });
    expect(loaded.models.map((m) => m.modelName)).toEqual(['m2']);
    expect(loaded.allModels?.map((m) => m.modelName)).toEqual(['m1', 'm2']);
    // Handling m1 (or every model) still finds each of m1's files, at its line.
    for (const models of [['m1'], undefined]) {
      const found = await problems(text, { env: 'dev', models, extra });
      expect(found.map((p) => `${p.field}:${p.line}`)).toEqual(['m1.model_file:3', 'm1.req_file:4', 'm1.artifact_folder:5', 'm1.test_file:6']);
    }
    // A schema problem of m1 fails a command handling m2.
    const broken = `${doc({ python_version: 'py39' })}---\n${doc({ model_name: 'm2' })}`;
    expect((await problems(broken, { env: 'dev', models: ['m2'], extra })).map((p) => p.field)).toEqual(['m1.python_version']);
  });
});

describe('metadata', () => {
  const withMetadata = (lines: string[]) => doc({}, `info:\n  prediction:\n    description: d\n    owner: o\n    metadata:\n${lines.map((l) => `      ${l}\n`).join('')}`);

  it('refuses reserved keys, long keys and long values at their lines', async () => {
    for (const key of RESERVED_METADATA_KEYS) {
      const p = await oneProblem(withMetadata([`${key}: x`]));
      expect(p).toMatchObject({ field: `m1.info.prediction.metadata.${key}`, line: 13, column: 7 });
      expect(p.message).toMatch(/reserved/);
    }
    expect((await oneProblem(withMetadata([`${'k'.repeat(33)}: x`]))).message).toMatch(/1–32 characters; found 33/);
    await expect(load(withMetadata([`${'k'.repeat(32)}: ${'v'.repeat(512)}`]))).resolves.toBeTruthy();
    const long = await oneProblem(withMetadata([`k: ${'v'.repeat(513)}`]));
    expect(long).toMatchObject({ line: 13, column: 10 });
    // The limit applies to the string CDF stores, so a list counts as written out.
    expect((await oneProblem(withMetadata([`k: [${Array(200).fill('abc').join(', ')}]`]))).message).toMatch(/at most 512 characters/);
  });

  it('counts the suite\'s own keys in the pair and byte budget', async () => {
    expect(USER_METADATA_BUDGET.pairs).toBe(16 - RESERVED_METADATA_KEYS.length);
    const pairs = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: v`);
    await expect(load(withMetadata(pairs(USER_METADATA_BUDGET.pairs)))).resolves.toBeTruthy();
    const tooMany = await oneProblem(withMetadata(pairs(USER_METADATA_BUDGET.pairs + 1)));
    expect(tooMany).toMatchObject({ field: 'm1.info.prediction.metadata', line: 12 });
    expect(tooMany.message).toMatch(/at most 13 metadata pairs.*reserves 3 pairs/);
    // Under 4096 bytes on its own, over once the reserved bytes are counted.
    const big = Array.from({ length: 7 }, (_, i) => `k${i}: ${'v'.repeat(500)}`);
    expect(7 * 502).toBeLessThan(4096);
    expect(7 * 502).toBeGreaterThan(USER_METADATA_BUDGET.bytes);
    expect((await oneProblem(withMetadata(big))).message).toMatch(new RegExp(`at most ${USER_METADATA_BUDGET.bytes} bytes`));
  });

  it('an alias with no anchor before it is refused at its line, as PyYAML refuses it', async () => {
    const info = 'info:\n  prediction:\n    description: *d\n    owner: o\n  training: &d\n    description: t\n    owner: o\n';
    expect(await oneProblem(doc({}, info))).toMatchObject({ line: 10, column: 18, message: 'alias *d has no anchor &d before it in this document (PyYAML: found undefined alias)' });
  });

  it('the alias guard counts what aliases add, not what is written', async () => {
    // 10200 written items and a small alias pass; reusing the list once adds 10200 nodes (more than 10000) and is refused.
    const list = `[${Array.from({ length: 10_200 }, (_, i) => `w${i}`).join(', ')}]`;
    expect((await load(doc({ team: list, team2: '&s x', team3: '*s' }))).models).toHaveLength(1);
    const found = await oneProblem(doc({ team: `&l ${list}`, team2: '*l' }));
    expect(found).toMatchObject({ line: 9, message: expect.stringMatching(/^YAML aliases expand to more than 10000 nodes beyond what is written/) });
  });

  it('checks training metadata merged from an anchor where it is written', async () => {
    const info = 'info:\n  prediction: &p\n    description: d\n    owner: o\n    metadata:\n      mlops: x\n  training:\n    << : *p\n';
    const found = await problems(doc({}, info));
    expect(found.map((p) => [p.field, p.line])).toEqual([
      ['m1.info.prediction.metadata.mlops', 13],
      ['m1.info.training.metadata.mlops', 13],
    ]);
  });
});

// Its speed (goal ≤ 0.3 s) is measured by `npm run bench`, not asserted here.
describe('scale', () => {
  it('validates a 100-model file, each model with its own anchor and merge key', async () => {
    const text = Array.from({ length: 100 }, (_, i) => doc({ model_name: `model_${i}` }, `info:\n  prediction: &d${i}\n    description: d\n    owner: o\n    metadata:\n      required_input: [ACS, RDEP, DEN]\n      num_filler: -999.15\n  training:\n    << : *d${i}\n`)).join('---\n');
    const dir = repo(text);
    const s = await loadSettings({ file: 'mlops_settings.yaml', repoRoot: dir });
    expect(s.models.map((m) => m.modelName)).toEqual(Array.from({ length: 100 }, (_, i) => `model_${i}`));
    expect(s.models[99].info.training).toMatchObject({ description: 'd', owner: 'o', metadata: { num_filler: '-999.15' } });
  });
});
