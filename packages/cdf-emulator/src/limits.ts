/**
 * CDF Functions' limits per cloud, as docs.cognite.com/cdf/functions/technical and the
 * `GET /functions/limits` reference state them: cpu/memory ranges and defaults, the call
 * payload size, the runtimes and the function quota.
 */
import { EmulatorError } from './errors.js';

export type Cloud = 'azure' | 'gcp' | 'aws';
export const CLOUDS: readonly Cloud[] = ['azure', 'gcp', 'aws'];

export interface Range {
  min: number;
  max: number;
  default: number;
}

export interface CloudLimits {
  cpuCores: Range;
  memoryGb: Range;
  /** CDF ignores cpu/memory it cannot configure (Azure: "only the default value is used") instead of refusing them. */
  ignoresCpuMemory: boolean;
  /** Largest `data` of a call (JSON bytes). */
  payloadBytes: number;
}

/** Azure and AWS: cpu 1.0 and 1.5 GB, not configurable; GCP: default 1.0 cpu / 1.5 GB, up to 3.0 / 5.0. */
export const CLOUD_LIMITS: Record<Cloud, CloudLimits> = {
  azure: { cpuCores: { min: 1, max: 1, default: 1 }, memoryGb: { min: 1.5, max: 1.5, default: 1.5 }, ignoresCpuMemory: true, payloadBytes: 36 * 1000 },
  aws: { cpuCores: { min: 1, max: 1, default: 1 }, memoryGb: { min: 1.5, max: 1.5, default: 1.5 }, ignoresCpuMemory: false, payloadBytes: 240 * 1000 },
  gcp: { cpuCores: { min: 0.1, max: 3, default: 1 }, memoryGb: { min: 0.1, max: 5, default: 1.5 }, ignoresCpuMemory: false, payloadBytes: 9 * 1000 * 1000 },
};

/** The runtimes CDF offers today (py314 as cognite-sdk-python 8.13 lists it). */
export const DEFAULT_RUNTIMES = ['py310', 'py311', 'py312', 'py313', 'py314'];
/** Functions per project on every cloud. */
export const DEFAULT_MAX_FUNCTIONS = 100;
/** CDF's nonce lifetime: about a minute. */
export const DEFAULT_NONCE_TTL_MS = 60_000;
/** How long a client-credentials session lives when nobody revokes it (CDF refreshes such sessions; the emulator keeps them a year). */
export const DEFAULT_SESSION_TTL_MS = 365 * 24 * 3600 * 1000;

/** The limits the emulator enforces, as configured by startEmulator's options. */
export interface Limits extends CloudLimits {
  cloud: Cloud;
  runtimes: string[];
  maxFunctions: number;
}

/** Checks and completes the emulator's limit options (defaults: azure, py310–py314, 100). Throws EmulatorError. */
export function resolveLimits(o: { cloud?: string; runtimes?: string[]; maxFunctions?: number }): Limits {
  const cloud = (o.cloud ?? 'azure') as Cloud;
  if (!CLOUDS.includes(cloud)) throw new EmulatorError(`cloud must be one of ${CLOUDS.join(', ')}, got '${o.cloud}'.`);
  const runtimes = o.runtimes ?? DEFAULT_RUNTIMES;
  const bad = runtimes.find((r) => !/^py3\d{1,2}$/.test(r));
  if (runtimes.length === 0 || bad !== undefined) throw new EmulatorError(`runtimes must be a non-empty list like py311,py312; '${bad ?? ''}' is not a runtime.`);
  const maxFunctions = o.maxFunctions ?? DEFAULT_MAX_FUNCTIONS;
  if (!Number.isInteger(maxFunctions) || maxFunctions < 1) throw new EmulatorError(`maxFunctions must be a whole number ≥ 1, got ${maxFunctions}.`);
  return { ...CLOUD_LIMITS[cloud], cloud, runtimes, maxFunctions };
}
