/** External ids and artifact ids: the names users and the Python package already know. */
import type { Env, Service } from './settings/types.js';

/** `<model>/<env>/<version>`: the Model Manager's artifact external id, also the `model_id`. */
export function artifactExternalId(model: string, env: Env, version: number): string {
  return `${model}/${env}/${version}`;
}

export function parseArtifactExternalId(xid: string): { model: string; env: Env; version: number } | null {
  const m = /^([A-Za-z0-9_]+)\/(dev|test|prod)\/([1-9][0-9]*)$/.exec(xid);
  return m ? { model: m[1], env: m[2] as Env, version: Number(m[3]) } : null;
}

/** `<model>-<service>-<env>` (latest, what clients call) or `<model>-<service>-<env>-<version>`. */
export function functionExternalId(model: string, service: Service, env: Env, version?: number): string {
  return version === undefined ? `${model}-${service}-${env}` : `${model}-${service}-${env}-${version}`;
}

/** Code zips are content-addressed, so an unchanged package is found and not uploaded again. */
export function codeFileExternalId(model: string, service: Service, env: Env, sha256: string): string {
  return `mlops-code/${functionExternalId(model, service, env)}/${sha256}`;
}

/** Folder of artifacts and code in CDF Files, as the Python package used. */
export const ARTIFACT_DIRECTORY = '/mlops';
export const CODE_DIRECTORY = '/mlops/code';
export const DEFAULT_DATASET = 'mlops';
