import { packageModels, parseArtifactSourceKind, parseEnv, parseNameList, parseService, parseVersionArgument, perModel } from '@akerbp-mlops/core';
import { cdfClientFromInputs, input, markdownTable, runAction, setOutputs, withStepTimeout, writeSummary } from '@akerbp-mlops/core/report';

await runAction('package-model', (log) => withStepTimeout('package-model', async () => {
  const env = parseEnv(input('env') || 'test');
  const packages = await packageModels({
    settingsFile: input('settings-file') || 'mlops_settings.yaml',
    workingDirectory: input('working-directory') || '.',
    models: parseNameList(input('models')),
    env,
    service: parseService(input('service')),
    artifactSource: parseArtifactSourceKind(input('artifact-source'), env),
    artifactVersion: parseVersionArgument(input('artifact-version'), 'artifact-version'),
    outputDir: input('output-dir') || '.mlops/packages',
    cdfClient: () => cdfClientFromInputs(log, 'read'),
    log,
  });
  setOutputs({
    package: perModel(packages.map((p) => [p.model, p.path])),
    sha256: perModel(packages.map((p) => [p.model, p.sha256])),
    size: perModel(packages.map((p) => [p.model, String(p.size)])),
    manifest: perModel(packages.map((p) => [p.model, p.manifestPath])),
    // Always a map (model → version): the reusable workflow tests and deploys this version.
    'artifact-version': Object.fromEntries(packages.map((p) => [p.model, p.version])),
  });
  await writeSummary(`### 📦 Packaged (${env})\n\n${markdownTable(
    ['Model', 'Service', 'Artifact version', 'Zip', 'Size (bytes)', 'SHA-256', 'Files'],
    packages.map((p) => [p.model, p.service, p.version, p.path, p.size, `\`${p.sha256}\``, p.manifest.length]),
  )}`);
}));
