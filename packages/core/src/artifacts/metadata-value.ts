/**
 * Artifact (CDF Files) metadata values as the Python package and the suite's Python runtime
 * write them: a string as it is, anything else `json.dumps` of its JSON value (Python's default
 * separators `", "` and `": "`, non-ASCII escaped as `\uXXXX`), so `json.loads` gives it back.
 * Sources: `shared/reference/akerbp-mlops-4.x-facts.md` ("non-strings JSON-encoded") and
 * `packages/core/runtime/mlops_runtime/artifacts.py` (`_metadata_value`, `jsonable`: NaN and
 * ±Infinity become null). Function metadata differs: there the package wrote `str(value)`
 * (`settings/pyyaml.ts`).
 */
import { floatRepr } from '../settings/pyyaml.js';

/** Python's `json.dumps` of a JSON value (what `JSON.parse` returns). */
function pyJsonDumps(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // As Python's json.loads reads JSON.stringify's text: digits alone are an int, a '.' or 'e' makes a float.
  if (typeof value === 'number') return /^-?\d+$/.test(String(value)) ? String(value) : floatRepr(value);
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyJsonDumps(k)}: ${pyJsonDumps(v)}`).join(', ')}}`;
}

/**
 * One artifact metadata value as stored: a string unchanged, otherwise Python's `json.dumps`
 * of its JSON form (`JSON.stringify` rules: dates as ISO strings, NaN and ±Infinity as null,
 * undefined object members dropped). Throws a TypeError on what JSON cannot hold (BigInt, cycles);
 * `undefined` alone becomes `null`.
 */
export function artifactMetadataValue(value: unknown): string {
  if (typeof value === 'string') return value;
  const json = JSON.stringify(value);
  return json === undefined ? 'null' : pyJsonDumps(JSON.parse(json));
}
