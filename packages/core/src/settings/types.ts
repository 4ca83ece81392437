/** The normalised, validated settings every other module consumes. */
import type { Problem } from '../errors.js';

export const ENVIRONMENTS = ['dev', 'test', 'prod'] as const;
export type Env = (typeof ENVIRONMENTS)[number];

export const SERVICES = ['prediction', 'training'] as const;
export type Service = (typeof SERVICES)[number];

export interface ServiceInfo {
  description: string;
  owner: string;
  /** CDF metadata values are strings; lists/numbers are stringified by `settings`. */
  metadata: Record<string, string>;
}

export interface HelperModel {
  /** model_name of the helper model */
  name: string;
  /** environment whose deployed package is fetched (default prod) */
  env: Env;
  /** pinned artifact version, or null for the latest */
  version: number | null;
  /** repo-relative folder the helper package is placed at inside the zip */
  targetPath: string;
  /** requirement names whose pins must agree between helper and main model */
  packagesToCheck: string[];
}

/**
 * Versioned functions kept per model, service and environment, from `models_to_keep` /
 * `keep_all_models` (the package's default: 3). `keep: 0` keeps only the one serving.
 */
export interface Retention {
  keep: number | 'all';
  from: 'models_to_keep' | 'keep_all_models' | 'default';
}

export const DEFAULT_MODELS_TO_KEEP = 3;

export interface ModelSettings {
  modelName: string;
  humanFriendlyModelName: string;
  /** repo-relative POSIX paths */
  modelFile: string;
  reqFile: string;
  artifactFolder: string | null;
  artifactVersion: number | null;
  testFile: string | null;
  platform: 'cdf' | 'local';
  dataset: string | null;
  /** CDF runtime id, e.g. `py311` */
  pythonVersion: string;
  helperModels: HelperModel[];
  retention: Retention;
  info: { prediction: ServiceInfo; training?: ServiceInfo };
  /** where this model's YAML document starts, for messages */
  source: { file: string; line: number };
}

export interface LoadedSettings {
  /** the settings file as given (repo-relative when inside the repo) */
  file: string;
  /** absolute path of the repository root (the settings file's folder unless told) */
  repoRoot: string;
  /** the models asked for (all when none were named) */
  models: ModelSettings[];
  /** every model of the file, also when only some were asked for (all are validated either way) */
  allModels?: ModelSettings[];
  /** what validate warns about (unknown keys, values PyYAML reads differently from their text, ...) */
  warnings: Problem[];
}

/** The model's services that have settings (training only when `info.training` exists). */
export function servicesOf(model: ModelSettings): Service[] {
  return model.info.training ? ['prediction', 'training'] : ['prediction'];
}
