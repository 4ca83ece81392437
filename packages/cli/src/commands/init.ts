/** `mlops init`: the settings file and the caller workflow, like `python -m akerbp.mlops.deployment.setup`. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MlopsError, loadSettings } from '@akerbp-mlops/core';
import { SUITE_VERSION as VERSION } from '@akerbp-mlops/core';
import { SETTINGS_FILE, SETTINGS_TEMPLATE, WORKFLOW_FILE } from '../init/templates.js';
import { planWorkflowWrite } from '../init/workflow-file.js';
import type { Command } from 'commander';
import { handler } from '../exit.js';

/** Adds `mlops init`. */
export default function register(program: Command): void {
  program
    .command('init')
    .summary(`write ${SETTINGS_FILE} and ${WORKFLOW_FILE} in a model repository`)
    .description(`Writes ${SETTINGS_FILE} from a template when it is missing (validates it when present) and ${WORKFLOW_FILE}, which calls the akerbp/mlops reusable workflow at v${VERSION.split('.')[0]}. Re-running moves the version pin; a workflow you have edited is left alone unless --force.`)
    .option('--force', `replace an edited ${WORKFLOW_FILE}`)
    .option('--repo <dir>', 'the model repository (default: the current folder)')
    .action(handler(initCommand));
}

async function initCommand(values: { force?: boolean; repo?: string }): Promise<number> {
  const repo = resolve(values.repo ?? '.');
  if (!existsSync(repo)) throw new MlopsError(`The repository folder ${repo} does not exist.`);
  const say = (line: string) => process.stdout.write(`${line}\n`);

  const workflowPath = join(repo, WORKFLOW_FILE);
  const existing = existsSync(workflowPath) ? readFileSync(workflowPath, 'utf8') : undefined;
  const major = `v${VERSION.split('.')[0]}`;
  const plan = planWorkflowWrite(existing, major, values.force ?? false);
  if (plan.kind === 'refuse') {
    throw new MlopsError(`Not touching ${WORKFLOW_FILE}: ${plan.reason}. Change its version pin by hand, or run \`mlops init --force\` to replace it (commit your version first).`);
  }
  if (plan.kind !== 'unchanged') {
    mkdirSync(dirname(workflowPath), { recursive: true });
    writeFileSync(workflowPath, plan.content);
  }
  if (plan.kind === 'update-pin') say(`updated ${WORKFLOW_FILE}: ${plan.from} → ${major}`);
  else say(plan.kind === 'create' ? `wrote ${WORKFLOW_FILE}` : plan.kind === 'force' ? `replaced ${WORKFLOW_FILE} (--force)` : `${WORKFLOW_FILE} is up to date`);

  const settingsPath = join(repo, SETTINGS_FILE);
  if (!existsSync(settingsPath)) {
    writeFileSync(settingsPath, SETTINGS_TEMPLATE);
    say(`wrote ${SETTINGS_FILE}: fill it in, then check it with \`mlops validate\``);
    return 0;
  }
  const loaded = await loadSettings({ file: SETTINGS_FILE, repoRoot: repo });
  say(`${SETTINGS_FILE} is valid: ${loaded.models.map((m) => m.modelName).join(', ')}`);
  return 0;
}
