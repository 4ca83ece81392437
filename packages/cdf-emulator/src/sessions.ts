/** Sessions API: nonces that let a function call or schedule act as the client that created them. */
import { randomBytes } from 'node:crypto';
import type { Principal } from './auth.js';
import type { Env } from './env.js';
import { badRequest, readJson } from './http.js';
import { page, resolve } from './resources.js';
import { isObject, items, type Json } from './validate.js';
import type { Route } from './router.js';
import type { SessionRecord } from './store.js';

const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

function sessionJson(s: SessionRecord): Json {
  return { id: s.id, type: s.type, status: s.status, creationTime: s.creationTime, expirationTime: s.expirationTime, clientId: s.clientId };
}

/** Binds a nonce (single use): the principal the call or schedule then runs as. */
export function consumeNonce(env: Env, nonce: unknown): Principal {
  if (typeof nonce !== 'string' || nonce === '') throw badRequest('nonce: may not be null. Create a session (POST /sessions) and pass its nonce.');
  const session = env.store.state.sessions.find((s) => s.nonce === nonce);
  if (!session || session.nonceUsed || session.status === 'REVOKED' || session.expirationTime < Date.now()) {
    throw badRequest('Could not bind the session: the nonce is invalid, expired or was already used.');
  }
  session.nonceUsed = true;
  session.status = 'ACTIVE';
  env.store.changed();
  return { clientId: session.clientId, write: session.write };
}

export function sessionsRoutes(env: Env): Route[] {
  const state = env.store.state;
  return [
    {
      method: 'POST', path: '/sessions',
      handle: async ({ req, principal }) => {
        const created = items(await readJson(req), 1).map((item) => {
          let owner: Principal;
          let type: SessionRecord['type'];
          if (item.tokenExchange === true) {
            owner = principal;
            type = 'TOKEN_EXCHANGE';
          } else if (typeof item.clientId === 'string') {
            owner = env.auth.sessionPrincipal(item.clientId, typeof item.clientSecret === 'string' ? item.clientSecret : '');
            type = 'CLIENT_CREDENTIALS';
          } else {
            throw badRequest('items[0]: expected {clientId, clientSecret} or {tokenExchange: true}');
          }
          const now = Date.now();
          const session: SessionRecord = {
            id: env.store.newId(), nonce: randomBytes(24).toString('base64url'), type, status: 'READY',
            clientId: owner.clientId, write: owner.write, creationTime: now, expirationTime: now + SESSION_TTL_MS, nonceUsed: false,
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
        const mine = state.sessions.filter((s) => !status || s.status === status.toUpperCase());
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
