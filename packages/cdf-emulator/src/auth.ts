/**
 * Entra-ID-compatible token endpoint and bearer-token checks. Tokens are opaque random strings
 * mapped to the client they were issued to (and whether it may write).
 */
import { randomBytes, randomUUID as uuid } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, readBody, sendJson } from './http.js';
import type { Store } from './store.js';

export interface Principal {
  clientId: string;
  write: boolean;
  /** When the bearer token behind this request expires (epoch ms). */
  expiresAt?: number;
  /** Set on tokens handed to a function call: the session the call runs with, and its depth. */
  sessionId?: number;
  sessionDepth?: number;
}

export interface ClientSpec {
  clientId: string;
  clientSecret?: string;
  write: boolean;
}

const TOKEN_TTL_SECONDS = 3599;
/** The tenant the emulator advertises (`tokenUrl`); the token endpoint answers for any tenant path. */
export const DEFAULT_TENANT = 'emulator-tenant';
const FEDERATED_AUDIENCE = 'api://AzureADTokenExchange';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Entra's error body shape: `{error, error_description, error_codes, timestamp, trace_id}`. */
class EntraError extends Error {
  constructor(readonly status: number, readonly code: string, description: string) {
    super(description);
  }
}

export class Auth {
  constructor(private readonly store: Store, private readonly clients: ClientSpec[] | undefined) {}

  /** A bearer token for `principal` (its session, if any, travels with it), valid TOKEN_TTL_SECONDS. */
  issue(principal: Principal): { token: string; expiresIn: number } {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const { clientId, write, sessionId, sessionDepth } = principal;
    this.store.state.tokens[token] = { clientId, write, expiresAt: now + TOKEN_TTL_SECONDS * 1000, ...(sessionId !== undefined ? { sessionId, sessionDepth } : {}) };
    // Expired tokens are useless; drop them so the state file stays small.
    for (const [t, rec] of Object.entries(this.store.state.tokens)) if (rec.expiresAt < now) delete this.store.state.tokens[t];
    this.store.changed();
    return { token, expiresIn: TOKEN_TTL_SECONDS };
  }

  /** The principal behind `Authorization: Bearer <token>`; 401 otherwise. */
  verify(req: IncomingMessage): Principal {
    const header = String(req.headers.authorization ?? '');
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new ApiError(401, 'Unauthorized');
    const rec = this.store.state.tokens[m[1]];
    if (!rec) throw new ApiError(401, 'Unauthorized: invalid token');
    if (rec.expiresAt < Date.now()) throw new ApiError(401, 'Unauthorized: the token has expired');
    return { clientId: rec.clientId, write: rec.write, expiresAt: rec.expiresAt, sessionId: rec.sessionId, sessionDepth: rec.sessionDepth };
  }

  /** Client credentials check shared by the token endpoint and `POST /sessions`. */
  checkSecret(clientId: string, clientSecret: string, tenant = DEFAULT_TENANT): Principal {
    if (!clientId) throw new EntraError(400, 'invalid_request', "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
    if (!clientSecret) throw new EntraError(401, 'invalid_client', "AADSTS7000216: 'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
    if (!this.clients) return { clientId, write: true };
    const client = this.known(clientId, tenant);
    if (client.clientSecret !== clientSecret) {
      throw new EntraError(401, 'invalid_client', `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
    }
    return { clientId, write: client.write };
  }

  private known(clientId: string, tenant: string): ClientSpec {
    const client = this.clients?.find((c) => c.clientId === clientId);
    if (!client) throw new EntraError(400, 'unauthorized_client', `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${tenant}'.`);
    return client;
  }

  /** A federated credential: a JWT meant for Entra's token exchange, not expired. Its signature is not checked. */
  private checkAssertion(clientId: string, assertion: string, tenant: string): Principal {
    const parts = assertion.split('.');
    let claims: Record<string, unknown>;
    try {
      claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new EntraError(400, 'invalid_client', 'AADSTS50027: JWT token is invalid or malformed.');
    }
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.includes(FEDERATED_AUDIENCE)) {
      throw new EntraError(400, 'invalid_client', `AADSTS700212: No matching federated identity record found for presented assertion audience '${String(claims.aud)}'. Expected '${FEDERATED_AUDIENCE}'.`);
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) {
      throw new EntraError(400, 'invalid_client', 'AADSTS700024: Client assertion is not within its valid time range.');
    }
    if (!clientId) throw new EntraError(400, 'invalid_request', "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
    return this.clients ? { clientId, write: this.known(clientId, tenant).write } : { clientId, write: true };
  }

  /**
   * `POST /{tenant}/oauth2/v2.0/token` with a form body, for any tenant (GUID or name), as Entra ID
   * serves it. Other methods get Entra's error shape too.
   */
  async tokenEndpoint(req: IncomingMessage, res: ServerResponse, tenant: string): Promise<void> {
    if (req.method !== 'POST') {
      sendEntraError(res, new EntraError(405, 'invalid_request', 'AADSTS900561: The endpoint only accepts POST requests.'));
      return;
    }
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    try {
      const grant = form.get('grant_type');
      if (grant !== 'client_credentials') {
        throw new EntraError(400, 'unsupported_grant_type', `AADSTS70003: The app requested an unsupported grant type '${grant ?? ''}'.`);
      }
      const clientId = form.get('client_id') ?? '';
      const principal =
        form.get('client_assertion_type') === JWT_BEARER
          ? this.checkAssertion(clientId, form.get('client_assertion') ?? '', tenant)
          : this.checkSecret(clientId, form.get('client_secret') ?? '', tenant);
      const { token, expiresIn } = this.issue(principal);
      sendJson(res, 200, { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token });
    } catch (err) {
      if (!(err instanceof EntraError)) throw err;
      sendEntraError(res, err);
    }
  }

  /** Session creation with client credentials reports bad credentials as a CDF error. */
  sessionPrincipal(clientId: string, clientSecret: string): Principal {
    try {
      return this.checkSecret(clientId, clientSecret);
    } catch (err) {
      if (err instanceof EntraError) throw new ApiError(400, `Could not create a session with client credentials: ${err.message}`);
      throw err;
    }
  }
}

/** Entra ID's error body: `{error, error_description, error_codes, timestamp, trace_id, correlation_id, error_uri}`. */
function sendEntraError(res: ServerResponse, err: EntraError): void {
  const code = Number(/AADSTS(\d+)/.exec(err.message)?.[1] ?? 0);
  const traceId = uuid();
  const correlationId = uuid();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  sendJson(res, err.status, {
    error: err.code,
    error_description: `${err.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  });
}

/**
 * `GET /api/v1/token/inspect`: who the token is, the projects it reaches and its capabilities, in
 * CDF's shape `{subject, projects: [{projectUrlName, groups}], capabilities: [{<acl>: {actions, scope}, projectScope}]}`.
 * The emulator has no groups: every client reaches the one project, read-only clients with read actions.
 */
export function inspectToken(principal: Principal, project: string): unknown {
  const projectScope = { projects: [project] };
  const acl = (name: string, actions: string[]): unknown => ({ [name]: { actions, scope: { all: {} } }, projectScope });
  const rw = (read: string[], write: string[]): string[] => (principal.write ? [...read, ...write] : read);
  return {
    subject: principal.clientId,
    projects: [{ projectUrlName: project, groups: [] }],
    capabilities: [
      acl('filesAcl', rw(['READ'], ['WRITE'])),
      acl('datasetsAcl', rw(['READ'], ['WRITE', 'OWNER'])),
      acl('functionsAcl', rw(['READ'], ['WRITE'])),
      acl('sessionsAcl', rw(['LIST'], ['CREATE', 'DELETE'])),
      acl('projectsAcl', ['LIST', 'READ']),
      acl('groupsAcl', ['LIST']),
    ],
  };
}
