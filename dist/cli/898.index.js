export const id = 898;
export const ids = [898,824];
export const modules = {

/***/ 3898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   "default": () => (/* binding */ demoCommand),
/* harmony export */   pythonSdkHint: () => (/* binding */ pythonSdkHint)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _akerbp_mlops_cdf_emulator__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7662);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7638);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9157);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7525);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(7275);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(4395);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5666);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(1491);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(5189);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(6346);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(6052);
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8824);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1428);
/**
 * `mlops demo` (`npm start`): the whole pipeline on examples/model-repo against an embedded CDF
 * emulator — artifact upload, validate, test, package, deploy to test, promote, deploy to prod —
 * then a call of the prod function. Works on a copy, so the example stays clean.
 */









const USAGE = `Usage: mlops demo [--port N] [--keep-running] [--python PATH] [--verbose]

Starts a CDF emulator in this process and runs the whole pipeline on a copy of
examples/model-repo: artifact upload to test, validate, test, package, deploy to test, promote
the artifact to prod, deploy to prod; then calls the prod function and prints the prediction.
Exit code 0 only when that call answers status ok.

  --port N         emulator port (default: any free port)
  --keep-running   keep the emulator serving until Ctrl+C (with a hint for Cognite's Python SDK)
  --python PATH    Python for the tests and the function calls (default: python3)
  --verbose        every log line of the pipeline, not just its stages
`;
const STEPS = 9;
/** examples/model-repo, found upwards from this module (source tree or dist/cli bundle). */
function exampleRepoSource() {
    for (let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_4__.fileURLToPath)(import.meta.url));; dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(dir)) {
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'examples', 'model-repo');
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(candidate, 'mlops_settings.yaml')))
            return candidate;
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(dir) === dir)
            throw new _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_8__/* .MlopsError */ .I('examples/model-repo was not found next to this mlops installation; run the demo from a clone of akerbp/mlops.');
    }
}
/** Stage titles as progress lines; the rest of the pipeline's chatter only with --verbose. */
function demoLogger(verbose) {
    const full = (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_9__/* .consoleLogger */ .k)({ verbose, stream: process.stdout });
    return verbose ? full : { ...full, info: () => { }, group: (title, fn) => { process.stdout.write(`      · ${title}\n`); return fn(); } };
}
async function demoCommand(args) {
    const cli = (0,_options_js__WEBPACK_IMPORTED_MODULE_7__/* .parseCommand */ .R)(args, USAGE, {
        port: { type: 'string' },
        'keep-running': { type: 'boolean' },
        python: { type: 'string' },
    });
    if (!cli)
        return 0;
    const { values } = cli;
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_8__/* .MlopsError */ .I(`--port must be a port number (0 for any free port), got '${values.port}'.`);
    const python = values.python ?? 'python3';
    const log = demoLogger(values.verbose ?? false);
    const started = Date.now();
    let step = 0;
    const say = (line) => process.stdout.write(`[${++step}/${STEPS}] ${line}\n`);
    say('Starting the CDF emulator');
    const emulator = await (0,_akerbp_mlops_cdf_emulator__WEBPACK_IMPORTED_MODULE_5__.startEmulator)({ port, python });
    const repo = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'mlops-demo-'));
    try {
        process.stdout.write(`      · listening on ${emulator.url} (project ${emulator.project})\n`);
        const { ok, latest } = await runDemo({ emulator, repo, python, log, say });
        process.stdout.write(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. The CDF emulator listened on ${emulator.url} (project ${emulator.project}).\n`);
        if (values['keep-running'])
            await serveUntilInterrupted(emulator, latest);
        return ok ? 0 : 1;
    }
    finally {
        await emulator.stop();
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(repo, { recursive: true, force: true });
    }
}
/** `latest`: the prod prediction function it deployed and called. */
async function runDemo({ emulator, repo, python, log, say }) {
    say('Copying examples/model-repo and building its artifact (model_code/make_artifact.py)');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.cpSync)(exampleRepoSource(), repo, { recursive: true, filter: (src) => !/[/\\](\.pytest_cache|\.mlops|__pycache__|model_artifact)$/.test(src) });
    const made = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)(python, ['model_code/make_artifact.py', 'model_artifact'], { cwd: repo, encoding: 'utf8' });
    if (made.status !== 0)
        throw new _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_8__/* .MlopsError */ .I(`Building the example's artifact with "${python}" failed:\n${made.stderr || made.stdout || made.error?.message}`);
    const settings = await (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_10__/* .loadSettings */ .M5)({ file: 'mlops_settings.yaml', repoRoot: repo, env: 'dev' });
    const model = settings.models[0];
    // The emulator accepts any client; these stand in for a repository's COGNITE_* secrets.
    const client = await (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_11__/* .createCdfClient */ .HS)((0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_12__/* .resolveCdfConfig */ .K2)({}, {
        COGNITE_PROJECT: emulator.project, COGNITE_OIDC_BASE_URL: emulator.url, COGNITE_TOKEN_URL: emulator.tokenUrl,
        COGNITE_CLIENT_ID_WRITE: 'mlops-demo', COGNITE_CLIENT_SECRET_WRITE: 'mlops-demo',
    }), { access: 'write', log });
    const manager = new _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_13__/* .ModelManager */ .P3({ client, dataset: model.dataset, log });
    say(`Uploading the artifact of ${model.modelName} to test with the Model Manager`);
    const uploaded = await manager.uploadNewVersion(model.modelName, 'test', (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(repo, 'model_artifact'), { source: 'mlops demo' });
    process.stdout.write(`      · ${uploaded.externalId} (sha256 ${uploaded.sha256?.slice(0, 12)}…)\n`);
    const deployTo = async (env) => {
        const result = await (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_14__/* .runPipeline */ .aI)({
            repoRoot: repo, settingsFile: 'mlops_settings.yaml', env, testingOnly: false, python, installRequirements: false, concurrency: 1,
            cdfClient: () => Promise.resolve(client), log,
        });
        process.stdout.write(`${(0,_deploy_js__WEBPACK_IMPORTED_MODULE_6__.formatPipelineResult)(result).trimEnd().split('\n').map((l) => (l ? `      ${l}` : l)).join('\n')}\n`);
        const failure = (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_14__/* .pipelineFailure */ .rm)(result);
        if (failure)
            throw failure;
        return result;
    };
    say('Validate, test, package and deploy to test');
    const test = await deployTo('test');
    say(`Promoting ${uploaded.externalId} to prod`);
    const promoted = await manager.promote(model.modelName, 'test', 'prod');
    process.stdout.write(`      · ${promoted.source.externalId} → ${promoted.target.externalId}\n`);
    say('Validate, test, package and deploy to prod');
    const prod = await deployTo('prod');
    const latest = (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_15__/* .functionExternalId */ .x3)(model.modelName, 'prediction', 'prod');
    say(`Calling ${latest} with ServiceTest.prediction_input`);
    const { payload } = await (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_16__/* .readServiceTestPayload */ .OB)({ repoRoot: repo, model, service: 'prediction', python });
    const response = await callLatest(client, latest, payload);
    process.stdout.write(`      · request:  ${JSON.stringify(payload)}\n      · response: ${JSON.stringify(response)}\n`);
    say('Deployed functions');
    for (const result of [test, prod]) {
        for (const outcome of Object.values(result.results[model.modelName] ?? {})) {
            if (outcome && (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_14__/* .isDeployed */ .Nj)(outcome))
                process.stdout.write(`      · ${outcome.functionExternalId} (id ${outcome.functionId}) serves ${outcome.modelId}; kept as ${outcome.versionedExternalId}\n`);
        }
    }
    const ok = response?.status === 'ok';
    say(ok ? `Prediction from ${latest}: ${JSON.stringify(response.prediction)}` : `${latest} did not answer status ok`);
    return { ok, latest };
}
async function callLatest(client, externalId, payload) {
    const fn = await (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_17__/* .retrieveFunction */ .j9)(client, { externalId });
    if (!fn)
        throw new _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_8__/* .MlopsError */ .I(`${externalId} does not exist after the deploy.`);
    const { call, response } = await (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_17__/* .callFunction */ .Tx)(client, fn.id, payload, { timeoutMs: 120_000 });
    if (call.status !== 'Completed')
        throw new _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_8__/* .MlopsError */ .I(`The call of ${externalId} ended ${call.status}.`);
    return response;
}
/** How to call `functionXid` on the emulator from a notebook with Cognite's Python SDK. */
function pythonSdkHint(emulator, functionXid) {
    return `
The emulator keeps serving at ${emulator.url}; stop it with Ctrl+C. From Cognite's Python SDK:

    from cognite.client import ClientConfig, CogniteClient
    from cognite.client.credentials import OAuthClientCredentials
    credentials = OAuthClientCredentials(token_url="${emulator.tokenUrl}", client_id="demo",
                                         client_secret="demo", scopes=["${emulator.url}/.default"])
    client = CogniteClient(ClientConfig(client_name="demo", project="${emulator.project}",
                                        base_url="${emulator.url}", credentials=credentials))
    client.functions.call(external_id="${functionXid}", data=...).get_response()
`;
}
async function serveUntilInterrupted(emulator, functionXid) {
    process.stdout.write(pythonSdkHint(emulator, functionXid));
    await new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
    });
}


/***/ }),

/***/ 8824:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ deployCommand),
  formatPipelineResult: () => (/* binding */ formatPipelineResult)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/pipeline/run.ts + 5 modules
var run = __webpack_require__(1491);
;// CONCATENATED MODULE: ./packages/core/src/pipeline/summary.ts
/** The pipeline's outcome as table rows: the job summary and the CLI print the same. */

const PIPELINE_SUMMARY_HEADINGS = ['Model', 'Service', 'Outcome', 'Function', 'Version', 'Smoke test', 'Seconds'];
function pipelineSummaryRows(result) {
    return Object.entries(result.results).flatMap(([model, services]) => Object.entries(services).map(([service, outcome]) => {
        if (!(0,run/* isDeployed */.Nj)(outcome)) {
            return [model, service, 'skipped' in outcome ? `skipped: ${outcome.skipped}` : `failed: ${outcome.failed}`, '', '', '', ''];
        }
        const seconds = outcome.stages.reduce((sum, s) => sum + s.ms, 0) / 1000;
        return [
            model, service, outcome.changed ? 'deployed' : 'unchanged', outcome.functionExternalId, String(outcome.version),
            outcome.smokeTest ? outcome.smokeTest.status : 'not run', seconds.toFixed(1),
        ];
    }));
}
/** One line saying what the plan was and what the run did. */
function planLine(result) {
    const { plan } = result;
    const where = plan.environment ? ` → ${plan.environment}` : '';
    return `Plan${where} (${plan.services.join(', ') || 'no services'}): ${plan.reason}. This run: ${result.mode === 'deploy' ? 'validated, tested and deployed' : result.mode === 'test' ? 'validated and tested' : 'validated'}.`;
}

// EXTERNAL MODULE: ./packages/core/src/logger.ts
var logger = __webpack_require__(9157);
// EXTERNAL MODULE: ./packages/core/src/deploy/fields.ts
var fields = __webpack_require__(8328);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/settings/inputs.ts
var inputs = __webpack_require__(3922);
// EXTERNAL MODULE: ./packages/core/src/pipeline/resolve-plan.ts + 1 modules
var resolve_plan = __webpack_require__(5589);
;// CONCATENATED MODULE: ./packages/core/src/pipeline/inputs.ts
/** The pipeline's text inputs (action inputs, CLI flags) parsed once for both entries. */




/** A whole number ≥ min; '' gives the fallback. `field` names the input in the error. */
function parseWholeNumber(value, field, min, fallback) {
    const text = (value ?? '').trim();
    if (!text)
        return fallback;
    if (!/^\d+$/.test(text) || Number(text) < min) {
        throw new errors/* MlopsError */.I(`${field} must be a whole number ≥ ${min}; found "${text}".`, [{ field, message: `must be a whole number ≥ ${min}` }]);
    }
    return Number(text);
}
/** TESTING_ONLY=true (or True, 1, yes), as the Python package read it. */
function testingOnlyFromEnv(env = process.env) {
    return ['true', '1', 'yes'].includes((env.TESTING_ONLY ?? '').trim().toLowerCase());
}
function parsePipelineInputs(t, env = process.env) {
    return {
        env: (0,resolve_plan/* parseEnvChoice */.O)(t.env ?? ''),
        models: (0,inputs/* parseNameList */.H)(t.models),
        services: t.services?.trim() || undefined,
        testingOnly: (t.testingOnly ?? false) || testingOnlyFromEnv(env),
        concurrency: parseWholeNumber(t.concurrency, 'concurrency', 1, 4),
        secrets: (0,fields/* parseSecretsJson */.bU)(t.functionSecrets ?? ''),
        keepVersions: parseWholeNumber(t.keepVersions, 'keep-versions', 0, 3),
        keepWarmSchedule: t.keepWarmSchedule,
        waitTimeoutMs: parseWholeNumber(t.waitTimeoutSeconds, 'wait-timeout-seconds', 1, 1500) * 1000,
        dryRun: t.dryRun ?? false,
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./packages/core/src/pipeline/github-context.ts
/**
 * The GitHub run the branch rules read: event, ref and the repository's default branch, from
 * the runner's environment variables and event payload (plain files, no @actions import).
 */

/** null outside a GitHub run (no GITHUB_EVENT_NAME). */
function githubRunContext(env = process.env) {
    const eventName = env.GITHUB_EVENT_NAME?.trim();
    if (!eventName)
        return null;
    let defaultBranch;
    if (env.GITHUB_EVENT_PATH) {
        try {
            const payload = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
            if (typeof payload.repository?.default_branch === 'string')
                defaultBranch = payload.repository.default_branch;
        }
        catch {
            // No readable payload: the plan then accepts main and master as the default branch.
        }
    }
    return { eventName, ref: env.GITHUB_REF ?? '', defaultBranch };
}

// EXTERNAL MODULE: ./packages/core/src/cdf/client.ts + 1 modules
var client = __webpack_require__(7275);
// EXTERNAL MODULE: ./packages/core/src/cdf/config.ts
var config = __webpack_require__(4395);
// EXTERNAL MODULE: ./packages/core/src/artifacts/manager.ts
var manager = __webpack_require__(5666);
// EXTERNAL MODULE: ./packages/cli/src/table.ts
var table = __webpack_require__(2510);
// EXTERNAL MODULE: ./packages/cli/src/options.ts
var options = __webpack_require__(1428);
;// CONCATENATED MODULE: ./packages/cli/src/commands/deploy.ts
/** `mlops deploy`: the deploy pipeline (validate → test → package → deploy) from a terminal. */




const USAGE = `Usage: mlops deploy [--env dev|test|prod|auto] [--models a,b] [--service S] [--testing-only]
                    [--dry-run] [--repo DIR] [--settings FILE] [options]

Validates, tests, packages and deploys every model (or --models) to CDF Functions as
<model>-<service>-<env>-<version> and <model>-<service>-<env>. Credentials come from the
COGNITE_* environment variables (as for the Python package). Exit code 1 when any model fails;
the others still finish.

  --env ENV              target environment (default: $MODEL_ENV, else auto); auto applies the
                         branch rules of the GitHub run (GITHUB_EVENT_NAME, GITHUB_REF)
  --models LIST          only these models (comma-separated)
  --service LIST         services to deploy: prediction, training (default: prediction)
  --testing-only         validate and test, deploy nothing (as TESTING_ONLY=true)
  --dry-run              say what would change, change nothing
  --repo DIR             the model repository (default: the current folder)
  --settings FILE        settings file, relative to the repository (default: mlops_settings.yaml)
  --python PATH          Python for the tests (default: python3)
  --no-install           do not pip install the model's requirements before testing
  --concurrency N        models worked on at once (default 4)
  --keep-versions N      versioned functions kept (default 3; 0 keeps all)
  --keep-warm-schedule C cron of the keep-warm schedule (default in prod: */30 5-17 * * 1-5; none)
  --secrets JSON         function secrets, a JSON object (CDF rules apply)
  --verbose              debug output
`;
/** The plan line and one aligned row per model and service (the action's job summary, for a terminal). */
function formatPipelineResult(result) {
    const rows = pipelineSummaryRows(result);
    return `${planLine(result)}\n${rows.length ? `\n${(0,table/* alignedTable */.n)([PIPELINE_SUMMARY_HEADINGS, ...rows])}\n` : ''}`;
}
async function deployCommand(args) {
    const cli = (0,options/* parseCommand */.R)(args, USAGE, {
        ...options/* repoOptions */.V,
        env: { type: 'string' },
        service: { type: 'string' },
        'testing-only': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        python: { type: 'string' },
        'no-install': { type: 'boolean' },
        concurrency: { type: 'string' },
        'keep-versions': { type: 'string' },
        'keep-warm-schedule': { type: 'string' },
        secrets: { type: 'string' },
    });
    if (!cli)
        return 0;
    const { values } = cli;
    const log = (0,logger/* consoleLogger */.k)({ verbose: values.verbose });
    if (values.secrets)
        log.secret(values.secrets);
    const parsed = parsePipelineInputs({
        env: values.env ?? process.env.MODEL_ENV ?? 'auto',
        models: values.models,
        services: values.service,
        testingOnly: values['testing-only'],
        concurrency: values.concurrency,
        functionSecrets: values.secrets,
        keepVersions: values['keep-versions'],
        keepWarmSchedule: values['keep-warm-schedule'],
        dryRun: values['dry-run'],
    });
    const result = await (0,run/* runPipeline */.aI)({
        ...parsed,
        repoRoot: (0,external_node_path_.resolve)(values.repo ?? '.'),
        settingsFile: values.settings ?? 'mlops_settings.yaml',
        github: githubRunContext(),
        python: values.python ?? 'python3',
        installRequirements: !values['no-install'],
        cdfClient: () => (0,client/* createCdfClient */.HS)((0,config/* resolveCdfConfig */.K2)({}, process.env, log), { access: 'write', log }),
        provenance: (0,manager/* provenanceFromEnv */.f5)(),
        log,
    });
    process.stdout.write(formatPipelineResult(result));
    const failure = (0,run/* pipelineFailure */.rm)(result);
    if (failure)
        throw failure;
    return 0;
}


/***/ }),

/***/ 5589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O: () => (/* binding */ parseEnvChoice),
  y: () => (/* binding */ resolvePlan)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/settings/inputs.ts
var settings_inputs = __webpack_require__(3922);
// EXTERNAL MODULE: ./packages/core/src/settings/types.ts
var types = __webpack_require__(5926);
;// CONCATENATED MODULE: ./packages/core/src/plan.ts
/**
 * Branch rules (DESIGN.md §1, the Python package's, kept): which environment and services a
 * workflow run deploys. Pure, so the workflow only reads the plan and its `if:`s stay trivial.
 *
 * | event              | ref                          | plan                                          |
 * |--------------------|------------------------------|-----------------------------------------------|
 * | push / schedule    | main, master, deploy/*       | deploy prediction to test                     |
 * | push / schedule    | mlops/*                      | deploy prediction and training to test        |
 * | push / schedule    | feature/*                    | validate and test prediction, deploy nothing  |
 * | push / schedule    | tags, other branches         | validate only, deploy nothing                 |
 * | pull_request       | any                          | validate and test; deploy to dev only if env=dev |
 * | workflow_dispatch  | any (prod: default branch)   | deploy prediction to inputs.env (default test)|
 *
 * `inputs.services` (comma list) replaces the services of any plan; `inputs.env` may pick
 * dev or test on a deploying push; prod is only ever reached through workflow_dispatch.
 */



function branchOf(ref) {
    if (ref.startsWith('refs/heads/'))
        return ref.slice('refs/heads/'.length);
    return ref.startsWith('refs/') ? null : ref;
}
function isDefaultBranch(branch, defaultBranch) {
    if (branch === null)
        return false;
    return defaultBranch ? branch === defaultBranch : branch === 'main' || branch === 'master';
}
function parseServices(value) {
    const names = (0,settings_inputs/* parseNameList */.H)(value);
    const bad = names.filter((n) => !types/* SERVICES */.Bg.includes(n));
    if (bad.length || names.length === 0) {
        throw new errors/* MlopsError */.I(`services must be a comma list of ${types/* SERVICES */.Bg.join(', ')}; found "${value}".`);
    }
    return types/* SERVICES */.Bg.filter((s) => names.includes(s));
}
function planDeployment(request) {
    const plan = basePlan(request);
    const services = request.inputs.services?.trim();
    if (!services)
        return plan;
    return { ...plan, services: parseServices(services), reason: `${plan.reason}; services set by input` };
}
function basePlan({ eventName, ref, defaultBranch, inputs }) {
    const env = inputs.env?.trim() ? (0,settings_inputs/* parseEnv */.v)(inputs.env) : undefined;
    const branch = branchOf(ref);
    const noDeploy = (services, reason) => ({ environment: null, services, deploy: false, reason });
    if (eventName === 'workflow_dispatch') {
        const target = env ?? 'test';
        if (target === 'prod' && !isDefaultBranch(branch, defaultBranch)) {
            const allowed = defaultBranch ?? 'main or master';
            throw new errors/* MlopsError */.I(`Deploying to prod is only allowed from the default branch (${allowed}); this run is on ${ref}. Merge first, then run the workflow on ${allowed}.`);
        }
        return { environment: target, services: ['prediction'], deploy: true, reason: `manual run: deploy to ${target} from ${branch ?? ref}` };
    }
    if (eventName === 'pull_request' || eventName === 'pull_request_target') {
        if (env === 'dev')
            return { environment: 'dev', services: ['prediction'], deploy: true, reason: 'pull request: validate, test and deploy to dev (env input)' };
        if (env)
            throw new errors/* MlopsError */.I(`A pull request may only deploy to dev; found env "${env}". Test and prod deploy after merging.`);
        return noDeploy(['prediction'], 'pull request: validate and test only');
    }
    if (eventName !== 'push' && eventName !== 'schedule') {
        return noDeploy([], `event "${eventName}" does not deploy; only push, pull_request, schedule and workflow_dispatch do`);
    }
    if (env === 'prod') {
        throw new errors/* MlopsError */.I('prod is deployed only by a manual workflow_dispatch run on the default branch, never by a push.');
    }
    if (branch === null)
        return noDeploy([], `${ref} is not a branch (tags do not deploy)`);
    const target = env ?? 'test';
    if (isDefaultBranch(branch, defaultBranch) || branch.startsWith('deploy/')) {
        return { environment: target, services: ['prediction'], deploy: true, reason: `${branch}: deploy the prediction service to ${target}` };
    }
    if (branch.startsWith('mlops/')) {
        return { environment: target, services: ['prediction', 'training'], deploy: true, reason: `${branch}: deploy prediction and training services to ${target}` };
    }
    if (branch.startsWith('feature/'))
        return noDeploy(['prediction'], `${branch}: validate and test only`);
    return noDeploy([], `${branch}: only main/master, deploy/*, mlops/* and feature/* branches run the pipeline`);
}

// EXTERNAL MODULE: ./packages/core/src/packaging/package-models.ts + 4 modules
var package_models = __webpack_require__(8447);
;// CONCATENATED MODULE: ./packages/core/src/pipeline/resolve-plan.ts
/**
 * The plan a pipeline run follows: the branch rules inside a GitHub run, the explicit
 * environment outside one (a terminal, the demo).
 */





/** `dev|test|prod|auto`; empty means auto. */
function parseEnvChoice(value, what = 'env') {
    const v = value.trim().toLowerCase();
    return v === '' || v === 'auto' ? 'auto' : (0,settings_inputs/* parseEnv */.v)(v, what);
}
function resolvePlan({ env, services, github }) {
    if (github) {
        return planDeployment({ ...github, inputs: { env: env === 'auto' ? undefined : env, services } });
    }
    if (env === 'auto') {
        throw new errors/* MlopsError */.I('env "auto" follows the branch rules of a GitHub run (GITHUB_EVENT_NAME, GITHUB_REF), and there is none here; choose the environment: dev, test or prod.');
    }
    const named = (0,settings_inputs/* parseNameList */.H)(services).map((s) => (0,package_models/* parseService */.nO)(s));
    return {
        environment: env,
        services: named.length ? types/* SERVICES */.Bg.filter((s) => named.includes(s)) : ['prediction'],
        deploy: true,
        reason: `deploy to ${env} as asked (not a GitHub run, so no branch rules apply)`,
    };
}


/***/ }),

/***/ 1491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Nj: () => (/* binding */ isDeployed),
  rm: () => (/* binding */ pipelineFailure),
  aI: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/artifacts/source.ts
var source = __webpack_require__(7960);
// EXTERNAL MODULE: ./packages/core/src/cdf/functions.ts
var functions = __webpack_require__(6052);
// EXTERNAL MODULE: ./packages/core/src/naming.ts
var naming = __webpack_require__(5189);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./packages/core/src/artifacts/archive.ts
var archive = __webpack_require__(9987);
// EXTERNAL MODULE: ./packages/core/src/artifacts/transfer.ts
var transfer = __webpack_require__(5598);
// EXTERNAL MODULE: ./packages/core/src/cdf/retry.ts
var retry = __webpack_require__(4199);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
;// CONCATENATED MODULE: ./packages/core/src/deploy/code-file.ts








const MIME_TYPE = 'application/zip';
/** Code files are only ever ours under this prefix; retention deletes nothing else. */
const CODE_FILE_PREFIX = 'mlops-code/';
async function hashFile(path) {
    const digest = (0,archive/* digestStream */.Nq)();
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(path), digest, new external_node_stream_.Writable({ write: (_c, _e, cb) => cb() }));
    return digest.digest();
}
async function retrieveFiles(client, refs) {
    if (!refs.length)
        return [];
    return (0,retry/* sdkCall */.Zv)(client, 'POST /files/byids', () => client.files.retrieve(refs, { ignoreUnknownIds: true }), true);
}
/** Reusable when it holds exactly these bytes. */
function isCodeFileFor(file, sha256) {
    return !!file && file.uploaded && file.metadata?.sha256 === sha256;
}
/** A file never marked uploaded after this long was left by an interrupted run. */
const STALE_UPLOAD_MS = 10 * 60_000;
/** The existing file must be replaced: it holds other bytes, or an interrupted run left it half-uploaded. */
function mustReplace(file, sha256, now = Date.now()) {
    if (!file || isCodeFileFor(file, sha256))
        return false;
    return file.uploaded || now - new Date(file.createdTime).getTime() > STALE_UPLOAD_MS;
}
/** Uploads the zip; a concurrent deployer that uploaded the same bytes first is fine. */
async function uploadCodeFile(client, o) {
    const digest = await hashFile(o.packagePath);
    if (digest.sha256 !== o.sha256) {
        throw new errors/* MlopsError */.I(`The package ${o.packagePath} hashes to sha256 ${digest.sha256}, not ${o.sha256} as given; was it rebuilt or changed after packaging?`);
    }
    const dataSetId = o.dataset ? await dataSetIdOf(client, o.dataset) : undefined;
    const info = {
        externalId: o.externalId,
        name: `${o.externalId.split('/').slice(-2).join('-')}.zip`,
        directory: naming/* CODE_DIRECTORY */.wD,
        mimeType: MIME_TYPE,
        metadata: { ...o.metadata, sha256: o.sha256, size: String(digest.size) },
        ...(dataSetId !== undefined ? { dataSetId } : {}),
    };
    // Overwrite only when told: a concurrent deploy of the same code may be uploading these very bytes.
    let created;
    try {
        created = await (0,retry/* sdkCall */.Zv)(client, 'POST /files', () => client.files.upload(info, undefined, o.overwrite ?? false), false);
    }
    catch (err) {
        if (!(err instanceof retry/* CdfApiError */.ul && err.status === 409))
            throw err;
        const [existing] = await retrieveFiles(client, [{ externalId: o.externalId }]);
        if (!existing)
            throw err;
        o.log.info(`${o.externalId} is being uploaded by another deploy; waiting for it.`);
        return waitUploaded(client, existing.id, o.externalId);
    }
    try {
        await (0,transfer/* uploadFile */.Q)(client, created.uploadUrl, o.packagePath, digest.size, MIME_TYPE);
    }
    catch (err) {
        // A file never uploaded would make the next deploy wait for it.
        await client.files.delete([{ id: created.id }]).catch(() => { });
        throw err;
    }
    o.log.info(`Uploaded ${o.externalId} (${digest.size} bytes).`);
    return waitUploaded(client, created.id, o.externalId);
}
async function dataSetIdOf(client, xid) {
    const [ds] = await (0,retry/* sdkCall */.Zv)(client, 'POST /datasets/byids', () => client.datasets.retrieve([{ externalId: xid }], { ignoreUnknownIds: true }), true);
    if (!ds)
        throw new errors/* MlopsError */.I(`Data set "${xid}" (the model's dataset setting) does not exist in CDF project ${client.project}; create it or change dataset.`);
    return ds.id;
}
/** CDF marks a file uploaded shortly after the PUT; a function cannot use it before that. */
async function waitUploaded(client, id, label) {
    const deadline = Date.now() + 60_000;
    for (let delay = 100;; delay = Math.min(delay * 2, 2000)) {
        const [file] = await retrieveFiles(client, [{ id }]);
        if (file?.uploaded)
            return file;
        if (Date.now() > deadline)
            throw new errors/* MlopsError */.I(`CDF has not marked ${label} as uploaded after 60 s; check the file in CDF.`);
        await new Promise((r) => setTimeout(r, delay));
    }
}
/** Deletes code files of ours (by id); others' files are never touched. */
async function deleteCodeFiles(client, ids) {
    const ours = (await retrieveFiles(client, ids.map((id) => ({ id })))).filter((f) => f.externalId?.startsWith(CODE_FILE_PREFIX));
    if (!ours.length)
        return [];
    await (0,retry/* cdfRequest */.TR)(client, { method: 'POST', path: '/files/delete', data: { items: ours.map((f) => ({ id: f.id })), ignoreUnknownIds: true }, idempotent: true });
    return ours.map((f) => f.externalId);
}

// EXTERNAL MODULE: ./packages/core/src/deploy/fields.ts
var fields = __webpack_require__(8328);
// EXTERNAL MODULE: ./packages/core/src/deploy/keep-warm.ts
var keep_warm = __webpack_require__(948);
;// CONCATENATED MODULE: ./packages/core/src/deploy/retention.ts



/**
 * Code files no function uses, left by failed deploys, are removed once this old; younger ones
 * may belong to a concurrent deploy that has uploaded but not yet created its function.
 */
const ORPHAN_GRACE_MS = 60 * 60_000;
/** The version in `<latest xid>-<version>`, or null for other external ids. */
function versionOfExternalId(latestXid, externalId) {
    if (!externalId?.startsWith(`${latestXid}-`))
        return null;
    const rest = externalId.slice(latestXid.length + 1);
    return /^[1-9][0-9]*$/.test(rest) ? Number(rest) : null;
}
/**
 * `functions` are every function of the family (latest and versioned) as they are now;
 * `servingVersion` is never removed; `released` are code files that lost their function.
 */
function planRetention(latestXid, functions, keep, servingVersion, released = []) {
    const versioned = functions
        .map((fn) => ({ fn, version: versionOfExternalId(latestXid, fn.externalId) }))
        .filter((v) => v.version !== null)
        .sort((a, b) => b.version - a.version);
    const doomed = keep <= 0 ? [] : versioned.slice(keep).filter((v) => v.version !== servingVersion).map((v) => v.fn).reverse();
    const remaining = functions.filter((fn) => !doomed.includes(fn));
    const inUse = new Set(remaining.map((fn) => fn.fileId));
    const fileIds = [...new Set([...doomed.map((fn) => fn.fileId), ...released])].filter((id) => !inUse.has(id));
    return { doomed, fileIds };
}
/** Code files of the family (`mlops-code/<latest xid>/...`) older than the grace period that no function uses. */
async function orphanCodeFiles(client, latestXid, inUse, now = Date.now()) {
    const files = await (0,retry/* sdkCall */.Zv)(client, 'POST /files/list', () => client.files.list({ filter: { externalIdPrefix: `${CODE_FILE_PREFIX}${latestXid}/` }, limit: 1000 }).autoPagingToArray({ limit: Infinity }), true);
    return files.filter((f) => !inUse.includes(f.id) && now - new Date(f.createdTime).getTime() > ORPHAN_GRACE_MS).map((f) => f.id);
}
async function applyRetention(client, latestXid, plan, remaining) {
    if (plan.doomed.length)
        await (0,functions/* deleteFunctions */.dJ)(client, plan.doomed.map((fn) => ({ id: fn.id })));
    const orphans = await orphanCodeFiles(client, latestXid, remaining.filter((fn) => !plan.doomed.includes(fn)).map((fn) => fn.fileId));
    const fileIds = [...new Set([...plan.fileIds, ...orphans])];
    const files = fileIds.length ? await deleteCodeFiles(client, fileIds) : [];
    if (!plan.doomed.length && !files.length)
        return 'nothing to remove';
    return `removed ${plan.doomed.map((fn) => fn.externalId).join(', ') || 'no functions'}` + (files.length ? ` and code file(s) ${files.join(', ')}` : '');
}

// EXTERNAL MODULE: ./packages/core/src/deploy/rollout.ts + 1 modules
var deploy_rollout = __webpack_require__(1869);
;// CONCATENATED MODULE: ./packages/core/src/deploy/deploy.ts
/**
 * Deploys one model service (issue 6): resolve → upload code → versioned function (create, wait,
 * smoke) → switch the latest (with restore) → retention → keep-warm. Every stage is a log group
 * and a timed entry in the result. An unchanged model costs a few reads and changes nothing.
 */







const DEFAULT_KEEP_VERSIONS = 3;
/** Runs one stage inside a log group and records its duration and outcome. */
function stageRunner(stages, log) {
    return async (name, title, body) => {
        const started = Date.now();
        let detail;
        try {
            return await log.group(title, () => body((text) => {
                detail = text;
                log.info(text);
            }));
        }
        finally {
            stages.push({ name, ms: Date.now() - started, ...(detail ? { detail } : {}) });
        }
    };
}
/** Same secret names (CDF shows names, never values). */
function sameSecretNames(fn, secrets) {
    return JSON.stringify(Object.keys(fn.secrets ?? {}).sort()) === JSON.stringify(Object.keys(secrets ?? {}).sort());
}
async function deployFunction(o) {
    const { client, model, service, env, version, log } = o;
    const sha = o.packageSha256;
    const latestXid = (0,naming/* functionExternalId */.x3)(model.modelName, service, env);
    const versionedXid = (0,naming/* functionExternalId */.x3)(model.modelName, service, env, version);
    const codeXid = (0,naming/* codeFileExternalId */.gL)(model.modelName, service, env, sha);
    const secrets = (0,fields/* validateSecrets */.oN)(o.secrets);
    if (o.keepWarmSchedule)
        (0,keep_warm/* checkCron */.Pi)(o.keepWarmSchedule);
    const keepVersions = o.keepVersions ?? DEFAULT_KEEP_VERSIONS;
    const waitTimeoutMs = o.waitTimeoutMs ?? deploy_rollout/* DEFAULT_WAIT_TIMEOUT_MS */.f;
    const smokePayload = o.smokeTest === false ? null : (o.testPayload ?? {});
    const stages = [];
    const stage = stageRunner(stages, log);
    const result = {
        functionExternalId: latestXid, functionId: null, versionedExternalId: versionedXid, version,
        modelId: (0,naming/* artifactExternalId */.$J)(model.modelName, env, version), codeFileId: null, codeSha256: sha,
        previousVersion: null, changed: false, stages, smokeTest: null,
    };
    const matches = (fn) => !!fn && fn.status === 'Ready' && (0,fields/* deployedCode */.go)(fn).sha256 === sha && (0,fields/* deployedCode */.go)(fn).version === version && sameSecretNames(fn, secrets);
    // One list call finds the latest, this version and every version retention looks at.
    const family = await stage('resolve', `Resolve ${latestXid}`, async (detail) => {
        const found = await (0,functions/* listFunctions */._d)(client, { externalIdPrefix: latestXid });
        const ours = found.filter((fn) => fn.externalId === latestXid || versionOfExternalId(latestXid, fn.externalId) !== null);
        const latest = ours.find((fn) => fn.externalId === latestXid) ?? null;
        const versioned = ours.find((fn) => fn.externalId === versionedXid) ?? null;
        result.previousVersion = (0,fields/* deployedCode */.go)(latest).version;
        const versions = ours.filter((fn) => fn !== latest).length;
        detail(latest
            ? `${latestXid} serves version ${result.previousVersion ?? '?'} (code sha256 ${(0,fields/* deployedCode */.go)(latest).sha256 ?? 'unknown'}, ${latest.status}); ${versions} versioned function(s).`
            : `${latestXid} does not exist yet; ${versions} versioned function(s).`);
        return { all: ours, latest, versioned };
    });
    let { latest, versioned } = family;
    const unchanged = matches(latest) && matches(versioned);
    if (o.dryRun) {
        const plan = unchanged
            ? ['unchanged: nothing to deploy']
            : [
                matches(versioned) ? `reuse ${versionedXid}` : `${versioned ? 'replace' : 'create'} ${versionedXid}`,
                `${latest ? 'replace' : 'create'} ${latestXid} with code sha256 ${sha}`,
            ];
        result.changed = !unchanged;
        result.functionId = latest?.id ?? null;
        result.codeFileId = unchanged ? latest.fileId : null;
        stages.push({ name: 'dry run', ms: 0, detail: plan.join('; ') });
        log.info(`Dry run: ${plan.join('; ')}.`);
        return result;
    }
    if (unchanged) {
        log.info(`${latestXid}: unchanged (version ${version}, code sha256 ${sha} already serving); nothing deleted, created or uploaded.`);
        result.functionId = latest.id;
        result.codeFileId = latest.fileId;
    }
    else {
        result.changed = true;
        const fileId = await stage('upload code', `Upload code ${codeXid}`, async (detail) => {
            const [existing] = await retrieveFiles(client, [{ externalId: codeXid }]);
            if (isCodeFileFor(existing, sha)) {
                detail(`${codeXid} already holds this code (file ${existing.id}); not uploaded.`);
                return existing.id;
            }
            const file = await uploadCodeFile(client, {
                packagePath: o.packagePath, externalId: codeXid, sha256: sha, dataset: model.dataset, log,
                metadata: { model: model.modelName, service, env, version: String(version) }, overwrite: mustReplace(existing, sha),
            });
            detail(`uploaded ${codeXid} (file ${file.id}).`);
            return file.id;
        });
        result.codeFileId = fileId;
        const spec = (externalId, isLatest) => (0,fields/* functionSpec */.K$)({ model, service, env, version, codeSha256: sha, fileId, externalId, latest: isLatest, secrets, provenance: o.provenance, log });
        const rollout = { waitTimeoutMs, smokePayload, log };
        let smoke = null;
        versioned = await stage('versioned function', `Create ${versionedXid}`, async (detail) => {
            if (matches(versioned)) {
                detail(`${versionedXid} already runs this code and is Ready; reused.`);
                return versioned;
            }
            if (versioned && (0,fields/* deployedCode */.go)(versioned).sha256 === sha && versioned.status !== 'Failed' && sameSecretNames(versioned, secrets)) {
                // Being built by a concurrent deploy of the same code: wait for it instead of replacing it.
                const fn = await (0,functions/* waitForReady */.Cf)(client, { id: versioned.id }, { timeoutMs: waitTimeoutMs, log });
                detail(`${versionedXid} was being built with this code; it is Ready.`);
                return fn;
            }
            // Not serving, so a plain replace: nothing to restore.
            if (versioned)
                await (0,functions/* deleteFunctions */.dJ)(client, [{ id: versioned.id }]);
            const out = await (0,deploy_rollout/* rollOut */.Of)(client, spec(versionedXid, false), { ...rollout, smokePayload: null });
            detail(`${versioned ? 'replaced' : 'created'} ${versionedXid} (id ${out.fn.id}); Ready.`);
            return out.fn;
        });
        if (smokePayload !== null) {
            smoke = await stage('smoke test versioned', `Smoke-test ${versionedXid}`, async (detail) => {
                const r = await (0,deploy_rollout/* smokeCall */.av)(client, versioned, smokePayload, { timeoutMs: waitTimeoutMs, log });
                detail(`status ${r.status} in ${r.ms} ms`);
                return r;
            });
        }
        latest = await stage('switch latest', `Switch ${latestXid} to version ${version}`, async (detail) => {
            if (matches(latest)) {
                detail(`${latestXid} already serves this code.`);
                return latest;
            }
            const out = await (0,deploy_rollout/* replaceFunction */.X0)(client, latest, spec(latestXid, true), { ...rollout, restoreSecrets: secrets });
            if (out.smoke)
                smoke = out.smoke;
            detail(`${latestXid} (id ${out.fn.id}) serves version ${version}${out.smoke ? `; smoke test ${out.smoke.status} in ${out.smoke.ms} ms` : ''}.`);
            return out.fn;
        });
        result.functionId = latest.id;
        result.smokeTest = smoke;
        const replaced = [family.latest, family.versioned].filter((fn) => !!fn && fn.id !== latest.id && fn.id !== versioned.id);
        await stage('retention', `Retention (keep ${keepVersions || 'all'})`, async (detail) => {
            const now = [...family.all.filter((fn) => !replaced.includes(fn) && fn.id !== latest.id && fn.id !== versioned.id), latest, versioned];
            detail(await applyRetention(client, latestXid, planRetention(latestXid, now, keepVersions, version, replaced.map((fn) => fn.fileId)), now));
        });
    }
    await stage('keep-warm', 'Keep-warm schedule', async (detail) => {
        detail(await (0,keep_warm/* applyKeepWarm */.dd)(client, latest, o.keepWarmSchedule ?? null));
    });
    return result;
}

// EXTERNAL MODULE: ./packages/core/src/packaging/package-models.ts + 4 modules
var package_models = __webpack_require__(8447);
// EXTERNAL MODULE: ./packages/core/src/version.ts
var version = __webpack_require__(8109);
// EXTERNAL MODULE: ./packages/core/src/packaging/sources.ts
var sources = __webpack_require__(1911);
// EXTERNAL MODULE: ./packages/core/src/settings/load.ts + 3 modules
var load = __webpack_require__(7525);
// EXTERNAL MODULE: ./packages/core/src/settings/types.ts
var types = __webpack_require__(5926);
// EXTERNAL MODULE: ./packages/core/src/testing/artifact-folder.ts
var artifact_folder = __webpack_require__(2983);
// EXTERNAL MODULE: ./packages/core/src/testing/service-test.ts
var service_test = __webpack_require__(6346);
// EXTERNAL MODULE: ./packages/core/src/testing/test-models.ts + 2 modules
var test_models = __webpack_require__(641);
;// CONCATENATED MODULE: ./packages/core/src/pipeline/concurrency.ts
/**
 * Runs `task` over `items` with at most `limit` in flight. Every item runs to completion even
 * when others fail (a failed model must not abort another model's in-flight deploy); results
 * come back in input order as settled outcomes.
 */
async function settleWithConcurrency(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            try {
                results[index] = { status: 'fulfilled', value: await task(items[index], index) };
            }
            catch (reason) {
                results[index] = { status: 'rejected', reason };
            }
        }
    };
    const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return results;
}

;// CONCATENATED MODULE: ./packages/core/src/pipeline/prefixed-logger.ts
/**
 * Models run in parallel, so their lines interleave: each line names its model, and groups
 * (which cannot interleave on GitHub) become plain title lines.
 */
function prefixedLogger(log, prefix) {
    const p = (m) => `[${prefix}] ${m}`;
    return {
        debug: (m) => log.debug(p(m)),
        info: (m) => log.info(p(m)),
        warning: (m, loc) => log.warning(p(m), loc),
        error: (m, loc) => log.error(p(m), loc),
        group: async (title, fn) => {
            log.info(p(title));
            return fn();
        },
        secret: (v) => log.secret(v),
    };
}

// EXTERNAL MODULE: ./packages/core/src/pipeline/resolve-plan.ts + 1 modules
var resolve_plan = __webpack_require__(5589);
;// CONCATENATED MODULE: ./packages/core/src/pipeline/run.ts
/**
 * The deploy pipeline (`akerbp/mlops@v4`, `mlops deploy`, `npm start`): validate → test →
 * package → deploy, for every selected model in parallel (bounded), following the plan of the
 * branch rules. One model's failure is recorded and never aborts another model's deploy; the
 * caller fails the run at the end with `pipelineFailure`.
 */

















function isDeployed(outcome) {
    return 'functionExternalId' in outcome;
}
function problemsOf(err, model) {
    if (err instanceof errors/* MlopsError */.I) {
        return err.problems.length ? err.problems.map((p) => ({ ...p, message: `${err.message} ${p.message}` })) : [{ file: model.source.file, line: model.source.line, message: err.message }];
    }
    // Unexpected errors still belong to one model; the others carry on.
    return [{ file: model.source.file, line: model.source.line, message: `${model.modelName}: ${err?.message ?? String(err)}` }];
}
async function runPipeline(o) {
    const log = o.log;
    for (const value of Object.values(o.secrets ?? {}))
        log.secret(value);
    const plan = (0,resolve_plan/* resolvePlan */.y)({ env: o.env, services: o.services, github: o.github });
    const deploying = plan.deploy && !o.testingOnly;
    const mode = deploying ? 'deploy' : plan.services.length ? 'test' : 'validate';
    const env = plan.environment ?? 'test';
    const keepWarm = (0,keep_warm/* parseKeepWarmSchedule */.nN)(o.keepWarmSchedule, env);
    log.info(`Plan: ${plan.reason}.${o.testingOnly && plan.deploy ? ' TESTING_ONLY is set: validate and test only.' : ''}`);
    const settings = await log.group('validate settings', () => (0,load/* loadSettings */.M5)({ file: o.settingsFile, repoRoot: o.repoRoot, env, models: o.models?.length ? o.models : undefined }));
    const selected = o.models?.length ? settings.models.filter((m) => o.models?.includes(m.modelName)) : settings.models;
    log.info(`${settings.file}: ${selected.length} model(s) valid for ${env}: ${selected.map((m) => m.modelName).join(', ')}`);
    const result = { plan, mode, results: {}, failed: [] };
    if (mode === 'validate')
        return result;
    let client;
    const cdf = () => (client ??= o.cdfClient());
    const outputDir = o.outputDir ?? '.mlops';
    const parallel = selected.length > 1 && o.concurrency > 1;
    const settled = await settleWithConcurrency(selected, o.concurrency, async (model) => {
        const outcomes = {};
        result.results[model.modelName] = outcomes;
        const modelLog = parallel ? prefixedLogger(log, model.modelName) : log;
        const services = plan.services.filter((s) => (0,types/* servicesOf */.Yj)(model).includes(s));
        for (const s of plan.services)
            if (!services.includes(s))
                outcomes[s] = { skipped: `the settings have no info.${s}` };
        try {
            await runModel({ ...o, keepWarm, log: modelLog, model, services, env, deploying, outputDir, cdf, outcomes, reason: o.testingOnly ? 'TESTING_ONLY: tested, not deployed' : plan.reason });
        }
        catch (err) {
            const message = err instanceof errors/* MlopsError */.I ? err.message : err?.message ?? String(err);
            for (const s of services)
                outcomes[s] ??= { failed: message };
            throw err;
        }
    });
    settled.forEach((s, i) => {
        if (s.status === 'rejected')
            result.failed.push({ model: selected[i].modelName, problems: problemsOf(s.reason, selected[i]) });
    });
    return result;
}
async function runModel(r) {
    const { model, log } = r;
    const artifacts = () => r.env === 'dev' ? Promise.resolve((0,sources/* localArtifactSource */.n0)(r.repoRoot)) : r.cdf().then((c) => (0,source/* cdfArtifactSource */.h)(c, undefined, log));
    await (0,artifact_folder/* fetchMissingArtifactFolder */.$)({ repoRoot: r.repoRoot, model, env: r.env, source: artifacts, required: r.deploying, log });
    // pytest once, and the service test of the first service; further services are smoke-tested by the deploy.
    const [first, ...rest] = r.services.length ? r.services : ['prediction'];
    const [tested] = await log.group(`test ${model.modelName}`, () => (0,test_models/* testModels */.Z)({
        settingsFile: r.settingsFile, workingDirectory: r.repoRoot, models: [model.modelName], python: r.python,
        installRequirements: r.installRequirements, service: first, outputDir: (0,external_node_path_.join)(r.outputDir, 'test'), log,
    }));
    if (tested.problems.length)
        throw new errors/* MlopsError */.I(`${model.modelName} failed testing (${tested.problems.length} problem(s)).`, tested.problems);
    if (!r.deploying) {
        for (const s of r.services)
            r.outcomes[s] = { skipped: r.reason };
        return;
    }
    const packaging = {
        settingsFile: r.settingsFile, workingDirectory: r.repoRoot, models: [model.modelName], env: r.env, service: first,
        artifactSource: r.env === 'dev' ? 'local' : 'cdf', artifactVersion: null, outputDir: (0,external_node_path_.join)(r.outputDir, 'packages'), log,
    };
    for (const service of r.services) {
        const testPayload = service === first
            ? (tested.payloadFile ? JSON.parse(await (0,promises_.readFile)(tested.payloadFile, 'utf8')) : undefined)
            : (await (0,service_test/* readServiceTestPayload */.OB)({ repoRoot: r.repoRoot, model, service, python: r.python })).payload;
        const pkg = await log.group(`package ${model.modelName} ${service} (${r.env})`, () => (0,package_models/* packageModel */.gR)({ ...packaging, service }, r.repoRoot, model, artifacts));
        r.outcomes[service] = await deployFunction({
            client: await r.cdf(), model, service, env: r.env, packagePath: pkg.path, packageSha256: pkg.sha256, version: pkg.version,
            secrets: r.secrets, waitTimeoutMs: r.waitTimeoutMs, smokeTest: true, testPayload, keepVersions: r.keepVersions,
            keepWarmSchedule: r.keepWarm, dryRun: r.dryRun, provenance: { ...r.provenance, suiteVersion: version/* SUITE_VERSION */.s }, log,
        });
    }
}
/** The error that fails the run after everything that could finish has finished. */
function pipelineFailure(result) {
    if (!result.failed.length)
        return null;
    return new errors/* MlopsError */.I(`${result.failed.map((f) => f.model).join(', ')} failed; ${Object.keys(result.results).length - result.failed.length} other model(s) finished.`, result.failed.flatMap((f) => f.problems));
}


/***/ })

};
