/**
 * Which CI run `mlops deploy --env auto` is in, as the branch rules (core plan.ts) read it:
 * GitHub Actions (GITHUB_EVENT_NAME, GITHUB_REF) or Bitbucket Pipelines, whose documented
 * default variables are BITBUCKET_BRANCH (branch builds), BITBUCKET_TAG (tag builds) and
 * BITBUCKET_PR_ID (pull-request builds) — support.atlassian.com, "Variables and secrets".
 */
import { githubRunContext, type GithubRunContext } from '@akerbp-mlops/core';

/**
 * The run context, or null outside CI. In Bitbucket, a branch build is a push and a pull-request
 * build a pull_request; a step that names its environment (`mlops deploy --env prod`, which
 * `mlops init --ci bitbucket` writes only into a `trigger: manual` step on main/master) is a
 * deliberate run, like GitHub's workflow_dispatch: prod only from main or master.
 */
export function ciRunContext(env: NodeJS.ProcessEnv, explicitEnv: boolean): GithubRunContext | null {
  const github = githubRunContext(env);
  if (github) return github;
  const branch = env.BITBUCKET_BRANCH?.trim();
  const tag = env.BITBUCKET_TAG?.trim();
  const system = 'bitbucket' as const;
  if (env.BITBUCKET_PR_ID?.trim()) return { eventName: 'pull_request', ref: `refs/heads/${branch ?? ''}`, system };
  if (tag) return { eventName: 'push', ref: `refs/tags/${tag}`, system };
  if (branch) return { eventName: explicitEnv ? 'workflow_dispatch' : 'push', ref: `refs/heads/${branch}`, system };
  return null;
}
