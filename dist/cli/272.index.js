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
// EXTERNAL MODULE: ./packages/core/src/packaging/package-models.ts + 4 modules
var package_models = __webpack_require__(8447);
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


/***/ })

};
