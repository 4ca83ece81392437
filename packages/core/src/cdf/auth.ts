/**
 * OAuth tokens for CDF: Entra-ID-style client credentials, or a federated `client_assertion`
 * (a GitHub OIDC token handed in by the action entry, so the core stays GitHub-free).
 * Tokens are cached until shortly before expiry; concurrent callers share one request.
 */
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { CdfConfig, ClientCredentials } from './config.js';
import { CdfApiError, describeFailure, parseRetryAfter, responseMessage, withRetry, type FailedAttempt } from './retry.js';

/** Refresh this long before expiry so a token never dies mid-request. */
const EXPIRY_MARGIN_MS = 60_000;

export interface TokenProvider {
  /** a valid access token (cached, single-flight) */
  getToken(): Promise<string>;
  /** token requests sent so far (tests and debug logs) */
  readonly requestCount: number;
}

export interface TokenProviderOptions {
  log?: Logger;
  /** returns a JWT for the federated credential; required when config.useOidc */
  getIdToken?: () => Promise<string>;
}

export function createTokenProvider(config: CdfConfig, credentials: ClientCredentials, options: TokenProviderOptions = {}): TokenProvider {
  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;
  let requestCount = 0;

  const fetchToken = async (): Promise<string> => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.clientId, scope: config.scopes.join(' ') });
    if (config.useOidc) {
      if (!options.getIdToken) {
        throw new MlopsError(
          'use-oidc needs a GitHub OIDC token, which only a GitHub Actions job with `permissions: id-token: write` can get; ' +
            'set a client secret instead outside GitHub.',
        );
      }
      const assertion = await options.getIdToken();
      options.log?.secret(assertion);
      form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      form.set('client_assertion', assertion);
    } else {
      form.set('client_secret', credentials.clientSecret ?? '');
    }
    const started = Date.now();
    const body = await withRetry(
      `POST ${config.tokenUrl}`,
      async () => {
        requestCount++;
        const res = await fetch(config.tokenUrl, { method: 'POST', body: form, headers: { accept: 'application/json' } });
        const text = await res.text();
        if (res.ok) return text;
        throw Object.assign(new Error(text), { status: res.status, retryAfter: res.headers.get('retry-after') ?? undefined, text });
      },
      // A token request changes nothing, so it is safe to repeat.
      { idempotent: true },
      (err) => describeTokenFailure(err),
    ).catch((err) => {
      throw tokenError(config, credentials, err);
    });
    const parsed = parseJson(body) as { access_token?: string; expires_in?: number | string } | undefined;
    if (!parsed?.access_token) {
      throw new MlopsError(`The token endpoint ${config.tokenUrl} answered without an access_token; is token-url right?`);
    }
    options.log?.secret(parsed.access_token);
    const lifetimeMs = Number(parsed.expires_in ?? 3600) * 1000;
    cached = { token: parsed.access_token, refreshAt: started + Math.max(0, lifetimeMs - EXPIRY_MARGIN_MS) };
    options.log?.debug(`Got a CDF token for client ${credentials.clientId} (valid ${Math.round(lifetimeMs / 1000)} s).`);
    return parsed.access_token;
  };

  return {
    getToken: async () => {
      if (cached && Date.now() < cached.refreshAt) return cached.token;
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    get requestCount() {
      return requestCount;
    },
  };
}

function describeTokenFailure(err: unknown): FailedAttempt {
  const e = err as { retryAfter?: string; text?: string };
  const failure = describeFailure(err, e?.retryAfter);
  // Entra ID's error_description explains the cause (wrong secret, unknown client) and never echoes the secret;
  // a wrong token-url may answer CDF's {"error": {"message"}} or an HTML page instead.
  failure.message = responseMessage(e?.text) ?? `HTTP ${failure.status ?? 'error'} with an empty body`;
  failure.retryAfterMs = parseRetryAfter(e?.retryAfter);
  return failure;
}

function tokenError(config: CdfConfig, credentials: ClientCredentials, err: unknown): MlopsError {
  if (err instanceof MlopsError && !(err instanceof CdfApiError)) return err;
  const reason = (err as Error).message;
  const hint = /invalid_client|unauthorized_client|AADSTS7000215/.test(reason)
    ? ' Check the client id and secret (or the federated credential) for this CDF project.'
    : '';
  return new MlopsError(`Could not get a CDF token for client ${credentials.clientId} from ${config.tokenUrl}. ${reason}${hint}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
