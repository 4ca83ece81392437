/**
 * `test-model` / `mlops test`: for each model, fetch a missing artifact folder (outside dev),
 * package it as package-model does, make its requirements importable, run its pytest tests, then
 * the service test. Every model is tested
 * even when an earlier one fails; problems come back located for annotations.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import { cdfArtifactSource } from '../artifacts/source.js';
import { clientOnFirstUse } from '../cdf/client.js';
import { MlopsError, type Problem } from '../errors.js';
import { prefixedLogger, type Logger } from '../logger.js';
import { packageModel, type PackageModelsOptions } from '../packaging/package-models.js';
import { localArtifactSource } from '../packaging/sources.js';
import { extractZip } from '../packaging/unzip.js';
import { displayRepoPath, loadSettings } from '../settings/load.js';
import { withTempDir } from '../temp.js';
import type { Env, LoadedSettings, ModelSettings, Service } from '../settings/types.js';
import { fetchMissingArtifactFolder } from './artifact-folder.js';
import type { TestSummary } from './junit.js';
import { runModelTests } from './pytest.js';
import { ensureRequirements } from './requirements.js';
import { runServiceTest, type EmulatorEndpoint } from './service-test.js';

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
  /** null or absent: the settings' artifact_version, else the latest */
  artifactVersion?: number | null;
  /** false: a missing artifact folder that cannot be downloaded is a warning (the tests then report it); default true */
  artifactRequired?: boolean;
  /** made on first use, only when an artifact folder must be downloaded or a helper model's package fetched */
  cdfClient?: () => Promise<CogniteClient>;
  /** settings validated by the caller, with only the models to test: not read (nor validated) again */
  settings?: Pick<LoadedSettings, 'repoRoot' | 'models'>;
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

function asProblems(err: unknown, model: ModelSettings): Problem[] {
  if (!(err instanceof MlopsError)) throw err;
  return err.problems.length ? err.problems.map((p) => ({ ...p, message: `${err.message} ${p.message}` })) : [{ file: model.source.file, line: model.source.line, message: err.message }];
}

export async function testModels(o: TestModelsOptions): Promise<ModelTestResult[]> {
  // The service test runs the package of the artifacts on disk: the repo's, or the version
  // downloaded first outside dev (so the settings need not find them on disk then).
  const settings = o.settings ?? await loadSettings({ file: o.settingsFile, repoRoot: o.workingDirectory, env: o.artifactEnv ?? 'dev', models: o.models.length ? o.models : undefined });
  const repoRoot = settings.repoRoot;
  const out = join(repoRoot, o.outputDir);
  await mkdir(out, { recursive: true });
  // One client, made on first use, for missing artifacts and helper models' packages.
  const shared = o.cdfClient && clientOnFirstUse(o.cdfClient);
  const packaging: PackageModelsOptions = {
    settingsFile: o.settingsFile, workingDirectory: repoRoot, models: [], env: 'dev', service: o.service, artifactSource: 'local',
    artifactVersion: null, outputDir: join(out, 'packages'), cdfClient: shared, log: o.log,
  };
  const local = localArtifactSource(repoRoot);
  let cdf: ReturnType<typeof cdfArtifacts> | undefined;
  const cdfArtifacts = async () => {
    if (!shared) throw new MlopsError('no CDF credentials were given.');
    return cdfArtifactSource(await shared(), undefined, o.log);
  };
  let emulator: (EmulatorEndpoint & { stop(): Promise<void> }) | undefined;
  const results: ModelTestResult[] = [];
  try {
    const selected = settings.models.filter((m) => !o.models.length || o.models.includes(m.modelName));
    for (const model of selected) {
      // Several models share the step's log: every line names its model.
      const log = selected.length > 1 ? prefixedLogger(o.log, model.modelName, { groups: true }) : o.log;
      const result: ModelTestResult = { model: model.modelName, tests: null, junitFile: null, serviceTest: 'not run', modelId: null, payloadFile: null, problems: [] };
      results.push(result);
      try {
        const downloaded = await fetchMissingArtifactFolder({
          repoRoot, model, env: o.artifactEnv ?? 'dev', version: o.artifactVersion, source: () => (cdf ??= cdfArtifacts()), required: o.artifactRequired ?? true, log,
        });
        // A downloaded version is packaged as what it is, so the service test's model_id names it.
        const pkg = await packageModel({ ...packaging, env: downloaded?.env ?? 'dev', artifactVersion: downloaded?.version ?? null, log }, repoRoot, model, async () => local);
        if (o.installRequirements) {
          await withTempDir('mlops-requirements-', async (codeDir) => {
            await extractZip(pkg.path, codeDir);
            await ensureRequirements({ python: o.python, codeDir, log });
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
        if (!emulator) {
          const { startEmulator } = await import('@akerbp-mlops/cdf-emulator');
          emulator = await startEmulator({ python: o.python });
        }
        result.serviceTest = 'failed';
        const payloadFile = join(out, `${model.modelName}-${o.service}-payload.json`);
        const served = await runServiceTest({ repoRoot, model, service: o.service, packagePath: pkg.path, python: o.python, payloadFile, emulator, log });
        result.modelId = served.modelId;
        result.payloadFile = payloadFile;
        result.serviceTest = 'passed';
      } catch (err) {
        result.problems.push(...asProblems(err, model));
      }
    }
  } finally {
    await emulator?.stop();
  }
  return results;
}

export const TEST_SUMMARY_HEADINGS = ['Model', 'Passed', 'Failed', 'Skipped', 'Service test', 'Model id'];

/** One summary row per model: the job summary and `mlops test` show the same figures. */
export function testSummaryRows(results: ModelTestResult[]): (string | number)[][] {
  return results.map((r) => [r.model, r.tests?.passed ?? '-', r.tests?.failed ?? '-', r.tests?.skipped ?? '-', r.serviceTest, r.modelId ?? '-']);
}

/** The error that fails the step when any model failed, carrying every located problem; else null. */
export function testFailure(results: ModelTestResult[]): MlopsError | null {
  const failed = results.filter((r) => r.problems.length);
  if (!failed.length) return null;
  const problems = failed.flatMap((r) => r.problems);
  return new MlopsError(`${failed.map((r) => r.model).join(', ')} failed testing (${problems.length} problem(s)).`, problems);
}
