/**
 * A local CDF: a real HTTP server serving a subset of the CDF API as CDF does (accepted unchanged
 * by @cognite/sdk and cognite-sdk-python), with an Entra-ID-shaped token endpoint. It needs
 * nothing from the rest of the suite: this entry is its whole public API. The package README
 * lists what it serves.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { Auth, DEFAULT_TENANT, inspectToken, type ClientSpec } from './auth.js';
import { Blobs } from './blobs.js';
import { Builds } from './builds.js';
import { CallRunner, callsRoutes } from './calls.js';
import { datasetsRoutes } from './datasets.js';
import type { Env } from './env.js';
import { Faults } from './faults.js';
import { Interpreters } from './interpreters.js';
import { DEFAULT_NONCE_TTL_MS, DEFAULT_SESSION_TTL_MS, resolveLimits, type Cloud } from './limits.js';
import { filesRoutes, handleDownload, handleUpload } from './files.js';
import { functionByIdRoute, functionsRoutes } from './functions.js';
import { ApiError, errorBody, sendJson } from './http.js';
import { recordRequest, type RequestLogEntry } from './request-log.js';
import { Reply, Router } from './router.js';
import { Scheduler, schedulesRoutes } from './schedules.js';
import { sessionsRoutes } from './sessions.js';
import { Store } from './store.js';

export type { RequestLogEntry } from './request-log.js';
export type { ClientSpec } from './auth.js';
export type { Cloud } from './limits.js';
export { CLOUDS, DEFAULT_RUNTIMES } from './limits.js';
export { EmulatorError } from './errors.js';
export { parseFaults } from './faults.js';
export { checkHandler, runHandler, type RunHandlerOptions, type RunHandlerResult } from './handler.js';
export { checkRequirements, type PipCheck, type PipInstall, type PipOptions } from './pip.js';

export interface EmulatorOptions {
  /** default 0 (any free port) */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** default mlops-emulator */
  project?: string;
  /** keep state here across restarts (default: memory only) */
  dataDir?: string;
  /** time a function spends Queued + Deploying before its build finishes (default 300 ms) */
  buildDelayMs?: number;
  /** e.g. `429:0.1,503:0.05,latency:200ms,build-fail:0.2,token` */
  faults?: string;
  seed?: number;
  /** only these clients get tokens (default: any client id and secret) */
  clients?: ClientSpec[];
  /** the default interpreter for builds and calls (default python3) */
  python?: string;
  /** run a function with pythonX.Y of its runtime when that works (default true); false: always `python` */
  pythonPerRuntime?: boolean;
  callTimeoutMs?: number;
  /** cpu/memory limits and call payload size of this cloud (default azure) */
  cloud?: Cloud;
  /** runtimes offered (default py310–py314) */
  runtimes?: string[];
  /** functions per project (default 100) */
  maxFunctions?: number;
  /** how long a session's nonce can be bound (default 60 s) */
  nonceTtlMs?: number;
  /** how long a session lives (default one year; token-exchange sessions end with their token) */
  sessionTtlMs?: number;
  logger?: (line: string) => void;
}

export interface RunningEmulator {
  url: string;
  project: string;
  tenant: string;
  tokenUrl: string;
  requests: RequestLogEntry[];
  setFaults(spec: string | undefined): void;
  stop(): Promise<void>;
}

export const TENANT = DEFAULT_TENANT;
const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token\/?$/;
const API_PREFIX = /^\/api\/v1\/projects\/([^/]+)(\/.*)?$/;

/** Calls running when the emulator last stopped can't be resumed: they failed. */
function recoverCalls(store: Store): void {
  for (const c of store.state.calls) {
    if (c.status !== 'Running') continue;
    c.status = 'Failed';
    c.endTime = Date.now();
    c.error = { message: 'The function call was interrupted: the emulator restarted.' };
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const project = options.project ?? 'mlops-emulator';
  const host = options.host ?? '127.0.0.1';
  const dataDir = options.dataDir && resolvePath(options.dataDir);
  const workDir = dataDir ?? mkdtempSync(join(tmpdir(), 'cdf-emulator-'));
  const store = new Store(dataDir);
  const log = options.logger ?? (() => {});
  let baseUrl = '';
  const env = {
    store,
    blobs: new Blobs(join(workDir, 'blobs')),
    auth: new Auth(store, options.clients),
    faults: new Faults(options.faults, options.seed ?? 1),
    baseUrl: () => baseUrl,
    project,
    workDir,
    buildDelayMs: options.buildDelayMs ?? 300,
    callTimeoutMs: options.callTimeoutMs ?? 540_000,
    python: options.python ?? 'python3',
    limits: resolveLimits(options),
    nonceTtlMs: options.nonceTtlMs ?? DEFAULT_NONCE_TTL_MS,
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    log,
  } as Env;
  env.interpreters = new Interpreters(env.python, workDir, options.pythonPerRuntime ?? true);
  env.builds = new Builds(env);
  env.calls = new CallRunner(env);
  env.schedules = new Scheduler(env);

  const router = new Router();
  // Fixed paths before `:id` patterns that would shadow them.
  router.add([...filesRoutes(env), ...datasetsRoutes(env), ...sessionsRoutes(env), ...schedulesRoutes(env), ...functionsRoutes(env), ...callsRoutes(env), functionByIdRoute(env)]);
  const requests: RequestLogEntry[] = [];

  async function api(req: IncomingMessage, res: ServerResponse, method: string, path: string, query: URLSearchParams): Promise<void> {
    const m = API_PREFIX.exec(path);
    if (!m) throw new ApiError(404, `Not found: ${path}`);
    await env.faults.onRequest();
    const principal = env.auth.verify(req);
    if (decodeURIComponent(m[1]) !== project) throw new ApiError(403, `Resource not found. This may also be due to insufficient access rights (unknown project '${decodeURIComponent(m[1])}').`);
    const matched = router.match(method, m[2] ?? '/');
    if (matched === 'method') throw new ApiError(405, `Method ${method} is not allowed on ${m[2]}`);
    if (!matched) throw new ApiError(404, `Not found: ${m[2] ?? '/'}`);
    if (matched.route.write && !principal.write) throw new ApiError(403, `Forbidden: client '${principal.clientId}' has read-only access.`);
    const result = await matched.route.handle({ req, res, params: matched.params, query, principal });
    if (res.headersSent) return;
    if (result instanceof Reply) sendJson(res, result.status, result.body);
    else sendJson(res, 200, result ?? {});
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    res.setHeader('x-request-id', randomBytes(8).toString('hex'));
    if (!path.startsWith('/_emulator/requests')) recordRequest(requests, req, res, path);
    try {
      const upload = /^\/_emulator\/upload\/([^/]+)$/.exec(path);
      const download = /^\/_emulator\/download\/([^/]+)$/.exec(path);
      if (upload && (method === 'PUT' || method === 'POST')) await handleUpload(env, upload[1], req, res);
      else if (download && method === 'GET') handleDownload(env, download[1], res);
      else if (path === '/_emulator/health') sendJson(res, 200, { status: 'ok', project, url: baseUrl });
      else if (path === '/_emulator/requests' && method === 'GET') sendJson(res, 200, { items: requests });
      else if (path === '/_emulator/requests' && method === 'DELETE') sendJson(res, 200, { cleared: requests.splice(0).length });
      else if (TOKEN_PATH.test(path)) {
        if (env.faults.appliesToToken()) await env.faults.onRequest();
        await env.auth.tokenEndpoint(req, res, decodeURIComponent(TOKEN_PATH.exec(path)![1]));
      } else if (path === '/api/v1/token/inspect' && method === 'GET') {
        await env.faults.onRequest();
        sendJson(res, 200, inspectToken(env.auth.verify(req), project));
      } else await api(req, res, method, path, url.searchParams);
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : new ApiError(500, `Internal emulator error: ${(err as Error).message}`);
      if (!(err instanceof ApiError)) log(`internal error on ${method} ${path}: ${(err as Error).stack}`);
      if (!res.headersSent) sendJson(res, apiErr.status, errorBody(apiErr), apiErr.headers);
      else res.destroy();
    }
  }

  if (store.restored) {
    recoverCalls(store);
    for (const fn of store.state.functions) if (fn.status === 'Queued' || fn.status === 'Deploying') env.builds.start(fn);
    for (const s of store.state.schedules) env.schedules.arm(s);
    store.changed();
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let stopped: Promise<void> | undefined;
  return {
    url: baseUrl,
    project,
    tenant: TENANT,
    tokenUrl: `${baseUrl}/${TENANT}/oauth2/v2.0/token`,
    requests,
    setFaults: (spec) => env.faults.set(spec),
    stop: () =>
      (stopped ??= (async () => {
        env.schedules.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await Promise.all([env.builds.stop(), env.calls.stop()]);
        store.flush();
        if (!dataDir) rmSync(workDir, { recursive: true, force: true });
      })()),
  };
}
