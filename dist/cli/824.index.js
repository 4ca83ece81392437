export const id = 824;
export const ids = [824];
export const modules = {

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
// EXTERNAL MODULE: ./packages/core/src/pipeline/run.ts + 4 modules
var run = __webpack_require__(289);
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

// EXTERNAL MODULE: ./packages/core/src/packaging/package-models.ts + 5 modules
var package_models = __webpack_require__(9934);
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

/***/ 289:
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
// EXTERNAL MODULE: ./packages/core/src/deploy/code-file.ts
var code_file = __webpack_require__(7947);
// EXTERNAL MODULE: ./packages/core/src/deploy/fields.ts
var fields = __webpack_require__(8328);
// EXTERNAL MODULE: ./packages/core/src/deploy/keep-warm.ts
var keep_warm = __webpack_require__(948);
// EXTERNAL MODULE: ./packages/core/src/cdf/retry.ts
var retry = __webpack_require__(4199);
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
    const files = await (0,retry/* sdkCall */.Zv)(client, 'POST /files/list', () => client.files.list({ filter: { externalIdPrefix: `${code_file/* CODE_FILE_PREFIX */.WQ}${latestXid}/` }, limit: 1000 }).autoPagingToArray({ limit: Infinity }), true);
    return files.filter((f) => !inUse.includes(f.id) && now - new Date(f.createdTime).getTime() > ORPHAN_GRACE_MS).map((f) => f.id);
}
async function applyRetention(client, latestXid, plan, remaining) {
    if (plan.doomed.length)
        await (0,functions/* deleteFunctions */.dJ)(client, plan.doomed.map((fn) => ({ id: fn.id })));
    const orphans = await orphanCodeFiles(client, latestXid, remaining.filter((fn) => !plan.doomed.includes(fn)).map((fn) => fn.fileId));
    const fileIds = [...new Set([...plan.fileIds, ...orphans])];
    const files = fileIds.length ? await (0,code_file/* deleteCodeFiles */.mT)(client, fileIds) : [];
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
            const [existing] = await (0,code_file/* retrieveFiles */.Ef)(client, [{ externalId: codeXid }]);
            if ((0,code_file/* isCodeFileFor */.JG)(existing, sha)) {
                detail(`${codeXid} already holds this code (file ${existing.id}); not uploaded.`);
                return existing.id;
            }
            const file = await (0,code_file/* uploadCodeFile */.XI)(client, {
                packagePath: o.packagePath, externalId: codeXid, sha256: sha, dataset: model.dataset, log,
                metadata: { model: model.modelName, service, env, version: String(version) }, overwrite: (0,code_file/* mustReplace */.Om)(existing, sha),
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

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/packaging/package-models.ts + 5 modules
var package_models = __webpack_require__(9934);
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
    const artifacts = () => r.env === 'dev' ? Promise.resolve((0,sources/* localArtifactSource */.n)(r.repoRoot)) : r.cdf().then((c) => (0,source/* cdfArtifactSource */.h)(c, undefined, log));
    await (0,artifact_folder/* fetchMissingArtifactFolder */.$)({ repoRoot: r.repoRoot, model, env: r.env, source: artifacts, required: r.deploying, log });
    // pytest once, and the service test of the first service; further services are smoke-tested by the deploy.
    const [first, ...rest] = r.services.length ? r.services : ['prediction'];
    const [tested] = await log.group(`test ${model.modelName}`, () => (0,test_models/* testModels */.Z1)({
        settingsFile: r.settingsFile, workingDirectory: r.repoRoot, models: [model.modelName], python: r.python,
        installRequirements: r.installRequirements, service: first, outputDir: (0,external_node_path_.join)(r.outputDir, 'test'), cdfClient: r.cdf, log,
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
        artifactSource: r.env === 'dev' ? 'local' : 'cdf', artifactVersion: null, outputDir: (0,external_node_path_.join)(r.outputDir, 'packages'), cdfClient: r.cdf, log,
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
