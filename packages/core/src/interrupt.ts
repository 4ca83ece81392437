/**
 * Stopping safely. Two kinds of interruption reach a deploy:
 *
 * - A step timeout: work marked `uninterruptible` (replacing the serving function: delete, then
 *   create) finishes first, so a timeout never leaves a model without its latest function.
 * - A cancel (GitHub: SIGINT, 7.5 s later SIGTERM, 2.5 s later a kill of the process tree, per
 *   docs.github.com "Canceling a workflow"; Ctrl-C in a terminal): no new work starts
 *   (`throwIfCancelled` at each step boundary), and the urgent work registered with `onCancel`
 *   runs at once: if the latest function was deleted and not yet re-created, its create request
 *   is sent. Waiting for the build is left to the post step (or the CLI), as it takes minutes on CDF.
 */
import { MlopsError } from './errors.js';

const inFlight = new Set<Promise<unknown>>();

export function uninterruptible<T>(body: () => Promise<T>): Promise<T> {
  const running = body();
  inFlight.add(running);
  const forget = () => inFlight.delete(running);
  running.then(forget, forget);
  return running;
}

/** Whether any uninterruptible work is running. */
export function uninterruptibleRunning(): boolean {
  return inFlight.size > 0;
}

/** Resolves once no uninterruptible work is running (including work started meanwhile). */
export async function settleUninterruptible(): Promise<void> {
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}

/** Thrown at a step boundary once the run was cancelled: nothing new was started. */
export class CancelledError extends MlopsError {
  constructor(what: string) {
    super(`Cancelled: ${what} was not started.`);
    this.name = 'CancelledError';
  }
}

let cancelledBy: string | null = null;
const urgent = new Set<() => Promise<unknown>>();

export function isCancelled(): boolean {
  return cancelledBy !== null;
}

/** Call before starting a step: throws CancelledError (naming `what`) once the run was cancelled. */
export function throwIfCancelled(what: string): void {
  if (cancelledBy !== null) throw new CancelledError(what);
}

/**
 * Registers work that must be sent at once when the run is cancelled while it is registered (the
 * create request of a latest function that was just deleted). The work must be idempotent with
 * what the normal flow does next (share one promise). Returns the function that unregisters it.
 */
export function onCancel(work: () => Promise<unknown>): () => void {
  urgent.add(work);
  return () => urgent.delete(work);
}

/**
 * Marks the run cancelled and runs the registered urgent work, all at once, for at most
 * `limitMs` (GitHub kills the process 10 s after SIGINT). Resolves with the failures, if any.
 * Calling it again (SIGTERM after SIGINT) waits for the same work.
 */
export async function cancelRun(signal: string, limitMs = 6_000): Promise<string[]> {
  cancelledBy ??= signal;
  const work = [...urgent].map((w) => w().then(() => null, (err: Error) => err?.message ?? String(err)));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([`urgent work still running after ${limitMs / 1000} s`]), limitMs);
  });
  try {
    return await Promise.race([Promise.all(work).then((r) => r.filter((m): m is string => m !== null)), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Calls `handler` once on the first SIGINT or SIGTERM (later signals are ignored while it runs,
 * so the runner's SIGTERM does not cut the summary off). The handler decides when to exit.
 * Returns a function that removes the listeners.
 */
export function onTerminationSignal(handler: (signal: NodeJS.Signals) => Promise<void> | void): () => void {
  let started = false;
  const listener = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    void handler(signal);
  };
  process.on('SIGINT', listener);
  process.on('SIGTERM', listener);
  return () => {
    process.off('SIGINT', listener);
    process.off('SIGTERM', listener);
  };
}
