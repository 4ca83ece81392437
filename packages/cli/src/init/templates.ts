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
req_file: model_code/requirements.model     # not .txt; keep the line akerbp-mlops==MLOPS_VERSION
artifact_folder: model_artifact             # never committed; null if the model has no artifact
# artifact_version: 1                       # default: the latest version in the target env
test_file: model_code/test_my_model.py      # null skips the tests (not recommended)
platform: cdf                               # cdf or local
dataset: mlops                              # CDF data set holding the artifacts
python_version: ${RECOMMENDED_RUNTIME}                        # one of ${CDF_PYTHON_RUNTIMES.join(', ')}
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
# Branch rules: main/master and deploy/** deploy to test, mlops/** deploys prediction and
# training to test, feature/** and pull requests test only, prod only by a manual run on main.
name: mlops

on:
  push:
    branches: [main, master, 'deploy/**', 'feature/**', 'mlops/**']
  pull_request:
  workflow_dispatch:
    inputs:
      env:
        description: Environment to deploy to (prod only from the default branch)
        type: choice
        options: [test, prod, dev]
        default: test

# id-token lets the reusable workflow sign in to CDF with federated (OIDC) credentials.
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
      # python-version: '3.11'   # the runner's Python for tests; default: each model's python_version
    secrets: inherit
`;
}
