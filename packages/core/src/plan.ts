/**
 * Branch rules (DESIGN.md §1, the Python package's, kept): which environment and services a
 * workflow run deploys. Pure, so the workflow only reads the plan and its `if:`s stay trivial.
 * The README's table says the same, row by row (test/branch-rules.test.ts holds them together).
 *
 * | event              | ref                                       | plan                                          |
 * |--------------------|-------------------------------------------|-----------------------------------------------|
 * | push / schedule    | main, master, the default branch, deploy/* | deploy prediction to test                     |
 * | push / schedule    | mlops/*                                   | deploy prediction and training to test        |
 * | push / schedule    | feature/*                                 | validate and test prediction, deploy nothing  |
 * | push / schedule    | tags, other branches                      | validate only, deploy nothing                 |
 * | pull_request       | any                                       | validate and test; deploy to dev only if env=dev |
 * | merge_group        | the merge queue's branch                  | validate and test prediction, deploy nothing  |
 * | workflow_dispatch  | any (prod: default branch only)           | deploy prediction to inputs.env (default test)|
 *
 * main and master deploy to test whichever of them (or neither) is the default branch.
 * `inputs.services` (comma list) replaces the services of any plan, so a manual run can deploy
 * the training service to prod; `inputs.env` may pick dev or test on a deploying push; prod is
 * only ever reached through workflow_dispatch. An `inputs.env` the rules do not use (the plan
 * deploys nothing) is not an error: the plan's `warnings` say it was ignored and why.
 */
import { MlopsError } from './errors.js';
import { parseEnv, parseNameList } from './settings/inputs.js';
import { SERVICES, type Env, type Service } from './settings/types.js';
import type { CiSystem } from './pipeline/github-context.js';

export interface Plan {
  /** where to deploy; null when nothing is deployed */
  environment: Env | null;
  /** services validated and tested, and deployed when `deploy` */
  services: Service[];
  deploy: boolean;
  /** one sentence saying which rule decided, for logs and summaries */
  reason: string;
  /** inputs the rules did not use, each with why (shown as warnings) */
  warnings: string[];
}

export interface PlanRequest {
  /** `github.event_name` */
  eventName: string;
  /** `github.ref`, e.g. `refs/heads/main`; a bare branch name is accepted too */
  ref: string;
  /** the repository's default branch; when absent main and master both count */
  defaultBranch?: string;
  /** whose run it is, for the messages' words (a Bitbucket step is no workflow); github when absent */
  system?: CiSystem;
  inputs: { env?: string; services?: string };
}

/**
 * The words of `system`'s messages: GitHub names refs and workflow runs; Bitbucket, whose runs
 * `mlops init --ci bitbucket` wrote, names branches and tags and its manual "Deploy to prod" step.
 */
function wording(system: CiSystem | undefined) {
  if (system === 'bitbucket') {
    return {
      where: (ref: string) => (ref.startsWith('refs/tags/') ? `tag ${ref.slice('refs/tags/'.length)}` : `branch ${branchOf(ref) ?? ref}`),
      prodRun: (allowed: string) => `run the 'Deploy to prod' step of the ${allowed} pipeline`,
      prodOnly: 'prod is deployed only by the manual \'Deploy to prod\' step on the default branch, never by a push.',
      manual: 'step with an explicit --env',
    };
  }
  return {
    where: (ref: string) => ref,
    prodRun: (allowed: string) => `run the workflow on ${allowed}`,
    prodOnly: 'prod is deployed only by a manual workflow_dispatch run on the default branch, never by a push.',
    manual: 'manual run',
  };
}

function branchOf(ref: string): string | null {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  return ref.startsWith('refs/') ? null : ref;
}

/** The branch prod may be deployed from: the default branch; main or master when it is unknown. */
function isDefaultBranch(branch: string | null, defaultBranch?: string): boolean {
  if (branch === null) return false;
  return defaultBranch ? branch === defaultBranch : branch === 'main' || branch === 'master';
}

/** Branches whose pushes deploy the prediction service to test: main and master always. */
function isDeployBranch(branch: string, defaultBranch?: string): boolean {
  return branch === 'main' || branch === 'master' || branch === defaultBranch || branch.startsWith('deploy/');
}

function parseServices(value: string): Service[] {
  const names = parseNameList(value);
  const bad = names.filter((n) => !(SERVICES as readonly string[]).includes(n));
  if (bad.length || names.length === 0) {
    throw new MlopsError(`services must be a comma list of ${SERVICES.join(', ')}; found "${value}".`);
  }
  return SERVICES.filter((s) => names.includes(s));
}

/**
 * The plan for one run. Throws MlopsError for what the rules refuse (prod outside a manual run on
 * the default branch, a pull request asking for test or prod, an unknown env or service).
 */
export function planDeployment(request: PlanRequest): Plan {
  const plan = basePlan(request);
  const env = request.inputs.env?.trim();
  if (env && !plan.deploy) {
    plan.warnings.push(`env "${env}" was ignored: ${plan.reason}, so this run deploys nothing.`);
  }
  const services = request.inputs.services?.trim();
  if (!services) return plan;
  return { ...plan, services: parseServices(services), reason: `${plan.reason}; services set by input` };
}

function basePlan({ eventName, ref, defaultBranch, system, inputs }: PlanRequest): Plan {
  const words = wording(system);
  const env = inputs.env?.trim() ? parseEnv(inputs.env) : undefined;
  const branch = branchOf(ref);
  const deployTo = (environment: Env, services: Service[], reason: string): Plan => ({ environment, services, deploy: true, reason, warnings: [] });
  const noDeploy = (services: Service[], reason: string): Plan => ({ environment: null, services, deploy: false, reason, warnings: [] });

  if (eventName === 'workflow_dispatch') {
    const target = env ?? 'test';
    if (target === 'prod' && !isDefaultBranch(branch, defaultBranch)) {
      const allowed = defaultBranch ?? 'main or master';
      throw new MlopsError(`Deploying to prod is only allowed from the default branch (${allowed}); this run is on ${words.where(ref)}. Merge first, then ${words.prodRun(allowed)}.`);
    }
    return deployTo(target, ['prediction'], `${words.manual}: deploy to ${target} from ${branch ?? words.where(ref)}`);
  }

  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    if (env === 'dev') return deployTo('dev', ['prediction'], 'pull request: validate, test and deploy to dev (env input)');
    if (env) throw new MlopsError(`A pull request may only deploy to dev; found env "${env}". Test and prod deploy after merging.`);
    return noDeploy(['prediction'], 'pull request: validate and test only');
  }

  if (eventName === 'merge_group') return noDeploy(['prediction'], 'merge queue: validate and test only');

  if (eventName !== 'push' && eventName !== 'schedule') {
    return noDeploy([], `event "${eventName}" validates only; push, schedule and workflow_dispatch deploy`);
  }
  if (env === 'prod') {
    throw new MlopsError(words.prodOnly);
  }
  if (branch === null) return noDeploy([], `${words.where(ref)} is not a branch (tags do not deploy)`);
  const target = env ?? 'test';
  if (isDeployBranch(branch, defaultBranch)) return deployTo(target, ['prediction'], `${branch}: deploy the prediction service to ${target}`);
  if (branch.startsWith('mlops/')) return deployTo(target, ['prediction', 'training'], `${branch}: deploy prediction and training services to ${target}`);
  if (branch.startsWith('feature/')) return noDeploy(['prediction'], `${branch}: feature branches validate and test only`);
  const other = defaultBranch && defaultBranch !== 'main' && defaultBranch !== 'master' ? `, ${defaultBranch}` : '';
  return noDeploy([], `${branch}: validate only (main, master${other}, deploy/* and mlops/* deploy; feature/* tests)`);
}
