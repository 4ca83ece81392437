/**
 * The built validate-settings bundle, run as the runner runs it. Uses dist/validate-settings
 * (built by `npm run build`; built here when missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBundle } from './helpers/run-bundle.js';
import { summaryText } from './helpers/summary.js';

const fixtures = 'test/fixtures/settings';

beforeAll(() => {
  if (existsSync(join(repoRoot, 'dist', 'validate-settings', 'index.js'))) return;
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'dist', 'validate-settings'], { cwd: repoRoot, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
}, 120_000);

describe('validate-settings action', () => {
  it('on a valid repository exits 0 with models, matrix and settings outputs and a summary table', async () => {
    const run = await runBundle('validate-settings', { 'working-directory': `${fixtures}/valid`, 'settings-file': 'mlops_settings.yaml', env: 'test' });
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.models)).toEqual(['model1', 'model2']);
    expect(JSON.parse(run.outputs.matrix)).toEqual({ include: [{ model: 'model1', python: '3.11' }, { model: 'model2', python: '3.12' }] });
    const settings = JSON.parse(run.outputs.settings);
    expect(settings.file).toBe('mlops_settings.yaml');
    expect(settings.models[0]).toMatchObject({ modelName: 'model1', pythonVersion: 'py311', info: { prediction: { metadata: { required_input: "['ACS', 'RDEP', 'DEN']" } } } });
    expect(summaryText(run.summary)).toContain('| model1 | My First Model | prediction, training | py311 | Model Manager: model1/test/1 (data set mlops) |');
    expect(run.stdout).not.toMatch(/::error/);
  });

  it('selects models with the models input and refuses unknown ones', async () => {
    const one = await runBundle('validate-settings', { 'working-directory': `${fixtures}/valid`, models: 'model2' });
    expect(one.code).toBe(0);
    expect(JSON.parse(one.outputs.models)).toEqual(['model2']);
    const bad = await runBundle('validate-settings', { 'working-directory': `${fixtures}/valid`, models: 'model3' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/::error::Unknown model "model3": .*defines model1, model2/);
  });

  it('on a file with several faults prints one located annotation per fault and exits 1', async () => {
    const run = await runBundle('validate-settings', { 'working-directory': `${fixtures}/faulty`, env: 'dev' });
    expect(run.code).toBe(1);
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::error ') && l.includes('file='));
    // Paths are relative to the workspace (the runner's cwd), where GitHub resolves them.
    const located = annotations.map((l) => /file=([^,]+),line=(\d+),col=(\d+)/.exec(l)?.slice(1));
    expect(located).toEqual([
      [`${fixtures}/faulty/mlops_settings.yaml`, '1', '13'],
      [`${fixtures}/faulty/mlops_settings.yaml`, '2', '1'],
      [`${fixtures}/faulty/mlops_settings.yaml`, '3', '13'],
      [`${fixtures}/faulty/mlops_settings.yaml`, '4', '11'],
      [`${fixtures}/faulty/mlops_settings.yaml`, '5', '18'],
      [`${fixtures}/faulty/mlops_settings.yaml`, '7', '11'],
      [`${fixtures}/faulty/mlops_settings.yaml`, '8', '17'],
      [`${fixtures}/faulty/mlops_settings.yaml`, '14', '7'],
      [`${fixtures}/faulty/mlops_settings.yaml`, '18', '13'],
      [`${fixtures}/faulty/mlops_settings.yaml`, '22', '3'],
    ]);
    expect(run.stdout).toContain('did you mean "human_friendly_model_name"');
    expect(run.stdout).toContain('CDF dropped py39 in Oct 2025; use python_version: py311');
    expect(summaryText(run.summary)).toContain('10 problems in settings');
    expect(run.outputs.models).toBeUndefined();
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('refuses an unknown env input', async () => {
    const run = await runBundle('validate-settings', { 'working-directory': `${fixtures}/valid`, env: 'staging' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('env must be one of dev, test, prod; found "staging"');
  });
});
