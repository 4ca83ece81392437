/** `mlops deploy`: the deploy pipeline (validate → test → package → deploy) from a terminal. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  PIPELINE_SUMMARY_HEADINGS, cliFlagOf, createCdfClient, credentialSecretsIfConfigured, parsePipelineInputs, pipelineFailure, pipelineSummaryRows,
  planLine, provenanceFromEnv, runPipeline, stopSafelyOnCtrlC, type PipelineResult,
} from '@akerbp-mlops/core';
import { cliLogger } from '../progress.js';
import { alignedTable } from '../table.js';
import type { ColorStream } from '../color.js';
import { UsageError, handler } from '../exit.js';
import { envOption, repoOptions, serviceList, verboseOption, wholeNumber, type RepoOptions } from '../options.js';
import { humanStream, jsonOption, printJson } from '../output.js';
import { printError } from '../report-error.js';
import { confirmProd } from '../confirm.js';
import { cdfConfigFromEnv } from '../credentials.js';
import { fieldName, functionFieldOptions, secretsText, type FunctionField } from '../function-fields.js';
import { ciRunContext } from '../ci-context.js';

/** Adds `mlops deploy`. */
export default function register(program: Command): void {
  const cmd = program
    .command('deploy')
    .summary('validate, test, package and deploy models to CDF Functions')
    .description(`Validates, tests, packages and deploys every model (or --models) to CDF Functions as <model>-<service>-<env>-<version> and <model>-<service>-<env>. Credentials come from the COGNITE_* environment variables (as for the Python package). Exit code 1 when any model fails; the others still finish.`)
    .addOption(envOption('target environment: dev, test, prod or auto (default: $MODEL_ENV, else auto); auto applies the branch rules of the CI run: GitHub (GITHUB_EVENT_NAME, GITHUB_REF) or Bitbucket (BITBUCKET_BRANCH, BITBUCKET_TAG, BITBUCKET_PR_ID)', undefined, ['auto']));
  repoOptions(cmd)
    .option('--service <list>', 'services to deploy: prediction, training, comma-separated (default: prediction; both on mlops/* branches with --env auto)', serviceList)
    .option('--testing-only', 'validate and test, deploy nothing (as TESTING_ONLY=true)')
    .option('--dry-run', 'say what would change, change nothing')
    .option('-y, --yes', 'deploy to prod without typing the CDF project name (required without a terminal)')
    .option('--adopt', 'replace a function at <model>-<service>-<env> that neither akerbp/mlops nor the akerbp-mlops Python package made (refused otherwise)')
    .option('--python <path>', 'Python for the tests', 'python3')
    .option('--no-install', "do not pip install the model's requirements before testing")
    .option('--concurrency <n>', 'models worked on at once', wholeNumber(1), '4')
    .option('--keep-versions <n>', "versioned functions kept: a number ≥ 1 or 'all' (default: the settings' models_to_keep / keep_all_models, else 3)", wholeNumber(1, undefined, ['all']))
    .option('--keep-warm-schedule <cron>', 'cron of the keep-warm schedule (default in prod: */30 5-17 * * 1-5; none disables it)');
  functionFieldOptions(cmd, {
    secrets: 'function secrets: a JSON object, or @file holding one (CDF rules apply); without it, a model whose function has secrets is refused; {} removes them on purpose',
    indexUrl: "package index CDF's build uses instead of PyPI (user:token@ allowed; passed as the function's indexUrl, never written to the zip)",
    extraIndexUrls: 'further package indexes, comma-separated (passed as extraIndexUrls)',
  })
    .option('--pass-write-credentials', 'also pass the write credentials to the functions as the secrets id-write and secret-write (risky: any code in the function can then write to CDF); the read pair is passed as tenant-id, base-url, id-read, secret-read whenever it is set');
  jsonOption(verboseOption(cmd)).action(handler(deployCommand));
}

interface DeployOptions extends RepoOptions {
  env?: string;
  service?: string;
  testingOnly?: boolean;
  dryRun?: boolean;
  adopt?: boolean;
  python: string;
  install: boolean;
  concurrency: string;
  keepVersions?: string;
  keepWarmSchedule?: string;
  secrets?: string;
  indexUrl?: string;
  extraIndexUrls?: string;
  passWriteCredentials?: boolean;
  json?: boolean;
  yes?: boolean;
}

/**
 * The plan line and one aligned row per model and service (the action's job summary, for a
 * terminal), coloured when `stream`, where it is written, takes colour.
 */
export function formatPipelineResult(result: PipelineResult, stream: ColorStream = {}): string {
  const rows = pipelineSummaryRows(result);
  return `${planLine(result)}\n${rows.length ? `\n${alignedTable([PIPELINE_SUMMARY_HEADINGS, ...rows], stream)}\n` : ''}`;
}

async function deployCommand(values: DeployOptions, cmd: Command): Promise<number> {
  const log = cliLogger({ verbose: values.verbose });
  for (const v of [values.indexUrl, values.extraIndexUrls]) if (v) log.secret(v);
  // Errors name what the user gave: the flag, or the environment variable it came from.
  const fields: Record<string, FunctionField> = { 'function-secrets': 'secrets', 'index-url': 'indexUrl', 'extra-index-urls': 'extraIndexUrls' };
  const name = (input: string) => (fields[input] ? fieldName(cmd, fields[input]) : cliFlagOf(input));
  const parsed = parsePipelineInputs({
    env: values.env ?? process.env.MODEL_ENV ?? 'auto',
    models: values.models,
    services: values.service,
    testingOnly: values.testingOnly,
    concurrency: values.concurrency,
    functionSecrets: secretsText(values.secrets, name('function-secrets'), log),
    indexUrl: values.indexUrl,
    extraIndexUrls: values.extraIndexUrls,
    keepVersions: values.keepVersions,
    keepWarmSchedule: values.keepWarmSchedule,
    dryRun: values.dryRun,
  }, process.env, name);
  if (parsed.env === 'prod' && !parsed.dryRun && !values.yes) {
    const project = cdfConfigFromEnv(log).project;
    if (!(await confirmProd('mlops deploy', `Deploying ${parsed.models?.length ? parsed.models.join(', ') : 'every model'} to prod`, project, values.yes))) return 1;
  }
  const ci = ciRunContext(process.env, parsed.env !== 'auto');
  if (parsed.env === 'auto' && !ci) {
    throw new UsageError('--env auto applies the branch rules of a CI run (GitHub Actions or Bitbucket Pipelines), and this is none: pass --env dev, test or prod (or set MODEL_ENV).', 'mlops deploy');
  }
  // Ctrl-C: no new work, the create of a deleted latest goes out, then the latest is checked (as the actions' post step).
  stopSafelyOnCtrlC(log, { secrets: parsed.secrets, indexUrls: parsed.indexUrls }, () => createCdfClient(cdfConfigFromEnv(log), { access: 'write', log }));
  const result = await runPipeline({
    ...parsed,
    adopt: values.adopt ?? false,
    credentialSecrets: credentialSecretsIfConfigured(() => cdfConfigFromEnv(log), { passWrite: values.passWriteCredentials ?? false }),
    repoRoot: resolve(values.repo ?? '.'),
    settingsFile: values.settings,
    github: ci,
    python: values.python,
    installRequirements: values.install,
    cdfClient: () => createCdfClient(cdfConfigFromEnv(log), { access: 'write', log }),
    provenance: provenanceFromEnv(),
    log,
  });
  const human = humanStream(values.json);
  human.write(formatPipelineResult(result, human));
  const failure = pipelineFailure(result);
  if (!values.json && failure) throw failure;
  if (values.json) {
    printJson(result);
    if (failure) printError(failure);
  }
  return failure ? 1 : 0;
}
