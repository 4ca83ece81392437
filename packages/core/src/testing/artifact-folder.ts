/**
 * Artifact folders for the tests: model repositories never commit them, so outside dev the
 * folder the tests (and the package) need comes from the Model Manager, as the Python package did.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { collectFolder } from '../packaging/collect.js';
import type { ArtifactSource } from '../packaging/sources.js';
import type { Env, ModelSettings } from '../settings/types.js';

/**
 * Outside dev, a model whose artifact folder is not on disk gets it downloaded (`version`, else
 * the settings' artifact_version, else the latest in `env`). When the source cannot be had (no
 * credentials): `required` fails at the settings' artifact_folder; otherwise it warns and the
 * tests report the missing folder. Returns the environment and version downloaded, null when
 * nothing was. A download is recorded under `.mlops/downloaded-artifacts/` (outside the folder,
 * so its package is unchanged): a later step or run asking for that version (`version` or the
 * settings' artifact_version) in the same env that finds the folder unchanged (same files, sizes
 * and modification times) reports it as that version, not as a local dev folder.
 */
export async function fetchMissingArtifactFolder(o: {
  repoRoot: string; model: ModelSettings; env: Env; version?: number | null; source: () => Promise<ArtifactSource>; required: boolean; log: Logger;
}): Promise<{ env: Env; version: number } | null> {
  const folder = o.model.artifactFolder;
  if (!folder || o.env === 'dev') return null;
  const record = join(o.repoRoot, '.mlops', 'downloaded-artifacts', `${o.model.modelName}.json`);
  if (await stat(join(o.repoRoot, folder)).catch(() => null)) {
    const earlier = JSON.parse(await readFile(record, 'utf8').catch(() => 'null')) as { env: Env; version: number; fingerprint: string } | null;
    // Only for the version asked for: without one, a newer latest may exist (the folder is then the user's, as before).
    const asked = o.version ?? o.model.artifactVersion;
    if (!earlier || earlier.env !== o.env || earlier.version !== asked || earlier.fingerprint !== await fingerprint(o.repoRoot, folder)) return null;
    o.log.info(`${folder} is artifact version ${earlier.version} (${earlier.env}), downloaded by an earlier step and unchanged since.`);
    return { env: earlier.env, version: earlier.version };
  }
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
  await mkdir(dirname(record), { recursive: true });
  await writeFile(record, JSON.stringify({ env: o.env, version: got.version, fingerprint: await fingerprint(o.repoRoot, folder) }));
  return { env: o.env, version: got.version };
}

/** sha256 of the folder's file list with each file's size and modification time (ms). */
async function fingerprint(repoRoot: string, folder: string): Promise<string> {
  const entries = await collectFolder(join(repoRoot, folder), '', { allowedRoot: repoRoot, describe: (p) => p });
  const rows = await Promise.all(entries.map(async (e) => [e.zipPath, e.size, e.path ? (await stat(e.path)).mtimeMs : 0]));
  return createHash('sha256').update(JSON.stringify(rows.sort())).digest('hex');
}
