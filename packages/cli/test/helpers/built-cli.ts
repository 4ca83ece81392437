/**
 * Runs the built CLI as a user does: `node dist/cli/index.js ...` (build it first with
 * `node scripts/build.mjs dist cli`).
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..', '..');
export const CLI = join(repoRoot, 'dist', 'cli', 'index.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `mlops ...args` with the given environment added to (or, with `bareEnv`, replacing) this one. */
export function mlops(args: string[], options: SpawnSyncOptions & { env?: NodeJS.ProcessEnv; bareEnv?: boolean } = {}): CliRun {
  const { bareEnv, env, ...rest } = options;
  const run = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    ...rest,
    env: bareEnv ? { PATH: process.env.PATH, ...env } : { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
  });
  return { code: run.status, stdout: String(run.stdout), stderr: String(run.stderr) };
}
