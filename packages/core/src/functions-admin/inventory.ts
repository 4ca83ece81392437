/** Finding the suite's functions: external ids `<model>-<service>-<env>[-<version>]`, listing and resolving them. */
import type { CogniteClient } from '@cognite/sdk';
import { listFunctions, retrieveFunction, type CdfFunction } from '../cdf/functions.js';
import { MlopsError } from '../errors.js';
import { functionExternalId } from '../naming.js';
import { ENVIRONMENTS, SERVICES, type Env, type Service } from '../settings/types.js';
import { deployedCode } from '../deploy/fields.js';

export interface FunctionName {
  model: string;
  service: Service;
  env: Env;
  /** null for the latest function */
  version: number | null;
  /** which deployment of that version: 1 for `-N`, k for `-N-k` (deploy/state.ts); null for the latest */
  deployment: number | null;
}

const XID = new RegExp(`^([A-Za-z0-9_]+)-(${SERVICES.join('|')})-(${ENVIRONMENTS.join('|')})(?:-([1-9][0-9]*)(?:-([2-9]|[1-9][0-9]+))?)?$`);

/** `<model>-<service>-<env>[-<version>[-<k>]]` → its parts; null for any other external id. */
export function parseFunctionExternalId(xid: string): FunctionName | null {
  const m = XID.exec(xid);
  return m ? { model: m[1], service: m[2] as Service, env: m[3] as Env, version: m[4] ? Number(m[4]) : null, deployment: m[4] ? Number(m[5] ?? 1) : null } : null;
}

export interface ModelFunction extends FunctionName {
  fn: CdfFunction;
  /** the artifact version it serves (metadata) */
  serves: number | null;
}

/**
 * `tag`: `latest` or `versioned` picks one kind; `key=value` matches metadata.
 */
export async function listModelFunctions(client: CogniteClient, filter: { env?: Env; tag?: string; model?: string } = {}): Promise<ModelFunction[]> {
  const tag = filter.tag?.trim();
  const [key, ...rest] = tag?.includes('=') ? tag.split('=') : [];
  const all = await listFunctions(client, filter.model ? { externalIdPrefix: `${filter.model}-` } : {});
  return all
    .map((fn) => ({ fn, name: fn.externalId ? parseFunctionExternalId(fn.externalId) : null }))
    .filter((x): x is { fn: CdfFunction; name: FunctionName } => x.name !== null)
    .filter(({ fn, name }) =>
      (!filter.env || name.env === filter.env) &&
      (!filter.model || name.model === filter.model) &&
      (!tag || (tag === 'latest' ? name.version === null : tag === 'versioned' ? name.version !== null : key !== undefined && fn.metadata?.[key] === rest.join('='))))
    .map(({ fn, name }) => ({ ...name, fn, serves: deployedCode(fn).version }))
    .sort((a, b) => (a.fn.externalId ?? '').localeCompare(b.fn.externalId ?? '', 'en', { numeric: true }));
}

/** `MODEL` (with env, service, version) or a full external id → the external id to call. */
export function targetExternalId(target: string, o: { env?: Env; service?: Service; version?: number | null }): string {
  if (parseFunctionExternalId(target) || !/^[A-Za-z0-9_]+$/.test(target)) return target;
  if (!o.env) throw new MlopsError(`"${target}" is a model name; say which environment with --env (or give the function's external id, e.g. ${target}-prediction-test).`);
  return functionExternalId(target, o.service ?? 'prediction', o.env, o.version ?? undefined);
}

export async function requireFunction(client: CogniteClient, xid: string): Promise<CdfFunction> {
  const fn = await retrieveFunction(client, { externalId: xid });
  if (!fn) throw new MlopsError(`No function with external id "${xid}" in CDF project ${client.project}; list them with \`mlops functions list\`.`);
  return fn;
}
