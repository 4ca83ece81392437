import {
  TEST_SUMMARY_HEADINGS, parseVersionArgument, parseEnv, parseNameList, parseService, perModel,
  testFailure, testModels, testSummaryRows,
} from '@akerbp-mlops/core';
import { booleanInput, cdfClientFromInputs, input, markdownTable, runAction, setOutputs, withStepTimeout, writeSummary } from '@akerbp-mlops/core/report';

await runAction('test-model', (log) => withStepTimeout('test-model', async () => {
  const results = await testModels({
    settingsFile: input('settings-file') || 'mlops_settings.yaml',
    workingDirectory: input('working-directory') || '.',
    models: parseNameList(input('models')),
    python: input('python') || 'python3',
    installRequirements: booleanInput('install-requirements', true),
    service: parseService(input('service')),
    outputDir: '.mlops/test',
    artifactEnv: parseEnv(input('env') || 'test'),
    artifactVersion: parseVersionArgument(input('artifact-version'), 'artifact-version'),
    cdfClient: () => cdfClientFromInputs(log, 'read'),
    log,
  });
  setOutputs({
    'test-payload': perModel(results.filter((r) => r.payloadFile).map((r) => [r.model, r.payloadFile])),
    'junit-file': perModel(results.filter((r) => r.junitFile).map((r) => [r.model, r.junitFile])),
  });
  await writeSummary(`### 🧪 Model tests\n\n${markdownTable(TEST_SUMMARY_HEADINGS, testSummaryRows(results))}`);
  const failure = testFailure(results);
  if (failure) throw failure;
}));
