/**
 * What the built actions write to the step log, as GitHub renders it: live pytest output, flat
 * non-empty groups, annotations on repository-root paths, every line naming its model.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspace } from './helpers/example-repo.js';
import { groupProblems } from './helpers/log-structure.js';
import { summaryText } from './helpers/summary.js';
import { repoRoot, runBundle } from './helpers/run-bundle.js';

beforeAll(() => {
  for (const name of ['test-model', 'validate-settings']) {
    if (!existsSync(join(repoRoot, 'dist', name, 'index.js'))) {
      spawnSync(process.execPath, ['scripts/build.mjs', 'dist', name], { cwd: repoRoot, stdio: 'inherit' });
    }
  }
}, 300_000);

/** The 1-based line of the first line of `file` that contains `text`. */
function lineOf(file: string, text: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
}

describe('step logs', () => {
  it('streams pytest while it runs, in flat non-empty groups, and annotates failures at their path from the repository root', async () => {
    const { workspace, workingDirectory, repo } = exampleWorkspace();
    const go = join(workspace, 'log-was-read');
    const testFile = join(repo, 'model_code', 'test_model.py');
    // This test passes only if the harness has read an earlier test's PASSED line while pytest
    // still runs: output that arrived only at the end would leave it waiting until it fails.
    appendFileSync(testFile, [
      '', '', 'def test_waits_for_the_live_log():',
      '    import os, time',
      '    for _ in range(900):',
      `        if os.path.exists(${JSON.stringify(go)}):`,
      '            return',
      '        time.sleep(0.1)',
      '    raise AssertionError("the log was not streamed")',
      '', '', 'def test_broken():',
      '    assert 1 + 1 == 3, "arithmetic"', '',
    ].join('\n'));
    const run = await runBundle('test-model', { 'working-directory': workingDirectory, 'install-requirements': 'false' }, {
      cwd: workspace,
      env: { GITHUB_WORKSPACE: workspace },
      timeoutMs: 240_000,
      onLine: (line) => { if (/::test_\w+ PASSED/.test(line) && !existsSync(go)) writeFileSync(go, ''); },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/test_model.py::test_waits_for_the_live_log PASSED/);
    expect(groupProblems(run.stdout)).toEqual([]);
    expect(run.stdout).toMatch(/^::group::pytest model_code\/test_model.py$/m);
    expect(run.stdout).toContain(`::error file=models/sonic/model_code/test_model.py,line=${lineOf(testFile, 'assert 1 + 1 == 3')}::`);
    expect(run.stdout).not.toMatch(/file=model_code\//);
  }, 300_000);

  it('annotates settings and service-test problems at their path from the repository root too', async () => {
    const { workspace, workingDirectory, repo } = exampleWorkspace();
    const testFile = join(repo, 'model_code', 'test_model.py');
    writeFileSync(testFile, readFileSync(testFile, 'utf8').replace('class ServiceTest:', 'class Payloads:').replace(/ServiceTest\./g, 'Payloads.'));
    const service = await runBundle('test-model', { 'working-directory': workingDirectory, 'install-requirements': 'false' }, { cwd: workspace, env: { GITHUB_WORKSPACE: workspace } });
    expect(service.code).toBe(1);
    expect(service.stdout).toMatch(/::error title=ServiceTest.prediction_input,file=models\/sonic\/model_code\/test_model.py::.*has no ServiceTest class/);
    expect(groupProblems(service.stdout)).toEqual([]);

    const settings = join(repo, 'mlops_settings.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('python_version: py311', 'python_version: py39'));
    const invalid = await runBundle('validate-settings', { 'working-directory': workingDirectory }, { cwd: workspace, env: { GITHUB_WORKSPACE: workspace } });
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(new RegExp(`::error title=[^,]*python_version,file=models/sonic/mlops_settings.yaml,line=${lineOf(settings, 'python_version')},`));
  }, 300_000);

  it('streams pip in its own group, and folds a multi-line error under the summary table', async () => {
    const { workspace, workingDirectory, repo } = exampleWorkspace();
    appendFileSync(join(repo, 'model_code', 'requirements.model'), 'definitely-not-an-installed-package==1.0\n');
    // No index: pip fails at once, offline, with its usual multi-line error.
    const run = await runBundle('test-model', { 'working-directory': workingDirectory }, { cwd: workspace, env: { GITHUB_WORKSPACE: workspace, PIP_NO_INDEX: '1' } });
    expect(run.code).toBe(1);
    expect(groupProblems(run.stdout)).toEqual([]);
    // pip's offline error stays out of the title: the install might have worked.
    expect(run.stdout).toMatch(/^::group::pip install the requirements$/m);
    const pip = run.stdout.slice(run.stdout.search(/^::group::pip install the requirements/m));
    expect(pip.slice(0, pip.indexOf('::endgroup::'))).toMatch(/definitely-not-an-installed-package/);
    // The group opens naming what is missing, not with pip's offline ERROR lines (the install might work).
    expect(pip.split('\n')[1]).toBe('Not installed yet (missing: definitely-not-an-installed-package==1.0); installing.');
    const summary = summaryText(run.summary);
    // The row keeps one line; the rest of pip's output is in a <details> block.
    // Located at the requirement pip names, in the model's requirements file from the repository root.
    const row = summary.split('\n').find((l) => l.includes('pip could not install'));
    const line = lineOf(join(repo, 'model_code', 'requirements.model'), 'definitely-not-an-installed-package');
    expect(row).toMatch(new RegExp(`^\\| models/sonic/model_code/requirements.model:${line} \\| req_file \\| pip could not install the model's requirements\\. ERROR: .*definitely-not-an-installed-package.* \\|$`));
    expect(run.stdout).toMatch(new RegExp(`^::error title=req_file,file=models/sonic/model_code/requirements.model,line=${line}::`, 'm'));
    expect(run.summary).toMatch(/<details><summary>[^<]*pip could not install[^<]*<\/summary>[\s\S]*ERROR[\s\S]*<\/details>/);
    expect(run.summary).not.toContain(workspace);
  }, 300_000);
});
