/** `mlops init`: the settings file and the caller workflow, like `python -m akerbp.mlops.deployment.setup`. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MlopsError, loadSettings } from '@akerbp-mlops/core';
import { SUITE_VERSION as VERSION } from '@akerbp-mlops/core';
import { SETTINGS_FILE, SETTINGS_TEMPLATE, SETUP_NOTES, WORKFLOW_FILE } from '../init/templates.js';
import { ensureGitignored, findLegacyPipelines, keepAsBackup } from '../init/migration.js';
import { planWorkflowWrite } from '../init/workflow-file.js';
import { BITBUCKET_FILE, isWrittenByInit, renderBitbucketPipelines } from '../init/bitbucket.js';
import { Option, type Command } from 'commander';
import { handler } from '../exit.js';

/** Adds `mlops init`. */
export default function register(program: Command): void {
  program
    .command('init')
    .summary(`write ${SETTINGS_FILE} and a CI file (GitHub workflow or Bitbucket pipeline) in a model repository`)
    .description(`Writes ${SETTINGS_FILE} from a template when it is missing (validates it when present) and the CI file: ${WORKFLOW_FILE}, which calls the akerbp/mlops reusable workflow at v${VERSION.split('.')[0]}, or with --ci bitbucket ${BITBUCKET_FILE}, which runs \`mlops deploy --env auto\` (prod in a manual step). Re-running moves the workflow's version pin; a CI file you have edited is left alone unless --force; running it again before filling in the settings template is fine. Adds .mlops/ (test reports and packages) to .gitignore. Where the akerbp-mlops package's pipeline (${WORKFLOW_FILE} or ${BITBUCKET_FILE}) exists, it says so and stops: both would deploy the same functions; --force replaces it, keeping the old file as <file>.bak.`)
    .addOption(new Option('--ci <system>', `the CI file to write: github (${WORKFLOW_FILE}) or bitbucket (${BITBUCKET_FILE})`).choices(['github', 'bitbucket']).default('github'))
    .option('--force', "replace a CI file you have edited, or the package's pipeline")
    .option('--repo <dir>', 'the model repository (default: the current folder)')
    .action(handler(initCommand));
}

async function initCommand(values: { force?: boolean; repo?: string; ci: 'github' | 'bitbucket' }): Promise<number> {
  const repo = resolve(values.repo ?? '.');
  if (!existsSync(repo)) throw new MlopsError(`The repository folder ${repo} does not exist.`);
  const say = (line: string) => process.stdout.write(`${line}\n`);

  // A Bitbucket pipeline `mlops init --ci bitbucket` wrote is ours, not the package's.
  const legacy = findLegacyPipelines(repo, WORKFLOW_FILE).filter((p) => !(p.file === BITBUCKET_FILE && isWrittenByInit(join(repo, BITBUCKET_FILE))));
  for (const p of legacy) say(`found ${p.file}: ${p.what}`);
  if (ensureGitignored(repo, '.mlops/')) say('added .mlops/ to .gitignore');
  if (legacy.length && !values.force) {
    await settingsStep(repo, say);
    throw new MlopsError(
      `Not replacing ${legacy.map((p) => p.file).join(' and ')}: ${legacy.length > 1 ? 'they deploy' : 'it deploys'} the same functions (<model>-<service>-<env>) as the workflow mlops init writes, so both would run on every push. ` +
        `Run \`mlops init --force\` to replace ${legacy.length > 1 ? 'them' : 'it'} (kept as ${legacy.map((p) => `${p.file}.bak`).join(' and ')}), or remove ${legacy.length > 1 ? 'them' : 'it'} yourself.`,
      legacy.map((p) => ({ file: p.file, message: p.what })),
    );
  }
  for (const kept of keepAsBackup(repo, legacy)) say(`kept the old pipeline as ${kept}`);

  const major = `v${VERSION.split('.')[0]}`;
  if (values.ci === 'bitbucket') writeBitbucketPipelines(repo, major, values.force ?? false, say);
  else writeGithubWorkflow(repo, major, values.force ?? false, say);
  await settingsStep(repo, say);
  return 0;
}

/** .github/workflows/main.yml: created, its pin moved, or left alone when edited (unless `force`). */
function writeGithubWorkflow(repo: string, major: string, force: boolean, say: (line: string) => void): void {
  const workflowPath = join(repo, WORKFLOW_FILE);
  const existing = existsSync(workflowPath) ? readFileSync(workflowPath, 'utf8') : undefined;
  const plan = planWorkflowWrite(existing, major, force);
  if (plan.kind === 'refuse') {
    throw new MlopsError(`Not touching ${WORKFLOW_FILE}: ${plan.reason}. Change its version pin by hand, or run \`mlops init --force\` to replace it (commit your version first).`);
  }
  if (plan.kind !== 'unchanged') {
    mkdirSync(dirname(workflowPath), { recursive: true });
    writeFileSync(workflowPath, plan.content);
  }
  if (plan.kind === 'update-pin') say(`updated ${WORKFLOW_FILE}: ${plan.from} → ${major}`);
  else say(plan.kind === 'create' ? `wrote ${WORKFLOW_FILE}` : plan.kind === 'force' ? `replaced ${WORKFLOW_FILE} (--force)` : `${WORKFLOW_FILE} is up to date`);
  if (plan.kind === 'create' || plan.kind === 'force') say(SETUP_NOTES);
}

/** bitbucket-pipelines.yml: created, or left alone when it differs (unless `force`). */
function writeBitbucketPipelines(repo: string, major: string, force: boolean, say: (line: string) => void): void {
  const path = join(repo, BITBUCKET_FILE);
  const content = renderBitbucketPipelines(major);
  const existing = existsSync(path) ? readFileSync(path, 'utf8').replace(/\r\n/g, '\n') : undefined;
  if (existing === content) return say(`${BITBUCKET_FILE} is up to date`);
  if (existing !== undefined && !force) {
    throw new MlopsError(`Not touching ${BITBUCKET_FILE}: it differs from what mlops init writes. Merge the steps by hand, or run \`mlops init --ci bitbucket --force\` to replace it (commit your version first).`);
  }
  writeFileSync(path, content);
  say(existing === undefined ? `wrote ${BITBUCKET_FILE}` : `replaced ${BITBUCKET_FILE} (--force)`);
}

/** Writes the settings template when there is none, else validates the settings (throws their problems). */
async function settingsStep(repo: string, say: (line: string) => void): Promise<void> {
  const settingsPath = join(repo, SETTINGS_FILE);
  if (!existsSync(settingsPath)) {
    writeFileSync(settingsPath, SETTINGS_TEMPLATE);
    say(`wrote ${SETTINGS_FILE}: fill it in, then check it with \`mlops validate\``);
    return;
  }
  // Run twice on a fresh repository: the untouched template is not an error, just not filled in yet.
  if (readFileSync(settingsPath, 'utf8').replace(/\r\n/g, '\n') === SETTINGS_TEMPLATE) {
    say(`${SETTINGS_FILE} is still the template: fill it in, then check it with \`mlops validate\``);
    return;
  }
  const loaded = await loadSettings({ file: SETTINGS_FILE, repoRoot: repo });
  say(`${SETTINGS_FILE} is valid: ${loaded.models.map((m) => m.modelName).join(', ')}`);
}
