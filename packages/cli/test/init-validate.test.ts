import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { MlopsError } from '@akerbp-mlops/core';
import { runCli } from '../src/cli.js';

const validRepo = resolve(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'settings', 'valid');
let out = '';

beforeEach(() => {
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

const tempRepo = () => mkdtempSync(join(tmpdir(), 'init-'));
const workflowOf = (dir: string) => readFileSync(join(dir, '.github', 'workflows', 'main.yml'), 'utf8');

describe('mlops init', () => {
  it('writes the settings template and a workflow GitHub accepts, calling the reusable workflow at v4', async () => {
    const dir = tempRepo();
    expect(await runCli(['init', '--repo', dir])).toBe(0);
    expect(readFileSync(join(dir, 'mlops_settings.yaml'), 'utf8')).toContain('model_name: my_model');
    const text = workflowOf(dir);
    const result = parseWorkflow({ name: 'main.yml', content: text }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const wf = parse(text);
    expect(wf.jobs.mlops.uses).toBe('akerbp/mlops/.github/workflows/mlops.yml@v4');
    expect(wf.jobs.mlops.secrets).toBe('inherit');
    expect(Object.keys(wf.jobs.mlops.with)).toEqual(['settings-file', 'working-directory', 'env', 'services']);
    // It grants what the reusable workflow asks for, and init says how to set up the environments.
    expect(wf.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(out).toMatch(/protect prod with required reviewers AND a deployment branch policy/);
    expect(out).toMatch(/COGNITE_CLIENT_ID_READ \/ COGNITE_CLIENT_SECRET_READ/);
    expect(wf.on.push.branches).toEqual(['main', 'master', 'deploy/**', 'feature/**', 'mlops/**']);
    expect(wf.on).toHaveProperty('pull_request');
    expect(wf.on.workflow_dispatch.inputs.env.options).toEqual(['test', 'prod', 'dev']);
    expect(out).toContain('wrote mlops_settings.yaml');
    // The template's comments line up in one column, and say what the README says of the package pin.
    const settings = readFileSync(join(dir, 'mlops_settings.yaml'), 'utf8');
    const columns = new Set(settings.split('\n').filter((l) => /^\w.*\S\s{2,}#/.test(l)).map((l) => l.indexOf(' #') + 1));
    expect([...columns]).toEqual([44]);
    expect(settings).toMatch(/req_file: .*akerbp-mlops==MLOPS_VERSION is left out of the function/);
  });

  it('the settings template becomes valid once the model files exist', async () => {
    const dir = tempRepo();
    await runCli(['init', '--repo', dir]);
    // Run twice on a fresh repository: not an error, the template is simply not filled in yet.
    expect(await runCli(['init', '--repo', dir])).toBe(0);
    expect(out).toContain('mlops_settings.yaml is still the template: fill it in');
    // Once edited, init checks it.
    writeFileSync(join(dir, 'mlops_settings.yaml'), `${readFileSync(join(dir, 'mlops_settings.yaml'), 'utf8')}# edited\n`);
    await expect(runCli(['init', '--repo', dir])).rejects.toThrow(/problems in settings/);
    for (const f of ['my_model.py', 'test_my_model.py']) {
      cpSync(join(validRepo, 'model_code', 'model1.py'), join(dir, 'model_code', f), { force: true });
    }
    cpSync(join(validRepo, 'model_code', 'requirements.model'), join(dir, 'model_code', 'requirements.model'), { force: true });
    expect(await runCli(['init', '--repo', dir])).toBe(0);
    expect(out).toContain('mlops_settings.yaml is valid: my_model');
  });

  it('re-running moves the version pin of an untouched workflow and leaves the rest alone', async () => {
    const dir = tempRepo();
    cpSync(validRepo, dir, { recursive: true });
    await runCli(['init', '--repo', dir]);
    const v4 = workflowOf(dir);
    writeFileSync(join(dir, '.github', 'workflows', 'main.yml'), v4.replace('mlops.yml@v4', 'mlops.yml@v3'));
    expect(await runCli(['init', '--repo', dir])).toBe(0);
    expect(workflowOf(dir)).toBe(v4);
    expect(out).toContain('updated .github/workflows/main.yml: v3 → v4');
    expect(await runCli(['init', '--repo', dir])).toBe(0);
    expect(out).toContain('is up to date');
  });

  it('never clobbers an edited workflow unless --force', async () => {
    const dir = tempRepo();
    cpSync(validRepo, dir, { recursive: true });
    await runCli(['init', '--repo', dir]);
    const edited = workflowOf(dir).replace('mlops.yml@v4', 'mlops.yml@v3').replace('working-directory: .', 'working-directory: models');
    writeFileSync(join(dir, '.github', 'workflows', 'main.yml'), edited);
    const err = await runCli(['init', '--repo', dir]).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/Not touching \.github\/workflows\/main\.yml.*--force/);
    expect(workflowOf(dir)).toBe(edited);
    expect(await runCli(['init', '--repo', dir, '--force'])).toBe(0);
    expect(workflowOf(dir)).toContain('working-directory: .');
    expect(workflowOf(dir)).toContain('mlops.yml@v4');
  });

  it('never overwrites an existing settings file', async () => {
    const dir = tempRepo();
    writeFileSync(join(dir, 'mlops_settings.yaml'), 'model_name: mine\n');
    await expect(runCli(['init', '--repo', dir])).rejects.toThrow(MlopsError);
    expect(readFileSync(join(dir, 'mlops_settings.yaml'), 'utf8')).toBe('model_name: mine\n');
    expect(existsSync(join(dir, '.github', 'workflows', 'main.yml'))).toBe(true);
  });
});

describe('mlops init in a repository of the akerbp-mlops package', () => {
  const PACKAGE_WORKFLOW = `name: MLOps
on: [push]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: pip install akerbp-mlops[cdf]==4.1.0
      - run: deploy_prediction_service
`;
  const legacyRepo = () => {
    const dir = tempRepo();
    cpSync(validRepo, dir, { recursive: true });
    return dir;
  };

  it('says what it found and refuses without --force, still validating the settings and ignoring .mlops/', async () => {
    const dir = legacyRepo();
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(dir, '.github', 'workflows', 'main.yml'), PACKAGE_WORKFLOW);
    writeFileSync(join(dir, 'bitbucket-pipelines.yml'), 'pipelines: {}\n');
    writeFileSync(join(dir, '.gitignore'), 'model_artifact/');
    const err = await runCli(['init', '--repo', dir]).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/Not replacing \.github\/workflows\/main\.yml and bitbucket-pipelines\.yml: they deploy the same functions .* --force` to retire them \(kept as \.github\/workflows\/main\.yml\.bak and bitbucket-pipelines\.yml\.bak; only \.github\/workflows\/main\.yml is written\)/);
    expect(out).toContain("found .github/workflows/main.yml: the akerbp-mlops package's GitHub workflow");
    expect(out).toContain('found bitbucket-pipelines.yml');
    expect(out).toContain('mlops_settings.yaml is valid: model1, model2');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('model_artifact/\n.mlops/\n');
    expect(workflowOf(dir)).toBe(PACKAGE_WORKFLOW);

    expect(await runCli(['init', '--repo', dir, '--force'])).toBe(0);
    expect(readFileSync(join(dir, '.github', 'workflows', 'main.yml.bak'), 'utf8')).toBe(PACKAGE_WORKFLOW);
    expect(existsSync(join(dir, 'bitbucket-pipelines.yml'))).toBe(false);
    expect(existsSync(join(dir, 'bitbucket-pipelines.yml.bak'))).toBe(true);
    expect(workflowOf(dir)).toContain('akerbp/mlops/.github/workflows/mlops.yml@v4');
    expect(out).toContain('kept the old pipeline as .github/workflows/main.yml.bak\n');
    expect(out).toContain('kept the old pipeline as bitbucket-pipelines.yml.bak; --ci github writes no Bitbucket pipeline in its place (only .github/workflows/main.yml)');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('model_artifact/\n.mlops/\n');
  });
});

describe('mlops validate', () => {
  it('prints one line per model and returns 0 on valid settings', async () => {
    expect(await runCli(['validate', '--repo', validRepo, '--env', 'dev'])).toBe(0);
    expect(out).toMatch(/model1\s+My First Model\s+prediction, training\s+py311\s+local folder model_artifact/);
    expect(out).toContain('mlops_settings.yaml: 2 models valid for dev');
  });

  it('throws the located problems (the CLI prints them and exits 1)', async () => {
    const err = await runCli(['validate', '--repo', join(validRepo, '..', 'faulty')]).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect((err as MlopsError).problems.length).toBeGreaterThan(5);
    expect(await runCli(['validate', '--repo', validRepo, '--env', 'qa'])).toBe(2);
  });
});
