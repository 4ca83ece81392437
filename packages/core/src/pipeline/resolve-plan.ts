/**
 * The plan a pipeline run follows: the branch rules inside a CI run (GitHub Actions, or
 * Bitbucket Pipelines read into GitHub's terms), the explicit environment outside one (a
 * terminal, the demo).
 */
import { MlopsError } from '../errors.js';
import { planDeployment, type Plan } from '../plan.js';
import { parseService } from '../packaging/package-models.js';
import { parseEnv, parseNameList } from '../settings/inputs.js';
import { SERVICES, type Env } from '../settings/types.js';
import type { GithubRunContext } from './github-context.js';

export type EnvChoice = Env | 'auto';

/** `dev|test|prod|auto`; empty means auto. */
export function parseEnvChoice(value: string, what = 'env'): EnvChoice {
  const v = value.trim().toLowerCase();
  return v === '' || v === 'auto' ? 'auto' : parseEnv(v, what);
}

export interface ResolvePlanOptions {
  env: EnvChoice;
  /** comma list replacing the plan's services */
  services?: string;
  github?: GithubRunContext | null;
}

export function resolvePlan({ env, services, github }: ResolvePlanOptions): Plan {
  if (github) {
    return planDeployment({ ...github, inputs: { env: env === 'auto' ? undefined : env, services } });
  }
  if (env === 'auto') {
    throw new MlopsError('env "auto" follows the branch rules of a CI run (GitHub Actions or Bitbucket Pipelines), and this is none; choose the environment: dev, test or prod.');
  }
  const named = parseNameList(services).map((s) => parseService(s));
  return {
    environment: env,
    services: named.length ? SERVICES.filter((s) => named.includes(s)) : ['prediction'],
    deploy: true,
    reason: `deploy to ${env} as asked (not a CI run, so no branch rules apply)`,
    warnings: [],
  };
}
