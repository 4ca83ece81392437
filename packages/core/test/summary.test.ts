import { describe, expect, it } from 'vitest';
import { MlopsError, cellText, failureHeadline, fusionFileUrl, fusionFunctionsUrl, humanSize, pipelineFailure, pipelineSummaryRows, planLine, shortSha, warningsOnce, silentLogger, type PipelineResult } from '../src/index.js';

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
    const failed: PipelineResult = { ...base, results: { ...base.results, n: { prediction: { failed: 'pip could not install\nERROR: x' } } }, failed: [{ model: 'n', message: 'pip could not install\nERROR: x', problems: [] }] };
    expect(planLine(failed)).toMatch(/This run: n failed; 1 of 2 models finished\.$/);
    expect(planLine(failed)).not.toContain('tested and deployed');
  });

  it('a run where every function already ran the code says nothing was deployed; a mixed one counts the unchanged', () => {
    const same: PipelineResult = { ...base, results: { m: { prediction: { ...deployed, changed: false } } } };
    expect(planLine(same)).toMatch(/This run: validated and tested; nothing to deploy: every function already runs this code \(unchanged\)\.$/);
    const mixed: PipelineResult = { ...base, results: { m: { prediction: deployed }, n: { prediction: { ...deployed, changed: false } } } };
    expect(planLine(mixed)).toMatch(/This run: validated, tested and deployed \(1 unchanged\)\.$/);
  });
});

describe('a failure is told once', () => {
  const WIPE = 'function-secrets is empty, but m-prediction-test is serving with the secret api-key; deploying would remove them, so nothing was changed. Give the secrets again.';

  it('a summary row shows the headline: the first sentence of the first line, at most 120 characters', () => {
    expect(failureHeadline(WIPE)).toBe('function-secrets is empty, but m-prediction-test is serving with the secret api-key;');
    expect(failureHeadline('pip could not install\nERROR: x')).toBe('pip could not install');
    expect(failureHeadline('model_code/requirements.model carries credentials. More.')).toBe('model_code/requirements.model carries credentials.');
    expect(failureHeadline('x'.repeat(300))).toHaveLength(120);
  });

  it('the run\'s error holds each model\'s paragraph once and the problems as they are', () => {
    const result = (failed: PipelineResult['failed']): PipelineResult => ({
      plan: { environment: 'test', services: ['prediction'], deploy: true, reason: 'r', warnings: [] }, mode: 'deploy', dryRun: false,
      results: Object.fromEntries(failed.map((f) => [f.model, { prediction: { failed: failureHeadline(f.message) } }])), failed,
    });
    const problems = [{ field: 'function-secrets', message: 'empty while m-prediction-test has secrets api-key' }, { file: 'req.txt', line: 2, message: 'line 2 carries credentials' }];
    const one = pipelineFailure(result([{ model: 'm', message: WIPE, problems }])) as MlopsError;
    expect(one.message).toBe(`m failed; 0 other models finished.\nm: ${WIPE}`);
    expect(one.problems).toEqual(problems);
    const text = one.message + one.problems.map((p) => p.message).join('');
    expect(text.split('would remove them')).toHaveLength(2);
    expect(pipelineSummaryRows(result([{ model: 'm', message: WIPE, problems }]))[0][2]).toBe(`failed: ${failureHeadline(WIPE)}`);
    const two = pipelineFailure(result([{ model: 'a', message: WIPE, problems: [problems[0]] }, { model: 'b', message: 'other', problems: [problems[1]] }])) as MlopsError;
    expect(two.problems.map((p) => p.message)).toEqual(['[a] empty while m-prediction-test has secrets api-key', '[b] line 2 carries credentials']);
  });

  it('warningsOnce prints each distinct warning once', () => {
    const seen: string[] = [];
    const log = warningsOnce({ ...silentLogger, warning: (m, loc) => seen.push(`${loc?.file ?? ''}:${m}`) });
    log.warning('a.env was left out');
    log.warning('a.env was left out');
    log.warning('a.env was left out', { file: 'x', line: 1 });
    log.warning('b');
    expect(seen).toEqual([':a.env was left out', 'x:a.env was left out', ':b']);
  });
});
