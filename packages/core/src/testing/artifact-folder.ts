/**
 * Artifact folders for the tests: model repositories never commit them, so outside dev the
 * folder the tests (and the package) need comes from the Model Manager, as the Python package did.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ArtifactSource } from '../packaging/sources.js';
import type { Env, ModelSettings } from '../settings/types.js';

/**
 * Outside dev, a model whose artifact folder is not on disk gets it downloaded (`version`, else
 * the settings' artifact_version, else the latest in `env`). When the source cannot be had (no
 * credentials): `required` fails at the settings' artifact_folder; otherwise it warns and the
 * tests report the missing folder. Returns the environment and version downloaded, null when
 * nothing was.
 */
export async function fetchMissingArtifactFolder(o: {
  repoRoot: string; model: ModelSettings; env: Env; version?: number | null; source: () => Promise<ArtifactSource>; required: boolean; log: Logger;
}): Promise<{ env: Env; version: number } | null> {
  const folder = o.model.artifactFolder;
  if (!folder || o.env === 'dev' || (await stat(join(o.repoRoot, folder)).catch(() => null))) return null;
  let source: ArtifactSource;
  try {
    source = await o.source();
  } catch (err) {
    if (!(err instanceof MlopsError)) throw err;
    if (o.required) {
      throw new MlopsError(`The artifact folder of model "${o.model.modelName}" is missing and cannot be downloaded from the Model Manager: ${err.message}`, [{
        file: o.model.source.file,
        line: o.model.source.line,
        field: 'artifact_folder',
        message: `${folder} is not on disk; outside dev (here ${o.env}) it is downloaded from CDF. Give the credentials, or create ${folder} locally.`,
      }]);
    }
    o.log.warning(`${folder} is not on disk and it cannot be downloaded (${err.message}).`, { file: o.model.source.file, line: o.model.source.line });
    return null;
  }
  const got = await o.log.group(`Download the artifacts of ${o.model.modelName} (${o.env})`, () => source.materialize(o.model, o.env, o.version ?? null, join(o.repoRoot, folder)));
  o.log.info(`${folder} was missing: downloaded artifact version ${got.version} (${o.env}) for the tests.`);
  return { env: o.env, version: got.version };
}
