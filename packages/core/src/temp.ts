/**
 * Scratch folders. On a GitHub runner they go under `RUNNER_TEMP` (the runner's per-job temporary
 * folder, emptied after each job; docs.github.com "Variables reference"), elsewhere under the
 * OS temporary folder. Each is removed when its work ends, whatever the outcome, and any still
 * present when the process exits (a step timeout, a signal handler calling `process.exit`) is
 * removed then.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where scratch folders go: `RUNNER_TEMP` when set, else the OS temporary folder. */
export function tempRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.RUNNER_TEMP?.trim() || tmpdir();
}

const live = new Set<string>();
let exitHook = false;

function removeAllSync(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

/**
 * Runs `body` with a fresh folder named `<prefix>XXXXXX` under `tempRoot()`, then removes the
 * folder (also when `body` throws). Returns what `body` returns.
 */
export async function withTempDir<T>(prefix: string, body: (dir: string) => Promise<T>): Promise<T> {
  const root = tempRoot();
  mkdirSync(root, { recursive: true });
  const dir = await mkdtemp(join(root, prefix));
  live.add(dir);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', removeAllSync);
  }
  try {
    return await body(dir);
  } finally {
    live.delete(dir);
    await rm(dir, { recursive: true, force: true });
  }
}
