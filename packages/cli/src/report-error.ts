/** How the CLI prints a failure: a paragraph plus one line per located problem; never a stack trace. */
import { MlopsError, formatProblem } from '@akerbp-mlops/core';
import { style } from './color.js';

/** Writes `err` to stderr (its stack only with MLOPS_DEBUG set). */
export function printError(err: unknown): void {
  const prefix = style('red', 'error:', process.stderr);
  if (err instanceof MlopsError) {
    process.stderr.write(`${prefix} ${err.message}\n${err.problems.map((p) => `  ${formatProblem(p)}\n`).join('')}`);
  } else {
    process.stderr.write(`${prefix} ${(err as Error)?.message ?? String(err)}\n`);
    if (process.env.MLOPS_DEBUG) process.stderr.write(`${(err as Error)?.stack}\n`);
  }
}

/** The JSON document `--json` prints instead of a result when a command fails. */
export function errorDocument(err: unknown): { error: { message: string; problems: unknown[] } } {
  return { error: { message: (err as Error)?.message ?? String(err), problems: err instanceof MlopsError ? err.problems : [] } };
}
