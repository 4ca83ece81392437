export const id = 419;
export const ids = [419];
export const modules = {

/***/ 2510:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ alignedTable)
/* harmony export */ });
/** Terminal tables: what the actions put in job summaries, as aligned columns. */
/** Left-aligned columns two spaces apart, the first row the headings; no trailing spaces or newline. */
function alignedTable(rows) {
    const cells = rows.map((r) => r.map(String));
    const widths = (cells[0] ?? []).map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
    return cells.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}


/***/ }),

/***/ 7275:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HS: () => (/* binding */ createCdfClient)
});

// UNUSED EXPORTS: APP_ID, tokenProviderOf

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/cdf/retry.ts
var retry = __webpack_require__(4199);
;// CONCATENATED MODULE: ./packages/core/src/cdf/auth.ts
/**
 * OAuth tokens for CDF: Entra-ID-style client credentials, or a federated `client_assertion`
 * (a GitHub OIDC token handed in by the action entry, so the core stays GitHub-free).
 * Tokens are cached until shortly before expiry; concurrent callers share one request.
 */


/** Refresh this long before expiry so a token never dies mid-request. */
const EXPIRY_MARGIN_MS = 60_000;
function createTokenProvider(config, credentials, options = {}) {
    let cached;
    let pending;
    let requestCount = 0;
    const fetchToken = async () => {
        const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.clientId, scope: config.scopes.join(' ') });
        if (config.useOidc) {
            if (!options.getIdToken) {
                throw new errors/* MlopsError */.I('use-oidc needs a GitHub OIDC token, which only a GitHub Actions job with `permissions: id-token: write` can get; ' +
                    'set a client secret instead outside GitHub.');
            }
            const assertion = await options.getIdToken();
            options.log?.secret(assertion);
            form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
            form.set('client_assertion', assertion);
        }
        else {
            form.set('client_secret', credentials.clientSecret ?? '');
        }
        const started = Date.now();
        const body = await (0,retry/* withRetry */.bD)(`POST ${config.tokenUrl}`, async () => {
            requestCount++;
            const res = await fetch(config.tokenUrl, { method: 'POST', body: form, headers: { accept: 'application/json' } });
            const text = await res.text();
            if (res.ok)
                return text;
            throw Object.assign(new Error(text), { status: res.status, retryAfter: res.headers.get('retry-after') ?? undefined, text });
        }, 
        // A token request changes nothing, so it is safe to repeat.
        { idempotent: true }, (err) => describeTokenFailure(err)).catch((err) => {
            throw tokenError(config, credentials, err);
        });
        const parsed = parseJson(body);
        if (!parsed?.access_token) {
            throw new errors/* MlopsError */.I(`The token endpoint ${config.tokenUrl} answered without an access_token; is token-url right?`);
        }
        options.log?.secret(parsed.access_token);
        const lifetimeMs = Number(parsed.expires_in ?? 3600) * 1000;
        cached = { token: parsed.access_token, refreshAt: started + Math.max(0, lifetimeMs - EXPIRY_MARGIN_MS) };
        options.log?.debug(`Got a CDF token for client ${credentials.clientId} (valid ${Math.round(lifetimeMs / 1000)} s).`);
        return parsed.access_token;
    };
    return {
        getToken: async () => {
            if (cached && Date.now() < cached.refreshAt)
                return cached.token;
            pending ??= fetchToken().finally(() => {
                pending = undefined;
            });
            return pending;
        },
        get requestCount() {
            return requestCount;
        },
    };
}
function describeTokenFailure(err) {
    const e = err;
    const failure = (0,retry/* describeFailure */.Ic)(err, e?.retryAfter);
    const oauth = parseJson(e?.text ?? '');
    // Entra ID's error_description explains the cause (wrong secret, unknown client) and never echoes the secret.
    if (oauth?.error)
        failure.message = `${oauth.error}${oauth.error_description ? `: ${oauth.error_description}` : ''}`;
    failure.retryAfterMs = (0,retry/* parseRetryAfter */.mu)(e?.retryAfter);
    return failure;
}
function tokenError(config, credentials, err) {
    if (err instanceof errors/* MlopsError */.I && !(err instanceof retry/* CdfApiError */.ul))
        return err;
    const reason = err.message;
    const hint = /invalid_client|unauthorized_client|AADSTS7000215/.test(reason)
        ? ' Check the client id and secret (or the federated credential) for this CDF project.'
        : '';
    return new errors/* MlopsError */.I(`Could not get a CDF token for client ${credentials.clientId} from ${config.tokenUrl}. ${reason}${hint}`);
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/cdf/client.ts


const APP_ID = 'akerbp-mlops';
const providers = new WeakMap();
async function createCdfClient(config, options) {
    const credentials = options.access === 'read' && config.read ? config.read : config.write;
    const provider = createTokenProvider(config, credentials, { log: options.log, getIdToken: options.getIdToken });
    // Loaded on first use: runs that only validate or test never pay for the SDK's start-up.
    const { CogniteClient } = await __webpack_require__.e(/* import() */ 118).then(__webpack_require__.bind(__webpack_require__, 5118));
    const client = new CogniteClient({ appId: APP_ID, project: config.project, baseUrl: config.baseUrl, oidcTokenProvider: provider.getToken });
    providers.set(client, provider);
    if (options.retry)
        (0,retry/* configureRetries */.NJ)(client, options.retry);
    // Our provider first: the SDK's authenticate() swallows provider errors, and ours say what is wrong.
    await provider.getToken();
    // The SDK only attaches a token after a 401 or authenticate(); doing it now saves a failed call.
    await client.authenticate();
    options.log?.debug(`CDF client for project ${config.project} at ${config.baseUrl} (${options.access}, client ${credentials.clientId}).`);
    return client;
}
/** The token provider behind a client made by createCdfClient (tests count token requests). */
function tokenProviderOf(client) {
    return providers.get(client);
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


/***/ }),

/***/ 8328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $W: () => (/* binding */ recreateSpec),
/* harmony export */   K$: () => (/* binding */ functionSpec),
/* harmony export */   Mu: () => (/* binding */ LATEST_HINT),
/* harmony export */   bU: () => (/* binding */ parseSecretsJson),
/* harmony export */   go: () => (/* binding */ deployedCode),
/* harmony export */   oN: () => (/* binding */ validateSecrets)
/* harmony export */ });
/* unused harmony export SECRET_LIMITS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5189);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8109);
/* harmony import */ var _settings_metadata_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2234);




/** CDF's limits on function secrets. */
const SECRET_LIMITS = { count: 30, keyPattern: /^[a-z0-9-]{1,15}$/ };
const DESCRIPTION_LIMIT = 500;
/** The Python package tagged the latest function's description so people can tell it apart. */
const LATEST_HINT = ' (latest)';
/** Checks secrets against CDF's rules, naming every offending key at once. */
function validateSecrets(secrets, field = 'function-secrets') {
    if (secrets === undefined || secrets === null)
        return undefined;
    if (typeof secrets !== 'object' || Array.isArray(secrets)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .I(`${field} must be a JSON object of secret names to string values, e.g. {"api-key": "..."}.`, [{ field, message: 'must be a JSON object' }]);
    }
    const problems = [];
    const entries = Object.entries(secrets);
    if (entries.length > SECRET_LIMITS.count) {
        problems.push({ field, message: `CDF allows at most ${SECRET_LIMITS.count} secrets per function; found ${entries.length}` });
    }
    for (const [key, value] of entries) {
        if (!SECRET_LIMITS.keyPattern.test(key)) {
            problems.push({ field: `${field}.${key}`, message: `secret key "${key}" must be 1–15 lowercase letters, digits or dashes (CDF's rule)` });
        }
        // Never echo the value: it is a secret.
        if (typeof value !== 'string')
            problems.push({ field: `${field}.${key}`, message: `the value of secret "${key}" must be a string` });
    }
    if (problems.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .I(`${field} breaks CDF's rules for function secrets: ${problems.map((p) => p.message).join('; ')}.`, problems);
    return secrets;
}
/** Parses the `function-secrets` JSON input (the caller has masked the raw text). */
function parseSecretsJson(text, field = 'function-secrets') {
    if (!text.trim())
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        // The parser's message can quote the text, which holds secrets.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .I(`${field} is not valid JSON; expected an object like {"api-key": "..."}.`, [{ field, message: 'not valid JSON' }]);
    }
    return validateSecrets(parsed, field);
}
function functionSpec(o) {
    const info = o.model.info[o.service];
    if (!info)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .I(`Model "${o.model.modelName}" has no ${o.service} service (info.${o.service} is missing in ${o.model.source.file}).`);
    const description = o.latest ? `${info.description.slice(0, DESCRIPTION_LIMIT - LATEST_HINT.length)}${LATEST_HINT}` : info.description;
    return {
        name: o.model.humanFriendlyModelName,
        externalId: o.externalId,
        fileId: o.fileId,
        functionPath: 'handler.py',
        description,
        owner: info.owner,
        runtime: o.model.pythonVersion,
        metadata: { ...info.metadata, ...reservedMetadata(o) },
        envVars: { MODEL_ENV: o.env, SERVICE_NAME: o.service },
        ...(o.secrets && Object.keys(o.secrets).length ? { secrets: o.secrets } : {}),
    };
}
/** The suite's own keys; settings validation budgets RESERVED_METADATA_VALUE_BYTES for each value. */
function reservedMetadata(o) {
    const values = {
        version: String(o.version),
        model_id: (0,_naming_js__WEBPACK_IMPORTED_MODULE_1__/* .artifactExternalId */ .$J)(o.model.modelName, o.env, o.version),
        code_sha256: o.codeSha256,
        git_sha: o.provenance?.gitSha,
        run_url: o.provenance?.runUrl,
        suite_version: o.provenance?.suiteVersion ?? _version_js__WEBPACK_IMPORTED_MODULE_2__/* .SUITE_VERSION */ .s,
    };
    const out = {};
    for (const [key, value] of Object.entries(values)) {
        if (!value)
            continue;
        if (Buffer.byteLength(value) > _settings_metadata_js__WEBPACK_IMPORTED_MODULE_3__/* .RESERVED_METADATA_VALUE_BYTES */ .Pv) {
            o.log.warning(`Metadata ${key} is longer than the ${_settings_metadata_js__WEBPACK_IMPORTED_MODULE_3__/* .RESERVED_METADATA_VALUE_BYTES */ .Pv} bytes CDF's budget leaves for it; left out.`);
            continue;
        }
        out[key] = value;
    }
    return out;
}
/**
 * The create request that brings back a function as it was (restore, rollback, redeploy).
 * CDF never returns secret values, so they must come from the caller.
 */
function recreateSpec(fn, overrides = {}) {
    const spec = {
        name: fn.name,
        externalId: fn.externalId,
        fileId: fn.fileId,
        functionPath: fn.functionPath,
        description: fn.description,
        owner: fn.owner,
        runtime: fn.runtime,
        metadata: fn.metadata,
        envVars: fn.envVars,
        cpu: fn.cpu,
        memory: fn.memory,
        ...overrides,
    };
    return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined && v !== null));
}
/** The code sha256 and version a function of ours records in its metadata. */
function deployedCode(fn) {
    const version = Number(fn?.metadata?.version);
    return { sha256: fn?.metadata?.code_sha256 ?? null, version: Number.isInteger(version) && version > 0 ? version : null };
}


/***/ }),

/***/ 948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pi: () => (/* binding */ checkCron),
/* harmony export */   _s: () => (/* binding */ keepWarmOf),
/* harmony export */   dd: () => (/* binding */ applyKeepWarm),
/* harmony export */   nN: () => (/* binding */ parseKeepWarmSchedule)
/* harmony export */ });
/* unused harmony exports PROD_KEEP_WARM_SCHEDULE, KEEP_WARM_NAME */
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8628);
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(cron_parser__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cdf_functions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6052);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7638);



/** The Python package's prod default: every 30 minutes in working hours on weekdays. */
const PROD_KEEP_WARM_SCHEDULE = '*/30 5-17 * * 1-5';
const KEEP_WARM_NAME = 'mlops keep-warm';
const KEEP_WARM_DATA = {};
/** '' and 'none' mean no schedule; an empty input in prod means the default. */
function parseKeepWarmSchedule(raw, env, field = 'keep-warm-schedule') {
    if (raw === undefined || raw.trim() === '')
        return env === 'prod' ? PROD_KEEP_WARM_SCHEDULE : null;
    const value = raw.trim();
    if (value.toLowerCase() === 'none')
        return null;
    checkCron(value, field);
    return value;
}
/** CDF takes five-field cron expressions (UTC). */
function checkCron(expression, field = 'keep-warm-schedule') {
    const fields = expression.trim().split(/\s+/);
    let reason = fields.length === 5 ? '' : `it has ${fields.length} fields, CDF wants 5 (minute hour day month weekday)`;
    if (!reason) {
        try {
            cron_parser__WEBPACK_IMPORTED_MODULE_0__.CronExpressionParser.parse(expression);
        }
        catch (err) {
            reason = err.message;
        }
    }
    if (reason)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MlopsError */ .I(`${field} "${expression}" is not a valid cron expression: ${reason}. Example: ${PROD_KEEP_WARM_SCHEDULE}; 'none' for no schedule.`, [{ field, message: reason }]);
}
/** Puts the function's keep-warm schedule in the wanted state; says what it did. */
async function applyKeepWarm(client, fn, cron) {
    const ours = (await (0,_cdf_functions_js__WEBPACK_IMPORTED_MODULE_2__/* .listSchedules */ .RG)(client, { functionId: fn.id })).filter((s) => s.name === KEEP_WARM_NAME);
    if (cron === null) {
        if (!ours.length)
            return 'no keep-warm schedule';
        await (0,_cdf_functions_js__WEBPACK_IMPORTED_MODULE_2__/* .deleteSchedules */ .qQ)(client, ours.map((s) => s.id));
        return 'removed the keep-warm schedule';
    }
    if (ours.length === 1 && ours[0].cronExpression === cron) {
        const data = await (0,_cdf_functions_js__WEBPACK_IMPORTED_MODULE_2__/* .scheduleInputData */ .y4)(client, ours[0].id);
        if (JSON.stringify(data ?? {}) === JSON.stringify(KEEP_WARM_DATA))
            return `keep-warm schedule "${cron}" unchanged`;
    }
    await (0,_cdf_functions_js__WEBPACK_IMPORTED_MODULE_2__/* .deleteSchedules */ .qQ)(client, ours.map((s) => s.id));
    const { nonce } = await (0,_cdf_functions_js__WEBPACK_IMPORTED_MODULE_2__/* .createSession */ .jw)(client, { tokenExchange: true });
    await (0,_cdf_functions_js__WEBPACK_IMPORTED_MODULE_2__/* .createSchedule */ .sF)(client, {
        name: KEEP_WARM_NAME,
        cronExpression: cron,
        functionId: fn.id,
        description: 'Keeps an instance warm (akerbp/mlops).',
        data: KEEP_WARM_DATA,
        nonce,
    });
    return `keep-warm schedule set to "${cron}"`;
}
/** The keep-warm cron on a function, to carry it over when the function is re-created. */
async function keepWarmOf(client, fn) {
    const ours = (await (0,_cdf_functions_js__WEBPACK_IMPORTED_MODULE_2__/* .listSchedules */ .RG)(client, { functionId: fn.id })).find((s) => s.name === KEEP_WARM_NAME);
    return ours?.cronExpression ?? null;
}


/***/ }),

/***/ 1869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ DEFAULT_WAIT_TIMEOUT_MS),
  X0: () => (/* binding */ replaceFunction),
  Of: () => (/* binding */ rollOut),
  av: () => (/* binding */ smokeCall)
});

// UNUSED EXPORTS: createOrAdopt

// EXTERNAL MODULE: ./packages/core/src/cdf/functions.ts
var functions = __webpack_require__(6052);
// EXTERNAL MODULE: ./packages/core/src/cdf/retry.ts
var retry = __webpack_require__(4199);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
;// CONCATENATED MODULE: ./packages/core/src/interrupt.ts
/**
 * Work that must not be cut off half-way, such as replacing the serving function (delete, then
 * create): a step timeout lets it finish (it restores the old function on failure) before
 * stopping the process, so a timeout never leaves a model without its latest function.
 */
const inFlight = new Set();
function uninterruptible(body) {
    const running = body();
    inFlight.add(running);
    const forget = () => inFlight.delete(running);
    running.then(forget, forget);
    return running;
}
/** Whether any uninterruptible work is running. */
function uninterruptibleRunning() {
    return inFlight.size > 0;
}
/** Resolves once no uninterruptible work is running (including work started meanwhile). */
async function settleUninterruptible() {
    while (inFlight.size)
        await Promise.allSettled([...inFlight]);
}

// EXTERNAL MODULE: ./packages/core/src/deploy/fields.ts
var fields = __webpack_require__(8328);
;// CONCATENATED MODULE: ./packages/core/src/deploy/rollout.ts





const DEFAULT_WAIT_TIMEOUT_MS = 1_500_000;
/** Last lines of a failed smoke call's logs shown in the error. */
const LOG_LINES_SHOWN = 20;
/**
 * Creates the function; when the external id is taken (a concurrent deploy), adopts the existing
 * one if it runs the same code, and refuses otherwise rather than fight over it.
 */
async function createOrAdopt(client, spec, log) {
    try {
        return await (0,functions/* createFunction */.zp)(client, spec);
    }
    catch (err) {
        if (!(err instanceof retry/* CdfApiError */.ul && err.status === 409) || !spec.externalId)
            throw err;
        const existing = await (0,functions/* retrieveFunction */.j9)(client, { externalId: spec.externalId });
        const ours = spec.metadata?.code_sha256;
        if (existing && ours && (0,fields/* deployedCode */.go)(existing).sha256 === ours) {
            log.info(`${spec.externalId} was created meanwhile by another deploy with the same code; using it.`);
            return existing;
        }
        throw new errors/* MlopsError */.I(`Another deploy created ${spec.externalId} at the same time with different code` +
            `${existing ? ` (version ${existing.metadata?.version ?? '?'}, code sha256 ${existing.metadata?.code_sha256 ?? '?'})` : ''}; ` +
            'this deploy left it alone. Re-run the deploy to put this version in place.');
    }
}
/** Calls the function and requires a completed call answering status "ok". */
async function smokeCall(client, fn, payload, options) {
    const started = Date.now();
    const label = fn.externalId ?? String(fn.id);
    const { call, response, logs } = await (0,functions/* callFunction */.Tx)(client, fn.id, payload, { timeoutMs: options.timeoutMs, log: options.log });
    const ms = Date.now() - started;
    const status = response?.status;
    if (call.status === 'Completed' && status === 'ok') {
        options.log.info(`Smoke test of ${label}: status ok (${ms} ms).`);
        return { status: 'ok', ms };
    }
    const why = call.status !== 'Completed'
        ? `the call ${call.id} ended ${call.status}${call.error?.message ? `: ${call.error.message}` : ''}`
        : `it answered status "${String(status)}"${response?.message ? `: ${String(response.message)}` : ''}`;
    const tail = logs.slice(-LOG_LINES_SHOWN).map((l) => l.message.trimEnd()).join('\n');
    throw new errors/* MlopsError */.I(`Smoke test of ${label} failed: ${why}.${tail ? `\nLast log lines of the call:\n${tail}` : ''}`);
}
/** Creates (or adopts), waits for Ready and smoke-calls. */
async function rollOut(client, spec, o) {
    const created = await createOrAdopt(client, spec, o.log);
    // By external id, so a build error names the function people know.
    const fn = await (0,functions/* waitForReady */.Cf)(client, spec.externalId ? { externalId: spec.externalId } : { id: created.id }, { timeoutMs: o.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS, log: o.log });
    const smoke = o.smokePayload === null ? null : await smokeCall(client, fn, o.smokePayload, { timeoutMs: o.waitTimeoutMs, log: o.log });
    return { fn, smoke };
}
/**
 * Functions are immutable in CDF: replacing is delete + create. On any failure after the delete,
 * `current` is re-created from its own code file, so what was serving keeps serving. A step
 * timeout waits for this to finish rather than stop between the delete and the create.
 */
function replaceFunction(client, current, spec, o) {
    return uninterruptible(async () => {
        if (current)
            await (0,functions/* deleteFunctions */.dJ)(client, [{ id: current.id }]);
        try {
            return await rollOut(client, spec, o);
        }
        catch (err) {
            if (!current)
                throw err;
            const restored = await restore(client, current, spec, o).catch((restoreErr) => `could NOT be restored: ${restoreErr.message}`);
            const message = err instanceof Error ? err.message : String(err);
            throw new errors/* MlopsError */.I(`${message}\n${spec.externalId}: the function that was serving before (version ${current.metadata?.version ?? '?'}) ${restored}`, err instanceof errors/* MlopsError */.I ? err.problems : []);
        }
    });
}
/**
 * Restoring is what keeps the model serving, so it gets a few attempts: a 503 on the (not
 * retried, non-idempotent) create or a build that fails once must not leave no function at all.
 */
const RESTORE_ATTEMPTS = 3;
async function restore(client, previous, attempted, o) {
    for (let attempt = 1;; attempt++) {
        try {
            return await restoreOnce(client, previous, attempted, o);
        }
        catch (err) {
            if (attempt >= RESTORE_ATTEMPTS)
                throw err;
            o.log.warning(`Restoring ${previous.externalId} failed (${err.message.split('\n')[0]}); trying again.`);
            await new Promise((r) => setTimeout(r, 1000 * attempt));
        }
    }
}
async function restoreOnce(client, previous, attempted, o) {
    const xid = previous.externalId;
    const now = await (0,functions/* retrieveFunction */.j9)(client, { externalId: xid });
    if (now) {
        const code = (0,fields/* deployedCode */.go)(now).sha256;
        // A function from another deploy is serving: leave it. Ours (failed, or a failed restore) makes way.
        if (code !== attempted.metadata?.code_sha256 && code !== (0,fields/* deployedCode */.go)(previous).sha256)
            return 'was not restored: another deploy has replaced it meanwhile.';
        if (code === (0,fields/* deployedCode */.go)(previous).sha256 && now.status !== 'Failed') {
            await (0,functions/* waitForReady */.Cf)(client, { id: now.id }, { timeoutMs: o.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS, log: o.log });
            return `was restored from its code file (id ${previous.fileId}) and keeps serving.`;
        }
        await (0,functions/* deleteFunctions */.dJ)(client, [{ id: now.id }]);
    }
    o.log.warning(`Restoring ${xid} from its previous code file (id ${previous.fileId}).`);
    const spec = (0,fields/* recreateSpec */.$W)(previous, o.restoreSecrets ? { secrets: o.restoreSecrets } : {});
    const fn = await createOrAdopt(client, spec, o.log);
    await (0,functions/* waitForReady */.Cf)(client, { id: fn.id }, { timeoutMs: o.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS, log: o.log });
    return `was restored from its code file (id ${previous.fileId}) and keeps serving.`;
}


/***/ })

};
