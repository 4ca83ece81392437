import { describe, expect, it } from 'vitest';
import { MlopsError, planDeployment, type Plan, type PlanRequest } from '@akerbp-mlops/core';

type Row = [string, Omit<PlanRequest, 'inputs'> & { inputs?: PlanRequest['inputs'] }, Omit<Plan, 'reason' | 'warnings'>];

const test = (services: Plan['services']) => ({ environment: 'test' as const, services, deploy: true });
const noDeploy = (services: Plan['services']) => ({ environment: null, services, deploy: false });

// DESIGN.md §1, one row per rule and edge.
const rows: Row[] = [
  ['push to main deploys prediction to test', { eventName: 'push', ref: 'refs/heads/main' }, test(['prediction'])],
  ['push to master deploys prediction to test', { eventName: 'push', ref: 'refs/heads/master' }, test(['prediction'])],
  ['push to deploy/x behaves as master', { eventName: 'push', ref: 'refs/heads/deploy/x' }, test(['prediction'])],
  ['push to mlops/x deploys both services', { eventName: 'push', ref: 'refs/heads/mlops/x' }, test(['prediction', 'training'])],
  ['push to feature/x tests only', { eventName: 'push', ref: 'refs/heads/feature/x' }, noDeploy(['prediction'])],
  ['push of a tag deploys nothing', { eventName: 'push', ref: 'refs/tags/v1' }, noDeploy([])],
  ['push to another branch deploys nothing', { eventName: 'push', ref: 'refs/heads/bugfix/y' }, noDeploy([])],
  ['a branch merely containing main is not main', { eventName: 'push', ref: 'refs/heads/main-old' }, noDeploy([])],
  ['the default branch counts when given', { eventName: 'push', ref: 'refs/heads/trunk', defaultBranch: 'trunk' }, test(['prediction'])],
  ['main deploys when the default branch is another', { eventName: 'push', ref: 'refs/heads/main', defaultBranch: 'trunk' }, test(['prediction'])],
  ['master deploys when the default branch is main', { eventName: 'push', ref: 'refs/heads/master', defaultBranch: 'main' }, test(['prediction'])],
  ['the merge queue tests', { eventName: 'merge_group', ref: 'refs/heads/gh-readonly-queue/main/pr-7-abc' }, noDeploy(['prediction'])],
  ['a bare branch name is accepted', { eventName: 'push', ref: 'main' }, test(['prediction'])],
  ['push may pick dev', { eventName: 'push', ref: 'refs/heads/main', inputs: { env: 'dev' } }, { environment: 'dev', services: ['prediction'], deploy: true }],
  ['schedule follows the branch rules', { eventName: 'schedule', ref: 'refs/heads/mlops/retrain' }, test(['prediction', 'training'])],
  ['pull request validates and tests', { eventName: 'pull_request', ref: 'refs/pull/3/merge' }, noDeploy(['prediction'])],
  ['pull request may deploy to dev', { eventName: 'pull_request', ref: 'refs/pull/3/merge', inputs: { env: 'dev' } }, { environment: 'dev', services: ['prediction'], deploy: true }],
  ['dispatch without env deploys to test', { eventName: 'workflow_dispatch', ref: 'refs/heads/feature/x' }, test(['prediction'])],
  ['dispatch env test from any branch', { eventName: 'workflow_dispatch', ref: 'refs/heads/feature/x', inputs: { env: 'test' } }, test(['prediction'])],
  ['dispatch env dev from any branch', { eventName: 'workflow_dispatch', ref: 'refs/heads/feature/x', inputs: { env: 'dev' } }, { environment: 'dev', services: ['prediction'], deploy: true }],
  ['dispatch env prod on main', { eventName: 'workflow_dispatch', ref: 'refs/heads/main', inputs: { env: 'prod' } }, { environment: 'prod', services: ['prediction'], deploy: true }],
  ['dispatch env prod on master', { eventName: 'workflow_dispatch', ref: 'refs/heads/master', inputs: { env: 'PROD' } }, { environment: 'prod', services: ['prediction'], deploy: true }],
  ['explicit services replace the plan\'s', { eventName: 'workflow_dispatch', ref: 'refs/heads/main', inputs: { services: 'training, prediction' } }, test(['prediction', 'training'])],
  ['explicit services on a test-only branch', { eventName: 'push', ref: 'refs/heads/feature/x', inputs: { services: 'training' } }, noDeploy(['training'])],
  ['empty inputs mean not given', { eventName: 'push', ref: 'refs/heads/main', inputs: { env: '', services: ' ' } }, test(['prediction'])],
  ['other events deploy nothing', { eventName: 'release', ref: 'refs/tags/v1' }, noDeploy([])],
];

describe('planDeployment', () => {
  it.each(rows)('%s', (_name, request, expected) => {
    const plan = planDeployment({ inputs: {}, ...request });
    expect(plan).toMatchObject(expected);
    expect(plan.services).toEqual(expected.services);
    expect(plan.reason.length).toBeGreaterThan(5);
    expect(plan.warnings).toEqual([]);
  });

  it.each<[string, PlanRequest, RegExp]>([
    ['dev on a feature branch', { eventName: 'push', ref: 'refs/heads/feature/x', inputs: { env: 'dev' } }, /^env "dev" was ignored: feature\/x: feature branches validate and test only, so this run deploys nothing\.$/],
    ['test on another branch', { eventName: 'push', ref: 'refs/heads/bugfix/y', inputs: { env: 'test' } }, /env "test" was ignored: bugfix\/y: validate only/],
    ['dev on a tag', { eventName: 'push', ref: 'refs/tags/v1', inputs: { env: 'dev' } }, /env "dev" was ignored: refs\/tags\/v1 is not a branch/],
    ['dev in the merge queue', { eventName: 'merge_group', ref: 'refs/heads/gh-readonly-queue/main/pr-7', inputs: { env: 'dev' } }, /env "dev" was ignored: merge queue: validate and test only/],
  ])('warns when the rules ignore the env asked for: %s', (_name, request, warning) => {
    const plan = planDeployment(request);
    expect(plan.deploy).toBe(false);
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toMatch(warning);
  });

  it('the reason never contradicts the plan: master deploys whatever the default branch is', () => {
    for (const defaultBranch of ['main', 'master', 'trunk', undefined]) {
      const plan = planDeployment({ eventName: 'push', ref: 'refs/heads/master', defaultBranch, inputs: {} });
      expect(plan).toMatchObject({ environment: 'test', deploy: true, reason: 'master: deploy the prediction service to test' });
    }
  });

  it.each<[string, PlanRequest, RegExp]>([
    ['prod from a feature branch', { eventName: 'workflow_dispatch', ref: 'refs/heads/feature/x', inputs: { env: 'prod' } }, /only allowed from the default branch \(main or master\); this run is on refs\/heads\/feature\/x/],
    ['prod from a tag', { eventName: 'workflow_dispatch', ref: 'refs/tags/v1', inputs: { env: 'prod' } }, /only allowed from the default branch/],
    ['prod from main when the default branch is trunk', { eventName: 'workflow_dispatch', ref: 'refs/heads/main', defaultBranch: 'trunk', inputs: { env: 'prod' } }, /default branch \(trunk\)/],
    ['prod by a push', { eventName: 'push', ref: 'refs/heads/main', inputs: { env: 'prod' } }, /only by a manual workflow_dispatch/],
    ['test from a pull request', { eventName: 'pull_request', ref: 'refs/pull/1/merge', inputs: { env: 'test' } }, /only deploy to dev/],
    ['an unknown env', { eventName: 'workflow_dispatch', ref: 'refs/heads/main', inputs: { env: 'staging' } }, /env must be one of dev, test, prod; found "staging"/],
    ['an unknown service', { eventName: 'push', ref: 'refs/heads/main', inputs: { services: 'prediction,scoring' } }, /services must be a comma list of prediction, training/],
  ])('refuses %s', (_name, request, message) => {
    expect(() => planDeployment(request)).toThrow(MlopsError);
    expect(() => planDeployment(request)).toThrow(message);
  });
});
