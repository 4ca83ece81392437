/**
 * Progress of the built CLI against the emulator: on a terminal (a pseudo-terminal from Python's
 * pty, its output rendered as the terminal shows it) a bar with rate and ETA for transfers and a
 * spinner with the seconds waited for builds and calls, each ended as one final line that fits
 * the terminal's width; without one, a line per 10 %.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { createCdfClient, resolveCdfConfig } from '@akerbp-mlops/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRepo } from '../../../test/helpers/example-repo.js';
import { mlopsAsync, mlopsInTerminal } from './helpers/built-cli.js';
import { renderScreen } from './helpers/screen.js';
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

describe('on a terminal: lines redrawn in place, each ended as one final line', () => {
  it('artifacts upload: a bar with the amount and rate, ended with a newline', async () => {
    const { code, output } = await inTerminal(['artifacts', 'upload', 'prog', 'test', folder]);
    expect(code, output).toBe(0);
    // The final line of the bar, full, with the amount and the rate; then a newline, then the result.
    expect(output).toMatch(/Uploading prog\/test\/2 \[█{20}\] 100% 6\.3 MB of 6\.3 MB, [\d.]+ (B|kB|MB|GB)\/s(\x1b\[[0-9;?]*[A-Za-z])*\n/);
    expect(percentLines(output, 'Uploading prog/test/2')).toEqual([]);
    expect(output).not.toMatch(COLOUR);
    const screen = renderScreen(output, 120);
    expect(screen.slice(-3)).toEqual([expect.stringMatching(/^Uploading prog\/test\/2 \[█{20}\] 100% 6\.3 MB of 6\.3 MB, [\d.]+ \w+\/s$/), expect.stringMatching(/^Uploaded prog\/test\/2 /), 'prog/test/2']);
  });

  it('waiting for a call and for a build: a spinner with the seconds waited, then one line saying how long', async () => {
    const called = await inTerminal(['functions', 'call', 'tiny', '--env', 'test', '--data', '{}']);
    expect(called.code, called.output).toBe(0);
    // While waiting: a spinner frame and the seconds, no bar at 0 % of a limit far away.
    expect(called.output).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Waiting for call \d+ of function \d+ [1-9]\d* s/);
    expect(called.output).not.toMatch(/░|limit/);
    const callScreen = renderScreen(called.output, 120);
    const waited = callScreen.findIndex((l) => /^Waited [1-9]\d* s for call \d+ of function \d+$/.test(l));
    expect(waited, callScreen.join('\n')).toBeGreaterThanOrEqual(0);
    expect(callScreen.filter((l) => /Waiting for|[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/.test(l))).toEqual([]);
    expect(callScreen.slice(waited + 1).join('\n')).toContain('"status": "ok"');

    const rebuilt = await inTerminal(['functions', 'redeploy', 'tiny-prediction-test-1', '--no-smoke-test']);
    expect(rebuilt.code, rebuilt.output).toBe(0);
    const screen = renderScreen(rebuilt.output, 120);
    // The status line, then the wait's one final line: nothing half-drawn, no empty line between.
    const ready = screen.indexOf('function tiny-prediction-test-1: Ready');
    expect(ready, screen.join('\n')).toBeGreaterThanOrEqual(0);
    expect(screen[ready + 1]).toMatch(/^Waited [1-9]\d* s for function tiny-prediction-test-1 to build$/);
    expect(screen.filter((l) => /Waiting for|[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]|^$/.test(l))).toEqual([]);
  });

  it('a deploy on an 80-column terminal: progress lines fit, the code upload keeps its numbers, every wait ends as one line', async () => {
    const run = await mlopsInTerminal(['deploy', '--env', 'dev', '--repo', exampleRepo(), '--no-install'], { env, columns: 80, timeoutMs: 150_000 });
    expect(run.code, run.output).toBe(0);
    const screen = renderScreen(run.output, 80);
    const text = screen.join('\n');
    const upload = screen.filter((l) => l.startsWith('Uploading mlops-code/'));
    // 80 columns leave no room for the bar: the label gives way (cut with …), the numbers stay.
    expect(upload, text).toEqual([expect.stringMatching(/^Uploading mlops-code\/sonic_model-prediction-dev\/[0-9a-f]{0,12}… 100% [\d.]+ kB of [\d.]+ kB, [\d.]+ \w+\/s$/)]);
    // Progress lines fit: none reaches the last column (where the terminal would cut or fold it).
    // The upload and both builds' waits at least; a smoke call's wait shows only when the call
    // outlasts its first poll, which depends on the machine's load.
    const progress = screen.filter((l) => /^(Uploading|Waited|Waiting)/.test(l));
    expect(progress.length, text).toBeGreaterThanOrEqual(3);
    expect(progress.filter((l) => l.length >= 80)).toEqual([]);
    expect(text).toMatch(/^Waited [1-9]\d* s for function sonic_model-prediction-dev-1 to build$/m);
    expect(screen.filter((l) => /Waiting for|[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏░]/.test(l))).toEqual([]);
    expect(text).toMatch(/^sonic_model +prediction +deployed +sonic_model-prediction-dev/m);
  }, 180_000);
});
