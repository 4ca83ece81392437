import {
  cdfSiteOf, githubRunContext, parsePipelineInputs, pipelineFailure, planLine,
  PIPELINE_SUMMARY_HEADINGS, pipelineSummaryRows, provenanceFromEnv, runPipeline, type CdfSite,
} from '@akerbp-mlops/core';
import {
  booleanInput, cdfClientFromInputs, cdfSiteLine, credentialSecretsFromInputs, guardDeploy, input, runAction, secretInput, setOutputs, withStepTimeout, writeServingSection, writeSummary,
} from '@akerbp-mlops/core/report';

guardDeploy('deploy');
await runAction('deploy', (log) =>
  withStepTimeout('deploy', async () => {
    const parsed = parsePipelineInputs({
      env: input('env'),
      models: input('models'),
      services: input('services'),
      testingOnly: booleanInput('testing-only', false),
      concurrency: input('concurrency'),
      functionSecrets: secretInput('function-secrets'),
      indexUrl: secretInput('index-url'),
      extraIndexUrls: secretInput('extra-index-urls'),
      keepVersions: input('keep-versions'),
      keepWarmSchedule: input('keep-warm-schedule'),
      waitTimeoutSeconds: input('wait-timeout-seconds'),
      dryRun: booleanInput('dry-run', false),
    });
    // Known once the run signs in to CDF (runs that deploy nothing never do).
    let site: CdfSite | undefined;
    const result = await runPipeline({
      ...parsed,
      adopt: booleanInput('adopt', false),
      credentialSecrets: credentialSecretsFromInputs(log),
      repoRoot: input('working-directory') || '.',
      settingsFile: input('settings-file') || 'mlops_settings.yaml',
      github: githubRunContext(),
      python: input('python') || 'python3',
      installRequirements: booleanInput('install-requirements', true),
      cdfClient: async () => {
        const client = await cdfClientFromInputs(log, 'write');
        site = cdfSiteOf(client);
        return client;
      },
      provenance: provenanceFromEnv(),
      log,
    });
    setOutputs({ plan: result.plan, results: result.results });
    const rows = pipelineSummaryRows(result, site);
    await writeSummary({
      title: `🚀 mlops deploy${result.dryRun ? ' (dry run)' : ''}`,
      lines: [[planLine(result)], ...(site ? [cdfSiteLine(site)] : [])],
      table: rows.length ? { head: PIPELINE_SUMMARY_HEADINGS, rows } : undefined,
    });
    // A dry run replaces nothing: its table already says what serves.
    if (!result.dryRun) await writeServingSection();
    const failure = pipelineFailure(result);
    if (failure) throw failure;
  }),
);
