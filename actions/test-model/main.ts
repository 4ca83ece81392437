import { MlopsError, parseNameList, parseService, perModel, testModels } from '@akerbp-mlops/core';
import { booleanInput, input, markdownTable, runAction, setOutputs, writeSummary } from '@akerbp-mlops/core/report';

await runAction('test-model', async (log) => {
  const results = await testModels({
    settingsFile: input('settings-file') || 'mlops_settings.yaml',
    workingDirectory: input('working-directory') || '.',
    models: parseNameList(input('models')),
    python: input('python') || 'python3',
    installRequirements: booleanInput('install-requirements', true),
    service: parseService(input('service')),
    outputDir: '.mlops/test',
    log,
  });
  setOutputs({
    'test-payload': perModel(results.filter((r) => r.payloadFile).map((r) => [r.model, r.payloadFile])),
    'junit-file': perModel(results.filter((r) => r.junitFile).map((r) => [r.model, r.junitFile])),
  });
  await writeSummary(`### 🧪 Model tests\n\n${markdownTable(
    ['Model', 'Passed', 'Failed', 'Skipped', 'Service test'],
    results.map((r) => [r.model, r.tests?.passed ?? '-', r.tests?.failed ?? '-', r.tests?.skipped ?? '-', r.serviceTest]),
  )}`);
  const problems = results.flatMap((r) => r.problems);
  const failed = results.filter((r) => r.problems.length).map((r) => r.model);
  if (failed.length) throw new MlopsError(`${failed.join(', ')} failed testing (${problems.length} problem(s)).`, problems);
});
