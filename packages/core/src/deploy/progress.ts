/**
 * What each deploy of this process is doing to a latest function, for the job summary of any
 * outcome (success, failure, timeout, cancel) and for the post step, which reads the ids from
 * GITHUB_STATE. Holds ids and external ids only, never secrets or payloads.
 */

export type SwitchPhase =
  /** reading CDF, uploading, building or smoke-testing the versioned function: the latest untouched */
  | 'preparing'
  /** the latest is being replaced (deleted, created, built, smoke-tested) */
  | 'switching'
  /** the latest is being restored to the deployment that served before */
  | 'restoring'
  /** finished: the latest serves what `serving` says */
  | 'done'
  /** stopped with an error; the latest serves what `serving` says */
  | 'failed';

export interface LatestProgress {
  /** `<model>-<service>-<env>` */
  latest: string;
  phase: SwitchPhase;
  /** one line for people: what answers calls to `latest` now */
  serving: string;
  /** the code file the latest should run once this run is through (the new deployment's) */
  targetFileId?: number;
  /** the versioned function of the proven deployment that served before (restore target) */
  previousVersioned?: string;
  /** the code file that deployment runs */
  previousFileId?: number;
  /** the JSON file of the deploy's smoke-test payload (a path: the post step reads it again) */
  payloadFile?: string;
}

const records = new Map<string, LatestProgress>();
const listeners = new Set<(all: LatestProgress[]) => void>();

/** Records (merges) what a deploy is doing to `latest` and tells the listeners. */
export function recordProgress(update: Partial<LatestProgress> & { latest: string }): void {
  const next = { ...(records.get(update.latest) ?? { phase: 'preparing', serving: '' }), ...update } as LatestProgress;
  records.set(update.latest, next);
  const all = progressRecords();
  for (const l of listeners) l(all);
}

export function progressRecords(): LatestProgress[] {
  return [...records.values()];
}

/** `listener` gets every record after each change (the actions save them to GITHUB_STATE). */
export function onProgress(listener: (all: LatestProgress[]) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Parses what `progressRecords` saved (the post step's STATE_ variable); [] for anything else. */
export function parseProgress(text: string | undefined): LatestProgress[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.filter((r): r is LatestProgress => typeof r?.latest === 'string' && typeof r?.phase === 'string') : [];
  } catch {
    return [];
  }
}
