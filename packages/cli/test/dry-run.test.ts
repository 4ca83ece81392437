/** A dry run reads as one: the outcome column and the closing sentence say what would happen. */
import type { PipelineResult } from '@akerbp-mlops/core';
import { describe, expect, it } from 'vitest';
import { formatPipelineResult } from '../src/commands/deploy.js';

const outcome = (changed: boolean) => ({
  functionExternalId: 'm-prediction-test', changed, version: 3, smokeTest: null, stages: [{ name: 'dry run', ms: 0, detail: '' }],
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
    expect(text).toContain('This run: validated, tested and deployed.');
  });
});
