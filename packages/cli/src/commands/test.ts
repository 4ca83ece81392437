/** `mlops test`: the test-model action for a terminal. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  TEST_SUMMARY_HEADINGS, consoleLogger, formatProblem, parseNameList, parseService, testFailure, testModels, testSummaryRows,
} from '@akerbp-mlops/core';
import { alignedTable } from '../table.js';
import { handler } from '../exit.js';
import { repoOptions, verboseOption, type RepoOptions } from '../options.js';

/** Adds `mlops test`. */
export default function register(program: Command): void {
  const cmd = program
    .command('test')
    .summary("run a model's tests and its service test")
    .description(`Runs each model's pytest tests, then its service test: the packaged handler called locally with ServiceTest.prediction_input (or training_input) against an embedded CDF emulator. Exit code 1 when anything fails.`);
  repoOptions(cmd)
    .option('--python <path>', 'Python interpreter', 'python3')
    .option('--no-install', "do not pip install the model's requirements first")
    .option('--service <name>', 'service whose ServiceTest payload is run: prediction or training', 'prediction');
  verboseOption(cmd).action(handler(testCommand));
}

interface TestOptions extends RepoOptions {
  python: string;
  install: boolean;
  service: string;
}

async function testCommand(values: TestOptions): Promise<number> {
  const results = await testModels({
    settingsFile: values.settings,
    workingDirectory: resolve(values.repo ?? '.'),
    models: parseNameList(values.models),
    python: values.python,
    installRequirements: values.install,
    service: parseService(values.service),
    outputDir: '.mlops/test',
    log: consoleLogger({ verbose: values.verbose }),
  });
  process.stdout.write(`${alignedTable([TEST_SUMMARY_HEADINGS, ...testSummaryRows(results)])}\n`);
  for (const p of results.flatMap((r) => r.problems)) process.stdout.write(`  ${formatProblem(p)}\n`);
  return testFailure(results) ? 1 : 0;
}
