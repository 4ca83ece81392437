/**
 * Builds the CDF Function zip of one model and service (contract C): runtime at the root, the
 * model's top folder, its artifacts, requirements.txt and mlops_function.json.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { assetDir } from '../assets.js';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { artifactExternalId, functionExternalId } from '../naming.js';
import { displayRepoPath } from '../settings/load.js';
import type { Env, ModelSettings, Service } from '../settings/types.js';
import { collectFolder, type ZipFileEntry } from './collect.js';
import { loadMlopsIgnore, MLOPSIGNORE } from './exclusions.js';
import { checkSharedPins, decodeRequirements, functionRequirements } from './requirements.js';
import { setupPythonVersion, type PythonRuntime } from '../settings/runtimes.js';
import { isRequirementsFileName, refuseRequirementCredentials } from './requirement-credentials.js';
import { helperPackagesOf } from './helper-packages.js';
import type { HelperPackageSource } from './sources.js';
import { writeDeterministicZip } from './zip.js';
import { withTempDir } from '../temp.js';

/**
 * CDF Files' limit for a function's code zip. Not stated in the CDF docs available offline; 100 MB
 * is the figure the team works with — check it against CDF before relying on the exact value.
 */
export const CDF_CODE_ZIP_LIMIT_BYTES = 100 * 1000 * 1000;

export interface BuildPackageOptions {
  repoRoot: string;
  model: ModelSettings;
  service: Service;
  env: Env;
  /** artifact version the package serves (part of model_id) */
  version: number;
  /** absolute path of the materialised artifact folder, null when the model has none */
  artifactFolder: string | null;
  outputDir: string;
  suiteVersion: string;
  /** absent: helper models cannot be fetched (no CDF credentials), a clear error if the model has any */
  helperPackages?: HelperPackageSource;
  /** zips above this fail; benchmarks lift it */
  maxZipBytes?: number;
  log: Logger;
}

export interface ManifestEntry {
  path: string;
  size: number;
}

export interface BuiltPackage {
  path: string;
  sha256: string;
  /**
   * sha256 (hex) of what the zip holds, its artifact version's label left out (`env`, `version`,
   * `model_id` in mlops_function.json): two packages of one service with the same files (code,
   * requirements, artifacts, helper models) have the same contentSha256 whatever artifact version
   * they are labelled with, so a service test of one tests the other.
   */
  contentSha256: string;
  size: number;
  manifest: ManifestEntry[];
  manifestPath: string;
}

/** What the runtime reads from mlops_function.json (contract C). */
/**
 * The model's settings as mlops_function.json records them: everything but `source` (which
 * locates YAML for messages; machine paths would break determinism).
 */
export function packagedSettings(model: ModelSettings): Omit<ModelSettings, 'source'> {
  const { source: _where, ...settings } = model;
  return settings;
}

/** The keys of mlops_function.json that name the artifact version a package is labelled with. */
const LABEL_KEYS = ['env', 'version', 'model_id'];

/** See BuiltPackage.contentSha256: one line per file, mlops_function.json without its label. */
function contentSha256(files: Map<string, string>, config: Buffer): string {
  const unlabelled = Object.fromEntries(Object.entries(JSON.parse(config.toString('utf8')) as Record<string, unknown>).filter(([k]) => !LABEL_KEYS.includes(k)));
  const lines = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, sha]) => JSON.stringify([path, path === 'mlops_function.json' ? createHash('sha256').update(JSON.stringify(unlabelled)).digest('hex') : sha]));
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

function functionConfig(o: BuildPackageOptions): Buffer {
  const settings = packagedSettings(o.model);
  const config = {
    model_name: o.model.modelName,
    service: o.service,
    env: o.env,
    version: o.version,
    model_id: artifactExternalId(o.model.modelName, o.env, o.version),
    model_file: o.model.modelFile,
    artifact_folder: o.model.artifactFolder,
    dataset: o.model.dataset,
    suite_version: o.suiteVersion,
    settings,
  };
  return Buffer.from(`${JSON.stringify(config, null, 2)}\n`);
}

/**
 * The model's requirements file (`req_file`, relative to `repoRoot`) as text, as it goes into
 * the zip: UTF-16 / BOM decoded with a warning on `log`. Throws MlopsError when it cannot be
 * read, has another encoding, or carries credentials (requirement-credentials.ts), so a deploy
 * can check it before any work.
 */
export async function readModelRequirements(repoRoot: string, model: ModelSettings, log: Logger): Promise<string> {
  const rel = model.reqFile;
  let bytes: Buffer;
  try {
    bytes = await readFile(join(repoRoot, rel));
  } catch {
    throw new MlopsError(`Cannot read ${rel} for model "${model.modelName}".`, [{ file: model.source.file, line: model.source.line, field: 'req_file', message: `${rel} does not exist or cannot be read.` }]);
  }
  // Problems and annotations name the file as the user sees it (models/sonic/model_code/...).
  const shown = displayRepoPath(repoRoot, rel);
  const { text, warning } = decodeRequirements(bytes, shown);
  if (warning) log.warning(`${shown} ${warning}.`, { file: shown, line: 1 });
  refuseRequirementCredentials(text, shown);
  return text;
}

/**
 * Every other requirements file the zip would ship from the repository (the whole model folder goes
 * in: `requirements-dev.txt`, `constraints.txt`…), checked for credentials as `req_file` is
 * (readModelRequirements). Files over 1 MB are no requirements files. Throws MlopsError.
 */
async function refuseShippedRequirementCredentials(entries: ZipFileEntry[], reqFile: string, repoRoot: string): Promise<void> {
  for (const e of entries) {
    if (!e.path || relative(repoRoot, e.path).startsWith('..') || e.size > 1_000_000 || e.zipPath === reqFile || !isRequirementsFileName(posix.basename(e.zipPath))) continue;
    const shown = displayRepoPath(repoRoot, relative(repoRoot, e.path));
    refuseRequirementCredentials(decodeRequirements(await readFile(e.path), shown).text, shown);
  }
}

export async function buildPackage(o: BuildPackageOptions): Promise<BuiltPackage> {
  const { repoRoot, model } = o;
  const describe = (p: string) => relative(repoRoot, p) || '.';
  const topFolder = model.modelFile.split('/')[0];
  if (topFolder === model.modelFile) {
    throw new MlopsError(`model_file must be inside a folder: the whole top folder is deployed.`, [{ file: model.source.file, line: model.source.line, field: 'model_file', message: `${model.modelFile} is at the repository root; move it into a folder such as model_code/.` }]);
  }
  const requirementsText = await readModelRequirements(repoRoot, model, o.log);
  const entries: ZipFileEntry[] = [];
  const addBuffer = (zipPath: string, data: Buffer) => entries.push({ zipPath, size: data.length, data });

  entries.push(...await collectFolder(assetDir('runtime'), '', { allowedRoot: assetDir('runtime'), describe: (p) => p, skip: ['tests', 'test'] }));
  const config = functionConfig(o);
  addBuffer('mlops_function.json', config);
  addBuffer('requirements.txt', Buffer.from(functionRequirements(requirementsText)));
  const ignored = await loadMlopsIgnore(repoRoot);
  if (ignored(model.modelFile)) {
    throw new MlopsError(`${MLOPSIGNORE} excludes ${model.modelFile}, the model_file of model "${model.modelName}"; the function could not load the model. Narrow the pattern in ${MLOPSIGNORE}.`, [{ file: displayRepoPath(repoRoot, MLOPSIGNORE), field: 'model_file', message: `${model.modelFile} is ignored` }]);
  }
  entries.push(...await collectFolder(join(repoRoot, topFolder), topFolder, { allowedRoot: repoRoot, describe, ignored, log: o.log }));

  if (model.artifactFolder) {
    const { artifactFolder: setting } = model;
    const folder = o.artifactFolder;
    if (!folder) throw new MlopsError(`Model "${model.modelName}" declares artifact_folder ${setting} but no artifacts were provided to the packager.`);
    const downloaded = relative(repoRoot, folder).startsWith('..');
    // A downloaded artifact sits in a scratch folder: its files are named by the artifact_folder setting.
    const describeArtifact = downloaded ? (p: string) => `${posix.join(setting, relative(folder, p).split(sep).join('/'))} (in the downloaded artifact)` : describe;
    entries.push(...await collectFolder(folder, setting, { allowedRoot: downloaded ? folder : repoRoot, describe: describeArtifact, ignored, log: o.log }));
  }

  await refuseShippedRequirementCredentials(entries, model.reqFile, repoRoot);

  return withTempDir('mlops-helpers-', async (scratch) => {
    const helpers = o.helperPackages ?? helperPackagesOf(undefined, o.log);
    for (const helper of model.helperModels) {
      const dest = join(scratch, helper.name);
      await mkdir(dest, { recursive: true });
      const fetched = await helpers.fetch(helper, dest).catch((err: unknown) => {
        if (!(err instanceof MlopsError) || err.problems.length) throw err;
        throw new MlopsError(err.message, [{ file: model.source.file, line: model.source.line, field: 'helper_models', message: `${helper.name} cannot be fetched.` }]);
      });
      const helperReqs = await readFile(join(fetched.folder, 'requirements.txt'), 'utf8').catch(() => '');
      checkSharedPins(helper.packagesToCheck, { file: displayRepoPath(repoRoot, model.reqFile), text: requirementsText }, { name: helper.name, file: `${helper.name} v${fetched.version} requirements.txt`, text: helperReqs }, { pythonVersion: setupPythonVersion(model.pythonVersion as PythonRuntime) });
      entries.push(...await collectFolder(fetched.folder, helper.targetPath, { allowedRoot: fetched.folder, describe: (p) => `${helper.name}:${relative(fetched.folder, p)}`, log: o.log }));
    }
    // A repo artifact folder inside the top folder is listed twice; same file, so keep one.
    const unique = new Map<string, ZipFileEntry>();
    for (const e of entries) {
      const prev = unique.get(e.zipPath);
      if (prev && prev.path !== e.path) {
        throw new MlopsError(`Two different files would be written to ${e.zipPath} in the zip of model "${model.modelName}" (${prev.path ?? 'generated'} and ${e.path ?? 'generated'}); rename one of them.`);
      }
      unique.set(e.zipPath, e);
    }
    await mkdir(o.outputDir, { recursive: true });
    const name = functionExternalId(model.modelName, o.service, o.env);
    const path = join(o.outputDir, `${name}.zip`);
    const manifestPath = join(o.outputDir, `${name}.manifest.json`);
    // A zip this run refused (or failed to finish) must not be left for a later step to deploy.
    const discard = () => Promise.all([rm(path, { force: true }), rm(manifestPath, { force: true })]);
    const { sha256, size, files } = await writeDeterministicZip([...unique.values()], path).catch(async (err: unknown) => {
      await discard();
      throw err;
    });
    const manifest = [...unique.values()].map((e) => ({ path: e.zipPath, size: e.size })).sort((a, b) => (a.path < b.path ? -1 : 1));
    const limit = o.maxZipBytes ?? CDF_CODE_ZIP_LIMIT_BYTES;
    if (size > limit) {
      await discard();
      const largest = [...manifest].sort((a, b) => b.size - a.size).slice(0, 5).map((f) => `${f.path} (${f.size} bytes)`).join(', ');
      throw new MlopsError(`The package of model "${model.modelName}" is ${size} bytes, over CDF's limit of ${limit} bytes for function code; it was deleted. Largest files: ${largest}. Keep large data out of the model folder and artifacts (or list it in .mlopsignore).`);
    }
    await writeFile(manifestPath, `${JSON.stringify({ package: `${name}.zip`, sha256, size, files: manifest }, null, 2)}\n`);
    o.log.info(`Packaged ${name}: ${manifest.length} files, ${size} bytes, sha256 ${sha256}`);
    return { path, sha256, contentSha256: contentSha256(files, config), size, manifest, manifestPath };
  });
}
