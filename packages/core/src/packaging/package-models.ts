/** `package-model` / `mlops package`: settings → one zip per selected model. */
import { resolve } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import { cdfArtifactSource } from '../artifacts/source.js';
import { clientOnFirstUse } from '../cdf/client.js';
import { MlopsError } from '../errors.js';
import { prefixedLogger, type Logger } from '../logger.js';
import { loadSettings } from '../settings/load.js';
import type { Env, ModelSettings, Service } from '../settings/types.js';
import { servicesOf } from '../settings/types.js';
import { buildPackage, type BuiltPackage } from './build.js';
import { helperPackagesOf } from './helper-packages.js';
import { localArtifactSource, type ArtifactSource, type HelperPackageSource } from './sources.js';
import { SUITE_VERSION } from '../version.js';
import { withTempDir } from '../temp.js';


export type ArtifactSourceKind = 'local' | 'cdf';

/** `local` in dev (artifacts on disk), `cdf` (the Model Manager) everywhere else. */
export function parseArtifactSourceKind(value: string, env: Env): ArtifactSourceKind {
  const v = value.trim().toLowerCase();
  if (!v) return env === 'dev' ? 'local' : 'cdf';
  if (v === 'local' || v === 'cdf') return v;
  throw new MlopsError(`artifact-source must be local or cdf; found "${value}".`);
}

export interface PackageModelsOptions {
  settingsFile: string;
  workingDirectory: string;
  models: string[];
  env: Env;
  service: Service;
  artifactSource: ArtifactSourceKind;
  /** null = artifact_version from settings, else the latest */
  artifactVersion: number | null;
  outputDir: string;
  /** builds the CDF client, only called when artifacts or helper models' packages come from CDF */
  cdfClient?: () => Promise<CogniteClient>;
  /** absent: helper models' deployed packages are fetched from CDF with cdfClient */
  helperPackages?: HelperPackageSource;
  maxZipBytes?: number;
  log: Logger;
}

export interface PackagedModel extends BuiltPackage {
  model: string;
  service: Service;
  env: Env;
  version: number;
}

async function artifactSourceOf(o: PackageModelsOptions, repoRoot: string): Promise<ArtifactSource> {
  if (o.artifactSource === 'local') return localArtifactSource(repoRoot);
  if (!o.cdfClient) throw new MlopsError('The cdf artifact source needs CDF credentials; none were configured.');
  return cdfArtifactSource(await o.cdfClient(), undefined, o.log);
}

/** Packages one model: artifacts materialised into a scratch folder that is removed afterwards. */
export async function packageModel(o: PackageModelsOptions, repoRoot: string, model: ModelSettings, artifacts: () => Promise<ArtifactSource>): Promise<PackagedModel> {
  if (!servicesOf(model).includes(o.service)) {
    throw new MlopsError(`Model "${model.modelName}" has no ${o.service} service (info.${o.service} is missing).`, [{ file: model.source.file, line: model.source.line, field: `info.${o.service}`, message: `Add info.${o.service} to package its ${o.service} service.` }]);
  }
  return withTempDir('mlops-artifacts-', async (scratch) => {
    const art = model.artifactFolder ? await (await artifacts()).materialize(model, o.env, o.artifactVersion, scratch) : null;
    const version = art?.version ?? o.artifactVersion ?? model.artifactVersion ?? 1;
    const built = await buildPackage({
      repoRoot, model, service: o.service, env: o.env, version, artifactFolder: art?.folder ?? null,
      outputDir: resolve(repoRoot, o.outputDir), suiteVersion: SUITE_VERSION,
      helperPackages: o.helperPackages ?? helperPackagesOf(o.cdfClient, o.log), maxZipBytes: o.maxZipBytes, log: o.log,
    });
    return { ...built, model: model.modelName, service: o.service, env: o.env, version };
  });
}

export async function packageModels(o: PackageModelsOptions): Promise<PackagedModel[]> {
  const settings = await loadSettings({ file: o.settingsFile, repoRoot: o.workingDirectory, env: o.env, models: o.models.length ? o.models : undefined });
  const selected = o.models.length ? settings.models.filter((m) => o.models.includes(m.modelName)) : settings.models;
  // One client for artifacts and helper packages, made on first use.
  const shared: PackageModelsOptions = { ...o, cdfClient: o.cdfClient && clientOnFirstUse(o.cdfClient) };
  let source: Promise<ArtifactSource> | undefined;
  const artifacts = () => (source ??= artifactSourceOf(shared, settings.repoRoot));
  const out: PackagedModel[] = [];
  for (const model of selected) {
    // Several models share the step's log: every line names its model.
    const log = selected.length > 1 ? prefixedLogger(o.log, model.modelName, { groups: true }) : o.log;
    out.push(await packageModel({ ...shared, log }, settings.repoRoot, model, artifacts));
  }
  return out;
}

export function parseService(value: string): Service {
  const v = value.trim().toLowerCase() || 'prediction';
  if (v === 'prediction' || v === 'training') return v;
  throw new MlopsError(`service must be prediction or training; found "${value}".`);
}
