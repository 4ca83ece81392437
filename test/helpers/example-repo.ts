/** Copies of examples/model-repo for end-to-end tests. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
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

function exampleRepoAt(dir: string): string {
  cpSync(join(repoRoot, 'examples', 'model-repo'), dir, { recursive: true, filter: (src) => !/[/\\](\.pytest_cache|\.benchmarks|\.mlops|__pycache__|model_artifact)$/.test(src) });
  const made = spawnSync('python3', ['model_code/make_artifact.py', 'model_artifact'], { cwd: dir, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`make_artifact failed: ${made.stderr}`);
  return dir;
}

