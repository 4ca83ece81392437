/**
 * The fields of the functions we create: name, description, owner, metadata (the user's plus
 * the suite's three keys), runtime, env vars and secrets checked against CDF's rules.
 */
import type { CdfFunction, FunctionCreate } from '../cdf/functions.js';
import { MlopsError, type Problem } from '../errors.js';
import type { Logger } from '../logger.js';
import { SUITE_VERSION } from '../version.js';
import type { Env, ModelSettings, Service } from '../settings/types.js';
import { decodeSuiteMetadata, encodeSuiteMetadata } from './suite-metadata.js';
import type { DeployProvenance } from './types.js';

/** CDF's limits on function secrets. */
export const SECRET_LIMITS = { count: 30, keyPattern: /^[a-z0-9-]{1,15}$/ } as const;
const DESCRIPTION_LIMIT = 500;
/** The Python package tagged the latest function's description so people can tell it apart. */
export const LATEST_HINT = ' (latest)';

/** Checks secrets against CDF's rules, naming every offending key at once. */
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
    if (!SECRET_LIMITS.keyPattern.test(key)) {
      problems.push({ field: `${field}.${key}`, message: `secret key "${key}" must be 1–15 lowercase letters, digits or dashes (CDF's rule)` });
    }
    // Never echo the value: it is a secret.
    if (typeof value !== 'string') problems.push({ field: `${field}.${key}`, message: `the value of secret "${key}" must be a string` });
  }
  if (problems.length) throw new MlopsError(`${field} breaks CDF's rules for function secrets: ${problems.map((p) => p.message).join('; ')}.`, problems);
  return secrets as Record<string, string>;
}

/** Parses the `function-secrets` JSON input (the caller has masked the raw text). */
export function parseSecretsJson(text: string, field = 'function-secrets'): Record<string, string> | undefined {
  if (!text.trim()) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parser's message can quote the text, which holds secrets.
    throw new MlopsError(`${field} is not valid JSON; expected an object like {"api-key": "..."}.`, [{ field, message: 'not valid JSON' }]);
  }
  return validateSecrets(parsed, field);
}

export interface FunctionSpecInput {
  model: ModelSettings;
  service: Service;
  env: Env;
  version: number;
  codeSha256: string;
  fileId: number;
  externalId: string;
  latest: boolean;
  secrets?: Record<string, string>;
  provenance?: DeployProvenance;
  log: Logger;
}

export function functionSpec(o: FunctionSpecInput): FunctionCreate {
  const info = o.model.info[o.service];
  if (!info) throw new MlopsError(`Model "${o.model.modelName}" has no ${o.service} service (info.${o.service} is missing in ${o.model.source.file}).`);
  const description = o.latest ? `${info.description.slice(0, DESCRIPTION_LIMIT - LATEST_HINT.length)}${LATEST_HINT}` : info.description;
  return {
    name: o.model.humanFriendlyModelName,
    externalId: o.externalId,
    fileId: o.fileId,
    functionPath: 'handler.py',
    description,
    owner: info.owner,
    runtime: o.model.pythonVersion,
    metadata: { ...info.metadata, ...reservedMetadata(o) },
    envVars: { MODEL_ENV: o.env, SERVICE_NAME: o.service },
    ...(o.secrets && Object.keys(o.secrets).length ? { secrets: o.secrets } : {}),
  };
}

/** The suite's three keys (see suite-metadata.ts); a record too long for CDF drops optional fields with a warning. */
function reservedMetadata(o: FunctionSpecInput): Record<string, string> {
  const p = o.provenance;
  return encodeSuiteMetadata({
    model: o.model.modelName,
    env: o.env,
    version: o.version,
    suiteVersion: p?.suiteVersion ?? SUITE_VERSION,
    codeSha256: o.codeSha256,
    gitSha: p?.gitSha,
    run: p?.runUrl || p?.runId ? { url: p.runUrl, id: p.runId, attempt: p.runAttempt } : undefined,
  }, (message) => o.log.warning(message));
}

/**
 * The create request that brings back a function as it was (restore, rollback, redeploy).
 * CDF never returns secret values, so they must come from the caller.
 */
export function recreateSpec(fn: CdfFunction, overrides: Partial<FunctionCreate> = {}): FunctionCreate {
  const spec: FunctionCreate = {
    name: fn.name,
    externalId: fn.externalId,
    fileId: fn.fileId,
    functionPath: fn.functionPath,
    description: fn.description,
    owner: fn.owner,
    runtime: fn.runtime,
    metadata: fn.metadata,
    envVars: fn.envVars,
    cpu: fn.cpu,
    memory: fn.memory,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined && v !== null)) as unknown as FunctionCreate;
}

/** The code sha256 a function of ours records, and the artifact version (`version`) any function records. */
export function deployedCode(fn: CdfFunction | null | undefined): { sha256: string | null; version: number | null } {
  const version = Number(fn?.metadata?.version);
  return { sha256: decodeSuiteMetadata(fn?.metadata)?.codeSha256 ?? null, version: Number.isInteger(version) && version > 0 ? version : null };
}
