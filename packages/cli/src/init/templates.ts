/** What `mlops init` writes into a model repository. */
import { CDF_PYTHON_RUNTIMES, RECOMMENDED_RUNTIME } from '@akerbp-mlops/core';

export const SETTINGS_FILE = 'mlops_settings.yaml';
export const WORKFLOW_FILE = '.github/workflows/main.yml';

/** The `uses:` line's target; only the `@v<major>` after it changes between releases. */
export const REUSABLE_WORKFLOW = 'akerbp/mlops/.github/workflows/mlops.yml';

export const SETTINGS_TEMPLATE = `# akerbp/mlops settings: one YAML document per model, separated by ---.
# Check them with \`mlops validate\`; the fields are described in the akerbp/mlops README.
model_name: my_model                        # letters, digits and _ only
human_friendly_model_name: 'My Model'       # the CDF Function's name
model_file: model_code/my_model.py          # everything under model_code/ is deployed
req_file: model_code/requirements.model     # not .txt; a line akerbp-mlops==MLOPS_VERSION is left out of the function
artifact_folder: model_artifact             # never committed; null if the model has no artifact
# artifact_version: 1                       # default: the latest version in the target env
test_file: model_code/test_my_model.py      # null skips the tests (not recommended)
platform: cdf                               # cdf or local
dataset: mlops                              # CDF data set holding the artifacts
python_version: ${RECOMMENDED_RUNTIME}                       # one of ${CDF_PYTHON_RUNTIMES.join(', ')}
helper_models: []
info:
  prediction: &prediction
    description: 'What my_model predicts'
    owner: someone@akerbp.com
    metadata:                               # strings in CDF; lists become [a, b]
      required_input: [ACS, RDEP, DEN]
  # training:                               # uncomment to deploy a training service too
  #   << : *prediction
  #   description: 'Trains my_model'
`;

/** The caller workflow, pinned to `@v<major>`. */
export function renderWorkflow(major: string): string {
  return `# Written by \`mlops init\`. Run \`mlops init\` again after upgrading akerbp/mlops to move the
# version pin. Once you edit this file, \`mlops init\` leaves it alone (--force replaces it).
# Branch rules: main, master and deploy/** deploy the prediction service to test, mlops/**
# deploys prediction and training to test, feature/**, pull requests and the merge queue test
# only; prod only by a manual run on the default branch.
# Environments (Settings → Environments): dev, test and prod, where the deploys run. Protect prod
# with required reviewers AND a deployment branch policy (the default branch only), and keep the
# write secrets (COGNITE_CLIENT_SECRET_WRITE) in each environment rather than the repository.
name: mlops

on:
  push:
    branches: [main, master, 'deploy/**', 'feature/**', 'mlops/**']
  pull_request:
  merge_group:
  workflow_dispatch:
    inputs:
      env:
        description: Environment to deploy to (prod only from the default branch)
        type: choice
        options: [test, prod, dev]
        default: test
      services:
        description: Services to deploy
        type: choice
        options: [prediction, 'prediction,training', training]
        default: prediction

# What the reusable workflow needs; it can get no more than this grants:
#   contents: read    every job checks out the repository
#   id-token: write   its deploy job may sign in to CDF with OIDC (use-oidc); its test job, which
#                     runs your model code, never gets it
permissions:
  contents: read
  id-token: write

jobs:
  mlops:
    uses: ${REUSABLE_WORKFLOW}@${major}
    with:
      settings-file: ${SETTINGS_FILE}
      working-directory: .
      env: \${{ inputs.env }}
      services: \${{ inputs.services }}
      # python-version: '3.11'          # the runner's Python for tests; default: each model's python_version
      # allowed-cdf-projects: my-cdf-project   # any other CDF project is refused
      # use-oidc: true                  # Entra ID federated credentials instead of the write client secret
      # test-environment: mlops-read    # a read-only environment holding the COGNITE_*_READ pair
    secrets: inherit
`;
}

/** What `mlops init` tells the user to set up on GitHub once the files are written. */
export const SETUP_NOTES = `Next, on GitHub (Settings → Secrets and variables, Settings → Environments):
  - secrets COGNITE_PROJECT, COGNITE_OIDC_BASE_URL, COGNITE_TENANT_ID, and the read pair
    COGNITE_CLIENT_ID_READ / COGNITE_CLIENT_SECRET_READ (the test job runs your code with it, never with more);
  - environments dev, test and prod holding the write pair COGNITE_CLIENT_ID_WRITE / COGNITE_CLIENT_SECRET_WRITE;
  - protect prod with required reviewers AND a deployment branch policy (the default branch only).`;
