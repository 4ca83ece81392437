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
 * The `mlops` arguments for a process started as `scriptPath` with `args`: `deploy --service S --yes`
 * plus `args` when the script is one of LEGACY_SCRIPTS (matched on its file name, without an
 * extension such as .cmd), else `args` unchanged. `mlops deploy` reads MODEL_ENV and TESTING_ONLY.
 */
export function mlopsArguments(scriptPath: string | undefined, args: string[]): string[] {
  const name = (scriptPath ?? '').split(/[\\/]/).pop()!.replace(/\.(c?js|cmd|ps1)$/i, '');
  const service = LEGACY_SCRIPTS[name];
  // --yes: the package's pipelines ran these scripts for prod behind their own manual gate.
  return service ? ['deploy', '--service', service, '--yes', ...args] : args;
}
