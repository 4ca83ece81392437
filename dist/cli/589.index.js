export const id = 589;
export const ids = [589];
export const modules = {

/***/ 3589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   "default": () => (/* binding */ packageCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9157);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3922);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9934);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5666);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7275);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4395);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1428);
/** `mlops package`: the package-model action for a terminal. */



const USAGE = `Usage: mlops package [--settings FILE] [--repo DIR] [--env dev|test|prod] [--models a,b]
                     [--service prediction|training] [--artifact-source local|cdf]
                     [--artifact-version N] [--output-dir DIR] [--verbose]

Builds the deterministic CDF Function zip of each model and prints its path, size and SHA-256.

  --settings FILE         settings file, relative to the repository (default: mlops_settings.yaml)
  --repo DIR              the model repository (default: the current folder)
  --env ENV               target environment (default: dev)
  --models LIST           only these models (comma-separated)
  --service NAME          service to package (default: prediction)
  --artifact-source SRC   local (the artifact folder on disk) or cdf (the Model Manager, credentials
                          from COGNITE_* variables); default local in dev, cdf otherwise
  --artifact-version N    artifact version (default: artifact_version from settings, else the latest)
  --output-dir DIR        where zips and manifests go, relative to the repository (default: .mlops/packages)
`;
async function packageCommand(args) {
    const parsed = (0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCommand */ .R)(args, USAGE, {
        ..._options_js__WEBPACK_IMPORTED_MODULE_1__/* .repoOptions */ .V,
        env: { type: 'string' },
        service: { type: 'string' },
        'artifact-source': { type: 'string' },
        'artifact-version': { type: 'string' },
        'output-dir': { type: 'string' },
    });
    if (!parsed)
        return 0;
    const { values } = parsed;
    const log = (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_2__/* .consoleLogger */ .k)({ verbose: values.verbose });
    const env = (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_3__/* .parseEnv */ .v)(values.env ?? 'dev', '--env');
    const packages = await (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_4__/* .packageModels */ .xQ)({
        settingsFile: values.settings ?? 'mlops_settings.yaml',
        workingDirectory: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(values.repo ?? '.'),
        models: (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_3__/* .parseNameList */ .H)(values.models),
        env,
        service: (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_4__/* .parseService */ .nO)(values.service ?? ''),
        artifactSource: (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_4__/* .parseArtifactSourceKind */ .LD)(values['artifact-source'] ?? '', env),
        artifactVersion: (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_5__/* .parseVersionArgument */ .jg)(values['artifact-version'] ?? '', '--artifact-version'),
        outputDir: values['output-dir'] ?? '.mlops/packages',
        cdfClient: () => (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_6__/* .createCdfClient */ .HS)((0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_7__/* .resolveCdfConfig */ .K2)({}, process.env, log), { access: 'read', log }),
        log,
    });
    for (const p of packages)
        process.stdout.write(`${p.path}\n  ${p.size} bytes, ${p.manifest.length} files, sha256 ${p.sha256}\n`);
    return 0;
}


/***/ }),

/***/ 4395:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K2: () => (/* binding */ resolveCdfConfig)
/* harmony export */ });
/* unused harmony exports CDF_INPUT_NAMES, cdfInputsFrom */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);
/**
 * Where CDF credentials come from: action inputs first, then the environment variables the Python
 * package documented (COGNITE_*), so existing repository secrets keep working unchanged.
 */

/** Action inputs every CDF-touching action declares (see actions/<name>/action.yml). */
const CDF_INPUT_NAMES = (/* unused pure expression or super */ null && ([
    'cdf-project',
    'cdf-base-url',
    'tenant-id',
    'token-url',
    'client-id',
    'client-secret',
    'use-oidc',
    'allowed-cdf-projects',
]));
/** Reads the CDF inputs with an action's input reader (keeps this module GitHub-free). */
function cdfInputsFrom(read) {
    return Object.fromEntries(CDF_INPUT_NAMES.map((n) => [n, read(n)]));
}
function resolveCdfConfig(inputs, env = process.env, log) {
    const missing = [];
    const pick = (inputName, envName) => {
        const value = ((inputName ? inputs[inputName] : undefined) || env[envName] || '').trim();
        return value;
    };
    const need = (value, inputName, envName) => {
        if (!value) {
            missing.push({
                field: inputName ?? envName,
                env: envName,
                message: inputName ? `set input "${inputName}" or environment variable ${envName}` : `set environment variable ${envName}`,
            });
        }
        return value;
    };
    // Secrets are masked before anything else can print them.
    const secret = (value) => {
        if (value)
            log?.secret(value);
        return value;
    };
    const useOidc = parseBoolean(inputs['use-oidc'] ?? '', 'use-oidc');
    const project = need(pick('cdf-project', 'COGNITE_PROJECT'), 'cdf-project', 'COGNITE_PROJECT');
    const rawBaseUrl = need(pick('cdf-base-url', 'COGNITE_OIDC_BASE_URL'), 'cdf-base-url', 'COGNITE_OIDC_BASE_URL');
    const tenant = pick('tenant-id', 'COGNITE_TENANT_ID');
    let tokenUrl = pick('token-url', 'COGNITE_TOKEN_URL');
    if (!tokenUrl && tenant)
        tokenUrl = `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
    if (!tokenUrl) {
        missing.push({
            field: 'tenant-id',
            env: 'COGNITE_TENANT_ID',
            message: 'set input "tenant-id" or environment variable COGNITE_TENANT_ID (or "token-url" / COGNITE_TOKEN_URL)',
        });
    }
    const writeId = need(pick('client-id', 'COGNITE_CLIENT_ID_WRITE'), 'client-id', 'COGNITE_CLIENT_ID_WRITE');
    const writeSecret = secret(pick('client-secret', 'COGNITE_CLIENT_SECRET_WRITE'));
    if (!useOidc)
        need(writeSecret, 'client-secret', 'COGNITE_CLIENT_SECRET_WRITE');
    const readId = pick(undefined, 'COGNITE_CLIENT_ID_READ');
    const readSecret = secret(pick(undefined, 'COGNITE_CLIENT_SECRET_READ'));
    if (readId && !readSecret && !useOidc)
        need('', undefined, 'COGNITE_CLIENT_SECRET_READ');
    if (missing.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .I(`CDF credentials are incomplete: missing ${missing.map((p) => (p.field === p.env ? p.env : `${p.field} (${p.env})`)).join(', ')}. ` +
            'Set the action inputs or the COGNITE_* environment variables (repository secrets).', missing);
    }
    const baseUrl = normaliseBaseUrl(rawBaseUrl);
    const allowedProjects = (inputs['allowed-cdf-projects'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (allowedProjects.length && !allowedProjects.includes(project)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .I(`CDF project "${project}" is not in allowed-cdf-projects (${allowedProjects.join(', ')}); refusing to touch it.`, [{ field: 'cdf-project', message: `"${project}" is not one of ${allowedProjects.join(', ')}` }]);
    }
    return {
        project,
        baseUrl,
        tokenUrl,
        scopes: [`${baseUrl}/.default`],
        write: { clientId: writeId, clientSecret: writeSecret || undefined },
        read: readId ? { clientId: readId, clientSecret: readSecret || undefined } : undefined,
        useOidc,
        allowedProjects,
    };
}
function normaliseBaseUrl(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .I(`CDF base URL "${raw}" is not a URL; expected e.g. https://api.cognitedata.com.`, [
            { field: 'cdf-base-url', message: `"${raw}" is not a URL` },
        ]);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .I(`CDF base URL "${raw}" must start with https:// (or http:// for the local emulator).`, [
            { field: 'cdf-base-url', message: 'must be an http(s) URL' },
        ]);
    }
    return raw.replace(/\/+$/, '');
}
function parseBoolean(raw, name) {
    const value = raw.trim().toLowerCase();
    if (value === '' || value === 'false' || value === 'no' || value === '0')
        return false;
    if (value === 'true' || value === 'yes' || value === '1')
        return true;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .I(`Input "${name}" must be true or false, got "${raw}".`, [{ field: name, message: 'must be true or false' }]);
}


/***/ })

};
