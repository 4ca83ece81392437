/** The deploy contract: what `deployFunction` takes and reports (the deploy pipeline and the action build on it). */
import type { CogniteClient } from '@cognite/sdk';
import type { Logger } from '../logger.js';
import type { Env, ModelSettings, Service } from '../settings/types.js';
import type { IndexUrls } from './index-urls.js';

export interface DeployProvenance {
  gitSha?: string;
  runUrl?: string;
  /** GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT */
  runId?: string;
  runAttempt?: string;
  suiteVersion?: string;
}

export interface DeployOptions {
  /** write client */
  client: CogniteClient;
  model: ModelSettings;
  service: Service;
  env: Env;
  /** zip from buildPackage, and its sha256 */
  packagePath: string;
  packageSha256: string;
  /** artifact version deployed */
  version: number;
  /**
   * function secrets (already masked by the caller); undefined = not given (refused while the
   * serving function has secrets), `{}` = none, on purpose
   */
  secrets?: Record<string, string>;
  /** how the user gave `secrets`, for messages: `function-secrets` (default) or the CLI's `--secrets` */
  secretsField?: string;
  /** CDF credentials under the package's dashed keys (credential-secrets.ts), added to `secrets` */
  credentialSecrets?: Record<string, string>;
  /** package indexes CDF's build uses (`indexUrl`, `extraIndexUrls`); masked by the caller */
  indexUrls?: IndexUrls;
  /** longest wait for one build; default 1_500_000 */
  waitTimeoutMs?: number;
  /** default true */
  smokeTest?: boolean;
  /** payload for the smoke call; absent: `{}` (a keep-warm call), which must answer status ok */
  testPayload?: unknown;
  /**
   * the JSON file `testPayload` was read from (absolute); its path (never its content) is recorded
   * for the post step and the CLI's Ctrl-C check, which smoke-test the latest with the same payload
   */
  testPayloadFile?: string;
  /** versioned functions kept; default 3, 0 keeps all */
  keepVersions?: number | 'all';
  /** cron, or null for none; the caller applies the prod default */
  keepWarmSchedule?: string | null;
  dryRun?: boolean;
  /** replace a function at the latest external id that neither this suite nor the akerbp-mlops Python package made */
  adopt?: boolean;
  provenance?: DeployProvenance;
  log: Logger;
}

export interface DeployStage {
  name: string;
  ms: number;
  detail?: string;
}

export interface DeployResult {
  functionExternalId: string;
  functionId: number | null;
  versionedExternalId: string;
  version: number;
  modelId: string;
  codeFileId: number | null;
  codeSha256: string;
  previousVersion: number | null;
  changed: boolean;
  stages: DeployStage[];
  smokeTest: { status: string; ms: number } | null;
}
