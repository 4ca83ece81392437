export const id = 668;
export const ids = [668];
export const modules = {

/***/ 9987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nq: () => (/* binding */ digestStream),
/* harmony export */   Qh: () => (/* binding */ extractArchive),
/* harmony export */   tU: () => (/* binding */ createArchive)
/* harmony export */ });
/* unused harmony export unsafeEntryReason */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var tar__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8697);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7638);
/**
 * The artifact format: a gzipped tar of the folder's contents with `./`-relative entries, as
 * Python's `shutil.make_archive(base, "gztar", folder)` wrote them, so old and new artifacts
 * are interchangeable. Extraction refuses anything that could write outside the target folder.
 */








/** A pass-through stream that hashes and counts what flows through it. */
function digestStream(onBytes) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    let size = 0;
    const t = new node_stream__WEBPACK_IMPORTED_MODULE_4__.Transform({
        transform(chunk, _enc, cb) {
            hash.update(chunk);
            size += chunk.length;
            onBytes?.(size);
            cb(null, chunk);
        },
    });
    let result;
    return Object.assign(t, { digest: () => (result ??= { sha256: hash.digest('hex'), size }) });
}
/** Streams `folder` into a .tar.gz at `file`; returns its sha256 and size. */
async function createArchive(folder, file) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(folder).catch(() => null);
    if (!info?.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .MlopsError */ .I(`Artifact folder "${folder}" does not exist or is not a folder.`);
    const digest = digestStream();
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(tar__WEBPACK_IMPORTED_MODULE_6__.c({ gzip: true, cwd: folder, portable: true }, ['.']), digest, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(file));
    return digest.digest();
}
/** Why an entry may not be extracted, or null when it is safe. */
function unsafeEntryReason(entryPath, type, linkpath) {
    const p = entryPath.replace(/\\/g, '/');
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(p) || /^[A-Za-z]:/.test(p))
        return 'absolute path';
    if (p.split('/').includes('..'))
        return "'..' in path";
    if (type === 'SymbolicLink' || type === 'Link') {
        const target = (linkpath ?? '').replace(/\\/g, '/');
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(target) || /^[A-Za-z]:/.test(target))
            return `link to absolute path ${target}`;
        // Symlink targets resolve from the link's folder; hard link targets from the archive root.
        const resolved = type === 'SymbolicLink' ? node_path__WEBPACK_IMPORTED_MODULE_3__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_3__.posix.join(node_path__WEBPACK_IMPORTED_MODULE_3__.posix.dirname(p), target)) : node_path__WEBPACK_IMPORTED_MODULE_3__.posix.normalize(target);
        if (resolved === '..' || resolved.startsWith('../'))
            return `link escaping the folder (${target})`;
    }
    if (['CharacterDevice', 'BlockDevice', 'FIFO'].includes(type))
        return `device or pipe entry (${type})`;
    return null;
}
/**
 * Extracts a .tar.gz into `dest` (created if needed). Every entry is checked first, so a
 * malicious archive is refused before anything is written.
 */
async function extractArchive(file, dest) {
    const refused = [];
    await tar__WEBPACK_IMPORTED_MODULE_6__.t({
        file,
        onReadEntry: (entry) => {
            const reason = unsafeEntryReason(entry.path, entry.type, entry.linkpath);
            if (reason)
                refused.push(`${entry.path}: ${reason}`);
        },
    });
    if (refused.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .MlopsError */ .I(`Refusing to extract the artifact archive: ${refused.length} entr${refused.length === 1 ? 'y' : 'ies'} would write outside the target folder (${refused.slice(0, 5).join('; ')}).`);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(dest, { recursive: true });
    // strict turns tar's own safety warnings into errors: defence in depth behind the scan above
    // (e.g. links that each stay inside but chain out, which tar refuses to extract through).
    await tar__WEBPACK_IMPORTED_MODULE_6__.x({ file, cwd: dest, strict: true, preservePaths: false }).catch((err) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .MlopsError */ .I(`Could not extract the artifact archive into ${dest}: ${err.message}${err.path ? ` (${err.path})` : ''}.`);
    });
}


/***/ }),

/***/ 5666:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P3: () => (/* binding */ ModelManager),
/* harmony export */   f5: () => (/* binding */ provenanceFromEnv),
/* harmony export */   jg: () => (/* binding */ parseVersionArgument)
/* harmony export */ });
/* unused harmony export ARTIFACT_METADATA_KEYS */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _cdf_functions_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6052);
/* harmony import */ var _cdf_retry_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4199);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7638);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9157);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5189);
/* harmony import */ var _settings_metadata_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2234);
/* harmony import */ var _settings_types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5926);
/* harmony import */ var _archive_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9987);
/* harmony import */ var _transfer_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5598);












/** Metadata keys the Model Manager writes itself; user metadata may not set them. */
const ARTIFACT_METADATA_KEYS = ['version', 'sha256', 'size', 'git_sha', 'run_url', 'promoted_from'];
const MIME_TYPE = 'application/gzip';
const PROMOTIONS = { dev: 'test', test: 'prod' };
/** Concurrent uploads race for version numbers; this many collisions in a row means something else is wrong. */
const MAX_VERSION_COLLISIONS = 50;
/** Provenance from the GitHub runner's environment, when there is one. */
function provenanceFromEnv(env = process.env) {
    const runUrl = env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
        ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    return { gitSha: env.GITHUB_SHA || undefined, runUrl };
}
function toVersion(file) {
    const parsed = file.externalId ? (0,_naming_js__WEBPACK_IMPORTED_MODULE_3__/* .parseArtifactExternalId */ .kj)(file.externalId) : null;
    if (!parsed)
        return null;
    const metadata = (file.metadata ?? {});
    const size = metadata.size !== undefined ? Number(metadata.size) : undefined;
    return {
        id: file.id,
        externalId: file.externalId,
        ...parsed,
        metadata,
        sha256: metadata.sha256 || undefined,
        size: Number.isFinite(size) ? size : undefined,
        promotedFrom: metadata.promoted_from || undefined,
        uploaded: file.uploaded,
        createdTime: new Date(file.createdTime).getTime(),
    };
}
/** A version typed by a user ('' or 'latest' = the latest). */
function parseVersionArgument(raw, field = 'version') {
    const text = (raw ?? '').trim();
    if (text === '' || text === 'latest')
        return null;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlopsError */ .I(`"${field}" must be a version number (1, 2, ...) or empty for the latest, got "${text}".`, [{ field, message: 'must be a positive whole number' }]);
    return n;
}
function checkEnv(env) {
    if (!_settings_types_js__WEBPACK_IMPORTED_MODULE_5__/* .ENVIRONMENTS */ .ju.includes(env))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlopsError */ .I(`Unknown environment "${env}"; use one of ${_settings_types_js__WEBPACK_IMPORTED_MODULE_5__/* .ENVIRONMENTS */ .ju.join(', ')}.`);
    return env;
}
function checkModel(model) {
    if (!/^[A-Za-z0-9_]+$/.test(model))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlopsError */ .I(`Model name "${model}" is not valid: use letters, digits and _ only (as model_name in mlops_settings.yaml).`);
}
class ModelManager {
    client;
    dataset;
    log;
    dataSetId;
    constructor(options) {
        this.client = options.client;
        this.dataset = options.dataset === undefined ? _naming_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_DATASET */ .$P : options.dataset;
        this.log = options.log ?? _logger_js__WEBPACK_IMPORTED_MODULE_6__/* .silentLogger */ .q;
    }
    resolveDataSetId() {
        const xid = this.dataset;
        if (!xid)
            return Promise.resolve(undefined);
        this.dataSetId ??= (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .sdkCall */ .Zv)(this.client, 'POST /datasets/byids', () => this.client.datasets.retrieve([{ externalId: xid }], { ignoreUnknownIds: true }), true).then(([ds]) => {
            if (!ds)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlopsError */ .I(`Data set "${xid}" does not exist in CDF project ${this.client.project}; create it or choose another with the dataset setting/input.`);
            return ds.id;
        });
        return this.dataSetId;
    }
    /** Every artifact file under a prefix, all pages. `inDataSet` false counts files in any data set. */
    async listFiles(externalIdPrefix, inDataSet = true) {
        const dataSetId = inDataSet ? await this.resolveDataSetId() : undefined;
        const filter = {
            directoryPrefix: _naming_js__WEBPACK_IMPORTED_MODULE_3__/* .ARTIFACT_DIRECTORY */ .jo,
            ...(externalIdPrefix ? { externalIdPrefix } : {}),
            ...(dataSetId !== undefined ? { dataSetIds: [{ id: dataSetId }] } : {}),
        };
        const files = await (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .sdkCall */ .Zv)(this.client, 'POST /files/list', () => this.client.files.list({ filter, limit: 1000 }).autoPagingToArray({ limit: Infinity }), true);
        return files.map(toVersion).filter((v) => v !== null && v.externalId.startsWith(externalIdPrefix ?? ''));
    }
    /** Every version with its metadata, newest first (all pages). */
    async overview(filter = {}) {
        if (filter.model)
            checkModel(filter.model);
        const env = filter.env ? checkEnv(filter.env) : undefined;
        const prefix = filter.model ? `${filter.model}/${env ? `${env}/` : ''}` : undefined;
        const versions = (await this.listFiles(prefix)).filter((v) => !env || v.env === env);
        return versions.sort((a, b) => b.createdTime - a.createdTime || a.model.localeCompare(b.model) || b.version - a.version);
    }
    /** One version, or the latest uploaded one when `version` is null. */
    async getVersion(model, env, version = null) {
        checkModel(model);
        const e = checkEnv(env);
        const all = (await this.listFiles(`${model}/${e}/`)).sort((a, b) => b.version - a.version);
        const found = version === null ? all.find((v) => v.uploaded) : all.find((v) => v.version === version);
        if (found)
            return found;
        const known = all.map((v) => v.version).join(', ') || 'none';
        const what = version === null ? `any artifact of model "${model}" in ${e}` : `artifact ${(0,_naming_js__WEBPACK_IMPORTED_MODULE_3__/* .artifactExternalId */ .$J)(model, e, version)}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlopsError */ .I(`Could not find ${what} in data set ${this.dataset ?? '(none)'} (versions in ${e}: ${known}). Upload one (dev/test) or promote one.`);
    }
    /** Highest version ever used in `env` (any data set, uploaded or not: external ids are project-wide) + 1. */
    async nextVersion(model, env) {
        const all = await this.listFiles(`${model}/${env}/`, false);
        return all.reduce((max, v) => Math.max(max, Number(v.metadata.version) || v.version), 0) + 1;
    }
    /** Creates the next free version from an archive on disk; a concurrent writer's version is skipped. */
    async createVersion(model, env, archive, metadata, onProgress) {
        const dataSetId = await this.resolveDataSetId();
        let version = await this.nextVersion(model, env);
        for (let collisions = 0;; collisions++) {
            const externalId = (0,_naming_js__WEBPACK_IMPORTED_MODULE_3__/* .artifactExternalId */ .$J)(model, env, version);
            const fileInfo = {
                externalId,
                name: `${model}_${env}_${version}.tar.gz`,
                directory: _naming_js__WEBPACK_IMPORTED_MODULE_3__/* .ARTIFACT_DIRECTORY */ .jo,
                mimeType: MIME_TYPE,
                metadata: { ...metadata, version: String(version), sha256: archive.sha256, size: String(archive.size) },
                ...(dataSetId !== undefined ? { dataSetId } : {}),
            };
            let created;
            try {
                // overwrite=false: a duplicate external id means someone else took this version.
                created = await (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .sdkCall */ .Zv)(this.client, 'POST /files', () => this.client.files.upload(fileInfo, undefined, false), false);
            }
            catch (err) {
                if (err instanceof _cdf_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .CdfApiError */ .ul && err.status === 409 && collisions < MAX_VERSION_COLLISIONS) {
                    this.log.debug(`${externalId} was taken meanwhile; trying version ${version + 1}.`);
                    version++;
                    continue;
                }
                throw err;
            }
            const { uploadUrl } = created;
            try {
                await (0,_transfer_js__WEBPACK_IMPORTED_MODULE_8__/* .uploadFile */ .Q)(this.client, uploadUrl, archive.file, archive.size, MIME_TYPE, onProgress);
            }
            catch (err) {
                // Leave no empty version behind; the next upload would skip its number otherwise.
                await this.client.files.delete([{ id: created.id }]).catch(() => { });
                throw err;
            }
            this.log.info(`Uploaded ${externalId} (${archive.size} bytes, sha256 ${archive.sha256.slice(0, 12)}…).`);
            return this.waitUploaded(created.id, externalId);
        }
    }
    /** CDF marks a file uploaded shortly after the PUT; downloads fail before that. */
    async waitUploaded(id, externalId) {
        const deadline = Date.now() + 60_000;
        for (let delay = 100;; delay = Math.min(delay * 2, 2000)) {
            const [file] = await (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .sdkCall */ .Zv)(this.client, 'POST /files/byids', () => this.client.files.retrieve([{ id }]), true);
            const v = toVersion(file);
            if (v?.uploaded)
                return v;
            if (Date.now() > deadline)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlopsError */ .I(`CDF has not marked ${externalId} as uploaded after 60 s; check the file in CDF.`);
            await new Promise((r) => setTimeout(r, delay));
        }
    }
    /** Uploads `folder` as the next version in dev or test (prod only by promotion). */
    async uploadNewVersion(model, env, folder, metadata = {}, options = {}) {
        checkModel(model);
        const e = checkEnv(env);
        if (e === 'prod')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlopsError */ .I('Artifacts reach prod only by promotion from test (mlops artifacts promote / the promote-artifact action), never by upload.');
        // Stringified the way settings metadata is, so values read the same everywhere.
        const user = Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, (0,_settings_metadata_js__WEBPACK_IMPORTED_MODULE_9__/* .stringifyMetadataValue */ .G2)(v)]));
        for (const key of ARTIFACT_METADATA_KEYS) {
            if (key in user) {
                this.log.warning(`Metadata key "${key}" is set by the Model Manager; your value is ignored.`);
                delete user[key];
            }
        }
        const provenance = options.provenance ?? {};
        if (provenance.gitSha)
            user.git_sha = provenance.gitSha;
        if (provenance.runUrl)
            user.run_url = provenance.runUrl;
        return this.withTempDir(async (dir) => {
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'artifact.tar.gz');
            const digest = await (0,_archive_js__WEBPACK_IMPORTED_MODULE_10__/* .createArchive */ .tU)(folder, file);
            return this.createVersion(model, e, { file, ...digest }, user, options.onProgress);
        });
    }
    /** Downloads a version's bytes to `dest` (null: only hash them) and checks them against its metadata. */
    async fetchBytes(v, dest, onProgress) {
        const [link] = await (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .sdkCall */ .Zv)(this.client, 'POST /files/downloadlink', () => this.client.files.getDownloadUrls([{ id: v.id }]), true);
        const digest = await (0,_transfer_js__WEBPACK_IMPORTED_MODULE_8__/* .downloadFile */ .P)(this.client, link.downloadUrl, dest, onProgress, v.size);
        if (v.sha256 && digest.sha256 !== v.sha256) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlopsError */ .I(`${v.externalId} is corrupt: its bytes hash to sha256 ${digest.sha256}, but its metadata records ${v.sha256}.`);
        }
        if (v.size !== undefined && digest.size !== v.size) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlopsError */ .I(`${v.externalId} is corrupt: ${digest.size} bytes downloaded, ${v.size} recorded in its metadata.`);
        }
        if (!v.sha256)
            this.log.debug(`${v.externalId} records no sha256 (written by the Python package); not verified.`);
        return digest;
    }
    /** Downloads and extracts a version (latest uploaded when `version` is null) into `folder`. */
    async download(model, env, version, folder, options = {}) {
        const v = await this.getVersion(model, env, version);
        await this.withTempDir(async (dir) => {
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'artifact.tar.gz');
            await this.fetchBytes(v, file, options.onProgress);
            await (0,_archive_js__WEBPACK_IMPORTED_MODULE_10__/* .extractArchive */ .Qh)(file, folder);
        });
        this.log.info(`Downloaded ${v.externalId} into ${folder}.`);
        return { ...v, folder };
    }
    /**
     * Copies a version of `fromEnv` to the next version of `toEnv` (dev→test, test→prod only),
     * recording where it came from. Promoting the same bytes again returns the earlier copy.
     */
    async promote(model, fromEnv, toEnv, version = null, options = {}) {
        const from = checkEnv(fromEnv);
        const to = checkEnv(toEnv);
        if (PROMOTIONS[from] !== to) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlopsError */ .I(`Cannot promote from ${from} to ${to}: artifacts move dev→test and test→prod only.`);
        }
        const source = await this.getVersion(model, from, version);
        const earlierCopy = async (sha256) => (await this.listFiles(`${model}/${to}/`)).find((t) => t.promotedFrom === source.externalId && t.sha256 === sha256 && t.uploaded);
        if (source.sha256) {
            const existing = await earlierCopy(source.sha256);
            if (existing)
                return this.alreadyPromoted(source, existing);
        }
        return this.withTempDir(async (dir) => {
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'artifact.tar.gz');
            const digest = await this.fetchBytes(source, file, options.onProgress);
            // Python-era sources record no sha256: only now can an earlier copy be recognised.
            const existing = source.sha256 ? undefined : await earlierCopy(digest.sha256);
            if (existing)
                return this.alreadyPromoted(source, existing);
            const metadata = Object.fromEntries(Object.entries(source.metadata).filter(([k]) => !['version', 'sha256', 'size', 'promoted_from'].includes(k)));
            const target = await this.createVersion(model, to, { file, ...digest }, { ...metadata, promoted_from: source.externalId });
            await this.fetchBytes(target, null);
            const winner = await this.racingCopy(source, target);
            if (winner)
                return this.alreadyPromoted(source, winner);
            this.log.info(`Promoted ${source.externalId} to ${target.externalId} (sha256 ${digest.sha256}, verified).`);
            return { source, target, sha256: digest.sha256, alreadyPromoted: false };
        });
    }
    /**
     * Two promotions of one source that start together both copy it (neither copy is visible to
     * the other's "already promoted" check yet). The lowest version wins: a racer that finds a
     * lower copy of the same bytes waits for it to be uploaded, then deletes its own copy. If the
     * lower copy never completes (its upload failed and was removed), ours stays.
     */
    async racingCopy(source, ours) {
        const lower = (await this.listFiles(`${source.model}/${ours.env}/`))
            .filter((v) => v.promotedFrom === source.externalId && v.sha256 === ours.sha256 && v.version < ours.version)
            .sort((a, b) => a.version - b.version)[0];
        if (!lower)
            return null;
        const winner = await this.waitUploaded(lower.id, lower.externalId).catch(() => null);
        if (!winner)
            return null;
        await (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .sdkCall */ .Zv)(this.client, 'POST /files/delete', () => this.client.files.delete([{ id: ours.id }]), false);
        this.log.info(`${winner.externalId} was promoted from ${source.externalId} at the same time; removed the duplicate ${ours.externalId}.`);
        return winner;
    }
    alreadyPromoted(source, target) {
        this.log.info(`${source.externalId} was already promoted as ${target.externalId}; nothing to copy.`);
        return { source, target, sha256: target.sha256, alreadyPromoted: true };
    }
    /**
     * Deletes one version (`<model>/<env>/<version>`). Refuses when a deployed function reports it
     * as its artifact (metadata model_id) unless `force`.
     */
    async deleteVersion(externalId, options = {}) {
        const parsed = (0,_naming_js__WEBPACK_IMPORTED_MODULE_3__/* .parseArtifactExternalId */ .kj)(externalId);
        if (!parsed)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlopsError */ .I(`"${externalId}" is not an artifact id; use <model>/<env>/<version>, e.g. my_model/test/3.`);
        const v = await this.getVersion(parsed.model, parsed.env, parsed.version);
        if (!options.force) {
            const users = (await (0,_cdf_functions_js__WEBPACK_IMPORTED_MODULE_11__/* .listFunctions */ ._d)(this.client)).filter((f) => f.metadata?.model_id === externalId);
            if (users.length) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MlopsError */ .I(`${externalId} is the artifact of deployed function(s) ${users.map((f) => f.externalId ?? f.name).join(', ')}; ` +
                    'deleting it would break redeploys and rollbacks. Delete those functions first, or force the deletion.');
            }
        }
        await (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .sdkCall */ .Zv)(this.client, 'POST /files/delete', () => this.client.files.delete([{ id: v.id }]), false);
        this.log.info(`Deleted ${externalId}.`);
        return v;
    }
    async withTempDir(fn) {
        const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'mlops-artifact-'));
        try {
            return await fn(dir);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
        }
    }
}


/***/ }),

/***/ 5598:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ downloadFile),
/* harmony export */   Q: () => (/* binding */ uploadFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _cdf_retry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4199);







/**
 * Upload and download URLs are pre-signed; like the SDK, we send our CDF token only when the URL
 * is on the CDF cluster itself, never to a storage provider.
 */
function authHeaders(client, url) {
    const base = new URL(client.getBaseUrl());
    const target = new URL(url, base);
    if (base.origin !== target.origin)
        return {};
    const auth = client.getDefaultRequestHeaders()['Authorization'] ?? client.getDefaultRequestHeaders()['authorization'];
    return auth ? { Authorization: auth } : {};
}
function httpStatusError(status, body, headers) {
    const retryAfter = headers['retry-after'];
    return Object.assign(new Error(body.slice(0, 300) || `HTTP ${status}`), { status, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
}
/**
 * One request to a pre-signed URL with node:http (web fetch streams cost a third of the
 * throughput on large files). Resolves with the response once its status is a success;
 * any other status becomes an error carrying Retry-After.
 */
function send(client, target, method, headers, body) {
    const url = new URL(target, client.getBaseUrl());
    return new Promise((resolve, reject) => {
        const request = (url.protocol === 'https:' ? (node_https__WEBPACK_IMPORTED_MODULE_3___default()) : (node_http__WEBPACK_IMPORTED_MODULE_2___default())).request(url, { method, headers: { ...headers, ...authHeaders(client, target) } });
        request.on('error', reject);
        request.on('response', (res) => {
            if (res.statusCode && res.statusCode < 300)
                return resolve(res);
            let text = '';
            res.setEncoding('utf8').on('data', (d) => (text += d));
            res.on('end', () => reject(httpStatusError(res.statusCode ?? 0, text, res.headers)));
            res.on('error', reject);
        });
        if (body)
            (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(body, request).catch(reject);
        else
            request.end();
    });
}
async function uploadFile(client, uploadUrl, file, size, mimeType, onProgress) {
    await (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .withRetry */ .bD)('PUT <uploadUrl>', async () => {
        // Large reads and no hashing here: the sha256 is known already, and the upload should
        // run at the speed of the socket.
        const source = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file, { highWaterMark: 1 << 20 });
        let done = 0;
        if (onProgress)
            source.on('data', (chunk) => onProgress((done += chunk.length), size));
        const res = await send(client, uploadUrl, 'PUT', { 'Content-Type': mimeType, 'Content-Length': String(size) }, source);
        res.resume();
    }, { idempotent: true, limits: (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .retryLimitsFor */ .Cq)(client) }, describe);
}
/**
 * Streams a download into `dest` (or nowhere, to only hash it) and returns its digest.
 * Progress totals come from Content-Length, else `expectedSize`, else 0 (unknown).
 */
async function downloadFile(client, downloadUrl, dest, onProgress, expectedSize) {
    return (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .withRetry */ .bD)('GET <downloadUrl>', async () => {
        const res = await send(client, downloadUrl, 'GET', {});
        const total = Number(res.headers['content-length'] ?? 0) || expectedSize || 0;
        // Hash on 'data' rather than through a Transform: one stream hop less per chunk.
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        let size = 0;
        res.on('data', (chunk) => {
            hash.update(chunk);
            size += chunk.length;
            onProgress?.(size, total);
        });
        const sink = dest ? (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(dest, { highWaterMark: 1 << 20 }) : new node_stream__WEBPACK_IMPORTED_MODULE_4__.Writable({ write: (_c, _e, cb) => cb() });
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(res, sink);
        return { sha256: hash.digest('hex'), size };
    }, { idempotent: true, limits: (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .retryLimitsFor */ .Cq)(client) }, describe);
}
/** Our HTTP errors carry the Retry-After they saw. */
function describe(err) {
    return (0,_cdf_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .describeFailure */ .Ic)(err, err.retryAfter);
}


/***/ }),

/***/ 7275:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _J: () => (/* binding */ clientOnFirstUse),
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
/** A client factory that makes its client on first call and reuses it: one token fetch for all uses. */
function clientOnFirstUse(factory) {
    let client;
    return () => (client ??= factory());
}


/***/ }),

/***/ 6052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cf: () => (/* binding */ waitForReady),
/* harmony export */   RG: () => (/* binding */ listSchedules),
/* harmony export */   Tx: () => (/* binding */ callFunction),
/* harmony export */   Wb: () => (/* binding */ callLogs),
/* harmony export */   _d: () => (/* binding */ listFunctions),
/* harmony export */   dJ: () => (/* binding */ deleteFunctions),
/* harmony export */   j9: () => (/* binding */ retrieveFunction),
/* harmony export */   jw: () => (/* binding */ createSession),
/* harmony export */   qQ: () => (/* binding */ deleteSchedules),
/* harmony export */   sF: () => (/* binding */ createSchedule),
/* harmony export */   y4: () => (/* binding */ scheduleInputData),
/* harmony export */   zp: () => (/* binding */ createFunction)
/* harmony export */ });
/* unused harmony exports retrieveFunctions, functionsLimits, functionsStatus, retrieveCall, callResponse */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7638);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4199);


/** CDF's item-count limit for functions/byids. */
const BYIDS_CHUNK = 10;
/** Functions list has no cursor; this is the API's ceiling (as cognite-sdk-python uses). */
const LIST_LIMIT = 10_000;
// --- Functions ---------------------------------------------------------------------------------
/** Not idempotent: a retry after a lost response could create a second function. */
async function createFunction(client, fn) {
    const res = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .cdfRequest */ .TR)(client, { method: 'POST', path: '/functions', data: { items: [fn] }, idempotent: false });
    return res.items[0];
}
async function listFunctions(client, filter = {}) {
    const res = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .cdfRequest */ .TR)(client, { method: 'POST', path: '/functions/list', data: { filter, limit: LIST_LIMIT }, idempotent: true });
    return res.items;
}
/** Unknown ids are left out of the answer. */
async function retrieveFunctions(client, refs) {
    const out = [];
    for (let i = 0; i < refs.length; i += BYIDS_CHUNK) {
        const res = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .cdfRequest */ .TR)(client, {
            method: 'POST',
            path: '/functions/byids',
            data: { items: refs.slice(i, i + BYIDS_CHUNK), ignoreUnknownIds: true },
            idempotent: true,
        });
        out.push(...res.items);
    }
    return out;
}
async function retrieveFunction(client, ref) {
    const [fn] = await retrieveFunctions(client, [ref]);
    return fn ?? null;
}
/** Idempotent with ignoreUnknownIds: deleting twice leaves the same state. */
async function deleteFunctions(client, refs) {
    if (!refs.length)
        return;
    await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .cdfRequest */ .TR)(client, { method: 'POST', path: '/functions/delete', data: { items: refs, ignoreUnknownIds: true }, idempotent: true });
}
async function functionsLimits(client) {
    return cdfRequest(client, { method: 'GET', path: '/functions/limits', idempotent: true });
}
async function functionsStatus(client) {
    return cdfRequest(client, { method: 'GET', path: '/functions/status', idempotent: true });
}
/** Polls with growing intervals until `done` holds or the deadline passes. */
async function pollUntil(read, done, options, timeoutMessage) {
    const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
    let interval = options.initialIntervalMs ?? 500;
    for (;;) {
        const value = await read();
        if (done(value))
            return value;
        if (Date.now() + interval > deadline)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MlopsError */ .I(timeoutMessage(value));
        await new Promise((r) => setTimeout(r, interval));
        interval = Math.min(options.maxIntervalMs ?? 10_000, Math.round(interval * 1.6));
    }
}
/** Waits for the build: returns the Ready function, or throws with CDF's build error and trace. */
async function waitForReady(client, ref, options = {}) {
    const label = 'id' in ref ? `function ${ref.id}` : `function ${ref.externalId}`;
    let lastStatus;
    const fn = await pollUntil(async () => {
        const current = await retrieveFunction(client, ref);
        if (!current)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MlopsError */ .I(`${label} disappeared while waiting for it to become Ready (deleted by someone else?).`);
        if (current.status !== lastStatus)
            options.log?.info(`${label}: ${current.status}`);
        lastStatus = current.status;
        return current;
    }, (f) => f.status === 'Ready' || f.status === 'Failed', options, (f) => `${label} was still ${f.status} after ${Math.round((options.timeoutMs ?? 900_000) / 1000)} s; giving up waiting.`);
    if (fn.status === 'Failed') {
        const error = fn.error?.message ?? 'no error message from CDF';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MlopsError */ .I(`CDF could not build ${label}: ${error}${fn.error?.trace ? `\n${fn.error.trace}` : ''}`);
    }
    return fn;
}
// --- Sessions and calls ------------------------------------------------------------------------
/** Repeating this at worst leaves an unused session behind, so it is retried like a read. */
async function createSession(client, request) {
    const res = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .cdfRequest */ .TR)(client, { method: 'POST', path: '/sessions', data: { items: [request] }, idempotent: true });
    return res.items[0];
}
/** Calls a function and waits for the result; a call is never retried (it would run twice). */
async function callFunction(client, functionId, data, options = {}) {
    const { nonce } = await createSession(client, options.session ?? { tokenExchange: true });
    const started = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .cdfRequest */ .TR)(client, {
        method: 'POST',
        path: `/functions/${functionId}/call`,
        data: { data: data ?? undefined, nonce },
        idempotent: false,
    });
    const call = await pollUntil(() => retrieveCall(client, functionId, started.id), (c) => c.status !== 'Running', { initialIntervalMs: 250, maxIntervalMs: 5_000, ...options }, () => `Call ${started.id} of function ${functionId} was still running after ${Math.round((options.timeoutMs ?? 900_000) / 1000)} s; giving up waiting.`);
    const response = call.status === 'Completed' ? await callResponse(client, functionId, call.id) : undefined;
    const logs = await callLogs(client, functionId, call.id);
    return { call, response, logs };
}
async function retrieveCall(client, functionId, callId) {
    return (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .cdfRequest */ .TR)(client, { method: 'GET', path: `/functions/${functionId}/calls/${callId}`, idempotent: true });
}
async function callResponse(client, functionId, callId) {
    const res = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .cdfRequest */ .TR)(client, { method: 'GET', path: `/functions/${functionId}/calls/${callId}/response`, idempotent: true });
    return res.response;
}
async function callLogs(client, functionId, callId) {
    const res = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .cdfRequest */ .TR)(client, { method: 'GET', path: `/functions/${functionId}/calls/${callId}/logs`, idempotent: true });
    return res.items;
}
// --- Schedules ---------------------------------------------------------------------------------
/** Not idempotent: a retry could create a second schedule (two calls per tick). */
async function createSchedule(client, schedule) {
    const res = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .cdfRequest */ .TR)(client, { method: 'POST', path: '/functions/schedules', data: { items: [schedule] }, idempotent: false });
    return res.items[0];
}
async function listSchedules(client, filter = {}) {
    const res = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .cdfRequest */ .TR)(client, { method: 'POST', path: '/functions/schedules/list', data: { filter, limit: LIST_LIMIT }, idempotent: true });
    return res.items;
}
async function deleteSchedules(client, ids) {
    if (!ids.length)
        return;
    await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .cdfRequest */ .TR)(client, { method: 'POST', path: '/functions/schedules/delete', data: { items: ids.map((id) => ({ id })) }, idempotent: true });
}
async function scheduleInputData(client, scheduleId) {
    const res = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .cdfRequest */ .TR)(client, {
        method: 'GET',
        path: `/functions/schedules/${scheduleId}/input_data`,
        idempotent: true,
    });
    return res.data ?? null;
}


/***/ }),

/***/ 4199:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ retryLimitsFor),
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   NJ: () => (/* binding */ configureRetries),
/* harmony export */   TR: () => (/* binding */ cdfRequest),
/* harmony export */   Zv: () => (/* binding */ sdkCall),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   ul: () => (/* binding */ CdfApiError)
/* harmony export */ });
/* unused harmony export DEFAULT_RETRY_LIMITS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);

const DEFAULT_RETRY_LIMITS = { maxAttempts: 6, maxElapsedMs: 60_000, baseDelayMs: 250, maxDelayMs: 10_000 };
const limitsByClient = new WeakMap();
/** Overrides the retry bounds for every raw call made with this client (tests use short ones). */
function configureRetries(client, limits) {
    limitsByClient.set(client, { ...retryLimitsFor(client), ...limits });
}
function retryLimitsFor(client) {
    return limitsByClient.get(client) ?? DEFAULT_RETRY_LIMITS;
}
/** A CDF API failure, with what the caller needs to react (status, missing/duplicated items). */
class CdfApiError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MlopsError */ .I {
    status;
    requestId;
    missing;
    duplicated;
    constructor(message, details = {}) {
        super(message);
        this.name = 'CdfApiError';
        this.status = details.status;
        this.requestId = details.requestId;
        this.missing = details.missing;
        this.duplicated = details.duplicated;
    }
}
/** Normalises SDK errors (CogniteError, HttpError), fetch failures and our own. */
function describeFailure(err, retryAfterHeader) {
    const e = err;
    const status = typeof e?.status === 'number' ? e.status : undefined;
    let message = typeof e?.errorMessage === 'string' ? e.errorMessage : typeof e?.message === 'string' ? e.message : String(err);
    const data = e?.data;
    if (data?.error?.message)
        message = data.error.message;
    if (status === undefined && e?.cause && typeof e.cause.message === 'string')
        message = `${message} (${e.cause.message})`;
    return {
        status,
        message,
        retryAfterMs: parseRetryAfter(retryAfterHeader),
        requestId: typeof e?.requestId === 'string' ? e.requestId : undefined,
        missing: Array.isArray(e?.missing) ? e.missing : undefined,
        duplicated: Array.isArray(e?.duplicated) ? e.duplicated : undefined,
    };
}
function parseRetryAfter(value) {
    if (!value)
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
/**
 * Runs `attempt` until it succeeds or the policy says stop. `attempt` throws on failure; the
 * thrown error is described with `describe` (so callers can attach the Retry-After they saw).
 * `what` names the request in messages, e.g. "POST /functions/byids".
 */
async function withRetry(what, attempt, policy, describe = (err) => describeFailure(err)) {
    const limits = policy.limits ?? DEFAULT_RETRY_LIMITS;
    const started = Date.now();
    for (let n = 1;; n++) {
        let failure;
        try {
            return await attempt();
        }
        catch (err) {
            if (err instanceof CdfApiError)
                throw err;
            failure = describe(err);
        }
        const retryable = shouldRetry(failure.status, policy);
        // Retry-After is honoured up to our own ceiling, so one odd header cannot stall a run.
        const delay = Math.min(failure.retryAfterMs ?? backoff(n, limits), limits.maxDelayMs);
        const elapsed = Date.now() - started;
        if (!retryable)
            throw finalError(what, failure, n, elapsed, policy);
        if (n >= limits.maxAttempts || elapsed + delay > limits.maxElapsedMs)
            throw finalError(what, failure, n, elapsed, policy, true);
        await new Promise((r) => setTimeout(r, delay));
    }
}
function shouldRetry(status, policy) {
    if (status === undefined)
        return policy.idempotent;
    if (policy.sdkRetriesStatus)
        return false;
    if (status === 429)
        return true;
    return status >= 500 && policy.idempotent;
}
/** Full jitter: uniformly random up to base·2^n, capped. */
function backoff(attempt, limits) {
    return Math.floor(Math.random() * Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** attempt));
}
function finalError(what, f, attempts, elapsedMs, policy, gaveUp = false) {
    const detail = f.message.replace(/[.\s]+$/, '') + (f.requestId ? ` (x-request-id ${f.requestId})` : '');
    const answered = f.status === undefined ? `could not reach CDF for ${what}` : `CDF answered ${f.status} to ${what}`;
    let message;
    if (gaveUp) {
        message = `${answered} ${attempts} times over ${Math.round(elapsedMs / 1000)} s; giving up. Last error: ${detail}.`;
    }
    else if ((f.status === undefined || f.status >= 500) && !policy.idempotent) {
        message = `${answered}: ${detail}. Not retried: the request is not idempotent, so a retry could apply it twice; check its effect in CDF before trying again.`;
    }
    else {
        message = `${answered}: ${detail}.`;
    }
    return new CdfApiError(message, f);
}
/** A raw CDF API call over the SDK's HTTP client (auth, headers, 401 refresh) with our retries. */
async function cdfRequest(client, req) {
    const url = `/api/v1/projects/${encodeURIComponent(client.project)}${req.path}`;
    let retryAfter;
    // The per-request validator sees every response with its headers (the SDK's errors drop them);
    // answering false switches the SDK's own retries off for this request.
    const captureRetryAfter = (_req, res) => {
        retryAfter = res.headers?.['retry-after'] ?? res.headers?.['Retry-After'];
        return false;
    };
    const options = { data: req.data, params: req.params, retryValidator: captureRetryAfter };
    return withRetry(`${req.method} ${req.path}`, async () => {
        retryAfter = undefined;
        const res = req.method === 'GET' ? await client.get(url, options) : await client.post(url, options);
        return res.data;
    }, { idempotent: req.idempotent, limits: retryLimitsFor(client) }, (err) => describeFailure(err, retryAfter));
}
/** SDK resource calls (client.files.*): the SDK owns 429/5xx retries; we add network retries and clear errors. */
function sdkCall(client, what, call, idempotent) {
    return withRetry(what, call, { idempotent, sdkRetriesStatus: true, limits: retryLimitsFor(client) });
}


/***/ }),

/***/ 9157:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ consoleLogger),
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
/** A logger that writes plain lines, masking registered secrets; used by the CLI and tests. */
function consoleLogger(options = {}) {
    const out = options.stream ?? process.stderr;
    const secrets = new Set();
    const mask = (text) => {
        let masked = text;
        for (const s of secrets)
            masked = masked.split(s).join('***');
        return masked;
    };
    const where = (loc) => loc?.file ? `${loc.file}${loc.line ? `:${loc.line}${loc.column ? `:${loc.column}` : ''}` : ''}: ` : '';
    return {
        debug: (m) => { if (options.verbose)
            out.write(`${mask(m)}\n`); },
        info: (m) => { out.write(`${mask(m)}\n`); },
        warning: (m, loc) => { out.write(`warning: ${where(loc)}${mask(m)}\n`); },
        error: (m, loc) => { out.write(`error: ${where(loc)}${mask(m)}\n`); },
        group: async (title, fn) => {
            out.write(`${mask(title)}\n`);
            return fn();
        },
        secret: (v) => { if (v)
            secrets.add(v); },
    };
}
/** Discards everything; for library callers that want silence. */
const silentLogger = {
    debug: () => { },
    info: () => { },
    warning: () => { },
    error: () => { },
    group: (_title, fn) => fn(),
    secret: () => { },
};


/***/ })

};
