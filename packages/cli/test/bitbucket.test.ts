/** `mlops init --ci bitbucket` and `mlops deploy --env auto` in Bitbucket Pipelines. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePlan } from '@akerbp-mlops/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ciRunContext } from '../src/ci-context.js';
import { BITBUCKET_VARIABLES } from '../src/init/bitbucket.js';
import { mlops, repoRoot } from './helpers/built-cli.js';

const validRepo = join(repoRoot, 'test', 'fixtures', 'settings', 'valid');

interface Step { name: string; script: string[]; trigger?: string; deployment?: string; caches?: string[] }
const stepsOf = (list: { step: Step }[]) => list.map((s) => s.step);

describe('mlops init --ci bitbucket', () => {
  it('writes a bitbucket-pipelines.yml whose steps apply the branch rules, prod only by hand on main/master', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-'));
    const first = mlops(['init', '--ci', 'bitbucket', '--repo', dir]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('wrote bitbucket-pipelines.yml');
    const text = readFileSync(join(dir, 'bitbucket-pipelines.yml'), 'utf8');
    const file = parse(text);
    // The template's python_version (py311): its Python, with Node 22 for the CLI.
    expect(file.image).toBe('nikolaik/python-nodejs:python3.11-nodejs22');
    expect(first.stdout).toContain('wrote bitbucket-pipelines.yml (image nikolaik/python-nodejs:python3.11-nodejs22, the models\' python_version py311)');
    const auto = (step: Step) => step.script.at(-1) === 'mlops deploy --env auto' && step.script[0].startsWith('npm install --global') && step.script[0].endsWith('github:akerbp/mlops#v4');
    for (const list of [file.pipelines.default, file.pipelines['pull-requests']['**'], file.pipelines.tags['**']]) {
      expect(stepsOf(list)).toHaveLength(1);
      expect(auto(stepsOf(list)[0])).toBe(true);
    }
    const main = stepsOf(file.pipelines.branches['{main,master}']);
    expect(main).toHaveLength(2);
    expect(auto(main[0])).toBe(true);
    expect(main[0].trigger).toBeUndefined();
    expect(main[1]).toMatchObject({ trigger: 'manual', deployment: 'production' });
    expect(main[1].script.at(-1)).toBe('mlops deploy --env prod --yes');
    // Only the manual step names prod; nothing else deploys it.
    expect(text.match(/--env prod/g)).toHaveLength(1);
    for (const variable of BITBUCKET_VARIABLES) expect(text).toContain(variable);
    for (const variable of ['MLOPS_FUNCTION_SECRETS', 'MLOPS_INDEX_URL', 'MLOPS_EXTRA_INDEX_URLS']) expect(text).toContain(variable);
    // Those are read by mlops deploy itself: never echoed on a script line (Bitbucket prints each command).
    expect(text).not.toMatch(/^\s+- .*\$MLOPS_/m);

    expect(mlops(['init', '--ci', 'bitbucket', '--repo', dir]).stdout).toContain('bitbucket-pipelines.yml is up to date');
    writeFileSync(join(dir, 'bitbucket-pipelines.yml'), `${text}# mine\n`);
    const refused = mlops(['init', '--ci', 'bitbucket', '--repo', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Not touching bitbucket-pipelines.yml');
    expect(mlops(['init', '--ci', 'bitbucket', '--repo', dir, '--force']).code).toBe(0);
  });

  it("the image follows the models' python_version: init moves it (and says so) when that changes, and refuses models on different Pythons", () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bb-py-')), 'repo');
    cpSync(join(repoRoot, 'examples', 'model-repo'), dir, { recursive: true });
    const settings = join(dir, 'mlops_settings.yaml');
    expect(readFileSync(settings, 'utf8')).toMatch(/^python_version: py311$/m);
    expect(mlops(['init', '--ci', 'bitbucket', '--repo', dir]).code).toBe(0);
    const image = () => parse(readFileSync(join(dir, 'bitbucket-pipelines.yml'), 'utf8')).image;
    expect(image()).toBe('nikolaik/python-nodejs:python3.11-nodejs22');

    writeFileSync(settings, readFileSync(settings, 'utf8').replace('python_version: py311', 'python_version: py312'));
    const moved = mlops(['init', '--ci', 'bitbucket', '--repo', dir]);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toContain('updated bitbucket-pipelines.yml: image nikolaik/python-nodejs:python3.11-nodejs22 → nikolaik/python-nodejs:python3.12-nodejs22');
    expect(image()).toBe('nikolaik/python-nodejs:python3.12-nodejs22');
    expect(mlops(['init', '--ci', 'bitbucket', '--repo', dir]).stdout).toContain('bitbucket-pipelines.yml is up to date (image nikolaik/python-nodejs:python3.12-nodejs22)');

    // A file an older mlops init wrote (Node 20 image, v3 pin, older notes) is moved too, not refused as edited.
    const current = readFileSync(join(dir, 'bitbucket-pipelines.yml'), 'utf8');
    writeFileSync(join(dir, 'bitbucket-pipelines.yml'), current.replace('python3.12-nodejs22', 'python3.11-nodejs20').replaceAll('mlops#v4', 'mlops#v3').replace(/^# Optional, secured:.*\n/m, ''));
    const older = mlops(['init', '--ci', 'bitbucket', '--repo', dir]);
    expect(older.stdout).toContain('updated bitbucket-pipelines.yml: image nikolaik/python-nodejs:python3.11-nodejs20 → nikolaik/python-nodejs:python3.12-nodejs22; akerbp/mlops v3 → v4');
    expect(readFileSync(join(dir, 'bitbucket-pipelines.yml'), 'utf8')).toBe(current);

    // Models on two Pythons cannot share one image: refused, naming them, the file left as it was.
    const mixed = join(mkdtempSync(join(tmpdir(), 'bb-mixed-')), 'repo');
    cpSync(validRepo, mixed, { recursive: true });
    const refused = mlops(['init', '--ci', 'bitbucket', '--repo', mixed]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Not writing bitbucket-pipelines.yml: its steps run in one image, whose Python must be the models' python_version, and the models differ (model1 on py311; model2 on py312).");
    expect(refused.stderr).toContain('nikolaik/python-nodejs:python3.11-nodejs22, nikolaik/python-nodejs:python3.12-nodejs22');
    expect(existsSync(join(mixed, 'bitbucket-pipelines.yml'))).toBe(false);

    // Invalid settings: their problems, and why the pipeline waits for them.
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('python_version: py312', 'python_version: py27'));
    const invalid = mlops(['init', '--ci', 'bitbucket', '--repo', dir]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/python_version/);
    expect(invalid.stderr).toContain("bitbucket-pipelines.yml is written once the settings are valid: its image's Python is the models' python_version.");
  });

  it('a second CI system is said out loud: init for GitHub next to our Bitbucket pipeline warns, and --force retiring the GitHub workflow says nothing replaces it', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bb-two-')), 'repo');
    cpSync(join(repoRoot, 'examples', 'model-repo'), dir, { recursive: true });
    expect(mlops(['init', '--ci', 'bitbucket', '--repo', dir]).code).toBe(0);
    const github = mlops(['init', '--repo', dir]);
    expect(github.code, github.stderr).toBe(0);
    expect(github.stdout).toContain('wrote .github/workflows/main.yml');
    expect(github.stderr).toMatch(/^warning: bitbucket-pipelines\.yml \(written by `mlops init --ci bitbucket`\) also deploys these models: .* would deploy every function twice\. Keep one/m);
    // And the other way round.
    expect(mlops(['init', '--ci', 'bitbucket', '--repo', dir]).stderr).toMatch(/^warning: \.github\/workflows\/main\.yml \(written by `mlops init`\) also deploys these models/m);

    // The package's GitHub workflow and pipeline, retired by --ci bitbucket --force: only the Bitbucket file is written, and init says so.
    renameSync(join(dir, 'bitbucket-pipelines.yml'), join(dir, 'old.yml'));
    writeFileSync(join(dir, 'bitbucket-pipelines.yml'), 'pipelines: {}\n');
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(dir, '.github', 'workflows', 'main.yml'), 'jobs:\n  d:\n    steps:\n      - run: deploy_prediction_service\n');
    const refused = mlops(['init', '--ci', 'bitbucket', '--repo', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Run `mlops init --ci bitbucket --force` to retire them (kept as .github/workflows/main.yml.bak and bitbucket-pipelines.yml.bak; only bitbucket-pipelines.yml is written)');
    const forced = mlops(['init', '--ci', 'bitbucket', '--force', '--repo', dir]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('kept the old pipeline as .github/workflows/main.yml.bak; --ci bitbucket writes no GitHub workflow in its place (only bitbucket-pipelines.yml)');
    expect(forced.stdout).toMatch(/^kept the old pipeline as bitbucket-pipelines\.yml\.bak$/m);
    expect(forced.stderr).toBe('');
    expect(existsSync(join(dir, '.github', 'workflows', 'main.yml'))).toBe(false);
  });

  it('the README lists the repository variables the pipeline needs', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Bitbucket Pipelines'));
    for (const variable of BITBUCKET_VARIABLES) expect(section).toContain(`\`${variable}\``);
  });
});

describe('--env auto in Bitbucket Pipelines', () => {
  const plan = (vars: NodeJS.ProcessEnv, env: 'auto' | 'prod' | 'test' = 'auto') => resolvePlan({ env, github: ciRunContext(vars, env !== 'auto') });

  it('reads BITBUCKET_BRANCH, BITBUCKET_TAG and BITBUCKET_PR_ID like the GitHub rules', () => {
    expect(plan({ BITBUCKET_BRANCH: 'main' })).toMatchObject({ environment: 'test', services: ['prediction'], deploy: true });
    expect(plan({ BITBUCKET_BRANCH: 'master' })).toMatchObject({ environment: 'test', deploy: true });
    expect(plan({ BITBUCKET_BRANCH: 'deploy/x' })).toMatchObject({ environment: 'test', deploy: true });
    expect(plan({ BITBUCKET_BRANCH: 'mlops/x' })).toMatchObject({ environment: 'test', services: ['prediction', 'training'], deploy: true });
    expect(plan({ BITBUCKET_BRANCH: 'feature/x' })).toMatchObject({ deploy: false, services: ['prediction'] });
    expect(plan({ BITBUCKET_BRANCH: 'feature/x', BITBUCKET_PR_ID: '7' })).toMatchObject({ deploy: false, services: ['prediction'] });
    expect(plan({ BITBUCKET_TAG: 'v1.0' })).toMatchObject({ deploy: false, services: [] });
    expect(plan({ BITBUCKET_BRANCH: 'main' }, 'prod')).toMatchObject({ environment: 'prod', deploy: true });
    expect(() => plan({ BITBUCKET_BRANCH: 'feature/x' }, 'prod')).toThrow(/only allowed from the default branch/);
    expect(() => plan({ BITBUCKET_BRANCH: 'main', BITBUCKET_PR_ID: '7' }, 'prod')).toThrow(/pull request may only deploy to dev/);
    expect(ciRunContext({}, false)).toBeNull();
    // Bitbucket's words for its runs; a terminal is no CI run at all, not "no GitHub run".
    expect(plan({ BITBUCKET_BRANCH: 'feature/x' }, 'test').reason).toBe('step with an explicit --env: deploy to test from feature/x');
    expect(resolvePlan({ env: 'dev', github: null }).reason).toBe('deploy to dev as asked (not a CI run, so no branch rules apply)');
  });

  it('the built CLI follows them: a tag build validates only; prod from a feature branch is refused', () => {
    const tag = mlops(['deploy', '--env', 'auto', '--repo', validRepo], { bareEnv: true, env: { BITBUCKET_TAG: 'v1.0' } });
    expect(tag.code, tag.stderr).toBe(0);
    // In Bitbucket's words: tags and branches by name, its manual step; never GitHub's refs or workflows.
    expect(tag.stdout).toContain('tag v1.0 is not a branch (tags do not deploy). This run: validated.');
    const prod = mlops(['deploy', '--env', 'prod', '--yes', '--repo', validRepo], { bareEnv: true, env: { BITBUCKET_BRANCH: 'feature/x' } });
    expect(prod.code).toBe(1);
    expect(prod.stderr).toContain("Deploying to prod is only allowed from the default branch (main or master); this run is on branch feature/x. Merge first, then run the 'Deploy to prod' step of the main or master pipeline.");
    for (const run of [tag, prod]) expect(run.stdout + run.stderr).not.toMatch(/refs\/|workflow|GitHub/);
    const outside = mlops(['deploy', '--repo', validRepo], { bareEnv: true });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/--env auto applies the branch rules of a CI run/);
  });
});
