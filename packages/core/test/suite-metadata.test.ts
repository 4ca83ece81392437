import { describe, expect, it } from 'vitest';
import {
  MAX_MODEL_NAME_LENGTH, METADATA_LIMITS, RESERVED_METADATA_BYTES, USER_METADATA_BUDGET, decodeSuiteMetadata, encodeSuiteMetadata, isPackageFunction,
  type SuiteMetadataInput,
} from '@akerbp-mlops/core';

const SHA = 'c'.repeat(64);
const base: SuiteMetadataInput = { model: 'sonic_model', env: 'prod', version: 12, suiteVersion: '4.0.0', codeSha256: SHA };

describe('suite function metadata', () => {
  it('writes exactly version, model_id and a compact mlops record, and reads them back', () => {
    const run = { url: 'https://github.com/akerbp/models/actions/runs/123456789', id: '123456789', attempt: '1' };
    const md = encodeSuiteMetadata({ ...base, gitSha: 'a'.repeat(40), run });
    expect(Object.keys(md)).toEqual(['version', 'model_id', 'mlops']);
    expect(md.version).toBe('12');
    expect(md.model_id).toBe('sonic_model/prod/12');
    expect(JSON.parse(md.mlops)).toEqual({ o: 'akerbp/mlops', v: '4.0.0', code: SHA, git: 'a'.repeat(40), run: run.url });
    expect(md.mlops).not.toMatch(/\s/);
    // Users' keys around ours do not confuse the reader.
    expect(decodeSuiteMetadata({ ...md, units: '[m]' })).toEqual({
      version: 12, modelId: 'sonic_model/prod/12', suiteVersion: '4.0.0', codeSha256: SHA, gitSha: 'a'.repeat(40), run: run.url,
    });
  });

  it('records a re-run attempt in the run URL, and falls back to id/attempt when the URL is missing', () => {
    const retried = encodeSuiteMetadata({ ...base, run: { url: 'https://github.com/o/r/actions/runs/9', id: '9', attempt: '3' } });
    expect(JSON.parse(retried.mlops).run).toBe('https://github.com/o/r/actions/runs/9/attempts/3');
    expect(JSON.parse(encodeSuiteMetadata({ ...base, run: { id: '9', attempt: '2' } }).mlops).run).toBe('9/2');
  });

  it('keeps the record within 512 characters by shortening, then dropping, optional fields with a warning', () => {
    const warnings: string[] = [];
    const longUrl = `https://github.example.com/${'o'.repeat(300)}/${'r'.repeat(100)}/actions/runs/77`;
    const md = encodeSuiteMetadata({ ...base, gitSha: 'a'.repeat(40), run: { url: longUrl, id: '77', attempt: '1' } }, (m) => warnings.push(m));
    expect(JSON.parse(md.mlops).run).toBe('77/1');
    expect(warnings).toEqual([]);
    const huge = encodeSuiteMetadata({ ...base, gitSha: 'g'.repeat(600), run: { url: 'https://github.com/o/r/actions/runs/5' } }, (m) => warnings.push(m));
    expect(huge.mlops.length).toBeLessThanOrEqual(512);
    expect(JSON.parse(huge.mlops)).toEqual({ o: 'akerbp/mlops', v: '4.0.0', code: SHA, run: 'https://github.com/o/r/actions/runs/5' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/"mlops" metadata would exceed CDF's 512 characters with gitSha; it is left out/);
  });

  it('returns null for functions that are not ours', () => {
    const md = encodeSuiteMetadata(base);
    expect(decodeSuiteMetadata(undefined)).toBeNull();
    expect(decodeSuiteMetadata({})).toBeNull();
    expect(decodeSuiteMetadata({ version: '3', 'akerbp-mlops_version': '4.1.0' })).toBeNull();
    expect(decodeSuiteMetadata({ ...md, mlops: 'not json' })).toBeNull();
    expect(decodeSuiteMetadata({ ...md, mlops: '[1]' })).toBeNull();
    expect(decodeSuiteMetadata({ ...md, mlops: JSON.stringify({ ...JSON.parse(md.mlops), o: 'someone/else' }) })).toBeNull();
    expect(decodeSuiteMetadata({ ...md, version: 'x' })).toBeNull();
    expect(decodeSuiteMetadata({ mlops: md.mlops, version: md.version })).toBeNull();
  });

  it('recognises functions the Python package made (4.x dashed and 3.x dotted version keys)', () => {
    expect(isPackageFunction({ version: '3', 'akerbp-mlops_version': '4.1.0', 'akerbp-mlpet_version': '3.2.1' })).toBe(true);
    expect(isPackageFunction({ version: '7', 'akerbp.mlops_version': '3.2.0' })).toBe(true);
    expect(isPackageFunction({ 'akerbp-mlops_version': '4.1.0' })).toBe(false);
    expect(isPackageFunction({ version: '1' })).toBe(false);
    expect(isPackageFunction(encodeSuiteMetadata(base))).toBe(false);
  });

  it('leaves users 13 pairs and the bytes the suite\'s keys cannot use at their longest', () => {
    expect(USER_METADATA_BUDGET.pairs).toBe(13);
    const longest = encodeSuiteMetadata({ ...base, model: 'm'.repeat(MAX_MODEL_NAME_LENGTH), version: 9_999_999_999, gitSha: 'g'.repeat(40), run: { url: `https://github.com/${'x'.repeat(500)}` } });
    const bytes = Object.entries(longest).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    expect(bytes).toBeLessThanOrEqual(RESERVED_METADATA_BYTES);
    expect(USER_METADATA_BUDGET.bytes).toBe(METADATA_LIMITS.totalBytes - RESERVED_METADATA_BYTES);
  });
});
