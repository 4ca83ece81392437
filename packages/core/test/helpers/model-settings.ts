/** A model's settings as loadSettings returns them, for packaging tests that build zips without YAML. */
import type { ModelSettings } from '@akerbp-mlops/core';

/** `model1` with model_code/model1.py, its requirements, an artifact folder and a prediction service; `over` replaces fields. */
export function modelSettings(over: Partial<ModelSettings> = {}): ModelSettings {
  return {
    modelName: 'model1', humanFriendlyModelName: 'Model 1', modelFile: 'model_code/model1.py', reqFile: 'model_code/requirements.model',
    artifactFolder: 'model_artifact', artifactVersion: null, testFile: 'model_code/test_model1.py', platform: 'cdf', dataset: 'mlops',
    pythonVersion: 'py311', helperModels: [], retention: { keep: 3, from: 'default' }, info: { prediction: { description: 'd', owner: 'o@x.com', metadata: {} } },
    source: { file: 'mlops_settings.yaml', line: 1 }, ...over,
  };
}
