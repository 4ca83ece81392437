/**
 * What `mlops init --ci bitbucket` writes: a bitbucket-pipelines.yml running the same branch
 * rules as the GitHub workflow through the CLI (`mlops deploy --env auto` reads
 * BITBUCKET_BRANCH, BITBUCKET_TAG and BITBUCKET_PR_ID), with prod only in a manual step.
 */
import { readFileSync } from 'node:fs';
import { setupPythonVersion, type PythonRuntime } from '@akerbp-mlops/core';

export const BITBUCKET_FILE = 'bitbucket-pipelines.yml';

/**
 * The image of the pipeline's steps for models on `runtime`: both Node (the CLI) and the
 * models' Python (their tests must run on the Python CDF runs them on), from
 * nikolaik/python-nodejs, a maintained Docker Hub image tagged python<X.Y>-nodejs<N>. Its
 * README's tag table (github.com/nikolaik/docker-python-nodejs) lists python3.9 to 3.13 with
 * nodejs18 to 23, and python3.14-nodejs22 from 2025: every CDF runtime (py310–py314) has a
 * nodejs22 tag. Node 22, not 20: Node 20 left maintenance in April 2026.
 */
export function bitbucketImage(runtime: PythonRuntime): string {
  return `nikolaik/python-nodejs:python${setupPythonVersion(runtime)}-nodejs22`;
}

/** The Bitbucket repository variables the pipeline reads (secured: the client secrets). */
export const BITBUCKET_VARIABLES = [
  'COGNITE_PROJECT', 'COGNITE_OIDC_BASE_URL', 'COGNITE_TENANT_ID', 'COGNITE_CLIENT_ID_WRITE', 'COGNITE_CLIENT_SECRET_WRITE',
] as const;

const HEADER = '# Written by `mlops init --ci bitbucket`.';

/** Whether the file at `path` is a pipeline `mlops init --ci bitbucket` wrote (edited or not). */
export function isWrittenByInit(path: string): boolean {
  return readFileSync(path, 'utf8').startsWith(HEADER);
}

/** The pipeline file, installing akerbp/mlops at `v<major>`, its steps in `bitbucketImage(runtime)`. */
export function renderBitbucketPipelines(major: string, runtime: PythonRuntime): string {
  const install = `npm install --global --no-audit --no-fund github:akerbp/mlops#${major}`;
  return `${HEADER} Branch rules, applied by \`mlops deploy --env auto\`:
# main/master and deploy/* deploy the prediction service to test, mlops/* deploys prediction and
# training to test, feature/* and pull requests validate and test only, tags and other branches
# validate only. Prod: the manual "Deploy to prod" step on main/master.
# Repository variables: ${BITBUCKET_VARIABLES.join(', ')} (secured)
# (COGNITE_TOKEN_URL instead of COGNITE_TENANT_ID for another identity provider); give the
# "Production" deployment environment its own values to deploy prod to another CDF project.
# Optional, secured: MLOPS_FUNCTION_SECRETS (the functions' secrets as JSON), MLOPS_INDEX_URL
# and MLOPS_EXTRA_INDEX_URLS (package indexes); mlops deploy reads them when its flags are absent.
# The image's Python is the models' python_version: run \`mlops init --ci bitbucket\` again
# when that changes, to move it.
image: ${bitbucketImage(runtime)}

definitions:
  steps:
    - step: &mlops-auto
        name: mlops (branch rules)
        caches:
          - pip
        script:
          - ${install}
          - mlops deploy --env auto

pipelines:
  default:
    - step: *mlops-auto
  branches:
    '{main,master}':
      - step: *mlops-auto
      - step:
          name: Deploy to prod
          trigger: manual
          deployment: production
          script:
            - ${install}
            # The manual trigger is the confirmation, so --yes skips typing the project name.
            - mlops deploy --env prod --yes
  pull-requests:
    '**':
      - step: *mlops-auto
  tags:
    '**':
      - step: *mlops-auto
`;
}

/** What `mlops init --ci bitbucket` does with the file, given its text (undefined when absent). */
export type BitbucketAction =
  | { kind: 'create' | 'unchanged' | 'force' }
  | { kind: 'update'; changes: string[] }
  | { kind: 'refuse' };

/** The parts init moves in a file it wrote: the image and the version pin of the install. */
const MOVABLE = [/^image: (\S+)$/m, /github:akerbp\/mlops#([\w.-]+)/];

/** The file without its leading comment block (init's own notes), its movable parts as placeholders. */
function movableParts(text: string): { rest: string; parts: (string | undefined)[] } {
  let rest = text.replace(/\r\n/g, '\n').replace(/^(#.*\n)+/, '');
  for (const pattern of MOVABLE) rest = rest.replace(new RegExp(pattern.source, `${pattern.flags}g`), '<moved>');
  return { rest, parts: MOVABLE.map((p) => p.exec(text)?.[1]) };
}

/**
 * Compares the file on disk with `content`, what init writes now: the same text is unchanged; a
 * file that differs only in its image, its akerbp/mlops pin (the models' python_version or the
 * suite's major changed) or init's leading comments is updated, saying what moved; anything else
 * holds edits and is left alone unless `force`.
 */
export function planBitbucketWrite(existing: string | undefined, content: string, force: boolean): BitbucketAction {
  if (existing === undefined) return { kind: 'create' };
  if (existing.replace(/\r\n/g, '\n') === content) return { kind: 'unchanged' };
  const was = movableParts(existing);
  const now = movableParts(content);
  if (was.rest === now.rest) {
    const moved = now.parts.flatMap((part, i) => (part !== was.parts[i] ? [`${i === 0 ? 'image' : 'akerbp/mlops'} ${was.parts[i]} → ${part}`] : []));
    return { kind: 'update', changes: moved.length ? moved : ['its comments'] };
  }
  return { kind: force ? 'force' : 'refuse' };
}
