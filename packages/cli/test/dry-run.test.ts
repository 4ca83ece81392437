/** A dry run reads as one: the outcome column and the closing sentence say what would happen. */
import type { PipelineResult } from '@akerbp-mlops/core';
import { describe, expect, it, vi } from 'vitest';
import { formatPipelineResult } from '../src/commands/deploy.js';

const outcome = (changed: boolean) => ({
  functionExternalId: 'm-prediction-test', changed, version: 3, previousVersion: 2, codeSha256: 'a'.repeat(64), codeFileId: null, smokeTest: null, stages: [{ name: 'dry run', ms: 0, detail: '' }],
});

function result(dryRun: boolean): PipelineResult {
  return {
    plan: { environment: 'test', services: ['prediction'], deploy: true, reason: 'deploy to test as asked', warnings: [] },
    mode: 'deploy',
    dryRun,
    results: { m: { prediction: outcome(true) }, n: { prediction: outcome(false) } },
    failed: [],
  } as unknown as PipelineResult;
}

describe('mlops deploy --dry-run', () => {
  it('says "would deploy" and that nothing was deployed', () => {
    const text = formatPipelineResult(result(true));
    expect(text).toMatch(/^m\s+prediction\s+would deploy\s+m-prediction-test/m);
    expect(text).toMatch(/^n\s+prediction\s+unchanged/m);
    expect(text).toContain('This run: validated and tested; a dry run, so nothing was deployed');
  });

  it('a real run says deployed', () => {
    const text = formatPipelineResult(result(false));
    expect(text).toMatch(/^m\s+prediction\s+deployed/m);
    expect(text).toContain('This run: validated, tested and deployed (1 unchanged).');
  });

  it('on a terminal the outcome is coloured: would deploy yellow, unchanged dim, deployed green; headings bold', () => {
    vi.stubEnv('NO_COLOR', undefined);
    vi.stubEnv('FORCE_COLOR', undefined);
    vi.stubEnv('TERM', 'xterm');
    try {
      const terminal = { isTTY: true };
      expect(formatPipelineResult(result(true), terminal)).toMatch(/^m\s+prediction\s+\x1b\[33mwould deploy\x1b\[39m\s+m-prediction-test/m);
      expect(formatPipelineResult(result(true), terminal)).toMatch(/^n\s+prediction\s+\x1b\[2munchanged\x1b\[22m/m);
      expect(formatPipelineResult(result(false), terminal)).toMatch(/^m\s+prediction\s+\x1b\[32mdeployed\x1b\[39m/m);
      expect(formatPipelineResult(result(false), terminal)).toContain('\x1b[1mOutcome\x1b[22m');
      expect(formatPipelineResult(result(false))).not.toContain('\x1b');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
