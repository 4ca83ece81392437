/**
 * The README's branch-rule table and the plan (packages/core/src/plan.ts) agree: each README row
 * is checked against the plan with the events and refs it names, and no row exists on one side only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planDeployment, type Plan, type PlanRequest } from '@akerbp-mlops/core';
import { repoRoot } from './helpers/run-bundle.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const header = '| event | branch | what happens |';
const table = readme.slice(readme.indexOf(header)).split('\n\n')[0].split('\n').slice(2);
const rowKey = (line: string) => line.split('|').slice(1, 3).map((c) => c.trim()).join(' | ');

type Example = Omit<PlanRequest, 'inputs'> & { inputs?: PlanRequest['inputs'] };
type Expected = Pick<Plan, 'environment' | 'services' | 'deploy'>;
const deploys = (environment: Plan['environment'], services: Plan['services']): Expected => ({ environment, services, deploy: true });
const only = (services: Plan['services']): Expected => ({ environment: null, services, deploy: false });
const push = (ref: string, defaultBranch = 'main'): Example => ({ eventName: 'push', ref, defaultBranch });

// README row (event | branch) → requests it covers → the plan it promises.
const rows: Record<string, [Example, Expected][]> = {
  'push | `main` and `master` (both, whichever is the default), any other default branch, `deploy/*`': [
    [push('refs/heads/main'), deploys('test', ['prediction'])],
    [push('refs/heads/master'), deploys('test', ['prediction'])],
    [push('refs/heads/master', 'master'), deploys('test', ['prediction'])],
    [push('refs/heads/main', 'master'), deploys('test', ['prediction'])],
    [push('refs/heads/trunk', 'trunk'), deploys('test', ['prediction'])],
    [push('refs/heads/deploy/eu'), deploys('test', ['prediction'])],
  ],
  'push | `mlops/*`': [[push('refs/heads/mlops/retrain'), deploys('test', ['prediction', 'training'])]],
  'push | `feature/*`': [[push('refs/heads/feature/x'), only(['prediction'])]],
  'push | a tag, any other branch': [[push('refs/tags/v1.0.0'), only([])], [push('refs/heads/bugfix/y'), only([])]],
  'pull request | any': [
    [{ eventName: 'pull_request', ref: 'refs/pull/7/merge' }, only(['prediction'])],
    [{ eventName: 'pull_request', ref: 'refs/pull/7/merge', inputs: { env: 'dev' } }, deploys('dev', ['prediction'])],
  ],
  'merge queue (`merge_group`) | the queue\'s branch': [[{ eventName: 'merge_group', ref: 'refs/heads/gh-readonly-queue/main/pr-7-0a1b' }, only(['prediction'])]],
  'Run workflow (manual) | any; `prod` only from the default branch': [
    [{ eventName: 'workflow_dispatch', ref: 'refs/heads/feature/x', inputs: { env: 'test' } }, deploys('test', ['prediction'])],
    [{ eventName: 'workflow_dispatch', ref: 'refs/heads/main', defaultBranch: 'main', inputs: { env: 'prod' } }, deploys('prod', ['prediction'])],
    [{ eventName: 'workflow_dispatch', ref: 'refs/heads/main', defaultBranch: 'main', inputs: { env: 'prod', services: 'prediction,training' } }, deploys('prod', ['prediction', 'training'])],
  ],
};

describe('README branch rules', () => {
  it('has exactly the rows this test checks', () => {
    expect(table.map(rowKey)).toEqual(Object.keys(rows));
  });

  for (const [row, cases] of Object.entries(rows)) {
    it.each(cases.map(([request, expected]) => [`${request.eventName} ${request.ref}${request.inputs?.env ? ` env ${request.inputs.env}` : ''}`, request, expected] as const))(`${row}: %s`, (_name, request, expected) => {
      expect(planDeployment({ inputs: {}, ...request })).toMatchObject(expected);
    });
  }

  it('what the text under the table says: prod is refused elsewhere, an unused env warns', () => {
    expect(readme).toContain('`prod` is refused anywhere else, and so are `test`/`prod` on a pull request.');
    expect(() => planDeployment({ eventName: 'workflow_dispatch', ref: 'refs/heads/feature/x', defaultBranch: 'main', inputs: { env: 'prod' } })).toThrow(/default branch \(main\)/);
    expect(() => planDeployment({ eventName: 'push', ref: 'refs/heads/main', inputs: { env: 'prod' } })).toThrow(/manual workflow_dispatch/);
    expect(() => planDeployment({ eventName: 'pull_request', ref: 'refs/pull/7/merge', inputs: { env: 'test' } })).toThrow(/only deploy to dev/);
    expect(planDeployment({ eventName: 'push', ref: 'refs/heads/feature/x', inputs: { env: 'dev' } }).warnings[0]).toMatch(/env "dev" was ignored/);
  });

  it('a branch that only validates is told every branch that deploys, a default other than main or master too', () => {
    expect(planDeployment({ eventName: 'push', ref: 'refs/heads/bugfix/y', defaultBranch: 'trunk', inputs: {} }).reason)
      .toBe('bugfix/y: validate only (main, master, trunk, deploy/* and mlops/* deploy; feature/* tests)');
    expect(planDeployment({ eventName: 'push', ref: 'refs/heads/bugfix/y', defaultBranch: 'main', inputs: {} }).reason)
      .toBe('bugfix/y: validate only (main, master, deploy/* and mlops/* deploy; feature/* tests)');
  });
});
