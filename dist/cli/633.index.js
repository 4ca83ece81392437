export const id = 633;
export const ids = [633];
export const modules = {

/***/ 3386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   "default": () => (/* binding */ emulatorCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7638);
/* harmony import */ var _akerbp_mlops_cdf_emulator__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7662);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1428);
/** `mlops emulator start`: the local CDF API server, until SIGINT/SIGTERM. */




const USAGE = `Usage: mlops emulator start [options]

Serves the CDF API subset this suite uses (Files, Data sets, Sessions, Functions, calls,
schedules) on a local port, for tests, local runs and Cognite's SDKs.

  --port N             port (default 4599; 0 = any free port)
  --host H             interface (default 127.0.0.1)
  --data-dir DIR       keep state in DIR across restarts (default: in memory)
  --project NAME       CDF project name (default mlops-emulator)
  --build-delay-ms N   time a function spends Queued+Deploying (default 300)
  --faults SPEC        inject faults, e.g. 429:0.1,503:0.05,latency:200ms,build-fail:0.2[,token]
  --seed N             fault random seed (default 1)
  --clients FILE       JSON [{"clientId","clientSecret","write"}]: only these clients (default: any)
  --python PATH        interpreter for function calls (default python3)
`;
function intOption(value, name, min) {
    if (value === undefined)
        return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
        throw new _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`${name} must be an integer ≥ ${min}, got '${value}'.`);
    return n;
}
function readClients(file) {
    let parsed;
    try {
        parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch (err) {
        throw new _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`--clients ${file}: cannot read it as JSON (${err.message}).`);
    }
    if (!Array.isArray(parsed))
        throw new _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`--clients ${file}: expected a JSON array of {"clientId", "clientSecret", "write"}.`);
    return parsed.map((c, i) => {
        const client = c;
        if (!client || typeof client.clientId !== 'string' || !client.clientId)
            throw new _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`--clients ${file}: item ${i}: clientId must be a non-empty string.`);
        if (client.clientSecret !== undefined && typeof client.clientSecret !== 'string')
            throw new _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`--clients ${file}: item ${i}: clientSecret must be a string.`);
        if (typeof client.write !== 'boolean')
            throw new _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`--clients ${file}: item ${i}: write must be true or false.`);
        return { clientId: client.clientId, clientSecret: client.clientSecret, write: client.write };
    });
}
async function emulatorCommand(args) {
    const cli = (0,_options_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCommand */ .R)(args, USAGE, {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        project: { type: 'string' },
        'build-delay-ms': { type: 'string' },
        faults: { type: 'string' },
        seed: { type: 'string' },
        clients: { type: 'string' },
        python: { type: 'string' },
    }, true);
    if (!cli)
        return 0;
    const { values, positionals } = cli;
    if (positionals[0] !== 'start' || positionals.length > 1) {
        process.stdout.write(USAGE);
        return 2;
    }
    const emulator = await (0,_akerbp_mlops_cdf_emulator__WEBPACK_IMPORTED_MODULE_1__.startEmulator)({
        port: intOption(values.port, '--port', 0) ?? 4599,
        host: values.host,
        dataDir: values['data-dir'],
        project: values.project,
        buildDelayMs: intOption(values['build-delay-ms'], '--build-delay-ms', 0),
        faults: values.faults,
        seed: intOption(values.seed, '--seed', 0),
        clients: values.clients ? readClients(values.clients) : undefined,
        python: values.python,
        logger: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`CDF emulator listening on ${emulator.url} (project ${emulator.project})\n`);
    // The hint goes to stderr so stdout carries only the ready line (scripts wait for it).
    process.stderr.write(`Get a token: POST ${emulator.tokenUrl} (form: grant_type=client_credentials, client_id, client_secret, scope=${emulator.url}/.default)` +
        `${values.clients ? '' : '; any client id and secret work'}. Stop with Ctrl+C.\n`);
    await new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
    });
    await emulator.stop();
    return 0;
}


/***/ }),

/***/ 1428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ parseCommand),
/* harmony export */   V: () => (/* binding */ repoOptions)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/** Argument parsing shared by the commands: the flags every command has, and `--help`. */

const everyCommand = {
    verbose: { type: 'boolean', short: 'v' },
    help: { type: 'boolean', short: 'h' },
};
/** Where the model repository and its settings are, and which models to act on. */
const repoOptions = {
    settings: { type: 'string' },
    repo: { type: 'string' },
    models: { type: 'string' },
};
/**
 * Parses `args` with the command's own options plus --verbose and --help. Returns null after
 * printing `usage` when --help was given, so a command starts with
 * `const parsed = parseCommand(...); if (!parsed) return 0;`.
 */
function parseCommand(args, usage, options, allowPositionals = false) {
    const parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
        args,
        allowPositionals,
        strict: true,
        options: { ...everyCommand, ...options },
    });
    if (parsed.values.help) {
        process.stdout.write(usage);
        return null;
    }
    return parsed;
}


/***/ }),

/***/ 3008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ assetDir)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/**
 * Locates the non-JS files shipped with the suite: the Python function runtime and the
 * emulator's Python runner. In a bundle they sit in `dist/<name>/assets/`; from source, in the
 * packages. scripts/bundles.mjs copies them.
 */



const here = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url));
const candidates = {
    runtime: [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, 'assets', 'runtime'), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, '..', 'runtime')],
    'emulator-python': [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, 'assets', 'emulator-python'), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, '..', '..', 'cdf-emulator', 'python')],
};
function assetDir(name) {
    const found = candidates[name].find((p) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p));
    if (!found)
        throw new Error(`The suite's ${name} files are missing (looked in ${candidates[name].join(', ')}); reinstall or rebuild.`);
    return found;
}


/***/ })

};
