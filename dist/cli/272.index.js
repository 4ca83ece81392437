export const id = 272;
export const ids = [272];
export const modules = {

/***/ 7272:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ functionsCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:readline/promises"
var promises_ = __webpack_require__(6848);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/deploy/fields.ts
var fields = __webpack_require__(8328);
// EXTERNAL MODULE: ./packages/core/src/logger.ts
var logger = __webpack_require__(9157);
// EXTERNAL MODULE: ./packages/core/src/settings/inputs.ts
var inputs = __webpack_require__(3922);
// EXTERNAL MODULE: ./packages/core/src/packaging/package-models.ts + 5 modules
var package_models = __webpack_require__(9934);
// EXTERNAL MODULE: ./packages/core/src/cdf/client.ts + 1 modules
var cdf_client = __webpack_require__(7275);
// EXTERNAL MODULE: ./packages/core/src/cdf/config.ts
var config = __webpack_require__(4395);
// EXTERNAL MODULE: ./packages/core/src/cdf/functions.ts
var functions = __webpack_require__(6052);
// EXTERNAL MODULE: ./packages/core/src/naming.ts
var naming = __webpack_require__(5189);
// EXTERNAL MODULE: ./packages/core/src/settings/types.ts
var types = __webpack_require__(5926);
;// CONCATENATED MODULE: ./packages/core/src/functions-admin/inventory.ts





const XID = new RegExp(`^([A-Za-z0-9_]+)-(${types/* SERVICES */.Bg.join('|')})-(${types/* ENVIRONMENTS */.ju.join('|')})(?:-([1-9][0-9]*))?$`);
function parseFunctionExternalId(xid) {
    const m = XID.exec(xid);
    return m ? { model: m[1], service: m[2], env: m[3], version: m[4] ? Number(m[4]) : null } : null;
}
/**
 * `tag`: `latest` or `versioned` picks one kind; `key=value` matches metadata.
 */
async function listModelFunctions(client, filter = {}) {
    const tag = filter.tag?.trim();
    const [key, ...rest] = tag?.includes('=') ? tag.split('=') : [];
    const all = await (0,functions/* listFunctions */._d)(client, filter.model ? { externalIdPrefix: `${filter.model}-` } : {});
    return all
        .map((fn) => ({ fn, name: fn.externalId ? parseFunctionExternalId(fn.externalId) : null }))
        .filter((x) => x.name !== null)
        .filter(({ fn, name }) => (!filter.env || name.env === filter.env) &&
        (!filter.model || name.model === filter.model) &&
        (!tag || (tag === 'latest' ? name.version === null : tag === 'versioned' ? name.version !== null : key !== undefined && fn.metadata?.[key] === rest.join('='))))
        .map(({ fn, name }) => ({ ...name, fn, serves: (0,fields/* deployedCode */.go)(fn).version }))
        .sort((a, b) => (a.fn.externalId ?? '').localeCompare(b.fn.externalId ?? '', 'en', { numeric: true }));
}
/** `MODEL` (with env, service, version) or a full external id → the external id to call. */
function targetExternalId(target, o) {
    if (parseFunctionExternalId(target) || !/^[A-Za-z0-9_]+$/.test(target))
        return target;
    if (!o.env)
        throw new errors/* MlopsError */.I(`"${target}" is a model name; say which environment with --env (or give the function's external id, e.g. ${target}-prediction-test).`);
    return (0,naming/* functionExternalId */.x3)(target, o.service ?? 'prediction', o.env, o.version ?? undefined);
}
async function requireFunction(client, xid) {
    const fn = await (0,functions/* retrieveFunction */.j9)(client, { externalId: xid });
    if (!fn)
        throw new errors/* MlopsError */.I(`No function with external id "${xid}" in CDF project ${client.project}; list them with \`mlops functions list\`.`);
    return fn;
}

// EXTERNAL MODULE: ./packages/core/src/artifacts/manager.ts
var manager = __webpack_require__(5666);
// EXTERNAL MODULE: ./packages/core/src/cdf/retry.ts
var retry = __webpack_require__(4199);
;// CONCATENATED MODULE: ./packages/core/src/functions-admin/calls.ts




async function callByExternalId(client, xid, data, o = {}) {
    const fn = await requireFunction(client, xid);
    if (fn.status !== 'Ready')
        throw new errors/* MlopsError */.I(`Function ${xid} is ${fn.status}, not Ready; it cannot be called${fn.error?.message ? ` (${fn.error.message})` : ''}.`);
    const started = Date.now();
    const result = await (0,functions/* callFunction */.Tx)(client, fn.id, data, { timeoutMs: o.timeoutMs, log: o.log });
    return { ...result, functionId: fn.id, ms: Date.now() - started };
}
/**
 * Calls one function once per payload, at most `concurrency` at a time. 429s are retried with
 * backoff and Retry-After by the CDF client (CDF did not start the call); other failures are
 * reported per payload, never retried (a call could run twice).
 */
async function callParallel(client, xid, payloads, o = {}) {
    const concurrency = Math.max(1, Math.min(o.concurrency ?? 4, 50));
    const fn = await requireFunction(client, xid);
    const out = new Array(payloads.length);
    let next = 0;
    const worker = async () => {
        for (let i = next++; i < payloads.length; i = next++) {
            const started = Date.now();
            try {
                const { call, response } = await (0,functions/* callFunction */.Tx)(client, fn.id, payloads[i], { timeoutMs: o.timeoutMs });
                const status = response?.status;
                const ok = call.status === 'Completed' && status !== 'error';
                out[i] = { index: i, ok, response, ms: Date.now() - started, ...(ok ? {} : { error: call.error?.message ?? String(response?.message ?? call.status) }) };
            }
            catch (err) {
                out[i] = { index: i, ok: false, error: err.message, ms: Date.now() - started };
            }
            o.log?.debug(`call ${i + 1}/${payloads.length}: ${out[i].ok ? 'ok' : out[i].error}`);
        }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, payloads.length) }, worker));
    return out;
}
/** Logs of one call, or of the function's most recent call. */
async function functionCallLogs(client, xid, callId) {
    const fn = await requireFunction(client, xid);
    let id = callId;
    if (id === undefined) {
        const calls = await (0,retry/* cdfRequest */.TR)(client, { method: 'POST', path: `/functions/${fn.id}/calls/list`, data: { limit: 100 }, idempotent: true });
        const latest = calls.items.sort((a, b) => b.startTime - a.startTime)[0];
        if (!latest)
            throw new errors/* MlopsError */.I(`Function ${xid} has no calls yet.`);
        id = latest.id;
    }
    return { callId: id, logs: await (0,functions/* callLogs */.Wb)(client, fn.id, id) };
}

// EXTERNAL MODULE: ./packages/core/src/deploy/keep-warm.ts
var keep_warm = __webpack_require__(948);
// EXTERNAL MODULE: ./packages/core/src/deploy/rollout.ts + 1 modules
var rollout = __webpack_require__(1869);
;// CONCATENATED MODULE: ./packages/core/src/functions-admin/manage.ts







async function deleteFunctionByExternalId(client, xid, log) {
    const fn = await requireFunction(client, xid);
    await (0,functions/* deleteFunctions */.dJ)(client, [{ id: fn.id }]);
    log.info(`Deleted ${xid} (id ${fn.id}); its code file ${fn.fileId} stays in CDF Files.`);
    return fn;
}
function checkSecretsGiven(source, secrets) {
    const given = (0,fields/* validateSecrets */.oN)(secrets, 'secrets');
    const needed = Object.keys(source.secrets ?? {});
    const missing = needed.filter((k) => !given || !(k in given));
    if (missing.length) {
        throw new errors/* MlopsError */.I(`${source.externalId} uses secrets ${missing.join(', ')}, and CDF never returns secret values; pass them again (--secrets JSON|@file) so the new function gets them.`);
    }
    return given;
}
/** Re-creates `current` as `spec` with restore on failure, carrying the keep-warm schedule over. */
async function replaceKeepingSchedule(client, current, spec, o, secrets) {
    const cron = current ? await (0,keep_warm/* keepWarmOf */._s)(client, current) : null;
    const { fn, smoke } = await (0,rollout/* replaceFunction */.X0)(client, current, spec, {
        waitTimeoutMs: o.waitTimeoutMs, smokePayload: o.smokeTest === false ? null : (o.testPayload ?? {}), restoreSecrets: secrets, log: o.log,
    });
    if (cron)
        o.log.info(await (0,keep_warm/* applyKeepWarm */.dd)(client, fn, cron));
    const versionOf = (f) => (f?.metadata?.version ? Number(f.metadata.version) : null);
    return { externalId: spec.externalId, functionId: fn.id, previousVersion: versionOf(current), version: versionOf(fn), smokeTest: smoke };
}
/** Points `<model>-<service>-<env>` at the code of the kept `<model>-<service>-<env>-<to>`. */
async function rollbackLatest(client, o) {
    const service = o.service ?? 'prediction';
    const latestXid = (0,naming/* functionExternalId */.x3)(o.model, service, o.env);
    const target = await requireFunction(client, (0,naming/* functionExternalId */.x3)(o.model, service, o.env, o.to)).catch(() => {
        throw new errors/* MlopsError */.I(`Cannot roll back ${latestXid} to version ${o.to}: ${(0,naming/* functionExternalId */.x3)(o.model, service, o.env, o.to)} does not exist (only kept versions can be rolled back to; see \`mlops functions list --env ${o.env}\`).`);
    });
    if (target.status !== 'Ready')
        throw new errors/* MlopsError */.I(`Cannot roll back to ${target.externalId}: it is ${target.status}, not Ready.`);
    const secrets = checkSecretsGiven(target, o.secrets);
    const current = await requireFunction(client, latestXid).catch(() => null);
    const description = `${(target.description ?? '').replace(/ \(latest\)$/, '').slice(0, 500 - fields/* LATEST_HINT */.Mu.length)}${fields/* LATEST_HINT */.Mu}`;
    const spec = (0,fields/* recreateSpec */.$W)(target, { externalId: latestXid, description, ...(secrets ? { secrets } : {}) });
    o.log.info(`Rolling ${latestXid} back to version ${o.to} (code file ${target.fileId}).`);
    return replaceKeepingSchedule(client, current, spec, o, secrets);
}
/** Re-creates a function from its own code file and fields (a fresh build, e.g. after a failure). */
async function redeployFunction(client, xid, o) {
    const current = await requireFunction(client, xid);
    const secrets = checkSecretsGiven(current, o.secrets);
    return replaceKeepingSchedule(client, current, (0,fields/* recreateSpec */.$W)(current, secrets ? { secrets } : {}), o, secrets);
}

// EXTERNAL MODULE: ./packages/cli/src/table.ts
var table = __webpack_require__(2510);
// EXTERNAL MODULE: ./packages/cli/src/options.ts
var options = __webpack_require__(1428);
;// CONCATENATED MODULE: ./packages/cli/src/commands/functions.ts
/** `mlops functions`: list, call, call-parallel, logs, delete, rollback and redeploy deployed model functions. */





const USAGE = `Usage: mlops functions <command> [options]

Credentials come from the COGNITE_* environment variables (COGNITE_PROJECT, COGNITE_OIDC_BASE_URL,
COGNITE_TENANT_ID or COGNITE_TOKEN_URL, COGNITE_CLIENT_ID_WRITE, COGNITE_CLIENT_SECRET_WRITE).

  list [--env E] [--model M] [--tag T]     the suite's functions; --tag latest | versioned | KEY=VALUE (metadata)
  call MODEL|XID --data JSON|@file [--env E] [--service S] [--version N]
                                           call a function and print its response (MODEL needs --env)
  call-parallel MODEL|XID --data JSON-ARRAY|@file [--concurrency N] [--env E] [--service S] [--version N]
                                           one call per array item, at most N at a time (default 4)
  logs XID [--call ID]                     logs of a call (default: the most recent call)
  delete XID [--yes]                       delete a function (asks unless --yes)
  rollback MODEL --env E --to VERSION [--service S] [--secrets JSON|@file] [--no-smoke-test]
                                           point <MODEL>-<service>-<E> at kept version VERSION
  redeploy XID [--secrets JSON|@file] [--no-smoke-test]
                                           rebuild a function from its own code file
`;
/** `JSON` or `@file` holding JSON. */
function jsonArgument(raw, flag) {
    if (raw === undefined)
        throw new errors/* MlopsError */.I(`${flag} is required: give JSON, or @file for a JSON file.`);
    let text = raw;
    if (raw.startsWith('@')) {
        try {
            text = (0,external_node_fs_.readFileSync)(raw.slice(1), 'utf8');
        }
        catch {
            throw new errors/* MlopsError */.I(`${flag} ${raw}: cannot read ${raw.slice(1)}.`);
        }
    }
    try {
        return JSON.parse(text);
    }
    catch (err) {
        throw new errors/* MlopsError */.I(`${flag} is not valid JSON${raw.startsWith('@') ? ` (${raw.slice(1)})` : ''}: ${err.message}`);
    }
}
function secretsArgument(raw, log) {
    if (raw === undefined)
        return undefined;
    const text = raw.startsWith('@') ? (0,external_node_fs_.readFileSync)(raw.slice(1), 'utf8') : raw;
    const secrets = (0,fields/* parseSecretsJson */.bU)(text, '--secrets');
    for (const v of Object.values(secrets ?? {}))
        log.secret(v);
    return secrets;
}
function positiveInt(raw, flag) {
    if (raw === undefined)
        return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1)
        throw new errors/* MlopsError */.I(`${flag} must be a whole number ≥ 1, got "${raw}".`);
    return n;
}
function print(value) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
async function functions_confirm(question) {
    if (!process.stdin.isTTY)
        return false;
    const rl = (0,promises_.createInterface)({ input: process.stdin, output: process.stderr });
    const answer = await rl.question(question);
    rl.close();
    return /^y(es)?$/i.test(answer.trim());
}
async function functionsCommand(args) {
    const cli = (0,options/* parseCommand */.R)(args, USAGE, {
        env: { type: 'string' }, model: { type: 'string' }, tag: { type: 'string' }, data: { type: 'string' }, service: { type: 'string' },
        version: { type: 'string' }, concurrency: { type: 'string' }, call: { type: 'string' }, yes: { type: 'boolean' }, to: { type: 'string' },
        secrets: { type: 'string' }, 'no-smoke-test': { type: 'boolean' },
    }, true);
    if (!cli)
        return 0;
    const { values, positionals } = cli;
    const [sub, target, ...extra] = positionals;
    if (!sub || extra.length || (sub !== 'list' && !target)) {
        process.stdout.write(USAGE);
        return 2;
    }
    const log = (0,logger/* consoleLogger */.k)({ verbose: values.verbose });
    const env = values.env ? (0,inputs/* parseEnv */.v)(values.env, '--env') : undefined;
    const service = values.service ? (0,package_models/* parseService */.nO)(values.service) : undefined;
    const access = sub === 'list' || sub === 'logs' ? 'read' : 'write';
    const client = await (0,cdf_client/* createCdfClient */.HS)((0,config/* resolveCdfConfig */.K2)({}, process.env, log), { access, log });
    const xid = () => targetExternalId(target, { env, service, version: (0,manager/* parseVersionArgument */.jg)(values.version, '--version') });
    const common = { secrets: secretsArgument(values.secrets, log), smokeTest: !values['no-smoke-test'], log };
    switch (sub) {
        case 'list': {
            const rows = (await listModelFunctions(client, { env, tag: values.tag, model: values.model })).map((f) => [
                f.fn.externalId ?? '', f.fn.status, f.serves === null ? '' : String(f.serves), new Date(f.fn.createdTime).toISOString(), f.fn.name,
            ]);
            process.stdout.write(`${(0,table/* alignedTable */.n)([['EXTERNAL ID', 'STATUS', 'SERVES', 'CREATED', 'NAME'], ...rows])}\n`);
            return 0;
        }
        case 'call': {
            const { call, response, logs } = await callByExternalId(client, xid(), jsonArgument(values.data, '--data'), { log });
            if (call.status !== 'Completed') {
                log.error(`Call ${call.id} ended ${call.status}${call.error?.message ? `: ${call.error.message}` : ''}`);
                for (const l of logs.slice(-20))
                    log.info(l.message.trimEnd());
                return 1;
            }
            print(response);
            return response?.status === 'error' ? 1 : 0;
        }
        case 'call-parallel': {
            const payloads = jsonArgument(values.data, '--data');
            if (!Array.isArray(payloads))
                throw new errors/* MlopsError */.I('--data for call-parallel must be a JSON array: one payload per call.');
            const outcomes = await callParallel(client, xid(), payloads, { concurrency: positiveInt(values.concurrency, '--concurrency'), log });
            print(outcomes);
            const failed = outcomes.filter((o) => !o.ok).length;
            log.info(`${outcomes.length - failed}/${outcomes.length} calls ok.`);
            return failed ? 1 : 0;
        }
        case 'logs': {
            const { callId, logs } = await functionCallLogs(client, target, positiveInt(values.call, '--call'));
            log.info(`Logs of call ${callId}:`);
            process.stdout.write(logs.map((l) => `${l.timestamp ? `${new Date(l.timestamp).toISOString()} ` : ''}${l.message.trimEnd()}\n`).join(''));
            return 0;
        }
        case 'delete': {
            if (!values.yes && !(await functions_confirm(`Delete function ${target}? [y/N] `))) {
                log.error(`Not deleted: confirm with --yes${process.stdin.isTTY ? '' : ' (no terminal to ask on)'}.`);
                return 1;
            }
            await deleteFunctionByExternalId(client, target, log);
            return 0;
        }
        case 'rollback': {
            if (!env)
                throw new errors/* MlopsError */.I('rollback needs --env (dev, test or prod).');
            const to = positiveInt(values.to, '--to');
            if (to === undefined)
                throw new errors/* MlopsError */.I('rollback needs --to VERSION: the kept version the latest should serve.');
            print(await rollbackLatest(client, { model: target, service, env, to, ...common }));
            return 0;
        }
        case 'redeploy':
            print(await redeployFunction(client, target, common));
            return 0;
        default:
            process.stderr.write(`mlops functions: unknown command '${sub}'.\n\n${USAGE}`);
            return 2;
    }
}


/***/ }),

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


/***/ })

};
