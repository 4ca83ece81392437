/**
 * Where the parts of a package that are not in the repository come from: the model's artifacts
 * and the deployed packages of its helper models. Seams: the CDF implementations plug in here.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MlopsError } from '../errors.js';
import type { Env, HelperModel, ModelSettings } from '../settings/types.js';

export interface ArtifactSource {
  /**
   * Puts the artifact folder of `model` for `env` on disk (`version` null = the settings'
   * artifact_version, else the latest) and says where it is and which version it is.
   */
  materialize(model: ModelSettings, env: Env, version: number | null, destDir: string): Promise<{ version: number; folder: string }>;
}

export interface HelperPackageSource {
  /** Unpacks the deployed package of `helper` into `destDir` and returns the folder holding it. */
  fetch(helper: HelperModel, destDir: string): Promise<{ folder: string; version: number }>;
}

/**
 * Artifacts straight from the repository's artifact folder (dev). Local artifacts carry no
 * version of their own: they count as the requested one, else artifact_version, else 1.
 */
export function localArtifactSource(repoRoot: string): ArtifactSource {
  return {
    async materialize(model, _env, version) {
      if (!model.artifactFolder) throw new MlopsError(`Model "${model.modelName}" has no artifact_folder.`);
      const folder = join(repoRoot, model.artifactFolder);
      const info = await stat(folder).catch(() => null);
      if (!info?.isDirectory()) {
        throw new MlopsError(`The artifact folder of model "${model.modelName}" is missing.`, [{
          file: model.source.file,
          line: model.source.line,
          field: 'artifact_folder',
          message: `${model.artifactFolder} does not exist in ${repoRoot}; with the local artifact source the artifacts must be on disk (create them, or use artifact-source cdf).`,
        }]);
      }
      return { version: version ?? model.artifactVersion ?? 1, folder };
    },
  };
}

/** Stands in for the Model Manager until it lands: says so instead of pretending. */
export const cdfArtifactSourceUnavailable: ArtifactSource = {
  materialize() {
    return Promise.reject(new MlopsError('The cdf artifact source is not available yet in this version of akerbp/mlops; use artifact-source local with the artifact folder on disk.'));
  },
};
