import {
  TEST_SUMMARY_HEADINGS, cdfInputsFrom, createCdfClient, parseArtifactVersion, parseEnv, parseNameList, parseService, perModel, resolveCdfConfig,
  testFailure, testModels, testSummaryRows,
} from '@akerbp-mlops/core';
import { booleanInput, githubIdToken, input, markdownTable, runAction, setOutputs, withStepTimeout, writeSummary } from '@akerbp-mlops/core/report';

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
    artifactVersion: parseArtifactVersion(input('artifact-version')),
    cdfClient: () => createCdfClient(resolveCdfConfig(cdfInputsFrom(input), process.env, log), { access: 'read', log, getIdToken: githubIdToken }),
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
