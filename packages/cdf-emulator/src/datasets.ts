/** Data sets API: create, byids, list, update. `writeProtected` is stored and reported, not enforced. */
import type { Env } from './env.js';
import { badRequest, readJson } from './http.js';
import { assertUniqueExternalIds, page, resolve, updateAll } from './resources.js';
import { Reply, type Route } from './router.js';
import type { DataSetRecord } from './store.js';
import { checkMetadata, inRange, isObject, items, optBool, optString, optStringMap, type Json } from './validate.js';

const METADATA_LIMITS = { pairs: 256, key: 128, value: 10240, totalBytes: 10240 };

function fields(body: Json): Pick<DataSetRecord, 'externalId' | 'name' | 'description' | 'metadata' | 'writeProtected'> {
  const metadata = optStringMap(body, 'metadata');
  checkMetadata(metadata, METADATA_LIMITS);
  const out = {
    externalId: optString(body, 'externalId', 255),
    name: optString(body, 'name', 50),
    description: optString(body, 'description', 500),
    metadata,
    writeProtected: optBool(body, 'writeProtected') ?? false,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as typeof out;
}

export function datasetsRoutes(env: Env): Route[] {
  const state = env.store.state;
  return [
    {
      method: 'POST', path: '/datasets', write: true,
      handle: async ({ req }) => {
        const parsed = items(await readJson(req), 10).map(fields);
        assertUniqueExternalIds(state.datasets, parsed.map((p) => p.externalId));
        const now = Date.now();
        const created = parsed.map((p) => ({ ...p, id: env.store.newId(), createdTime: now, lastUpdatedTime: now }));
        state.datasets.push(...created);
        env.store.changed();
        return new Reply(201, { items: created });
      },
    },
    {
      method: 'POST', path: '/datasets/byids',
      handle: async ({ req }) => {
        const body = await readJson(req);
        return { items: resolve(state.datasets, items(body, 1000), body.ignoreUnknownIds === true) };
      },
    },
    {
      method: 'POST', path: '/datasets/list',
      handle: async ({ req }) => {
        const body = await readJson(req);
        const filter = body.filter ?? {};
        if (!isObject(filter)) throw badRequest('filter: must be an object');
        const matching = state.datasets.filter(
          (d) =>
            (typeof filter.externalIdPrefix !== 'string' || (d.externalId ?? '').startsWith(filter.externalIdPrefix)) &&
            (typeof filter.writeProtected !== 'boolean' || d.writeProtected === filter.writeProtected) &&
            (!isObject(filter.metadata) || Object.entries(filter.metadata).every(([k, v]) => d.metadata?.[k] === v)) &&
            (filter.createdTime === undefined || inRange(d.createdTime, filter.createdTime)) &&
            (filter.lastUpdatedTime === undefined || inRange(d.lastUpdatedTime, filter.lastUpdatedTime)),
        );
        return page(matching, body, 100, 1000);
      },
    },
    {
      method: 'POST', path: '/datasets/update', write: true,
      handle: async ({ req }) => {
        const now = Date.now();
        const spec = { externalId: 'scalar', name: 'scalar', description: 'scalar', metadata: 'map', writeProtected: 'scalar' } as const;
        const updated = updateAll(state.datasets, items(await readJson(req), 1000), spec, (patched, ds) => ({
          ...fields(patched), id: ds.id, createdTime: ds.createdTime, lastUpdatedTime: now,
        }));
        env.store.changed();
        return { items: updated };
      },
    },
  ];
}
