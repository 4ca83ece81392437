/** Deploying packaged models as versioned and latest CDF Functions, safely. */
export * from './types.js';
export { deployFunction, stageRunner, functionOwner } from './deploy.js';
export { functionSpec, recreateSpec, deployedCode, LATEST_HINT } from './fields.js';
export { validateSecrets, parseSecretsJson, refuseSilentWipe, SECRET_LIMITS, FUNCTION_FIELD_VARIABLES } from './secrets.js';
export { credentialFingerprint, credentialsMatch, type FunctionCredentials } from './credential-fingerprint.js';
export { parseIndexUrls, maskIndexUrls, urlSecrets, type IndexUrls } from './index-urls.js';
export { PROD_KEEP_WARM_SCHEDULE, KEEP_WARM_NAME, parseKeepWarmSchedule, checkCron, applyKeepWarm, keepWarmOf } from './keep-warm.js';
export { planRetention, applyRetention, familyFiles, versionOfExternalId, ORPHAN_GRACE_MS, type RetentionPlan } from './retention.js';
export { replaceFunction, rollOut, smokeCall, createOrAdopt, SmokeTestError, DEFAULT_WAIT_TIMEOUT_MS, type SmokeResult, type RolloutOptions, type ReplaceOptions } from './rollout.js';
export {
  encodeSuiteMetadata, decodeSuiteMetadata, isPackageFunction, SUITE_METADATA_KEYS, SUITE_RECORD_KEY, SUITE_OWNER_MARKER, SUITE_RECORD_MAX_CHARS,
  type SuiteRecord, type SuiteMetadataInput, type DecodedSuiteMetadata, type RunRef, type SuiteMetadataKey,
} from './suite-metadata.js';
export { hashFile, CODE_FILE_PREFIX, isCodeFileExternalId, updateCodeFileState } from './code-file.js';
export { CREDENTIAL_SECRET_KEYS, credentialSecrets, credentialSecretsIfConfigured, mergeCredentialSecrets, readCredentialSecrets, withoutCredentialSecrets } from './credential-secrets.js';
export * from './progress.js';
export { checkRuntimeOffered } from './runtime.js';
export { readPackage, type PackageInfo, type PackageContents } from './package-info.js';
export { checkGivenPackage, SUITE_OUTPUT_DIR, type GivenPackageOptions } from './given-package.js';
export { deployModels, deploySummaryRows, partialDeployOf, smokePayload, DEPLOY_SUMMARY_HEADINGS, type DeployModelsOptions, type ModelDeploy, type PartialDeploy } from './deploy-models.js';
export * from './state.js';
