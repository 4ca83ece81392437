import {
  SUMMARY_HEADINGS,
  count,
  displayRepoPath,
  githubRunContext,
  loadSettings,
  modelMatrix,
  parseEnvChoice,
  parseNameList,
  resolvePlan,
  settingsSummaryRows,
  settingsToJson,
} from '@akerbp-mlops/core';
import { input, runAction, setOutputs, writeSummary } from '@akerbp-mlops/core/report';

await runAction('validate-settings', async (log) => {
  const choice = parseEnvChoice(input('env') || 'test');
  // env auto: the branch rules (core `plan`) decide; the workflow's `if:`s only read these outputs.
  const plan = choice === 'auto' ? resolvePlan({ env: parseEnvChoice(input('deploy-env'), 'deploy-env'), services: input('services'), github: githubRunContext() }) : null;
  for (const warning of plan?.warnings ?? []) log.warning(warning);
  const env = choice === 'auto' ? plan?.environment ?? 'test' : choice;
  const loaded = await loadSettings({
    file: input('settings-file') || 'mlops_settings.yaml',
    repoRoot: input('working-directory') || '.',
    env,
    models: parseNameList(input('models')),
    log,
  });
  setOutputs({
    models: loaded.models.map((m) => m.modelName),
    matrix: modelMatrix(loaded),
    settings: settingsToJson(loaded),
    ...(plan && { environment: plan.environment ?? '', services: plan.services, deploy: String(plan.deploy), reason: plan.reason }),
  });
  log.info(`${displayRepoPath(loaded.repoRoot, loaded.file)}: ${count(loaded.models.length, 'model')} valid for ${env}: ${loaded.models.map((m) => m.modelName).join(', ')}`);
  if (plan) log.info(`Plan: ${plan.reason}.`);
  await writeSummary({
    title: `✅ Settings valid (${env})`,
    lines: plan ? [[`Plan: ${plan.reason}.`]] : [],
    table: { head: SUMMARY_HEADINGS, rows: settingsSummaryRows(loaded, env) },
  });
});
