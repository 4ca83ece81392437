/** What every CDF resource type shares: identifier lookup, `missing`/`duplicated` errors, cursors, updates. */
import { ApiError, badRequest, type Identifier } from './http.js';
import { identifier, isObject, limit as parseLimit, type Json } from './validate.js';

interface Resource {
  id: number;
  externalId?: string;
}

export function find<T extends Resource>(list: T[], ident: Identifier): T | undefined {
  return ident.id !== undefined ? list.find((r) => r.id === ident.id) : list.find((r) => r.externalId !== undefined && r.externalId === ident.externalId);
}

/** Looks up every identifier; unknown ones → 400 with `missing` unless ignored (CDF's byids/delete semantics). */
export function resolve<T extends Resource>(list: T[], raw: Json[], ignoreUnknownIds: boolean): T[] {
  const idents = raw.map((r, i) => identifier(r, `items[${i}]`));
  const found: T[] = [];
  const missing: Identifier[] = [];
  for (const ident of idents) {
    const r = find(list, ident);
    if (r) {
      if (!found.includes(r)) found.push(r);
    } else missing.push(ident);
  }
  if (missing.length && !ignoreUnknownIds) throw new ApiError(400, 'Ids not found', { missing });
  return found;
}

/** 409 when an externalId is already taken (or repeated within the request). */
export function assertUniqueExternalIds(list: Resource[], externalIds: (string | undefined)[]): void {
  const seen = new Set<string>();
  const duplicated: { externalId: string }[] = [];
  for (const xid of externalIds) {
    if (xid === undefined) continue;
    if (seen.has(xid) || list.some((r) => r.externalId === xid)) duplicated.push({ externalId: xid });
    seen.add(xid);
  }
  if (duplicated.length) throw new ApiError(409, 'ExternalId duplicated', { duplicated });
}

export function removeFrom<T>(list: T[], doomed: T[]): void {
  for (const d of doomed) {
    const at = list.indexOf(d);
    if (at >= 0) list.splice(at, 1);
  }
}

const encodeCursor = (lastId: number): string => Buffer.from(`after:${lastId}`).toString('base64url');
function decodeCursor(cursor: unknown): number {
  if (cursor === undefined || cursor === null) return 0;
  const m = typeof cursor === 'string' ? /^after:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString()) : null;
  if (!m) throw badRequest('cursor: invalid cursor');
  return Number(m[1]);
}

/** One page of `list` in id order, with `nextCursor` when more remain. */
export function page<T extends Resource>(list: T[], body: { limit?: unknown; cursor?: unknown }, defaultLimit: number, maxLimit: number): { items: T[]; nextCursor?: string } {
  const n = parseLimit(body.limit, defaultLimit, maxLimit);
  const after = decodeCursor(body.cursor);
  const rest = list.filter((r) => r.id > after).sort((a, b) => a.id - b.id);
  const items = rest.slice(0, n);
  return rest.length > n ? { items, nextCursor: encodeCursor(items[items.length - 1].id) } : { items };
}

/** Field kinds of an `update` object: scalar `{set}|{setNull}`, map and list `{set}|{setNull}|{add,remove}` (the SDK's replace mode sends `setNull` for every absent field). */
export type UpdateSpec = Record<string, 'scalar' | 'map' | 'list'>;

export function applyUpdate(record: Record<string, unknown>, update: unknown, spec: UpdateSpec, where: string): void {
  if (!isObject(update)) throw badRequest(`${where}.update: must be an object`);
  for (const [field, change] of Object.entries(update)) {
    const kind = spec[field];
    if (!kind) throw badRequest(`${where}.update.${field}: unknown or immutable field`);
    if (!isObject(change)) throw badRequest(`${where}.update.${field}: must be an object like {"set": ...}`);
    if ('set' in change) {
      if (change.set === null) delete record[field];
      else record[field] = change.set;
    } else if (change.setNull === true) {
      delete record[field];
    } else if (kind === 'map' && ('add' in change || 'remove' in change)) {
      const next: Record<string, unknown> = { ...((record[field] as Json | undefined) ?? {}), ...((change.add as Json | undefined) ?? {}) };
      for (const k of (change.remove as string[] | undefined) ?? []) delete next[k];
      record[field] = next;
    } else if (kind === 'list' && ('add' in change || 'remove' in change)) {
      // Values compare by content: labels are objects ({externalId}).
      const key = (x: unknown): string => JSON.stringify(x);
      const remove = new Set(((change.remove as unknown[] | undefined) ?? []).map(key));
      const merged = new Map<string, unknown>();
      for (const x of ((record[field] as unknown[] | undefined) ?? []).concat((change.add as unknown[] | undefined) ?? [])) if (!remove.has(key(x))) merged.set(key(x), x);
      record[field] = [...merged.values()];
    } else {
      throw badRequest(`${where}.update.${field}: expected set, setNull${kind === 'scalar' ? '' : ', add or remove'}`);
    }
  }
}

/**
 * CDF's `update` endpoints: every item is validated (unknown ids → missing, taken externalId → 409)
 * before any is applied. `rebuild` turns the patched copy into a valid record.
 */
export function updateAll<T extends Resource>(list: T[], raw: Json[], spec: UpdateSpec, rebuild: (patched: Record<string, unknown>, old: T) => T): T[] {
  const changes = raw.map((r, i) => {
    const ident = identifier(r, `items[${i}]`);
    const old = find(list, ident);
    if (!old) throw new ApiError(400, 'Ids not found', { missing: [ident] });
    const patched: Record<string, unknown> = { ...(old as object) };
    applyUpdate(patched, r.update, spec, `items[${i}]`);
    const next = rebuild(patched, old);
    if (next.externalId !== undefined && next.externalId !== old.externalId) assertUniqueExternalIds(list.filter((o) => o !== old), [next.externalId]);
    return { old, next };
  });
  for (const { old, next } of changes) list[list.indexOf(old)] = next;
  return changes.map((c) => c.next);
}
