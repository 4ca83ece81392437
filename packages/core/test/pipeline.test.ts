/** The pipeline's pure parts: bounded concurrency with failure isolation, plan resolution, inputs. */
import { describe, expect, it } from 'vitest';
import { MlopsError, parsePipelineInputs, resolvePlan, settleWithConcurrency, testingOnlyFromEnv } from '../src/index.js';

describe('settleWithConcurrency', () => {
  it('never runs more than the limit at once, keeps order, and lets every item finish when some fail', async () => {
    let active = 0;
    let peak = 0;
    const finished: number[] = [];
    const results = await settleWithConcurrency([1, 2, 3, 4, 5], 2, async (n) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, n === 1 ? 30 : 5));
      active--;
      finished.push(n);
      if (n % 2 === 0) throw new Error(`boom ${n}`);
      return n * 10;
    });
    expect(peak).toBe(2);
    expect(finished.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([10, 'boom 2', 30, 'boom 4', 50]);
  });

  it('treats a limit below 1 as 1 and copes with no items', async () => {
    let peak = 0;
    let active = 0;
    await settleWithConcurrency([1, 2, 3], 0, async () => {
      peak = Math.max(peak, ++active);
      await new Promise((r) => setTimeout(r, 2));
      active--;
    });
    expect(peak).toBe(1);
    expect(await settleWithConcurrency([], 4, async () => 1)).toEqual([]);
  });
});

describe('resolvePlan', () => {
  it('applies the branch rules inside a GitHub run, the explicit env outside one', () => {
    expect(resolvePlan({ env: 'auto', github: { eventName: 'push', ref: 'refs/heads/feature/x' } })).toMatchObject({ deploy: false, environment: null });
    expect(() => resolvePlan({ env: 'prod', github: { eventName: 'push', ref: 'refs/heads/main' } })).toThrow(/only by a manual workflow_dispatch/);
    expect(resolvePlan({ env: 'prod' })).toMatchObject({ environment: 'prod', services: ['prediction'], deploy: true });
    expect(resolvePlan({ env: 'test', services: 'training, prediction' }).services).toEqual(['prediction', 'training']);
    expect(() => resolvePlan({ env: 'test', services: 'serving' })).toThrow(/service must be prediction or training; found "serving"/);
    expect(() => resolvePlan({ env: 'auto' })).toThrow(MlopsError);
  });
});

describe('parsePipelineInputs', () => {
  it('parses the text inputs with their defaults', () => {
    expect(parsePipelineInputs({}, {})).toMatchObject({ env: 'auto', models: [], testingOnly: false, concurrency: 4, keepVersions: undefined, waitTimeoutMs: 1_500_000, dryRun: false });
    expect(parsePipelineInputs({ env: 'TEST', models: 'a, b', keepVersions: 'All', functionSecrets: '{"api-key":"s3cret"}' }, {}))
      .toMatchObject({ env: 'test', models: ['a', 'b'], keepVersions: 'all', secrets: { 'api-key': 's3cret' } });
    expect(parsePipelineInputs({ keepVersions: ' 2 ' }, {}).keepVersions).toBe(2);
    // akerbp-mlops's models_to_keep: 0 deleted every numbered copy; earlier drafts of the input kept all.
    expect(() => parsePipelineInputs({ keepVersions: '0' }, {})).toThrow(/keep-versions: 0 is ambiguous; write "all"/);
  });

  it('names the input that is wrong, and never echoes secrets', () => {
    expect(() => parsePipelineInputs({ concurrency: '0' }, {})).toThrow('concurrency must be a whole number ≥ 1; found "0".');
    expect(() => parsePipelineInputs({ waitTimeoutSeconds: '1.5' }, {})).toThrow(/wait-timeout-seconds must be a whole number/);
    expect(() => parsePipelineInputs({ env: 'staging' }, {})).toThrow(/env must be one of dev, test, prod; found "staging"/);
    let message = '';
    try {
      parsePipelineInputs({ functionSecrets: '{"api-key": s3cret}' }, {});
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/function-secrets is not valid JSON/);
    expect(message).not.toContain('s3cret');
  });

  it('honours TESTING_ONLY as the Python package did', () => {
    for (const value of ['True', 'true', '1', 'yes']) expect(testingOnlyFromEnv({ TESTING_ONLY: value })).toBe(true);
    for (const value of ['', 'False', '0']) expect(testingOnlyFromEnv({ TESTING_ONLY: value })).toBe(false);
    expect(parsePipelineInputs({ testingOnly: false }, { TESTING_ONLY: 'True' }).testingOnly).toBe(true);
  });
});
