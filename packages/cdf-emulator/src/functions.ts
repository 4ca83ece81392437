/** Functions API: create (validated against CDF's limits, built asynchronously), list, byids, delete, limits, status. */
import type { Env } from './env.js';
import { ApiError, badRequest, notFound, readJson } from './http.js';
import { assertUniqueExternalIds, page, removeFrom, resolve } from './resources.js';
import { Reply, type Route } from './router.js';
import type { FunctionRecord } from './store.js';
import { checkMetadata, inRange, isObject, items, optInt, optString, optStringMap, reqString, type Json } from './validate.js';

/** CDF's default runtime when a create names none (or the first configured one when py311 is not offered). */
const DEFAULT_RUNTIME = 'py311';
export const RESPONSE_SIZE_MB = 1;
const METADATA_LIMITS = { pairs: 16, key: 32, value: 512, totalBytes: 4096 };
const MAX_SECRETS = 30;
const SECRET_KEY = /^[a-z0-9-]{1,15}$/;
/** Keys CDF reserves for itself (the call's token, pip's index options). */
const RESERVED_SECRET_KEYS = ['token', 'indexUrl', 'extraIndexUrls'];
/** Each secret, key plus value. */
const MAX_SECRET_BYTES = 25 * 1024;
const MAX_ENV_VARS = 100;
const ENV_VAR_KEY = /^[A-Za-z0-9_]+$/;

/**
 * What the API shows: secrets masked, and `indexUrl` / `extraIndexUrls` (which may carry pip
 * credentials) not at all: they are create-only fields. Sources: cognite-sdk-python's read class
 * `Function` has neither (only `FunctionWrite` does), and cognite-toolkit's FunctionLoader
 * copies them from the local file when comparing ("Only in write (request) format of the function").
 */
export function functionJson(fn: FunctionRecord): Json {
  const { secrets, indexUrl: _index, extraIndexUrls: _extra, ...rest } = fn;
  return secrets ? { ...rest, secrets: Object.fromEntries(Object.keys(secrets).map((k) => [k, '***'])) } : rest;
}

/** cpu/memory within the cloud's range; where CDF cannot configure them (Azure) any number is accepted and the default used. */
function optNumber(env: Env, body: Json, field: 'cpu' | 'memory'): number {
  const range = field === 'cpu' ? env.limits.cpuCores : env.limits.memoryGb;
  const v = body[field];
  if (v === undefined || v === null) return range.default;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw badRequest(`${field}: must be a number`);
  if (env.limits.ignoresCpuMemory) return range.default;
  if (v < range.min || v > range.max) throw badRequest(`${field}: must be a number between ${range.min} and ${range.max}`);
  return v;
}

function validateSecrets(secrets: Record<string, string> | undefined): void {
  if (!secrets) return;
  const keys = Object.keys(secrets);
  if (keys.length > MAX_SECRETS) throw badRequest(`secrets: at most ${MAX_SECRETS} secrets are allowed, got ${keys.length}`);
  const reserved = keys.find((k) => RESERVED_SECRET_KEYS.includes(k));
  if (reserved !== undefined) throw badRequest(`secrets: the key '${reserved}' is reserved (${RESERVED_SECRET_KEYS.join(', ')} may not be used)`);
  const bad = keys.find((k) => !SECRET_KEY.test(k));
  if (bad !== undefined) throw badRequest(`secrets: key '${bad}' must be 1-15 lowercase letters, digits or dashes`);
  const big = keys.find((k) => Buffer.byteLength(k) + Buffer.byteLength(secrets[k]) > MAX_SECRET_BYTES);
  if (big !== undefined) throw badRequest(`secrets: the secret '${big}' is larger than ${MAX_SECRET_BYTES} bytes (key and value)`);
}

function validateEnvVars(envVars: Record<string, string> | undefined): void {
  if (!envVars) return;
  const keys = Object.keys(envVars);
  if (keys.length > MAX_ENV_VARS) throw badRequest(`envVars: at most ${MAX_ENV_VARS} environment variables are allowed`);
  const bad = keys.find((k) => !ENV_VAR_KEY.test(k));
  if (bad !== undefined) throw badRequest(`envVars: key '${bad}' may only contain letters, digits and underscores`);
}

function parseFunction(env: Env, body: Json): Omit<FunctionRecord, 'id' | 'status' | 'createdTime'> {
  const name = reqString(body, 'name', 140);
  const externalId = optString(body, 'externalId', 255);
  const fileId = optInt(body, 'fileId');
  if (fileId === undefined) throw badRequest('fileId: may not be null');
  const file = env.store.state.files.find((f) => f.id === fileId);
  if (!file) throw new ApiError(400, `File with id ${fileId} not found`, { missing: [{ id: fileId }] });
  if (!file.uploaded) throw badRequest(`File with id ${fileId} has not been uploaded yet`);
  const functionPath = optString(body, 'functionPath', 500) ?? 'handler.py';
  if (functionPath.startsWith('/') || functionPath.split('/').includes('..') || !functionPath.endsWith('.py')) {
    throw badRequest('functionPath: must be a relative POSIX path to a .py file inside the zip');
  }
  const metadata = optStringMap(body, 'metadata');
  checkMetadata(metadata, METADATA_LIMITS);
  const secrets = optStringMap(body, 'secrets');
  validateSecrets(secrets);
  const envVars = optStringMap(body, 'envVars');
  validateEnvVars(envVars);
  const runtimes = env.limits.runtimes;
  const runtime = optString(body, 'runtime', 10) ?? (runtimes.includes(DEFAULT_RUNTIME) ? DEFAULT_RUNTIME : runtimes[0]);
  if (!runtimes.includes(runtime)) throw badRequest(`runtime: must be one of ${runtimes.join(', ')}, got '${runtime}'`);
  const extraIndexUrls = body.extraIndexUrls;
  if (extraIndexUrls !== undefined && extraIndexUrls !== null && (!Array.isArray(extraIndexUrls) || extraIndexUrls.some((u) => typeof u !== 'string'))) {
    throw badRequest('extraIndexUrls: must be an array of strings');
  }
  const out = {
    name, externalId, fileId, functionPath, metadata, secrets, envVars, runtime,
    description: optString(body, 'description', 500),
    owner: optString(body, 'owner', 128),
    cpu: optNumber(env, body, 'cpu'),
    memory: optNumber(env, body, 'memory'),
    runtimeVersion: `Python 3.${runtime.slice(3)}`,
    indexUrl: optString(body, 'indexUrl', 2048),
    extraIndexUrls: (extraIndexUrls ?? undefined) as string[] | undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as typeof out;
}

/** The function addressed by `/functions/{id}/...`; 404 like CDF when unknown. */
export function functionById(env: Env, raw: string): FunctionRecord {
  const id = Number(raw);
  const fn = Number.isSafeInteger(id) ? env.store.state.functions.find((f) => f.id === id) : undefined;
  if (!fn) throw notFound(`Function with id ${raw} not found`);
  return fn;
}

export function functionsRoutes(env: Env): Route[] {
  const state = env.store.state;
  const listed = (filter: unknown, limit: unknown): Json => {
    const f = filter ?? {};
    if (!isObject(f)) throw badRequest('filter: must be an object');
    const matching = state.functions.filter(
      (fn) =>
        (typeof f.name !== 'string' || fn.name === f.name) &&
        (typeof f.owner !== 'string' || fn.owner === f.owner) &&
        (typeof f.fileId !== 'number' || fn.fileId === f.fileId) &&
        (typeof f.status !== 'string' || fn.status === f.status) &&
        (typeof f.externalIdPrefix !== 'string' || (fn.externalId ?? '').startsWith(f.externalIdPrefix)) &&
        (!isObject(f.metadata) || Object.entries(f.metadata).every(([k, v]) => fn.metadata?.[k] === v)) &&
        (f.createdTime === undefined || inRange(fn.createdTime, f.createdTime)),
    );
    // CDF's functions list has no cursor; the limit is the page.
    return { items: page(matching, { limit }, 100, 10_000).items.map(functionJson) };
  };

  return [
    {
      method: 'POST', path: '/functions', write: true,
      handle: async ({ req }) => {
        const [item] = items(await readJson(req), 1);
        const parsed = parseFunction(env, item);
        assertUniqueExternalIds(state.functions, [parsed.externalId]);
        if (state.functions.length >= env.limits.maxFunctions) {
          throw badRequest(`The project already has ${state.functions.length} functions, the most CDF allows (${env.limits.maxFunctions}). Delete one before creating another.`);
        }
        const fn: FunctionRecord = { ...parsed, id: env.store.newId(), status: 'Queued', createdTime: Date.now() };
        state.functions.push(fn);
        env.store.changed();
        env.builds.start(fn);
        return new Reply(201, { items: [functionJson(fn)] });
      },
    },
    { method: 'GET', path: '/functions', handle: async ({ query }) => listed({}, query.get('limit') ?? undefined) },
    {
      method: 'POST', path: '/functions/list',
      handle: async ({ req }) => {
        const body = await readJson(req);
        return listed(body.filter, body.limit);
      },
    },
    {
      method: 'POST', path: '/functions/byids',
      handle: async ({ req }) => {
        const body = await readJson(req);
        return { items: resolve(state.functions, items(body, 10), body.ignoreUnknownIds === true).map(functionJson) };
      },
    },
    {
      method: 'POST', path: '/functions/delete', write: true,
      handle: async ({ req }) => {
        const body = await readJson(req);
        const doomed = resolve(state.functions, items(body, 10), body.ignoreUnknownIds === true);
        const ids = new Set(doomed.map((f) => f.id));
        removeFrom(state.functions, doomed);
        // Deleting a function deletes its schedules and calls; its code file stays in Files.
        for (const s of state.schedules.filter((x) => ids.has(x.functionId))) env.schedules.remove(s.id);
        removeFrom(state.calls, state.calls.filter((c) => ids.has(c.functionId)));
        env.store.changed();
        return {};
      },
    },
    {
      method: 'GET', path: '/functions/limits',
      handle: async () => ({
        timeoutMinutes: Math.max(1, Math.ceil(env.callTimeoutMs / 60_000)),
        cpuCores: env.limits.cpuCores,
        memoryGb: env.limits.memoryGb,
        runtimes: env.limits.runtimes,
        responseSizeMb: RESPONSE_SIZE_MB,
      }),
    },
    { method: 'GET', path: '/functions/status', handle: async () => ({ status: 'activated' }) },
    { method: 'POST', path: '/functions/status', write: true, handle: async () => ({ status: 'activated' }) },
  ];
}

/** `GET /functions/{id}` goes last: its `:id` would shadow `/functions/limits` and friends. */
export function functionByIdRoute(env: Env): Route {
  return { method: 'GET', path: '/functions/:id', handle: async ({ params }) => functionJson(functionById(env, params.id)) };
}
