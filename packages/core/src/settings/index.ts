/** Settings: load and validate mlops_settings.yaml, and present the result. */
export * from './types.js';
export { loadSettings, displayPath, displayRepoPath, type LoadSettingsOptions } from './load.js';
export { settingsToJson, modelMatrix, type SettingsJson } from './json.js';
export { settingsSummaryRows, describeArtifactSource, SUMMARY_HEADINGS } from './summary.js';
export { parseEnv, parseNameList } from './inputs.js';
export { CDF_PYTHON_RUNTIMES, RECOMMENDED_RUNTIME, normalizePythonVersion, setupPythonVersion, type PythonRuntime } from './runtimes.js';
export {
  RESERVED_METADATA_KEYS,
  RESERVED_METADATA_BYTES,
  USER_METADATA_BUDGET,
  METADATA_LIMITS,
} from './metadata.js';
export { MODEL_NAME_PATTERN, MAX_MODEL_NAME_LENGTH } from './schema.js';
