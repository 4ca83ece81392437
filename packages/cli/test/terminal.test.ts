/**
 * The built CLI against the emulator as a terminal user and a script meet it: --json documents on
 * stdout, prod confirmations typed through a pseudo-terminal, credential errors in shell terms.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { createCdfClient, resolveCdfConfig, retrieveFunction } from '@akerbp-mlops/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlops, mlopsAsync, mlopsInTerminal, repoRoot } from './helpers/built-cli.js';
import { deployTiny } from './helpers/tiny-function.js';

const validRepo = join(repoRoot, 'test', 'fixtures', 'settings', 'valid');

let emu: RunningEmulator;
let env: NodeJS.ProcessEnv;

/** `mlops ...args` in a pseudo-terminal, typing `answer` at the project-name prompt. */
const inTerminal = (answer: string, args: string[]) => mlopsInTerminal(args, { env, prompt: 'to continue: ', answer });

beforeAll(async () => {
  emu = await startEmulator({ buildDelayMs: 20, callTimeoutMs: 20_000, project: 'acme-prod' });
  env = {
    COGNITE_PROJECT: emu.project, COGNITE_OIDC_BASE_URL: emu.url, COGNITE_TOKEN_URL: emu.tokenUrl,
    COGNITE_CLIENT_ID_WRITE: 'w', COGNITE_CLIENT_SECRET_WRITE: 's',
  };
  const client = await createCdfClient(resolveCdfConfig({}, env), { access: 'write' });
  await deployTiny(client, 'test', [1]);
  await deployTiny(client, 'prod', [1, 2]);
});
afterAll(async () => {
  await emu?.stop();
});

describe('--json: one document on stdout, the human text on stderr', () => {
  it('validate, package, functions list and functions call', async () => {
    const validated = mlops(['validate', '--repo', validRepo, '--env', 'dev', '--json']);
    expect(validated.code).toBe(0);
    expect(JSON.parse(validated.stdout)).toMatchObject({ file: 'mlops_settings.yaml', env: 'dev', valid: true, models: [{ modelName: 'model1' }, { modelName: 'model2' }] });
    expect(validated.stderr).toContain('2 models valid for dev');

    const packaged = mlops(['package', '--repo', validRepo, '--models', 'model2', '--output-dir', mkdtempSync(join(tmpdir(), 'mlops-json-')), '--json']);
    expect(packaged.code, packaged.stderr).toBe(0);
    expect(JSON.parse(packaged.stdout)).toMatchObject([{ model: 'model2', service: 'prediction', env: 'dev', size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    const listed = await mlopsAsync(['functions', 'list', '--env', 'prod', '--json'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).map((f: { externalId: string; serves: number }) => [f.externalId, f.serves]).sort()).toEqual([
      ['tiny-prediction-prod', 2], ['tiny-prediction-prod-1', 1], ['tiny-prediction-prod-2', 2],
    ]);

    const called = await mlopsAsync(['functions', 'call', 'tiny', '--env', 'test', '--data', '{"x": 1}', '--json'], { env });
    expect(called.code, called.stderr).toBe(0);
    expect(JSON.parse(called.stdout)).toMatchObject({ externalId: 'tiny-prediction-test', status: 'Completed', response: { status: 'ok', echo: { x: 1 } } });
  });

  it('a failure is still one document, naming the problems', () => {
    const run = mlops(['validate', '--repo', join(validRepo, '..', 'faulty'), '--json']);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc.error.message).toMatch(/problems in settings/);
    expect(doc.error.problems.length).toBeGreaterThan(5);
    expect(run.stderr).toMatch(/^error: .*problems in settings/m);
  });
});

describe('prod is deliberate', () => {
  it('deleting a prod function asks for the CDF project name in a terminal; a wrong name changes nothing', async () => {
    const wrong = await inTerminal('acme', ['functions', 'delete', 'tiny-prediction-prod-1']);
    expect(wrong.output).toContain('Deleting function tiny-prediction-prod-1 in CDF project "acme-prod".');
    expect(wrong.output).toContain('"acme" is not "acme-prod": nothing was changed.');
    expect(wrong.code).toBe(1);
    const right = await inTerminal('acme-prod', ['functions', 'delete', 'tiny-prediction-prod-1']);
    expect(right.code, right.output).toBe(0);
  });

  it('the deleted function is gone only after the right name', async () => {
    const client = await createCdfClient(resolveCdfConfig({}, env), { access: 'read' });
    expect(await retrieveFunction(client, { externalId: 'tiny-prediction-prod-1' })).toBeNull();
    expect(await retrieveFunction(client, { externalId: 'tiny-prediction-prod-2' })).not.toBeNull();
  });

  it('deploy --env prod: the name typed in a terminal; without a terminal --yes is required (exit 2)', async () => {
    const typed = await inTerminal('nope', ['deploy', '--env', 'prod', '--repo', validRepo]);
    expect(typed.output).toContain('Deploying every model to prod in CDF project "acme-prod".');
    expect(typed.code).toBe(1);
    const piped = await mlopsAsync(['deploy', '--env', 'prod', '--repo', validRepo], { env, input: 'acme-prod\n' });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/^error: Deploying every model to prod needs confirmation and there is no terminal to ask on: pass --yes\.\nRun 'mlops deploy --help' for usage\.\n$/);
    const rollback = await mlopsAsync(['functions', 'rollback', 'tiny', '--env', 'prod', '--to', '2'], { env });
    expect(rollback.code).toBe(2);
    expect(rollback.stderr).toContain('pass --yes');
  });
});

describe('outside prod: a y/N question, worded as in prod', () => {
  it('"n" cancels without an error (exit 1, the function kept); without a terminal --yes is required in the same words', async () => {
    const declined = await mlopsInTerminal(['functions', 'delete', 'tiny-prediction-test-1'], { env, prompt: '[y/N] ', answer: 'n' });
    expect(declined.output).toContain('Deleting function tiny-prediction-test-1. Continue? [y/N] ');
    expect(declined.output).toContain('Cancelled: nothing was changed.');
    expect(declined.output).not.toMatch(/error|Not deleted/i);
    expect(declined.code).toBe(1);
    // Ctrl+C at the prompt (a byte in raw mode, not a signal) exits 130 as an interrupt does elsewhere.
    const interrupted = await mlopsInTerminal(['functions', 'delete', 'tiny-prediction-test-1'], { env, prompt: '[y/N] ', answer: '\x03' });
    expect(interrupted.code).toBe(130);
    const piped = await mlopsAsync(['functions', 'delete', 'tiny-prediction-test-1'], { env });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/^error: Deleting function tiny-prediction-test-1 needs confirmation and there is no terminal to ask on: pass --yes\./);
    const client = await createCdfClient(resolveCdfConfig({}, env), { access: 'read' });
    expect(await retrieveFunction(client, { externalId: 'tiny-prediction-test-1' })).not.toBeNull();
  });
});

describe('messages for a terminal', () => {
  it('missing credentials name the environment variables to export, not action inputs', async () => {
    const run = await mlopsAsync(['functions', 'list'], { bareEnv: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('COGNITE_PROJECT, COGNITE_OIDC_BASE_URL, COGNITE_TENANT_ID, COGNITE_CLIENT_ID_WRITE, COGNITE_CLIENT_SECRET_WRITE are not set');
    expect(run.stderr).toContain('  export COGNITE_PROJECT=my-cdf-project\n');
    expect(run.stderr).not.toMatch(/input|repository secret/i);
  });

  it('mlops test and mlops package, which only read CDF, name the read pair and the flag that avoids CDF', async () => {
    const repo = join(mkdtempSync(join(tmpdir(), 'mlops-readonly-')), 'repo');
    cpSync(join(repoRoot, 'examples', 'model-repo'), repo, { recursive: true });
    rmSync(join(repo, 'model_artifact'), { recursive: true, force: true });
    const test = await mlopsAsync(['test', '--env', 'test', '--no-install', '--repo', repo], { bareEnv: true });
    expect(test.code).toBe(1);
    const tested = test.stdout + test.stderr;
    expect(tested).toContain('COGNITE_PROJECT, COGNITE_OIDC_BASE_URL, COGNITE_TENANT_ID, COGNITE_CLIENT_ID_READ, COGNITE_CLIENT_SECRET_READ are not set');
    expect(tested).toContain('tested with --env dev');
    expect(tested).not.toMatch(/_WRITE|input|repository secret/i);
    const pkg = await mlopsAsync(['package', '--env', 'test', '--repo', repo], { bareEnv: true });
    expect(pkg.code).toBe(1);
    expect(pkg.stderr).toContain('  export COGNITE_CLIENT_SECRET_READ=');
    expect(pkg.stderr).toContain('--artifact-source local');
    expect(pkg.stderr).not.toMatch(/_WRITE|input|repository secret/i);
  });
});
