/**
 * Every built action as a GitHub user reads it (issue 17). Each runs as the runner runs it —
 * action.yml's defaults as INPUT_*, the checkout as GITHUB_WORKSPACE and cwd, RUNNER_TEMP,
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE — on a checkout whose two models live in
 * `models/sonic` (working-directory), and every run is held to the same rules (readsRight): flat
 * non-empty groups, annotations on existing paths from the repository root, every line of a
 * multi-model log naming its model, summaries without runner paths, full SHAs, byte counts or
 * multi-line table cells. Each test adds what its action owes on top.
 */
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { ModelManager, createCdfClient, resolveCdfConfig } from '@akerbp-mlops/core';
import { cogniteEnv } from './helpers/emulator-env.js';
import { addModel, exampleWorkspace } from './helpers/example-repo.js';
import { groupProblems } from './helpers/log-structure.js';
import { actionDefaults, repoRoot, runBundle, stateEnv, type BundleRun } from './helpers/run-bundle.js';
import { summaryText } from './helpers/summary.js';

const MODELS = ['sonic_model', 'sonic_twin'];
const SHA = '3f2a9c1e5b7d9f0a1c3e5b7d9f0a1c3e5b7d9f0a';

/** Lines of a whole run (not of one model) that a multi-model log may hold. */
const RUN_LINES = [/^Plan: /, /^validate settings$/, /^models\/sonic\/mlops_settings\.yaml: \d+ models valid for /];

/** The 1-based line of the first line of `file` that contains `text`. */
function lineOf(file: string, text: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
}

/** What any step must write, whatever it did: see the file comment. */
function readsRight(run: BundleRun, workspace: string, models: string[]): void {
  const log = run.stdout;
  expect(groupProblems(log), 'groups').toEqual([]);
  expect(log + run.stderr, 'a stack trace').not.toMatch(/\n\s+at .+:\d+:\d+/);
  for (const line of log.split('\n')) {
    const command = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    const file = command?.[2]?.split(',').find((p) => p.startsWith('file='))?.slice(5);
    if (file) {
      expect(isAbsolute(file) || file.startsWith('..'), `${line}: not a path from the repository root`).toBe(false);
      expect(existsSync(join(workspace, file)), `${line}: no such file in the repository`).toBe(true);
    }
    if (models.length < 2 || file || !line || /^::(add-mask|debug|endgroup)::/.test(line)) continue;
    // Several models share the log: each line starts with its model, an error without a file
    // names the models it is about (or a file of one, from the repository root).
    const text = command ? command[3] : line.replace(/^::group::/, '');
    const named = command ? models.some((m) => text.includes(m)) || /\bmodels\/sonic\/\w+_code\//.test(text) : models.some((m) => text.startsWith(`[${m}] `));
    expect(named || RUN_LINES.some((r) => r.test(text)), `a line without its model: ${line}`).toBe(true);
  }
  const summary = summaryText(run.summary);
  // (A function's own call log may name its paths in CDF: those are not the runner's.)
  for (const path of [workspace, run.runnerTemp, '/home/runner']) expect(run.summary, 'a runner path in the summary').not.toContain(path);
  expect(summary, 'a full SHA in the summary').not.toMatch(/\b[0-9a-f]{40,}\b/);
  expect(summary, 'a byte count in the summary').not.toMatch(/\b\d{4,} ?(B|bytes)\b/);
  for (const table of run.summary.match(/<table>[\s\S]*?<\/table>/g) ?? []) expect(table, 'a table row over several lines').not.toContain('\n');
}

/** Each output parsed: a JSON map whose keys are exactly `models` (per-model outputs keep one type). */
function modelMaps(run: BundleRun, models: string[]): Record<string, Record<string, unknown>> {
  const maps = Object.fromEntries(Object.entries(run.outputs).map(([k, v]) => [k, JSON.parse(v) as Record<string, unknown>]));
  for (const [name, map] of Object.entries(maps)) expect([name, Object.keys(map).sort()]).toEqual([name, [...models].sort()]);
  return maps;
}

/**
 * A checkout with models/sonic holding sonic_model (model_code/) and sonic_twin (twin_code/).
 * With `failing`, sonic_twin has a test whose assertion message spans lines, and a test that
 * passes only once the harness has seen one of sonic_twin's PASSED lines while pytest still runs
 * (the harness writes the returned `go` file): output that arrived only at the end would leave
 * it waiting until it fails.
 */
function checkout(failing = false) {
  const { workspace, workingDirectory, repo } = exampleWorkspace();
  const twin = addModel(repo, 'sonic_twin', 'twin_code');
  const go = join(workspace, 'log-was-read');
  const testFile = join(twin, 'test_model.py');
  if (failing) {
    appendFileSync(testFile, [
      '', '', 'def test_waits_for_the_live_log():',
      '    import os, time',
      '    for _ in range(1800):',
      `        if os.path.exists(${JSON.stringify(go)}):`,
      '            return',
      '        time.sleep(0.1)',
      '    raise AssertionError("the log was not streamed")',
      '', '', 'def test_calibration():',
      '    assert 1 + 1 == 3, "calibration drifted:\\nexpected 3\\ngot 2"', '',
    ].join('\n'));
  }
  const onLine = (line: string) => {
    if (/^\[sonic_twin\] .*::test_\w+ PASSED/.test(line) && !existsSync(go)) writeFileSync(go, '');
  };
  return { workspace, workingDirectory, repo, twin, testFile, onLine };
}

describe('the built actions as a GitHub user reads them', () => {
  const emulators: RunningEmulator[] = [];
  /** A CDF project of its own (deploys of one test do not meet another's) and the step's environment for it. */
  async function cdf(): Promise<{ emu: RunningEmulator; env: Record<string, string> }> {
    const emu = await startEmulator({ project: 'akerbp-test', buildDelayMs: 40, callTimeoutMs: 60_000 });
    emulators.push(emu);
    return { emu, env: { ...cogniteEnv(emu), GITHUB_SHA: SHA, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_PATH: '', TESTING_ONLY: '' } };
  }

  beforeAll(() => {
    for (const name of ['validate-settings', 'test-model', 'package-model', 'deploy-cdf-function', 'deploy-post', 'promote-artifact', 'deploy']) {
      expect(existsSync(join(repoRoot, 'dist', name, 'index.js')), `dist/${name} (npm run build)`).toBe(true);
    }
  });
  afterAll(async () => { await Promise.all(emulators.map((e) => e.stop())); });

  it('validate-settings: the models of the settings; a settings problem and a requirements problem annotated at their files from the repository root', async () => {
    const { workspace, workingDirectory, repo } = checkout();
    const ok = await runBundle('validate-settings', { 'working-directory': workingDirectory }, { cwd: workspace, asRunner: true });
    expect(ok.code, ok.stdout).toBe(0);
    readsRight(ok, workspace, MODELS);
    expect(JSON.parse(ok.outputs.models)).toEqual(MODELS);
    expect(ok.stdout).toContain('models/sonic/mlops_settings.yaml: 2 models valid for test: sonic_model, sonic_twin');
    expect(summaryText(ok.summary)).toMatch(/\| sonic_twin \| sonic_twin \| prediction, training \| py311 \|/);

    const settings = join(repo, 'mlops_settings.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('python_version: py311', 'python_version: py39'));
    appendFileSync(join(repo, 'model_code', 'requirements.model'), 'numpy>=1.0 ; nonsense\n');
    const bad = await runBundle('validate-settings', { 'working-directory': workingDirectory }, { cwd: workspace, asRunner: true });
    expect(bad.code).toBe(1);
    // Settings problems are the file's, located by line, not one model's.
    readsRight(bad, workspace, []);
    expect(bad.stdout).toMatch(new RegExp(`^::error title=[^,]*python_version,file=models/sonic/mlops_settings.yaml,line=${lineOf(settings, 'python_version')},`, 'm'));
    const requirements = join(repo, 'model_code', 'requirements.model');
    expect(bad.stdout).toMatch(new RegExp(`^::error title=req_file,file=models/sonic/model_code/requirements.model,line=${lineOf(requirements, 'nonsense')},`, 'm'));
    expect(bad.outputs.models).toBeUndefined();
  }, 120_000);

  it('test-model on two models, one failing: live pytest, every line naming its model, the failure at models/sonic/…, maps for both, the error folded in the summary', async () => {
    const { workspace, workingDirectory, testFile, onLine } = checkout(true);
    const run = await runBundle('test-model', { 'working-directory': workingDirectory, 'install-requirements': 'false' }, { cwd: workspace, asRunner: true, onLine, timeoutMs: 540_000 });
    expect(run.code, run.stdout).toBe(1);
    readsRight(run, workspace, MODELS);
    expect(run.stdout).toMatch(/^\[sonic_twin\] twin_code\/test_model.py::test_waits_for_the_live_log PASSED/m);
    expect(run.stdout).toMatch(/^::group::\[sonic_twin\] pytest twin_code\/test_model.py$/m);
    const line = lineOf(testFile, 'calibration drifted');
    expect(run.stdout).toMatch(new RegExp(`^::error file=models/sonic/twin_code/test_model.py,line=${line}::models/sonic/twin_code/test_model.py:${line}: \\[sonic_twin\\] twin_code/test_model.py::test_calibration failed`, 'm'));
    expect(run.stdout.match(/^::error file=/gm)).toHaveLength(1);
    expect(Object.keys(JSON.parse(run.outputs['junit-file'])).sort()).toEqual(MODELS.slice().sort());
    expect(JSON.parse(run.outputs['test-payload'])).toHaveProperty('sonic_model');
    const summary = summaryText(run.summary);
    expect(summary).toMatch(/\| sonic_model \| 10 \| 0 \| 0 \| passed \|/);
    expect(summary).toMatch(/\| sonic_twin \| 11 \| 1 \| 0 \|/);
    // The assertion's first line in the row, the rest folded under the table.
    expect(summary).toMatch(new RegExp(`^\\| models/sonic/twin_code/test_model.py:${line} \\|  \\| \\[sonic_twin\\] twin_code/test_model.py::test_calibration failed: AssertionError: calibration drifted: \\|$`, 'm'));
    expect(run.summary).toMatch(/<details><summary>[^<]*calibration drifted:<\/summary>\s*<pre>\s*expected 3\n\s*got 2/);
  }, 600_000);

  it('package-model: a JSON map for one model and for two; human sizes, short SHAs, zips from the repository root; a packaging error at models/sonic/.mlopsignore', async () => {
    const { workspace, workingDirectory, repo } = checkout();
    const one = await runBundle('package-model', { 'working-directory': workingDirectory, env: 'dev', models: 'sonic_twin' }, { cwd: workspace, asRunner: true });
    expect(one.code, one.stdout).toBe(0);
    readsRight(one, workspace, ['sonic_twin']);
    // The README's example of the output, for this checkout, model and env.
    const example = /# outputs\.package: (\{.*\})$/m.exec(readFileSync(join(repoRoot, 'README.md'), 'utf8'))?.[1] ?? '{}';
    expect(modelMaps(one, ['sonic_twin']).package).toEqual(JSON.parse(example
      .replace('/home/runner/work/repo/repo', repo).replace(/my_model/g, 'sonic_twin').replace('-test.zip', '-dev.zip')));

    const both = await runBundle('package-model', { 'working-directory': workingDirectory, env: 'dev' }, { cwd: workspace, asRunner: true });
    expect(both.code, both.stdout).toBe(0);
    readsRight(both, workspace, MODELS);
    const maps = modelMaps(both, MODELS);
    for (const model of MODELS) {
      expect(summaryText(both.summary)).toMatch(new RegExp(
        `\\| ${model} \\| prediction \\| 1 \\| models/sonic/.mlops/packages/${model}-prediction-dev.zip \\| \\d+ kB \\| ${String(maps.sha256[model]).slice(0, 12)} \\| \\d+ \\|`,
      ));
    }

    writeFileSync(join(repo, '.mlopsignore'), 'twin_code/model.py\n');
    const ignored = await runBundle('package-model', { 'working-directory': workingDirectory, env: 'dev' }, { cwd: workspace, asRunner: true });
    expect(ignored.code).toBe(1);
    readsRight(ignored, workspace, MODELS);
    expect(ignored.stdout).toMatch(/^::error title=model_file,file=models\/sonic\/.mlopsignore::.*twin_code\/model.py is ignored/m);
    expect(ignored.stdout).toMatch(/^::error::.mlopsignore excludes twin_code\/model.py, the model_file of model "sonic_twin"/m);

    // A requirement carrying credentials: refused at its line, from the repository root, the token masked.
    rmSync(join(repo, '.mlopsignore'));
    const requirements = join(repo, 'twin_code', 'requirements.model');
    appendFileSync(requirements, '--extra-index-url https://user:tok3nSECRET@pkgs.example.com/simple\n');
    const credentialed = await runBundle('package-model', { 'working-directory': workingDirectory, env: 'dev' }, { cwd: workspace, asRunner: true });
    expect(credentialed.code).toBe(1);
    readsRight(credentialed, workspace, MODELS);
    expect(credentialed.stdout).toMatch(new RegExp(`^::error file=models/sonic/twin_code/requirements.model,line=${lineOf(requirements, 'extra-index-url')}::`, 'm'));
    expect(credentialed.stdout + credentialed.summary).not.toContain('tok3nSECRET');
  }, 300_000);

  it('deploy-cdf-function on two models: JSON maps, the project and Fusion links in the documented form; a dry run claims nothing; the post step reads right too', async () => {
    const { workspace, workingDirectory, twin } = checkout();
    const { emu, env } = await cdf();
    const dry = await runBundle('deploy-cdf-function', { 'working-directory': workingDirectory, env: 'dev', 'dry-run': 'true' }, { cwd: workspace, env, asRunner: true });
    expect(dry.code, dry.stdout).toBe(0);
    readsRight(dry, workspace, MODELS);
    expect(summaryText(dry.summary)).toMatch(/^🚀 Dry run: CDF Functions \(dev\)$/m);
    expect(summaryText(dry.summary)).not.toMatch(/deployed|What is serving/);
    expect(modelMaps(dry, MODELS).changed).toEqual({ sonic_model: true, sonic_twin: true });

    const run = await runBundle('deploy-cdf-function', { 'working-directory': workingDirectory, env: 'dev' }, { cwd: workspace, env, asRunner: true, timeoutMs: 540_000 });
    expect(run.code, run.stdout).toBe(0);
    readsRight(run, workspace, MODELS);
    const maps = modelMaps(run, MODELS);
    const host = new URL(emu.url).host;
    const text = summaryText(run.summary);
    expect(text).toContain(`CDF project akerbp-test at ${emu.url}, from commit 3f2a9c1.`);
    for (const model of MODELS) {
      // README: https://fusion.cognite.com/<project>/functions?cluster=<API host>&workspace=data-management, …/explore/file/<file id>?cluster=<API host>
      expect(run.summary).toContain(`<a href="https://fusion.cognite.com/akerbp-test/functions?cluster=${encodeURIComponent(host)}&amp;workspace=data-management">${model}-prediction-dev (${model}-prediction-dev-1)</a>`);
      expect(run.summary).toContain(`<a href="https://fusion.cognite.com/akerbp-test/explore/file/${maps['code-file-id'][model]}?cluster=${encodeURIComponent(host)}"><code>${String(maps['code-sha256'][model]).slice(0, 12)}</code></a>`);
      expect(text).toMatch(new RegExp(`\\| ${model}-prediction-dev \\(${model}-prediction-dev-1\\) \\| deployed \\| 1 \\|  \\| [0-9a-f]{12} \\| resolve [\\d.]+ · upload code [\\d.]+ · .* \\| ok \\([\\d.]+ s\\) \\|`));
    }
    expect(text).toMatch(/^What is serving$/m);
    expectReadmeExample('🚀 CDF Functions (test)', run.summary, host, 'sonic_twin');

    // sonic_twin's new code fails its smoke test after sonic_model (unchanged) went through: the
    // step fails, yet its outputs and table keep sonic_model, and sonic_twin has a failed row.
    appendFileSync(join(twin, 'model.py'), '\n# a code change\n');
    writeFileSync(join(workspace, 'bad.json'), JSON.stringify({ data: { ACS: [1.0] } }));
    const payloads = JSON.stringify({ sonic_twin: join(workspace, 'bad.json') });
    const partly = await runBundle('deploy-cdf-function', { 'working-directory': workingDirectory, env: 'dev', 'test-payload': payloads }, { cwd: workspace, env, asRunner: true, timeoutMs: 540_000 });
    expect(partly.code, partly.stdout).toBe(1);
    readsRight(partly, workspace, MODELS);
    expect(modelMaps(partly, ['sonic_model']).changed).toEqual({ sonic_model: false });
    const partlyText = summaryText(partly.summary);
    expect(partlyText).toContain(`CDF project akerbp-test at ${emu.url}, from commit 3f2a9c1.`);
    expect(partlyText).toMatch(/^\| sonic_model-prediction-dev \(sonic_model-prediction-dev-1\) \| unchanged \| 1 \| 1 \|/m);
    expect(partlyText).toMatch(/^\| sonic_twin-prediction-dev \| failed: .*[Ss]moke test.* \|  \|  \|  \|  \|  \|$/m);

    // The post step of a run cancelled while replacing sonic_model's latest: it checks it and says so.
    const latest = 'sonic_model-prediction-dev';
    const state = { deployments: JSON.stringify([{ latest, phase: 'switching', serving: `${latest} is being re-created`, targetFileId: maps['code-file-id'].sonic_model }]) };
    // The runner gives a post step its action's inputs.
    const post = await runBundle('deploy-post', { ...actionDefaults('deploy-cdf-function'), 'working-directory': workingDirectory, env: 'dev', 'wait-timeout-seconds': '120' }, { cwd: workspace, env: { ...env, ...stateEnv(state) }, asRunner: true, timeoutMs: 240_000 });
    expect(post.code, post.stdout).toBe(0);
    readsRight(post, workspace, []);
    expect(summaryText(post.summary)).toMatch(/The main step stopped while replacing 1 latest function; checked after it:/);
    expect(summaryText(post.summary)).toContain(`CDF project akerbp-test at ${emu.url}, from commit 3f2a9c1.`);
    expect(summaryText(post.summary)).toMatch(new RegExp(`^\\| ${latest} \\| `, 'm'));
  }, 600_000);

  it('deploy (akerbp/mlops@v4) on two models, one failing its tests: live log naming each model, the failure at models/sonic/…, no claim of success, the error folded', async () => {
    const { workspace, workingDirectory, testFile, onLine } = checkout(true);
    const { emu, env } = await cdf();
    // Without credentials a deploy fails at once, one annotation per missing setting, before any test.
    const github = { GITHUB_SHA: SHA, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_PATH: '' };
    const unsigned = await runBundle('deploy', { 'working-directory': workingDirectory, env: 'dev', 'install-requirements': 'false' }, { cwd: workspace, env: github, asRunner: true, timeoutMs: 240_000 });
    expect(unsigned.code, unsigned.stdout).toBe(1);
    readsRight(unsigned, workspace, []);
    expect(unsigned.stdout).not.toMatch(/pytest|PASSED|FAILED/);
    expect(unsigned.stdout).toMatch(/^::error title=cdf-project::cdf-project: /m);

    const run = await runBundle('deploy', { 'working-directory': workingDirectory, env: 'dev', 'install-requirements': 'false' }, { cwd: workspace, env, asRunner: true, onLine, timeoutMs: 540_000 });
    expect(run.code, run.stdout).toBe(1);
    readsRight(run, workspace, MODELS);
    expect(run.stdout).toMatch(/^\[sonic_twin\] twin_code\/test_model.py::test_waits_for_the_live_log PASSED/m);
    const line = lineOf(testFile, 'calibration drifted');
    expect(run.stdout).toMatch(new RegExp(`^::error file=models/sonic/twin_code/test_model.py,line=${line}::models/sonic/twin_code/test_model.py:${line}: \\[sonic_twin\\] twin_code/test_model.py::test_calibration failed`, 'm'));
    const results = JSON.parse(run.outputs.results);
    expect(Object.keys(results).sort()).toEqual(MODELS.slice().sort());
    expect(results.sonic_model.prediction.smokeTest.status).toBe('ok');
    expect(results.sonic_twin.prediction.failed).toMatch(/^sonic_twin failed testing/);
    const text = summaryText(run.summary);
    expect(text).toContain('Plan → dev (prediction): main: deploy the prediction service to dev. This run: sonic_twin failed; 1 of 2 models finished.');
    expect(text).not.toContain('validated, tested and deployed');
    expect(text).toContain(`CDF project akerbp-test at ${emu.url}, from commit 3f2a9c1.`);
    expect(text).toMatch(/^\| sonic_model \| prediction \| deployed \| sonic_model-prediction-dev \| 1 \|  \| [0-9a-f]{12} \| ok \| [\d.]+ \|$/m);
    expect(text).toMatch(/^\| sonic_twin \| prediction \| failed: sonic_twin failed testing \(1 problem\)\. \|/m);
    expect(run.summary).toMatch(/<details><summary>[^<]*calibration drifted:<\/summary>\s*<pre>\s*expected 3\n\s*got 2/);
    expectReadmeExample('🚀 mlops deploy', run.summary, new URL(emu.url).host);

    // A dry run of the passing model: tested, nothing deployed, and the summary says so.
    const dry = await runBundle('deploy', { 'working-directory': workingDirectory, env: 'dev', models: 'sonic_model', 'dry-run': 'true', 'install-requirements': 'false' }, { cwd: workspace, env, asRunner: true, timeoutMs: 540_000 });
    expect(dry.code, dry.stdout).toBe(0);
    readsRight(dry, workspace, ['sonic_model']);
    expect(summaryText(dry.summary)).toMatch(/This run: validated and tested; a dry run, so nothing was deployed/);
    expect(summaryText(dry.summary)).not.toMatch(/validated, tested and deployed|What is serving/);
    expect(summaryText(dry.summary)).toMatch(/^\| sonic_model \| prediction \| unchanged \| sonic_model-prediction-dev \|/m);
  }, 900_000);

  it('promote-artifact: one model, plain outputs; the project, links, short SHA and a human size', async () => {
    const { workspace, repo } = checkout();
    const { env } = await cdf();
    const manager = new ModelManager({ client: await createCdfClient(resolveCdfConfig({}, env), { access: 'write' }) });
    await manager.uploadNewVersion('sonic_model', 'test', join(repo, 'model_artifact'));
    const run = await runBundle('promote-artifact', { model: 'sonic_model' }, { cwd: workspace, env, asRunner: true });
    expect(run.code, run.stdout).toBe(0);
    readsRight(run, workspace, ['sonic_model']);
    expect(run.outputs['target-id']).toBe('sonic_model/prod/1');
    expect(summaryText(run.summary)).toMatch(/sonic_model\/test\/1 → sonic_model\/prod\/1, SHA-256 [0-9a-f]{12}, \d+(\.\d)? k?B\./);
  }, 120_000);
});

/**
 * The README's example of a job summary (the quoted block that starts with `### <title>`) is
 * what the action writes: the actual summary as the README renders it (markdown), its first
 * lines (without those holding `skip`), with the example's values — project, host, models, env,
 * ids, digests, times — made generic on both sides, equals the README's block.
 */
function expectReadmeExample(title: string, html: string, host: string, skip?: string): void {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const block = new RegExp(`^> ### ${title.replace(/[()]/g, '\\$&')}.*\n(?:>.*\n)+`, 'm').exec(readme)?.[0];
  expect(block, `the README example "${title}"`).toBeTruthy();
  const generic = (md: string) => md
    .replace(/sonic_model|my_model/g, 'MODEL').replace(/sonic_twin|other_model/g, 'OTHER')
    .replace(/\b(dev|test|prod)\b/g, 'ENV')
    .replace(new RegExp(`${host.replace(/[.]/g, '\\.')}|${encodeURIComponent(host).replace(/[.]/g, '\\.')}|westeurope-1\\.cognitedata\\.com`, 'g'), 'HOST')
    .replace(/https?:\/\/HOST/g, 'URL')
    .replace(/\b(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b/g, 'SHA')
    .replace(/\d+(\.\d+)?/g, 'N');
  const example = (block as string).trimEnd().split('\n').map((l) => l.replace(/^> ?/, ''));
  const actual = summaryMarkdown(html).split('\n').filter((l) => !skip || !l.includes(skip));
  expect(generic(actual.slice(0, example.length).join('\n'))).toBe(generic(example.join('\n')));
}

/** A job summary (core.summary's HTML) as the markdown a README quotes: headings, paragraphs, pipe tables. */
function summaryMarkdown(html: string): string {
  const inline = (s: string) => s
    .replace(/<a href="([^"]*)">(.*?)<\/a>/g, (_m, href: string, text: string) => `[${text}](${href})`)
    .replace(/<\/?code>/g, '`')
    .replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  return html
    .replace(/<h3>(.*?)<\/h3>\n?/g, (_m, t: string) => `### ${inline(t)}\n`)
    .replace(/<p>(.*?)<\/p>\n?/g, (_m, t: string) => `${inline(t)}\n\n`)
    .replace(/<table>(.*?)<\/table>\n?/g, (_m, t: string) => {
      const rows = t.split('<tr>').slice(1).map((r) => r.replace(/<\/tr>$/, '').split(/<t[hd]>/).slice(1).map((c) => inline(c.replace(/<\/t[hd]>$/, ''))));
      return `${[rows[0], rows[0].map(() => '---'), ...rows.slice(1)].map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\n`;
    });
}
