/** `mlops init --ci bitbucket` and `mlops deploy --env auto` in Bitbucket Pipelines. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
    expect(file.image).toMatch(/python.*node/);
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

    expect(mlops(['init', '--ci', 'bitbucket', '--repo', dir]).stdout).toContain('bitbucket-pipelines.yml is up to date');
    writeFileSync(join(dir, 'bitbucket-pipelines.yml'), `${text}# mine\n`);
    const refused = mlops(['init', '--ci', 'bitbucket', '--repo', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Not touching bitbucket-pipelines.yml');
    expect(mlops(['init', '--ci', 'bitbucket', '--repo', dir, '--force']).code).toBe(0);
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
  });

  it('the built CLI follows them: a tag build validates only; prod from a feature branch is refused', () => {
    const tag = mlops(['deploy', '--env', 'auto', '--repo', validRepo], { bareEnv: true, env: { BITBUCKET_TAG: 'v1.0' } });
    expect(tag.code, tag.stderr).toBe(0);
    expect(tag.stdout).toContain('refs/tags/v1.0 is not a branch (tags do not deploy). This run: validated.');
    const prod = mlops(['deploy', '--env', 'prod', '--yes', '--repo', validRepo], { bareEnv: true, env: { BITBUCKET_BRANCH: 'feature/x' } });
    expect(prod.code).toBe(1);
    expect(prod.stderr).toContain('Deploying to prod is only allowed from the default branch (main or master); this run is on refs/heads/feature/x.');
    const outside = mlops(['deploy', '--repo', validRepo], { bareEnv: true });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/--env auto applies the branch rules of a CI run/);
  });
});
