/** Usage errors, help and --version of the built CLI: the conventions of gh, git and cdf. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES_HELP } from '../src/exit.js';
import { CLI, mlops, repoRoot } from './helpers/built-cli.js';

const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version as string;

describe('mlops usage errors exit 2 with one line and a pointer to help', () => {
  it.each([
    [['valdate'], /^error: unknown command 'valdate' \(did you mean validate\?\)\nRun 'mlops --help' for usage\.\n$/],
    [['artifacts', 'lsit'], /^error: unknown command 'lsit' \(did you mean list\?\)\nRun 'mlops artifacts --help' for usage\.\n$/],
    [['validate', '--bogus'], /^error: unknown option '--bogus'\nRun 'mlops validate --help' for usage\.\n$/],
    [['deploy', '--dry-rn'], /^error: unknown option '--dry-rn' \(did you mean --dry-run\?\)\nRun 'mlops deploy --help' for usage\.\n$/],
    [['validate', '--env', 'qa'], /^error: option '--env <env>' argument 'qa' is invalid\. Allowed choices are dev, test, prod\.\nRun 'mlops validate --help' for usage\.\n$/],
    [['artifacts', 'upload', 'm', 'test'], /^error: missing required argument 'folder'\nRun 'mlops artifacts upload --help' for usage\.\n$/],
    [['functions', 'call', 'm'], /^error: required option '--data <json>' not specified\nRun 'mlops functions call --help' for usage\.\n$/],
    [['demo', '--port', 'eighty'], /^error: --port must be a port number \(0 for any free port\), got 'eighty'\.\nRun 'mlops demo --help' for usage\.\n$/],
    [['help', 'deplyo'], /^error: unknown command 'deplyo' \(did you mean deploy\?\)\nRun 'mlops --help' for usage\.\n$/],
    [['help', 'nothing'], /^error: unknown command 'nothing'\nRun 'mlops --help' for usage\.\n$/],
    [['help', 'artifacts', 'lsit'], /^error: unknown command 'lsit' \(did you mean list\?\)\nRun 'mlops artifacts --help' for usage\.\n$/],
    [['deploy', '--env', 'staging'], /^error: option '--env <env>' argument 'staging' is invalid\. Allowed choices are dev, test, prod, auto\.\nRun 'mlops deploy --help' for usage\.\n$/],
    [['functions', 'list', '--env', 'qa'], /^error: option '--env <env>' argument 'qa' is invalid\. Allowed choices are dev, test, prod\.\nRun 'mlops functions list --help' for usage\.\n$/],
    [['test', '--env', 'qa'], /^error: option '--env <env>' argument 'qa' is invalid\. Allowed choices are dev, test, prod\.\nRun 'mlops test --help' for usage\.\n$/],
    [['deploy', '--concurrency', 'abc'], /^error: option '--concurrency <n>' argument 'abc' is invalid\. Expected a whole number ≥ 1\.\nRun 'mlops deploy --help' for usage\.\n$/],
    [['deploy', '--keep-versions', 'x'], /^error: option '--keep-versions <n>' argument 'x' is invalid\. Expected a whole number ≥ 1 or 'all'\.\nRun 'mlops deploy --help' for usage\.\n$/],
    [['emulator', 'start', '--port', 'abc'], /^error: option '--port <n>' argument 'abc' is invalid\. Expected a whole number from 0 to 65535\.\nRun 'mlops emulator start --help' for usage\.\n$/],
    [['functions', 'logs', 'f', '--call', '0'], /^error: option '--call <id>' argument '0' is invalid\. Expected a whole number ≥ 1\.\nRun 'mlops functions logs --help' for usage\.\n$/],
    [['package', '--service', 'foo'], /^error: option '--service <name>' argument 'foo' is invalid\. Allowed choices are prediction, training\.\nRun 'mlops package --help' for usage\.\n$/],
    [['package', '--artifact-source', 'foo'], /^error: option '--artifact-source <src>' argument 'foo' is invalid\. Allowed choices are local, cdf\.\nRun 'mlops package --help' for usage\.\n$/],
    [['deploy', '--service', 'prediction,trainig'], /^error: option '--service <list>' argument 'prediction,trainig' is invalid\. Expected prediction, training or both, comma-separated; got 'trainig'\.\nRun 'mlops deploy --help' for usage\.\n$/],
    [['functions', 'rollback', 'm', '--env', 'dev', '--service', 'foo'], /^error: option '--service <name>' argument 'foo' is invalid\. Allowed choices are prediction, training\.\nRun 'mlops functions rollback --help' for usage\.\n$/],
    [['functions', 'call', 'm', '--data', '{}', '--version', 'abc'], /^error: option '--version <n>' argument 'abc' is invalid\. Expected a whole number ≥ 1 or 'latest'\.\nRun 'mlops functions call --help' for usage\.\n$/],
    [['artifacts', 'download', 'm', 'test', 'out', '--version', '0'], /^error: option '--version <n>' argument '0' is invalid\. Expected a whole number ≥ 1 or 'latest'\.\nRun 'mlops artifacts download --help' for usage\.\n$/],
    [['functions', 'call', 'my_model', '--data', '{}'], /^error: "my_model" is a model name; say which environment with --env \(or give the function's external id, e\.g\. my_model-prediction-test\)\.\nRun 'mlops functions call --help' for usage\.\n$/],
    [['validate', 'extra'], /^error: too many arguments for 'validate'\. Expected 0 arguments but got 1\.\nRun 'mlops validate --help' for usage\.\n$/],
  ])('mlops %j', (args, stderr) => {
    const run = mlops(args);
    expect(run.stderr).toMatch(stderr);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });

  it('a group without its subcommand prints the group help to stderr and exits 2', () => {
    const run = mlops(['artifacts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: mlops artifacts [options] [command]');
  });
});

describe('mlops help', () => {
  it('with no arguments, --help and help: the commands and the exit codes, exit 0', () => {
    for (const args of [[], ['--help'], ['help']]) {
      const run = mlops(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/^Usage: mlops \[options\] \[command\]/);
      for (const name of ['init', 'validate', 'test', 'package', 'deploy', 'artifacts', 'functions', 'emulator', 'demo']) expect(run.stdout).toMatch(new RegExp(`\\n  ${name} `));
      expect(run.stdout).toContain('Exit codes:\n  0    success\n  1    failure');
      expect(run.stdout).toContain('  2    usage error');
      expect(run.stdout).toContain('  130  interrupted (Ctrl+C)');
    }
  });

  it('mlops help <command> and mlops <command> --help print the same help', () => {
    for (const path of [['deploy'], ['artifacts', 'upload'], ['functions', 'call']]) {
      const viaHelp = mlops(['help', ...path]);
      const viaFlag = mlops([...path, '--help']);
      expect(viaFlag.code).toBe(0);
      expect(viaHelp.code).toBe(0);
      expect(viaHelp.stdout).toBe(viaFlag.stdout);
      expect(viaFlag.stdout).toMatch(new RegExp(`^Usage: mlops ${path.join(' ')} `));
    }
    expect(mlops(['deploy', '--help']).stdout).toContain('--dry-run');
  });

  it('--version prints the suite version; a command keeps its own --version', () => {
    expect(mlops(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(mlops(['-V']).stdout).toBe(`${version}\n`);
    expect(mlops(['artifacts', 'download', '--help']).stdout).toContain('--version <n>');
  });
});

describe('a reader that closes the pipe early (mlops --help | head -1)', () => {
  it('ends mlops quietly: no EPIPE stack trace, exit 0', async () => {
    for (const args of [['--help'], [], ['completion', 'bash']]) {
      for (let i = 0; i < 3; i++) {
        const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
        child.stdout.once('data', () => child.stdout.destroy());
        const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
        expect(stderr, args.join(' ')).not.toMatch(/EPIPE|node:events|\n\s+at /);
        expect(code, args.join(' ')).toBe(0);
      }
    }
  });
});

describe('option values the README documents still parse', () => {
  it('deploy --env auto outside CI reaches the command (its own usage error), --keep-versions all and ALL pass', () => {
    const auto = mlops(['deploy', '--env', 'auto'], { bareEnv: true });
    expect(auto.code).toBe(2);
    expect(auto.stderr).toContain('--env auto applies the branch rules of a CI run');
    for (const keep of ['all', 'ALL', '3']) {
      const run = mlops(['deploy', '--env', 'auto', '--keep-versions', keep, '--concurrency', '2'], { bareEnv: true });
      expect(run.stderr, keep).toContain('--env auto applies the branch rules of a CI run');
    }
  });
});

describe('exit codes are documented where people look', () => {
  it('in mlops --help and in the README (its table and its generated reference)', () => {
    expect(mlops(['--help']).stdout).toContain(EXIT_CODES_HELP);
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain(EXIT_CODES_HELP);
    for (const row of [/^\| 0 \| success \|$/m, /^\| 1 \| failure/m, /^\| 2 \| usage error/m, /^\| 130 \| interrupted/m]) expect(readme).toMatch(row);
  });
});

describe('mlops init run twice on a fresh repository', () => {
  it('is not an error: the second run says the settings are still the template', () => {
    const dir = mkdtempSync(join(tmpdir(), 'init-twice-'));
    const first = mlops(['init', '--repo', dir]);
    expect(first.code, first.stderr).toBe(0);
    const second = mlops(['init', '--repo', dir]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('mlops_settings.yaml is still the template: fill it in');
    expect(second.stderr).toBe('');
  });
});
