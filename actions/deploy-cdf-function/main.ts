import {
  DEPLOY_SUMMARY_HEADINGS, deployModels, deploySummaryRows, parseVersionArgument, parseEnv, parseKeepWarmSchedule,
  parseIndexUrls, parseKeepVersions, parseNameList, parseSecretsJson, parseService, parseWholeNumber, perModel, provenanceFromEnv,
} from '@akerbp-mlops/core';
import {
  booleanInput, cdfClientFromInputs, credentialSecretsFromInputs, guardDeploy, input, markdownTable, runAction, secretInput, servingSection, setOutputs, withStepTimeout, writeSummary,
} from '@akerbp-mlops/core/report';

guardDeploy('deploy-cdf-function');
await runAction('deploy-cdf-function', (log) =>
  withStepTimeout('deploy-cdf-function', async () => {
    const env = parseEnv(input('env') || 'test');
    const secrets = parseSecretsJson(secretInput('function-secrets'));
    const indexUrls = parseIndexUrls(secretInput('index-url'), secretInput('extra-index-urls'));
    const dryRun = booleanInput('dry-run', false);
    const client = await cdfClientFromInputs(log, 'write');
    const results = await deployModels({
      client,
      settingsFile: input('settings-file') || 'mlops_settings.yaml',
      workingDirectory: input('working-directory') || '.',
      models: [...new Set([...parseNameList(input('models')), ...parseNameList(input('model'))])],
      packagePath: input('package') || undefined,
      service: parseService(input('service')),
      env,
      artifactVersion: parseVersionArgument(input('artifact-version'), 'artifact-version'),
      secrets,
      credentialSecrets: credentialSecretsFromInputs(log),
      indexUrls,
      testPayload: input('test-payload') || undefined,
      waitTimeoutMs: parseWholeNumber(input('wait-timeout-seconds'), 'wait-timeout-seconds', 1, 1500) * 1000,
      smokeTest: booleanInput('smoke-test', true),
      keepVersions: parseKeepVersions(input('keep-versions')),
      keepWarmSchedule: parseKeepWarmSchedule(input('keep-warm-schedule'), env),
      dryRun,
      adopt: booleanInput('adopt', false),
      provenance: provenanceFromEnv(),
      log,
    });
    const per = <T>(pick: (r: (typeof results)[number]) => T) => perModel(results.map((r) => [r.model, pick(r)]));
    setOutputs({
      'function-external-id': per((r) => r.functionExternalId),
      'function-id': per((r) => (r.functionId === null ? '' : String(r.functionId))),
      'versioned-external-id': per((r) => r.versionedExternalId),
      version: per((r) => String(r.version)),
      'model-id': per((r) => r.modelId),
      'code-file-id': per((r) => (r.codeFileId === null ? '' : String(r.codeFileId))),
      'code-sha256': per((r) => r.codeSha256),
      'previous-version': per((r) => (r.previousVersion === null ? '' : String(r.previousVersion))),
      changed: per((r) => String(r.changed)),
    });
    await writeSummary(`### 🚀 ${dryRun ? 'Dry run: ' : ''}CDF Functions (${env})\n\n${markdownTable(DEPLOY_SUMMARY_HEADINGS, deploySummaryRows(results, dryRun))}\n${servingSection()}`);
  }).catch(async (err: unknown) => {
    // Failure and timeout: the summary still says what is serving.
    await writeSummary(servingSection()).catch(() => {});
    throw err;
  }),
);
