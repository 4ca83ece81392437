/**
 * What code we did not write sees of our environment: model tests (pytest), the service test, pip
 * installs of the model's requirements and every other Python we start for a model. One policy:
 * read credentials at most.
 */

import { FUNCTION_FIELD_VARIABLES } from '../deploy/secrets.js';

/** CDF variables a model's code may read: the read pair and where CDF is (not secrets in themselves). */
export const READ_CREDENTIAL_VARIABLES = [
  'COGNITE_CLIENT_ID_READ',
  'COGNITE_CLIENT_SECRET_READ',
  'COGNITE_TENANT_ID',
  'COGNITE_OIDC_BASE_URL',
  'COGNITE_PROJECT',
  'COGNITE_TOKEN_URL',
] as const;

/**
 * The runner's workflow-command files: whoever can append to them sets the step's outputs and
 * state, the job summary, and the environment and PATH of every later step (NODE_OPTIONS, say), so
 * model code never learns where they are. Source: docs.github.com, "Workflow commands for GitHub
 * Actions" (environment files).
 */
export const WORKFLOW_COMMAND_FILES = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'] as const;

/**
 * Whether a variable is withheld: every other COGNITE_* (the write pair above all); the runner's
 * workflow-command files (WORKFLOW_COMMAND_FILES); the CLI's secrets and index-URL variables
 * (FUNCTION_FIELD_VARIABLES, which may carry index credentials); action inputs
 * (INPUT_*, which hold client-secret and function-secrets); the runner's ACTIONS_* tokens (among
 * them ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN, which mint OIDC tokens that sign in with write
 * access); GITHUB_TOKEN and GH_TOKEN; and any other name saying SECRET, TOKEN, PASSWORD or
 * PRIVATE_KEY. Proxy settings (HTTP(S)_PROXY, NO_PROXY), PATH, HOME, PIP_*, PYTHON* and the
 * user's own variables pass.
 */
export function isWithheldVariable(name: string): boolean {
  const upper = name.toUpperCase();
  if ((READ_CREDENTIAL_VARIABLES as readonly string[]).includes(upper)) return false;
  if ((WORKFLOW_COMMAND_FILES as readonly string[]).includes(upper)) return true;
  if ((Object.values(FUNCTION_FIELD_VARIABLES) as string[]).includes(upper)) return true;
  return upper.startsWith('COGNITE_') || upper.startsWith('INPUT_') || upper.startsWith('ACTIONS_')
    || /SECRET|TOKEN|PASSWORD|PRIVATE_KEY/.test(upper);
}

/** `env` without the withheld variables (see isWithheldVariable): the environment of model code. */
export function modelTestEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && !isWithheldVariable(e[0])));
}
