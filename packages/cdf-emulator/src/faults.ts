/**
 * Fault injection: `429:0.1,503:0.05,latency:200ms,build-fail:0.2[,token]`. Draws come from
 * seeded generators (one for requests, one for builds), so a seed reproduces the same faults
 * for the same sequence of requests.
 */
import { EmulatorError } from './errors.js';
import { ApiError } from './http.js';

export interface FaultSpec {
  statuses: { status: number; rate: number }[];
  latencyMs: number;
  buildFailRate: number;
  /** Also apply status faults and latency to the token endpoint. */
  token: boolean;
}

const MESSAGES: Record<number, string> = {
  429: 'Too many requests. Please retry with exponential backoff (injected by the CDF emulator).',
  500: 'Internal server error (injected by the CDF emulator).',
  502: 'Bad gateway (injected by the CDF emulator).',
  503: 'Service unavailable (injected by the CDF emulator).',
  504: 'Gateway timeout (injected by the CDF emulator).',
};

function rate(text: string, entry: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new EmulatorError(`Fault '${entry}': the rate must be a number between 0 and 1.`);
  return n;
}

export function parseFaults(spec: string | undefined): FaultSpec {
  const out: FaultSpec = { statuses: [], latencyMs: 0, buildFailRate: 0, token: false };
  for (const raw of (spec ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const [key, value = ''] = entry.split(':').map((s) => s.trim());
    if (/^\d{3}$/.test(key) && Number(key) >= 400) {
      out.statuses.push({ status: Number(key), rate: rate(value, entry) });
    } else if (key === 'latency') {
      const m = /^(\d+)(ms|s)?$/.exec(value);
      if (!m) throw new EmulatorError(`Fault '${entry}': latency must look like 200ms or 1s.`);
      out.latencyMs = Number(m[1]) * (m[2] === 's' ? 1000 : 1);
    } else if (key === 'build-fail') {
      out.buildFailRate = rate(value, entry);
    } else if (key === 'token') {
      out.token = true;
    } else {
      throw new EmulatorError(`Unknown fault '${entry}' in --faults: use <status>:<rate> (e.g. 429:0.1), latency:<N>ms, build-fail:<rate> or token.`);
    }
  }
  return out;
}

/** mulberry32: tiny, fast and good enough to make fault patterns reproducible. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private spec: FaultSpec = parseFaults(undefined);
  private requestRng = seededRandom(1);
  private buildRng = seededRandom(2);

  constructor(spec: string | undefined, private readonly seed: number) {
    this.set(spec);
  }

  /** Replaces the spec and restarts the generators, so the same spec + seed replays the same faults. */
  set(spec: string | undefined): void {
    this.spec = parseFaults(spec);
    this.requestRng = seededRandom(this.seed);
    this.buildRng = seededRandom(this.seed ^ 0x9e3779b9);
  }

  appliesToToken(): boolean {
    return this.spec.token;
  }

  /** Waits the configured latency, then throws the injected error, if any, for one request. */
  async onRequest(): Promise<void> {
    if (this.spec.latencyMs) await new Promise((r) => setTimeout(r, this.spec.latencyMs));
    for (const { status, rate: p } of this.spec.statuses) {
      if (this.requestRng() < p) {
        throw new ApiError(status, MESSAGES[status] ?? `Error ${status} (injected by the CDF emulator).`, {}, status === 429 || status === 503 ? { 'retry-after': '1' } : {});
      }
    }
  }

  buildFails(): boolean {
    return this.spec.buildFailRate > 0 && this.buildRng() < this.spec.buildFailRate;
  }
}
