/**
 * The GitHub run the branch rules read: event, ref and the repository's default branch, from
 * the runner's environment variables and event payload (plain files, no @actions import).
 */
import { readFileSync } from 'node:fs';

export interface GithubRunContext {
  eventName: string;
  ref: string;
  defaultBranch?: string;
  /** the CI system the run is in (its messages use its words); github when absent */
  system?: CiSystem;
}

/** GitHub Actions, or Bitbucket Pipelines read into GitHub's terms (cli/ci-context.ts). */
export type CiSystem = 'github' | 'bitbucket';

/** null outside a GitHub run (no GITHUB_EVENT_NAME). */
export function githubRunContext(env: NodeJS.ProcessEnv = process.env): GithubRunContext | null {
  const eventName = env.GITHUB_EVENT_NAME?.trim();
  if (!eventName) return null;
  let defaultBranch: string | undefined;
  if (env.GITHUB_EVENT_PATH) {
    try {
      const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { repository?: { default_branch?: unknown } };
      if (typeof payload.repository?.default_branch === 'string') defaultBranch = payload.repository.default_branch;
    } catch {
      // No readable payload: the plan then accepts main and master as the default branch.
    }
  }
  return { eventName, ref: env.GITHUB_REF ?? '', defaultBranch };
}
