/**
 * What `mlops init --ci bitbucket` writes: a bitbucket-pipelines.yml running the same branch
 * rules as the GitHub workflow through the CLI (`mlops deploy --env auto` reads
 * BITBUCKET_BRANCH, BITBUCKET_TAG and BITBUCKET_PR_ID), with prod only in a manual step.
 */
import { readFileSync } from 'node:fs';

export const BITBUCKET_FILE = 'bitbucket-pipelines.yml';

/**
 * An image with both Node (the CLI) and Python (the models' tests): nikolaik/python-nodejs,
 * a maintained Docker Hub image tagged python<X.Y>-nodejs<N>.
 */
export const BITBUCKET_IMAGE = 'nikolaik/python-nodejs:python3.11-nodejs20';

/** The Bitbucket repository variables the pipeline reads (secured: the client secrets). */
export const BITBUCKET_VARIABLES = [
  'COGNITE_PROJECT', 'COGNITE_OIDC_BASE_URL', 'COGNITE_TENANT_ID', 'COGNITE_CLIENT_ID_WRITE', 'COGNITE_CLIENT_SECRET_WRITE',
] as const;

const HEADER = '# Written by `mlops init --ci bitbucket`.';

/** Whether the file at `path` is a pipeline `mlops init --ci bitbucket` wrote (edited or not). */
export function isWrittenByInit(path: string): boolean {
  return readFileSync(path, 'utf8').startsWith(HEADER);
}

/** The pipeline file, installing akerbp/mlops at `v<major>`. */
export function renderBitbucketPipelines(major: string): string {
  const install = `npm install --global --no-audit --no-fund github:akerbp/mlops#${major}`;
  return `${HEADER} Branch rules, applied by \`mlops deploy --env auto\`:
# main/master and deploy/* deploy the prediction service to test, mlops/* deploys prediction and
# training to test, feature/* and pull requests validate and test only, tags and other branches
# validate only. Prod: the manual "Deploy to prod" step on main/master.
# Repository variables: ${BITBUCKET_VARIABLES.join(', ')} (secured)
# (COGNITE_TOKEN_URL instead of COGNITE_TENANT_ID for another identity provider); give the
# "Production" deployment environment its own values to deploy prod to another CDF project.
image: ${BITBUCKET_IMAGE}

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
