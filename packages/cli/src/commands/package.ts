/** `mlops package`: the package-model action for a terminal. */
import { resolve } from 'node:path';
import {
  consoleLogger, createCdfClient, packageModels, parseArtifactSourceKind, parseVersionArgument, parseEnv, parseNameList, parseService,
  resolveCdfConfig,
} from '@akerbp-mlops/core';
import { parseCommand, repoOptions } from '../options.js';

const USAGE = `Usage: mlops package [--settings FILE] [--repo DIR] [--env dev|test|prod] [--models a,b]
                     [--service prediction|training] [--artifact-source local|cdf]
                     [--artifact-version N] [--output-dir DIR] [--verbose]

Builds the deterministic CDF Function zip of each model and prints its path, size and SHA-256.

  --settings FILE         settings file, relative to the repository (default: mlops_settings.yaml)
  --repo DIR              the model repository (default: the current folder)
  --env ENV               target environment (default: dev)
  --models LIST           only these models (comma-separated)
  --service NAME          service to package (default: prediction)
  --artifact-source SRC   local (the artifact folder on disk) or cdf (the Model Manager, credentials
                          from COGNITE_* variables); default local in dev, cdf otherwise
  --artifact-version N    artifact version (default: artifact_version from settings, else the latest)
  --output-dir DIR        where zips and manifests go, relative to the repository (default: .mlops/packages)
`;

export default async function packageCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(args, USAGE, {
    ...repoOptions,
    env: { type: 'string' },
    service: { type: 'string' },
    'artifact-source': { type: 'string' },
    'artifact-version': { type: 'string' },
    'output-dir': { type: 'string' },
  });
  if (!parsed) return 0;
  const { values } = parsed;
  const log = consoleLogger({ verbose: values.verbose });
  const env = parseEnv(values.env ?? 'dev', '--env');
  const packages = await packageModels({
    settingsFile: values.settings ?? 'mlops_settings.yaml',
    workingDirectory: resolve(values.repo ?? '.'),
    models: parseNameList(values.models),
    env,
    service: parseService(values.service ?? ''),
    artifactSource: parseArtifactSourceKind(values['artifact-source'] ?? '', env),
    artifactVersion: parseVersionArgument(values['artifact-version'] ?? '', '--artifact-version'),
    outputDir: values['output-dir'] ?? '.mlops/packages',
    cdfClient: () => createCdfClient(resolveCdfConfig({}, process.env, log), { access: 'read', log }),
    log,
  });
  for (const p of packages) process.stdout.write(`${p.path}\n  ${p.size} bytes, ${p.manifest.length} files, sha256 ${p.sha256}\n`);
  return 0;
}
