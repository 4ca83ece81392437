export const id = 898;
export const ids = [898];
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
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(289);
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


/***/ })

};
