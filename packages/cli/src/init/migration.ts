/**
 * A repository coming from the akerbp-mlops Python package: its pipeline files, which deploy the
 * same `<model>-<service>-<env>` functions as ours would, and the .gitignore line for our outputs.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LegacyPipeline {
  /** repository-relative path */
  file: string;
  /** what it is, for the message */
  what: string;
}

/** The package's GitHub workflow runs its deploy scripts or installs it; ours calls akerbp/mlops. */
const PACKAGE_WORKFLOW = /deploy_(prediction|training)_service|akerbp[-.]mlops/;

/** The akerbp-mlops pipelines present in `repo`: its GitHub workflow and any Bitbucket pipeline. */
export function findLegacyPipelines(repo: string, workflowFile: string): LegacyPipeline[] {
  const found: LegacyPipeline[] = [];
  const workflow = join(repo, workflowFile);
  if (existsSync(workflow) && PACKAGE_WORKFLOW.test(readFileSync(workflow, 'utf8'))) {
    found.push({ file: workflowFile, what: 'the akerbp-mlops package\'s GitHub workflow (it runs deploy_prediction_service)' });
  }
  if (existsSync(join(repo, 'bitbucket-pipelines.yml'))) {
    found.push({ file: 'bitbucket-pipelines.yml', what: 'a Bitbucket pipeline (the akerbp-mlops package\'s other pipeline)' });
  }
  return found;
}

/** Renames each pipeline to `<file>.bak` (replacing an older .bak); returns the new names. */
export function keepAsBackup(repo: string, pipelines: LegacyPipeline[]): string[] {
  return pipelines.map((p) => {
    renameSync(join(repo, p.file), join(repo, `${p.file}.bak`));
    return `${p.file}.bak`;
  });
}

/** Adds `entry` to the repository's .gitignore unless a line already ignores it; true when added. */
export function ensureGitignored(repo: string, entry: string): boolean {
  const path = join(repo, '.gitignore');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const bare = entry.replace(/^\/|\/$/g, '');
  if (text.split(/\r?\n/).some((line) => line.trim().replace(/^\/|\/$/g, '') === bare)) return false;
  writeFileSync(path, `${text}${text && !text.endsWith('\n') ? '\n' : ''}${entry}\n`);
  return true;
}
