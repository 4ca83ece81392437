export const id = 662;
export const ids = [662];
export const modules = {

/***/ 7662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startEmulator: () => (/* binding */ startEmulator)
});

// UNUSED EXPORTS: TENANT, parseFaults

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./packages/cdf-emulator/src/http.ts

/** An error that becomes CDF's `{"error":{code,message,missing?,duplicated?}}` body. */
class ApiError extends Error {
    status;
    extra;
    headers;
    constructor(status, message, extra = {}, headers = {}) {
        super(message);
        this.status = status;
        this.extra = extra;
        this.headers = headers;
    }
}
const badRequest = (message) => new ApiError(400, message);
const notFound = (message) => new ApiError(404, message);
function errorBody(err) {
    return { error: { code: err.status, message: err.message, ...err.extra } };
}
function sendJson(res, status, body, headers = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
}
/** The request body as a stream, transparently gunzipped. */
function bodyStream(req) {
    const encoding = String(req.headers['content-encoding'] ?? '').toLowerCase();
    return encoding === 'gzip' ? req.pipe((0,external_node_zlib_.createGunzip)()) : req;
}
const MAX_JSON_BYTES = 64 * 1024 * 1024;
async function readBody(req) {
    const chunks = [];
    let size = 0;
    try {
        for await (const chunk of bodyStream(req)) {
            size += chunk.length;
            if (size > MAX_JSON_BYTES)
                throw new ApiError(413, 'Request body is too large.');
            chunks.push(chunk);
        }
    }
    catch (err) {
        if (err instanceof ApiError)
            throw err;
        throw badRequest(`Could not read the request body: ${err.message}`);
    }
    return Buffer.concat(chunks);
}
/** Parses a JSON object body; an empty body is `{}` (CDF accepts e.g. `POST /functions/status` bare). */
async function readJson(req) {
    const raw = (await readBody(req)).toString('utf8');
    if (raw.trim() === '')
        return {};
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch (err) {
        throw badRequest(`Unable to parse the request body as JSON: ${err.message}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw badRequest('The request body must be a JSON object.');
    return parsed;
}

;// CONCATENATED MODULE: ./packages/cdf-emulator/src/auth.ts
/**
 * Entra-ID-compatible token endpoint and bearer-token checks. Tokens are opaque random strings
 * mapped to the client they were issued to (and whether it may write).
 */


const TOKEN_TTL_SECONDS = 3599;
const FEDERATED_AUDIENCE = 'api://AzureADTokenExchange';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Entra's error body shape: `{error, error_description, error_codes, timestamp, trace_id}`. */
class EntraError extends Error {
    status;
    code;
    constructor(status, code, description) {
        super(description);
        this.status = status;
        this.code = code;
    }
}
class Auth {
    store;
    clients;
    constructor(store, clients) {
        this.store = store;
        this.clients = clients;
    }
    issue(principal) {
        const token = (0,external_node_crypto_.randomBytes)(32).toString('base64url');
        const now = Date.now();
        this.store.state.tokens[token] = { ...principal, expiresAt: now + TOKEN_TTL_SECONDS * 1000 };
        // Expired tokens are useless; drop them so the state file stays small.
        for (const [t, rec] of Object.entries(this.store.state.tokens))
            if (rec.expiresAt < now)
                delete this.store.state.tokens[t];
        this.store.changed();
        return { token, expiresIn: TOKEN_TTL_SECONDS };
    }
    /** The principal behind `Authorization: Bearer <token>`; 401 otherwise. */
    verify(req) {
        const header = String(req.headers.authorization ?? '');
        const m = /^Bearer\s+(\S+)$/i.exec(header);
        if (!m)
            throw new ApiError(401, 'Unauthorized');
        const rec = this.store.state.tokens[m[1]];
        if (!rec)
            throw new ApiError(401, 'Unauthorized: invalid token');
        if (rec.expiresAt < Date.now())
            throw new ApiError(401, 'Unauthorized: the token has expired');
        return { clientId: rec.clientId, write: rec.write };
    }
    /** Client credentials check shared by the token endpoint and `POST /sessions`. */
    checkSecret(clientId, clientSecret) {
        if (!clientId)
            throw new EntraError(400, 'invalid_request', "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
        if (!clientSecret)
            throw new EntraError(401, 'invalid_client', "AADSTS7000216: 'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
        if (!this.clients)
            return { clientId, write: true };
        const client = this.known(clientId);
        if (client.clientSecret !== clientSecret) {
            throw new EntraError(401, 'invalid_client', `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
        }
        return { clientId, write: client.write };
    }
    known(clientId) {
        const client = this.clients?.find((c) => c.clientId === clientId);
        if (!client)
            throw new EntraError(400, 'unauthorized_client', `AADSTS700016: Application with identifier '${clientId}' was not found in the directory 'emulator-tenant'.`);
        return client;
    }
    /** A federated credential: a JWT meant for Entra's token exchange, not expired. Its signature is not checked. */
    checkAssertion(clientId, assertion) {
        const parts = assertion.split('.');
        let claims;
        try {
            claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'));
        }
        catch {
            throw new EntraError(400, 'invalid_client', 'AADSTS50027: JWT token is invalid or malformed.');
        }
        const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
        if (!aud.includes(FEDERATED_AUDIENCE)) {
            throw new EntraError(400, 'invalid_client', `AADSTS700212: No matching federated identity record found for presented assertion audience '${String(claims.aud)}'. Expected '${FEDERATED_AUDIENCE}'.`);
        }
        if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) {
            throw new EntraError(400, 'invalid_client', 'AADSTS700024: Client assertion is not within its valid time range.');
        }
        if (!clientId)
            throw new EntraError(400, 'invalid_request', "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
        return this.clients ? { clientId, write: this.known(clientId).write } : { clientId, write: true };
    }
    /** `POST /{tenant}/oauth2/v2.0/token` with a form body. */
    async tokenEndpoint(req, res) {
        const form = new URLSearchParams((await readBody(req)).toString('utf8'));
        try {
            const grant = form.get('grant_type');
            if (grant !== 'client_credentials') {
                throw new EntraError(400, 'unsupported_grant_type', `AADSTS70003: The app requested an unsupported grant type '${grant ?? ''}'.`);
            }
            const clientId = form.get('client_id') ?? '';
            const principal = form.get('client_assertion_type') === JWT_BEARER
                ? this.checkAssertion(clientId, form.get('client_assertion') ?? '')
                : this.checkSecret(clientId, form.get('client_secret') ?? '');
            const { token, expiresIn } = this.issue(principal);
            sendJson(res, 200, { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token });
        }
        catch (err) {
            if (!(err instanceof EntraError))
                throw err;
            sendEntraError(res, err);
        }
    }
    /** Session creation with client credentials reports bad credentials as a CDF error. */
    sessionPrincipal(clientId, clientSecret) {
        try {
            return this.checkSecret(clientId, clientSecret);
        }
        catch (err) {
            if (err instanceof EntraError)
                throw new ApiError(400, `Could not create a session with client credentials: ${err.message}`);
            throw err;
        }
    }
}
function sendEntraError(res, err) {
    const code = Number(/AADSTS(\d+)/.exec(err.message)?.[1] ?? 0);
    sendJson(res, err.status, {
        error: err.code,
        error_description: `${err.message}\r\nTrace ID: ${(0,external_node_crypto_.randomBytes)(16).toString('hex')}\r\nTimestamp: ${new Date().toISOString()}`,
        error_codes: [code],
        timestamp: new Date().toISOString(),
    });
}

// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./packages/cdf-emulator/src/blobs.ts
/** File contents on disk (never in memory, so 1 GiB uploads work): `<dir>/<fileId>[.part<N>]`. */



class Blobs {
    dir;
    constructor(dir) {
        this.dir = dir;
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    }
    path(fileId, part) {
        return (0,external_node_path_.join)(this.dir, part === undefined ? String(fileId) : `${fileId}.part${part}`);
    }
    /** Streams `body` to the blob; the previous content stays until the new one is complete. */
    async write(body, fileId, part) {
        const target = this.path(fileId, part);
        const tmp = `${target}.uploading`;
        await (0,promises_.pipeline)(body, (0,external_node_fs_.createWriteStream)(tmp));
        (0,external_node_fs_.renameSync)(tmp, target);
        return (0,external_node_fs_.statSync)(target).size;
    }
    has(fileId, part) {
        return (0,external_node_fs_.existsSync)(this.path(fileId, part));
    }
    size(fileId) {
        return (0,external_node_fs_.statSync)(this.path(fileId)).size;
    }
    read(fileId) {
        return (0,external_node_fs_.createReadStream)(this.path(fileId));
    }
    /** Joins multipart parts 0..n-1 into the file's blob and removes them. */
    async assemble(fileId, parts) {
        const tmp = `${this.path(fileId)}.assembling`;
        const out = (0,external_node_fs_.createWriteStream)(tmp);
        for (let i = 0; i < parts; i++)
            await (0,promises_.pipeline)((0,external_node_fs_.createReadStream)(this.path(fileId, i)), out, { end: false });
        await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
        (0,external_node_fs_.renameSync)(tmp, this.path(fileId));
        this.removeParts(fileId);
    }
    removeParts(fileId) {
        for (const name of (0,external_node_fs_.readdirSync)(this.dir))
            if (name.startsWith(`${fileId}.part`))
                (0,external_node_fs_.rmSync)((0,external_node_path_.join)(this.dir, name), { force: true });
    }
    remove(fileId) {
        (0,external_node_fs_.rmSync)(this.path(fileId), { force: true });
        this.removeParts(fileId);
    }
}

// EXTERNAL MODULE: ./packages/core/src/assets.ts
var assets = __webpack_require__(3008);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./packages/cdf-emulator/src/subprocess.ts
/** Runs the Python side with a clean environment (no emulator or CI secrets), a time limit and captured output. */

/** Only what an interpreter needs to start and find its packages. */
const PASSED_ENV = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'TEMP', 'TMP', 'SYSTEMROOT', 'PYTHONPATH', 'PYTHONHOME', 'VIRTUAL_ENV'];
function cleanEnv(extra = {}) {
    const env = { PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' };
    for (const k of PASSED_ENV)
        if (process.env[k] !== undefined)
            env[k] = process.env[k];
    return { ...env, ...extra };
}
function runProcess(command, args, options) {
    return new Promise((resolve) => {
        // detached: the process group is killed on timeout, so grandchildren of the handler die too.
        const child = (0,external_node_child_process_.spawn)(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
        let timedOut = false;
        let spawnError;
        const kill = () => {
            try {
                if (child.pid && process.platform !== 'win32')
                    process.kill(-child.pid, 'SIGKILL');
                else
                    child.kill('SIGKILL');
            }
            catch {
                // already gone
            }
        };
        const unregister = options.register?.(kill);
        const timer = setTimeout(() => {
            timedOut = true;
            kill();
        }, options.timeoutMs);
        for (const stream of [child.stdout, child.stderr]) {
            let pending = '';
            stream.setEncoding('utf8');
            stream.on('data', (chunk) => {
                const lines = (pending + chunk).split('\n');
                pending = lines.pop() ?? '';
                for (const l of lines)
                    options.onLine?.(l);
            });
            stream.on('end', () => {
                if (pending)
                    options.onLine?.(pending);
                pending = '';
            });
        }
        child.stdin.on('error', () => { }); // a handler that exits early closes stdin under us
        child.stdin.end(options.stdin ?? '');
        child.on('error', (err) => (spawnError = err.message));
        child.on('close', (code) => {
            clearTimeout(timer);
            unregister?.();
            resolve({ code, timedOut, spawnError });
        });
    });
}

// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __webpack_require__(663);
;// CONCATENATED MODULE: ./packages/cdf-emulator/src/unzip.ts
/** Unpacks a function's code zip, refusing entries that would land outside the target folder (zip-slip). */




async function unzipTo(zipPath, target) {
    (0,external_node_fs_.rmSync)(target, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(target, { recursive: true });
    const zip = await new Promise((resolve, reject) => yauzl.open(zipPath, { lazyEntries: true, autoClose: true }, (err, z) => (err || !z ? reject(err ?? new Error('cannot open zip')) : resolve(z))));
    await new Promise((resolve, reject) => {
        zip.on('error', reject);
        zip.on('end', resolve);
        zip.on('entry', (entry) => {
            const name = entry.fileName.replace(/\\/g, '/');
            const rel = (0,external_node_path_.normalize)(name);
            if ((0,external_node_path_.isAbsolute)(name) || rel === '..' || rel.startsWith(`..${external_node_path_.sep}`)) {
                zip.close();
                reject(new Error(`the zip entry '${entry.fileName}' points outside the archive`));
                return;
            }
            const dest = (0,external_node_path_.join)(target, rel);
            if (name.endsWith('/')) {
                (0,external_node_fs_.mkdirSync)(dest, { recursive: true });
                zip.readEntry();
                return;
            }
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(dest), { recursive: true });
            zip.openReadStream(entry, (err, stream) => {
                if (err || !stream)
                    return reject(err ?? new Error('cannot read zip entry'));
                (0,promises_.pipeline)(stream, (0,external_node_fs_.createWriteStream)(dest)).then(() => zip.readEntry(), reject);
            });
        });
        zip.readEntry();
    });
}

;// CONCATENATED MODULE: ./packages/cdf-emulator/src/builds.ts
/**
 * Function builds: `Queued` → `Deploying` → `Ready` | `Failed`, spread over `buildDelayMs`.
 * A build unpacks the code zip and runs check_build.py (contract B) in it.
 */





const CHECK_TIMEOUT_MS = 120_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
class Builds {
    env;
    stopped = false;
    kills = new Set();
    running = new Set();
    constructor(env) {
        this.env = env;
    }
    codeDir(functionId) {
        return (0,external_node_path_.join)(this.env.workDir, 'functions', String(functionId), 'code');
    }
    /** The unpacked code, re-extracted if the folder is gone (e.g. a copied state file). */
    async ensureCode(fn) {
        const dir = this.codeDir(fn.id);
        if (!(0,external_node_fs_.existsSync)(dir))
            await unzipTo(this.env.blobs.path(fn.fileId), dir);
        return dir;
    }
    start(fn) {
        const p = this.run(fn).catch((err) => this.finish(fn, { message: `Function build failed: ${err.message}` }));
        this.running.add(p);
        void p.finally(() => this.running.delete(p));
    }
    async stop() {
        this.stopped = true;
        for (const kill of this.kills)
            kill();
        await Promise.all(this.running);
    }
    alive(fn) {
        return !this.stopped && this.env.store.state.functions.includes(fn);
    }
    async run(fn) {
        const started = Date.now();
        await sleep(this.env.buildDelayMs / 2);
        if (!this.alive(fn))
            return;
        fn.status = 'Deploying';
        this.env.store.changed();
        const error = await this.check(fn);
        await sleep(Math.max(0, started + this.env.buildDelayMs - Date.now()));
        if (this.alive(fn))
            this.finish(fn, error);
    }
    finish(fn, error) {
        if (!this.alive(fn))
            return;
        fn.status = error ? 'Failed' : 'Ready';
        if (error)
            fn.error = error;
        this.env.store.changed();
        this.env.log(`function ${fn.id} (${fn.externalId ?? fn.name}) ${fn.status}${error ? `: ${error.message}` : ''}`);
    }
    /** Undefined when the code builds, otherwise the error CDF would report. */
    async check(fn) {
        if (this.env.faults.buildFails())
            return { message: 'Function build failed: injected failure (CDF emulator fault build-fail).' };
        const file = this.env.store.state.files.find((f) => f.id === fn.fileId);
        if (!file?.uploaded || !this.env.blobs.has(fn.fileId))
            return { message: `The function's code file (id ${fn.fileId}) is missing or was never uploaded.` };
        const dir = this.codeDir(fn.id);
        try {
            await unzipTo(this.env.blobs.path(fn.fileId), dir);
        }
        catch (err) {
            return { message: `Could not unpack the function's code file (id ${fn.fileId}) as a zip: ${err.message}` };
        }
        if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, fn.functionPath))) {
            return { message: `No file '${fn.functionPath}' at the root of the code zip: a function needs its handler file at the zip root (functionPath).` };
        }
        const lines = [];
        const result = await runProcess(this.env.python, [(0,external_node_path_.join)((0,assets/* assetDir */.Y)('emulator-python'), 'check_build.py'), fn.functionPath], {
            cwd: dir,
            env: cleanEnv(),
            timeoutMs: CHECK_TIMEOUT_MS,
            onLine: (l) => lines.push(l),
            register: (kill) => {
                this.kills.add(kill);
                return () => this.kills.delete(kill);
            },
        });
        if (result.spawnError)
            return { message: `Could not run the build check with '${this.env.python}': ${result.spawnError}` };
        const verdict = parseVerdict(lines);
        if (verdict?.ok === true)
            return undefined;
        if (verdict?.error)
            return verdict.error;
        return { message: `The build check ended without a verdict (exit ${result.code}${result.timedOut ? ', timed out' : ''}).`, trace: lines.slice(-50).join('\n') };
    }
}
function parseVerdict(lines) {
    for (const line of [...lines].reverse()) {
        try {
            const v = JSON.parse(line);
            if (typeof v.ok === 'boolean')
                return { ok: v.ok, error: v.error };
        }
        catch {
            // not the verdict line
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/cdf-emulator/src/validate.ts
/** Request validation with CDF-like 400 messages (`<field>: <problem>`). */

function isObject(v) {
    return !!v && typeof v === 'object' && !Array.isArray(v);
}
function items(body, max, min = 1) {
    const list = body.items;
    if (!Array.isArray(list))
        throw badRequest('items: must be an array');
    if (list.length < min || list.length > max)
        throw badRequest(`items: size must be between ${min} and ${max}`);
    list.forEach((item, i) => {
        if (!isObject(item))
            throw badRequest(`items[${i}]: must be an object`);
    });
    return list;
}
function optString(obj, field, max, where = field, min = 0) {
    const v = obj[field];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'string')
        throw badRequest(`${where}: must be a string`);
    if (v.length < min || v.length > max)
        throw badRequest(`${where}: size must be between ${min} and ${max}`);
    return v;
}
function reqString(obj, field, max, where = field) {
    const v = optString(obj, field, max, where, 1);
    if (v === undefined)
        throw badRequest(`${where}: may not be null`);
    return v;
}
function optInt(obj, field, where = field) {
    const v = obj[field];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'number' || !Number.isSafeInteger(v))
        throw badRequest(`${where}: must be an integer`);
    return v;
}
function optBool(obj, field, where = field) {
    const v = obj[field];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'boolean')
        throw badRequest(`${where}: must be a boolean`);
    return v;
}
function optStringMap(obj, field, where = field) {
    const v = obj[field];
    if (v === undefined || v === null)
        return undefined;
    if (!isObject(v) || Object.values(v).some((x) => typeof x !== 'string'))
        throw badRequest(`${where}: must be an object of string values`);
    return v;
}
function checkMetadata(meta, limits, where = 'metadata') {
    if (!meta)
        return;
    const entries = Object.entries(meta);
    if (entries.length > limits.pairs)
        throw badRequest(`${where}: at most ${limits.pairs} key-value pairs are allowed, got ${entries.length}`);
    let total = 0;
    for (const [k, v] of entries) {
        if (k.length > limits.key)
            throw badRequest(`${where}: key '${k.slice(0, 40)}' is longer than ${limits.key} characters`);
        if (v.length > limits.value)
            throw badRequest(`${where}.${k}: value is longer than ${limits.value} characters`);
        total += Buffer.byteLength(k) + Buffer.byteLength(v);
    }
    if (total > limits.totalBytes)
        throw badRequest(`${where}: total size ${total} bytes exceeds ${limits.totalBytes} bytes`);
}
/** `{id}` or `{externalId}`, exactly one of them. */
function identifier(v, where) {
    if (!isObject(v))
        throw badRequest(`${where}: must be an object with id or externalId`);
    const hasId = v.id !== undefined;
    const hasXid = v.externalId !== undefined;
    if (hasId === hasXid)
        throw badRequest(`${where}: exactly one of id and externalId must be set`);
    if (hasId) {
        if (typeof v.id !== 'number' || !Number.isSafeInteger(v.id) || v.id < 1)
            throw badRequest(`${where}.id: must be a positive integer`);
        return { id: v.id };
    }
    if (typeof v.externalId !== 'string')
        throw badRequest(`${where}.externalId: must be a string`);
    return { externalId: v.externalId };
}
function limit(v, def, max) {
    if (v === undefined || v === null)
        return def;
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > max)
        throw badRequest(`limit: must be an integer between 1 and ${max}`);
    return n;
}
/** Time ranges in list filters: `{min?, max?}` in epoch ms. */
function inRange(value, range) {
    if (!isObject(range))
        return true;
    if (value === undefined)
        return false;
    if (typeof range.min === 'number' && value < range.min)
        return false;
    if (typeof range.max === 'number' && value > range.max)
        return false;
    return true;
}

;// CONCATENATED MODULE: ./packages/cdf-emulator/src/resources.ts
/** What every CDF resource type shares: identifier lookup, `missing`/`duplicated` errors, cursors, updates. */


function find(list, ident) {
    return ident.id !== undefined ? list.find((r) => r.id === ident.id) : list.find((r) => r.externalId !== undefined && r.externalId === ident.externalId);
}
/** Looks up every identifier; unknown ones → 400 with `missing` unless ignored (CDF's byids/delete semantics). */
function resolve(list, raw, ignoreUnknownIds) {
    const idents = raw.map((r, i) => identifier(r, `items[${i}]`));
    const found = [];
    const missing = [];
    for (const ident of idents) {
        const r = find(list, ident);
        if (r) {
            if (!found.includes(r))
                found.push(r);
        }
        else
            missing.push(ident);
    }
    if (missing.length && !ignoreUnknownIds)
        throw new ApiError(400, 'Ids not found', { missing });
    return found;
}
/** 409 when an externalId is already taken (or repeated within the request). */
function assertUniqueExternalIds(list, externalIds) {
    const seen = new Set();
    const duplicated = [];
    for (const xid of externalIds) {
        if (xid === undefined)
            continue;
        if (seen.has(xid) || list.some((r) => r.externalId === xid))
            duplicated.push({ externalId: xid });
        seen.add(xid);
    }
    if (duplicated.length)
        throw new ApiError(409, 'ExternalId duplicated', { duplicated });
}
function removeFrom(list, doomed) {
    for (const d of doomed) {
        const at = list.indexOf(d);
        if (at >= 0)
            list.splice(at, 1);
    }
}
const encodeCursor = (lastId) => Buffer.from(`after:${lastId}`).toString('base64url');
function decodeCursor(cursor) {
    if (cursor === undefined || cursor === null)
        return 0;
    const m = typeof cursor === 'string' ? /^after:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString()) : null;
    if (!m)
        throw badRequest('cursor: invalid cursor');
    return Number(m[1]);
}
/** One page of `list` in id order, with `nextCursor` when more remain. */
function page(list, body, defaultLimit, maxLimit) {
    const n = limit(body.limit, defaultLimit, maxLimit);
    const after = decodeCursor(body.cursor);
    const rest = list.filter((r) => r.id > after).sort((a, b) => a.id - b.id);
    const items = rest.slice(0, n);
    return rest.length > n ? { items, nextCursor: encodeCursor(items[items.length - 1].id) } : { items };
}
function applyUpdate(record, update, spec, where) {
    if (!isObject(update))
        throw badRequest(`${where}.update: must be an object`);
    for (const [field, change] of Object.entries(update)) {
        const kind = spec[field];
        if (!kind)
            throw badRequest(`${where}.update.${field}: unknown or immutable field`);
        if (!isObject(change))
            throw badRequest(`${where}.update.${field}: must be an object like {"set": ...}`);
        if ('set' in change) {
            record[field] = change.set;
        }
        else if (change.setNull === true && kind === 'scalar') {
            delete record[field];
        }
        else if (kind === 'map' && ('add' in change || 'remove' in change)) {
            const next = { ...(record[field] ?? {}), ...(change.add ?? {}) };
            for (const k of change.remove ?? [])
                delete next[k];
            record[field] = next;
        }
        else if (kind === 'list' && ('add' in change || 'remove' in change)) {
            const cur = (record[field] ?? []).concat(change.add ?? []);
            const remove = change.remove ?? [];
            record[field] = [...new Set(cur)].filter((x) => !remove.includes(x));
        }
        else {
            throw badRequest(`${where}.update.${field}: expected set${kind === 'scalar' ? ' or setNull' : ', add or remove'}`);
        }
    }
}
/**
 * CDF's `update` endpoints: every item is validated (unknown ids → missing, taken externalId → 409)
 * before any is applied. `rebuild` turns the patched copy into a valid record.
 */
function updateAll(list, raw, spec, rebuild) {
    const changes = raw.map((r, i) => {
        const ident = identifier(r, `items[${i}]`);
        const old = find(list, ident);
        if (!old)
            throw new ApiError(400, 'Ids not found', { missing: [ident] });
        const patched = { ...old };
        applyUpdate(patched, r.update, spec, `items[${i}]`);
        const next = rebuild(patched, old);
        if (next.externalId !== undefined && next.externalId !== old.externalId)
            assertUniqueExternalIds(list.filter((o) => o !== old), [next.externalId]);
        return { old, next };
    });
    for (const { old, next } of changes)
        list[list.indexOf(old)] = next;
    return changes.map((c) => c.next);
}

;// CONCATENATED MODULE: ./packages/cdf-emulator/src/router.ts
/** A handler's answer: a JSON body (200), a `Reply` for other statuses, or nothing when it streamed itself. */
class Reply {
    status;
    body;
    constructor(status, body) {
        this.status = status;
        this.body = body;
    }
}
class Router {
    routes = [];
    add(routes) {
        for (const r of routes) {
            const names = [];
            const source = r.path.replace(/:(\w+)/g, (_m, name) => {
                names.push(name);
                return '([^/]+)';
            });
            this.routes.push({ ...r, regex: new RegExp(`^${source}/?$`), names });
        }
    }
    /** The matching route, `'method'` when the path exists with another method, or undefined. */
    match(method, path) {
        let pathMatched = false;
        for (const r of this.routes) {
            const m = r.regex.exec(path);
            if (!m)
                continue;
            pathMatched = true;
            if (r.method !== method)
                continue;
            const params = {};
            r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
            return { route: r, params };
        }
        return pathMatched ? 'method' : undefined;
    }
}

;// CONCATENATED MODULE: ./packages/cdf-emulator/src/functions.ts




const RUNTIMES = ['py310', 'py311', 'py312', 'py313'];
const DEFAULT_RUNTIME = 'py311';
const CPU = { min: 0.1, max: 0.6, default: 0.25 };
const MEMORY = { min: 0.1, max: 2.5, default: 1.0 };
const RESPONSE_SIZE_MB = 1;
const METADATA_LIMITS = { pairs: 16, key: 32, value: 512, totalBytes: 4096 };
const MAX_SECRETS = 30;
const SECRET_KEY = /^[a-z0-9-]{1,15}$/;
const MAX_SECRETS_BYTES = 20 * 1024;
const MAX_ENV_VARS = 100;
const ENV_VAR_KEY = /^[A-Za-z0-9_]+$/;
/** What the API shows: secrets masked, internal state hidden. */
function functionJson(fn) {
    const { secrets, ...rest } = fn;
    return secrets ? { ...rest, secrets: Object.fromEntries(Object.keys(secrets).map((k) => [k, '***'])) } : rest;
}
function optNumber(body, field, range) {
    const v = body[field];
    if (v === undefined || v === null)
        return range.default;
    if (typeof v !== 'number' || v < range.min || v > range.max)
        throw badRequest(`${field}: must be a number between ${range.min} and ${range.max}`);
    return v;
}
function validateSecrets(secrets) {
    if (!secrets)
        return;
    const keys = Object.keys(secrets);
    if (keys.length > MAX_SECRETS)
        throw badRequest(`secrets: at most ${MAX_SECRETS} secrets are allowed, got ${keys.length}`);
    const bad = keys.find((k) => !SECRET_KEY.test(k));
    if (bad !== undefined)
        throw badRequest(`secrets: key '${bad}' must be 1-15 lowercase letters, digits or dashes`);
    const size = keys.reduce((n, k) => n + Buffer.byteLength(k) + Buffer.byteLength(secrets[k]), 0);
    if (size > MAX_SECRETS_BYTES)
        throw badRequest(`secrets: total size ${size} bytes exceeds ${MAX_SECRETS_BYTES} bytes`);
}
function validateEnvVars(envVars) {
    if (!envVars)
        return;
    const keys = Object.keys(envVars);
    if (keys.length > MAX_ENV_VARS)
        throw badRequest(`envVars: at most ${MAX_ENV_VARS} environment variables are allowed`);
    const bad = keys.find((k) => !ENV_VAR_KEY.test(k));
    if (bad !== undefined)
        throw badRequest(`envVars: key '${bad}' may only contain letters, digits and underscores`);
}
function parseFunction(env, body) {
    const name = reqString(body, 'name', 140);
    const externalId = optString(body, 'externalId', 255);
    const fileId = optInt(body, 'fileId');
    if (fileId === undefined)
        throw badRequest('fileId: may not be null');
    const file = env.store.state.files.find((f) => f.id === fileId);
    if (!file)
        throw new ApiError(400, `File with id ${fileId} not found`, { missing: [{ id: fileId }] });
    if (!file.uploaded)
        throw badRequest(`File with id ${fileId} has not been uploaded yet`);
    const functionPath = optString(body, 'functionPath', 500) ?? 'handler.py';
    if (functionPath.startsWith('/') || functionPath.split('/').includes('..') || !functionPath.endsWith('.py')) {
        throw badRequest('functionPath: must be a relative POSIX path to a .py file inside the zip');
    }
    const metadata = optStringMap(body, 'metadata');
    checkMetadata(metadata, METADATA_LIMITS);
    const secrets = optStringMap(body, 'secrets');
    validateSecrets(secrets);
    const envVars = optStringMap(body, 'envVars');
    validateEnvVars(envVars);
    const runtime = optString(body, 'runtime', 10) ?? DEFAULT_RUNTIME;
    if (!RUNTIMES.includes(runtime))
        throw badRequest(`runtime: must be one of ${RUNTIMES.join(', ')}, got '${runtime}'`);
    const extraIndexUrls = body.extraIndexUrls;
    if (extraIndexUrls !== undefined && extraIndexUrls !== null && (!Array.isArray(extraIndexUrls) || extraIndexUrls.some((u) => typeof u !== 'string'))) {
        throw badRequest('extraIndexUrls: must be an array of strings');
    }
    const out = {
        name, externalId, fileId, functionPath, metadata, secrets, envVars, runtime,
        description: optString(body, 'description', 500),
        owner: optString(body, 'owner', 128),
        cpu: optNumber(body, 'cpu', CPU),
        memory: optNumber(body, 'memory', MEMORY),
        runtimeVersion: `Python 3.${runtime.slice(3)}`,
        indexUrl: optString(body, 'indexUrl', 2048),
        extraIndexUrls: (extraIndexUrls ?? undefined),
    };
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
/** The function addressed by `/functions/{id}/...`; 404 like CDF when unknown. */
function functionById(env, raw) {
    const id = Number(raw);
    const fn = Number.isSafeInteger(id) ? env.store.state.functions.find((f) => f.id === id) : undefined;
    if (!fn)
        throw notFound(`Function with id ${raw} not found`);
    return fn;
}
function functionsRoutes(env) {
    const state = env.store.state;
    const listed = (filter, limit) => {
        const f = filter ?? {};
        if (!isObject(f))
            throw badRequest('filter: must be an object');
        const matching = state.functions.filter((fn) => (typeof f.name !== 'string' || fn.name === f.name) &&
            (typeof f.owner !== 'string' || fn.owner === f.owner) &&
            (typeof f.fileId !== 'number' || fn.fileId === f.fileId) &&
            (typeof f.status !== 'string' || fn.status === f.status) &&
            (typeof f.externalIdPrefix !== 'string' || (fn.externalId ?? '').startsWith(f.externalIdPrefix)) &&
            (!isObject(f.metadata) || Object.entries(f.metadata).every(([k, v]) => fn.metadata?.[k] === v)) &&
            (f.createdTime === undefined || inRange(fn.createdTime, f.createdTime)));
        // CDF's functions list has no cursor; the limit is the page.
        return { items: page(matching, { limit }, 100, 10_000).items.map(functionJson) };
    };
    return [
        {
            method: 'POST', path: '/functions', write: true,
            handle: async ({ req }) => {
                const [item] = items(await readJson(req), 1);
                const parsed = parseFunction(env, item);
                assertUniqueExternalIds(state.functions, [parsed.externalId]);
                const fn = { ...parsed, id: env.store.newId(), status: 'Queued', createdTime: Date.now() };
                state.functions.push(fn);
                env.store.changed();
                env.builds.start(fn);
                return new Reply(201, { items: [functionJson(fn)] });
            },
        },
        { method: 'GET', path: '/functions', handle: async ({ query }) => listed({}, query.get('limit') ?? undefined) },
        {
            method: 'POST', path: '/functions/list',
            handle: async ({ req }) => {
                const body = await readJson(req);
                return listed(body.filter, body.limit);
            },
        },
        {
            method: 'POST', path: '/functions/byids',
            handle: async ({ req }) => {
                const body = await readJson(req);
                return { items: resolve(state.functions, items(body, 10), body.ignoreUnknownIds === true).map(functionJson) };
            },
        },
        {
            method: 'POST', path: '/functions/delete', write: true,
            handle: async ({ req }) => {
                const body = await readJson(req);
                const doomed = resolve(state.functions, items(body, 10), body.ignoreUnknownIds === true);
                const ids = new Set(doomed.map((f) => f.id));
                removeFrom(state.functions, doomed);
                // Deleting a function deletes its schedules and calls; its code file stays in Files.
                for (const s of state.schedules.filter((x) => ids.has(x.functionId)))
                    env.schedules.remove(s.id);
                removeFrom(state.calls, state.calls.filter((c) => ids.has(c.functionId)));
                env.store.changed();
                return {};
            },
        },
        {
            method: 'GET', path: '/functions/limits',
            handle: async () => ({
                timeoutMinutes: Math.max(1, Math.ceil(env.callTimeoutMs / 60_000)),
                cpuCores: CPU,
                memoryGb: MEMORY,
                runtimes: RUNTIMES,
                responseSizeMb: RESPONSE_SIZE_MB,
            }),
        },
        { method: 'GET', path: '/functions/status', handle: async () => ({ status: 'activated' }) },
        { method: 'POST', path: '/functions/status', write: true, handle: async () => ({ status: 'activated' }) },
    ];
}
/** `GET /functions/{id}` goes last: its `:id` would shadow `/functions/limits` and friends. */
function functionByIdRoute(env) {
    return { method: 'GET', path: '/functions/:id', handle: async ({ params }) => functionJson(functionById(env, params.id)) };
}

;// CONCATENATED MODULE: ./packages/cdf-emulator/src/sessions.ts
/** Sessions API: nonces that let a function call or schedule act as the client that created them. */




const SESSION_TTL_MS = 24 * 60 * 60 * 1000;
function sessionJson(s) {
    return { id: s.id, type: s.type, status: s.status, creationTime: s.creationTime, expirationTime: s.expirationTime, clientId: s.clientId };
}
/** Binds a nonce (single use): the principal the call or schedule then runs as. */
function consumeNonce(env, nonce) {
    if (typeof nonce !== 'string' || nonce === '')
        throw badRequest('nonce: may not be null. Create a session (POST /sessions) and pass its nonce.');
    const session = env.store.state.sessions.find((s) => s.nonce === nonce);
    if (!session || session.nonceUsed || session.status === 'REVOKED' || session.expirationTime < Date.now()) {
        throw badRequest('Could not bind the session: the nonce is invalid, expired or was already used.');
    }
    session.nonceUsed = true;
    session.status = 'ACTIVE';
    env.store.changed();
    return { clientId: session.clientId, write: session.write };
}
function sessionsRoutes(env) {
    const state = env.store.state;
    return [
        {
            method: 'POST', path: '/sessions',
            handle: async ({ req, principal }) => {
                const created = items(await readJson(req), 1).map((item) => {
                    let owner;
                    let type;
                    if (item.tokenExchange === true) {
                        owner = principal;
                        type = 'TOKEN_EXCHANGE';
                    }
                    else if (typeof item.clientId === 'string') {
                        owner = env.auth.sessionPrincipal(item.clientId, typeof item.clientSecret === 'string' ? item.clientSecret : '');
                        type = 'CLIENT_CREDENTIALS';
                    }
                    else {
                        throw badRequest('items[0]: expected {clientId, clientSecret} or {tokenExchange: true}');
                    }
                    const now = Date.now();
                    const session = {
                        id: env.store.newId(), nonce: (0,external_node_crypto_.randomBytes)(24).toString('base64url'), type, status: 'READY',
                        clientId: owner.clientId, write: owner.write, creationTime: now, expirationTime: now + SESSION_TTL_MS, nonceUsed: false,
                    };
                    state.sessions.push(session);
                    return session;
                });
                env.store.changed();
                return { items: created.map((s) => ({ id: s.id, type: s.type, status: s.status, nonce: s.nonce, clientId: s.clientId })) };
            },
        },
        {
            method: 'GET', path: '/sessions',
            handle: async ({ query }) => {
                const status = query.get('status');
                const mine = state.sessions.filter((s) => !status || s.status === status.toUpperCase());
                const result = page(mine, { limit: query.get('limit') ?? undefined, cursor: query.get('cursor') ?? undefined }, 25, 1000);
                return { items: result.items.map(sessionJson), ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}) };
            },
        },
        {
            method: 'POST', path: '/sessions/byids',
            handle: async ({ req }) => ({ items: resolve(state.sessions, items(await readJson(req), 1000), false).map(sessionJson) }),
        },
        {
            method: 'POST', path: '/sessions/revoke',
            handle: async ({ req }) => {
                const body = await readJson(req);
                const revoked = resolve(state.sessions, items(body, 1000).filter(isObject), false);
                for (const s of revoked)
                    s.status = 'REVOKED';
                env.store.changed();
                return { items: revoked.map(sessionJson) };
            },
        },
    ];
}

;// CONCATENATED MODULE: ./packages/cdf-emulator/src/calls.ts
/**
 * Function calls: each runs run_function.py (contract B) in a Python subprocess in the unpacked
 * code folder, with a time limit, a response size limit and stdout/stderr kept as logs.
 */










/** Calls of one function running at once; more wait their turn (still `Running`, as in CDF). */
const MAX_CONCURRENT_PER_FUNCTION = 4;
const MAX_LOG_LINES = 5000;
const MAX_LOG_LINE = 10_000;
function callJson(c) {
    const { response: _r, logs: _l, ...rest } = c;
    return rest;
}
class CallRunner {
    env;
    stopped = false;
    kills = new Set();
    running = new Set();
    slots = new Map();
    constructor(env) {
        this.env = env;
    }
    /** Records the call as Running and starts it; returns at once. */
    start(fn, request) {
        const call = { id: this.env.store.newId(), functionId: fn.id, startTime: Date.now(), status: 'Running', logs: [] };
        if (request.scheduleId !== undefined)
            call.scheduleId = request.scheduleId;
        if (request.scheduledTime !== undefined)
            call.scheduledTime = request.scheduledTime;
        this.env.store.state.calls.push(call);
        this.env.store.changed();
        const p = this.withSlot(fn.id, () => this.execute(fn, call, request)).catch((err) => this.finish(call, 'Failed', { message: `The emulator could not run the call: ${err.message}` }));
        this.running.add(p);
        void p.finally(() => this.running.delete(p));
        return call;
    }
    /** Kills running calls; they stay `Running` in the saved state and become Failed on restart. */
    async stop() {
        this.stopped = true;
        for (const kill of this.kills)
            kill();
        for (const slot of this.slots.values())
            for (const wake of slot.waiting.splice(0))
                wake();
        await Promise.all(this.running);
    }
    async withSlot(functionId, fn) {
        let slot = this.slots.get(functionId);
        if (!slot)
            this.slots.set(functionId, (slot = { active: 0, waiting: [] }));
        if (slot.active >= MAX_CONCURRENT_PER_FUNCTION)
            await new Promise((r) => slot.waiting.push(r));
        if (this.stopped)
            return undefined;
        slot.active++;
        try {
            return await fn();
        }
        finally {
            slot.active--;
            slot.waiting.shift()?.();
        }
    }
    async execute(fn, call, request) {
        const codeDir = await this.env.builds.ensureCode(fn);
        const scratch = (0,external_node_path_.join)(this.env.workDir, 'calls', String(call.id));
        (0,external_node_fs_.mkdirSync)(scratch, { recursive: true });
        const resultFile = (0,external_node_path_.join)(scratch, 'result.json');
        const input = {
            function_path: fn.functionPath,
            data: request.data ?? null,
            secrets: fn.secrets ?? null,
            function_call_info: { function_id: fn.id, call_id: call.id, schedule_id: call.scheduleId ?? null, scheduled_time: call.scheduledTime ?? null },
            cdf: { base_url: this.env.baseUrl(), project: this.env.project, token: this.env.auth.issue(request.principal).token },
            result_file: resultFile,
        };
        const result = await runProcess(this.env.python, [(0,external_node_path_.join)((0,assets/* assetDir */.Y)('emulator-python'), 'run_function.py')], {
            cwd: codeDir,
            env: cleanEnv(fn.envVars),
            stdin: JSON.stringify(input),
            timeoutMs: this.env.callTimeoutMs,
            onLine: (line) => {
                if (call.logs.length < MAX_LOG_LINES)
                    call.logs.push({ timestamp: Date.now(), message: line.slice(0, MAX_LOG_LINE) });
            },
            register: (kill) => {
                this.kills.add(kill);
                return () => this.kills.delete(kill);
            },
        });
        if (this.stopped)
            return;
        try {
            this.conclude(call, result, resultFile);
        }
        finally {
            (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
        }
    }
    conclude(call, result, resultFile) {
        if (result.timedOut) {
            return this.finish(call, 'Timeout', { message: `Function call timed out after ${Math.round(this.env.callTimeoutMs / 100) / 10} seconds.` });
        }
        if (result.spawnError)
            return this.finish(call, 'Failed', { message: `Could not start '${this.env.python}': ${result.spawnError}` });
        let outcome;
        try {
            outcome = JSON.parse((0,external_node_fs_.readFileSync)(resultFile, 'utf8'));
        }
        catch {
            outcome = undefined;
        }
        if (!outcome || result.code !== 0) {
            const tail = call.logs.slice(-30).map((l) => l.message).join('\n');
            return this.finish(call, 'Failed', { message: `The function's Python process crashed (exit code ${result.code}).`, trace: tail });
        }
        if (outcome.ok !== true)
            return this.finish(call, 'Failed', outcome.error ?? { message: 'The function failed without an error message.' });
        const size = Buffer.byteLength(JSON.stringify(outcome.response ?? null));
        if (size > RESPONSE_SIZE_MB * 1024 * 1024) {
            return this.finish(call, 'Failed', { message: `The function's response is ${size} bytes; the limit is ${RESPONSE_SIZE_MB} MB. Write large results to CDF Files instead.` });
        }
        call.response = outcome.response ?? null;
        this.finish(call, 'Completed');
    }
    finish(call, status, error) {
        call.status = status;
        call.endTime = Date.now();
        if (error)
            call.error = error;
        this.env.store.changed();
    }
}
function callOf(env, fn, raw) {
    const call = env.store.state.calls.find((c) => c.functionId === fn.id && String(c.id) === raw);
    if (!call)
        throw notFound(`Function call with id ${raw} not found for function ${fn.id}`);
    return call;
}
function callsRoutes(env) {
    const state = env.store.state;
    const listed = (fn, body) => {
        const filter = body.filter ?? {};
        if (!isObject(filter))
            throw badRequest('filter: must be an object');
        const matching = state.calls.filter((c) => c.functionId === fn.id &&
            (typeof filter.status !== 'string' || c.status === filter.status) &&
            (typeof filter.scheduleId !== 'number' || c.scheduleId === filter.scheduleId) &&
            (filter.startTime === undefined || inRange(c.startTime, filter.startTime)) &&
            (filter.endTime === undefined || inRange(c.endTime, filter.endTime)));
        const result = page(matching, body, 100, 10_000);
        return { items: result.items.map(callJson), ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}) };
    };
    return [
        {
            method: 'POST', path: '/functions/:id/call', write: true,
            handle: async ({ req, params }) => {
                const fn = functionById(env, params.id);
                const body = await readJson(req);
                if (body.nonce === undefined || body.nonce === null)
                    throw badRequest('nonce: may not be null. Create a session (POST /sessions) and pass its nonce.');
                if (fn.status !== 'Ready')
                    throw badRequest(`Function ${fn.id} is not ready (status ${fn.status}); wait for status Ready before calling it.`);
                const principal = consumeNonce(env, body.nonce);
                return new Reply(201, callJson(env.calls.start(fn, { data: body.data, principal })));
            },
        },
        { method: 'GET', path: '/functions/:id/calls', handle: async ({ params, query }) => listed(functionById(env, params.id), { limit: query.get('limit') ?? undefined, cursor: query.get('cursor') ?? undefined }) },
        {
            method: 'POST', path: '/functions/:id/calls/list',
            handle: async ({ req, params }) => listed(functionById(env, params.id), await readJson(req)),
        },
        {
            method: 'POST', path: '/functions/:id/calls/byids',
            handle: async ({ req, params }) => {
                const fn = functionById(env, params.id);
                const body = await readJson(req);
                const mine = state.calls.filter((c) => c.functionId === fn.id);
                return { items: resolve(mine, items(body, 10_000), body.ignoreUnknownIds === true).map(callJson) };
            },
        },
        { method: 'GET', path: '/functions/:id/calls/:callId', handle: async ({ params }) => callJson(callOf(env, functionById(env, params.id), params.callId)) },
        {
            method: 'GET', path: '/functions/:id/calls/:callId/response',
            handle: async ({ params }) => ({ response: callOf(env, functionById(env, params.id), params.callId).response ?? null }),
        },
        {
            method: 'GET', path: '/functions/:id/calls/:callId/logs',
            handle: async ({ params }) => ({ items: callOf(env, functionById(env, params.id), params.callId).logs }),
        },
    ];
}

;// CONCATENATED MODULE: ./packages/cdf-emulator/src/datasets.ts




const datasets_METADATA_LIMITS = { pairs: 256, key: 128, value: 10240, totalBytes: 10240 };
function fields(body) {
    const metadata = optStringMap(body, 'metadata');
    checkMetadata(metadata, datasets_METADATA_LIMITS);
    const out = {
        externalId: optString(body, 'externalId', 255),
        name: optString(body, 'name', 50),
        description: optString(body, 'description', 500),
        metadata,
        writeProtected: optBool(body, 'writeProtected') ?? false,
    };
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
function datasetsRoutes(env) {
    const state = env.store.state;
    return [
        {
            method: 'POST', path: '/datasets', write: true,
            handle: async ({ req }) => {
                const parsed = items(await readJson(req), 10).map(fields);
                assertUniqueExternalIds(state.datasets, parsed.map((p) => p.externalId));
                const now = Date.now();
                const created = parsed.map((p) => ({ ...p, id: env.store.newId(), createdTime: now, lastUpdatedTime: now }));
                state.datasets.push(...created);
                env.store.changed();
                return new Reply(201, { items: created });
            },
        },
        {
            method: 'POST', path: '/datasets/byids',
            handle: async ({ req }) => {
                const body = await readJson(req);
                return { items: resolve(state.datasets, items(body, 1000), body.ignoreUnknownIds === true) };
            },
        },
        {
            method: 'POST', path: '/datasets/list',
            handle: async ({ req }) => {
                const body = await readJson(req);
                const filter = body.filter ?? {};
                if (!isObject(filter))
                    throw badRequest('filter: must be an object');
                const matching = state.datasets.filter((d) => (typeof filter.externalIdPrefix !== 'string' || (d.externalId ?? '').startsWith(filter.externalIdPrefix)) &&
                    (typeof filter.writeProtected !== 'boolean' || d.writeProtected === filter.writeProtected) &&
                    (!isObject(filter.metadata) || Object.entries(filter.metadata).every(([k, v]) => d.metadata?.[k] === v)) &&
                    (filter.createdTime === undefined || inRange(d.createdTime, filter.createdTime)) &&
                    (filter.lastUpdatedTime === undefined || inRange(d.lastUpdatedTime, filter.lastUpdatedTime)));
                return page(matching, body, 100, 1000);
            },
        },
        {
            method: 'POST', path: '/datasets/update', write: true,
            handle: async ({ req }) => {
                const now = Date.now();
                const spec = { externalId: 'scalar', name: 'scalar', description: 'scalar', metadata: 'map', writeProtected: 'scalar' };
                const updated = updateAll(state.datasets, items(await readJson(req), 1000), spec, (patched, ds) => ({
                    ...fields(patched), id: ds.id, createdTime: ds.createdTime, lastUpdatedTime: now,
                }));
                env.store.changed();
                return { items: updated };
            },
        },
    ];
}

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
;// CONCATENATED MODULE: ./packages/cdf-emulator/src/faults.ts
/**
 * Fault injection: `429:0.1,503:0.05,latency:200ms,build-fail:0.2[,token]`. Draws come from
 * seeded generators (one for requests, one for builds), so a seed reproduces the same faults
 * for the same sequence of requests.
 */


const MESSAGES = {
    429: 'Too many requests. Please retry with exponential backoff (injected by the CDF emulator).',
    500: 'Internal server error (injected by the CDF emulator).',
    502: 'Bad gateway (injected by the CDF emulator).',
    503: 'Service unavailable (injected by the CDF emulator).',
    504: 'Gateway timeout (injected by the CDF emulator).',
};
function rate(text, entry) {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
        throw new errors/* MlopsError */.I(`Fault '${entry}': the rate must be a number between 0 and 1.`);
    return n;
}
function parseFaults(spec) {
    const out = { statuses: [], latencyMs: 0, buildFailRate: 0, token: false };
    for (const raw of (spec ?? '').split(',')) {
        const entry = raw.trim();
        if (!entry)
            continue;
        const [key, value = ''] = entry.split(':').map((s) => s.trim());
        if (/^\d{3}$/.test(key) && Number(key) >= 400) {
            out.statuses.push({ status: Number(key), rate: rate(value, entry) });
        }
        else if (key === 'latency') {
            const m = /^(\d+)(ms|s)?$/.exec(value);
            if (!m)
                throw new errors/* MlopsError */.I(`Fault '${entry}': latency must look like 200ms or 1s.`);
            out.latencyMs = Number(m[1]) * (m[2] === 's' ? 1000 : 1);
        }
        else if (key === 'build-fail') {
            out.buildFailRate = rate(value, entry);
        }
        else if (key === 'token') {
            out.token = true;
        }
        else {
            throw new errors/* MlopsError */.I(`Unknown fault '${entry}' in --faults: use <status>:<rate> (e.g. 429:0.1), latency:<N>ms, build-fail:<rate> or token.`);
        }
    }
    return out;
}
/** mulberry32: tiny, fast and good enough to make fault patterns reproducible. */
function seededRandom(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
class Faults {
    seed;
    spec = parseFaults(undefined);
    requestRng = seededRandom(1);
    buildRng = seededRandom(2);
    constructor(spec, seed) {
        this.seed = seed;
        this.set(spec);
    }
    /** Replaces the spec and restarts the generators, so the same spec + seed replays the same faults. */
    set(spec) {
        this.spec = parseFaults(spec);
        this.requestRng = seededRandom(this.seed);
        this.buildRng = seededRandom(this.seed ^ 0x9e3779b9);
    }
    appliesToToken() {
        return this.spec.token;
    }
    /** Waits the configured latency, then throws the injected error, if any, for one request. */
    async onRequest() {
        if (this.spec.latencyMs)
            await new Promise((r) => setTimeout(r, this.spec.latencyMs));
        for (const { status, rate: p } of this.spec.statuses) {
            if (this.requestRng() < p) {
                throw new ApiError(status, MESSAGES[status] ?? `Error ${status} (injected by the CDF emulator).`, {}, status === 429 || status === 503 ? { 'retry-after': '1' } : {});
            }
        }
    }
    buildFails() {
        return this.spec.buildFailRate > 0 && this.buildRng() < this.spec.buildFailRate;
    }
}

;// CONCATENATED MODULE: ./packages/cdf-emulator/src/files.ts
/** Files API: metadata CRUD, upload URLs (single and multipart), download links, list filters. */





const FILE_METADATA_LIMITS = { pairs: 256, key: 128, value: 10240, totalBytes: 10240 };
const MAX_PARTS = 250;
const DOWNLOAD_LINK_TTL_MS = 30 * 60 * 1000;
/** Download link tokens per emulator (short-lived, so not persisted). */
const downloadLinks = new WeakMap();
function linksOf(env) {
    let links = downloadLinks.get(env);
    if (!links)
        downloadLinks.set(env, (links = new Map()));
    return links;
}
const UPDATE_SPEC = {
    externalId: 'scalar', directory: 'scalar', source: 'scalar', mimeType: 'scalar', metadata: 'map', assetIds: 'list',
    sourceCreatedTime: 'scalar', sourceModifiedTime: 'scalar', dataSetId: 'scalar', securityCategories: 'list', labels: 'list',
};
function fileJson(f) {
    const { multipart: _multipart, ...rest } = f;
    return rest;
}
function boolParam(value) {
    return value !== null && value.toLowerCase() === 'true';
}
function assertDataSet(env, dataSetId, where) {
    if (dataSetId !== undefined && !env.store.state.datasets.some((d) => d.id === dataSetId)) {
        throw new ApiError(400, `${where}: data set not found`, { missing: [{ id: dataSetId }] });
    }
}
/** Validates a file's writable fields (create body or post-update record). */
function fileFields(env, body) {
    const metadata = optStringMap(body, 'metadata');
    checkMetadata(metadata, FILE_METADATA_LIMITS);
    const dataSetId = optInt(body, 'dataSetId');
    assertDataSet(env, dataSetId, 'dataSetId');
    const fields = {
        name: reqString(body, 'name', 256),
        externalId: optString(body, 'externalId', 255),
        directory: optString(body, 'directory', 512),
        source: optString(body, 'source', 128),
        mimeType: optString(body, 'mimeType', 256),
        metadata,
        assetIds: body.assetIds,
        dataSetId,
        labels: body.labels,
        sourceCreatedTime: optInt(body, 'sourceCreatedTime'),
        sourceModifiedTime: optInt(body, 'sourceModifiedTime'),
        securityCategories: body.securityCategories,
    };
    return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
function dataSetIdsOf(env, refs) {
    if (!Array.isArray(refs))
        throw badRequest('filter.dataSetIds: must be an array of {id} or {externalId}');
    const ids = new Set();
    refs.forEach((ref, i) => {
        const ds = find(env.store.state.datasets, identifier(ref, `filter.dataSetIds[${i}]`));
        if (ds)
            ids.add(ds.id);
    });
    return ids;
}
function matches(env, f, filter) {
    const str = (k) => (typeof filter[k] === 'string' ? filter[k] : undefined);
    if (str('name') !== undefined && f.name !== str('name'))
        return false;
    if (str('mimeType') !== undefined && f.mimeType !== str('mimeType'))
        return false;
    if (str('source') !== undefined && f.source !== str('source'))
        return false;
    if (str('externalIdPrefix') !== undefined && !(f.externalId ?? '').startsWith(str('externalIdPrefix')))
        return false;
    if (str('directoryPrefix') !== undefined && !(f.directory ?? '').startsWith(str('directoryPrefix')))
        return false;
    if (typeof filter.uploaded === 'boolean' && f.uploaded !== filter.uploaded)
        return false;
    if (isObject(filter.metadata) && !Object.entries(filter.metadata).every(([k, v]) => f.metadata?.[k] === v))
        return false;
    if (filter.dataSetIds !== undefined && (f.dataSetId === undefined || !dataSetIdsOf(env, filter.dataSetIds).has(f.dataSetId)))
        return false;
    if (Array.isArray(filter.assetIds) && !filter.assetIds.some((a) => f.assetIds?.includes(a)))
        return false;
    for (const k of ['createdTime', 'lastUpdatedTime', 'uploadedTime', 'sourceCreatedTime', 'sourceModifiedTime']) {
        if (filter[k] !== undefined && !inRange(f[k], filter[k]))
            return false;
    }
    return true;
}
/** `GET /files?name=...` carries the same filter as query parameters (objects JSON-encoded). */
function filterFromQuery(query) {
    const filter = {};
    for (const [k, v] of query) {
        if (k === 'limit' || k === 'cursor' || k === 'partition')
            continue;
        if (k === 'uploaded')
            filter[k] = v === 'true';
        else if (/^[[{]/.test(v)) {
            try {
                filter[k] = JSON.parse(v);
            }
            catch {
                throw badRequest(`${k}: invalid JSON value`);
            }
        }
        else
            filter[k] = v;
    }
    return filter;
}
function filesRoutes(env) {
    const state = env.store.state;
    const uploadUrl = (fileId, part) => {
        const token = (0,external_node_crypto_.randomBytes)(24).toString('base64url');
        state.uploads[token] = { fileId, part };
        return `${env.baseUrl()}/_emulator/upload/${token}`;
    };
    const forgetUploads = (fileId) => {
        for (const [t, u] of Object.entries(state.uploads))
            if (u.fileId === fileId)
                delete state.uploads[t];
    };
    /** Creates the file, or with overwrite replaces the one holding its externalId (same id, not uploaded). */
    const createFile = async (req, query) => {
        const fields = fileFields(env, await readJson(req));
        const now = Date.now();
        const existing = fields.externalId !== undefined ? state.files.find((f) => f.externalId === fields.externalId) : undefined;
        if (existing && !boolParam(query.get('overwrite')))
            assertUniqueExternalIds(state.files, [fields.externalId]);
        if (existing) {
            env.blobs.remove(existing.id);
            forgetUploads(existing.id);
            const replaced = { ...fields, id: existing.id, uploaded: false, createdTime: existing.createdTime, lastUpdatedTime: now };
            state.files[state.files.indexOf(existing)] = replaced;
            return replaced;
        }
        const file = { ...fields, id: env.store.newId(), uploaded: false, createdTime: now, lastUpdatedTime: now };
        state.files.push(file);
        return file;
    };
    const list = (filter, body) => {
        const f = filter === undefined ? {} : filter;
        if (!isObject(f))
            throw badRequest('filter: must be an object');
        const result = page(state.files.filter((file) => matches(env, file, f)), body, 100, 1000);
        return { items: result.items.map(fileJson), ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}) };
    };
    return [
        {
            method: 'POST', path: '/files', write: true,
            handle: async ({ req, query }) => {
                const file = await createFile(req, query);
                env.store.changed();
                return new Reply(201, { ...fileJson(file), uploadUrl: uploadUrl(file.id) });
            },
        },
        {
            method: 'POST', path: '/files/initmultipartupload', write: true,
            handle: async ({ req, query }) => {
                const parts = Number(query.get('parts'));
                if (!Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS)
                    throw badRequest(`parts: must be an integer between 1 and ${MAX_PARTS}`);
                const file = await createFile(req, query);
                file.multipart = { uploadId: (0,external_node_crypto_.randomBytes)(16).toString('hex'), parts };
                env.store.changed();
                const uploadUrls = Array.from({ length: parts }, (_, i) => uploadUrl(file.id, i));
                return new Reply(201, { ...fileJson(file), uploadUrls, uploadId: file.multipart.uploadId });
            },
        },
        {
            method: 'POST', path: '/files/completemultipartupload', write: true,
            handle: async ({ req }) => {
                const body = await readJson(req);
                const file = find(state.files, identifier(body, 'body'));
                if (!file)
                    throw new ApiError(400, 'File not found', { missing: [identifier(body, 'body')] });
                if (!file.multipart || file.multipart.uploadId !== body.uploadId)
                    throw badRequest('uploadId: no multipart upload with this id for the file');
                const absent = Array.from({ length: file.multipart.parts }, (_, i) => i).filter((i) => !env.blobs.has(file.id, i));
                if (absent.length)
                    throw badRequest(`Parts not uploaded yet: ${absent.join(', ')}`);
                await env.blobs.assemble(file.id, file.multipart.parts);
                delete file.multipart;
                forgetUploads(file.id);
                file.uploaded = true;
                file.uploadedTime = file.lastUpdatedTime = Date.now();
                env.store.changed();
                return {};
            },
        },
        {
            method: 'POST', path: '/files/byids',
            handle: async ({ req }) => {
                const body = await readJson(req);
                return { items: resolve(state.files, items(body, 1000), body.ignoreUnknownIds === true).map(fileJson) };
            },
        },
        {
            method: 'POST', path: '/files/list',
            handle: async ({ req }) => {
                const body = await readJson(req);
                return list(body.filter, body);
            },
        },
        { method: 'GET', path: '/files', handle: async ({ query }) => list(filterFromQuery(query), { limit: query.get('limit') ?? undefined, cursor: query.get('cursor') ?? undefined }) },
        {
            method: 'POST', path: '/files/downloadlink',
            handle: async ({ req }) => {
                const raw = items(await readJson(req), 100);
                const files = resolve(state.files, raw, false);
                const notUploaded = files.filter((f) => !f.uploaded || !env.blobs.has(f.id));
                if (notUploaded.length)
                    throw badRequest(`Files not uploaded: ${notUploaded.map((f) => f.id).join(', ')}`);
                return {
                    items: raw.map((r, i) => {
                        const ident = identifier(r, `items[${i}]`);
                        const token = (0,external_node_crypto_.randomBytes)(24).toString('base64url');
                        linksOf(env).set(token, { fileId: find(state.files, ident).id, expiresAt: Date.now() + DOWNLOAD_LINK_TTL_MS });
                        return { ...ident, downloadUrl: `${env.baseUrl()}/_emulator/download/${token}` };
                    }),
                };
            },
        },
        {
            method: 'POST', path: '/files/update', write: true,
            handle: async ({ req }) => {
                const now = Date.now();
                const updated = updateAll(state.files, items(await readJson(req), 1000), UPDATE_SPEC, (patched, f) => ({
                    ...fileFields(env, patched), id: f.id, uploaded: f.uploaded, uploadedTime: f.uploadedTime, createdTime: f.createdTime, lastUpdatedTime: now, multipart: f.multipart,
                }));
                env.store.changed();
                return { items: updated.map(fileJson) };
            },
        },
        {
            method: 'POST', path: '/files/delete', write: true,
            handle: async ({ req }) => {
                const body = await readJson(req);
                const doomed = resolve(state.files, items(body, 1000), body.ignoreUnknownIds === true);
                removeFrom(state.files, doomed);
                for (const f of doomed) {
                    env.blobs.remove(f.id);
                    forgetUploads(f.id);
                }
                env.store.changed();
                return {};
            },
        },
        {
            method: 'GET', path: '/files/:id',
            handle: async ({ params }) => {
                const ident = { id: Number(params.id) };
                const f = Number.isSafeInteger(ident.id) ? find(state.files, ident) : undefined;
                if (!f)
                    throw new ApiError(400, 'Ids not found', { missing: [ident] });
                return fileJson(f);
            },
        },
    ];
}
/** `PUT /_emulator/upload/<token>`: the signed-URL target; no bearer token needed, like cloud storage. */
async function handleUpload(env, token, req, res) {
    const target = env.store.state.uploads[token];
    const file = target && env.store.state.files.find((f) => f.id === target.fileId);
    if (!target || !file)
        throw notFound('Upload URL is unknown or the file was deleted.');
    if (target.part === undefined) {
        await env.blobs.write(bodyStream(req), file.id);
        file.uploaded = true;
        file.uploadedTime = file.lastUpdatedTime = Date.now();
    }
    else {
        await env.blobs.write(bodyStream(req), file.id, target.part);
    }
    env.store.changed();
    res.writeHead(200, { 'content-length': 0 });
    res.end();
}
/** `GET /_emulator/download/<token>`: streams the bytes. */
function handleDownload(env, token, res) {
    const link = linksOf(env).get(token);
    const file = link && link.expiresAt > Date.now() ? env.store.state.files.find((f) => f.id === link.fileId) : undefined;
    if (!file || !env.blobs.has(file.id))
        throw notFound('Download URL is unknown, expired, or the file was deleted.');
    res.writeHead(200, { 'content-type': file.mimeType ?? 'application/octet-stream', 'content-length': env.blobs.size(file.id) });
    env.blobs.read(file.id).pipe(res);
}

;// CONCATENATED MODULE: ./packages/cdf-emulator/src/request-log.ts
const MAX_ENTRIES = 100_000;
/** Records the request once the response is finished. Byte counts come from content-length (what went over the wire). */
function recordRequest(log, req, res, path) {
    const at = Date.now();
    // Reading the body here would steal it from the handler; chunked bodies count as 0.
    const requestBytes = Number(req.headers['content-length'] ?? 0);
    res.on('finish', () => {
        if (log.length >= MAX_ENTRIES)
            log.splice(0, log.length - MAX_ENTRIES + 1);
        log.push({ method: req.method ?? 'GET', path, status: res.statusCode, requestBytes, responseBytes: Number(res.getHeader('content-length') ?? 0), at });
    });
}

// EXTERNAL MODULE: ./node_modules/cron-parser/dist/index.js
var dist = __webpack_require__(8628);
;// CONCATENATED MODULE: ./packages/cdf-emulator/src/schedules.ts
/** Function schedules: CRUD, `input_data`, and a timer per schedule that really calls the function on its cron. */






/** setTimeout's ceiling (~24.8 days); longer waits re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;
function nextRun(cronExpression, after) {
    return dist.CronExpressionParser.parse(cronExpression, { currentDate: new Date(after), tz: 'UTC' }).next().getTime();
}
function scheduleJson(s) {
    const { data: _d, clientId: _c, write: _w, ...rest } = s;
    return rest;
}
class Scheduler {
    env;
    timers = new Map();
    constructor(env) {
        this.env = env;
    }
    /** Arms the timer for the schedule's next cron time. */
    arm(s, from = Date.now()) {
        const at = nextRun(s.cronExpression, from);
        const timer = setTimeout(() => (at - Date.now() > 0 ? this.arm(s, from) : this.fire(s, at)), Math.min(Math.max(0, at - Date.now()), MAX_TIMER_MS));
        timer.unref();
        this.timers.set(s.id, timer);
    }
    fire(s, scheduledTime) {
        const state = this.env.store.state;
        if (!state.schedules.includes(s))
            return;
        const fn = state.functions.find((f) => f.id === s.functionId);
        if (fn?.status === 'Ready') {
            this.env.calls.start(fn, { data: s.data ?? null, principal: { clientId: s.clientId, write: s.write }, scheduleId: s.id, scheduledTime });
        }
        else {
            this.env.log(`schedule ${s.id}: function ${s.functionId} is not Ready at ${new Date(scheduledTime).toISOString()}; skipped`);
        }
        this.arm(s, scheduledTime);
    }
    remove(id) {
        clearTimeout(this.timers.get(id));
        this.timers.delete(id);
        const state = this.env.store.state;
        state.schedules = state.schedules.filter((s) => s.id !== id);
        this.env.store.changed();
    }
    stop() {
        for (const t of this.timers.values())
            clearTimeout(t);
        this.timers.clear();
    }
}
function schedulesRoutes(env) {
    const state = env.store.state;
    const byId = (raw) => {
        const s = state.schedules.find((x) => String(x.id) === raw);
        if (!s)
            throw notFound(`Function schedule with id ${raw} not found`);
        return s;
    };
    const listed = (filter, limit) => {
        const f = filter ?? {};
        if (!isObject(f))
            throw badRequest('filter: must be an object');
        const matching = state.schedules.filter((s) => (typeof f.name !== 'string' || s.name === f.name) &&
            (typeof f.functionId !== 'number' || s.functionId === f.functionId) &&
            (typeof f.functionExternalId !== 'string' || s.functionExternalId === f.functionExternalId) &&
            (typeof f.cronExpression !== 'string' || s.cronExpression === f.cronExpression) &&
            (f.createdTime === undefined || inRange(s.createdTime, f.createdTime)));
        return { items: page(matching, { limit }, 100, 10_000).items.map(scheduleJson) };
    };
    return [
        {
            method: 'POST', path: '/functions/schedules', write: true,
            handle: async ({ req }) => {
                const [item] = items(await readJson(req), 1);
                const name = reqString(item, 'name', 140);
                const cronExpression = reqString(item, 'cronExpression', 1024);
                try {
                    nextRun(cronExpression, Date.now());
                }
                catch (err) {
                    throw badRequest(`cronExpression: '${cronExpression}' is not a valid cron expression (${err.message})`);
                }
                const functionId = optInt(item, 'functionId');
                const functionExternalId = optString(item, 'functionExternalId', 255);
                if ((functionId === undefined) === (functionExternalId === undefined))
                    throw badRequest('items[0]: exactly one of functionId and functionExternalId must be set');
                const ident = functionId !== undefined ? { id: functionId } : { externalId: functionExternalId };
                const fn = find(state.functions, ident);
                if (!fn)
                    throw new ApiError(400, 'Function not found', { missing: [ident] });
                if (item.data !== undefined && item.data !== null && !isObject(item.data))
                    throw badRequest('data: must be a JSON object');
                const principal = consumeNonce(env, item.nonce);
                const schedule = {
                    id: env.store.newId(), name, functionId: fn.id, cronExpression, createdTime: Date.now(), clientId: principal.clientId, write: principal.write,
                    ...(fn.externalId !== undefined ? { functionExternalId: fn.externalId } : {}),
                    ...(item.description !== undefined ? { description: optString(item, 'description', 500) } : {}),
                    ...(item.data !== undefined ? { data: item.data } : {}),
                };
                state.schedules.push(schedule);
                env.schedules.arm(schedule);
                env.store.changed();
                return new Reply(201, { items: [scheduleJson(schedule)] });
            },
        },
        { method: 'GET', path: '/functions/schedules', handle: async ({ query }) => listed({}, query.get('limit') ?? undefined) },
        {
            method: 'POST', path: '/functions/schedules/list',
            handle: async ({ req }) => {
                const body = await readJson(req);
                return listed(body.filter, body.limit);
            },
        },
        {
            method: 'POST', path: '/functions/schedules/byids',
            handle: async ({ req }) => {
                const body = await readJson(req);
                return { items: resolve(state.schedules, items(body, 10_000), body.ignoreUnknownIds === true).map(scheduleJson) };
            },
        },
        {
            method: 'POST', path: '/functions/schedules/delete', write: true,
            handle: async ({ req }) => {
                const body = await readJson(req);
                for (const s of resolve(state.schedules, items(body, 10_000), body.ignoreUnknownIds === true))
                    env.schedules.remove(s.id);
                return {};
            },
        },
        { method: 'GET', path: '/functions/schedules/:id', handle: async ({ params }) => scheduleJson(byId(params.id)) },
        {
            method: 'GET', path: '/functions/schedules/:id/input_data',
            handle: async ({ params }) => {
                const s = byId(params.id);
                return { id: s.id, data: s.data ?? null };
            },
        },
    ];
}

;// CONCATENATED MODULE: ./packages/cdf-emulator/src/store.ts
/**
 * The emulator's state and its persistence: one JSON file written atomically (tmp + rename)
 * shortly after every change, plus blobs and unpacked function code under the work directory.
 */


const STATE_FILE = 'state.json';
function freshState() {
    const now = Date.now();
    return {
        nextId: 1_000_000_001,
        files: [],
        // The Model Manager's default data set exists in every fresh emulator (contract A).
        datasets: [{ id: 1_000_000_000, externalId: 'mlops', name: 'mlops', description: 'MLOps artifacts and function code', writeProtected: false, createdTime: now, lastUpdatedTime: now }],
        sessions: [],
        functions: [],
        calls: [],
        schedules: [],
        tokens: {},
        uploads: {},
    };
}
class Store {
    persistDir;
    state;
    pending;
    /** `persistDir` undefined = memory only. */
    constructor(persistDir) {
        this.persistDir = persistDir;
        const file = persistDir && (0,external_node_path_.join)(persistDir, STATE_FILE);
        if (file && (0,external_node_fs_.existsSync)(file)) {
            this.state = { ...freshState(), ...JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8')) };
        }
        else {
            this.state = freshState();
        }
    }
    get restored() {
        return !!this.persistDir && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(this.persistDir, STATE_FILE));
    }
    newId() {
        return this.state.nextId++;
    }
    /** Schedules a save; many changes in one tick write once. */
    changed() {
        if (!this.persistDir || this.pending)
            return;
        this.pending = setImmediate(() => this.flush());
    }
    flush() {
        if (this.pending)
            clearImmediate(this.pending);
        this.pending = undefined;
        if (!this.persistDir)
            return;
        (0,external_node_fs_.mkdirSync)(this.persistDir, { recursive: true });
        const file = (0,external_node_path_.join)(this.persistDir, STATE_FILE);
        (0,external_node_fs_.writeFileSync)(`${file}.tmp`, JSON.stringify(this.state));
        (0,external_node_fs_.renameSync)(`${file}.tmp`, file);
    }
}

;// CONCATENATED MODULE: ./packages/cdf-emulator/src/index.ts
/**
 * A local CDF: a real HTTP server serving the subset of the CDF API the suite uses, as CDF does
 * (accepted unchanged by @cognite/sdk and cognite-sdk-python). Contract A in notes/contracts.md.
 */




















const TENANT = 'emulator-tenant';
const API_PREFIX = /^\/api\/v1\/projects\/([^/]+)(\/.*)?$/;
/** Calls running when the emulator last stopped can't be resumed: they failed. */
function recoverCalls(store) {
    for (const c of store.state.calls) {
        if (c.status !== 'Running')
            continue;
        c.status = 'Failed';
        c.endTime = Date.now();
        c.error = { message: 'The function call was interrupted: the emulator restarted.' };
    }
}
async function startEmulator(options = {}) {
    const project = options.project ?? 'mlops-emulator';
    const host = options.host ?? '127.0.0.1';
    const dataDir = options.dataDir && (0,external_node_path_.resolve)(options.dataDir);
    const workDir = dataDir ?? (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'cdf-emulator-'));
    const store = new Store(dataDir);
    const log = options.logger ?? (() => { });
    let baseUrl = '';
    const env = {
        store,
        blobs: new Blobs((0,external_node_path_.join)(workDir, 'blobs')),
        auth: new Auth(store, options.clients),
        faults: new Faults(options.faults, options.seed ?? 1),
        baseUrl: () => baseUrl,
        project,
        workDir,
        buildDelayMs: options.buildDelayMs ?? 300,
        callTimeoutMs: options.callTimeoutMs ?? 540_000,
        python: options.python ?? 'python3',
        log,
    };
    env.builds = new Builds(env);
    env.calls = new CallRunner(env);
    env.schedules = new Scheduler(env);
    const router = new Router();
    // Fixed paths before `:id` patterns that would shadow them.
    router.add([...filesRoutes(env), ...datasetsRoutes(env), ...sessionsRoutes(env), ...schedulesRoutes(env), ...functionsRoutes(env), ...callsRoutes(env), functionByIdRoute(env)]);
    const requests = [];
    async function api(req, res, method, path, query) {
        const m = API_PREFIX.exec(path);
        if (!m)
            throw new ApiError(404, `Not found: ${path}`);
        await env.faults.onRequest();
        const principal = env.auth.verify(req);
        if (decodeURIComponent(m[1]) !== project)
            throw new ApiError(403, `Resource not found. This may also be due to insufficient access rights (unknown project '${decodeURIComponent(m[1])}').`);
        const matched = router.match(method, m[2] ?? '/');
        if (matched === 'method')
            throw new ApiError(405, `Method ${method} is not allowed on ${m[2]}`);
        if (!matched)
            throw new ApiError(404, `Not found: ${m[2] ?? '/'}`);
        if (matched.route.write && !principal.write)
            throw new ApiError(403, `Forbidden: client '${principal.clientId}' has read-only access.`);
        const result = await matched.route.handle({ req, res, params: matched.params, query, principal });
        if (res.headersSent)
            return;
        if (result instanceof Reply)
            sendJson(res, result.status, result.body);
        else
            sendJson(res, 200, result ?? {});
    }
    async function handle(req, res) {
        const url = new URL(req.url ?? '/', 'http://emulator');
        const path = url.pathname;
        const method = req.method ?? 'GET';
        res.setHeader('x-request-id', (0,external_node_crypto_.randomBytes)(8).toString('hex'));
        if (!path.startsWith('/_emulator/requests'))
            recordRequest(requests, req, res, path);
        try {
            const upload = /^\/_emulator\/upload\/([^/]+)$/.exec(path);
            const download = /^\/_emulator\/download\/([^/]+)$/.exec(path);
            if (upload && (method === 'PUT' || method === 'POST'))
                await handleUpload(env, upload[1], req, res);
            else if (download && method === 'GET')
                handleDownload(env, download[1], res);
            else if (path === '/_emulator/health')
                sendJson(res, 200, { status: 'ok', project, url: baseUrl });
            else if (path === '/_emulator/requests' && method === 'GET')
                sendJson(res, 200, { items: requests });
            else if (path === '/_emulator/requests' && method === 'DELETE')
                sendJson(res, 200, { cleared: requests.splice(0).length });
            else if (method === 'POST' && path === `/${TENANT}/oauth2/v2.0/token`) {
                if (env.faults.appliesToToken())
                    await env.faults.onRequest();
                await env.auth.tokenEndpoint(req, res);
            }
            else
                await api(req, res, method, path, url.searchParams);
        }
        catch (err) {
            const apiErr = err instanceof ApiError ? err : new ApiError(500, `Internal emulator error: ${err.message}`);
            if (!(err instanceof ApiError))
                log(`internal error on ${method} ${path}: ${err.stack}`);
            if (!res.headersSent)
                sendJson(res, apiErr.status, errorBody(apiErr), apiErr.headers);
            else
                res.destroy();
        }
    }
    if (store.restored) {
        recoverCalls(store);
        for (const fn of store.state.functions)
            if (fn.status === 'Queued' || fn.status === 'Deploying')
                env.builds.start(fn);
        for (const s of store.state.schedules)
            env.schedules.arm(s);
        store.changed();
    }
    const server = (0,external_node_http_.createServer)((req, res) => void handle(req, res));
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, host, () => resolve());
    });
    const { port } = server.address();
    baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    let stopped;
    return {
        url: baseUrl,
        project,
        tenant: TENANT,
        tokenUrl: `${baseUrl}/${TENANT}/oauth2/v2.0/token`,
        requests,
        setFaults: (spec) => env.faults.set(spec),
        stop: () => (stopped ??= (async () => {
            env.schedules.stop();
            await new Promise((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            });
            await Promise.all([env.builds.stop(), env.calls.stop()]);
            store.flush();
            if (!dataDir)
                (0,external_node_fs_.rmSync)(workDir, { recursive: true, force: true });
        })()),
    };
}


/***/ })

};
