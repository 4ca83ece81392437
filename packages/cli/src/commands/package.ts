/** `mlops package`: the package-model action for a terminal. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  consoleLogger, createCdfClient, packageModels, parseArtifactSourceKind, parseVersionArgument, parseEnv, parseNameList, parseService,
  resolveCdfConfig,
} from '@akerbp-mlops/core';
import { handler } from '../exit.js';
import { envOption, repoOptions, verboseOption, type RepoOptions } from '../options.js';

/** Adds `mlops package`. */
export default function register(program: Command): void {
  const cmd = program
    .command('package')
    .summary('build the CDF Function zip of each model')
    .description('Builds the deterministic CDF Function zip of each model and prints its path, size and SHA-256.');
  repoOptions(cmd)
    .addOption(envOption('target environment', 'dev'))
    .option('--service <name>', 'service to package: prediction or training', 'prediction')
    .option('--artifact-source <src>', 'local (the artifact folder on disk) or cdf (the Model Manager, credentials from COGNITE_* variables); default local in dev, cdf otherwise')
    .option('--artifact-version <n>', 'artifact version (default: artifact_version from settings, else the latest)')
    .option('--output-dir <dir>', 'where zips and manifests go, relative to the repository', '.mlops/packages');
  verboseOption(cmd).action(handler(packageCommand));
}

interface PackageOptions extends RepoOptions {
  env: string;
  service: string;
  artifactSource?: string;
  artifactVersion?: string;
  outputDir: string;
}

async function packageCommand(values: PackageOptions): Promise<number> {
  const log = consoleLogger({ verbose: values.verbose });
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
    cdfClient: () => createCdfClient(resolveCdfConfig({}, process.env, log), { access: 'read', log }),
    log,
  });
  for (const p of packages) process.stdout.write(`${p.path}\n  ${p.size} bytes, ${p.manifest.length} files, sha256 ${p.sha256}\n`);
  return 0;
}
