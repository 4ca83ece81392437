/**
 * CDF credentials for the CLI: the COGNITE_* environment variables, with errors that name them
 * (not the GitHub action inputs and repository secrets the core's message names).
 */
import { MlopsError, resolveCdfConfig, type CdfConfig, type Logger } from '@akerbp-mlops/core';

/** resolveCdfConfig on the environment; a missing variable becomes an `export NAME=...` hint. */
export function cdfConfigFromEnv(log?: Logger, env: NodeJS.ProcessEnv = process.env): CdfConfig {
  try {
    return resolveCdfConfig({}, env, log);
  } catch (err) {
    const missing = err instanceof MlopsError ? err.problems.flatMap((p) => ('env' in p && typeof p.env === 'string' ? [p.env] : [])) : [];
    if (!missing.length) throw err;
    throw new MlopsError(
      `CDF credentials are incomplete: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. Export them in this shell ` +
        '(COGNITE_TOKEN_URL may replace COGNITE_TENANT_ID for another identity provider), e.g.:',
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
  COGNITE_CLIENT_SECRET_READ: '<client secret of COGNITE_CLIENT_ID_READ>',
};
