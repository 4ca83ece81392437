/**
 * Colour of the built CLI: on a terminal (a pseudo-terminal from Python's pty) headings are bold
 * and statuses coloured; never with NO_COLOR or --no-color, never without a terminal unless
 * FORCE_COLOR says so (as picocolors and chalk read it).
 */
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { createCdfClient, resolveCdfConfig } from '@akerbp-mlops/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlopsAsync, mlopsInTerminal, repoRoot } from './helpers/built-cli.js';
import { deployTiny } from './helpers/tiny-function.js';

const COLOUR = /\x1b\[[0-9;]*m/;
const faultyRepo = join(repoRoot, 'test', 'fixtures', 'settings', 'faulty');

let emu: RunningEmulator;
let env: NodeJS.ProcessEnv;

const inTerminal = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => mlopsInTerminal(args, { env: { ...env, ...extraEnv } });

beforeAll(async () => {
  emu = await startEmulator({ buildDelayMs: 20 });
  env = {
    COGNITE_PROJECT: emu.project, COGNITE_OIDC_BASE_URL: emu.url, COGNITE_TOKEN_URL: emu.tokenUrl,
    COGNITE_CLIENT_ID_WRITE: 'colour-client', COGNITE_CLIENT_SECRET_WRITE: 'colour-secret', TERM: 'xterm-256color',
  };
  await deployTiny(await createCdfClient(resolveCdfConfig({}, env), { access: 'write' }), 'test', [1]);
});
afterAll(async () => {
  await emu?.stop();
});

describe('on a terminal', () => {
  it('table headings bold, statuses coloured, the error prefix red', async () => {
    const listed = await inTerminal(['functions', 'list', '--env', 'test']);
    expect(listed.code, listed.output).toBe(0);
    expect(listed.output).toContain('\x1b[1mExternal id\x1b[22m');
    expect(listed.output).toContain('\x1b[32mReady\x1b[39m');

    const invalid = await inTerminal(['validate', '--repo', faultyRepo]);
    expect(invalid.code).toBe(1);
    expect(invalid.output).toMatch(/^\x1b\[31merror:\x1b\[39m /m);
  });

  it('none with NO_COLOR, --no-color, or TERM=dumb', async () => {
    for (const [args, extra] of [
      [['functions', 'list', '--env', 'test'], { NO_COLOR: '1' }],
      [['functions', 'list', '--env', 'test', '--no-color'], {}],
      [['--no-color', 'validate', '--repo', faultyRepo], {}],
      [['functions', 'list', '--env', 'test'], { TERM: 'dumb' }],
    ] as [string[], NodeJS.ProcessEnv][]) {
      const run = await inTerminal(args, extra);
      expect(run.output, `${args.join(' ')} ${JSON.stringify(extra)}`).toMatch(/External id|error:/);
      expect(run.output, `${args.join(' ')} ${JSON.stringify(extra)}`).not.toMatch(COLOUR);
    }
  });
});

describe('without a terminal', () => {
  it('no colour, unless FORCE_COLOR', async () => {
    const plain = await mlopsAsync(['functions', 'list', '--env', 'test'], { env });
    expect(plain.stdout).toMatch(/^External id +Status/);
    expect(plain.stdout + plain.stderr).not.toMatch(COLOUR);
    const invalid = await mlopsAsync(['validate', '--repo', faultyRepo], { env });
    expect(invalid.stderr).toMatch(/^error: /m);
    expect(invalid.stderr).not.toMatch(COLOUR);

    const forced = await mlopsAsync(['functions', 'list', '--env', 'test'], { env: { ...env, FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\x1b[32mReady\x1b[39m');
  });
});
