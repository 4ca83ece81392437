#!/usr/bin/env node
import { MlopsError, formatProblem, settleUninterruptible, uninterruptibleRunning } from '@akerbp-mlops/core';
import { mlopsArguments } from './aliases.js';
import { EXIT, runCli } from './cli.js';
import { style } from './color.js';

/**
 * Ctrl+C exits 130, unless a command listens for it itself (the emulator and the demo stop
 * cleanly). Work that must not be cut half-way (replacing a serving function) finishes first;
 * a second Ctrl+C stops at once.
 */
function onInterrupt(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  if (!uninterruptibleRunning()) process.exit(EXIT.interrupted);
  process.stderr.write('\nInterrupted: finishing the function replacement under way so no model is left without its function (Ctrl+C again to stop now).\n');
  process.once(signal, () => process.exit(EXIT.interrupted));
  void settleUninterruptible().then(() => process.exit(EXIT.interrupted));
}
process.on('SIGINT', onInterrupt);

try {
  process.exitCode = await runCli(mlopsArguments(process.argv[1], process.argv.slice(2)));
} catch (err) {
  // User-fixable errors print as a paragraph plus one line per problem; never a stack trace.
  const prefix = style('red', 'error:', process.stderr);
  if (err instanceof MlopsError) {
    process.stderr.write(`${prefix} ${err.message}\n${err.problems.map((p) => `  ${formatProblem(p)}\n`).join('')}`);
  } else {
    process.stderr.write(`${prefix} ${(err as Error)?.message ?? String(err)}\n`);
    if (process.env.MLOPS_DEBUG) process.stderr.write(`${(err as Error)?.stack}\n`);
  }
  process.exitCode = EXIT.failure;
}
