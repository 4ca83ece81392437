import {
  DEPLOY_SUMMARY_HEADINGS, cdfSiteOf, deployModels, deploySummaryRows, parseVersionArgument, parseEnv, parseKeepWarmSchedule,
  parseIndexUrls, parseKeepVersions, parseNameList, parseSecretsJson, parseService, parseWholeNumber, partialDeployOf, provenanceFromEnv,
  type ModelDeploy, type PartialDeploy,
} from '@akerbp-mlops/core';
import {
  booleanInput, cdfClientFromInputs, cdfSiteLine, credentialSecretsFromInputs, guardDeploy, input, runAction, secretInput, setModelOutputs, withStepTimeout, writeServingSection, writeSummary,
} from '@akerbp-mlops/core/report';

guardDeploy('deploy-cdf-function');
await runAction('deploy-cdf-function', (log) =>
  withStepTimeout('deploy-cdf-function', async () => {
    const env = parseEnv(input('env') || 'test');
    const secrets = parseSecretsJson(secretInput('function-secrets'));
    const indexUrls = parseIndexUrls(secretInput('index-url'), secretInput('extra-index-urls'));
    const dryRun = booleanInput('dry-run', false);
    // Every input is read before signing in: a typo fails at once, not as a CDF error.
    const options = {
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
    };
    const client = await cdfClientFromInputs(log, 'write');
    const site = cdfSiteOf(client);
    /** Outputs and the summary of what was deployed, also when a model failed (partialDeployOf). */
    const report = async (results: ModelDeploy[], failed?: PartialDeploy['failed']) => {
      setModelOutputs(results, {
        'function-external-id': (r) => r.functionExternalId,
        'function-id': (r) => r.functionId,
        'versioned-external-id': (r) => r.versionedExternalId,
        version: (r) => r.version,
        'model-id': (r) => r.modelId,
        'code-file-id': (r) => r.codeFileId,
        'code-sha256': (r) => r.codeSha256,
        'previous-version': (r) => r.previousVersion,
        changed: (r) => r.changed,
      });
      await writeSummary({
        title: `🚀 ${dryRun ? 'Dry run: ' : ''}CDF Functions (${env})`,
        lines: [cdfSiteLine(site)],
        table: { head: DEPLOY_SUMMARY_HEADINGS, rows: deploySummaryRows(results, dryRun, site, failed) },
      });
    };
    const results = await deployModels({
      ...options,
      client,
      log,
    }).catch(async (err: unknown) => {
      const partial = partialDeployOf(err);
      if (partial) await report(partial.deployed, partial.failed);
      throw err;
    });
    await report(results);
    // A dry run replaces nothing: its table already says what serves.
    if (!dryRun) await writeServingSection();
  }).catch(async (err: unknown) => {
    // Failure and timeout: the summary still says what is serving.
    await writeServingSection().catch(() => {});
    throw err;
  }),
);
