/**
 * What would refuse a model's deploy, checked before any work is done for it (its tests, its
 * packages): a run that is going to be refused says so at once, not after minutes of pytest.
 * `deployFunction` checks the same again when it deploys (the serving function may change
 * meanwhile); this is the early answer, not the only one.
 */
import type { CogniteClient } from '@cognite/sdk';
import { retrieveFunctions } from '../cdf/functions.js';
import type { Logger } from '../logger.js';
import { functionExternalId } from '../naming.js';
import { readModelRequirements } from '../packaging/build.js';
import type { Env, ModelSettings, Service } from '../settings/types.js';
import { mergeCredentialSecrets, withoutCredentialSecrets } from './credential-secrets.js';
import { refuseSilentWipe, validateSecrets } from './secrets.js';

export interface PreflightOptions {
  client: CogniteClient;
  /** the repository root `model`'s paths are relative to */
  repoRoot: string;
  model: ModelSettings;
  services: Service[];
  env: Env;
  /** as DeployOptions: undefined = not given, `{}` = none on purpose */
  secrets?: Record<string, string>;
  credentialSecrets?: Record<string, string>;
  /** how the user gave `secrets`: `function-secrets` (default) or `--secrets` */
  secretsField?: string;
  log: Logger;
}

/**
 * Throws the MlopsError the deploy would throw later when: the secrets break CDF's rules or
 * clash with the credential secrets; the requirements file carries credentials; or the input is
 * empty while a serving `<model>-<service>-<env>` has secrets (one byids request for all
 * services). Changes nothing.
 */
export async function refuseDeployEarly(o: PreflightOptions): Promise<void> {
  const given = validateSecrets(o.secrets, o.secretsField);
  mergeCredentialSecrets(given, o.credentialSecrets ?? {}, o.secretsField);
  await readModelRequirements(o.repoRoot, o.model, o.log);
  if (given !== undefined || !o.services.length) return;
  const latest = await retrieveFunctions(o.client, o.services.map((s) => ({ externalId: functionExternalId(o.model.modelName, s, o.env) })));
  for (const fn of latest) refuseSilentWipe(given, withoutCredentialSecrets(fn), o.secretsField);
}
