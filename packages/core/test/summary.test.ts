import { describe, expect, it } from 'vitest';
import { cellText, fusionFileUrl, fusionFunctionsUrl, humanSize, pipelineSummaryRows, planLine, shortSha, type PipelineResult } from '../src/index.js';

describe('summary pieces', () => {
  it('sizes read in the units of the 100 MB code-zip limit', () => {
    expect([0, 999, 1000, 1536, 9_949, 10_000, 123_456, 99_999_999, 1_200_000_000].map(humanSize))
      .toEqual(['0 B', '999 B', '1.0 kB', '1.5 kB', '9.9 kB', '10 kB', '123 kB', '100 MB', '1.2 GB']);
  });

  it('shortens commit shas as GitHub does and content digests to 12', () => {
    expect(shortSha('0123456789abcdef0123456789abcdef01234567', 'commit')).toBe('0123456');
    expect(shortSha('f'.repeat(64))).toBe('f'.repeat(12));
  });

  it('links into Fusion with the API host as cluster', () => {
    const site = { project: 'akerbp-dev', baseUrl: 'https://westeurope-1.cognitedata.com' };
    expect(fusionFunctionsUrl(site)).toBe('https://fusion.cognite.com/akerbp-dev/functions?cluster=westeurope-1.cognitedata.com&workspace=data-management');
    expect(fusionFileUrl(site, 42)).toBe('https://fusion.cognite.com/akerbp-dev/explore/file/42?cluster=westeurope-1.cognitedata.com');
  });
});

describe('the plan line', () => {
  const deployed = {
    functionExternalId: 'm-prediction-test', functionId: 1, versionedExternalId: 'm-prediction-test-1', version: 1, modelId: 'm/test/1',
    codeFileId: 2, codeSha256: 'a'.repeat(64), previousVersion: null, changed: true, stages: [], smokeTest: { status: 'ok', ms: 10 },
  };
  const base: PipelineResult = {
    plan: { environment: 'test', services: ['prediction'], deploy: true, reason: 'main: deploy the prediction service to test', warnings: [] },
    mode: 'deploy', dryRun: false, results: { m: { prediction: deployed } }, failed: [],
  };

  it('says "validated, tested and deployed" only when every model was deployed for real', () => {
    expect(planLine(base)).toMatch(/This run: validated, tested and deployed\.$/);
    const dry = { ...base, dryRun: true };
    expect(planLine(dry)).not.toContain('tested and deployed');
    expect(planLine(dry)).toContain('a dry run, so nothing was deployed');
    expect(pipelineSummaryRows(dry)[0].map(cellText)).toContain('would deploy');
    const failed: PipelineResult = { ...base, results: { ...base.results, n: { prediction: { failed: 'pip could not install\nERROR: x' } } }, failed: [{ model: 'n', problems: [] }] };
    expect(planLine(failed)).toMatch(/This run: n failed; 1 of 2 model\(s\) finished\.$/);
    expect(planLine(failed)).not.toContain('tested and deployed');
  });
});
