/**
 * The plan job of the reusable workflow: validate-settings with `env: auto` turns the run's
 * event and ref into the plan outputs the workflow's `if:`s read (built bundle, as the runner
 * runs it: `node scripts/build.mjs dist validate-settings`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleRepo } from './helpers/example-repo.js';
import { runBundle } from './helpers/run-bundle.js';

const repo = exampleRepo();

function eventFile(defaultBranch: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json');
  writeFileSync(file, JSON.stringify({ repository: { default_branch: defaultBranch } }));
  return file;
}

const plan = (eventName: string, ref: string, deployEnv = '', defaultBranch = 'main') =>
  runBundle('validate-settings', { 'working-directory': repo, env: 'auto', 'deploy-env': deployEnv }, {
    env: { GITHUB_EVENT_NAME: eventName, GITHUB_REF: ref, GITHUB_EVENT_PATH: eventFile(defaultBranch) },
  });

describe('validate-settings env auto (the plan job)', () => {
  it.each([
    ['push', 'refs/heads/main', '', { environment: 'test', services: '["prediction"]', deploy: 'true' }],
    ['push', 'refs/heads/mlops/retrain', '', { environment: 'test', services: '["prediction","training"]', deploy: 'true' }],
    ['push', 'refs/heads/feature/x', '', { environment: '', services: '["prediction"]', deploy: 'false' }],
    ['push', 'refs/tags/v1', '', { environment: '', services: '[]', deploy: 'false' }],
    ['pull_request', 'refs/pull/7/merge', 'dev', { environment: 'dev', deploy: 'true' }],
    // The default branch comes from the event payload.
    ['workflow_dispatch', 'refs/heads/trunk', 'prod', { environment: 'prod', services: '["prediction"]', deploy: 'true' }, 'trunk'],
    ['workflow_dispatch', 'refs/heads/main', 'auto', { environment: 'test', deploy: 'true' }],
    // master deploys to test although the default branch is main; the merge queue tests.
    ['push', 'refs/heads/master', '', { environment: 'test', services: '["prediction"]', deploy: 'true', reason: 'master: deploy the prediction service to test' }],
    ['merge_group', 'refs/heads/gh-readonly-queue/main/pr-7-0a1b', '', { environment: '', services: '["prediction"]', deploy: 'false' }],
  ] as [string, string, string, Record<string, string>, string?][])('%s %s (deploy-env "%s")', async (event, ref, deployEnv, expected, defaultBranch) => {
    const result = await plan(event, ref, deployEnv, defaultBranch);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.outputs).toMatchObject({ ...expected, models: '["sonic_model"]' });
    expect(result.outputs.reason).toBeTruthy();
  });

  it('warns, saying why, when the rules ignore the env asked for', async () => {
    const result = await plan('push', 'refs/heads/feature/x', 'dev');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.outputs).toMatchObject({ environment: '', deploy: 'false' });
    expect(result.stdout).toMatch(/::warning[^:]*::env "dev" was ignored: feature\/x: feature branches validate and test only, so this run deploys nothing\./);
  });

  it('takes the services input: a manual run deploys training to prod', async () => {
    const result = await runBundle('validate-settings', { 'working-directory': repo, env: 'auto', 'deploy-env': 'prod', services: 'prediction,training' }, {
      env: { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_PATH: eventFile('main') },
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.outputs).toMatchObject({ environment: 'prod', services: '["prediction","training"]', deploy: 'true' });
  });

  it('refuses prod outside a manual run on the default branch, saying why', async () => {
    const fromBranch = await plan('workflow_dispatch', 'refs/heads/feature/x', 'prod');
    expect(fromBranch.code).toBe(1);
    expect(fromBranch.stdout).toMatch(/::error.*only allowed from the default branch \(main\)/);
    const fromPush = await plan('push', 'refs/heads/main', 'prod');
    expect(fromPush.code).toBe(1);
    expect(fromPush.stdout).toMatch(/::error.*prod is deployed only by a manual workflow_dispatch/);
    expect(fromPush.outputs.deploy).toBeUndefined();
  });
});
