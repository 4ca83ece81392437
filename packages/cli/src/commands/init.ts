/** `mlops init`: the settings file and the caller workflow, like `python -m akerbp.mlops.deployment.setup`. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MlopsError, RECOMMENDED_RUNTIME, loadSettings, type PythonRuntime } from '@akerbp-mlops/core';
import { SUITE_VERSION as VERSION } from '@akerbp-mlops/core';
import { SETTINGS_FILE, SETTINGS_TEMPLATE, SETUP_NOTES, WORKFLOW_FILE } from '../init/templates.js';
import { ensureGitignored, findLegacyPipelines, keepAsBackup } from '../init/migration.js';
import { pinnedVersion, planWorkflowWrite } from '../init/workflow-file.js';
import { cliLogger } from '../progress.js';
import { BITBUCKET_FILE, bitbucketImage, isWrittenByInit, planBitbucketWrite, renderBitbucketPipelines } from '../init/bitbucket.js';
import { Option, type Command } from 'commander';
import { handler } from '../exit.js';

/** Adds `mlops init`. */
export default function register(program: Command): void {
  program
    .command('init')
    .summary(`write ${SETTINGS_FILE} and a CI file (GitHub workflow or Bitbucket pipeline) in a model repository`)
    .description(`Writes ${SETTINGS_FILE} from a template when it is missing (validates it when present) and the CI file: ${WORKFLOW_FILE}, which calls the akerbp/mlops reusable workflow at v${VERSION.split('.')[0]}, or with --ci bitbucket ${BITBUCKET_FILE}, which runs \`mlops deploy --env auto\` (prod in a manual step). Re-running moves the workflow's version pin; a CI file you have edited is left alone unless --force; running it again before filling in the settings template is fine. Adds .mlops/ (test reports and packages) to .gitignore. The Bitbucket pipeline's image runs the models' python_version (one for all models; re-running moves it when that changes). Where the akerbp-mlops package's pipeline (${WORKFLOW_FILE} or ${BITBUCKET_FILE}) exists, it says so and stops: both would deploy the same functions; --force retires every such pipeline, whichever --ci, keeping each as <file>.bak, and writes only the --ci system's file. Warns when the other system's file written by mlops init is there: a mirrored repository would deploy twice.`)
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
      `Not replacing ${legacy.map((p) => p.file).join(' and ')}: ${legacy.length > 1 ? 'they deploy' : 'it deploys'} the same functions (<model>-<service>-<env>) as the ${values.ci === 'bitbucket' ? 'pipeline' : 'workflow'} mlops init writes, so both would run on every push. ` +
        `Run \`mlops init${values.ci === 'bitbucket' ? ' --ci bitbucket' : ''} --force\` to retire ${legacy.length > 1 ? 'them' : 'it'} (kept as ${legacy.map((p) => `${p.file}.bak`).join(' and ')}; only ${ciFile(values.ci)} is written), or remove ${legacy.length > 1 ? 'them' : 'it'} yourself.`,
      legacy.map((p) => ({ file: p.file, message: p.what })),
    );
  }
  for (const kept of keepAsBackup(repo, legacy)) {
    // --force retires every package pipeline, whichever --ci: both would deploy the same functions.
    const other = !kept.startsWith(ciFile(values.ci));
    say(`kept the old pipeline as ${kept}${other ? `; --ci ${values.ci} writes no ${values.ci === 'bitbucket' ? 'GitHub workflow' : 'Bitbucket pipeline'} in its place (only ${ciFile(values.ci)})` : ''}`);
  }
  warnOfOtherCi(repo, values.ci);

  const major = `v${VERSION.split('.')[0]}`;
  if (values.ci === 'bitbucket') {
    // The pipeline's image follows the models' python_version: the settings come first.
    const models = await settingsStep(repo, say).catch((err: unknown) => {
      if (!(err instanceof MlopsError)) throw err;
      throw new MlopsError(`${err.message}\n${BITBUCKET_FILE} is written once the settings are valid: its image's Python is the models' python_version.`, err.problems);
    });
    writeBitbucketPipelines(repo, major, pipelineRuntime(models), values.force ?? false, say);
    return 0;
  }
  writeGithubWorkflow(repo, major, values.force ?? false, say);
  await settingsStep(repo, say);
  return 0;
}

/** The file `mlops init --ci <ci>` writes. */
function ciFile(ci: 'github' | 'bitbucket'): string {
  return ci === 'bitbucket' ? BITBUCKET_FILE : WORKFLOW_FILE;
}

/**
 * Warns when the other CI system's file that mlops init writes is already there: a repository
 * mirrored to GitHub and Bitbucket would then deploy the same functions from both.
 */
function warnOfOtherCi(repo: string, ci: 'github' | 'bitbucket'): void {
  const other = ci === 'bitbucket' ? WORKFLOW_FILE : BITBUCKET_FILE;
  const path = join(repo, other);
  const ours = existsSync(path) && (ci === 'bitbucket' ? pinnedVersion(readFileSync(path, 'utf8')) !== undefined : isWrittenByInit(path));
  if (!ours) return;
  cliLogger().warning(`${other} (written by \`mlops init${ci === 'bitbucket' ? '' : ' --ci bitbucket'}\`) also deploys these models: a repository that runs both ${ci === 'bitbucket' ? 'GitHub Actions and Bitbucket Pipelines' : 'Bitbucket Pipelines and GitHub Actions'} (a mirror) would deploy every function twice. Keep one: delete the file you do not use.`);
}

/**
 * The one python_version of `models` (name → runtime), which the Bitbucket pipeline's image runs;
 * throws when they differ, as one image cannot test them all on their own Python.
 */
function pipelineRuntime(models: Map<string, PythonRuntime>): PythonRuntime {
  const byRuntime = new Map<PythonRuntime, string[]>();
  for (const [name, runtime] of models) byRuntime.set(runtime, [...(byRuntime.get(runtime) ?? []), name]);
  if (byRuntime.size <= 1) return [...byRuntime.keys()][0] ?? RECOMMENDED_RUNTIME;
  const groups = [...byRuntime].map(([runtime, names]) => `${names.join(', ')} on ${runtime}`).join('; ');
  throw new MlopsError(
    `Not writing ${BITBUCKET_FILE}: its steps run in one image, whose Python must be the models' python_version, and the models differ (${groups}). ` +
      `Give them one python_version, or write the pipeline by hand with one step per image (${[...byRuntime.keys()].map((r) => bitbucketImage(r)).join(', ')}), each running \`mlops deploy --env auto --models <its models>\`.`,
  );
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

/**
 * bitbucket-pipelines.yml with its steps in the image of `runtime`: created, its image or pin
 * moved, or left alone when it holds edits (unless `force`).
 */
function writeBitbucketPipelines(repo: string, major: string, runtime: PythonRuntime, force: boolean, say: (line: string) => void): void {
  const path = join(repo, BITBUCKET_FILE);
  const content = renderBitbucketPipelines(major, runtime);
  const plan = planBitbucketWrite(existsSync(path) ? readFileSync(path, 'utf8') : undefined, content, force);
  if (plan.kind === 'unchanged') return say(`${BITBUCKET_FILE} is up to date (image ${bitbucketImage(runtime)})`);
  if (plan.kind === 'refuse') {
    throw new MlopsError(`Not touching ${BITBUCKET_FILE}: it differs from what mlops init writes (beyond its image and version pin). Merge the steps by hand (the image for ${runtime} is ${bitbucketImage(runtime)}), or run \`mlops init --ci bitbucket --force\` to replace it (commit your version first).`);
  }
  writeFileSync(path, content);
  if (plan.kind === 'update') say(`updated ${BITBUCKET_FILE}: ${plan.changes.join('; ')}`);
  else say(plan.kind === 'create' ? `wrote ${BITBUCKET_FILE} (image ${bitbucketImage(runtime)}, the models' python_version ${runtime})` : `replaced ${BITBUCKET_FILE} (--force)`);
}

/**
 * Writes the settings template when there is none, else validates the settings (throws their
 * problems). Resolves to each model's python_version by name (the template's: its one model).
 */
async function settingsStep(repo: string, say: (line: string) => void): Promise<Map<string, PythonRuntime>> {
  const settingsPath = join(repo, SETTINGS_FILE);
  const template = new Map<string, PythonRuntime>([['my_model', RECOMMENDED_RUNTIME]]);
  if (!existsSync(settingsPath)) {
    writeFileSync(settingsPath, SETTINGS_TEMPLATE);
    say(`wrote ${SETTINGS_FILE}: fill it in, then check it with \`mlops validate\``);
    return template;
  }
  // Run twice on a fresh repository: the untouched template is not an error, just not filled in yet.
  if (readFileSync(settingsPath, 'utf8').replace(/\r\n/g, '\n') === SETTINGS_TEMPLATE) {
    say(`${SETTINGS_FILE} is still the template: fill it in, then check it with \`mlops validate\``);
    return template;
  }
  const loaded = await loadSettings({ file: SETTINGS_FILE, repoRoot: repo });
  say(`${SETTINGS_FILE} is valid: ${loaded.models.map((m) => m.modelName).join(', ')}`);
  return new Map(loaded.models.map((m) => [m.modelName, m.pythonVersion as PythonRuntime]));
}
