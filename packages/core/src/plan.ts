/**
 * Branch rules (DESIGN.md §1, the Python package's, kept): which environment and services a
 * workflow run deploys. Pure, so the workflow only reads the plan and its `if:`s stay trivial.
 *
 * | event              | ref                          | plan                                          |
 * |--------------------|------------------------------|-----------------------------------------------|
 * | push / schedule    | main, master, deploy/*       | deploy prediction to test                     |
 * | push / schedule    | mlops/*                      | deploy prediction and training to test        |
 * | push / schedule    | feature/*                    | validate and test prediction, deploy nothing  |
 * | push / schedule    | tags, other branches         | validate only, deploy nothing                 |
 * | pull_request       | any                          | validate and test; deploy to dev only if env=dev |
 * | workflow_dispatch  | any (prod: default branch)   | deploy prediction to inputs.env (default test)|
 *
 * `inputs.services` (comma list) replaces the services of any plan; `inputs.env` may pick
 * dev or test on a deploying push; prod is only ever reached through workflow_dispatch.
 */
import { MlopsError } from './errors.js';
import { parseEnv, parseNameList } from './settings/inputs.js';
import { SERVICES, type Env, type Service } from './settings/types.js';

export interface Plan {
  /** where to deploy; null when nothing is deployed */
  environment: Env | null;
  /** services validated and tested, and deployed when `deploy` */
  services: Service[];
  deploy: boolean;
  /** one sentence saying which rule decided, for logs and summaries */
  reason: string;
}

export interface PlanRequest {
  /** `github.event_name` */
  eventName: string;
  /** `github.ref`, e.g. `refs/heads/main`; a bare branch name is accepted too */
  ref: string;
  /** the repository's default branch; when absent main and master both count */
  defaultBranch?: string;
  inputs: { env?: string; services?: string };
}

function branchOf(ref: string): string | null {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  return ref.startsWith('refs/') ? null : ref;
}

function isDefaultBranch(branch: string | null, defaultBranch?: string): boolean {
  if (branch === null) return false;
  return defaultBranch ? branch === defaultBranch : branch === 'main' || branch === 'master';
}

function parseServices(value: string): Service[] {
  const names = parseNameList(value);
  const bad = names.filter((n) => !(SERVICES as readonly string[]).includes(n));
  if (bad.length || names.length === 0) {
    throw new MlopsError(`services must be a comma list of ${SERVICES.join(', ')}; found "${value}".`);
  }
  return SERVICES.filter((s) => names.includes(s));
}

export function planDeployment(request: PlanRequest): Plan {
  const plan = basePlan(request);
  const services = request.inputs.services?.trim();
  if (!services) return plan;
  return { ...plan, services: parseServices(services), reason: `${plan.reason}; services set by input` };
}

function basePlan({ eventName, ref, defaultBranch, inputs }: PlanRequest): Plan {
  const env = inputs.env?.trim() ? parseEnv(inputs.env) : undefined;
  const branch = branchOf(ref);
  const noDeploy = (services: Service[], reason: string): Plan => ({ environment: null, services, deploy: false, reason });

  if (eventName === 'workflow_dispatch') {
    const target = env ?? 'test';
    if (target === 'prod' && !isDefaultBranch(branch, defaultBranch)) {
      const allowed = defaultBranch ?? 'main or master';
      throw new MlopsError(`Deploying to prod is only allowed from the default branch (${allowed}); this run is on ${ref}. Merge first, then run the workflow on ${allowed}.`);
    }
    return { environment: target, services: ['prediction'], deploy: true, reason: `manual run: deploy to ${target} from ${branch ?? ref}` };
  }

  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    if (env === 'dev') return { environment: 'dev', services: ['prediction'], deploy: true, reason: 'pull request: validate, test and deploy to dev (env input)' };
    if (env) throw new MlopsError(`A pull request may only deploy to dev; found env "${env}". Test and prod deploy after merging.`);
    return noDeploy(['prediction'], 'pull request: validate and test only');
  }

  if (eventName !== 'push' && eventName !== 'schedule') {
    return noDeploy([], `event "${eventName}" does not deploy; only push, pull_request, schedule and workflow_dispatch do`);
  }
  if (env === 'prod') {
    throw new MlopsError('prod is deployed only by a manual workflow_dispatch run on the default branch, never by a push.');
  }
  if (branch === null) return noDeploy([], `${ref} is not a branch (tags do not deploy)`);
  const target = env ?? 'test';
  if (isDefaultBranch(branch, defaultBranch) || branch.startsWith('deploy/')) {
    return { environment: target, services: ['prediction'], deploy: true, reason: `${branch}: deploy the prediction service to ${target}` };
  }
  if (branch.startsWith('mlops/')) {
    return { environment: target, services: ['prediction', 'training'], deploy: true, reason: `${branch}: deploy prediction and training services to ${target}` };
  }
  if (branch.startsWith('feature/')) return noDeploy(['prediction'], `${branch}: validate and test only`);
  return noDeploy([], `${branch}: only main/master, deploy/*, mlops/* and feature/* branches run the pipeline`);
}
