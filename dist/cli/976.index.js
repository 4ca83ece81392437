export const id = 976;
export const ids = [976];
export const modules = {

/***/ 5976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ initCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/settings/load.ts + 3 modules
var load = __webpack_require__(7525);
// EXTERNAL MODULE: ./packages/core/src/version.ts
var version = __webpack_require__(8109);
// EXTERNAL MODULE: ./packages/core/src/settings/runtimes.ts
var runtimes = __webpack_require__(1438);
;// CONCATENATED MODULE: ./packages/cli/src/init/templates.ts
/** What `mlops init` writes into a model repository. */

const SETTINGS_FILE = 'mlops_settings.yaml';
const WORKFLOW_FILE = '.github/workflows/main.yml';
/** The `uses:` line's target; only the `@v<major>` after it changes between releases. */
const REUSABLE_WORKFLOW = 'akerbp/mlops/.github/workflows/mlops.yml';
const SETTINGS_TEMPLATE = `# akerbp/mlops settings: one YAML document per model, separated by ---.
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
python_version: ${runtimes/* RECOMMENDED_RUNTIME */.Nz}                        # one of ${runtimes/* CDF_PYTHON_RUNTIMES */.$D.join(', ')}
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
function renderWorkflow(major) {
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

;// CONCATENATED MODULE: ./packages/cli/src/init/workflow-file.ts
/**
 * Writing `.github/workflows/main.yml` without clobbering user edits: a file we wrote (whatever
 * version it pins) is updated; anything else is left alone unless forced.
 */

const PIN = new RegExp(`(${REUSABLE_WORKFLOW.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')})@[\\w.-]+`, 'g');
function withoutPin(text) {
    return text.replace(/\r\n/g, '\n').replace(PIN, '$1@<pin>');
}
function pinnedVersion(text) {
    return new RegExp(PIN.source).exec(text)?.[0].split('@').pop();
}
/** What to do with the workflow file, given its current text (undefined when absent). */
function planWorkflowWrite(existing, major, force) {
    const content = renderWorkflow(major);
    if (existing === undefined)
        return { kind: 'create', content };
    if (existing.replace(/\r\n/g, '\n') === content)
        return { kind: 'unchanged', content };
    if (withoutPin(existing) === withoutPin(content))
        return { kind: 'update-pin', content, from: pinnedVersion(existing) ?? '?' };
    if (force)
        return { kind: 'force', content };
    return {
        kind: 'refuse',
        reason: 'it differs from what mlops init writes (beyond the version pin), so it holds edits of yours',
    };
}

// EXTERNAL MODULE: ./packages/cli/src/options.ts
var options = __webpack_require__(1428);
;// CONCATENATED MODULE: ./packages/cli/src/commands/init.ts
/** `mlops init`: the settings file and the caller workflow, like `python -m akerbp.mlops.deployment.setup`. */







const USAGE = `Usage: mlops init [--force] [--repo DIR]

Writes ${SETTINGS_FILE} from a template when it is missing (validates it when present) and
${WORKFLOW_FILE}, which calls the akerbp/mlops reusable workflow at v${version/* SUITE_VERSION */.s.split('.')[0]}.
Re-running moves the version pin; a workflow you have edited is left alone unless --force.

  --force      replace an edited ${WORKFLOW_FILE}
  --repo DIR   the model repository (default: the current folder)
`;
async function initCommand(args) {
    const cli = (0,options/* parseCommand */.R)(args, USAGE, { force: { type: 'boolean' }, repo: { type: 'string' } });
    if (!cli)
        return 0;
    const { values } = cli;
    const repo = (0,external_node_path_.resolve)(values.repo ?? '.');
    if (!(0,external_node_fs_.existsSync)(repo))
        throw new errors/* MlopsError */.I(`The repository folder ${repo} does not exist.`);
    const say = (line) => process.stdout.write(`${line}\n`);
    const workflowPath = (0,external_node_path_.join)(repo, WORKFLOW_FILE);
    const existing = (0,external_node_fs_.existsSync)(workflowPath) ? (0,external_node_fs_.readFileSync)(workflowPath, 'utf8') : undefined;
    const major = `v${version/* SUITE_VERSION */.s.split('.')[0]}`;
    const plan = planWorkflowWrite(existing, major, values.force ?? false);
    if (plan.kind === 'refuse') {
        throw new errors/* MlopsError */.I(`Not touching ${WORKFLOW_FILE}: ${plan.reason}. Change its version pin by hand, or run \`mlops init --force\` to replace it (commit your version first).`);
    }
    if (plan.kind !== 'unchanged') {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(workflowPath), { recursive: true });
        (0,external_node_fs_.writeFileSync)(workflowPath, plan.content);
    }
    if (plan.kind === 'update-pin')
        say(`updated ${WORKFLOW_FILE}: ${plan.from} → ${major}`);
    else
        say(plan.kind === 'create' ? `wrote ${WORKFLOW_FILE}` : plan.kind === 'force' ? `replaced ${WORKFLOW_FILE} (--force)` : `${WORKFLOW_FILE} is up to date`);
    const settingsPath = (0,external_node_path_.join)(repo, SETTINGS_FILE);
    if (!(0,external_node_fs_.existsSync)(settingsPath)) {
        (0,external_node_fs_.writeFileSync)(settingsPath, SETTINGS_TEMPLATE);
        say(`wrote ${SETTINGS_FILE}: fill it in, then check it with \`mlops validate\``);
        return 0;
    }
    const loaded = await (0,load/* loadSettings */.M5)({ file: SETTINGS_FILE, repoRoot: repo });
    say(`${SETTINGS_FILE} is valid: ${loaded.models.map((m) => m.modelName).join(', ')}`);
    return 0;
}


/***/ })

};
