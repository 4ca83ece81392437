/**
 * Progress of the built CLI against the emulator: on a terminal (a pseudo-terminal from Python's
 * pty) a bar with rate and ETA for transfers and with the seconds waited for builds and calls,
 * ended with a newline; without one, a line per 10 %.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { createCdfClient, resolveCdfConfig } from '@akerbp-mlops/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlopsAsync, mlopsInTerminal } from './helpers/built-cli.js';
import { deployTiny } from './helpers/tiny-function.js';

// Select Graphic Rendition: what colours text. cli-progress's cursor moves are other escapes.
const COLOUR = /\x1b\[[0-9;]*m/;

let emu: RunningEmulator;
let env: NodeJS.ProcessEnv;
let folder: string;

const inTerminal = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => mlopsInTerminal(args, { env: { ...env, ...extraEnv } });

/** The percentages of the `label: N% (...)` lines in `text`. */
function percentLines(text: string, label: string): number[] {
  return [...text.matchAll(new RegExp(`^${label.replace(/[/.]/g, '\\$&')}: (\\d+)% \\(.+ of .+\\)$`, 'gm'))].map((m) => Number(m[1]));
}

beforeAll(async () => {
  emu = await startEmulator({ buildDelayMs: 1500 });
  env = {
    COGNITE_PROJECT: emu.project, COGNITE_OIDC_BASE_URL: emu.url, COGNITE_TOKEN_URL: emu.tokenUrl,
    COGNITE_CLIENT_ID_WRITE: 'progress-client', COGNITE_CLIENT_SECRET_WRITE: 'progress-secret',
  };
  // Random bytes do not compress: the artifact stays 6 MiB, six 1 MiB upload chunks.
  folder = mkdtempSync(join(tmpdir(), 'mlops-progress-'));
  writeFileSync(join(folder, 'weights.bin'), randomBytes(6 * 1024 * 1024));
  const client = await createCdfClient(resolveCdfConfig({}, env), { access: 'write' });
  await deployTiny(client, 'test', [1], { sleepSeconds: 2 });
});
afterAll(async () => {
  await emu?.stop();
});

describe('without a terminal: a line per 10 %', () => {
  it('artifacts upload and download', async () => {
    const up = await mlopsAsync(['artifacts', 'upload', 'prog', 'test', folder], { env });
    expect(up.code, up.stderr).toBe(0);
    const upLines = percentLines(up.stderr, 'Uploading prog/test/1');
    // 1 MiB chunks of about 6 MiB: at most one line per 10 % step, rising, ending at 100 %.
    expect(upLines.length, up.stderr).toBeGreaterThanOrEqual(5);
    expect(upLines.every((p, i) => p % 10 === 0 && (i === 0 || p > upLines[i - 1]))).toBe(true);
    expect(upLines.at(-1)).toBe(100);

    const down = await mlopsAsync(['artifacts', 'download', 'prog', 'test', join(mkdtempSync(join(tmpdir(), 'mlops-dl-')), 'out')], { env });
    expect(down.code, down.stderr).toBe(0);
    // Downloads arrive in small chunks: every step shows, once.
    expect(percentLines(down.stderr, 'Downloading prog/test/1')).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(up.stderr + down.stderr).not.toMatch(/\r|\x1b/);
  });
});

describe('on a terminal: a bar with rate and ETA, ended with a newline', () => {
  it('artifacts upload', async () => {
    const { code, output } = await inTerminal(['artifacts', 'upload', 'prog', 'test', folder]);
    expect(code, output).toBe(0);
    // The last drawing of the bar, full, with the amount and the rate; then a newline, then the result.
    expect(output).toMatch(/Uploading prog\/test\/2 \[█{20}\] 100% 6\.3 MB of 6\.3 MB, [\d.]+ (B|kB|MB|GB)\/s(\x1b\[[0-9;?]*[A-Za-z])*\n/);
    expect(output).toMatch(/\nprog\/test\/2\n$/);
    expect(percentLines(output, 'Uploading prog/test/2')).toEqual([]);
    expect(output).not.toMatch(COLOUR);
  });

  it('waiting for a call and for a build: the seconds waited of the limit', async () => {
    const called = await inTerminal(['functions', 'call', 'tiny', '--env', 'test', '--data', '{}']);
    expect(called.code, called.output).toBe(0);
    expect(called.output).toMatch(/Waiting for call \d+ of function \d+ \[[█░]{20}\]   0% [1-9]\d* s of the \d+ s limit(\x1b\[[0-9;?]*[A-Za-z])*\n/);
    expect(called.output).toContain('"status": "ok"');

    const rebuilt = await inTerminal(['functions', 'redeploy', 'tiny-prediction-test-1', '--no-smoke-test']);
    expect(rebuilt.code, rebuilt.output).toBe(0);
    expect(rebuilt.output).toMatch(/Waiting for function tiny-prediction-test-1 to build \[[█░]{20}\]   0% [1-9]\d* s of the \d+ s limit(\x1b\[[0-9;?]*[A-Za-z])*\n/);
  });
});
