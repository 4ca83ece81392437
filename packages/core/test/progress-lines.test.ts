import { describe, expect, it } from 'vitest';
import { prefixedLogger, progressLines, progressTask, silentLogger, type ProgressUpdate } from '@akerbp-mlops/core';

describe('progressLines: a line per 10 % for logs that cannot redraw', () => {
  it('writes each 10 % step once, after a retry too; nothing for unknown totals', () => {
    const lines: string[] = [];
    const write = progressLines((l) => lines.push(l));
    const e = (done: number, total: number, end?: boolean): ProgressUpdate => ({ id: 'upload:m/test/1', label: 'Uploading m/test/1', unit: 'bytes', done, total, end });
    for (const done of [0, 50, 99, 150, 400, 100, 1000]) write(e(done, 1000));
    write(e(1000, 1000, true));
    expect(lines).toEqual([
      'Uploading m/test/1: 10% (150 B of 1.0 kB)',
      'Uploading m/test/1: 40% (400 B of 1.0 kB)',
      'Uploading m/test/1: 100% (1.0 kB of 1.0 kB)',
    ]);
    write({ id: 'download:x', label: 'Downloading x', unit: 'bytes', done: 5 * 1024 * 1024, total: 0 });
    expect(lines).toHaveLength(3);
  });

  it('words a wait as a share of its limit', () => {
    const lines: string[] = [];
    progressLines((l) => lines.push(l))({ id: 'build:f', label: 'Waiting for function f to build', unit: 'seconds', done: 95, total: 900 });
    expect(lines).toEqual(['Waiting for function f to build: 10% of the 900 s limit (95 s)']);
  });
});

describe('progressTask', () => {
  it('ends with the last values, and says nothing when nothing moved; a prefixed logger tags the label', () => {
    const seen: ProgressUpdate[] = [];
    const log = prefixedLogger({ ...silentLogger, progress: (e) => seen.push(e) }, 'm1');
    progressTask(log, 'call:1', 'Waiting for call 1', 'seconds').end();
    expect(seen).toEqual([]);
    const task = progressTask(log, 'call:2', 'Waiting for call 2', 'seconds');
    task.update(1, 900);
    task.end();
    expect(seen).toEqual([
      { id: 'm1:call:2', label: '[m1] Waiting for call 2', unit: 'seconds', done: 1, total: 900 },
      { id: 'm1:call:2', label: '[m1] Waiting for call 2', unit: 'seconds', done: 1, total: 900, end: true },
    ]);
  });
});
