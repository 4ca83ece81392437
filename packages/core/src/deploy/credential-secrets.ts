/**
 * The CDF credentials a function receives as secrets, under the dashed keys the akerbp-mlops
 * package used (model code builds its own clients from them: reference/akerbp-mlops-4.x-facts.md).
 */
import type { CdfConfig } from '../cdf/config.js';
import type { CdfFunction } from '../cdf/functions.js';
import { MlopsError } from '../errors.js';

/** Every key this module may fill; a user's function-secrets may not set one that is filled. */
export const CREDENTIAL_SECRET_KEYS = ['tenant-id', 'base-url', 'id-read', 'secret-read', 'id-write', 'secret-write'] as const;

/**
 * `tenant-id` (when known), `base-url`, `id-read`, `secret-read` when the read pair is configured
 * (COGNITE_CLIENT_ID_READ/_SECRET_READ); `id-write`/`secret-write` only with `passWrite` (input
 * pass-write-credentials), since any code in the function, dependencies included, can then write
 * to CDF. Throws MlopsError when passWrite is set but there is no write client secret (use-oidc).
 */
export function credentialSecrets(config: Pick<CdfConfig, 'baseUrl' | 'tenantId' | 'read'> & Partial<Pick<CdfConfig, 'write'>>, o: { passWrite: boolean }): Record<string, string> {
  const where: Record<string, string> = { 'base-url': config.baseUrl, ...(config.tenantId ? { 'tenant-id': config.tenantId } : {}) };
  const secrets: Record<string, string> = {};
  if (config.read?.clientSecret) Object.assign(secrets, where, { 'id-read': config.read.clientId, 'secret-read': config.read.clientSecret });
  if (o.passWrite) {
    if (!config.write?.clientSecret) {
      throw new MlopsError('pass-write-credentials is true, but there is no write client secret to pass: use-oidc signs in without one.', [
        { field: 'pass-write-credentials', message: 'set it to false, or give client-secret (COGNITE_CLIENT_SECRET_WRITE)' },
      ]);
    }
    Object.assign(secrets, where, { 'id-write': config.write.clientId, 'secret-write': config.write.clientSecret });
  }
  return secrets;
}

/**
 * The read pair's dashed secrets (`tenant-id` when set, `base-url`, `id-read`, `secret-read`), as
 * credentialSecrets gives a deployed function, from the variables model tests may read
 * (COGNITE_CLIENT_ID_READ / _SECRET_READ, COGNITE_OIDC_BASE_URL without trailing slashes,
 * COGNITE_TENANT_ID): the service test's handler gets them, so model code that reads
 * `secrets["id-read"]` runs there as in CDF. Never the write pair. `{}` when the read pair or the
 * base URL is not set.
 */
export function readCredentialSecrets(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const value = (name: string) => env[name]?.trim() || undefined;
  const clientId = value('COGNITE_CLIENT_ID_READ');
  const clientSecret = value('COGNITE_CLIENT_SECRET_READ');
  const baseUrl = value('COGNITE_OIDC_BASE_URL')?.replace(/\/+$/, '');
  if (!clientId || !clientSecret || !baseUrl) return {};
  return credentialSecrets({ baseUrl, tenantId: value('COGNITE_TENANT_ID'), read: { clientId, clientSecret } }, { passWrite: false });
}

/**
 * credentialSecrets of the configuration `resolve` returns; none when it throws MlopsError
 * (incomplete credentials: a run that deploys nothing needs none, and a deploy fails on the
 * credentials themselves). Errors of credentialSecrets (pass-write-credentials) are thrown.
 */
export function credentialSecretsIfConfigured(resolve: () => CdfConfig, o: { passWrite: boolean }): Record<string, string> {
  let config: CdfConfig;
  try {
    config = resolve();
  } catch (err) {
    if (err instanceof MlopsError) return {};
    throw err;
  }
  return credentialSecrets(config, o);
}

/**
 * The user's function-secrets with the credential secrets added; undefined when both are empty.
 * A key in both is an error naming it (the user's value would silently replace, or be replaced by,
 * the credentials); `field` names the user's input (`function-secrets`, CLI `--secrets`).
 */
export function mergeCredentialSecrets(user: Record<string, string> | undefined, credentials: Record<string, string>, field = 'function-secrets'): Record<string, string> | undefined {
  const clashes = Object.keys(user ?? {}).filter((key) => key in credentials);
  if (clashes.length) {
    throw new MlopsError(
      `${field} sets ${clashes.map((k) => `"${k}"`).join(', ')}, which akerbp/mlops fills from the CDF credentials (as the Python package did); remove ${clashes.length === 1 ? 'it' : 'them'} from ${field} or rename.`,
      clashes.map((key) => ({ field: `${field}.${key}`, message: `"${key}" is filled from the CDF credentials` })),
    );
  }
  const merged = { ...user, ...credentials };
  return Object.keys(merged).length ? merged : undefined;
}

/** `fn` with only the user's secret names (for the empty-input rule, which is about those). */
export function withoutCredentialSecrets(fn: CdfFunction): CdfFunction {
  const keys: readonly string[] = CREDENTIAL_SECRET_KEYS;
  return { ...fn, secrets: Object.fromEntries(Object.entries(fn.secrets ?? {}).filter(([key]) => !keys.includes(key))) };
}
