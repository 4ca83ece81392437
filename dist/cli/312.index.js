export const id = 312;
export const ids = [312];
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

/***/ 8447:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gR: () => (/* binding */ packageModel),
  xQ: () => (/* binding */ packageModels),
  LD: () => (/* binding */ parseArtifactSourceKind),
  Is: () => (/* binding */ parseArtifactVersion),
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

// EXTERNAL MODULE: ./packages/core/src/packaging/sources.ts
var sources = __webpack_require__(1911);
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
        for (const helper of model.helperModels) {
            const dest = (0,external_node_path_.join)(scratch, helper.name);
            await (0,promises_.mkdir)(dest, { recursive: true });
            const fetched = await (o.helperPackages ?? sources/* cdfHelperPackagesUnavailable */.rd).fetch(helper, dest);
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
function parseArtifactVersion(value) {
    const v = value.trim();
    if (!v || v === 'latest')
        return null;
    if (!/^[1-9][0-9]*$/.test(v))
        throw new errors/* MlopsError */.I(`artifact-version must be a positive whole number or "latest"; found "${value}".`);
    return Number(v);
}
async function artifactSourceOf(o, repoRoot) {
    if (o.artifactSource === 'local')
        return (0,sources/* localArtifactSource */.n0)(repoRoot);
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
            outputDir: (0,external_node_path_.resolve)(repoRoot, o.outputDir), suiteVersion: src_version/* SUITE_VERSION */.s, helperPackages: o.helperPackages, maxZipBytes: o.maxZipBytes, log: o.log,
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
    let source;
    const artifacts = () => (source ??= artifactSourceOf(o, settings.repoRoot));
    const out = [];
    for (const model of selected)
        out.push(await packageModel(o, settings.repoRoot, model, artifacts));
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
/* harmony export */   n0: () => (/* binding */ localArtifactSource),
/* harmony export */   rd: () => (/* binding */ cdfHelperPackagesUnavailable)
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
/** Fetching deployed helper packages from CDF is not available yet: fail clearly. */
const cdfHelperPackagesUnavailable = {
    fetch(helper) {
        return Promise.reject(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .I(`Fetching the deployed package of helper model "${helper.name}" from CDF is not available yet in this version of akerbp/mlops.`));
    },
};


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
