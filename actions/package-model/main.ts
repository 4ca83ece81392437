import { humanSize, packageModels, parseArtifactSourceKind, parseEnv, parseNameList, parseService, parseVersionArgument, shortSha } from '@akerbp-mlops/core';
import { cdfClientFromInputs, input, runAction, setModelOutputs, withStepTimeout, workspacePath, writeSummary } from '@akerbp-mlops/core/report';

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
  setModelOutputs(packages, {
    package: (p) => p.path,
    sha256: (p) => p.sha256,
    size: (p) => p.size,
    manifest: (p) => p.manifestPath,
    // The reusable workflow tests and deploys this version.
    'artifact-version': (p) => p.version,
  });
  await writeSummary({
    title: `📦 Packaged (${env})`,
    table: {
      head: ['Model', 'Service', 'Artifact version', 'Zip', 'Size', 'SHA-256', 'Files'],
      rows: packages.map((p) => [
        p.model, p.service, p.version, { text: workspacePath(p.path), code: true }, humanSize(p.size), { text: shortSha(p.sha256), code: true }, p.manifest.length,
      ]),
    },
  });
}));
