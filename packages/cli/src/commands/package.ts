/** `mlops package`: the package-model action for a terminal. */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import {
  createCdfClient, packageModels, parseArtifactSourceKind, parseVersionArgument, parseEnv, parseNameList, parseService,
} from '@akerbp-mlops/core';
import { cliLogger } from '../progress.js';
import { cdfConfigFromEnv } from '../credentials.js';
import { handler } from '../exit.js';
import { envOption, repoOptions, serviceOption, verboseOption, type RepoOptions } from '../options.js';
import { humanStream, jsonOption, printJson } from '../output.js';

/** Adds `mlops package`. */
export default function register(program: Command): void {
  const cmd = program
    .command('package')
    .summary('build the CDF Function zip of each model')
    .description('Builds the deterministic CDF Function zip of each model and prints its path, size and SHA-256.');
  repoOptions(cmd)
    .addOption(envOption('target environment', 'dev'))
    .addOption(serviceOption('service to package: prediction or training', 'prediction'))
    .addOption(new Option('--artifact-source <src>', 'local (the artifact folder on disk) or cdf (the Model Manager, credentials from COGNITE_* variables); default local in dev, cdf otherwise').choices(['local', 'cdf']))
    .option('--artifact-version <n>', 'artifact version (default: artifact_version from settings, else the latest)')
    .option('--output-dir <dir>', 'where zips and manifests go, relative to the repository', '.mlops/packages');
  jsonOption(verboseOption(cmd)).action(handler(packageCommand));
}

interface PackageOptions extends RepoOptions {
  env: string;
  service: string;
  artifactSource?: string;
  artifactVersion?: string;
  outputDir: string;
  json?: boolean;
}

async function packageCommand(values: PackageOptions): Promise<number> {
  const log = cliLogger({ verbose: values.verbose });
  const env = parseEnv(values.env, '--env');
  const packages = await packageModels({
    settingsFile: values.settings,
    workingDirectory: resolve(values.repo ?? '.'),
    models: parseNameList(values.models),
    env,
    service: parseService(values.service),
    artifactSource: parseArtifactSourceKind(values.artifactSource ?? '', env),
    artifactVersion: parseVersionArgument(values.artifactVersion ?? '', '--artifact-version'),
    outputDir: values.outputDir,
    cdfClient: () => createCdfClient(cdfConfigFromEnv(log, process.env, { readOnly: true, hint: 'or package the artifact folder on disk with --artifact-source local' }), { access: 'read', log }),
    log,
  });
  for (const p of packages) humanStream(values.json).write(`${p.path}\n  ${p.size} bytes, ${p.manifest.length} files, sha256 ${p.sha256}\n`);
  if (values.json) {
    printJson(packages.map((p) => ({ model: p.model, service: p.service, env: p.env, version: p.version, path: p.path, size: p.size, sha256: p.sha256, files: p.manifest.length, manifestPath: p.manifestPath })));
  }
  return 0;
}
