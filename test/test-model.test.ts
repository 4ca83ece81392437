import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '@akerbp-mlops/cdf-emulator';
import { ModelManager, createCdfClient, resolveCdfConfig } from '@akerbp-mlops/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cogniteEnv } from './helpers/emulator-env.js';
import { exampleRepo } from './helpers/example-repo.js';
import { repoRoot, runBundle } from './helpers/run-bundle.js';
import { summaryText } from './helpers/summary.js';

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist', 'test-model', 'index.js'))) {
    spawnSync(process.execPath, ['scripts/build.mjs', 'dist', 'test-model'], { cwd: repoRoot, stdio: 'inherit' });
  }
});

/** The 1-based line of the first line of `file` that contains `text`. */
function lineOf(file: string, text: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
}

const noStack = /\n\s+at .+:\d+:\d+/;

describe('test-model action', () => {
  it('passes on the example model: pytest, service test, summary, payload and JUnit outputs', async () => {
    const repo = exampleRepo();
    const run = await runBundle('test-model', { 'working-directory': repo });
    expect(run.stdout).not.toMatch(/::error/);
    expect(run.code).toBe(0);
    expect(summaryText(run.summary)).toMatch(/\| sonic_model \| 10 \| 0 \| 0 \| passed \|/);
    expect(run.stdout).toMatch(/Requirements already satisfied; skipping pip install/);
    // Outputs are JSON maps keyed by model, however many models ran.
    const payload = JSON.parse(readFileSync(JSON.parse(run.outputs['test-payload']).sonic_model, 'utf8'));
    expect(payload).toMatchObject({ to_file: false, data: { ACS: [180, 150, 210.5] } });
    expect(readFileSync(JSON.parse(run.outputs['junit-file']).sonic_model, 'utf8')).toMatch(/<testsuite[^>]* tests="10"/);
  });

  it('fails with one annotation per failing test at the failing line', async () => {
    const repo = exampleRepo();
    const testFile = join(repo, 'model_code', 'test_model.py');
    appendFileSync(testFile, '\n\ndef test_addition_is_broken():\n    total = 1 + 1\n    assert total == 3, "arithmetic"\n\n\ndef test_also_broken():\n    raise ValueError("boom")\n');
    // The repository is the workspace (the runner's cwd), where annotation paths start.
    const run = await runBundle('test-model', { 'working-directory': repo, 'install-requirements': 'false' }, { cwd: repo });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error file=model_code/test_model.py,line=${lineOf(testFile, 'assert total == 3')}::`);
    expect(run.stdout).toContain(`::error file=model_code/test_model.py,line=${lineOf(testFile, 'raise ValueError("boom")')}::`);
    expect(run.stdout.match(/::error file=/g)).toHaveLength(2);
    expect(summaryText(run.summary)).toMatch(/\| sonic_model \| 10 \| 2 \| 0 \| passed \|/);
    expect(summaryText(run.summary)).toContain('test_addition_is_broken');
    expect(summaryText(run.summary)).toContain('arithmetic');
    expect(run.stdout + run.stderr).not.toMatch(noStack);
  });

  it('fails at the ServiceTest payload when the packaged service answers with an error', async () => {
    const repo = exampleRepo();
    const testFile = join(repo, 'model_code', 'test_model.py');
    const text = readFileSync(testFile, 'utf8');
    writeFileSync(testFile, text.replace('prediction_input = {"data": CURVES, "to_file": False}', 'prediction_input = {"data": {"ACS": [1.0]}, "to_file": False}'));
    const run = await runBundle('test-model', { 'working-directory': repo, 'install-requirements': 'false' }, { cwd: repo });
    expect(run.code).toBe(1);
    // The model's own test of that payload fails too, at the model code that raises.
    expect(run.stdout).toMatch(new RegExp(`::error title=ServiceTest.prediction_input,file=model_code/test_model.py,line=${lineOf(testFile, 'prediction_input =')}::.*service test of model .sonic_model. failed \\(model id sonic_model\\/dev\\/1\\): the service answered .error. instead of .ok.: ModelException.*RDEP`));
    expect(summaryText(run.summary)).toMatch(/\| sonic_model \| 9 \| 1 \| 0 \| failed \|/);
    expect(run.stdout + run.stderr).not.toMatch(noStack);
  });

  it('says so when there is no ServiceTest, when the interpreter is missing, and when pytest is missing', async () => {
    const repo = exampleRepo();
    const testFile = join(repo, 'model_code', 'test_model.py');
    writeFileSync(testFile, readFileSync(testFile, 'utf8').replace('class ServiceTest:', 'class Payloads:').replace(/ServiceTest\./g, 'Payloads.'));
    const noClass = await runBundle('test-model', { 'working-directory': repo, 'install-requirements': 'false' }, { cwd: repo });
    expect(noClass.code).toBe(1);
    expect(noClass.stdout).toMatch(/::error title=ServiceTest.prediction_input,file=model_code\/test_model.py::.*has no ServiceTest class/);

    const noPython = await runBundle('test-model', { 'working-directory': repo, python: 'python-that-does-not-exist' });
    expect(noPython.code).toBe(1);
    expect(noPython.stdout).toMatch(/::error.*The Python interpreter "python-that-does-not-exist" was not found/);
    expect(noPython.stdout + noPython.stderr).not.toMatch(noStack);

    // `python3 -S` starts without site-packages: an interpreter without pytest.
    const wrapper = join(repo, 'bare-python');
    writeFileSync(wrapper, '#!/bin/sh\nexec python3 -S -I "$@"\n', { mode: 0o755 });
    const noPytest = await runBundle('test-model', { 'working-directory': repo, python: wrapper, 'install-requirements': 'false' });
    expect(noPytest.code).toBe(1);
    expect(noPytest.stdout).toMatch(/::error.*pytest is not installed/);
  });
});

describe('test-model without the artifact folder on disk (as in a model repository)', () => {
  it('downloads it from the Model Manager when credentials are given, and says what is missing when not', async () => {
    const emu = await startEmulator();
    try {
      const env = cogniteEnv(emu);
      const repo = exampleRepo();
      const manager = new ModelManager({ client: await createCdfClient(resolveCdfConfig({}, env), { access: 'write' }) });
      await manager.uploadNewVersion('sonic_model', 'test', join(repo, 'model_artifact'));
      rmSync(join(repo, 'model_artifact'), { recursive: true });

      const run = await runBundle('test-model', { 'working-directory': repo, 'install-requirements': 'false' }, { env });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/::group::Download the artifacts of sonic_model \(test\)/);
      expect(run.stdout).toContain('model_artifact was missing: downloaded artifact version 1 (test) for the tests.');
      expect(summaryText(run.summary)).toMatch(/\| sonic_model \| 10 \| 0 \| 0 \| passed \|/);
      expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('super-secret-value');

      rmSync(join(repo, 'model_artifact'), { recursive: true });
      const none = await runBundle('test-model', { 'working-directory': repo, 'install-requirements': 'false' });
      expect(none.code).toBe(1);
      expect(none.stdout).toMatch(/::error title=artifact_folder,file=[^,]*mlops_settings.yaml,line=\d+::.*The artifact folder of model "sonic_model" is missing and cannot be downloaded from the Model Manager: CDF credentials are incomplete/);
      expect(none.stdout).toContain('model_artifact is not on disk; outside dev (here test) it is downloaded from CDF.');
      expect(none.stdout + none.stderr).not.toMatch(noStack);
    } finally {
      await emu.stop();
    }
  });
});
