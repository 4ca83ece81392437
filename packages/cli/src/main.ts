#!/usr/bin/env node
import { MlopsError, formatProblem } from '@akerbp-mlops/core';
import { runCli } from './cli.js';
import './commands/index.js';

try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (err) {
  // User-fixable errors print as a paragraph plus one line per problem; never a stack trace.
  if (err instanceof MlopsError) {
    process.stderr.write(`error: ${err.message}\n${err.problems.map((p) => `  ${formatProblem(p)}\n`).join('')}`);
  } else {
    process.stderr.write(`error: ${(err as Error)?.message ?? String(err)}\n`);
    if (process.env.MLOPS_DEBUG) process.stderr.write(`${(err as Error)?.stack}\n`);
  }
  process.exitCode = 1;
}
