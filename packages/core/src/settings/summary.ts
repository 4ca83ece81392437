/** One row per model for job summaries and the CLI: what will be deployed, on what, from where. */
import { artifactExternalId } from '../naming.js';
import { servicesOf, type Env, type LoadedSettings, type ModelSettings } from './types.js';

export const SUMMARY_HEADINGS = ['Model', 'Name', 'Service(s)', 'Runtime', 'Artifact source'];

/** Where the artifact deployed to `env` comes from, in words. */
export function describeArtifactSource(model: ModelSettings, env: Env): string {
  if (model.artifactFolder === null) return 'none (artifact_folder: null)';
  if (env === 'dev') return `local folder ${model.artifactFolder}`;
  const version = model.artifactVersion === null ? `latest in ${env}` : artifactExternalId(model.modelName, env, model.artifactVersion);
  return `Model Manager: ${version}${model.dataset ? ` (data set ${model.dataset})` : ''}`;
}

export function settingsSummaryRows(loaded: LoadedSettings, env: Env): string[][] {
  return loaded.models.map((m) => [
    m.modelName,
    m.humanFriendlyModelName,
    servicesOf(m).join(', '),
    m.platform === 'cdf' ? m.pythonVersion : `local (${m.pythonVersion})`,
    describeArtifactSource(m, env),
  ]);
}
