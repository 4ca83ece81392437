/**
 * `mlops demo` (`npm start`): the whole pipeline on examples/model-repo against an embedded CDF
 * emulator — artifact upload, validate, test, package, deploy to test, promote, deploy to prod —
 * then a call of the prod function. Works on a copy, so the example stays clean.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CogniteClient } from '@cognite/sdk';
import type { Command } from 'commander';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import {
  MlopsError, ModelManager, callFunction, createCdfClient, functionExternalId, isDeployed, loadSettings, pipelineFailure, readServiceTestPayload,
  resolveCdfConfig, retrieveFunction, runPipeline, type Env, type Logger, type PipelineResult,
} from '@akerbp-mlops/core';
import { cliLogger } from '../progress.js';
import { formatPipelineResult } from './deploy.js';
import { UsageError, handler } from '../exit.js';

const STEPS = 9;

/** examples/model-repo, found upwards from this module (source tree or dist/cli bundle). */
function exampleRepoSource(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'examples', 'model-repo');
    if (existsSync(join(candidate, 'mlops_settings.yaml'))) return candidate;
    if (dirname(dir) === dir) throw new MlopsError('examples/model-repo was not found next to this mlops installation; run the demo from a clone of akerbp/mlops.');
  }
}

/** Stage titles as progress lines; the rest of the pipeline's chatter only with --verbose. */
function demoLogger(verbose: boolean): Logger {
  const full = cliLogger({ verbose, stream: process.stdout });
  if (verbose) return full;
  // Bars on a terminal; no 10 % lines in a log, where the stage titles already show the pace.
  return { ...full, info: () => {}, progress: process.stdout.isTTY ? full.progress : undefined, group: (title, fn) => { process.stdout.write(`      · ${title}\n`); return fn(); } };
}

/** Adds `mlops demo`. */
export default function register(program: Command): void {
  program
    .command('demo')
    .summary('run the whole pipeline on the example model against an embedded emulator')
    .description(`Starts a CDF emulator in this process and runs the whole pipeline on a copy of examples/model-repo: artifact upload to test, validate, test, package, deploy to test, promote the artifact to prod, deploy to prod; then calls the prod function and prints the prediction. Exit code 0 only when that call answers status ok.`)
    .option('--port <n>', 'emulator port (default: any free port)')
    .option('--keep-running', "keep the emulator serving until Ctrl+C (with a hint for Cognite's Python SDK)")
    .option('--python <path>', 'Python for the tests and the function calls', 'python3')
    .option('-v, --verbose', 'every log line of the pipeline, not just its stages')
    .action(handler(demoCommand));
}

async function demoCommand(values: { port?: string; keepRunning?: boolean; python: string; verbose?: boolean }): Promise<number> {
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (0 for any free port), got '${values.port}'.`, 'mlops demo');
  const python = values.python;
  const log = demoLogger(values.verbose ?? false);
  const started = Date.now();
  let step = 0;
  const say = (line: string) => process.stdout.write(`[${++step}/${STEPS}] ${line}\n`);

  say('Starting the CDF emulator');
  const emulator = await startEmulator({ port, python });
  const repo = mkdtempSync(join(tmpdir(), 'mlops-demo-'));
  try {
    process.stdout.write(`      · listening on ${emulator.url} (project ${emulator.project})\n`);
    const { ok, latest } = await runDemo({ emulator, repo, python, log, say });
    process.stdout.write(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. The CDF emulator listened on ${emulator.url} (project ${emulator.project}).\n`);
    if (values.keepRunning) await serveUntilInterrupted(emulator, latest);
    return ok ? 0 : 1;
  } finally {
    await emulator.stop();
    rmSync(repo, { recursive: true, force: true });
  }
}

interface DemoContext {
  emulator: RunningEmulator;
  repo: string;
  python: string;
  log: Logger;
  say: (line: string) => void;
}

/** `latest`: the prod prediction function it deployed and called. */
async function runDemo({ emulator, repo, python, log, say }: DemoContext): Promise<{ ok: boolean; latest: string }> {
  say('Copying examples/model-repo and building its artifact (model_code/make_artifact.py)');
  cpSync(exampleRepoSource(), repo, { recursive: true, filter: (src) => !/[/\\](\.pytest_cache|\.mlops|__pycache__|model_artifact)$/.test(src) });
  const made = spawnSync(python, ['model_code/make_artifact.py', 'model_artifact'], { cwd: repo, encoding: 'utf8' });
  if (made.status !== 0) throw new MlopsError(`Building the example's artifact with "${python}" failed:\n${made.stderr || made.stdout || made.error?.message}`);
  const settings = await loadSettings({ file: 'mlops_settings.yaml', repoRoot: repo, env: 'dev' });
  const model = settings.models[0];

  // The emulator accepts any client; these stand in for a repository's COGNITE_* secrets.
  const client = await createCdfClient(resolveCdfConfig({}, {
    COGNITE_PROJECT: emulator.project, COGNITE_OIDC_BASE_URL: emulator.url, COGNITE_TOKEN_URL: emulator.tokenUrl,
    COGNITE_CLIENT_ID_WRITE: 'mlops-demo', COGNITE_CLIENT_SECRET_WRITE: 'mlops-demo',
  }), { access: 'write', log });
  const manager = new ModelManager({ client, dataset: model.dataset, log });

  say(`Uploading the artifact of ${model.modelName} to test with the Model Manager`);
  const uploaded = await manager.uploadNewVersion(model.modelName, 'test', join(repo, 'model_artifact'), { source: 'mlops demo' });
  process.stdout.write(`      · ${uploaded.externalId} (sha256 ${uploaded.sha256?.slice(0, 12)}…)\n`);

  const deployTo = async (env: Env): Promise<PipelineResult> => {
    const result = await runPipeline({
      repoRoot: repo, settingsFile: 'mlops_settings.yaml', env, testingOnly: false, python, installRequirements: false, concurrency: 1,
      cdfClient: () => Promise.resolve(client), log,
    });
    process.stdout.write(`${formatPipelineResult(result, process.stdout).trimEnd().split('\n').map((l) => (l ? `      ${l}` : l)).join('\n')}\n`);
    const failure = pipelineFailure(result);
    if (failure) throw failure;
    return result;
  };

  say('Validate, test, package and deploy to test');
  const test = await deployTo('test');

  say(`Promoting ${uploaded.externalId} to prod`);
  const promoted = await manager.promote(model.modelName, 'test', 'prod');
  process.stdout.write(`      · ${promoted.source.externalId} → ${promoted.target.externalId}\n`);

  say('Validate, test, package and deploy to prod');
  const prod = await deployTo('prod');

  const latest = functionExternalId(model.modelName, 'prediction', 'prod');
  say(`Calling ${latest} with ServiceTest.prediction_input`);
  const { payload } = await readServiceTestPayload({ repoRoot: repo, model, service: 'prediction', python });
  const response = await callLatest(client, latest, payload);
  process.stdout.write(`      · request:  ${JSON.stringify(payload)}\n      · response: ${JSON.stringify(response)}\n`);

  say('Deployed functions');
  for (const result of [test, prod]) {
    for (const outcome of Object.values(result.results[model.modelName] ?? {})) {
      if (outcome && isDeployed(outcome)) process.stdout.write(`      · ${outcome.functionExternalId} (id ${outcome.functionId}) serves ${outcome.modelId}; kept as ${outcome.versionedExternalId}\n`);
    }
  }
  const ok = (response as { status?: unknown } | null)?.status === 'ok';
  say(ok ? `Prediction from ${latest}: ${JSON.stringify((response as { prediction?: unknown }).prediction)}` : `${latest} did not answer status ok`);
  return { ok, latest };
}

async function callLatest(client: CogniteClient, externalId: string, payload: unknown): Promise<unknown> {
  const fn = await retrieveFunction(client, { externalId });
  if (!fn) throw new MlopsError(`${externalId} does not exist after the deploy.`);
  const { call, response } = await callFunction(client, fn.id, payload, { timeoutMs: 120_000 });
  if (call.status !== 'Completed') throw new MlopsError(`The call of ${externalId} ended ${call.status}.`);
  return response;
}

/** How to call `functionXid` on the emulator from a notebook with Cognite's Python SDK. */
export function pythonSdkHint(emulator: Pick<RunningEmulator, 'url' | 'tokenUrl' | 'project'>, functionXid: string): string {
  return `
The emulator keeps serving at ${emulator.url}; stop it with Ctrl+C. From Cognite's Python SDK:

    from cognite.client import ClientConfig, CogniteClient
    from cognite.client.credentials import OAuthClientCredentials
    credentials = OAuthClientCredentials(token_url="${emulator.tokenUrl}", client_id="demo",
                                         client_secret="demo", scopes=["${emulator.url}/.default"])
    client = CogniteClient(ClientConfig(client_name="demo", project="${emulator.project}",
                                        base_url="${emulator.url}", credentials=credentials))
    client.functions.call(external_id="${functionXid}", data=...).get_response()
`;
}

async function serveUntilInterrupted(emulator: RunningEmulator, functionXid: string): Promise<void> {
  process.stdout.write(pythonSdkHint(emulator, functionXid));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}
