/** `mlops test`: the test-model action for a terminal. */
import { resolve } from 'node:path';
import {
  TEST_SUMMARY_HEADINGS, consoleLogger, formatProblem, parseNameList, parseService, testFailure, testModels, testSummaryRows,
} from '@akerbp-mlops/core';
import { alignedTable } from '../table.js';
import { parseCommand, repoOptions } from '../options.js';

const USAGE = `Usage: mlops test [--settings FILE] [--repo DIR] [--models a,b] [--python PATH]
                  [--no-install] [--service prediction|training] [--verbose]

Runs each model's pytest tests, then its service test: the packaged handler called locally with
ServiceTest.prediction_input (or training_input) against an embedded CDF emulator. Exit code 1
when anything fails.

  --settings FILE   settings file, relative to the repository (default: mlops_settings.yaml)
  --repo DIR        the model repository (default: the current folder)
  --models LIST     only these models (comma-separated)
  --python PATH     Python interpreter (default: python3)
  --no-install      do not pip install the model's requirements first
  --service NAME    service whose ServiceTest payload is run (default: prediction)
`;

export default async function testCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(args, USAGE, {
    ...repoOptions,
    python: { type: 'string' },
    'no-install': { type: 'boolean' },
    service: { type: 'string' },
  });
  if (!parsed) return 0;
  const { values } = parsed;
  const results = await testModels({
    settingsFile: values.settings ?? 'mlops_settings.yaml',
    workingDirectory: resolve(values.repo ?? '.'),
    models: parseNameList(values.models),
    python: values.python ?? 'python3',
    installRequirements: !values['no-install'],
    service: parseService(values.service ?? ''),
    outputDir: '.mlops/test',
    log: consoleLogger({ verbose: values.verbose }),
  });
  process.stdout.write(`${alignedTable([TEST_SUMMARY_HEADINGS, ...testSummaryRows(results)])}\n`);
  for (const p of results.flatMap((r) => r.problems)) process.stdout.write(`  ${formatProblem(p)}\n`);
  return testFailure(results) ? 1 : 0;
}
