/**
 * Sessions API: a session lets a function call or schedule act as the client that created it.
 * Its nonce can be bound once and only for `nonceTtlMs` (CDF: about a minute); the session itself
 * lives for `sessionTtlMs`, and a token-exchange session ends when the token it was made from
 * expires (docs.cognite.com, "Sessions"). CDF limits chained sessions to one level: a session made
 * from a function call's token (depth 1) is allowed, one made from such a session's call is not.
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from './auth.js';
import type { Env } from './env.js';
import { ApiError, badRequest, readJson } from './http.js';
import { page, resolve } from './resources.js';
import { isObject, items, type Json } from './validate.js';
import type { Route } from './router.js';
import type { SessionRecord } from './store.js';

/** Deepest chained session CDF allows: a function may call a function, that one may not chain further. */
export const MAX_SESSION_DEPTH = 1;

/** The status CDF would report now: a session past its expiration time reads EXPIRED. */
function statusOf(s: SessionRecord): SessionRecord['status'] {
  return s.status !== 'REVOKED' && s.expirationTime < Date.now() ? 'EXPIRED' : s.status;
}

function sessionJson(s: SessionRecord): Json {
  return { id: s.id, type: s.type, status: statusOf(s), creationTime: s.creationTime, expirationTime: s.expirationTime, clientId: s.clientId };
}

/** The principal a bound session acts as, or why it cannot act (revoked, expired, unknown). */
export function sessionPrincipal(env: Env, sessionId: number): Principal | string {
  const s = env.store.state.sessions.find((x) => x.id === sessionId);
  if (!s) return `session ${sessionId} no longer exists`;
  const status = statusOf(s);
  if (status === 'REVOKED' || status === 'EXPIRED') return `session ${sessionId} is ${status.toLowerCase()}`;
  return { clientId: s.clientId, write: s.write, sessionId: s.id, sessionDepth: s.depth ?? 0 };
}

/** Binds a nonce (single use, within the nonce lifetime): the principal the call or schedule then runs as. */
export function consumeNonce(env: Env, nonce: unknown): Principal {
  if (typeof nonce !== 'string' || nonce === '') throw badRequest('nonce: may not be null. Create a session (POST /sessions) and pass its nonce.');
  const session = env.store.state.sessions.find((s) => s.nonce === nonce);
  const now = Date.now();
  if (!session || session.nonceUsed || statusOf(session) !== 'READY' || (session.nonceExpiresAt ?? Infinity) < now) {
    throw badRequest('Could not bind the session: the nonce is invalid, expired (nonces live about a minute) or was already used.');
  }
  session.nonceUsed = true;
  session.status = 'ACTIVE';
  env.store.changed();
  return { clientId: session.clientId, write: session.write, sessionId: session.id, sessionDepth: session.depth ?? 0 };
}

export function sessionsRoutes(env: Env): Route[] {
  const state = env.store.state;
  return [
    {
      method: 'POST', path: '/sessions',
      handle: async ({ req, principal }) => {
        const created = items(await readJson(req), 1).map((item) => {
          const now = Date.now();
          let owner: Principal;
          let type: SessionRecord['type'];
          let depth = 0;
          let expirationTime = now + env.sessionTtlMs;
          if (item.tokenExchange === true || item.oneshotTokenExchange === true) {
            owner = principal;
            type = item.tokenExchange === true ? 'TOKEN_EXCHANGE' : 'ONESHOT_TOKEN_EXCHANGE';
            if (principal.sessionDepth !== undefined) depth = principal.sessionDepth + 1;
            if (depth > MAX_SESSION_DEPTH) {
              throw new ApiError(403, `Cannot create a session from session ${principal.sessionId}: chained sessions are limited to ${MAX_SESSION_DEPTH} level of depth (a function called by a function may not call further functions with token exchange).`);
            }
            // Not refreshed: the session ends with the token it was made from.
            if (principal.expiresAt !== undefined) expirationTime = Math.min(expirationTime, principal.expiresAt);
          } else if (typeof item.clientId === 'string') {
            owner = env.auth.sessionPrincipal(item.clientId, typeof item.clientSecret === 'string' ? item.clientSecret : '');
            type = 'CLIENT_CREDENTIALS';
          } else {
            throw badRequest('items[0]: expected {clientId, clientSecret}, {tokenExchange: true} or {oneshotTokenExchange: true}');
          }
          const session: SessionRecord = {
            id: env.store.newId(), nonce: randomBytes(24).toString('base64url'), type, status: 'READY', clientId: owner.clientId, write: owner.write,
            creationTime: now, expirationTime, nonceExpiresAt: now + env.nonceTtlMs, nonceUsed: false, depth,
          };
          state.sessions.push(session);
          return session;
        });
        env.store.changed();
        return { items: created.map((s) => ({ id: s.id, type: s.type, status: s.status, nonce: s.nonce, clientId: s.clientId })) };
      },
    },
    {
      method: 'GET', path: '/sessions',
      handle: async ({ query }) => {
        const status = query.get('status');
        const mine = state.sessions.filter((s) => !status || statusOf(s) === status.toUpperCase());
        const result = page(mine, { limit: query.get('limit') ?? undefined, cursor: query.get('cursor') ?? undefined }, 25, 1000);
        return { items: result.items.map(sessionJson), ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}) };
      },
    },
    {
      method: 'POST', path: '/sessions/byids',
      handle: async ({ req }) => ({ items: resolve(state.sessions, items(await readJson(req), 1000), false).map(sessionJson) }),
    },
    {
      method: 'POST', path: '/sessions/revoke',
      handle: async ({ req }) => {
        const body = await readJson(req);
        const revoked = resolve(state.sessions, items(body, 1000).filter(isObject), false);
        for (const s of revoked) s.status = 'REVOKED';
        env.store.changed();
        return { items: revoked.map(sessionJson) };
      },
    },
  ];
}
