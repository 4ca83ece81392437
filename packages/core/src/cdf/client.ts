/** Builds the official @cognite/sdk client from resolved credentials. */
import type { CogniteClient } from '@cognite/sdk';
import type { Logger } from '../logger.js';
import { createTokenProvider, type TokenProvider } from './auth.js';
import type { CdfConfig } from './config.js';
import type { SessionRequest } from './functions.js';
import { configureRetries, type RetryLimits } from './retry.js';

export const APP_ID = 'akerbp-mlops';

export interface CdfClientOptions {
  /** 'read' uses the read-only client when configured (as the Python package did), else the write client */
  access: 'write' | 'read';
  log?: Logger;
  /** GitHub OIDC token for federated credentials; passed in by action entries */
  getIdToken?: () => Promise<string>;
  retry?: Partial<RetryLimits>;
}

const providers = new WeakMap<CogniteClient, TokenProvider>();
const scheduleSessions = new WeakMap<CogniteClient, SessionRequest>();

/**
 * How a schedule made with this client should get its session: the read pair's client
 * credentials where a read pair with a secret exists (least privilege), else the write pair's,
 * else (federated/OIDC credentials have no secret) token exchange, which CDF ends when the token
 * behind it expires (docs.cognite.com, "Sessions").
 */
function scheduleSessionFor(config: CdfConfig): SessionRequest {
  const pair = config.read?.clientSecret ? config.read : config.write.clientSecret ? config.write : undefined;
  return pair ? { clientId: pair.clientId, clientSecret: pair.clientSecret! } : { tokenExchange: true };
}

/** The session request for schedules made with `client` (see scheduleSessionFor); token exchange for clients made elsewhere. */
export function scheduleSessionOf(client: CogniteClient): SessionRequest {
  return scheduleSessions.get(client) ?? { tokenExchange: true };
}

export async function createCdfClient(config: CdfConfig, options: CdfClientOptions): Promise<CogniteClient> {
  const credentials = options.access === 'read' && config.read ? config.read : config.write;
  const provider = createTokenProvider(config, credentials, { log: options.log, getIdToken: options.getIdToken });
  // Loaded on first use: runs that only validate or test never pay for the SDK's start-up.
  const { CogniteClient } = await import('@cognite/sdk');
  const client = new CogniteClient({ appId: APP_ID, project: config.project, baseUrl: config.baseUrl, oidcTokenProvider: provider.getToken });
  providers.set(client, provider);
  scheduleSessions.set(client, scheduleSessionFor(config));
  if (options.retry) configureRetries(client, options.retry);
  // Our provider first: the SDK's authenticate() swallows provider errors, and ours say what is wrong.
  await provider.getToken();
  // The SDK only attaches a token after a 401 or authenticate(); doing it now saves a failed call.
  await client.authenticate();
  options.log?.debug(`CDF client for project ${config.project} at ${config.baseUrl} (${options.access}, client ${credentials.clientId}).`);
  return client;
}

/** The token provider behind a client made by createCdfClient (tests count token requests). */
export function tokenProviderOf(client: CogniteClient): TokenProvider | undefined {
  return providers.get(client);
}

/** A client factory that makes its client on first call and reuses it: one token fetch for all uses. */
export function clientOnFirstUse(factory: () => Promise<CogniteClient>): () => Promise<CogniteClient> {
  let client: Promise<CogniteClient> | undefined;
  return () => (client ??= factory());
}
