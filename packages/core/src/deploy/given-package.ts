/**
 * Checks a zip handed to deploy-cdf-function (`package:`), whatever built it, before anything
 * reaches CDF: CDF's size limit for function code, `handler.py` at the root (CDF's default
 * function path), no credential files (by name, or a private key by content), no credentials in
 * any requirements file it holds, an `mlops_function.json` for this model, service,
 * environment and artifact version whose settings are the repository's settings now.
 *
 * A refused zip that lies in the suite's own output folder (`<working directory>/.mlops`) or in
 * `RUNNER_TEMP` is deleted, with its manifest, so no later step deploys it; a zip elsewhere is
 * the user's own file and is left alone.
 */
import { realpath, rm, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { MlopsError } from '../errors.js';
import { CDF_CODE_ZIP_LIMIT_BYTES, packagedSettings } from '../packaging/build.js';
import { isCredentialFile } from '../packaging/exclusions.js';
import { refuseRequirementCredentials } from '../packaging/requirement-credentials.js';
import type { Env, ModelSettings, Service } from '../settings/types.js';
import { readPackage, type PackageInfo } from './package-info.js';

/** The suite's output folder under the working directory (package-model's default is `.mlops/packages`). */
export const SUITE_OUTPUT_DIR = '.mlops';

export interface GivenPackageOptions {
  /** the zip, absolute */
  path: string;
  /** as the user gave it, for messages */
  shown: string;
  workingDirectory: string;
  /** models selected by the inputs (empty: any) */
  models: string[];
  service: Service;
  env: Env;
  /** null: any */
  artifactVersion: number | null;
  /** the repository's models, as loaded for this deploy */
  settings: ModelSettings[];
  /** CDF's limit; tests lower it */
  maxZipBytes?: number;
  /** `RUNNER_TEMP` etc.; default process.env */
  processEnv?: NodeJS.ProcessEnv;
}

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep);
}

/** Whether the zip is ours to delete: under `<working directory>/.mlops` or `RUNNER_TEMP`. */
async function suiteOwned(path: string, workingDirectory: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const real = await realpath(path).catch(() => null);
  if (!real) return false;
  const roots = [join(workingDirectory, SUITE_OUTPUT_DIR), env.RUNNER_TEMP?.trim()].filter((r): r is string => !!r);
  for (const root of roots) {
    const realRoot = await realpath(root).catch(() => null);
    if (realRoot && inside(realRoot, real)) return true;
  }
  return false;
}

/** Every reason to refuse the zip (empty: it is fine), and its info when readable. */
async function problemsOf(o: GivenPackageOptions): Promise<{ problems: string[]; info?: PackageInfo; model?: ModelSettings }> {
  const size = (await stat(o.path)).size;
  const limit = o.maxZipBytes ?? CDF_CODE_ZIP_LIMIT_BYTES;
  // Over the limit, nothing else is worth reading.
  if (size > limit) return { problems: [`it is ${size} bytes, over CDF's limit of ${limit} bytes for function code`] };
  const { info, infoProblem, entries, requirementFiles, privateKeys } = await readPackage(o.path);
  const problems: string[] = [];
  if (!entries.includes('handler.py')) problems.push('it has no handler.py at its root (CDF calls handle() in handler.py)');
  if (infoProblem) problems.push(infoProblem);
  const credentials = entries.filter((e) => !e.endsWith('/') && isCredentialFile(basename(e)));
  if (credentials.length) problems.push(`it holds credential files (${credentials.join(', ')}), which anyone with Files read access could download`);
  const keys = privateKeys.filter((k) => !credentials.includes(k.entry));
  if (keys.length) problems.push(`it holds credentials in files (${keys.map((k) => `${k.entry}: ${k.kind}`).join(', ')}), which anyone with Files read access could download`);
  for (const [file, text] of [...requirementFiles].sort(([a], [b]) => (a < b ? -1 : 1))) {
    try {
      refuseRequirementCredentials(text, file);
    } catch (err) {
      if (!(err instanceof MlopsError)) throw err;
      problems.push(`its ${file} carries credentials (${err.problems.map((p) => p.message.replace(/\.$/, '')).join('; ')})`);
    }
  }
  if (!info) return { problems };
  const mismatch = [
    o.models.length && !o.models.includes(info.model_name) ? `model ${info.model_name}, not ${o.models.join(', ')}` : '',
    info.service !== o.service ? `service ${info.service}, not ${o.service}` : '',
    info.env !== o.env ? `env ${info.env}, not ${o.env}` : '',
    o.artifactVersion !== null && info.version !== o.artifactVersion ? `artifact version ${info.version}, not ${o.artifactVersion}` : '',
  ].filter(Boolean);
  if (mismatch.length) problems.push(`it was built for ${mismatch.join('; ')}`);
  const model = o.settings.find((m) => m.modelName === info.model_name);
  if (!model) problems.push(`it is for model "${info.model_name}", which the settings do not define`);
  else {
    const now = JSON.parse(JSON.stringify(packagedSettings(model))) as Record<string, unknown>;
    const packaged = info.settings ?? {};
    const differ = [...new Set([...Object.keys(now), ...Object.keys(packaged)])].filter((k) => !isDeepStrictEqual(now[k], packaged[k])).sort();
    if (differ.length) problems.push(`its mlops_function.json records other settings than the repository's now (${differ.join(', ')} differ)`);
  }
  return { problems, info, model };
}

/**
 * Returns the package's info and model when the zip may be deployed. Otherwise throws one
 * MlopsError naming every problem, after deleting the zip when the suite owns it (see above).
 * A zip that does not exist is refused and, of course, not deleted.
 */
export async function checkGivenPackage(o: GivenPackageOptions): Promise<{ info: PackageInfo; model: ModelSettings }> {
  const exists = await stat(o.path).then((s) => s.isFile(), () => false);
  if (!exists) throw new MlopsError(`The package ${o.shown} does not exist (give package-model's package output, or leave package empty to build it here).`, [{ field: 'package', message: 'not found' }]);
  let found: Awaited<ReturnType<typeof problemsOf>>;
  try {
    found = await problemsOf(o);
  } catch (err) {
    if (!(err instanceof MlopsError)) throw err;
    found = { problems: [err.message] };
  }
  if (!found.problems.length && found.info && found.model) return { info: found.info, model: found.model };
  const owned = await suiteOwned(o.path, o.workingDirectory, o.processEnv ?? process.env);
  if (owned) await Promise.all([rm(o.path, { force: true }), rm(o.path.replace(/\.zip$/, '.manifest.json'), { force: true })]);
  throw new MlopsError(
    `The package ${o.shown} cannot be deployed: ${found.problems.join('; ')}. Nothing was created in CDF. ` +
      (owned ? 'It was deleted (it was in the suite\'s own output folder), so no later step deploys it. ' : 'It is your file and was left in place. ') +
      'Rebuild it with package-model (or mlops package) for this deploy, or leave package empty to build it here.',
    found.problems.map((message) => ({ field: 'package', message })),
  );
}
