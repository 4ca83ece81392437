/** `mlops test`: the test-model action for a terminal. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  TEST_SUMMARY_HEADINGS, createCdfClient, formatProblem, parseEnv, parseNameList, parseService,
  testFailure, testModels, testSummaryRows,
} from '@akerbp-mlops/core';
import { cdfConfigFromEnv } from '../credentials.js';
import { cliLogger } from '../progress.js';
import { alignedTable } from '../table.js';
import { handler } from '../exit.js';
import { envOption, repoOptions, serviceOption, verboseOption, type RepoOptions } from '../options.js';
import { humanStream, jsonOption, printJson } from '../output.js';

/** Adds `mlops test`. */
export default function register(program: Command): void {
  const cmd = program
    .command('test')
    .summary("run a model's tests and its service test")
    .description(`Runs each model's test_file with pytest (other test files are not collected), then its service test: the packaged handler called locally with ServiceTest.prediction_input (or training_input) against an embedded CDF emulator, as the test-model action does. With --env test or prod, a missing artifact folder is downloaded from that environment first. CDF credentials (for that and for helper models) come from the COGNITE_* variables; the read pair is enough. Exit code 1 when anything fails.`)
    .addOption(envOption('environment a missing artifact folder is downloaded from: dev (none is), test or prod', 'dev'));
  repoOptions(cmd)
    .option('--python <path>', 'Python interpreter', 'python3')
    .option('--no-install', "do not pip install the model's requirements first")
    .addOption(serviceOption('service whose ServiceTest payload is run: prediction or training', 'prediction'));
  jsonOption(verboseOption(cmd)).action(handler(testCommand));
}

interface TestOptions extends RepoOptions {
  env: string;
  python: string;
  install: boolean;
  service: string;
  json?: boolean;
}

async function testCommand(values: TestOptions): Promise<number> {
  const log = cliLogger({ verbose: values.verbose });
  const results = await testModels({
    settingsFile: values.settings,
    workingDirectory: resolve(values.repo ?? '.'),
    models: parseNameList(values.models),
    python: values.python,
    installRequirements: values.install,
    service: parseService(values.service),
    outputDir: '.mlops/test',
    artifactEnv: parseEnv(values.env, '--env'),
    // Tests read, never write: the read pair is enough.
    cdfClient: () => createCdfClient(cdfConfigFromEnv(log, process.env, {
      readOnly: true, hint: 'without CDF, a missing artifact folder can be kept on disk and tested with --env dev (the default), but a helper model is always fetched from CDF',
    }), { access: 'read', log }),
    log,
  });
  const human = humanStream(values.json);
  human.write(`${alignedTable([TEST_SUMMARY_HEADINGS, ...testSummaryRows(results)], human)}\n`);
  for (const p of results.flatMap((r) => r.problems)) human.write(`  ${formatProblem(p)}\n`);
  const failed = testFailure(results);
  if (values.json) printJson({ ok: !failed, results });
  return failed ? 1 : 0;
}
