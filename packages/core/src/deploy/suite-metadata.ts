/**
 * The suite's own function metadata: exactly three keys, fixed when a function is created.
 *
 * - `version`: the artifact version as a decimal string (`str(version)`, as the Python package wrote it);
 * - `model_id`: `<model>/<env>/<version>` (the artifact's external id);
 * - `mlops`: compact JSON (≤512 characters, CDF's value limit) with short field names:
 *   `o` owner marker, `v` suite version, `code` code-file sha256, `git` git sha, `run` the
 *   GitHub run (its URL when it fits, else `<run id>/<attempt>`), and optional fields the
 *   deployment issues add through `OPTIONAL_FIELDS`.
 *
 * Nothing else the suite needs is ever stored on a function; users keep the other 13 pairs.
 * CDF's limits (16 pairs, key 32, value 512 chars, 4096 bytes): see `shared/reference/platform-facts.md`.
 */
import { artifactExternalId } from '../naming.js';
import type { Env } from '../settings/types.js';

/** The suite's keys on a function, in the order written. */
export const SUITE_METADATA_KEYS = ['version', 'model_id', 'mlops'] as const;
export type SuiteMetadataKey = (typeof SUITE_METADATA_KEYS)[number];
/** The key holding the JSON record. */
export const SUITE_RECORD_KEY = 'mlops';
/** The `o` value that marks a function as made by this suite. */
export const SUITE_OWNER_MARKER = 'akerbp/mlops';
/** CDF's limit on one metadata value (characters); the JSON record is kept within it, counted in bytes. */
export const SUITE_RECORD_MAX_CHARS = 512;
/** Longest decimal artifact version (`version` value) the budget allows for. */
export const MAX_VERSION_DIGITS = 10;

/** What the suite records about a function it created. */
export interface SuiteRecord {
  /** suite version that deployed it, e.g. `4.0.0` */
  suiteVersion: string;
  /** sha256 (hex) of the code file (the function zip) */
  codeSha256: string;
  /** commit the deploy ran on */
  gitSha?: string;
  /** the GitHub run: its URL, or `<run id>/<attempt>` when the URL did not fit */
  run?: string;
  /**
   * slow salted fingerprint of the secrets and index URLs (credential-fingerprint.ts), never a
   * value or fast hash; absent when the function has none. First optional field: without it
   * the next deploy with credentials recreates the function, so it is the last to be dropped.
   */
  credentials?: string;
}

/**
 * Optional fields in priority order: when the record would exceed 512 characters the last ones
 * are dropped first (with a warning). Issues adding fields (deployment id, secret fingerprint)
 * add a property to `SuiteRecord` and a row here.
 */
const OPTIONAL_FIELDS: readonly { prop: keyof SuiteRecord; key: string }[] = [
  { prop: 'credentials', key: 'cred' },
  { prop: 'gitSha', key: 'git' },
  { prop: 'run', key: 'run' },
];
const REQUIRED_FIELDS: readonly { prop: keyof SuiteRecord; key: string }[] = [
  { prop: 'suiteVersion', key: 'v' },
  { prop: 'codeSha256', key: 'code' },
];

/** The GitHub run a deploy came from. */
export interface RunRef {
  /** `https://github.com/<owner>/<repo>/actions/runs/<id>` */
  url?: string;
  id?: string;
  attempt?: string;
}

export interface SuiteMetadataInput extends Omit<SuiteRecord, 'run'> {
  model: string;
  env: Env;
  /** artifact version, a whole number ≥ 1 */
  version: number;
  run?: RunRef;
}

/** A decoded function of ours: the three keys read back. */
export interface DecodedSuiteMetadata extends SuiteRecord {
  version: number;
  modelId: string;
}

/** The run as the record stores it: the URL (with the attempt) first, the short form when that is too long. */
function runForms(run: RunRef | undefined): string[] {
  if (!run) return [];
  const forms: string[] = [];
  const attempt = run.attempt && run.attempt !== '1' ? `/attempts/${run.attempt}` : '';
  if (run.url) forms.push(`${run.url}${attempt}`);
  if (run.id) forms.push(`${run.id}/${run.attempt ?? '1'}`);
  return forms;
}

/**
 * The three metadata keys for a new function. The record never fails a deploy: optional fields
 * that would push it past 512 characters are left out (a longer run URL first falls back to
 * `<id>/<attempt>`), each with a call to `warn`.
 * Throws only on a programming error (a version that is not a positive integer).
 */
export function encodeSuiteMetadata(input: SuiteMetadataInput, warn: (message: string) => void = () => {}): Record<SuiteMetadataKey, string> {
  if (!Number.isInteger(input.version) || input.version < 1) throw new Error(`artifact version must be a positive integer; got ${input.version}`);
  const record: Record<string, string> = { o: SUITE_OWNER_MARKER };
  for (const f of REQUIRED_FIELDS) record[f.key] = String(input[f.prop]);
  const fits = (r: Record<string, string>) => Buffer.byteLength(JSON.stringify(r)) <= SUITE_RECORD_MAX_CHARS;
  for (const f of OPTIONAL_FIELDS) {
    const candidates = f.prop === 'run' ? runForms(input.run) : input[f.prop] ? [String(input[f.prop])] : [];
    const chosen = candidates.find((c) => fits({ ...record, [f.key]: c }));
    if (chosen !== undefined) record[f.key] = chosen;
    else if (candidates.length) warn(`The function's "${SUITE_RECORD_KEY}" metadata would exceed CDF's ${SUITE_RECORD_MAX_CHARS} characters with ${f.prop}; it is left out.`);
  }
  return {
    version: String(input.version),
    model_id: artifactExternalId(input.model, input.env, input.version),
    mlops: JSON.stringify(record),
  };
}

/**
 * `metadata` of a function of ours with its record's credentials fingerprint replaced by
 * `fingerprint` (removed when null), for a function re-created with other secrets or index URLs
 * than it had (rollback, redeploy, restore: CDF never returns the old values, so the new ones are
 * what the new function runs with). Should the record outgrow 512 characters, the run and then the
 * commit are left out, never the fingerprint. A function not ours (no record) is returned as it is.
 */
export function withCredentialsFingerprint(metadata: Record<string, string> | undefined, fingerprint: string | null): Record<string, string> | undefined {
  if (!decodeSuiteMetadata(metadata)) return metadata;
  const record = JSON.parse(metadata![SUITE_RECORD_KEY]) as Record<string, string>;
  const key = OPTIONAL_FIELDS.find((f) => f.prop === 'credentials')!.key;
  if (fingerprint) record[key] = fingerprint;
  else delete record[key];
  for (const f of [...OPTIONAL_FIELDS].reverse()) {
    if (Buffer.byteLength(JSON.stringify(record)) <= SUITE_RECORD_MAX_CHARS || f.prop === 'credentials') break;
    delete record[f.key];
  }
  return { ...metadata, [SUITE_RECORD_KEY]: JSON.stringify(record) };
}

/**
 * Reads back what `encodeSuiteMetadata` wrote; null for functions that are not ours (no `mlops`
 * key, not our JSON, another owner marker, or no valid version). Never throws.
 */
export function decodeSuiteMetadata(metadata: Record<string, string> | null | undefined): DecodedSuiteMetadata | null {
  const raw = metadata?.[SUITE_RECORD_KEY];
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const r = parsed as Record<string, unknown>;
  if (r.o !== SUITE_OWNER_MARKER) return null;
  const version = Number(metadata?.version);
  if (!Number.isInteger(version) || version < 1 || typeof metadata?.model_id !== 'string') return null;
  const out: DecodedSuiteMetadata = { version, modelId: metadata.model_id, suiteVersion: '', codeSha256: '' };
  for (const f of [...REQUIRED_FIELDS, ...OPTIONAL_FIELDS]) {
    const value = r[f.key];
    if (typeof value === 'string') (out as unknown as Record<string, string>)[f.prop] = value;
  }
  return out.suiteVersion && out.codeSha256 ? out : null;
}

/**
 * Whether the `akerbp-mlops` Python package made this function: it wrote `version` and its own
 * version under `akerbp-mlops_version` (4.x) or `akerbp.mlops_version` (3.x). Such functions are
 * adopted (replaced, counted for retention) by the suite. Source: the package's 3.x–4.1.0 deploy code
 * (`shared/reference/akerbp-mlops-4.x-facts.md`).
 */
export function isPackageFunction(metadata: Record<string, string> | null | undefined): boolean {
  if (!metadata?.version) return false;
  return metadata['akerbp-mlops_version'] !== undefined || metadata['akerbp.mlops_version'] !== undefined;
}

