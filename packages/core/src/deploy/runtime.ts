/** The model's runtime against the CDF project's own list, when credentials let us ask. */
import type { CogniteClient } from '@cognite/sdk';
import { functionsLimits } from '../cdf/functions.js';
import { MlopsError } from '../errors.js';
import type { ModelSettings } from '../settings/types.js';

/**
 * Throws MlopsError (naming the settings file, the model's line and `python_version`) when the
 * project's `GET /functions/limits` does not list the model's runtime. The settings check
 * offline against CDF_PYTHON_RUNTIMES; this is the live list, which wins.
 */
export async function checkRuntimeOffered(client: CogniteClient, model: Pick<ModelSettings, 'modelName' | 'pythonVersion' | 'source'>): Promise<void> {
  const { runtimes } = await functionsLimits(client);
  if (!Array.isArray(runtimes) || runtimes.includes(model.pythonVersion)) return;
  const message = `${model.pythonVersion} is not a runtime this CDF project offers (GET /functions/limits lists ${runtimes.join(', ')})`;
  throw new MlopsError(`${model.source.file}, line ${model.source.line}: model "${model.modelName}": python_version ${message}.`, [
    { file: model.source.file, line: model.source.line, field: `${model.modelName}.python_version`, message },
  ]);
}
