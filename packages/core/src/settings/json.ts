/** The normalised settings as plain JSON: the `settings` output and what packages embed. */
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

/** `{"include":[{"model": ...}]}` for a per-model job matrix. */
export function modelMatrix(loaded: LoadedSettings): { include: { model: string }[] } {
  return { include: loaded.models.map((m) => ({ model: m.modelName })) };
}
