export const id = 19;
export const ids = [19];
export const modules = {

/***/ 1916:
/***/ ((__unused_webpack_module, exports) => {

var __webpack_unused_export__;

__webpack_unused_export__ = true;
exports.Io = exports.kp = void 0;
var peq = new Uint32Array(0x10000);
var myers_32 = function (a, b) {
    var n = a.length;
    var m = b.length;
    var lst = 1 << (n - 1);
    var pv = -1;
    var mv = 0;
    var sc = n;
    var i = n;
    while (i--) {
        peq[a.charCodeAt(i)] |= 1 << i;
    }
    for (i = 0; i < m; i++) {
        var eq = peq[b.charCodeAt(i)];
        var xv = eq | mv;
        eq |= ((eq & pv) + pv) ^ pv;
        mv |= ~(eq | pv);
        pv &= eq;
        if (mv & lst) {
            sc++;
        }
        if (pv & lst) {
            sc--;
        }
        mv = (mv << 1) | 1;
        pv = (pv << 1) | ~(xv | mv);
        mv &= xv;
    }
    i = n;
    while (i--) {
        peq[a.charCodeAt(i)] = 0;
    }
    return sc;
};
var myers_x = function (b, a) {
    var n = a.length;
    var m = b.length;
    var mhc = [];
    var phc = [];
    var hsize = Math.ceil(n / 32);
    var vsize = Math.ceil(m / 32);
    for (var i = 0; i < hsize; i++) {
        phc[i] = -1;
        mhc[i] = 0;
    }
    var j = 0;
    for (; j < vsize - 1; j++) {
        var mv_1 = 0;
        var pv_1 = -1;
        var start_1 = j * 32;
        var vlen_1 = Math.min(32, m) + start_1;
        for (var k = start_1; k < vlen_1; k++) {
            peq[b.charCodeAt(k)] |= 1 << k;
        }
        for (var i = 0; i < n; i++) {
            var eq = peq[a.charCodeAt(i)];
            var pb = (phc[(i / 32) | 0] >>> i) & 1;
            var mb = (mhc[(i / 32) | 0] >>> i) & 1;
            var xv = eq | mv_1;
            var xh = ((((eq | mb) & pv_1) + pv_1) ^ pv_1) | eq | mb;
            var ph = mv_1 | ~(xh | pv_1);
            var mh = pv_1 & xh;
            if ((ph >>> 31) ^ pb) {
                phc[(i / 32) | 0] ^= 1 << i;
            }
            if ((mh >>> 31) ^ mb) {
                mhc[(i / 32) | 0] ^= 1 << i;
            }
            ph = (ph << 1) | pb;
            mh = (mh << 1) | mb;
            pv_1 = mh | ~(xv | ph);
            mv_1 = ph & xv;
        }
        for (var k = start_1; k < vlen_1; k++) {
            peq[b.charCodeAt(k)] = 0;
        }
    }
    var mv = 0;
    var pv = -1;
    var start = j * 32;
    var vlen = Math.min(32, m - start) + start;
    for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] |= 1 << k;
    }
    var score = m;
    for (var i = 0; i < n; i++) {
        var eq = peq[a.charCodeAt(i)];
        var pb = (phc[(i / 32) | 0] >>> i) & 1;
        var mb = (mhc[(i / 32) | 0] >>> i) & 1;
        var xv = eq | mv;
        var xh = ((((eq | mb) & pv) + pv) ^ pv) | eq | mb;
        var ph = mv | ~(xh | pv);
        var mh = pv & xh;
        score += (ph >>> (m - 1)) & 1;
        score -= (mh >>> (m - 1)) & 1;
        if ((ph >>> 31) ^ pb) {
            phc[(i / 32) | 0] ^= 1 << i;
        }
        if ((mh >>> 31) ^ mb) {
            mhc[(i / 32) | 0] ^= 1 << i;
        }
        ph = (ph << 1) | pb;
        mh = (mh << 1) | mb;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
    }
    for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] = 0;
    }
    return score;
};
var distance = function (a, b) {
    if (a.length < b.length) {
        var tmp = b;
        b = a;
        a = tmp;
    }
    if (b.length === 0) {
        return a.length;
    }
    if (a.length <= 32) {
        return myers_32(a, b);
    }
    return myers_x(a, b);
};
exports.Io = distance;
var closest = function (str, arr) {
    var min_distance = Infinity;
    var min_index = 0;
    for (var i = 0; i < arr.length; i++) {
        var dist = distance(str, arr[i]);
        if (dist < min_distance) {
            min_distance = dist;
            min_index = i;
        }
    }
    return arr[min_index];
};
exports.kp = closest;


/***/ }),

/***/ 8281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ artifactsCommand),
  progressReporter: () => (/* binding */ progressReporter)
});

// EXTERNAL MODULE: external "node:readline/promises"
var promises_ = __webpack_require__(6848);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/logger.ts
var logger = __webpack_require__(9157);
// EXTERNAL MODULE: ./packages/core/src/cdf/config.ts
var cdf_config = __webpack_require__(4395);
// EXTERNAL MODULE: ./packages/core/src/cdf/client.ts + 1 modules
var cdf_client = __webpack_require__(7275);
// EXTERNAL MODULE: ./packages/core/src/artifacts/manager.ts
var artifacts_manager = __webpack_require__(5666);
;// CONCATENATED MODULE: ./packages/core/src/artifacts/promotion.ts
function describeEnv(versions) {
    const uploaded = versions.filter((v) => v.uploaded).sort((a, b) => b.version - a.version);
    if (!uploaded.length)
        return 'no versions';
    const latest = uploaded[0];
    const from = latest.promotedFrom ? ` (from ${latest.promotedFrom})` : '';
    return `${uploaded.length} version${uploaded.length === 1 ? '' : 's'}, latest ${latest.externalId}${from}`;
}
async function promoteWithReport(manager, request) {
    const { model, fromEnv, toEnv, version } = request;
    const snapshot = () => Promise.all([manager.overview({ model, env: fromEnv }), manager.overview({ model, env: toEnv })]);
    const before = await snapshot();
    const result = await manager.promote(model, fromEnv, toEnv, version);
    const after = await snapshot();
    return {
        result,
        table: {
            head: ['Environment', 'Before', 'After'],
            rows: [
                [`${fromEnv} (source)`, describeEnv(before[0]), describeEnv(after[0])],
                [`${toEnv} (target)`, describeEnv(before[1]), describeEnv(after[1])],
            ],
        },
    };
}

// EXTERNAL MODULE: ./packages/core/src/naming.ts
var naming = __webpack_require__(5189);
// EXTERNAL MODULE: ./packages/cli/src/table.ts
var table = __webpack_require__(2510);
// EXTERNAL MODULE: ./packages/cli/src/options.ts
var options = __webpack_require__(1428);
;// CONCATENATED MODULE: ./packages/cli/src/commands/artifacts.ts
/** `mlops artifacts`: the Model Manager from a terminal, with the COGNITE_* credentials of the environment. */




const USAGE = `Usage: mlops artifacts <list|upload|download|promote|delete> [options]

  list     [--model M] [--env E] [--json]         every version, newest first
  upload   <model> <dev|test> <folder> [--metadata KEY=VALUE ...]
  download <model> <env> <folder> [--version N]    latest unless --version
  promote  <model> [--from test] [--to prod] [--version N]
  delete   <model>/<env>/<version> [--yes] [--force]

Common options:
  --dataset XID   data set holding the artifacts (default: mlops)
  --verbose       debug output

Credentials come from COGNITE_PROJECT, COGNITE_OIDC_BASE_URL, COGNITE_TENANT_ID (or
COGNITE_TOKEN_URL), COGNITE_CLIENT_ID_WRITE/COGNITE_CLIENT_SECRET_WRITE and, for list and
download, COGNITE_CLIENT_ID_READ/COGNITE_CLIENT_SECRET_READ when set.
`;
/** A bar redrawn in place on a terminal; elsewhere (CI logs) a line per 10 %. */
function progressReporter(label, stream = process.stderr) {
    let lastStep = -1;
    let drawn = false;
    const mb = (n) => `${(n / 1_048_576).toFixed(1)} MB`;
    const report = (done, total) => {
        const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : undefined;
        if (stream.isTTY) {
            const width = 30;
            const filled = pct === undefined ? 0 : Math.round((pct / 100) * width);
            const bar = pct === undefined ? '' : `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% `;
            stream.write(`\r${label} ${bar}${mb(done)}${total ? ` / ${mb(total)}` : ''}`);
            drawn = true;
        }
        else if (pct !== undefined && Math.floor(pct / 10) > lastStep) {
            lastStep = Math.floor(pct / 10);
            stream.write(`${label}: ${pct}%\n`);
        }
    };
    return Object.assign(report, { finish: () => { if (drawn)
            stream.write('\n'); } });
}
function artifacts_table(versions) {
    const rows = [['ARTIFACT', 'CREATED', 'SIZE', 'SHA256', 'PROMOTED FROM'], ...versions.map((v) => [
            v.externalId + (v.uploaded ? '' : ' (not uploaded)'),
            new Date(v.createdTime).toISOString().replace('T', ' ').slice(0, 19),
            v.size === undefined ? '' : String(v.size),
            v.sha256?.slice(0, 12) ?? '',
            v.promotedFrom ?? '',
        ])];
    return (0,table/* alignedTable */.n)(rows);
}
function parseMetadata(pairs) {
    const out = {};
    for (const pair of pairs) {
        const at = pair.indexOf('=');
        if (at < 1)
            throw new errors/* MlopsError */.I(`--metadata expects KEY=VALUE, got "${pair}".`);
        out[pair.slice(0, at)] = pair.slice(at + 1);
    }
    return out;
}
async function artifacts_confirm(question) {
    if (!process.stdin.isTTY)
        throw new errors/* MlopsError */.I('Deleting an artifact needs confirmation; no terminal to ask in, so pass --yes.');
    const rl = (0,promises_.createInterface)({ input: process.stdin, output: process.stderr });
    try {
        return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
    }
    finally {
        rl.close();
    }
}
function expectArgs(positionals, names) {
    if (positionals.length !== names.length)
        throw new errors/* MlopsError */.I(`Expected ${names.map((n) => `<${n}>`).join(' ')}; see mlops artifacts --help.`);
    return positionals;
}
async function artifactsCommand(args) {
    const cli = (0,options/* parseCommand */.R)(args, USAGE, {
        model: { type: 'string' },
        env: { type: 'string' },
        version: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        metadata: { type: 'string', multiple: true },
        dataset: { type: 'string' },
        json: { type: 'boolean' },
        yes: { type: 'boolean', short: 'y' },
        force: { type: 'boolean' },
    }, true);
    if (!cli)
        return 0;
    const { values, positionals } = cli;
    const [sub, ...rest] = positionals;
    if (!sub) {
        process.stdout.write(USAGE);
        return 2;
    }
    if (!['list', 'upload', 'download', 'promote', 'delete'].includes(sub)) {
        process.stderr.write(`mlops artifacts: unknown subcommand '${sub}'.\n\n${USAGE}`);
        return 2;
    }
    const log = (0,logger/* consoleLogger */.k)({ verbose: values.verbose });
    const config = (0,cdf_config/* resolveCdfConfig */.K2)({}, process.env, log);
    const readOnly = sub === 'list' || sub === 'download';
    const client = await (0,cdf_client/* createCdfClient */.HS)(config, { access: readOnly ? 'read' : 'write', log });
    const manager = new artifacts_manager/* ModelManager */.P3({ client, dataset: values.dataset, log });
    switch (sub) {
        case 'list': {
            const versions = await manager.overview({ model: values.model, env: values.env });
            process.stdout.write(values.json ? `${JSON.stringify(versions, null, 2)}\n` : `${versions.length ? artifacts_table(versions) : 'No artifacts.'}\n`);
            return 0;
        }
        case 'upload': {
            const [model, env, folder] = expectArgs(rest, ['model', 'env', 'folder']);
            const progress = progressReporter(`Uploading ${model}/${env}`);
            const v = await manager.uploadNewVersion(model, env, folder, parseMetadata(values.metadata ?? []), { provenance: (0,artifacts_manager/* provenanceFromEnv */.f5)(), onProgress: progress });
            progress.finish();
            process.stdout.write(`${v.externalId}\n`);
            return 0;
        }
        case 'download': {
            const [model, env, folder] = expectArgs(rest, ['model', 'env', 'folder']);
            const progress = progressReporter(`Downloading ${model}/${env}`);
            const v = await manager.download(model, env, (0,artifacts_manager/* parseVersionArgument */.jg)(values.version, '--version'), folder, { onProgress: progress });
            progress.finish();
            process.stdout.write(`${v.externalId} → ${folder}\n`);
            return 0;
        }
        case 'promote': {
            const [model] = expectArgs(rest, ['model']);
            const { result, table: t } = await promoteWithReport(manager, {
                model,
                fromEnv: values.from ?? 'test',
                toEnv: values.to ?? 'prod',
                version: (0,artifacts_manager/* parseVersionArgument */.jg)(values.version, '--version'),
            });
            for (const row of t.rows)
                process.stdout.write(`${row[0]}: ${row[1]} → ${row[2]}\n`);
            process.stdout.write(`${result.alreadyPromoted ? 'Already promoted' : 'Promoted'}: ${result.source.externalId} → ${result.target.externalId} (sha256 ${result.sha256})\n`);
            return 0;
        }
        default: {
            const [id] = expectArgs(rest, ['model/env/version']);
            const parsed = (0,naming/* parseArtifactExternalId */.kj)(id);
            if (!parsed)
                throw new errors/* MlopsError */.I(`"${id}" is not an artifact id; use <model>/<env>/<version>, e.g. my_model/test/3.`);
            const v = await manager.getVersion(parsed.model, parsed.env, parsed.version);
            if (!values.yes && !(await artifacts_confirm(`Delete ${v.externalId} (${v.size ?? '?'} bytes, created ${new Date(v.createdTime).toISOString()})?`))) {
                process.stderr.write('Not deleted.\n');
                return 1;
            }
            await manager.deleteVersion(v.externalId, { force: values.force });
            process.stdout.write(`Deleted ${v.externalId}\n`);
            return 0;
        }
    }
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

/***/ 5189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ artifactExternalId),
/* harmony export */   $P: () => (/* binding */ DEFAULT_DATASET),
/* harmony export */   gL: () => (/* binding */ codeFileExternalId),
/* harmony export */   jo: () => (/* binding */ ARTIFACT_DIRECTORY),
/* harmony export */   kj: () => (/* binding */ parseArtifactExternalId),
/* harmony export */   wD: () => (/* binding */ CODE_DIRECTORY),
/* harmony export */   x3: () => (/* binding */ functionExternalId)
/* harmony export */ });
/** `<model>/<env>/<version>`: the Model Manager's artifact external id, also the `model_id`. */
function artifactExternalId(model, env, version) {
    return `${model}/${env}/${version}`;
}
function parseArtifactExternalId(xid) {
    const m = /^([A-Za-z0-9_]+)\/(dev|test|prod)\/([1-9][0-9]*)$/.exec(xid);
    return m ? { model: m[1], env: m[2], version: Number(m[3]) } : null;
}
/** `<model>-<service>-<env>` (latest, what clients call) or `<model>-<service>-<env>-<version>`. */
function functionExternalId(model, service, env, version) {
    return version === undefined ? `${model}-${service}-${env}` : `${model}-${service}-${env}-${version}`;
}
/** Code zips are content-addressed, so an unchanged package is found and not uploaded again. */
function codeFileExternalId(model, service, env, sha256) {
    return `mlops-code/${functionExternalId(model, service, env)}/${sha256}`;
}
/** Folder of artifacts and code in CDF Files, as the Python package used. */
const ARTIFACT_DIRECTORY = '/mlops';
const CODE_DIRECTORY = '/mlops/code';
const DEFAULT_DATASET = 'mlops';


/***/ }),

/***/ 1979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kq: () => (/* binding */ describeFound),
/* harmony export */   TL: () => (/* binding */ quoted),
/* harmony export */   VP: () => (/* binding */ unknownKeyMessage),
/* harmony export */   bg: () => (/* binding */ issueMessage)
/* harmony export */ });
/* harmony import */ var fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1916);
/** Turns zod issues into "what was found, what is allowed" sentences, and suggests near-miss keys. */

/** A user's string quoted for a message, shortened so a huge value cannot flood the log. */
function quoted(value) {
    return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
}
function describeFound(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (typeof value === 'string')
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return String(value);
}
const TYPE_NAMES = {
    string: 'a string',
    int: 'a whole number',
    number: 'a number',
    object: 'a mapping',
    array: 'a list',
    record: 'a mapping',
};
function sizeWord(origin) {
    return origin === 'string' ? ' characters' : origin === 'array' ? ' items' : '';
}
function sizeOf(input) {
    if (typeof input === 'string')
        return `${input.length} characters`;
    if (Array.isArray(input))
        return `${input.length} items`;
    return describeFound(input);
}
/** One sentence for one zod issue (unknown keys are handled by `unknownKeyMessage`). */
function issueMessage(issue) {
    const input = issue.input;
    switch (issue.code) {
        case 'invalid_type': {
            const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
            if (input === undefined)
                return `is required (${expected})`;
            return `must be ${expected}${issue.expected === 'int' ? ' greater than 0' : ''}; found ${describeFound(input)}`;
        }
        case 'too_big':
            return `must be at most ${String(issue.maximum)}${sizeWord(issue.origin)}; found ${sizeOf(input)}`;
        case 'too_small':
            if (issue.origin === 'string' && Number(issue.minimum) <= 1)
                return 'must not be empty';
            return issue.origin === 'number' || issue.origin === 'int'
                ? `must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}; found ${describeFound(input)}`
                : `must be at least ${String(issue.minimum)}${sizeWord(issue.origin)}; found ${sizeOf(input)}`;
        case 'invalid_value':
            return `must be one of ${issue.values.map((v) => String(v)).join(', ')}; found ${describeFound(input)}`;
        default:
            return issue.message;
    }
}
/** Whether `candidate` is close enough to `key` to be what the user meant. */
function nearMiss(key, candidate) {
    const d = (0,fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__/* .distance */ .Io)(key.toLowerCase(), candidate.toLowerCase());
    return d <= 2 || d <= Math.floor(key.length * 0.3) || (key.length >= 4 && candidate.startsWith(key));
}
/** The message for an unknown key, and the allowed key it is a near miss of, if any. */
function unknownKeyMessage(key, allowed) {
    if (!allowed?.length)
        return { message: `unknown key ${quoted(key)}` };
    const guess = (0,fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__/* .closest */ .kp)(key, allowed);
    const suggestion = nearMiss(key, guess) ? guess : undefined;
    const hint = suggestion ? `did you mean "${suggestion}"? ` : '';
    return { message: `unknown key ${quoted(key)}; ${hint}allowed here: ${allowed.join(', ')}`, suggestion };
}


/***/ }),

/***/ 2234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G2: () => (/* binding */ stringifyMetadataValue),
/* harmony export */   Pv: () => (/* binding */ RESERVED_METADATA_VALUE_BYTES),
/* harmony export */   sI: () => (/* binding */ checkMetadata)
/* harmony export */ });
/* unused harmony exports METADATA_LIMITS, RESERVED_METADATA_KEYS, RESERVED_METADATA_BYTES, USER_METADATA_BUDGET */
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1979);
/**
 * CDF metadata rules for the services' `info.<service>.metadata`: values are strings, and the
 * limits (16 pairs, key ≤32 chars, value ≤512 chars, ≤4096 bytes) include the keys the tool
 * writes itself, so a file that validates here never fails at deploy time.
 */

const METADATA_LIMITS = { pairs: 16, keyChars: 32, valueChars: 512, totalBytes: 4096 };
/** Keys the suite adds to function and artifact metadata; users may not set them. */
const RESERVED_METADATA_KEYS = ['version', 'model_id', 'code_sha256', 'git_sha', 'run_url', 'suite_version'];
/**
 * Bytes set aside for the reserved keys: each key plus a value of at most this many bytes
 * (a run URL is the longest, ~90 bytes). Writers must keep reserved values within it.
 */
const RESERVED_METADATA_VALUE_BYTES = 100;
const RESERVED_METADATA_BYTES = RESERVED_METADATA_KEYS.reduce((sum, k) => sum + Buffer.byteLength(k) + RESERVED_METADATA_VALUE_BYTES, 0);
/** What is left for the user's own metadata. */
const USER_METADATA_BUDGET = {
    pairs: METADATA_LIMITS.pairs - RESERVED_METADATA_KEYS.length,
    bytes: METADATA_LIMITS.totalBytes - RESERVED_METADATA_BYTES,
};
/**
 * How a settings value becomes a CDF metadata string, as the Python package did: strings as
 * they are, booleans `True`/`False`, null `None`, numbers as written (the loader passes the
 * YAML source text), lists `[a, b, c]`, mappings `{k: v}`.
 */
function stringifyMetadataValue(value) {
    if (value === null || value === undefined)
        return 'None';
    if (typeof value === 'boolean')
        return value ? 'True' : 'False';
    if (Array.isArray(value))
        return `[${value.map(stringifyMetadataValue).join(', ')}]`;
    if (value instanceof Date)
        return value.toISOString();
    if (typeof value === 'object') {
        return `{${Object.entries(value).map(([k, v]) => `${k}: ${stringifyMetadataValue(v)}`).join(', ')}}`;
    }
    return String(value);
}
function checkMetadata(metadata) {
    const issues = [];
    const reserved = RESERVED_METADATA_KEYS;
    let bytes = 0;
    const entries = Object.entries(metadata);
    for (const [key, value] of entries) {
        bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
        if (reserved.includes(key)) {
            issues.push({ key, at: 'key', message: `key "${key}" is reserved: the suite sets it itself (reserved: ${reserved.join(', ')})` });
        }
        if (key.length === 0 || key.length > METADATA_LIMITS.keyChars) {
            issues.push({ key, at: 'key', message: `metadata keys must be 1–${METADATA_LIMITS.keyChars} characters; found ${key.length} (${(0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(key)})` });
        }
        if (value.length > METADATA_LIMITS.valueChars) {
            issues.push({ key, at: 'value', message: `metadata values must be at most ${METADATA_LIMITS.valueChars} characters as a string; found ${value.length}` });
        }
    }
    const ours = `the suite reserves ${RESERVED_METADATA_KEYS.length} pairs and ${RESERVED_METADATA_BYTES} bytes of CDF's ${METADATA_LIMITS.pairs} pairs / ${METADATA_LIMITS.totalBytes} bytes for its own keys`;
    if (entries.length > USER_METADATA_BUDGET.pairs) {
        issues.push({ at: 'map', message: `at most ${USER_METADATA_BUDGET.pairs} metadata pairs are allowed (${ours}); found ${entries.length}` });
    }
    if (bytes > USER_METADATA_BUDGET.bytes) {
        issues.push({ at: 'map', message: `metadata may use at most ${USER_METADATA_BUDGET.bytes} bytes of keys and values (${ours}); found ${bytes}` });
    }
    return issues;
}


/***/ }),

/***/ 5926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bg: () => (/* binding */ SERVICES),
/* harmony export */   Yj: () => (/* binding */ servicesOf),
/* harmony export */   ju: () => (/* binding */ ENVIRONMENTS)
/* harmony export */ });
/** The normalised, validated settings every other module consumes. */
const ENVIRONMENTS = ['dev', 'test', 'prod'];
const SERVICES = ['prediction', 'training'];
/** The model's services that have settings (training only when `info.training` exists). */
function servicesOf(model) {
    return model.info.training ? ['prediction', 'training'] : ['prediction'];
}


/***/ })

};
