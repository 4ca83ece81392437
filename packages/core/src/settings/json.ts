/** The normalised settings as plain JSON: the `settings` output and what packages embed. */
import { setupPythonVersion, type PythonRuntime } from './runtimes.js';
import type { LoadedSettings, ModelSettings } from './types.js';

export interface SettingsJson {
  /** settings file, repo-relative */
  file: string;
  models: ModelSettings[];
}

/** A JSON-serialisable copy (no absolute paths, so it is the same on every machine). */
export function settingsToJson(loaded: LoadedSettings): SettingsJson {
  return JSON.parse(JSON.stringify({ file: loaded.file, models: loaded.models })) as SettingsJson;
}

/**
 * `{"include":[{"model": ..., "python": "3.11"}]}` for a per-model job matrix; `python` is the
 * model's python_version as actions/setup-python takes it, so the tests run on the deployed runtime.
 */
export function modelMatrix(loaded: LoadedSettings): { include: { model: string; python: string }[] } {
  return { include: loaded.models.map((m) => ({ model: m.modelName, python: setupPythonVersion(m.pythonVersion as PythonRuntime) })) };
}
