/** The services every endpoint module shares, wired together once by `startEmulator`. */
import type { Auth } from './auth.js';
import type { Blobs } from './blobs.js';
import type { Builds } from './builds.js';
import type { CallRunner } from './calls.js';
import type { Faults } from './faults.js';
import type { Interpreters } from './interpreters.js';
import type { Limits } from './limits.js';
import type { Scheduler } from './schedules.js';
import type { Store } from './store.js';

export interface Env {
  store: Store;
  blobs: Blobs;
  auth: Auth;
  faults: Faults;
  builds: Builds;
  calls: CallRunner;
  schedules: Scheduler;
  /** the interpreter for each runtime */
  interpreters: Interpreters;
  /** `http://host:port`, known once the server listens. */
  baseUrl(): string;
  project: string;
  /** Root of blobs, unpacked function code and call scratch folders. */
  workDir: string;
  buildDelayMs: number;
  callTimeoutMs: number;
  python: string;
  limits: Limits;
  /** How long a session's nonce can be bound, and how long a session lives. */
  nonceTtlMs: number;
  sessionTtlMs: number;
  log(line: string): void;
}
