/**
 * CDF metadata rules for the services' `info.<service>.metadata`: values are strings, and the
 * limits (16 pairs, key ≤32 chars, value ≤512 chars, ≤4096 bytes) include the keys the tool
 * writes itself, so a file that validates here never fails at deploy time.
 */
import { MAX_VERSION_DIGITS, SUITE_METADATA_KEYS, SUITE_RECORD_MAX_CHARS } from '../deploy/suite-metadata.js';
import { artifactExternalId } from '../naming.js';
import { quoted } from './messages.js';
import { MAX_MODEL_NAME_LENGTH } from './schema.js';

export const METADATA_LIMITS = { pairs: 16, keyChars: 32, valueChars: 512, totalBytes: 4096 } as const;

/** The suite's keys on functions (`deploy/suite-metadata.ts`); users may not set them. */
export const RESERVED_METADATA_KEYS = SUITE_METADATA_KEYS;

/**
 * Bytes set aside for the suite's keys at their longest: `version` (up to 10 digits), `model_id`
 * (`<model>/<env>/<version>` with the longest model name allowed) and the `mlops` record (≤512).
 */
export const RESERVED_METADATA_BYTES =
  RESERVED_METADATA_KEYS.reduce((sum, k) => sum + Buffer.byteLength(k), 0) +
  MAX_VERSION_DIGITS +
  artifactExternalId('x'.repeat(MAX_MODEL_NAME_LENGTH), 'prod', 10 ** MAX_VERSION_DIGITS - 1).length +
  SUITE_RECORD_MAX_CHARS;

/** What is left for the user's own metadata: 13 pairs, as the Python package 4.1.0 allowed. */
export const USER_METADATA_BUDGET = {
  pairs: METADATA_LIMITS.pairs - RESERVED_METADATA_KEYS.length,
  bytes: METADATA_LIMITS.totalBytes - RESERVED_METADATA_BYTES,
} as const;

/** A metadata problem: on one key (`key`/`value` tells which node to point at) or the whole map. */
export interface MetadataIssue {
  key?: string;
  at: 'key' | 'value' | 'map';
  message: string;
}

export function checkMetadata(metadata: Record<string, string>): MetadataIssue[] {
  const issues: MetadataIssue[] = [];
  const reserved = RESERVED_METADATA_KEYS as readonly string[];
  let bytes = 0;
  const entries = Object.entries(metadata);
  for (const [key, value] of entries) {
    bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
    if (reserved.includes(key)) {
      issues.push({ key, at: 'key', message: `key "${key}" is reserved: the suite sets it itself (reserved: ${reserved.join(', ')})` });
    }
    if (key.length === 0 || key.length > METADATA_LIMITS.keyChars) {
      issues.push({ key, at: 'key', message: `metadata keys must be 1–${METADATA_LIMITS.keyChars} characters; found ${key.length} (${quoted(key)})` });
    }
    if (value.length > METADATA_LIMITS.valueChars) {
      issues.push({ key, at: 'value', message: `metadata values must be at most ${METADATA_LIMITS.valueChars} characters as a string; found ${value.length}` });
    }
  }
  const ours = `the suite reserves ${RESERVED_METADATA_KEYS.length} pairs and ${RESERVED_METADATA_BYTES} bytes of CDF's ${METADATA_LIMITS.pairs} pairs / ${METADATA_LIMITS.totalBytes} bytes for its own keys`;
  if (entries.length > USER_METADATA_BUDGET.pairs) {
    issues.push({ at: 'map', message: `at most ${USER_METADATA_BUDGET.pairs} metadata pairs are allowed (${ours}); found ${entries.length}` });
  }
  if (bytes > USER_METADATA_BUDGET.bytes) {
    issues.push({ at: 'map', message: `metadata may use at most ${USER_METADATA_BUDGET.bytes} bytes of keys and values (${ours}); found ${bytes}` });
  }
  return issues;
}
