/**
 * Retries where CDF allows them: 429 on any request (CDF did not process it), 5xx and network
 * errors only on idempotent requests (a retried create could create twice). Exponential backoff
 * with full jitter, Retry-After honoured, bounded in attempts and total time.
 *
 * The SDK retries by itself too (@cognite/sdk 10.5: 429 on every request; 5xx on GET/PUT/DELETE
 * and on POST to files/list, files/byids, files/downloadlink and a few others; at most 5 times;
 * never network errors; Retry-After ignored). So our raw calls switch the SDK's retries off per
 * request (`retryValidator`) and use this module, and calls through SDK resource APIs
 * (`client.files.*`) only get network-error retries here, never a second layer of 429/5xx retries.
 */
import type { CogniteClient } from '@cognite/sdk';
import { MlopsError } from '../errors.js';

export interface RetryLimits {
  maxAttempts: number;
  /** no new attempt starts after this much time since the first */
  maxElapsedMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_LIMITS: RetryLimits = { maxAttempts: 6, maxElapsedMs: 60_000, baseDelayMs: 250, maxDelayMs: 10_000 };

const limitsByClient = new WeakMap<object, RetryLimits>();

/** Overrides the retry bounds for every raw call made with this client (tests use short ones). */
export function configureRetries(client: CogniteClient, limits: Partial<RetryLimits>): void {
  limitsByClient.set(client, { ...retryLimitsFor(client), ...limits });
}

export function retryLimitsFor(client: CogniteClient): RetryLimits {
  return limitsByClient.get(client) ?? DEFAULT_RETRY_LIMITS;
}

/** A CDF API failure, with what the caller needs to react (status, missing/duplicated items). */
export class CdfApiError extends MlopsError {
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly missing: unknown[] | undefined;
  readonly duplicated: unknown[] | undefined;
  constructor(message: string, details: { status?: number; requestId?: string; missing?: unknown[]; duplicated?: unknown[] } = {}) {
    super(message);
    this.name = 'CdfApiError';
    this.status = details.status;
    this.requestId = details.requestId;
    this.missing = details.missing;
    this.duplicated = details.duplicated;
  }
}

/** What one failed attempt looked like, whatever layer threw it. */
export interface FailedAttempt {
  /** undefined for network errors */
  status?: number;
  message: string;
  retryAfterMs?: number;
  requestId?: string;
  missing?: unknown[];
  duplicated?: unknown[];
}

/** Normalises SDK errors (CogniteError, HttpError), fetch failures and our own. */
export function describeFailure(err: unknown, retryAfterHeader?: string): FailedAttempt {
  const e = err as { status?: unknown; errorMessage?: unknown; message?: unknown; requestId?: unknown; missing?: unknown; duplicated?: unknown; data?: unknown; cause?: unknown };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  let message = typeof e?.errorMessage === 'string' ? e.errorMessage : typeof e?.message === 'string' ? e.message : String(err);
  message = responseMessage(e?.data) ?? message;
  if (status === undefined && e?.cause && typeof (e.cause as Error).message === 'string') message = `${message} (${(e.cause as Error).message})`;
  return {
    status,
    message,
    retryAfterMs: parseRetryAfter(retryAfterHeader),
    requestId: typeof e?.requestId === 'string' ? e.requestId : undefined,
    missing: Array.isArray(e?.missing) ? e.missing : undefined,
    duplicated: Array.isArray(e?.duplicated) ? e.duplicated : undefined,
  };
}

/**
 * The human message in an error response body, whatever its shape: CDF's
 * `{"error": {"code", "message"}}`, OAuth/Entra ID's `{"error": "invalid_client",
 * "error_description": "AADSTS..."}`, a bare `{"message"}`, or text (JSON is parsed first; other
 * text, e.g. an HTML error page, is cut to one line of 300 characters). Undefined when the body
 * carries nothing readable. Never returns an object dump.
 */
export function responseMessage(body: unknown): string | undefined {
  let value = body;
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text) return undefined;
    try {
      value = JSON.parse(text);
    } catch {
      return text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300) || undefined;
    }
  }
  if (!value || typeof value !== 'object') return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  const o = value as { error?: unknown; error_description?: unknown; message?: unknown };
  if (typeof o.error === 'string') return typeof o.error_description === 'string' ? `${o.error}: ${o.error_description}` : o.error;
  if (o.error && typeof o.error === 'object') return responseMessage(o.error);
  if (typeof o.message === 'string') return o.message;
  return undefined;
}

export function parseRetryAfter(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export interface RetryPolicy {
  /** safe to send twice: reads, byids, list, and writes we flag explicitly */
  idempotent: boolean;
  /** the SDK already retried 429/5xx for this call; only network errors are ours to retry */
  sdkRetriesStatus?: boolean;
  limits?: RetryLimits;
}

/**
 * Runs `attempt` until it succeeds or the policy says stop. `attempt` throws on failure; the
 * thrown error is described with `describe` (so callers can attach the Retry-After they saw).
 * `what` names the request in messages, e.g. "POST /functions/byids".
 */
export async function withRetry<T>(
  what: string,
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  describe: (err: unknown) => FailedAttempt = (err) => describeFailure(err),
): Promise<T> {
  const limits = policy.limits ?? DEFAULT_RETRY_LIMITS;
  const started = Date.now();
  for (let n = 1; ; n++) {
    let failure: FailedAttempt;
    try {
      return await attempt();
    } catch (err) {
      if (err instanceof CdfApiError) throw err;
      failure = describe(err);
    }
    const retryable = shouldRetry(failure.status, policy);
    // Retry-After is honoured up to our own ceiling, so one odd header cannot stall a run.
    const delay = Math.min(failure.retryAfterMs ?? backoff(n, limits), limits.maxDelayMs);
    const elapsed = Date.now() - started;
    if (!retryable) throw finalError(what, failure, n, elapsed, policy);
    if (n >= limits.maxAttempts || elapsed + delay > limits.maxElapsedMs) throw finalError(what, failure, n, elapsed, policy, true);
    await new Promise((r) => setTimeout(r, delay));
  }
}

function shouldRetry(status: number | undefined, policy: RetryPolicy): boolean {
  if (status === undefined) return policy.idempotent;
  if (policy.sdkRetriesStatus) return false;
  if (status === 429) return true;
  return status >= 500 && policy.idempotent;
}

/** Full jitter: uniformly random up to base·2^n, capped. */
function backoff(attempt: number, limits: RetryLimits): number {
  return Math.floor(Math.random() * Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** attempt));
}

function finalError(what: string, f: FailedAttempt, attempts: number, elapsedMs: number, policy: RetryPolicy, gaveUp = false): CdfApiError {
  const detail = f.message.replace(/[.\s]+$/, '') + (f.requestId ? ` (x-request-id ${f.requestId})` : '');
  const answered = f.status === undefined ? `could not reach CDF for ${what}` : `CDF answered ${f.status} to ${what}`;
  let message: string;
  if (gaveUp) {
    message = `${answered} ${attempts} times over ${Math.round(elapsedMs / 1000)} s; giving up. Last error: ${detail}.`;
  } else if ((f.status === undefined || f.status >= 500) && !policy.idempotent) {
    message = `${answered}: ${detail}. Not retried: the request is not idempotent, so a retry could apply it twice; check its effect in CDF before trying again.`;
  } else {
    message = `${answered}: ${detail}.`;
  }
  return new CdfApiError(message, f);
}

export interface CdfRequest {
  method: 'GET' | 'POST';
  /** path below /api/v1/projects/<project>, e.g. `/functions/byids` */
  path: string;
  data?: unknown;
  params?: Record<string, string | number | boolean>;
  idempotent: boolean;
}

/** A raw CDF API call over the SDK's HTTP client (auth, headers, 401 refresh) with our retries. */
export async function cdfRequest<T>(client: CogniteClient, req: CdfRequest): Promise<T> {
  const url = `/api/v1/projects/${encodeURIComponent(client.project)}${req.path}`;
  let retryAfter: string | undefined;
  // The per-request validator sees every response with its headers (the SDK's errors drop them);
  // answering false switches the SDK's own retries off for this request.
  const captureRetryAfter = (_req: unknown, res: { headers: Record<string, string> }) => {
    retryAfter = res.headers?.['retry-after'] ?? res.headers?.['Retry-After'];
    return false;
  };
  const options = { data: req.data, params: req.params, retryValidator: captureRetryAfter };
  return withRetry(
    `${req.method} ${req.path}`,
    async () => {
      retryAfter = undefined;
      const res = req.method === 'GET' ? await client.get<T>(url, options) : await client.post<T>(url, options);
      return res.data;
    },
    { idempotent: req.idempotent, limits: retryLimitsFor(client) },
    (err) => describeFailure(err, retryAfter),
  );
}

/** SDK resource calls (client.files.*): the SDK owns 429/5xx retries; we add network retries and clear errors. */
export function sdkCall<T>(client: CogniteClient, what: string, call: () => Promise<T>, idempotent: boolean): Promise<T> {
  return withRetry(what, call, { idempotent, sdkRetriesStatus: true, limits: retryLimitsFor(client) });
}
