import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_MODEL_NAME_LENGTH, chooseCallTarget, functionExternalId, parseVersionedSuffix, versionedExternalId, type FileLike, type FunctionLike } from '@akerbp-mlops/core';

interface Vector { name: string; latest: string; functions: FunctionLike[]; files: FileLike[]; expect: string }
const VECTORS: Vector[] = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'runtime', 'tests', 'fallback_vectors.json'), 'utf8')).cases;

describe('the deployment state model', () => {
  it.each(VECTORS.map((v) => [v.name, v] as const))('fallback vector: %s', (_name, v) => {
    expect(chooseCallTarget(v.latest, v.functions, v.files)).toBe(v.expect);
  });

  it('versioned external ids: <latest>-<N> keeps its meaning, <latest>-<N>-<k> (k ≥ 2) for later deployments of N', () => {
    const latest = 'm-prediction-test';
    expect(versionedExternalId(latest, 3)).toBe('m-prediction-test-3');
    expect(versionedExternalId(latest, 3, 2)).toBe('m-prediction-test-3-2');
    expect(parseVersionedSuffix(latest, 'm-prediction-test-3')).toEqual({ version: 3, deployment: 1 });
    expect(parseVersionedSuffix(latest, 'm-prediction-test-3-12')).toEqual({ version: 3, deployment: 12 });
    for (const other of ['m-prediction-test', 'm-prediction-test-3-1', 'm-prediction-test-03', 'm-prediction-test-3-x', 'm-prediction-test-3-2-2', 'mm-prediction-test-3']) {
      expect(parseVersionedSuffix(latest, other), other).toBeNull();
    }
  });

  it('the longest model name the settings accept still fits CDF\'s 255-character external id with a deployment suffix', () => {
    const model = 'm'.repeat(MAX_MODEL_NAME_LENGTH);
    const xid = versionedExternalId(functionExternalId(model, 'prediction', 'prod'), 1e9, 1e6);
    expect(xid.length).toBeLessThanOrEqual(255);
  });
});
