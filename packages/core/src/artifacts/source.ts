/** The packaging seam's CDF implementation: artifacts come from the Model Manager. */
import type { CogniteClient } from '@cognite/sdk';
import type { Logger } from '../logger.js';
import type { ArtifactSource } from '../packaging/sources.js';
import { ModelManager } from './manager.js';

/**
 * `dataset` overrides the model's `dataset` setting; a `version` of null means the settings'
 * artifact_version, else the latest in `env`.
 */
export function cdfArtifactSource(client: CogniteClient, dataset?: string | null, log?: Logger): ArtifactSource {
  return {
    async materialize(model, env, version, destDir) {
      const manager = new ModelManager({ client, dataset: dataset !== undefined ? dataset : model.dataset, log });
      const v = await manager.download(model.modelName, env, version ?? model.artifactVersion, destDir);
      return { version: v.version, folder: destDir };
    },
  };
}
