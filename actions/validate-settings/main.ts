import {
  SUMMARY_HEADINGS,
  loadSettings,
  modelMatrix,
  parseEnv,
  parseNameList,
  settingsSummaryRows,
  settingsToJson,
} from '@akerbp-mlops/core';
import { input, markdownTable, runAction, setOutputs, writeSummary } from '@akerbp-mlops/core/report';

await runAction('validate-settings', async (log) => {
  const env = parseEnv(input('env') || 'test');
  const loaded = await loadSettings({
    file: input('settings-file') || 'mlops_settings.yaml',
    repoRoot: input('working-directory') || '.',
    env,
    models: parseNameList(input('models')),
  });
  setOutputs({
    models: loaded.models.map((m) => m.modelName),
    matrix: modelMatrix(loaded),
    settings: settingsToJson(loaded),
  });
  log.info(`${loaded.file}: ${loaded.models.length} model(s) valid for ${env}: ${loaded.models.map((m) => m.modelName).join(', ')}`);
  await writeSummary(`### ✅ Settings valid (${env})\n\n${markdownTable(SUMMARY_HEADINGS, settingsSummaryRows(loaded, env))}`);
});
