/** Runs a model's test_file with pytest and reads the JUnit report. */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { displayRepoPath } from '../settings/load.js';
import type { ModelSettings } from '../settings/types.js';
import { parseJUnit, type TestSummary } from './junit.js';
import { modelPythonPath, runPython, tail } from './process.js';

export interface RunModelTestsOptions {
  repoRoot: string;
  model: ModelSettings;
  python: string;
  junitFile: string;
  log: Logger;
}

export async function runModelTests(o: RunModelTestsOptions): Promise<TestSummary> {
  if (!o.model.testFile) throw new MlopsError(`Model "${o.model.modelName}" has no test_file.`);
  await mkdir(dirname(o.junitFile), { recursive: true });
  await rm(o.junitFile, { force: true });
  const args = [
    '-m', 'pytest', o.model.testFile, `--junitxml=${o.junitFile}`,
    // One line per test as it finishes: the streamed log shows progress, not one line per file.
    '-v',
    // xunit1 records each test's file and line, which the annotations need.
    '-o', 'junit_family=xunit1',
    // The cache would be written into the user's repository.
    '-p', 'no:cacheprovider',
    // akerbp.mlops stays importable beside a regular (non-namespace) akerbp package.
    '-p', 'mlops_runtime.akerbp_path',
  ];
  // Streamed as pytest prints, so a slow or hanging test shows where it is.
  const run = await o.log.group(`pytest ${o.model.testFile}`, () =>
    runPython(o.python, args, { cwd: o.repoRoot, env: { PYTHONPATH: modelPythonPath(o.repoRoot) }, onLine: (line) => o.log.info(line) }));
  if (/No module named pytest/.test(run.stderr)) {
    throw new MlopsError(`pytest is not installed for "${o.python}"; add pytest to the model's requirements or run \`${o.python} -m pip install pytest\`.`);
  }
  const xml = await readFile(o.junitFile, 'utf8').catch(() => null);
  if (xml === null) {
    throw new MlopsError(`pytest did not run the tests of model "${o.model.modelName}" (exit code ${run.code}):\n${tail(`${run.stdout}\n${run.stderr}`)}`);
  }
  const summary = parseJUnit(xml, o.repoRoot);
  // pytest exits 5 when it collected nothing: not a failure, but worth saying.
  if (run.code === 5) o.log.warning(`No tests were collected from ${o.model.testFile}.`, { file: displayRepoPath(o.repoRoot, o.model.testFile) });
  return summary;
}
