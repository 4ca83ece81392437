#!/usr/bin/env node
import { settleUninterruptible, uninterruptibleRunning } from '@akerbp-mlops/core';
import { mlopsArguments } from './aliases.js';
import { EXIT, runCli } from './cli.js';
import { printJson } from './output.js';
import { stopProgress } from './progress.js';
import { errorDocument, printError } from './report-error.js';

/**
 * Ctrl+C exits 130, unless a command listens for it itself (the emulator and the demo stop
 * cleanly). Work that must not be cut half-way (replacing a serving function) finishes first;
 * a second Ctrl+C stops at once.
 */
function onInterrupt(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  stopProgress();
  if (!uninterruptibleRunning()) process.exit(EXIT.interrupted);
  process.stderr.write('\nInterrupted: finishing the function replacement under way so no model is left without its function (Ctrl+C again to stop now).\n');
  process.once(signal, () => process.exit(EXIT.interrupted));
  void settleUninterruptible().then(() => process.exit(EXIT.interrupted));
}
process.on('SIGINT', onInterrupt);

/**
 * A reader that closed the pipe (`mlops --help | head -1`, quitting `less`) ends the program
 * quietly, as git and gh do, with the exit code so far; other stream errors stay fatal.
 */
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? EXIT.ok);
  });
}

const argv = mlopsArguments(process.argv[1], process.argv.slice(2), process.env);
try {
  process.exitCode = await runCli(argv);
} catch (err) {
  stopProgress();
  printError(err);
  // A script reading --json output still gets one document, saying what went wrong.
  if (argv.includes('--json')) printJson(errorDocument(err));
  process.exitCode = EXIT.failure;
}
