/**
 * The deploy pipeline (`akerbp/mlops@v4`, `mlops deploy`, `npm start`): validate → test →
 * package → deploy, for every selected model in parallel (bounded), following the plan of the
 * branch rules. One model's failure is recorded and never aborts another model's deploy; the
 * caller fails the run at the end with `pipelineFailure`.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import { cdfArtifactSource } from '../artifacts/source.js';
import { deployFunction } from '../deploy/deploy.js';
import { parseKeepWarmSchedule } from '../deploy/keep-warm.js';
import { maskIndexUrls, type IndexUrls } from '../deploy/index-urls.js';
import type { DeployProvenance, DeployResult } from '../deploy/types.js';
import { MlopsError, type Problem } from '../errors.js';
import { prefixedLogger, warningsOnce, type Logger } from '../logger.js';
import { refuseDeployEarly } from '../deploy/preflight.js';
import { packageModel, type PackagedModel, type PackageModelsOptions } from '../packaging/package-models.js';
import { SUITE_VERSION } from '../version.js';
import { localArtifactSource, type ArtifactSource } from '../packaging/sources.js';
import type { Plan } from '../plan.js';
import { displayRepoPath, loadSettings } from '../settings/load.js';
import { count } from '../summary.js';
import { servicesOf, type Env, type ModelSettings, type Service } from '../settings/types.js';
import { runServiceTest } from '../testing/service-test.js';
import { testModels } from '../testing/test-models.js';
import { functionsNamedBy, TestRun } from '../testing/test-run.js';
import { settleWithConcurrency } from './concurrency.js';
import type { GithubRunContext } from './github-context.js';
import { resolvePlan, type EnvChoice } from './resolve-plan.js';

export interface PipelineOptions {
  repoRoot: string;
  /** relative to repoRoot */
  settingsFile: string;
  /** empty or absent: every model in the settings */
  models?: string[];
  env: EnvChoice;
  /** comma list replacing the plan's services */
  services?: string;
  /** the GitHub run whose event and ref the branch rules read; absent outside GitHub */
  github?: GithubRunContext | null;
  /** validate and test only (TESTING_ONLY=true) */
  testingOnly: boolean;
  python: string;
  installRequirements: boolean;
  /** models worked on at once */
  concurrency: number;
  /** made once, on first use: runs that deploy nothing and need no artifacts never sign in */
  cdfClient: () => Promise<CogniteClient>;
  /** undefined: not given (see deploy/secrets.ts); `{}`: none */
  secrets?: Record<string, string>;
  /** an action input's name as the user knows it, for messages (the CLI: `cliFlagOf`); default: the name */
  inputName?: (input: string) => string;
  /** CDF credentials under the package's dashed keys, added to `secrets` */
  credentialSecrets?: Record<string, string>;
  indexUrls?: IndexUrls;
  /** absent: each model's settings decide */
  keepVersions?: number | 'all';
  /** cron; '' or absent: the default (a keep-warm schedule in prod only); 'none': none */
  keepWarmSchedule?: string;
  waitTimeoutMs?: number;
  dryRun?: boolean;
  /** replace functions at the latest external ids that neither this suite nor the akerbp-mlops Python package made */
  adopt?: boolean;
  provenance?: DeployProvenance;
  /** test reports and packages, relative to repoRoot */
  outputDir?: string;
  log: Logger;
}

export type ServiceOutcome = DeployResult | { skipped: string } | { failed: string };

export interface PipelineResult {
  plan: Plan;
  /** what this run did with the plan */
  mode: 'validate' | 'test' | 'deploy';
  /** a dry run: deploy outcomes say what would change; nothing changed */
  dryRun: boolean;
  results: Record<string, Partial<Record<Service, ServiceOutcome>>>;
  /** models that failed: the error's paragraph and its located problems */
  failed: { model: string; message: string; problems: Problem[] }[];
}

export function isDeployed(outcome: ServiceOutcome): outcome is DeployResult {
  return 'functionExternalId' in outcome;
}

/** A model's failure: the paragraph once, and the located problems as they are (never the paragraph again). */
function failureOf(err: unknown, model: ModelSettings): PipelineResult['failed'][number] {
  // Unexpected errors still belong to one model; the others carry on.
  if (!(err instanceof MlopsError)) return { model: model.modelName, message: (err as Error)?.message ?? String(err), problems: [] };
  return { model: model.modelName, message: err.message, problems: err.problems };
}

/**
 * The one line a summary row shows for a failure: the first sentence of its first line, at most
 * 120 characters (the whole error follows the table once, in the failure report).
 */
export function failureHeadline(message: string): string {
  const [line] = message.trim().split('\n');
  const sentence = /^(.*?[.;])(\s|$)/.exec(line)?.[1] ?? line;
  return sentence.length > 120 ? `${sentence.slice(0, 119)}…` : sentence;
}

export async function runPipeline(o: PipelineOptions): Promise<PipelineResult> {
  const log = o.log;
  for (const value of Object.values(o.secrets ?? {})) log.secret(value);
  maskIndexUrls(o.indexUrls, log);
  const plan = resolvePlan({ env: o.env, services: o.services, github: o.github });
  for (const warning of plan.warnings) log.warning(warning);
  const deploying = plan.deploy && !o.testingOnly;
  const mode = deploying ? 'deploy' : plan.services.length ? 'test' : 'validate';
  const env: Env = plan.environment ?? 'test';
  const inputName = o.inputName ?? ((n: string) => n);
  const keepWarm = parseKeepWarmSchedule(o.keepWarmSchedule, env, inputName('keep-warm-schedule'));
  log.info(`Plan: ${plan.reason}.${o.testingOnly && plan.deploy ? ' TESTING_ONLY is set: validate and test only.' : ''}`);

  const settings = await log.group('validate settings', () =>
    loadSettings({ file: o.settingsFile, repoRoot: o.repoRoot, env, models: o.models?.length ? o.models : undefined, log }));
  const selected = o.models?.length ? settings.models.filter((m) => o.models?.includes(m.modelName)) : settings.models;
  log.info(`${displayRepoPath(settings.repoRoot, settings.file)}: ${count(selected.length, 'model')} valid for ${env}: ${selected.map((m) => m.modelName).join(', ')}`);

  const result: PipelineResult = { plan, mode, dryRun: deploying && (o.dryRun ?? false), results: {}, failed: [] };
  if (mode === 'validate') return result;

  let client: Promise<CogniteClient> | undefined;
  const cdf = () => (client ??= o.cdfClient());
  // A run that deploys signs in before any test: missing or wrong credentials fail it at once,
  // not after minutes of tests, and once for the run rather than once per model.
  if (deploying) await cdf();
  const outputDir = o.outputDir ?? '.mlops';
  const parallel = selected.length > 1 && o.concurrency > 1;

  // One test run for every model's test step: the service tests share a local CDF holding this
  // run's package of each model (so one model's ServiceTest may call another's), and a package
  // or a download another step needs too is made once.
  const testRun = new TestRun({
    repoRoot: settings.repoRoot, settingsFile: o.settingsFile, models: settings.allModels ?? settings.models, python: o.python, outDir: join(settings.repoRoot, outputDir, 'test'),
    artifactEnv: env, artifactRequired: deploying, cdfClient: cdf,
  });
  // Each model's steps, as a promise the deploys of later models whose code names it wait for.
  const finished = new Map<string, Promise<unknown>>();
  let settled: PromiseSettledResult<void>[];
  try {
    settled = await settleWithConcurrency(selected, o.concurrency, async (model, index) => {
      const outcomes: Partial<Record<Service, ServiceOutcome>> = {};
      result.results[model.modelName] = outcomes;
      // Several models share this log: every line names its model; parallel ones cannot use groups.
      // A model is packaged twice (its service test, its deploy): each warning is shown once.
      const modelLog = warningsOnce(selected.length > 1 ? prefixedLogger(log, model.modelName, { groups: !parallel }) : log);
      const services = plan.services.filter((s) => servicesOf(model).includes(s));
      for (const s of plan.services) if (!services.includes(s)) outcomes[s] = { skipped: `the settings have no info.${s}` };
      // Models started before this one (items start in order, so waiting never deadlocks).
      const earlier = selected.slice(0, index);
      const afterNamed = async (log: Logger) => {
        const named = (await functionsNamedBy(settings.repoRoot, model, earlier, env)).map((n) => n.peer.modelName);
        if (!named.length) return;
        log.info(`${model.modelName}'s code names ${named.join(', ')}: its smoke test waits until ${named.length === 1 ? 'that model is' : 'those models are'} deployed.`);
        await Promise.allSettled(named.map((name) => finished.get(name)));
      };
      const steps = runModel({
        ...o, secretsField: inputName('function-secrets'), keepWarm, log: modelLog, repoRoot: settings.repoRoot, model, services, env, deploying, outputDir, cdf, testRun, afterNamed, outcomes,
        reason: o.testingOnly ? 'TESTING_ONLY: tested, not deployed' : plan.reason,
      });
      finished.set(model.modelName, steps);
      try {
        await steps;
      } catch (err) {
        const message = err instanceof MlopsError ? err.message : (err as Error)?.message ?? String(err);
        for (const s of services) outcomes[s] ??= { failed: failureHeadline(message) };
        throw err;
      }
    });
  } finally {
    await testRun.stop();
  }
  settled.forEach((s, i) => {
    if (s.status === 'rejected') result.failed.push(failureOf(s.reason, selected[i]));
  });
  return result;
}

interface ModelRun extends Omit<PipelineOptions, 'keepWarmSchedule' | 'services'> {
  /** how the user gave `secrets`: `function-secrets` or `--secrets` */
  secretsField: string;
  keepWarm: string | null;
  model: ModelSettings;
  services: Service[];
  env: Env;
  deploying: boolean;
  outputDir: string;
  cdf: () => Promise<CogniteClient>;
  testRun: TestRun;
  /** resolves when the run's earlier models this model's code names have finished (deployed or failed) */
  afterNamed: (log: Logger) => Promise<void>;
  outcomes: Partial<Record<Service, ServiceOutcome>>;
  reason: string;
}

/** One model's steps. The settings were validated once by the caller: each step gets only this model. */
async function runModel(r: ModelRun): Promise<void> {
  const { model, log } = r;
  // What would refuse the deploy refuses it now, before pytest runs.
  if (r.deploying && r.services.length) {
    await refuseDeployEarly({
      client: await r.cdf(), repoRoot: r.repoRoot, model, services: r.services, env: r.env,
      secrets: r.secrets, credentialSecrets: r.credentialSecrets, secretsField: r.secretsField, log,
    });
  }
  const artifacts = (): Promise<ArtifactSource> =>
    r.env === 'dev' ? Promise.resolve(localArtifactSource(r.repoRoot)) : r.cdf().then((c) => cdfArtifactSource(c, undefined, log));

  // pytest once (a missing artifact folder downloaded from r.env first), and the service test of
  // the first service; further services are smoke-tested by the deploy.
  const [first] = r.services.length ? r.services : (['prediction'] as Service[]);
  const [tested] = await log.group(`test ${model.modelName}`, () => testModels({
    settingsFile: r.settingsFile, workingDirectory: r.repoRoot, models: [model.modelName], settings: { repoRoot: r.repoRoot, models: [model] },
    python: r.python, installRequirements: r.installRequirements, service: first, outputDir: join(r.outputDir, 'test'),
    run: r.testRun, log,
  }));
  if (tested.problems.length) throw new MlopsError(`${model.modelName} failed testing (${count(tested.problems.length, 'problem')}).`, tested.problems);
  if (!r.deploying) {
    for (const s of r.services) r.outcomes[s] = { skipped: r.reason };
    return;
  }

  const packaging: PackageModelsOptions = {
    settingsFile: r.settingsFile, workingDirectory: r.repoRoot, models: [model.modelName], env: r.env, service: first,
    artifactSource: r.env === 'dev' ? 'local' : 'cdf', artifactVersion: null, outputDir: join(r.outputDir, 'packages'), cdfClient: r.cdf, log,
  };
  const testedPayload = tested.payloadFile ? JSON.parse(await readFile(tested.payloadFile, 'utf8')) : undefined;
  // The smoke test calls the new function in CDF: a model it calls (of this run) is deployed first.
  await r.afterNamed(log);
  for (const service of r.services) {
    // deployFunction smoke-tests a training service with a keep-warm call ({}) whatever it is given.
    const testPayload = service === 'prediction' && first === 'prediction' ? testedPayload : undefined;
    const testPayloadFile = testPayload === undefined ? undefined : resolve(tested.payloadFile as string);
    const pkg = await zipToDeploy(r, service, service === first, () => log.group(`package ${model.modelName} ${service} (${r.env})`, () => packageModel({ ...packaging, service }, r.repoRoot, model, artifacts)));
    r.outcomes[service] = await deployFunction({
      client: await r.cdf(), model, service, env: r.env, packagePath: pkg.path, packageSha256: pkg.sha256, version: pkg.version,
      secrets: r.secrets, secretsField: r.secretsField, credentialSecrets: r.credentialSecrets, indexUrls: r.indexUrls, waitTimeoutMs: r.waitTimeoutMs, smokeTest: true, testPayload, testPayloadFile, keepVersions: r.keepVersions,
      keepWarmSchedule: r.keepWarm, dryRun: r.dryRun, adopt: r.adopt, provenance: { ...r.provenance, suiteVersion: SUITE_VERSION }, log,
    });
  }
}

/**
 * The zip to deploy for `service`, and the guarantee that it was tested. The tests' zip of the
 * first service (`tested`) is deployed itself when it already carries the target env's label
 * (its artifact folder was downloaded from `r.env` for the tests, or `r.env` is dev): nothing is
 * packaged or downloaded again, and files the tests may have written since are not picked up.
 * Otherwise `pack` builds it (outside dev from the env's artifact version in the Model Manager);
 * when that is the tested service and its files differ from the tested zip's
 * (BuiltPackage.contentSha256: the artifact version's label aside), it gets its own service test
 * before anything is created in CDF, so what is deployed is what was tested. Throws MlopsError as
 * packageModel and runServiceTest do.
 */
async function zipToDeploy(r: ModelRun, service: Service, testedService: boolean, pack: () => Promise<PackagedModel>): Promise<PackagedModel> {
  const { model, log } = r;
  if (!testedService) return pack();
  const tested = await r.testRun.packageFor(model, service, log);
  if (tested.env === r.env) {
    log.info(`Deploying the zip the tests ran (${model.modelName}/${tested.env}/${tested.version}, sha256 ${tested.sha256}).`);
    return tested;
  }
  const pkg = await pack();
  // Without a test_file there is no service test to run (testModels warned).
  if (!model.testFile) return pkg;
  if (tested.contentSha256 === pkg.contentSha256) {
    log.info(`The zip to deploy holds ${model.modelName}/${pkg.env}/${pkg.version}, the same files the tests ran as ${model.modelName}/${tested.env}/${tested.version}: its service test is not run again.`);
    return pkg;
  }
  await log.group(`service test ${model.modelName} ${service} (${r.env} zip)`, async () => {
    log.info(`The tests ran ${model.modelName}/${tested.env}/${tested.version}; the zip to deploy holds ${model.modelName}/${pkg.env}/${pkg.version}, whose files differ: its service test runs too.`);
    await runServiceTest({
      repoRoot: r.repoRoot, model, service, packagePath: pkg.path, python: r.python, env: r.env, log,
      payloadFile: join(r.repoRoot, r.outputDir, 'test', `${model.modelName}-${service}-${r.env}-payload.json`), emulator: await r.testRun.serviceTestCdf(model, log),
    });
  });
  return pkg;
}

/**
 * The error that fails the run after everything that could finish has finished: a first line
 * naming the failed models, then each model's error once (`model: paragraph`), and the located
 * problems (tagged `[model]` when several models ran).
 */
export function pipelineFailure(result: PipelineResult): MlopsError | null {
  if (!result.failed.length) return null;
  // Several models share the log: each problem names its model, as their lines do.
  const several = Object.keys(result.results).length > 1;
  return new MlopsError(
    [`${result.failed.map((f) => f.model).join(', ')} failed; ${count(Object.keys(result.results).length - result.failed.length, 'other model')} finished.`,
      ...result.failed.map((f) => `${f.model}: ${f.message}`)].join('\n'),
    result.failed.flatMap((f) => f.problems.map((p) => (several ? { ...p, message: `[${f.model}] ${p.message}` } : p))),
  );
}
