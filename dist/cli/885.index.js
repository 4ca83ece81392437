export const id = 885;
export const ids = [885];
export const modules = {

/***/ 7960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ cdfArtifactSource)
/* harmony export */ });
/* harmony import */ var _manager_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5666);

/**
 * `dataset` overrides the model's `dataset` setting; a `version` of null means the settings'
 * artifact_version, else the latest in `env`.
 */
function cdfArtifactSource(client, dataset, log) {
    return {
        async materialize(model, env, version, destDir) {
            const manager = new _manager_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelManager */ .P3({ client, dataset: dataset !== undefined ? dataset : model.dataset, log });
            const v = await manager.download(model.modelName, env, version ?? model.artifactVersion, destDir);
            return { version: v.version, folder: destDir };
        },
    };
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


/***/ }),

/***/ 7947:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ef: () => (/* binding */ retrieveFiles),
/* harmony export */   JG: () => (/* binding */ isCodeFileFor),
/* harmony export */   Om: () => (/* binding */ mustReplace),
/* harmony export */   WQ: () => (/* binding */ CODE_FILE_PREFIX),
/* harmony export */   XI: () => (/* binding */ uploadCodeFile),
/* harmony export */   mT: () => (/* binding */ deleteCodeFiles)
/* harmony export */ });
/* unused harmony exports hashFile, STALE_UPLOAD_MS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _artifacts_archive_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9987);
/* harmony import */ var _artifacts_transfer_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5598);
/* harmony import */ var _cdf_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4199);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7638);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5189);








const MIME_TYPE = 'application/zip';
/** Code files are only ever ours under this prefix; retention deletes nothing else. */
const CODE_FILE_PREFIX = 'mlops-code/';
async function hashFile(path) {
    const digest = (0,_artifacts_archive_js__WEBPACK_IMPORTED_MODULE_3__/* .digestStream */ .Nq)();
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path), digest, new node_stream__WEBPACK_IMPORTED_MODULE_1__.Writable({ write: (_c, _e, cb) => cb() }));
    return digest.digest();
}
async function retrieveFiles(client, refs) {
    if (!refs.length)
        return [];
    return (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .sdkCall */ .Zv)(client, 'POST /files/byids', () => client.files.retrieve(refs, { ignoreUnknownIds: true }), true);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .MlopsError */ .I(`The package ${o.packagePath} hashes to sha256 ${digest.sha256}, not ${o.sha256} as given; was it rebuilt or changed after packaging?`);
    }
    const dataSetId = o.dataset ? await dataSetIdOf(client, o.dataset) : undefined;
    const info = {
        externalId: o.externalId,
        name: `${o.externalId.split('/').slice(-2).join('-')}.zip`,
        directory: _naming_js__WEBPACK_IMPORTED_MODULE_6__/* .CODE_DIRECTORY */ .wD,
        mimeType: MIME_TYPE,
        metadata: { ...o.metadata, sha256: o.sha256, size: String(digest.size) },
        ...(dataSetId !== undefined ? { dataSetId } : {}),
    };
    // Overwrite only when told: a concurrent deploy of the same code may be uploading these very bytes.
    let created;
    try {
        created = await (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .sdkCall */ .Zv)(client, 'POST /files', () => client.files.upload(info, undefined, o.overwrite ?? false), false);
    }
    catch (err) {
        if (!(err instanceof _cdf_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .CdfApiError */ .ul && err.status === 409))
            throw err;
        const [existing] = await retrieveFiles(client, [{ externalId: o.externalId }]);
        if (!existing)
            throw err;
        o.log.info(`${o.externalId} is being uploaded by another deploy; waiting for it.`);
        return waitUploaded(client, existing.id, o.externalId);
    }
    try {
        await (0,_artifacts_transfer_js__WEBPACK_IMPORTED_MODULE_7__/* .uploadFile */ .Q)(client, created.uploadUrl, o.packagePath, digest.size, MIME_TYPE);
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
    const [ds] = await (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .sdkCall */ .Zv)(client, 'POST /datasets/byids', () => client.datasets.retrieve([{ externalId: xid }], { ignoreUnknownIds: true }), true);
    if (!ds)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .MlopsError */ .I(`Data set "${xid}" (the model's dataset setting) does not exist in CDF project ${client.project}; create it or change dataset.`);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .MlopsError */ .I(`CDF has not marked ${label} as uploaded after 60 s; check the file in CDF.`);
        await new Promise((r) => setTimeout(r, delay));
    }
}
/** Deletes code files of ours (by id); others' files are never touched. */
async function deleteCodeFiles(client, ids) {
    const ours = (await retrieveFiles(client, ids.map((id) => ({ id })))).filter((f) => f.externalId?.startsWith(CODE_FILE_PREFIX));
    if (!ours.length)
        return [];
    await (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .cdfRequest */ .TR)(client, { method: 'POST', path: '/files/delete', data: { items: ours.map((f) => ({ id: f.id })), ignoreUnknownIds: true }, idempotent: true });
    return ours.map((f) => f.externalId);
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

/***/ 9934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gR: () => (/* binding */ packageModel),
  xQ: () => (/* binding */ packageModels),
  LD: () => (/* binding */ parseArtifactSourceKind),
  nO: () => (/* binding */ parseService)
});

// UNUSED EXPORTS: perModel

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/artifacts/source.ts
var source = __webpack_require__(7960);
// EXTERNAL MODULE: ./packages/core/src/cdf/client.ts + 1 modules
var client = __webpack_require__(7275);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/settings/load.ts + 3 modules
var load = __webpack_require__(7525);
// EXTERNAL MODULE: ./packages/core/src/settings/types.ts
var types = __webpack_require__(5926);
// EXTERNAL MODULE: ./packages/core/src/assets.ts
var assets = __webpack_require__(3008);
// EXTERNAL MODULE: ./packages/core/src/naming.ts
var naming = __webpack_require__(5189);
;// CONCATENATED MODULE: ./packages/core/src/packaging/collect.ts
/**
 * Lists the files of a folder for the zip: junk excluded, symlinks followed only while they
 * stay inside the allowed root (a link out of the repository could leak any file on the runner).
 */



/** Never shipped: caches, VCS data and OS litter. */
const EXCLUDED_NAMES = new Set(['__pycache__', '.pytest_cache', '.git', '.DS_Store', '.mypy_cache', '.ruff_cache']);
const EXCLUDED_SUFFIXES = ['.pyc', '.pyo'];
function isExcluded(name) {
    return EXCLUDED_NAMES.has(name) || EXCLUDED_SUFFIXES.some((s) => name.endsWith(s));
}
function inside(root, p) {
    const rel = (0,external_node_path_.relative)(root, p);
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(external_node_path_.sep) && rel !== '..');
}
/**
 * Every file under `dir`, as entries placed under `zipPrefix` (POSIX, no trailing slash; '' for
 * the zip root). `allowedRoot` bounds where symlinks may point; `skip` names top-level entries
 * to leave out (e.g. the runtime's tests).
 */
async function collectFolder(dir, zipPrefix, options) {
    const root = await (0,promises_.realpath)(options.allowedRoot);
    const out = [];
    const seenDirs = new Set();
    async function resolveLink(abs) {
        let target;
        try {
            target = await (0,promises_.realpath)(abs);
        }
        catch {
            throw new errors/* MlopsError */.I(`${options.describe(abs)} is a broken symbolic link; remove it or point it at a file inside ${options.describe(options.allowedRoot)}.`);
        }
        if (!inside(root, target)) {
            throw new errors/* MlopsError */.I(`${options.describe(abs)} is a symbolic link to ${target}, outside ${options.describe(options.allowedRoot)}; packaging refuses links that leave it. Copy the file in or remove the link.`);
        }
        return target;
    }
    async function walk(abs, zipDir, top) {
        const real = await (0,promises_.realpath)(abs);
        // A link back up the tree would otherwise recurse forever.
        if (seenDirs.has(real))
            return;
        seenDirs.add(real);
        const names = (await (0,promises_.readdir)(abs)).sort();
        for (const name of names) {
            if (isExcluded(name) || (top && options.skip?.includes(name)))
                continue;
            const child = (0,external_node_path_.join)(abs, name);
            const zipPath = zipDir ? `${zipDir}/${name}` : name;
            let info = await (0,promises_.lstat)(child);
            if (info.isSymbolicLink()) {
                await resolveLink(child);
                info = await (0,promises_.stat)(child);
            }
            if (info.isDirectory())
                await walk(child, zipPath, false);
            else if (info.isFile())
                out.push({ zipPath, size: info.size, path: child });
            // sockets, fifos and devices are not code: skipped
        }
        seenDirs.delete(real);
    }
    const info = await (0,promises_.lstat)(dir);
    if (info.isSymbolicLink())
        await resolveLink(dir);
    await walk(dir, zipPrefix, true);
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/packaging/requirements.ts
/**
 * requirements.model → requirements.txt, and the pins helper models must share with the main
 * model. Lines are kept verbatim except the `akerbp-mlops` one: the runtime in the zip replaces
 * the Python package, so pinning it would make CDF install a second, conflicting copy.
 */

/** PEP 503 normalised distribution name: case-insensitive, runs of `-_.` are one `-`. */
function normaliseName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/** The requirement lines of a requirements file (comments, options and blank lines skipped). */
function parseRequirements(text) {
    const out = [];
    text.split(/\r?\n/).forEach((raw, i) => {
        const content = raw.replace(/(^|\s)#.*$/, '').trim();
        if (!content || content.startsWith('-'))
            return;
        const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;@]*)/.exec(content);
        if (m)
            out.push({ line: i + 1, name: m[1], specifier: m[3].replace(/\s+/g, ''), text: raw });
    });
    return out;
}
const SUITE_DISTRIBUTION = 'akerbp-mlops';
/**
 * requirements.txt for the zip: every `akerbp-mlops` requirement (`==MLOPS_VERSION` or any other
 * pin) becomes a comment, everything else stays byte for byte.
 */
function functionRequirements(text) {
    const suiteLines = new Set(parseRequirements(text).filter((r) => normaliseName(r.name) === SUITE_DISTRIBUTION).map((r) => r.line));
    return text
        .split('\n')
        .map((raw, i) => (suiteLines.has(i + 1)
        ? `# ${raw.replace(/\r$/, '').trim()}  (removed by akerbp/mlops: the function zip ships its own runtime)${raw.endsWith('\r') ? '\r' : ''}`
        : raw))
        .join('\n');
}
/**
 * Helper models are imported into the main model's process, so the packages named in
 * `packages_to_check` must be pinned identically in both requirement files.
 */
function checkSharedPins(packages, main, helper) {
    const mainReqs = parseRequirements(main.text);
    const helperReqs = parseRequirements(helper.text);
    const problems = [];
    for (const pkg of packages) {
        const find = (reqs) => reqs.find((r) => normaliseName(r.name) === normaliseName(pkg));
        const a = find(mainReqs);
        const b = find(helperReqs);
        if ((a?.specifier ?? null) === (b?.specifier ?? null))
            continue;
        const show = (r) => (r ? (r.specifier ? `${r.name}${r.specifier}` : `${r.name} (unpinned)`) : 'not listed');
        problems.push({
            file: main.file,
            line: a?.line,
            field: 'helper_models.packages_to_check',
            message: `${pkg} must be pinned the same for the model and its helper model "${helper.name}": ${main.file} has ${show(a)}, the helper's ${helper.file} has ${show(b)}.`,
        });
    }
    if (problems.length) {
        throw new errors/* MlopsError */.I(`Helper model "${helper.name}" needs different versions of ${problems.length === 1 ? 'a package' : 'packages'} than the model.`, problems);
    }
}

// EXTERNAL MODULE: ./packages/core/src/artifacts/transfer.ts
var transfer = __webpack_require__(5598);
// EXTERNAL MODULE: ./packages/core/src/cdf/functions.ts
var functions = __webpack_require__(6052);
// EXTERNAL MODULE: ./packages/core/src/cdf/retry.ts
var retry = __webpack_require__(4199);
// EXTERNAL MODULE: ./packages/core/src/deploy/code-file.ts
var code_file = __webpack_require__(7947);
// EXTERNAL MODULE: ./packages/core/src/deploy/fields.ts
var fields = __webpack_require__(8328);
// EXTERNAL MODULE: ./packages/core/src/packaging/unzip.ts
var unzip = __webpack_require__(1407);
;// CONCATENATED MODULE: ./packages/core/src/packaging/helper-packages.ts











/** The version a package says it serves (contract C), for functions that record none in metadata. */
async function packagedVersion(folder) {
    const text = await (0,promises_.readFile)((0,external_node_path_.join)(folder, 'mlops_function.json'), 'utf8').catch(() => null);
    if (text === null)
        return null;
    try {
        const version = Number(JSON.parse(text).version);
        return Number.isInteger(version) && version > 0 ? version : null;
    }
    catch {
        return null;
    }
}
function describeHelper(helper) {
    return `helper model "${helper.name}" (env ${helper.env}${helper.version === null ? ', latest version' : `, version ${helper.version}`})`;
}
/**
 * Helper packages for packaging: from CDF with the client made on first fetch, so a model
 * without helper models needs no credentials; without credentials, a clear error.
 */
function helperPackagesOf(cdfClient, log) {
    let source;
    return {
        async fetch(helper, destDir) {
            const why = `The deployed package of ${describeHelper(helper)} is fetched from CDF, which needs CDF credentials`;
            if (!cdfClient)
                throw new errors/* MlopsError */.I(`${why}; none were given (set the COGNITE_* credentials, as for a test or prod deploy).`);
            // async: a client factory may throw before returning a promise (credentials resolved first)
            const cdf = await (source ??= (async () => cdfHelperPackageSource(await cdfClient(), log))()).catch((err) => {
                throw err instanceof errors/* MlopsError */.I ? new errors/* MlopsError */.I(`${why}: ${err.message}`, err.problems) : err;
            });
            return cdf.fetch(helper, destDir);
        },
    };
}
function cdfHelperPackageSource(client, log) {
    return {
        async fetch(helper, destDir) {
            const xid = (0,naming/* functionExternalId */.x3)(helper.name, 'prediction', helper.env, helper.version ?? undefined);
            const fn = await (0,functions/* retrieveFunction */.j9)(client, { externalId: xid });
            if (!fn) {
                throw new errors/* MlopsError */.I(`The ${describeHelper(helper)} is not deployed: CDF has no function ${xid} in env ${helper.env}. ` +
                    (helper.version === null
                        ? `Deploy ${helper.name} to ${helper.env} first, or pin a deployed version (helper_models version).`
                        : `Deploy version ${helper.version} of ${helper.name} to ${helper.env} first, or pin a version that is deployed (or none, for the latest).`));
            }
            if (fn.status === 'Failed') {
                throw new errors/* MlopsError */.I(`The ${describeHelper(helper)} cannot be used: its function ${xid} failed to build${fn.error?.message ? ` (${fn.error.message})` : ''}; redeploy ${helper.name} first.`);
            }
            const [file] = await (0,code_file/* retrieveFiles */.Ef)(client, [{ id: fn.fileId }]);
            if (!file?.uploaded) {
                throw new errors/* MlopsError */.I(`The ${describeHelper(helper)} cannot be used: the code file ${fn.fileId} of its function ${xid} is ${file ? 'not uploaded' : 'missing from CDF Files'}; redeploy ${helper.name} first.`);
            }
            const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'mlops-helper-zip-'));
            try {
                const zip = (0,external_node_path_.join)(scratch, 'code.zip');
                const [link] = await (0,retry/* sdkCall */.Zv)(client, 'POST /files/downloadlink', () => client.files.getDownloadUrls([{ id: fn.fileId }]), true);
                const digest = await (0,transfer/* downloadFile */.P)(client, link.downloadUrl, zip);
                const recorded = (0,fields/* deployedCode */.go)(fn).sha256;
                if (recorded && recorded !== digest.sha256) {
                    throw new errors/* MlopsError */.I(`The code file ${fn.fileId} of ${xid} is not the code the function records: its bytes hash to sha256 ${digest.sha256}, the function's metadata says ${recorded}; redeploy ${helper.name}.`);
                }
                await (0,unzip/* extractZip */.J)(zip, destDir);
            }
            finally {
                await (0,promises_.rm)(scratch, { recursive: true, force: true });
            }
            const version = helper.version ?? (0,fields/* deployedCode */.go)(fn).version ?? (await packagedVersion(destDir));
            if (version === null) {
                throw new errors/* MlopsError */.I(`The ${describeHelper(helper)} cannot be used: ${xid} records no version; pin the version to use (helper_models version).`);
            }
            log.info(`Helper model ${helper.name}: ${xid} (version ${version}, code file ${fn.fileId}) unpacked.`);
            return { folder: destDir, version };
        },
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ./node_modules/yazl/index.js
var yazl = __webpack_require__(3044);
// EXTERNAL MODULE: ./packages/core/src/artifacts/archive.ts
var archive = __webpack_require__(9987);
;// CONCATENATED MODULE: ./packages/core/src/packaging/zip.ts
/**
 * Writes a zip whose bytes depend only on the entries' paths and contents: sorted entries, one
 * fixed timestamp, fixed modes, no extra fields. Streams every file (memory stays flat) and
 * hashes the output while it is written.
 */






/**
 * Built from local-time fields so the DOS timestamp (stored in local time) is the same in every
 * time zone; 1980-01-01 is the earliest DOS date.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const FILE_MODE = 0o100644;
const DIR_MODE = 0o40755;
/** zlib's default, the same as Info-ZIP's `zip -6`. */
const COMPRESSION_LEVEL = 6;
/** Large reads keep zlib busy with few round trips through the event loop. */
const READ_CHUNK = 1024 * 1024;
// yazl builds each entry's compressor as `new zlib.DeflateRaw({ level })`, whose 16 KiB output
// chunks cost a thread-pool round trip each: with 1 MiB chunks deflate runs ~30% faster on
// incompressible artifacts. Only the default chunk size changes, for every DeflateRaw user.
const OriginalDeflateRaw = (external_node_zlib_default()).DeflateRaw;
class LargeChunkDeflateRaw extends OriginalDeflateRaw {
    constructor(options) {
        super({ chunkSize: READ_CHUNK, ...options });
    }
}
(external_node_zlib_default()).DeflateRaw = LargeChunkDeflateRaw;
/** Every folder that holds an entry, so unzip tools recreate them with fixed modes. */
function foldersOf(entries) {
    const dirs = new Set();
    for (const e of entries) {
        const parts = e.zipPath.split('/');
        for (let i = 1; i < parts.length; i++)
            dirs.add(`${parts.slice(0, i).join('/')}/`);
    }
    return [...dirs];
}
/** Byte-wise order, independent of locale. */
const byPath = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
async function writeDeterministicZip(entries, outFile) {
    const seen = new Set();
    for (const e of entries) {
        if (seen.has(e.zipPath))
            throw new errors/* MlopsError */.I(`Two files would be written to ${e.zipPath} in the zip.`);
        seen.add(e.zipPath);
    }
    const zip = new yazl/* ZipFile */.u();
    const common = { mtime: FIXED_MTIME, forceDosTimestamp: true };
    const files = new Map(entries.map((e) => [e.zipPath, e]));
    for (const p of [...files.keys(), ...foldersOf(entries)].sort(byPath)) {
        const e = files.get(p);
        if (!e)
            zip.addEmptyDirectory(p, { ...common, mode: DIR_MODE });
        else if (e.data)
            zip.addBuffer(e.data, p, { ...common, mode: FILE_MODE, compressionLevel: COMPRESSION_LEVEL });
        else {
            const path = e.path;
            // Lazy: a file is opened only when its turn comes, so thousands of files never hold thousands of descriptors.
            zip.addReadStreamLazy(p, { ...common, mode: FILE_MODE, compressionLevel: COMPRESSION_LEVEL, size: e.size }, (cb) => cb(null, (0,external_node_fs_.createReadStream)(path, { highWaterMark: READ_CHUNK })));
        }
    }
    zip.end();
    const tap = (0,archive/* digestStream */.Nq)();
    const failed = new Promise((_, reject) => zip.on('error', reject));
    await Promise.race([(0,external_node_stream_promises_.pipeline)(zip.outputStream, tap, (0,external_node_fs_.createWriteStream)(outFile)), failed]);
    return tap.digest();
}

;// CONCATENATED MODULE: ./packages/core/src/packaging/build.ts
/**
 * Builds the CDF Function zip of one model and service (contract C): runtime at the root, the
 * model's top folder, its artifacts, requirements.txt and mlops_function.json.
 */










/**
 * CDF Files' limit for a function's code zip. Not stated in the CDF docs available offline; 100 MB
 * is the figure the team works with — check it against CDF before relying on the exact value.
 */
const CDF_CODE_ZIP_LIMIT_BYTES = 100 * 1000 * 1000;
/** What the runtime reads from mlops_function.json (contract C). */
function functionConfig(o) {
    const { source: _where, ...settings } = o.model; // source locates YAML for messages; machine paths would break determinism
    const config = {
        model_name: o.model.modelName,
        service: o.service,
        env: o.env,
        version: o.version,
        model_id: (0,naming/* artifactExternalId */.$J)(o.model.modelName, o.env, o.version),
        model_file: o.model.modelFile,
        artifact_folder: o.model.artifactFolder,
        dataset: o.model.dataset,
        suite_version: o.suiteVersion,
        settings,
    };
    return Buffer.from(`${JSON.stringify(config, null, 2)}\n`);
}
async function readRepoFile(repoRoot, rel, model, field) {
    try {
        return await (0,promises_.readFile)((0,external_node_path_.join)(repoRoot, rel), 'utf8');
    }
    catch {
        throw new errors/* MlopsError */.I(`Cannot read ${rel} for model "${model.modelName}".`, [{ file: model.source.file, line: model.source.line, field, message: `${rel} does not exist or cannot be read.` }]);
    }
}
async function buildPackage(o) {
    const { repoRoot, model } = o;
    const describe = (p) => (0,external_node_path_.relative)(repoRoot, p) || '.';
    const topFolder = model.modelFile.split('/')[0];
    if (topFolder === model.modelFile) {
        throw new errors/* MlopsError */.I(`model_file must be inside a folder: the whole top folder is deployed.`, [{ file: model.source.file, line: model.source.line, field: 'model_file', message: `${model.modelFile} is at the repository root; move it into a folder such as model_code/.` }]);
    }
    const requirementsText = await readRepoFile(repoRoot, model.reqFile, model, 'req_file');
    const entries = [];
    const addBuffer = (zipPath, data) => entries.push({ zipPath, size: data.length, data });
    entries.push(...await collectFolder((0,assets/* assetDir */.Y)('runtime'), '', { allowedRoot: (0,assets/* assetDir */.Y)('runtime'), describe: (p) => p, skip: ['tests', 'test'] }));
    addBuffer('mlops_function.json', functionConfig(o));
    addBuffer('requirements.txt', Buffer.from(functionRequirements(requirementsText)));
    entries.push(...await collectFolder((0,external_node_path_.join)(repoRoot, topFolder), topFolder, { allowedRoot: repoRoot, describe }));
    if (model.artifactFolder) {
        if (!o.artifactFolder)
            throw new errors/* MlopsError */.I(`Model "${model.modelName}" declares artifact_folder ${model.artifactFolder} but no artifacts were provided to the packager.`);
        const fromRepo = (0,external_node_path_.relative)(repoRoot, o.artifactFolder);
        const allowedRoot = fromRepo.startsWith('..') ? o.artifactFolder : repoRoot;
        entries.push(...await collectFolder(o.artifactFolder, model.artifactFolder, { allowedRoot, describe }));
    }
    const scratch = model.helperModels.length ? await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'mlops-helpers-')) : null;
    try {
        const helpers = o.helperPackages ?? helperPackagesOf(undefined, o.log);
        for (const helper of model.helperModels) {
            const dest = (0,external_node_path_.join)(scratch, helper.name);
            await (0,promises_.mkdir)(dest, { recursive: true });
            const fetched = await helpers.fetch(helper, dest).catch((err) => {
                if (!(err instanceof errors/* MlopsError */.I) || err.problems.length)
                    throw err;
                throw new errors/* MlopsError */.I(err.message, [{ file: model.source.file, line: model.source.line, field: 'helper_models', message: `${helper.name} cannot be fetched.` }]);
            });
            const helperReqs = await (0,promises_.readFile)((0,external_node_path_.join)(fetched.folder, 'requirements.txt'), 'utf8').catch(() => '');
            checkSharedPins(helper.packagesToCheck, { file: model.reqFile, text: requirementsText }, { name: helper.name, file: `${helper.name} v${fetched.version} requirements.txt`, text: helperReqs });
            entries.push(...await collectFolder(fetched.folder, helper.targetPath, { allowedRoot: fetched.folder, describe: (p) => `${helper.name}:${(0,external_node_path_.relative)(fetched.folder, p)}` }));
        }
        // A repo artifact folder inside the top folder is listed twice; same file, so keep one.
        const unique = new Map();
        for (const e of entries) {
            const prev = unique.get(e.zipPath);
            if (prev && prev.path !== e.path) {
                throw new errors/* MlopsError */.I(`Two different files would be written to ${e.zipPath} in the zip of model "${model.modelName}" (${prev.path ?? 'generated'} and ${e.path ?? 'generated'}); rename one of them.`);
            }
            unique.set(e.zipPath, e);
        }
        await (0,promises_.mkdir)(o.outputDir, { recursive: true });
        const name = (0,naming/* functionExternalId */.x3)(model.modelName, o.service, o.env);
        const path = (0,external_node_path_.join)(o.outputDir, `${name}.zip`);
        const { sha256, size } = await writeDeterministicZip([...unique.values()], path);
        const manifest = [...unique.values()].map((e) => ({ path: e.zipPath, size: e.size })).sort((a, b) => (a.path < b.path ? -1 : 1));
        const manifestPath = (0,external_node_path_.join)(o.outputDir, `${name}.manifest.json`);
        await (0,promises_.writeFile)(manifestPath, `${JSON.stringify({ package: `${name}.zip`, sha256, size, files: manifest }, null, 2)}\n`);
        o.log.info(`Packaged ${name}: ${manifest.length} files, ${size} bytes, sha256 ${sha256}`);
        const limit = o.maxZipBytes ?? CDF_CODE_ZIP_LIMIT_BYTES;
        if (size > limit) {
            const largest = [...manifest].sort((a, b) => b.size - a.size).slice(0, 5).map((f) => `${f.path} (${f.size} bytes)`).join(', ');
            throw new errors/* MlopsError */.I(`The package of model "${model.modelName}" is ${size} bytes, over CDF's limit of ${limit} bytes for function code. Largest files: ${largest}. Keep large data out of the model folder and artifacts.`);
        }
        return { path, sha256, size, manifest, manifestPath };
    }
    finally {
        if (scratch)
            await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./packages/core/src/packaging/sources.ts
var sources = __webpack_require__(1911);
// EXTERNAL MODULE: ./packages/core/src/version.ts
var src_version = __webpack_require__(8109);
;// CONCATENATED MODULE: ./packages/core/src/packaging/package-models.ts
/** `package-model` / `mlops package`: settings → one zip per selected model. */












/** `local` in dev (artifacts on disk), `cdf` (the Model Manager) everywhere else. */
function parseArtifactSourceKind(value, env) {
    const v = value.trim().toLowerCase();
    if (!v)
        return env === 'dev' ? 'local' : 'cdf';
    if (v === 'local' || v === 'cdf')
        return v;
    throw new errors/* MlopsError */.I(`artifact-source must be local or cdf; found "${value}".`);
}
async function artifactSourceOf(o, repoRoot) {
    if (o.artifactSource === 'local')
        return (0,sources/* localArtifactSource */.n)(repoRoot);
    if (!o.cdfClient)
        throw new errors/* MlopsError */.I('The cdf artifact source needs CDF credentials; none were configured.');
    return (0,source/* cdfArtifactSource */.h)(await o.cdfClient(), undefined, o.log);
}
/** Packages one model: artifacts materialised into a scratch folder that is removed afterwards. */
async function packageModel(o, repoRoot, model, artifacts) {
    if (!(0,types/* servicesOf */.Yj)(model).includes(o.service)) {
        throw new errors/* MlopsError */.I(`Model "${model.modelName}" has no ${o.service} service (info.${o.service} is missing).`, [{ file: model.source.file, line: model.source.line, field: `info.${o.service}`, message: `Add info.${o.service} to package its ${o.service} service.` }]);
    }
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'mlops-artifacts-'));
    try {
        const art = model.artifactFolder ? await (await artifacts()).materialize(model, o.env, o.artifactVersion, scratch) : null;
        const version = art?.version ?? o.artifactVersion ?? model.artifactVersion ?? 1;
        const built = await buildPackage({
            repoRoot, model, service: o.service, env: o.env, version, artifactFolder: art?.folder ?? null,
            outputDir: (0,external_node_path_.resolve)(repoRoot, o.outputDir), suiteVersion: src_version/* SUITE_VERSION */.s,
            helperPackages: o.helperPackages ?? helperPackagesOf(o.cdfClient, o.log), maxZipBytes: o.maxZipBytes, log: o.log,
        });
        return { ...built, model: model.modelName, service: o.service, env: o.env, version };
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}
async function packageModels(o) {
    const settings = await (0,load/* loadSettings */.M5)({ file: o.settingsFile, repoRoot: o.workingDirectory, env: o.env, models: o.models.length ? o.models : undefined });
    const selected = o.models.length ? settings.models.filter((m) => o.models.includes(m.modelName)) : settings.models;
    // One client for artifacts and helper packages, made on first use.
    const shared = { ...o, cdfClient: o.cdfClient && (0,client/* clientOnFirstUse */._J)(o.cdfClient) };
    let source;
    const artifacts = () => (source ??= artifactSourceOf(shared, settings.repoRoot));
    const out = [];
    for (const model of selected)
        out.push(await packageModel(shared, settings.repoRoot, model, artifacts));
    return out;
}
function parseService(value) {
    const v = value.trim().toLowerCase() || 'prediction';
    if (v === 'prediction' || v === 'training')
        return v;
    throw new errors/* MlopsError */.I(`service must be prediction or training; found "${value}".`);
}
/** Action outputs: the value itself for one model, a JSON map model → value for several, nothing for none. */
function perModel(pairs) {
    if (pairs.length === 0)
        return undefined;
    return pairs.length === 1 ? pairs[0][1] : Object.fromEntries(pairs);
}


/***/ }),

/***/ 1911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ localArtifactSource)
/* harmony export */ });
/* unused harmony export cdfArtifactSourceUnavailable */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7638);
/**
 * Where the parts of a package that are not in the repository come from: the model's artifacts
 * and the deployed packages of its helper models. Seams: the CDF implementations plug in here.
 */



/**
 * Artifacts straight from the repository's artifact folder (dev). Local artifacts carry no
 * version of their own: they count as the requested one, else artifact_version, else 1.
 */
function localArtifactSource(repoRoot) {
    return {
        async materialize(model, _env, version) {
            if (!model.artifactFolder)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .I(`Model "${model.modelName}" has no artifact_folder.`);
            const folder = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(repoRoot, model.artifactFolder);
            const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(folder).catch(() => null);
            if (!info?.isDirectory()) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .I(`The artifact folder of model "${model.modelName}" is missing.`, [{
                        file: model.source.file,
                        line: model.source.line,
                        field: 'artifact_folder',
                        message: `${model.artifactFolder} does not exist in ${repoRoot}; with the local artifact source the artifacts must be on disk (create them, or use artifact-source cdf).`,
                    }]);
            }
            return { version: version ?? model.artifactVersion ?? 1, folder };
        },
    };
}
/** Stands in for the Model Manager until it lands: says so instead of pretending. */
const cdfArtifactSourceUnavailable = {
    materialize() {
        return Promise.reject(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .I('The cdf artifact source is not available yet in this version of akerbp/mlops; use artifact-source local with the artifact folder on disk.'));
    },
};


/***/ }),

/***/ 1407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ extractZip)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var yauzl__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(663);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7638);
/** Unpacks a function zip (streaming), refusing entries that would land outside the folder. */






async function extractZip(zipFile, destDir) {
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(destDir);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(root, { recursive: true });
    // yauzl's own errors (it refuses absolute and .. names itself) become readable MlopsErrors.
    const unusable = (err) => new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .MlopsError */ .I(`${zipFile} cannot be unpacked: ${err.message}.`);
    const zip = await new Promise((res, rej) => yauzl__WEBPACK_IMPORTED_MODULE_4__.open(zipFile, { lazyEntries: true }, (err, z) => (err ? rej(unusable(err)) : res(z))));
    try {
        await new Promise((res, rej) => {
            zip.on('error', (err) => rej(unusable(err)));
            zip.on('end', () => res());
            zip.on('entry', (entry) => {
                const target = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(root, entry.fileName);
                if (!target.startsWith(root + node_path__WEBPACK_IMPORTED_MODULE_2__.sep)) {
                    rej(new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .MlopsError */ .I(`${zipFile} holds ${entry.fileName}, which points outside the folder it is unpacked to.`));
                    return;
                }
                if (entry.fileName.endsWith('/')) {
                    (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(target, { recursive: true }).then(() => zip.readEntry(), rej);
                    return;
                }
                zip.openReadStream(entry, (err, stream) => {
                    if (err)
                        return rej(err);
                    (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target), { recursive: true })
                        .then(() => (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(stream, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(target)))
                        .then(() => zip.readEntry(), rej);
                });
            });
            zip.readEntry();
        });
    }
    finally {
        zip.close();
    }
}


/***/ }),

/***/ 3922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ parseNameList),
/* harmony export */   v: () => (/* binding */ parseEnv)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7638);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5926);
/** Parsing of the plain-text inputs actions and the CLI receive (env names, comma lists). */


/** `dev|test|prod` (case-insensitive); `what` names the input in the error. */
function parseEnv(value, what = 'env') {
    const v = value.trim().toLowerCase();
    if (_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ENVIRONMENTS */ .ju.includes(v))
        return v;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MlopsError */ .I(`${what} must be one of ${_types_js__WEBPACK_IMPORTED_MODULE_0__/* .ENVIRONMENTS */ .ju.join(', ')}; found "${value}".`);
}
/** `a, b,,c` → `['a','b','c']`; empty → []. */
function parseNameList(value) {
    return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}


/***/ })

};
