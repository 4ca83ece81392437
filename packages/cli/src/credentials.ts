/**
 * CDF credentials for the CLI: the COGNITE_* environment variables, with errors that name them
 * (not the GitHub action inputs and repository secrets the core's message names).
 */
import { MlopsError, resolveCdfConfig, type CdfConfig, type Logger } from '@akerbp-mlops/core';

export interface EnvCredentialOptions {
  /**
   * A command that only reads CDF (`mlops test`, `mlops package`): when COGNITE_CLIENT_ID_WRITE is
   * unset the read pair stands in for the write pair, and a missing pair is named as the read one.
   */
  readOnly?: boolean;
  /** a sentence added to the error, e.g. the flag that avoids needing CDF */
  hint?: string;
}

/**
 * resolveCdfConfig on the environment. Throws MlopsError whose message names every missing
 * variable and says to export it (one line, so it survives being quoted inside another error),
 * with an `export NAME=...` problem per variable.
 */
export function cdfConfigFromEnv(log?: Logger, env: NodeJS.ProcessEnv = process.env, o: EnvCredentialOptions = {}): CdfConfig {
  const standIn = o.readOnly && !env.COGNITE_CLIENT_ID_WRITE;
  const effective = standIn ? { ...env, COGNITE_CLIENT_ID_WRITE: env.COGNITE_CLIENT_ID_READ, COGNITE_CLIENT_SECRET_WRITE: env.COGNITE_CLIENT_SECRET_READ } : env;
  try {
    return resolveCdfConfig({}, effective, log);
  } catch (err) {
    const named = err instanceof MlopsError ? err.problems.flatMap((p) => ('env' in p && typeof p.env === 'string' ? [p.env] : [])) : [];
    if (!named.length) throw err;
    const missing = [...new Set(named.map((name) => (standIn ? name.replace(/_WRITE$/, '_READ') : name)))];
    const enough = standIn ? ' (the read pair COGNITE_CLIENT_ID_READ / COGNITE_CLIENT_SECRET_READ is enough here)' : '';
    throw new MlopsError(
      `CDF credentials are incomplete: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. Export ${missing.length === 1 ? 'it' : 'them'} in this shell${enough}; ` +
        `COGNITE_TOKEN_URL may replace COGNITE_TENANT_ID for another identity provider${o.hint ? `; ${o.hint}` : ''}.`,
      missing.map((name) => ({ message: `export ${name}=${EXAMPLES[name] ?? '...'}` })),
    );
  }
}

const EXAMPLES: Record<string, string> = {
  COGNITE_PROJECT: 'my-cdf-project',
  COGNITE_OIDC_BASE_URL: 'https://api.cognitedata.com',
  COGNITE_TENANT_ID: '<Entra ID tenant id>',
  COGNITE_CLIENT_ID_WRITE: '<client id>',
  COGNITE_CLIENT_SECRET_WRITE: '<client secret>',
  COGNITE_CLIENT_ID_READ: '<read-only client id>',
  COGNITE_CLIENT_SECRET_READ: '<client secret of COGNITE_CLIENT_ID_READ>',
};
