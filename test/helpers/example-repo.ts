/** Copies of examples/model-repo for end-to-end tests. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './run-bundle.js';

/** A fresh copy of the example model repository with its artifact made, as a user has it. */
export function exampleRepo(): string {
  return exampleRepoAt(mkdtempSync(join(tmpdir(), 'model-repo-')));
}

/**
 * A checkout (GITHUB_WORKSPACE) whose model repository lives in `models/sonic/`, as in a
 * monorepo that passes `working-directory: models/sonic`.
 */
export function exampleWorkspace(): { workspace: string; workingDirectory: string; repo: string } {
  const workspace = mkdtempSync(join(tmpdir(), 'workspace-'));
  const workingDirectory = 'models/sonic';
  return { workspace, workingDirectory, repo: exampleRepoAt(join(workspace, workingDirectory)) };
}

/**
 * Adds a second model to a copy of the example: `name`, whose code is `folder/` (model_code/
 * copied, its imports renamed), as a second document of mlops_settings.yaml sharing the artifact
 * folder. Returns the folder's path.
 */
export function addModel(repo: string, name: string, folder: string): string {
  const dir = join(repo, folder);
  cpSync(join(repo, 'model_code'), dir, { recursive: true, filter: (src) => !/[/\\]__pycache__$/.test(src) });
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.py'))) {
    writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(/model_code/g, folder));
  }
  const settings = readFileSync(join(repo, 'mlops_settings.yaml'), 'utf8').split('\n---\n')[0];
  appendFileSync(join(repo, 'mlops_settings.yaml'), `\n---\n${settings
    .replace(/^model_name: .*$/m, `model_name: ${name}`)
    .replace(/^human_friendly_model_name: .*$/m, `human_friendly_model_name: '${name}'`)
    .replace(/model_code\//g, `${folder}/`)}`);
  return dir;
}

function exampleRepoAt(dir: string): string {
  cpSync(join(repoRoot, 'examples', 'model-repo'), dir, { recursive: true, filter: (src) => !/[/\\](\.pytest_cache|\.benchmarks|\.mlops|__pycache__|model_artifact)$/.test(src) });
  const made = spawnSync('python3', ['model_code/make_artifact.py', 'model_artifact'], { cwd: dir, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`make_artifact failed: ${made.stderr}`);
  return dir;
}

