/**
 * Where CDF credentials come from: action inputs first, then the environment variables the Python
 * package documented (COGNITE_*), so existing repository secrets keep working unchanged.
 */
import { MlopsError, type Problem } from '../errors.js';
import type { Logger } from '../logger.js';

/** Action inputs every CDF-touching action declares (see actions/<name>/action.yml). */
export const CDF_INPUT_NAMES = [
  'cdf-project',
  'cdf-base-url',
  'tenant-id',
  'token-url',
  'client-id',
  'client-secret',
  'use-oidc',
  'audience',
  'allowed-cdf-projects',
] as const;

/**
 * The audience Entra ID expects in a federated credential's token (Microsoft Learn, "Configure an
 * app to trust an external identity provider": the recommended audience value).
 */
export const DEFAULT_OIDC_AUDIENCE = 'api://AzureADTokenExchange';
export type CdfInputName = (typeof CDF_INPUT_NAMES)[number];
export type CdfInputs = Partial<Record<CdfInputName, string>>;

export interface ClientCredentials {
  clientId: string;
  /** absent with federated (OIDC) credentials */
  clientSecret?: string;
}

export interface CdfConfig {
  project: string;
  /** cluster URL without trailing slash, e.g. https://api.cognitedata.com */
  baseUrl: string;
  tokenUrl: string;
  /** Entra ID tenant, when given (input tenant-id or COGNITE_TENANT_ID) */
  tenantId?: string;
  scopes: string[];
  write: ClientCredentials;
  /** the read-only client, when configured; read access falls back to `write` otherwise */
  read?: ClientCredentials;
  /** exchange a GitHub OIDC token (client_assertion) instead of sending a client secret */
  useOidc: boolean;
  /** the `aud` asked of GitHub for that token (must match the federated credential's); absent: DEFAULT_OIDC_AUDIENCE */
  audience?: string;
  /** empty = any project */
  allowedProjects: string[];
}

/** Reads the CDF inputs with an action's input reader (keeps this module GitHub-free). */
export function cdfInputsFrom(read: (name: string) => string): CdfInputs {
  return Object.fromEntries(CDF_INPUT_NAMES.map((n) => [n, read(n)])) as CdfInputs;
}

export function resolveCdfConfig(inputs: CdfInputs, env: NodeJS.ProcessEnv = process.env, log?: Logger): CdfConfig {
  const missing: (Problem & { env: string })[] = [];
  const pick = (inputName: CdfInputName | undefined, envName: string): string => {
    const value = ((inputName ? inputs[inputName] : undefined) || env[envName] || '').trim();
    return value;
  };
  const need = (value: string, inputName: CdfInputName | undefined, envName: string): string => {
    if (!value) {
      missing.push({
        field: inputName ?? envName,
        env: envName,
        message: inputName ? `set input "${inputName}" or environment variable ${envName}` : `set environment variable ${envName}`,
      });
    }
    return value;
  };
  // Secrets are masked before anything else can print them.
  const secret = (value: string): string => {
    if (value) log?.secret(value);
    return value;
  };

  const useOidc = parseBoolean(inputs['use-oidc'] ?? '', 'use-oidc');
  const project = need(pick('cdf-project', 'COGNITE_PROJECT'), 'cdf-project', 'COGNITE_PROJECT');
  const rawBaseUrl = need(pick('cdf-base-url', 'COGNITE_OIDC_BASE_URL'), 'cdf-base-url', 'COGNITE_OIDC_BASE_URL');
  const tenant = pick('tenant-id', 'COGNITE_TENANT_ID');
  let tokenUrl = pick('token-url', 'COGNITE_TOKEN_URL');
  if (!tokenUrl && tenant) tokenUrl = `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
  if (!tokenUrl) {
    missing.push({
      field: 'tenant-id',
      env: 'COGNITE_TENANT_ID',
      message: 'set input "tenant-id" or environment variable COGNITE_TENANT_ID (or "token-url" / COGNITE_TOKEN_URL)',
    });
  }
  const writeId = need(pick('client-id', 'COGNITE_CLIENT_ID_WRITE'), 'client-id', 'COGNITE_CLIENT_ID_WRITE');
  const writeSecret = secret(pick('client-secret', 'COGNITE_CLIENT_SECRET_WRITE'));
  if (!useOidc) need(writeSecret, 'client-secret', 'COGNITE_CLIENT_SECRET_WRITE');

  const readId = pick(undefined, 'COGNITE_CLIENT_ID_READ');
  const readSecret = secret(pick(undefined, 'COGNITE_CLIENT_SECRET_READ'));
  if (readId && !readSecret && !useOidc) need('', undefined, 'COGNITE_CLIENT_SECRET_READ');

  if (missing.length) {
    throw new MlopsError(
      `CDF credentials are incomplete: missing ${missing.map((p) => (p.field === p.env ? p.env : `${p.field} (${p.env})`)).join(', ')}. ` +
        'Set the action inputs or the COGNITE_* environment variables (repository secrets).',
      missing,
    );
  }

  const baseUrl = normaliseBaseUrl(rawBaseUrl);
  const allowedProjects = (inputs['allowed-cdf-projects'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (allowedProjects.length && !allowedProjects.includes(project)) {
    throw new MlopsError(
      `CDF project "${project}" is not in allowed-cdf-projects (${allowedProjects.join(', ')}); refusing to touch it.`,
      [{ field: 'cdf-project', message: `"${project}" is not one of ${allowedProjects.join(', ')}` }],
    );
  }
  return {
    project,
    baseUrl,
    tokenUrl,
    ...(tenant ? { tenantId: tenant } : {}),
    scopes: [`${baseUrl}/.default`],
    write: { clientId: writeId, clientSecret: writeSecret || undefined },
    read: readId ? { clientId: readId, clientSecret: readSecret || undefined } : undefined,
    useOidc,
    audience: inputs.audience?.trim() || DEFAULT_OIDC_AUDIENCE,
    allowedProjects,
  };
}

function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new MlopsError(`CDF base URL "${raw}" is not a URL; expected e.g. https://api.cognitedata.com.`, [
      { field: 'cdf-base-url', message: `"${raw}" is not a URL` },
    ]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MlopsError(`CDF base URL "${raw}" must start with https:// (or http:// for the local emulator).`, [
      { field: 'cdf-base-url', message: 'must be an http(s) URL' },
    ]);
  }
  return raw.replace(/\/+$/, '');
}

function parseBoolean(raw: string, name: string): boolean {
  const value = raw.trim().toLowerCase();
  if (value === '' || value === 'false' || value === 'no' || value === '0') return false;
  if (value === 'true' || value === 'yes' || value === '1') return true;
  throw new MlopsError(`Input "${name}" must be true or false, got "${raw}".`, [{ field: name, message: 'must be true or false' }]);
}
