/**
 * The Python package's deploy scripts as names of mlops deploy: `--yes` only where their manual
 * gate already ran (a CI run); from a terminal prod asks for the project name, and without one
 * needs --yes, as `mlops deploy --env prod` does (the built CLI through a symlink, as npm links it).
 */
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mlopsArguments } from '../src/aliases.js';
import { CLI, repoRoot, runAsync } from './helpers/built-cli.js';

const CI = { GITHUB_ACTIONS: 'true' };

describe('the Python package\'s deploy scripts as names of mlops deploy', () => {
  it('runs mlops deploy with the script\'s service, whatever the install path or shim extension; --yes only in a CI run', () => {
    expect(mlopsArguments('/usr/local/bin/deploy_prediction_service', ['--no-install'], CI)).toEqual(['deploy', '--service', 'prediction', '--yes', '--no-install']);
    expect(mlopsArguments('C:\\npm\\deploy_training_service.cmd', [], { BITBUCKET_BUILD_NUMBER: '12' })).toEqual(['deploy', '--service', 'training', '--yes']);
    expect(mlopsArguments('/usr/local/bin/deploy_prediction_service', [], { CI: 'true' })).toEqual(['deploy', '--service', 'prediction', '--yes']);
    expect(mlopsArguments('/usr/local/bin/deploy_prediction_service', ['--no-install'], {})).toEqual(['deploy', '--service', 'prediction', '--no-install']);
    expect(mlopsArguments('/usr/local/bin/deploy_prediction_service', [], { CI: 'false' })).toEqual(['deploy', '--service', 'prediction']);
    expect(mlopsArguments('/usr/local/bin/deploy_prediction_service', ['--yes'], CI)).toEqual(['deploy', '--service', 'prediction', '--yes']);
  });

  it('leaves mlops itself alone', () => {
    expect(mlopsArguments('/usr/local/bin/mlops', ['test', '--env', 'test'], CI)).toEqual(['test', '--env', 'test']);
    expect(mlopsArguments('/repo/dist/cli/index.js', ['deploy'], CI)).toEqual(['deploy']);
    expect(mlopsArguments(undefined, [], CI)).toEqual([]);
  });

  it('the built alias: MODEL_ENV=prod outside CI without a terminal needs --yes (exit 2); in a CI run nothing is asked', async () => {
    const alias = join(mkdtempSync(join(tmpdir(), 'alias-')), 'deploy_prediction_service');
    symlinkSync(CLI, alias);
    // Faulty settings: whatever gets past the confirmation stops at validation, before CDF.
    const repo = join(repoRoot, 'test', 'fixtures', 'settings', 'faulty');
    const env = { MODEL_ENV: 'prod', COGNITE_PROJECT: 'acme-prod', COGNITE_OIDC_BASE_URL: 'http://127.0.0.1:9', COGNITE_TOKEN_URL: 'http://127.0.0.1:9/token', COGNITE_CLIENT_ID_WRITE: 'w', COGNITE_CLIENT_SECRET_WRITE: 's' };
    const outside = await runAsync(process.execPath, [alias, '--repo', repo], { bareEnv: true, env });
    expect(outside.code, outside.stderr).toBe(2);
    expect(outside.stderr).toMatch(/^error: Deploying every model to prod needs confirmation and there is no terminal to ask on: pass --yes\./);
    // In CI the gate already ran: nothing is asked; this run goes on to validate the settings.
    const ci = await runAsync(process.execPath, [alias, '--repo', repo], { bareEnv: true, env: { ...env, BITBUCKET_BUILD_NUMBER: '7' } });
    expect(ci.code).toBe(1);
    expect(ci.stderr).not.toContain('needs confirmation');
    expect(ci.stdout + ci.stderr).toMatch(/problems in settings/);
  });
});
