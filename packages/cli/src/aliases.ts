/**
 * The Python package's deploy scripts, kept as names of `mlops deploy` so old pipeline files keep
 * running: `deploy_prediction_service` and `deploy_training_service` (package.json `bin` installs
 * them beside `mlops`). As the package's scripts did, they read MODEL_ENV (the environment) and
 * TESTING_ONLY (validate and test only) from the environment; the service is the script's.
 */
export const LEGACY_SCRIPTS: Readonly<Record<string, 'prediction' | 'training'>> = {
  deploy_prediction_service: 'prediction',
  deploy_training_service: 'training',
};

/**
 * Whether `env` is a CI run: GitHub Actions (GITHUB_ACTIONS), Bitbucket Pipelines
 * (BITBUCKET_BUILD_NUMBER) or another service setting CI (most do: GitLab, CircleCI, Travis...).
 */
export function inCiRun(env: NodeJS.ProcessEnv): boolean {
  return [env.GITHUB_ACTIONS, env.BITBUCKET_BUILD_NUMBER, env.CI].some((v) => !!v?.trim() && v.trim().toLowerCase() !== 'false');
}

/**
 * The `mlops` arguments for a process started as `scriptPath` with `args` in the environment
 * `env`: `deploy --service S` plus `args` when the script is one of LEGACY_SCRIPTS (matched on
 * its file name, without an extension such as .cmd), else `args` unchanged. `mlops deploy` reads
 * MODEL_ENV and TESTING_ONLY. In a CI run `--yes` is added: the package's pipelines ran these
 * scripts for prod behind their own manual gate. Outside CI there was no gate, so prod asks for
 * the project name on a terminal and needs `--yes` without one, as `mlops deploy` does.
 */
export function mlopsArguments(scriptPath: string | undefined, args: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const name = (scriptPath ?? '').split(/[\\/]/).pop()!.replace(/\.(c?js|cmd|ps1)$/i, '');
  const service = LEGACY_SCRIPTS[name];
  if (!service) return args;
  return ['deploy', '--service', service, ...(inCiRun(env) && !args.includes('--yes') && !args.includes('-y') ? ['--yes'] : []), ...args];
}
