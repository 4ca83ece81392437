/** Request validation with CDF-like 400 messages (`<field>: <problem>`). */
import { badRequest, type Identifier } from './http.js';

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

export function items(body: Json, max: number, min = 1): Json[] {
  const list = body.items;
  if (!Array.isArray(list)) throw badRequest('items: must be an array');
  if (list.length < min || list.length > max) throw badRequest(`items: size must be between ${min} and ${max}`);
  list.forEach((item, i) => {
    if (!isObject(item)) throw badRequest(`items[${i}]: must be an object`);
  });
  return list as Json[];
}

export function optString(obj: Json, field: string, max: number, where = field, min = 0): string | undefined {
  const v = obj[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest(`${where}: must be a string`);
  if (v.length < min || v.length > max) throw badRequest(`${where}: size must be between ${min} and ${max}`);
  return v;
}

export function reqString(obj: Json, field: string, max: number, where = field): string {
  const v = optString(obj, field, max, where, 1);
  if (v === undefined) throw badRequest(`${where}: may not be null`);
  return v;
}

export function optInt(obj: Json, field: string, where = field): number | undefined {
  const v = obj[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw badRequest(`${where}: must be an integer`);
  return v;
}

export function optBool(obj: Json, field: string, where = field): boolean | undefined {
  const v = obj[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw badRequest(`${where}: must be a boolean`);
  return v;
}

export function optStringMap(obj: Json, field: string, where = field): Record<string, string> | undefined {
  const v = obj[field];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v) || Object.values(v).some((x) => typeof x !== 'string')) throw badRequest(`${where}: must be an object of string values`);
  return v as Record<string, string>;
}

export interface MetadataLimits {
  pairs: number;
  key: number;
  value: number;
  totalBytes: number;
}

export function checkMetadata(meta: Record<string, string> | undefined, limits: MetadataLimits, where = 'metadata'): void {
  if (!meta) return;
  const entries = Object.entries(meta);
  if (entries.length > limits.pairs) throw badRequest(`${where}: at most ${limits.pairs} key-value pairs are allowed, got ${entries.length}`);
  let total = 0;
  for (const [k, v] of entries) {
    if (k.length > limits.key) throw badRequest(`${where}: key '${k.slice(0, 40)}' is longer than ${limits.key} characters`);
    if (v.length > limits.value) throw badRequest(`${where}.${k}: value is longer than ${limits.value} characters`);
    total += Buffer.byteLength(k) + Buffer.byteLength(v);
  }
  if (total > limits.totalBytes) throw badRequest(`${where}: total size ${total} bytes exceeds ${limits.totalBytes} bytes`);
}

/** `{id}` or `{externalId}`, exactly one of them. */
export function identifier(v: unknown, where: string): Identifier {
  if (!isObject(v)) throw badRequest(`${where}: must be an object with id or externalId`);
  const hasId = v.id !== undefined;
  const hasXid = v.externalId !== undefined;
  if (hasId === hasXid) throw badRequest(`${where}: exactly one of id and externalId must be set`);
  if (hasId) {
    if (typeof v.id !== 'number' || !Number.isSafeInteger(v.id) || v.id < 1) throw badRequest(`${where}.id: must be a positive integer`);
    return { id: v.id };
  }
  if (typeof v.externalId !== 'string') throw badRequest(`${where}.externalId: must be a string`);
  return { externalId: v.externalId };
}

export function limit(v: unknown, def: number, max: number): number {
  if (v === undefined || v === null) return def;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > max) throw badRequest(`limit: must be an integer between 1 and ${max}`);
  return n;
}

/** Time ranges in list filters: `{min?, max?}` in epoch ms. */
export function inRange(value: number | undefined, range: unknown): boolean {
  if (!isObject(range)) return true;
  if (value === undefined) return false;
  if (typeof range.min === 'number' && value < range.min) return false;
  if (typeof range.max === 'number' && value > range.max) return false;
  return true;
}
