import {
  githubRunContext, parsePipelineInputs, pipelineFailure, planLine,
  PIPELINE_SUMMARY_HEADINGS, pipelineSummaryRows, provenanceFromEnv, runPipeline,
} from '@akerbp-mlops/core';
import {
  booleanInput, cdfClientFromInputs, credentialSecretsFromInputs, guardDeploy, input, markdownTable, servingSection, runAction, secretInput, setOutputs, withStepTimeout, writeSummary,
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
    const result = await runPipeline({
      ...parsed,
      adopt: booleanInput('adopt', false),
      credentialSecrets: credentialSecretsFromInputs(log),
      repoRoot: input('working-directory') || '.',
      settingsFile: input('settings-file') || 'mlops_settings.yaml',
      github: githubRunContext(),
      python: input('python') || 'python3',
      installRequirements: booleanInput('install-requirements', true),
      cdfClient: () => cdfClientFromInputs(log, 'write'),
      provenance: provenanceFromEnv(),
      log,
    });
    setOutputs({ plan: result.plan, results: result.results });
    const rows = pipelineSummaryRows(result);
    await writeSummary(`### 🚀 mlops deploy\n\n${planLine(result)}\n\n${rows.length ? markdownTable(PIPELINE_SUMMARY_HEADINGS, rows) : ''}\n${servingSection()}`);
    const failure = pipelineFailure(result);
    if (failure) throw failure;
  }),
);
