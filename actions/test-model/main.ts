import {
  TEST_SUMMARY_HEADINGS, parseVersionArgument, parseEnv, parseNameList, parseService,
  testFailure, testModels, testSummaryRows,
} from '@akerbp-mlops/core';
import { booleanInput, cdfClientFromInputs, input, runAction, setModelOutputs, withStepTimeout, writeSummary } from '@akerbp-mlops/core/report';

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
  setModelOutputs(results, {
    'test-payload': (r) => r.payloadFile ?? undefined,
    'junit-file': (r) => r.junitFile ?? undefined,
  });
  await writeSummary({ title: '🧪 Model tests', table: { head: TEST_SUMMARY_HEADINGS, rows: testSummaryRows(results) } });
  const failure = testFailure(results);
  if (failure) throw failure;
}));
