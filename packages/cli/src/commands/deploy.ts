/** `mlops deploy`: the deploy pipeline (validate → test → package → deploy) from a terminal. */
import { resolve } from 'node:path';
import {
  PIPELINE_SUMMARY_HEADINGS, consoleLogger, createCdfClient, githubRunContext, parsePipelineInputs, pipelineFailure, pipelineSummaryRows,
  planLine, provenanceFromEnv, resolveCdfConfig, runPipeline, type PipelineResult,
} from '@akerbp-mlops/core';
import { alignedTable } from '../table.js';
import { parseCommand, repoOptions } from '../options.js';

const USAGE = `Usage: mlops deploy [--env dev|test|prod|auto] [--models a,b] [--service S] [--testing-only]
                    [--dry-run] [--repo DIR] [--settings FILE] [options]

Validates, tests, packages and deploys every model (or --models) to CDF Functions as
<model>-<service>-<env>-<version> and <model>-<service>-<env>. Credentials come from the
COGNITE_* environment variables (as for the Python package). Exit code 1 when any model fails;
the others still finish.

  --env ENV              target environment (default: $MODEL_ENV, else auto); auto applies the
                         branch rules of the GitHub run (GITHUB_EVENT_NAME, GITHUB_REF)
  --models LIST          only these models (comma-separated)
  --service LIST         services to deploy: prediction, training (default: prediction)
  --testing-only         validate and test, deploy nothing (as TESTING_ONLY=true)
  --dry-run              say what would change, change nothing
  --repo DIR             the model repository (default: the current folder)
  --settings FILE        settings file, relative to the repository (default: mlops_settings.yaml)
  --python PATH          Python for the tests (default: python3)
  --no-install           do not pip install the model's requirements before testing
  --concurrency N        models worked on at once (default 4)
  --keep-versions N      versioned functions kept (default 3; 0 keeps all)
  --keep-warm-schedule C cron of the keep-warm schedule (default in prod: */30 5-17 * * 1-5; none)
  --secrets JSON         function secrets, a JSON object (CDF rules apply); without it, a model
                         whose function has secrets is refused; {} removes them on purpose
  --index-url URL        package index CDF's build uses instead of PyPI (user:token@ allowed;
                         passed as the function's indexUrl, never written to the zip)
  --extra-index-urls L   further package indexes, comma-separated (passed as extraIndexUrls)
  --verbose              debug output
`;

/** The plan line and one aligned row per model and service (the action's job summary, for a terminal). */
export function formatPipelineResult(result: PipelineResult): string {
  const rows = pipelineSummaryRows(result);
  return `${planLine(result)}\n${rows.length ? `\n${alignedTable([PIPELINE_SUMMARY_HEADINGS, ...rows])}\n` : ''}`;
}

export default async function deployCommand(args: string[]): Promise<number> {
  const cli = parseCommand(args, USAGE, {
    ...repoOptions,
    env: { type: 'string' },
    service: { type: 'string' },
    'testing-only': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    python: { type: 'string' },
    'no-install': { type: 'boolean' },
    concurrency: { type: 'string' },
    'keep-versions': { type: 'string' },
    'keep-warm-schedule': { type: 'string' },
    secrets: { type: 'string' },
    'index-url': { type: 'string' },
    'extra-index-urls': { type: 'string' },
  });
  if (!cli) return 0;
  const { values } = cli;
  const log = consoleLogger({ verbose: values.verbose });
  for (const v of [values.secrets, values['index-url'], values['extra-index-urls']]) if (v) log.secret(v);
  const parsed = parsePipelineInputs({
    env: values.env ?? process.env.MODEL_ENV ?? 'auto',
    models: values.models,
    services: values.service,
    testingOnly: values['testing-only'],
    concurrency: values.concurrency,
    functionSecrets: values.secrets,
    indexUrl: values['index-url'],
    extraIndexUrls: values['extra-index-urls'],
    keepVersions: values['keep-versions'],
    keepWarmSchedule: values['keep-warm-schedule'],
    dryRun: values['dry-run'],
  });
  const result = await runPipeline({
    ...parsed,
    repoRoot: resolve(values.repo ?? '.'),
    settingsFile: values.settings ?? 'mlops_settings.yaml',
    github: githubRunContext(),
    python: values.python ?? 'python3',
    installRequirements: !values['no-install'],
    cdfClient: () => createCdfClient(resolveCdfConfig({}, process.env, log), { access: 'write', log }),
    provenance: provenanceFromEnv(),
    log,
  });
  process.stdout.write(formatPipelineResult(result));
  const failure = pipelineFailure(result);
  if (failure) throw failure;
  return 0;
}
