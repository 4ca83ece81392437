/**
 * Work that must not be cut off half-way, such as replacing the serving function (delete, then
 * create): a step timeout lets it finish (it restores the old function on failure) before
 * stopping the process, so a timeout never leaves a model without its latest function.
 */
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
