/**
 * The lines the CLI draws for progress on a terminal, and the renderer the terminal tests read
 * them with (test/helpers/screen.ts).
 */
import { describe, expect, it } from 'vitest';
import { progressLine } from '../src/progress.js';
import { renderScreen } from './helpers/screen.js';

const SHA = 'a'.repeat(64);

describe('progressLine', () => {
  const upload = { label: `Uploading mlops-code/sonic_model-prediction-test/${SHA.slice(0, 12)}…`, unit: 'bytes' as const, done: 15_000, total: 30_000, startedAt: 0, eta: 3 };

  it('a transfer: bar, percentage, amount, rate and ETA; the final line drops the ETA', () => {
    expect(progressLine(upload, 1000, 140)).toBe(`${upload.label} [██████████░░░░░░░░░░]  50% 15 kB of 30 kB, 15 kB/s, ETA 3s`);
    expect(progressLine({ ...upload, done: 30_000 }, 2000, 140, true)).toBe(`${upload.label} [████████████████████] 100% 30 kB of 30 kB, 15 kB/s`);
  });

  it('fits the terminal: the bar shrinks, then goes, then the label is cut, then the ETA, the rate and the amounts go', () => {
    const artifact = { ...upload, label: 'Uploading sonic_model/test/3' };
    expect(progressLine(artifact, 1000, 80)).toBe('Uploading sonic_model/test/3 [█████░░░░░]  50% 15 kB of 30 kB, 15 kB/s, ETA 3s');
    expect(progressLine(artifact, 1000, 70)).toBe('Uploading sonic_model/test/3  50% 15 kB of 30 kB, 15 kB/s, ETA 3s');
    const at80 = progressLine(upload, 1000, 80);
    expect(at80).toBe('Uploading mlops-code/sonic_model-predicti…  50% 15 kB of 30 kB, 15 kB/s, ETA 3s');
    expect(at80).toHaveLength(79);
    expect(progressLine(upload, 1000, 50)).toBe('Uploading mlops-code/sonic_m…  50% 15 kB of 30 kB');
    expect(progressLine(upload, 1000, 30)).toBe('Uploading mlops-code/so…  50%');
    for (const columns of [20, 40, 60, 80, 100]) expect(progressLine({ ...upload, label: `Uploading ${SHA}` }, 1000, columns).length).toBeLessThan(Math.max(columns, 21));
  });

  it('a wait: a spinner and the seconds waited, no share of its limit; the final line says how long', () => {
    const wait = { label: 'Waiting for function f-1 to build', unit: 'seconds' as const, done: 12.4, total: 1500, startedAt: 0 };
    expect(progressLine(wait, 0, 80)).toBe('⠋ Waiting for function f-1 to build 12 s');
    expect(progressLine(wait, 100, 80)).toBe('⠙ Waiting for function f-1 to build 12 s');
    expect(progressLine(wait, 0, 80, true)).toBe('Waited 12 s for function f-1 to build');
    expect(progressLine({ ...wait, label: 'Building' }, 0, 80, true)).toBe('Building: 12 s');
    expect(progressLine({ ...wait, label: `Waiting for function ${'x'.repeat(100)} to build` }, 0, 80).length).toBe(79);
  });
});

describe('renderScreen', () => {
  it('draws carriage returns, cursor moves and clears as a terminal does', () => {
    expect(renderScreen('abc\rX\n', 10)).toEqual(['Xbc']);
    expect(renderScreen('one\ntwo\x1b[1A\x1b[1Gbar\x1b[0K\n', 10)).toEqual(['bar', 'two']);
    expect(renderScreen('bar line\n\x1b[1A\x1b[2Klog\n\x1b[0J', 10)).toEqual(['log']);
    expect(renderScreen('0123456789ab', 10)).toEqual(['0123456789', 'ab']);
    expect(renderScreen('\x1b[?7l0123456789ab\x1b[?7h', 10)).toEqual(['012345678b']);
    expect(renderScreen('\x1b[1m\x1b[32mok\x1b[0m', 10)).toEqual(['ok']);
  });
});
