/**
 * `deploy-cdf-function` / the CLI: pick the models, use the given zip or package each model,
 * read the smoke-test payload, and deploy one after the other.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import { cdfArtifactSource } from '../artifacts/source.js';
import { fusionFileUrl, fusionFunctionsUrl, type CdfSite } from '../cdf/fusion.js';
import { MlopsError } from '../errors.js';
import { shortSha, type CellValue } from '../summary.js';
import { prefixedLogger, type Logger } from '../logger.js';
import { functionExternalId } from '../naming.js';
import { packageModel } from '../packaging/package-models.js';
import { withTempDir } from '../temp.js';
import { SUITE_VERSION } from '../version.js';
import { localArtifactSource, type ArtifactSource } from '../packaging/sources.js';
import { loadSettings } from '../settings/load.js';
import type { Env, Service } from '../settings/types.js';
import { deployFunction } from './deploy.js';
import { hashFile } from './code-file.js';
import { checkGivenPackage } from './given-package.js';
import { maskIndexUrls, type IndexUrls } from './index-urls.js';
import type { DeployProvenance, DeployResult } from './types.js';

export interface DeployModelsOptions {
  client: CogniteClient;
  settingsFile: string;
  workingDirectory: string;
  /** empty: every model in the settings */
  models: string[];
  /**
   * package-model's `package` output: a zip, or a JSON map model → zip; then exactly those
   * packages are deployed (with `models`, the map's entries for those models).
   */
  packagePath?: string;
  service: Service;
  env: Env;
  /** null: the settings' artifact_version, else the latest */
  artifactVersion: number | null;
  /** undefined: not given (see secrets.ts); `{}`: none */
  secrets?: Record<string, string>;
  /** CDF credentials under the package's dashed keys, added to `secrets` */
  credentialSecrets?: Record<string, string>;
  indexUrls?: IndexUrls;
  /** a JSON file, or a JSON map model → file (test-model's output for several models) */
  testPayload?: string;
  waitTimeoutMs?: number;
  smokeTest: boolean;
  /** absent: each model's settings (models_to_keep / keep_all_models) decide */
  keepVersions?: number | 'all';
  keepWarmSchedule: string | null;
  dryRun: boolean;
  /** replace a function at the latest external id that neither this suite nor the akerbp-mlops Python package made */
  adopt?: boolean;
  provenance?: DeployProvenance;
  log: Logger;
}

export interface ModelDeploy extends DeployResult {
  model: string;
  service: Service;
}

/**
 * The smoke-test payload of `model` (`spec`: a JSON file, or a JSON map model → file) and the
 * absolute path it was read from; undefined (the smoke test then calls with {}, a keep-warm call)
 * when none is given or the file does not exist: a model without test_file has none. Throws
 * MlopsError for an unreadable file or one that is not JSON.
 */
export async function smokePayload(spec: string | undefined, model: string, workingDirectory: string, log: Logger): Promise<{ payload: unknown; file: string } | undefined> {
  if (!spec) return undefined;
  let file = spec;
  if (spec.trim().startsWith('{')) {
    const map = JSON.parse(spec) as Record<string, string>;
    if (!map[model]) return undefined;
    file = map[model];
  }
  const path = resolve(workingDirectory, file);
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw new MlopsError(`test-payload ${file} cannot be read (give test-model's test-payload output, a JSON file): ${err.message}`, [{ field: 'test-payload', message: `${path} is not readable` }]);
  });
  if (text === null) {
    log.warning(`test-payload ${file} does not exist (test-model writes none for a model without test_file): the smoke test calls ${model} with {} (a keep-warm call).`);
    return undefined;
  }
  try {
    return { payload: JSON.parse(text), file: path };
  } catch (err) {
    throw new MlopsError(`test-payload ${file} is not JSON: ${(err as Error).message}`, [{ file, field: 'test-payload', message: 'not JSON' }]);
  }
}

/**
 * The zips the `package` input names: one path, or package-model's JSON map model → path (the
 * entries of `models` when given). Throws MlopsError for a map that is not one, or lacks a model.
 */
function packagePaths(spec: string, models: string[]): string[] {
  if (!spec.trim().startsWith('{')) return [spec];
  let map: unknown;
  try {
    map = JSON.parse(spec);
  } catch (err) {
    throw new MlopsError(`package is neither a zip path nor package-model's JSON map model → zip: ${(err as Error).message}`, [{ field: 'package', message: 'not JSON' }]);
  }
  const entries = Object.entries(map as Record<string, unknown>);
  if (!entries.length || entries.some(([, v]) => typeof v !== 'string')) {
    throw new MlopsError('package must map each model to the path of its zip, as package-model\'s package output does.', [{ field: 'package', message: 'not a map model → path' }]);
  }
  if (!models.length) return entries.map(([, v]) => v as string);
  const missing = models.filter((m) => !(map as Record<string, unknown>)[m]);
  if (missing.length) {
    throw new MlopsError(`package has no zip for ${missing.join(', ')}; it has ${entries.map(([k]) => k).join(', ')}.`, [{ field: 'package', message: `no entry for ${missing.join(', ')}` }]);
  }
  return models.map((m) => (map as Record<string, string>)[m]);
}

/** Where a deployModels run stopped: the deploys that finished before, and the model that failed. */
export interface PartialDeploy {
  deployed: ModelDeploy[];
  failed: { model: string; service: Service; functionExternalId: string; message: string };
}

const partials = new WeakMap<object, PartialDeploy>();

/**
 * What a failed deployModels had done (its error is rethrown as it was): the step still writes
 * the outputs and summary rows of the models it deployed, and a row for the one that failed.
 * undefined for any other error.
 */
export function partialDeployOf(err: unknown): PartialDeploy | undefined {
  return typeof err === 'object' && err !== null ? partials.get(err) : undefined;
}

/**
 * Deploys each selected model (or each given package) one after the other; see DeployModelsOptions.
 * Stops at the first model that fails, rethrowing its error with what was done attached
 * (partialDeployOf).
 */
export async function deployModels(o: DeployModelsOptions): Promise<ModelDeploy[]> {
  for (const value of Object.values(o.secrets ?? {})) o.log.secret(value);
  maskIndexUrls(o.indexUrls, o.log);
  const workingDirectory = resolve(o.workingDirectory);
  const settings = await loadSettings({ file: o.settingsFile, repoRoot: workingDirectory, env: o.env, models: o.models.length ? o.models : undefined });
  // package-model's map model → zip: the entry of the model deployed here (one per step).
  const specs = o.packagePath ? packagePaths(o.packagePath, o.models) : [];
  if (specs.length > 1) throw new MlopsError(`package names ${specs.length} zips; deploy one model per step (set model).`, [{ field: 'package', message: 'several zips' }]);
  const packagePath = specs[0];
  // A given zip is checked whatever built it, before anything reaches CDF.
  const given = packagePath
    ? await checkGivenPackage({
        path: resolve(workingDirectory, packagePath), shown: packagePath, workingDirectory, models: o.models, service: o.service, env: o.env,
        artifactVersion: o.artifactVersion, settings: settings.models,
      })
    : null;
  const names = given ? [given.info.model_name] : o.models.length ? o.models : settings.models.map((m) => m.modelName);
  // Each model's artifacts are fetched under its own log, so its download lines name it.
  const artifacts = (log: Logger) => async (): Promise<ArtifactSource> => (o.env === 'dev' ? localArtifactSource(settings.repoRoot) : cdfArtifactSource(o.client, undefined, log));
  // The zips built here are scratch: removed when the deploy ends, whatever the outcome.
  return withTempDir('mlops-deploy-', async (outputDir) => {
    const out: ModelDeploy[] = [];
    for (const name of names) {
      // Several models share the step's log: every line names its model.
      const log = names.length > 1 ? prefixedLogger(o.log, name, { groups: true }) : o.log;
      const model = settings.models.find((m) => m.modelName === name);
      if (!model) throw new MlopsError(`Model "${name}" is not defined in ${settings.file}.`);
      try {
        const pkg = given
          ? { path: resolve(workingDirectory, packagePath as string), sha256: '', version: given.info.version }
          : await log.group(`Package ${name} ${o.service} (${o.env})`, () => packageModel({
              settingsFile: o.settingsFile, workingDirectory: o.workingDirectory, models: [name], env: o.env, service: o.service,
              artifactSource: o.env === 'dev' ? 'local' : 'cdf', artifactVersion: o.artifactVersion, outputDir,
              cdfClient: async () => o.client, log,
            }, settings.repoRoot, model, artifacts(log)));
        const sha256 = pkg.sha256 || (await hashFile(pkg.path)).sha256;
        const smoke = await smokePayload(o.testPayload, name, o.workingDirectory, log);
        const result = await deployFunction({
          client: o.client, model, service: o.service, env: o.env, packagePath: pkg.path, packageSha256: sha256, version: pkg.version,
          secrets: o.secrets, credentialSecrets: o.credentialSecrets, indexUrls: o.indexUrls, waitTimeoutMs: o.waitTimeoutMs, smokeTest: o.smokeTest, testPayload: smoke?.payload, testPayloadFile: smoke?.file,
          keepVersions: o.keepVersions, keepWarmSchedule: o.keepWarmSchedule, dryRun: o.dryRun, adopt: o.adopt,
          provenance: { suiteVersion: SUITE_VERSION, ...o.provenance }, log,
        });
        out.push({ ...result, model: name, service: o.service });
      } catch (err) {
        if (typeof err === 'object' && err !== null) {
          const message = err instanceof Error ? err.message : String(err);
          partials.set(err, { deployed: [...out], failed: { model: name, service: o.service, functionExternalId: functionExternalId(name, o.service, o.env), message } });
        }
        throw err;
      }
    }
    return out;
  });
}

export const DEPLOY_SUMMARY_HEADINGS = ['Function', 'Status', 'Version', 'Previous', 'Code', 'Stages (s)', 'Smoke test'];

/**
 * One row per deployed function, for the job summary and the terminal, and one for the model
 * that failed when given (its message may span lines: the summary folds all but the first). With
 * `site` (where the project lives) the function and its code file link to CDF's web UI.
 */
export function deploySummaryRows(results: ModelDeploy[], dryRun: boolean, site?: CdfSite, failed?: PartialDeploy['failed']): CellValue[][] {
  const failedRow: CellValue[][] = failed
    ? [[{ text: failed.functionExternalId, href: site && fusionFunctionsUrl(site) }, `failed: ${failed.message}`, '', '', '', '', '']]
    : [];
  return [...results.map((r): CellValue[] => [
    { text: `${r.functionExternalId} (${r.versionedExternalId})`, href: site && fusionFunctionsUrl(site) },
    dryRun ? (r.changed ? 'would change' : 'unchanged') : r.changed ? 'deployed' : 'unchanged',
    String(r.version),
    r.previousVersion === null ? '' : String(r.previousVersion),
    { text: shortSha(r.codeSha256), code: true, href: site && r.codeFileId !== null ? fusionFileUrl(site, r.codeFileId) : undefined },
    r.stages.map((s) => `${s.name} ${(s.ms / 1000).toFixed(1)}`).join(' · '),
    r.smokeTest ? `${r.smokeTest.status} (${(r.smokeTest.ms / 1000).toFixed(1)} s)` : 'not run',
  ]), ...failedRow];
}
