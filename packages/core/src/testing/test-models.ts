/**
 * `test-model` / `mlops test`: for each model, fetch a missing artifact folder (outside dev),
 * package it as package-model does, make its requirements importable, run its pytest tests, then
 * the service test (against a local CDF holding the repository's other models: test-run.ts).
 * Every model is tested even when an earlier one fails; problems come back located for annotations.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import { MlopsError, type Problem } from '../errors.js';
import { prefixedLogger, type Logger } from '../logger.js';
import { extractZip } from '../packaging/unzip.js';
import { displayRepoPath, loadSettings } from '../settings/load.js';
import { count } from '../summary.js';
import { withTempDir } from '../temp.js';
import type { Env, LoadedSettings, ModelSettings, Service } from '../settings/types.js';
import type { TestSummary } from './junit.js';
import { runModelTests } from './pytest.js';
import { ensureRequirements } from './requirements.js';
import { runServiceTest, ServiceTestFailure } from './service-test.js';
import { TestRun } from './test-run.js';

export interface TestModelsOptions {
  settingsFile: string;
  workingDirectory: string;
  models: string[];
  python: string;
  installRequirements: boolean;
  service: Service;
  /** reports, payloads and packages go here (relative to the repository) */
  outputDir: string;
  /** whose artifacts a missing artifact folder is downloaded from; absent or dev: none is */
  artifactEnv?: Env;
  /**
   * the version of the tested models' artifacts to download when their folder is missing; null or
   * absent: the settings' artifact_version, else the latest. Never applied to the other models a
   * service test calls: they get their own settings' version, else their latest.
   */
  artifactVersion?: number | null;
  /** false: a missing artifact folder that cannot be downloaded is a warning (the tests then report it); default true */
  artifactRequired?: boolean;
  /** made on first use, only when an artifact folder must be downloaded or a helper model's package fetched */
  cdfClient?: () => Promise<CogniteClient>;
  /** settings validated by the caller, with only the models to test: not read (nor validated) again */
  settings?: Pick<LoadedSettings, 'repoRoot' | 'models' | 'allModels'>;
  /**
   * shared by the caller's test steps (the pipeline tests each model in its own step): the models
   * its service tests may call, packages and the local CDF; its options then replace this call's
   * artifact and client options. Absent: one made here from them, over the settings' models.
   */
  run?: TestRun;
  log: Logger;
}

export interface ModelTestResult {
  model: string;
  tests: TestSummary | null;
  junitFile: string | null;
  serviceTest: 'passed' | 'failed' | 'not run';
  /** the model_id the service test's response named (the artifact it really loaded) */
  modelId: string | null;
  payloadFile: string | null;
  problems: Problem[];
}

/**
 * A model's error as located problems: each located problem with the error's message; problems
 * with no file (e.g. one `export NAME=...` per missing credential) folded into one problem at
 * the model's settings, so the error's paragraph is printed once.
 */
function asProblems(err: unknown, model: ModelSettings): Problem[] {
  if (!(err instanceof MlopsError)) throw err;
  const located = err.problems.filter((p) => p.file);
  const loose = err.problems.filter((p) => !p.file);
  const problems: Problem[] = located.map((p) => ({ ...p, message: `${err.message} ${p.message}` }));
  if (loose.length || !located.length) {
    problems.push({ file: model.source.file, line: model.source.line, message: [err.message, ...loose.map((p) => p.message)].join(' ') });
  }
  return problems;
}

export async function testModels(o: TestModelsOptions): Promise<ModelTestResult[]> {
  // The service test runs the package of the artifacts on disk: the repo's, or the version
  // downloaded first outside dev (so the settings need not find them on disk then).
  const settings = o.settings ?? await loadSettings({ file: o.settingsFile, repoRoot: o.workingDirectory, env: o.artifactEnv ?? 'dev', models: o.models.length ? o.models : undefined });
  const repoRoot = settings.repoRoot;
  const out = join(repoRoot, o.outputDir);
  await mkdir(out, { recursive: true });
  const selected = settings.models.filter((m) => !o.models.length || o.models.includes(m.modelName));
  const version = o.artifactVersion;
  const run = o.run ?? new TestRun({
    // Every model of the file: a model asked for may call one that was not.
    repoRoot, settingsFile: o.settingsFile, models: settings.allModels ?? settings.models, python: o.python, outDir: out, artifactEnv: o.artifactEnv,
    artifactVersions: version == null ? undefined : Object.fromEntries(selected.map((m) => [m.modelName, version])),
    artifactRequired: o.artifactRequired, cdfClient: o.cdfClient,
  });
  const results: ModelTestResult[] = [];
  try {
    for (const model of selected) {
      // Several models share the step's log: every line names its model.
      const log = selected.length > 1 ? prefixedLogger(o.log, model.modelName, { groups: true }) : o.log;
      const result: ModelTestResult = { model: model.modelName, tests: null, junitFile: null, serviceTest: 'not run', modelId: null, payloadFile: null, problems: [] };
      results.push(result);
      try {
        const pkg = await run.packageFor(model, o.service, log);
        if (o.installRequirements) {
          await withTempDir('mlops-requirements-', async (codeDir) => {
            await extractZip(pkg.path, codeDir);
            await ensureRequirements({ python: o.python, codeDir, log, requirementsFile: { shown: displayRepoPath(repoRoot, model.reqFile), path: join(repoRoot, model.reqFile) } });
          });
        }
        if (model.testFile) {
          result.junitFile = join(out, `${model.modelName}-junit.xml`);
          result.tests = await runModelTests({ repoRoot, model, python: o.python, junitFile: result.junitFile, log });
          for (const f of result.tests.failures) result.problems.push({ file: f.file && displayRepoPath(repoRoot, f.file), line: f.line, message: `${f.name} failed: ${f.message}` });
        } else {
          log.warning(`Model "${model.modelName}" has no test_file: no tests and no service test run.`, { file: model.source.file, line: model.source.line });
          continue;
        }
        const emulator = await run.serviceTestCdf(model, log);
        result.serviceTest = 'failed';
        const payloadFile = join(out, `${model.modelName}-${o.service}-payload.json`);
        const served = await runServiceTest({ repoRoot, model, service: o.service, packagePath: pkg.path, python: o.python, payloadFile, emulator, env: run.env, log });
        result.modelId = served.modelId;
        result.payloadFile = payloadFile;
        result.serviceTest = 'passed';
      } catch (err) {
        // A failing ServiceTest check still names the artifact the service loaded.
        if (err instanceof ServiceTestFailure) result.modelId = err.modelId;
        result.problems.push(...asProblems(err, model));
      }
    }
  } finally {
    if (!o.run) await run.stop();
  }
  return results;
}

export const TEST_SUMMARY_HEADINGS = ['Model', 'Passed', 'Failed', 'Skipped', 'Service test', 'Model id'];

/** One summary row per model: the job summary and `mlops test` show the same figures. */
export function testSummaryRows(results: ModelTestResult[]): (string | number)[][] {
  return results.map((r) => [r.model, r.tests?.passed ?? '-', r.tests?.failed ?? '-', r.tests?.skipped ?? '-', r.serviceTest, r.modelId ?? '-']);
}

/**
 * The error that fails the step when any model failed, carrying every located problem; else null.
 * When several models were tested each problem starts with `[model] `, as their log lines do.
 */
export function testFailure(results: ModelTestResult[]): MlopsError | null {
  const failed = results.filter((r) => r.problems.length);
  if (!failed.length) return null;
  const problems = failed.flatMap((r) => (results.length > 1 ? r.problems.map((p) => ({ ...p, message: `[${r.model}] ${p.message}` })) : r.problems));
  return new MlopsError(`${failed.map((r) => r.model).join(', ')} failed testing (${count(problems.length, 'problem')}).`, problems);
}
