/**
 * The fields of the functions we create: name, description, owner, metadata (the user's plus
 * the suite's three keys), runtime, env vars, secrets (checked in secrets.ts) and package indexes.
 */
import type { CdfFunction, FunctionCreate } from '../cdf/functions.js';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { SUITE_VERSION } from '../version.js';
import type { Env, ModelSettings, Service } from '../settings/types.js';
import { credentialFingerprint } from './credential-fingerprint.js';
import { decodeSuiteMetadata, encodeSuiteMetadata, withCredentialsFingerprint } from './suite-metadata.js';
import type { IndexUrls } from './index-urls.js';
import type { DeployProvenance } from './types.js';

const DESCRIPTION_LIMIT = 500;
/** The Python package tagged the latest function's description so people can tell it apart. */
export const LATEST_HINT = ' (latest)';

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
  /** package indexes for CDF's build (never stored in the zip) */
  indexUrls?: IndexUrls;
  /** `credentialFingerprint` of the secrets and index URLs, recorded in the `mlops` record */
  credentialsFingerprint?: string | null;
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
    ...(o.indexUrls?.indexUrl ? { indexUrl: o.indexUrls.indexUrl } : {}),
    ...(o.indexUrls?.extraIndexUrls?.length ? { extraIndexUrls: o.indexUrls.extraIndexUrls } : {}),
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
    credentials: o.credentialsFingerprint ?? undefined,
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

/**
 * recreateSpec with the secrets and index URLs of `fields`, and a fresh fingerprint of them in
 * the suite's record: the function runs with these, whatever `fn` had (a redeploy with other
 * secrets, a restore with the values the caller gave), so a later deploy compares against what it
 * really holds (credential-fingerprint.ts). Takes a fraction of a second (scrypt).
 */
export async function recreateSpecWithCredentials(fn: CdfFunction, fields: Pick<FunctionCreate, 'secrets' | 'indexUrl' | 'extraIndexUrls'>, overrides: Partial<FunctionCreate> = {}): Promise<FunctionCreate> {
  const fingerprint = await credentialFingerprint({ secrets: fields.secrets, indexUrls: { indexUrl: fields.indexUrl, extraIndexUrls: fields.extraIndexUrls } });
  return recreateSpec(fn, { ...overrides, ...fields, metadata: withCredentialsFingerprint(fn.metadata, fingerprint) });
}

/** The code sha256 a function of ours records, and the artifact version (`version`) any function records. */
export function deployedCode(fn: CdfFunction | null | undefined): { sha256: string | null; version: number | null } {
  const version = Number(fn?.metadata?.version);
  return { sha256: decodeSuiteMetadata(fn?.metadata)?.codeSha256 ?? null, version: Number.isInteger(version) && version > 0 ? version : null };
}
