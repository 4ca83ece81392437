export const id = 74;
export const ids = [74];
export const modules = {

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

/***/ 7525:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M5: () => (/* binding */ loadSettings)
});

// UNUSED EXPORTS: MAX_SETTINGS_BYTES, displayPath

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/settings/metadata.ts
var settings_metadata = __webpack_require__(2234);
// EXTERNAL MODULE: ./packages/core/src/settings/messages.ts
var messages = __webpack_require__(1979);
;// CONCATENATED MODULE: ./packages/core/src/settings/repo-paths.ts
/** Settings paths: repo-relative, POSIX, inside the repository (symlinks included). */



/** Why `p` is not a usable repo-relative POSIX path, or undefined when it is. */
function repoPathProblem(p) {
    if (p.includes('\\'))
        return `paths use "/" on every platform; found ${(0,messages/* quoted */.TL)(p)}`;
    if (external_node_path_.posix.isAbsolute(p) || /^[A-Za-z]:/.test(p))
        return `must be relative to the repository root; found absolute path ${(0,messages/* quoted */.TL)(p)}`;
    const n = external_node_path_.posix.normalize(p);
    if (n === '..' || n.startsWith('../'))
        return `must stay inside the repository; found ${(0,messages/* quoted */.TL)(p)}`;
    if (n === '.' || n === './')
        return `must name a file or folder inside the repository, not the root itself; found ${(0,messages/* quoted */.TL)(p)}`;
    return undefined;
}
/**
 * Why the (already syntactically valid) repo path `p` cannot be used as an existing `kind`,
 * or undefined when it can. `realRepoRoot` is the repository root with symlinks resolved.
 */
function existingPathProblem(repoRoot, realRepoRoot, p, kind) {
    const abs = (0,external_node_path_.resolve)(repoRoot, p);
    let stat;
    let real;
    try {
        stat = (0,external_node_fs_.statSync)(abs, { throwIfNoEntry: false });
        if (!stat)
            return `${kind} ${(0,messages/* quoted */.TL)(p)} does not exist in the repository`;
        real = external_node_fs_.realpathSync.native(abs);
    }
    catch (err) {
        // A name too long for the file system, a symlink loop, no permission: say so, don't crash.
        return `${kind} ${(0,messages/* quoted */.TL)(p)} cannot be read (${err.code ?? String(err)})`;
    }
    if (kind === 'file' ? !stat.isFile() : !stat.isDirectory())
        return `${(0,messages/* quoted */.TL)(p)} must be a ${kind}; found a ${stat.isDirectory() ? 'folder' : 'file'}`;
    if (real !== realRepoRoot && !real.startsWith(realRepoRoot + external_node_path_.sep))
        return `${(0,messages/* quoted */.TL)(p)} leads outside the repository (through a symbolic link) to ${real}`;
    return undefined;
}

// EXTERNAL MODULE: ./packages/core/src/settings/runtimes.ts
var runtimes = __webpack_require__(1438);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./packages/core/src/settings/types.ts
var types = __webpack_require__(5926);
// EXTERNAL MODULE: ./packages/core/src/naming.ts
var naming = __webpack_require__(5189);
;// CONCATENATED MODULE: ./packages/core/src/settings/schema.ts
/**
 * The shape of one `mlops_settings.yaml` document (the Python package's fields, snake_case).
 * Only checks that need nothing but the value live here; the file system, uniqueness and
 * metadata budget are checked by the loader, which knows where each value was written.
 */






const MODEL_NAME_PATTERN = /^[A-Za-z0-9_]+$/;
/** Longest model name whose function and code-file external ids stay within CDF's 255. */
const MAX_MODEL_NAME_LENGTH = 255 - Math.max((0,naming/* codeFileExternalId */.gL)('', 'prediction', 'prod', '0'.repeat(64)).length, (0,naming/* functionExternalId */.x3)('', 'prediction', 'prod', 1e9).length);
const DEFAULT_HELPER_PACKAGES = ['akerbp-mlpet'];
const modelName = schemas/* string */.YjP()
    .max(MAX_MODEL_NAME_LENGTH)
    .regex(MODEL_NAME_PATTERN, { error: (i) => `must contain only letters, digits and _ (no spaces or dashes); found ${(0,messages/* quoted */.TL)(String(i.input))}` });
const repoPath = schemas/* string */.YjP()
    .min(1)
    .superRefine((p, ctx) => {
    const problem = repoPathProblem(p);
    if (problem)
        ctx.addIssue({ code: 'custom', message: problem, input: p });
})
    .transform((p) => external_node_path_.posix.normalize(p).replace(/\/$/, ''));
const serviceInfo = schemas/* strictObject */.rej({
    description: schemas/* string */.YjP().max(500),
    owner: schemas/* string */.YjP().min(1).max(128),
    metadata: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullish(),
});
const helperModel = schemas/* strictObject */.rej({
    name: modelName,
    env: schemas/* enum */.k5n(types/* ENVIRONMENTS */.ju).default('prod'),
    version: schemas/* int */.Whr().positive().nullish(),
    target_path: repoPath.optional(),
    packages_to_check: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).default(DEFAULT_HELPER_PACKAGES),
});
const modelDocumentSchema = schemas/* strictObject */.rej({
    model_name: modelName,
    human_friendly_model_name: schemas/* string */.YjP().min(1).max(140),
    model_file: repoPath.refine((p) => p.endsWith('.py'), { error: (i) => `must be a Python file (.py); found ${(0,messages/* quoted */.TL)(String(i.input))}` }),
    req_file: repoPath.refine((p) => !p.toLowerCase().endsWith('.txt'), {
        error: (i) => `must not end in .txt (the suite writes requirements.txt itself); use e.g. requirements.model; found ${(0,messages/* quoted */.TL)(String(i.input))}`,
    }),
    artifact_folder: repoPath.nullable().default(null),
    artifact_version: schemas/* int */.Whr().positive().nullish(),
    test_file: repoPath.nullable().default(null),
    platform: schemas/* enum */.k5n(['cdf', 'local']).default('cdf'),
    dataset: schemas/* string */.YjP().min(1).max(255).nullable().default('mlops'),
    /** Text as written; the loader turns it into a runtime id. */
    python_version: schemas/* string */.YjP().optional(),
    helper_models: schemas/* array */.YOg(schemas/* preprocess */.vkY((v) => (typeof v === 'string' ? { name: v } : v), helperModel))
        .nullish(),
    info: schemas/* strictObject */.rej({ prediction: serviceInfo, training: serviceInfo.nullish() }),
});
/**
 * Allowed keys per mapping, for "did you mean" on unknown keys; indexed by the path with list
 * indices replaced by `*`.
 */
const ALLOWED_KEYS = {
    '': Object.keys(modelDocumentSchema.shape),
    info: Object.keys(modelDocumentSchema.shape.info.shape),
    'info.prediction': Object.keys(serviceInfo.shape),
    'info.training': Object.keys(serviceInfo.shape),
    'helper_models.*': Object.keys(helperModel.shape),
};

;// CONCATENATED MODULE: ./packages/core/src/settings/yaml-nodes.ts
/**
 * Finds where a value came from in a parsed YAML document, following aliases and merge keys
 * (`<< : *desc`), so every problem points at the line the user has to edit.
 */

// Alias.resolve searches the whole document each time; settings look the same aliases up often.
const resolved = new WeakMap();
function deref(node, doc) {
    if (!(0,dist/* isAlias */.Vj)(node))
        return node;
    if (!resolved.has(node))
        resolved.set(node, node.resolve(doc));
    return resolved.get(node);
}
/** Every alias node of the document, in source order. */
function aliasesOf(doc) {
    const found = [];
    (0,dist/* visit */.YR)(doc, { Alias: (_, node) => void found.push(node) });
    return found;
}
/** The first alias that sits inside the node its anchor names (`a: &x [*x]`), if any. */
function circularAlias(doc) {
    return aliasesOf(doc).find((alias) => {
        const source = deref(alias, doc);
        const [start, end] = [alias.range?.[0], source?.range?.[1]];
        return start !== undefined && end !== undefined && source.range[0] <= start && start < end;
    });
}
function isMergeKey(key) {
    return (0,dist/* isScalar */.jn)(key) && (typeof key.value === 'symbol' || key.value === '<<');
}
/** The pair holding `key` in a mapping, looking through merged mappings as YAML does. */
function findPair(map, key, doc, depth = 0) {
    if (!(0,dist/* isMap */.jh)(map) || depth > 20)
        return undefined;
    const own = map.items.find((p) => !isMergeKey(p.key) && String((0,dist/* isScalar */.jn)(p.key) ? p.key.value : p.key) === key);
    if (own)
        return own;
    for (const p of map.items) {
        if (!isMergeKey(p.key))
            continue;
        const sources = (0,dist/* isSeq */.oP)(p.value) ? p.value.items : [p.value];
        for (const s of sources) {
            const found = findPair(deref(s, doc), key, doc, depth + 1);
            if (found)
                return found;
        }
    }
    return undefined;
}
/**
 * Source offset for `path`: the key (for unknown keys) or the value; when the path does not
 * exist (a missing field), the key of the deepest mapping that does, else the document start.
 */
function locateOffset(doc, path, want = 'value') {
    let node = doc.contents;
    let fallback = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
        node = deref(node, doc);
        const seg = path[i];
        const last = i === path.length - 1;
        if ((0,dist/* isSeq */.oP)(node) && typeof seg === 'number' && node.items[seg]) {
            node = node.items[seg];
            fallback = node.range?.[0] ?? fallback;
            continue;
        }
        const pair = findPair(node, String(seg), doc);
        if (!pair)
            return fallback;
        fallback = pair.key?.range?.[0] ?? fallback;
        if (last && want === 'key')
            return fallback;
        node = pair.value;
    }
    const start = node?.range?.[0];
    // `owner:` with nothing after it has no value worth pointing at; keep the key.
    return start === undefined || ((0,dist/* isScalar */.jn)(node) && node.value === null && !node.source) ? fallback : start;
}
/** The node at `path` (aliases and merges followed), or undefined. */
function nodeAt(doc, path) {
    let node = doc.contents;
    for (const seg of path) {
        node = deref(node, doc);
        node = (0,dist/* isSeq */.oP)(node) && typeof seg === 'number' ? node.items[seg] : findPair(node, String(seg), doc)?.value;
        if (node === undefined)
            return undefined;
    }
    return deref(node, doc);
}
/** Like `toJS`, but numbers stay as the user wrote them (`1e-3`, `-999.15`), for metadata strings. */
function toJsKeepingNumberText(node, doc) {
    node = deref(node, doc);
    if ((0,dist/* isScalar */.jn)(node))
        return typeof node.value === 'number' && node.source ? node.source : node.value;
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.map((i) => toJsKeepingNumberText(i, doc));
    if ((0,dist/* isMap */.jh)(node)) {
        const out = {};
        const merged = {};
        for (const p of node.items) {
            if (isMergeKey(p.key)) {
                const sources = (0,dist/* isSeq */.oP)(p.value) ? p.value.items : [p.value];
                for (const s of sources) {
                    // Earlier merge sources win, explicit keys win over all of them.
                    for (const [k, v] of Object.entries(toJsKeepingNumberText(s, doc)))
                        if (!(k in merged))
                            merged[k] = v;
                }
            }
            else {
                out[String((0,dist/* isScalar */.jn)(p.key) ? p.key.value : p.key)] = toJsKeepingNumberText(p.value, doc);
            }
        }
        return { ...merged, ...out };
    }
    return node ?? null;
}

;// CONCATENATED MODULE: ./packages/core/src/settings/load.ts
/**
 * Loads `mlops_settings.yaml`: one YAML document per model, anchors and merge keys allowed.
 * Every problem in the file is collected with its line and column and thrown at once as one
 * MlopsError, so users fix everything in one go.
 */












/** Settings files are a few kB; a bigger one is a mistake (or an attack), not worth parsing. */
const MAX_SETTINGS_BYTES = 1024 * 1024;
/** Nodes that aliases may expand to in one document: plenty for `<< : *desc`, far too few for a billion laughs. */
const MAX_ALIAS_COUNT = 10_000;
/** Paths as the user sees them: relative to the working directory (the workspace on a runner). */
function displayPath(abs) {
    const rel = (0,external_node_path_.relative)(process.cwd(), abs);
    const shown = rel && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? rel : abs;
    return shown.split(external_node_path_.sep).join('/');
}
function fieldLabel(label, path) {
    return path.reduce((s, seg) => (typeof seg === 'number' ? `${s}[${seg}]` : `${s}.${seg}`), label);
}
/** Collects located problems for one settings file. */
class ProblemList {
    file;
    lines;
    items = [];
    constructor(file, lines) {
        this.file = file;
        this.lines = lines;
    }
    add(offset, field, message) {
        const { line, col } = this.lines.linePos(offset);
        this.addAt(line, col, field, message);
    }
    addAt(line, column, field, message) {
        this.items.push({ file: this.file, line, column, field, message });
    }
    lineOf(offset) {
        return this.lines.linePos(offset).line;
    }
}
async function loadSettings(options) {
    const abs = options.repoRoot ? (0,external_node_path_.resolve)(options.repoRoot, options.file) : (0,external_node_path_.resolve)(options.file);
    const repoRoot = (0,external_node_path_.resolve)(options.repoRoot ?? (0,external_node_path_.dirname)(abs));
    const display = displayPath(abs);
    if (!(0,external_node_fs_.statSync)(repoRoot, { throwIfNoEntry: false })?.isDirectory()) {
        throw new errors/* MlopsError */.I(`The model repository folder ${displayPath(repoRoot)} does not exist; check working-directory / --repo.`);
    }
    let bytes;
    try {
        bytes = (0,external_node_fs_.readFileSync)(abs);
    }
    catch {
        throw new errors/* MlopsError */.I(`Settings file ${display} not found; create it with \`mlops init\` or point settings-file at it.`);
    }
    const text = decodeSettings(bytes, display);
    const lines = new dist/* LineCounter */.HN();
    const problems = new ProblemList(display, lines);
    const ctx = { repoRoot, realRepoRoot: external_node_fs_.realpathSync.native(repoRoot), env: options.env ?? 'test', problems };
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, merge: true, prettyErrors: true });
    const models = [];
    const seen = new Map();
    Array.from(docs).forEach((doc, i) => {
        const loaded = loadDocument(doc, i + 1, ctx, display);
        if (loaded?.name === undefined)
            return;
        const first = seen.get(loaded.name);
        if (first !== undefined) {
            problems.add(loaded.nameOffset, `${loaded.name}.model_name`, `model_name ${(0,messages/* quoted */.TL)(loaded.name)} is already used by the model at line ${first}; model names must be unique across documents`);
        }
        else {
            seen.set(loaded.name, problems.lineOf(loaded.nameOffset));
            if (loaded.model)
                models.push(loaded.model);
        }
    });
    if (problems.items.length === 0 && models.length === 0) {
        problems.add(0, 'document[1]', 'no models: the file must hold one YAML document (separated by ---) per model, starting with model_name');
    }
    if (problems.items.length) {
        const sorted = problems.items.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
        throw new errors/* MlopsError */.I(`${display}: ${sorted.length} problem${sorted.length === 1 ? '' : 's'} in settings`, sorted);
    }
    const file = (0,external_node_path_.relative)(repoRoot, abs).startsWith('..') ? abs : (0,external_node_path_.relative)(repoRoot, abs).split(external_node_path_.sep).join('/');
    return { file, repoRoot, models: selectModels(models, options.models, display) };
}
/** The file's text; too big or not UTF-8 (which would silently become U+FFFD in deployed metadata) is refused. */
function decodeSettings(bytes, display) {
    const refuse = (line, message) => {
        throw new errors/* MlopsError */.I(`${display}: ${message}`, [{ file: display, line, column: 1, message }]);
    };
    if (bytes.length > MAX_SETTINGS_BYTES) {
        refuse(1, `the settings file is ${bytes.length} bytes; at most 1 MiB (${MAX_SETTINGS_BYTES} bytes) is allowed`);
    }
    const text = bytes.toString('utf8');
    if (!(0,external_node_buffer_.isUtf8)(bytes)) {
        // Valid UTF-8 round-trips unchanged, so the first changed byte is the first invalid one.
        const back = Buffer.from(text);
        let at = 0;
        while (at < bytes.length && bytes[at] === back[at])
            at++;
        const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
        refuse(line, `the settings file must be UTF-8 text; found a byte sequence that is not UTF-8 (0x${bytes[at].toString(16)}) on line ${line}`);
    }
    return text;
}
function selectModels(models, wanted, display) {
    if (!wanted?.length)
        return models;
    const names = models.map((m) => m.modelName);
    const unknown = wanted.filter((w) => !names.includes(w));
    if (unknown.length) {
        throw new errors/* MlopsError */.I(`Unknown model${unknown.length === 1 ? '' : 's'} ${unknown.map((u) => `"${u}"`).join(', ')}: ${display} defines ${names.join(', ')}.`);
    }
    return models.filter((m) => wanted.includes(m.modelName));
}
/** The raw value at `path` when it is a string, else undefined (zod reports wrong types). */
function stringAt(fields, key) {
    return typeof fields[key] === 'string' ? fields[key] : undefined;
}
/** Validates one YAML document, recording every problem it has. */
function loadDocument(doc, index, ctx, display) {
    const { problems } = ctx;
    let label = `document[${index}]`;
    if (doc.errors.length) {
        for (const e of doc.errors) {
            const message = `YAML syntax error: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
            const where = e.linePos?.[0];
            if (where)
                problems.addAt(where.line, where.col, label, message);
            else
                problems.add(e.pos[0], label, message);
        }
        return undefined;
    }
    // A circular alias has no finite value (and would recurse forever in the metadata checks).
    const circular = circularAlias(doc);
    if (circular) {
        problems.add(circular.range?.[0] ?? 0, label, `alias *${circular.source} is used inside its own anchor &${circular.source}; settings cannot refer to themselves`);
        return undefined;
    }
    let raw;
    try {
        raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (err) {
        // yaml throws a ReferenceError when aliases expand past the limit (a "billion laughs" document).
        if (!(err instanceof ReferenceError))
            throw err;
        const first = aliasesOf(doc)[0];
        problems.add(first?.range?.[0] ?? locateOffset(doc, []), label, `YAML aliases expand to more than ${MAX_ALIAS_COUNT} nodes (${err.message}); use fewer or smaller *aliases`);
        return undefined;
    }
    if (raw === null || raw === undefined)
        return undefined; // an empty document, e.g. after a trailing ---
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        problems.add(locateOffset(doc, []), label, `each document must be a mapping of settings (model_name: ..., model_file: ...); found ${(0,messages/* describeFound */.Kq)(raw)}`);
        return undefined;
    }
    const fields = raw;
    const name = stringAt(fields, 'model_name');
    if (name !== undefined && name.length <= MAX_MODEL_NAME_LENGTH && MODEL_NAME_PATTERN.test(name))
        label = name;
    // A YAML `3.10` is the number 3.1; the runtime is decided from the text as written.
    const pv = nodeAt(doc, ['python_version']);
    if ((0,dist/* isScalar */.jn)(pv) && typeof pv.value === 'number')
        fields.python_version = pv.source ?? String(pv.value);
    const before = problems.items.length;
    const flagged = new Set();
    const add = (path, message, want = 'value') => {
        flagged.add(path.join('.'));
        problems.add(locateOffset(doc, path, want), fieldLabel(label, path), message);
    };
    const parsed = modelDocumentSchema.safeParse(fields, { reportInput: true });
    if (!parsed.success)
        reportSchemaIssues(parsed.error.issues, add);
    const checked = checkBeyondSchema(fields, doc, add, flagged, ctx);
    const result = { name, nameOffset: locateOffset(doc, ['model_name']) };
    if (parsed.success && problems.items.length === before) {
        result.model = toModelSettings(parsed.data, checked, { file: display, line: problems.lineOf(locateOffset(doc, [])) });
    }
    return result;
}
function reportSchemaIssues(issues, add) {
    // A misspelt key already says what it should be; "X is required" on top would be noise.
    const suggested = new Set();
    for (const issue of issues) {
        if (issue.code !== 'unrecognized_keys')
            continue;
        const path = issue.path;
        const allowed = ALLOWED_KEYS[path.map((s) => (typeof s === 'number' ? '*' : s)).join('.')];
        for (const key of issue.keys) {
            const { message, suggestion } = (0,messages/* unknownKeyMessage */.VP)(key, allowed);
            if (suggestion)
                suggested.add([...path, suggestion].join('.'));
            add([...path, key], message, 'key');
        }
    }
    for (const issue of issues) {
        if (issue.code === 'unrecognized_keys')
            continue;
        const missing = issue.code === 'invalid_type' && issue.input === undefined;
        if (missing && suggested.has(issue.path.join('.')))
            continue;
        add(issue.path, (0,messages/* issueMessage */.bg)(issue));
    }
}
/**
 * The checks zod cannot do alone: the runtime list (with its hint), files on disk and the
 * metadata budget. They run on the raw values even when the schema failed, so every problem
 * in the file shows up at once; values of the wrong type are left to the schema's message.
 */
function checkBeyondSchema(fields, doc, add, flagged, ctx) {
    let pythonVersion = runtimes/* RECOMMENDED_RUNTIME */.Nz;
    const written = stringAt(fields, 'python_version');
    if (written !== undefined) {
        const v = (0,runtimes/* normalizePythonVersion */.Gb)(written);
        if ('error' in v)
            add(['python_version'], v.error);
        else
            pythonVersion = v.runtime;
    }
    else if (fields.python_version === undefined && (fields.platform ?? 'cdf') === 'cdf') {
        add(['python_version'], `is required when platform is cdf (allowed: ${runtimes/* CDF_PYTHON_RUNTIMES */.$D.join(', ')})`);
    }
    const modelFile = stringAt(fields, 'model_file');
    if (modelFile !== undefined && !flagged.has('model_file') && !external_node_path_.posix.normalize(modelFile).includes('/')) {
        add(['model_file'], `must be inside a folder (e.g. model_code/${(0,messages/* quoted */.TL)(modelFile).slice(1, -1)}): that top folder is what gets deployed; found ${(0,messages/* quoted */.TL)(modelFile)}`);
    }
    const mustExist = (key, kind, why = '') => {
        const p = stringAt(fields, key);
        // A path the schema already refused (absolute, .txt, ...) gets no second message.
        if (p === undefined || flagged.has(key))
            return;
        const problem = existingPathProblem(ctx.repoRoot, ctx.realRepoRoot, p, kind);
        if (problem)
            add([key], problem + why);
    };
    mustExist('model_file', 'file');
    mustExist('req_file', 'file');
    mustExist('test_file', 'file');
    // Outside dev the artifact folder is downloaded from the Model Manager, so it need not exist.
    if (ctx.env === 'dev')
        mustExist('artifact_folder', 'folder', ' (in dev the local artifact folder is deployed as it is)');
    const metadata = {};
    for (const service of types/* SERVICES */.Bg) {
        const path = ['info', service, 'metadata'];
        const values = toJsKeepingNumberText(nodeAt(doc, path), doc);
        if (typeof values !== 'object' || values === null || Array.isArray(values))
            continue;
        const strings = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, (0,settings_metadata/* stringifyMetadataValue */.G2)(v)]));
        for (const issue of (0,settings_metadata/* checkMetadata */.sI)(strings)) {
            if (issue.at === 'map')
                add(path, issue.message, 'key');
            else
                add([...path, issue.key ?? ''], issue.message, issue.at);
        }
        metadata[service] = strings;
    }
    return { pythonVersion, metadata };
}
function toModelSettings(d, checked, source) {
    const service = (name, info) => ({
        description: info.description,
        owner: info.owner,
        metadata: checked.metadata[name] ?? {},
    });
    const training = d.info.training;
    return {
        modelName: d.model_name,
        humanFriendlyModelName: d.human_friendly_model_name,
        modelFile: d.model_file,
        reqFile: d.req_file,
        artifactFolder: d.artifact_folder,
        artifactVersion: d.artifact_version ?? null,
        testFile: d.test_file,
        platform: d.platform,
        dataset: d.dataset,
        pythonVersion: checked.pythonVersion,
        helperModels: (d.helper_models ?? []).map((h) => ({
            name: h.name,
            env: h.env,
            version: h.version ?? null,
            targetPath: h.target_path ?? `helper_models/${h.name}`,
            packagesToCheck: h.packages_to_check,
        })),
        info: training
            ? { prediction: service('prediction', d.info.prediction), training: service('training', training) }
            : { prediction: service('prediction', d.info.prediction) },
        source,
    };
}


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

/***/ 1438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ CDF_PYTHON_RUNTIMES),
/* harmony export */   Gb: () => (/* binding */ normalizePythonVersion),
/* harmony export */   Nz: () => (/* binding */ RECOMMENDED_RUNTIME)
/* harmony export */ });
/* unused harmony export setupPythonVersion */
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1979);
/** CDF Functions' Python runtimes, checked offline (the live list comes from `GET /functions/limits`). */

const CDF_PYTHON_RUNTIMES = ['py310', 'py311', 'py312', 'py313'];
/** The runtime new settings should use; also what we suggest to users of dropped runtimes. */
const RECOMMENDED_RUNTIME = 'py311';
/** Runtimes CDF used to offer, with when they went, so the message tells users what happened. */
const DROPPED = {
    py37: 'in 2023',
    py38: 'in 2024',
    py39: 'in Oct 2025',
};
/** `py311` → `3.11`: the version actions/setup-python installs for a runtime. */
function setupPythonVersion(runtime) {
    return `3.${runtime.slice(3)}`;
}
/**
 * `py311`, `3.11`, `python3.11` → `py311`; anything else → a message saying what is allowed.
 * Takes the text as written (a YAML `3.10` would otherwise arrive as the number 3.1).
 */
function normalizePythonVersion(written) {
    const m = /^\s*(?:py|python)?\s*3\.?(\d{1,2})\s*$/i.exec(written);
    const id = m ? `py3${m[1]}` : undefined;
    if (id && CDF_PYTHON_RUNTIMES.includes(id))
        return { runtime: id };
    const allowed = `allowed: ${CDF_PYTHON_RUNTIMES.join(', ')}`;
    if (id && DROPPED[id]) {
        return { error: `CDF dropped ${id} ${DROPPED[id]}; use python_version: ${RECOMMENDED_RUNTIME} (found ${(0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(written)}; ${allowed})` };
    }
    return { error: `must be a CDF Python runtime; found ${(0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(written)}; ${allowed}` };
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
