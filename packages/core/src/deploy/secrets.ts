/**
 * Function secrets as the user gives them (`function-secrets`, `--secrets`): parsed, checked
 * against CDF's rules, and never silently dropped.
 *
 * Three readings of the input, told apart on purpose:
 * - empty text (what an unset `${{ secrets.X }}` expands to) → `undefined`, "not given": allowed
 *   only while the serving function has no secrets (`refuseSilentWipe`);
 * - `{}` → no secrets, explicitly: the new function has none, even when the old one had some;
 * - an object of names to non-empty strings → those secrets.
 *
 * CDF's rules (platform-facts.md, from the API reference): keys of 1–15 lowercase letters,
 * digits or dashes, at most 30 secrets, `token` reserved (like `indexUrl`/`extraIndexUrls`, which
 * the key pattern already refuses).
 */
import type { CdfFunction } from '../cdf/functions.js';
import { MlopsError, type Problem } from '../errors.js';
import { urlSecrets, type IndexUrls } from './index-urls.js';

/**
 * The environment variables the CLI reads function secrets and package indexes from when its
 * flags are absent (a CI's secured variables); never passed to code we did not write
 * (testing/credentials.ts).
 */
export const FUNCTION_FIELD_VARIABLES = {
  secrets: 'MLOPS_FUNCTION_SECRETS',
  indexUrl: 'MLOPS_INDEX_URL',
  extraIndexUrls: 'MLOPS_EXTRA_INDEX_URLS',
} as const;

/** CDF's limits on function secrets. */
export const SECRET_LIMITS = { count: 30, keyPattern: /^[a-z0-9-]{1,15}$/, reserved: ['token'] } as const;

/**
 * Checks secrets against CDF's rules and refuses empty values, naming every offending key at
 * once (never a value). `undefined`/`null` → undefined (not given). Throws MlopsError.
 */
export function validateSecrets(secrets: unknown, field = 'function-secrets'): Record<string, string> | undefined {
  if (secrets === undefined || secrets === null) return undefined;
  if (typeof secrets !== 'object' || Array.isArray(secrets)) {
    throw new MlopsError(`${field} must be a JSON object of secret names to string values, e.g. {"api-key": "..."}.`, [{ field, message: 'must be a JSON object' }]);
  }
  const problems: Problem[] = [];
  const entries = Object.entries(secrets as Record<string, unknown>);
  if (entries.length > SECRET_LIMITS.count) {
    problems.push({ field, message: `CDF allows at most ${SECRET_LIMITS.count} secrets per function; found ${entries.length}` });
  }
  for (const [key, value] of entries) {
    const at = `${field}.${key}`;
    if (!SECRET_LIMITS.keyPattern.test(key)) {
      problems.push({ field: at, message: `secret key "${key}" must be 1–15 lowercase letters, digits or dashes (CDF's rule)` });
    } else if ((SECRET_LIMITS.reserved as readonly string[]).includes(key)) {
      problems.push({ field: at, message: `secret key "${key}" is reserved by CDF` });
    }
    // Never echo the value: it is a secret.
    if (typeof value !== 'string') problems.push({ field: at, message: `the value of secret "${key}" must be a string` });
    else if (!value.trim()) {
      problems.push({ field: at, message: `secret "${key}" is empty (an unset repository or environment secret expands to an empty string); set it, or remove the key` });
    }
  }
  if (problems.length) throw new MlopsError(`${field} breaks the rules for function secrets: ${problems.map((p) => p.message).join('; ')}.`, problems);
  return secrets as Record<string, string>;
}

/**
 * Parses the secrets JSON input (the caller has masked the raw text). Empty or blank text →
 * undefined (not given); `{}` → `{}` (explicitly none). Throws MlopsError on anything else
 * that is not a valid secrets object; the message never quotes the text.
 */
export function parseSecretsJson(text: string, field = 'function-secrets'): Record<string, string> | undefined {
  if (!text.trim()) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parser's message can quote the text, which holds secrets.
    throw new MlopsError(`${field} is not valid JSON; expected an object like {"api-key": "..."}.`, [{ field, message: 'not valid JSON' }]);
  }
  if (parsed === null) throw new MlopsError(`${field} must be a JSON object of secret names to string values; found null. Use {} for no secrets.`, [{ field, message: 'must be a JSON object' }]);
  return validateSecrets(parsed, field);
}

/**
 * Refuses a deploy that would drop the serving function's secrets because the input was empty
 * (`given` undefined): an unset repository secret must not wipe a working function's secrets.
 * An explicit `{}` removes them on purpose and passes. `serving` is the function the deploy
 * would replace (the latest); null when there is none. `field` names the input as the user
 * gave it, and picks the advice: an action input (`function-secrets`, "empty": an unset
 * `${{ secrets.X }}`), a CLI flag (`--secrets`, "not given") or the environment variable standing
 * in for it (`MLOPS_FUNCTION_SECRETS`, "empty": an unset CI variable). Throws MlopsError naming
 * the secrets, never a value.
 */
export function refuseSilentWipe(given: Record<string, string> | undefined, serving: CdfFunction | null, field = 'function-secrets'): void {
  if (given !== undefined || !serving) return;
  const names = Object.keys(serving.secrets ?? {}).sort();
  if (!names.length) return;
  const flag = field.startsWith('--');
  const variable = /^[A-Z][A-Z0-9_]*$/.test(field);
  const advice = flag
    ? `Pass the secrets again with ${field} @secrets.json (a JSON file; or the JSON itself, or the MLOPS_FUNCTION_SECRETS environment variable), or ${field} '{}' to remove them on purpose.`
    : variable
      ? `An unset CI variable (e.g. a Bitbucket secured variable missing in this deployment environment) leaves ${field} empty: check that it is set where this build runs and holds the secrets as JSON, or set it to {} to remove them on purpose.`
      : 'An unset repository or environment secret (${{ secrets.X }}) expands to an empty input: ' +
        `check that the secret exists where this job runs and pass the secrets again, or give ${field} as {} to remove them on purpose.`;
  throw new MlopsError(
    `${field} ${flag ? 'is not given' : 'is empty'}, but ${serving.externalId ?? serving.id} is serving with the secret${names.length > 1 ? 's' : ''} ${names.join(', ')}; ` +
      `deploying would remove them, so nothing was changed. ${advice}`,
    [{ field, message: `${flag ? 'not given' : 'empty'} while ${serving.externalId ?? serving.id} has secrets ${names.join(', ')}` }],
  );
}

/**
 * Every secret value a function is given: its function secrets, the credential secrets
 * (`secret-read`/`secret-write` pairs) and the index URLs with their credentials (urlSecrets).
 * Model code may print or raise them; whatever the suite keeps of a call (errors, failure
 * reasons, saved logs) goes through redactError / redactSecretValues with these.
 */
export function givenSecretValues(o: { secrets?: Record<string, string>; credentialSecrets?: Record<string, string>; indexUrls?: IndexUrls }): string[] {
  const urls = [o.indexUrls?.indexUrl ?? '', ...(o.indexUrls?.extraIndexUrls ?? [])].filter(Boolean);
  return [...Object.values(o.secrets ?? {}), ...Object.values(o.credentialSecrets ?? {}), ...urls.flatMap(urlSecrets)].filter((v) => typeof v === 'string' && v !== '');
}
