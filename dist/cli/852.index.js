export const id = 852;
export const ids = [852];
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

/***/ 2983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ fetchMissingArtifactFolder)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7638);
/**
 * Artifact folders for the tests: model repositories never commit them, so outside dev the
 * folder the tests (and the package) need comes from the Model Manager, as the Python package did.
 */



/**
 * Outside dev, a model whose artifact folder is not on disk gets it downloaded (`version`, else
 * the settings' artifact_version, else the latest in `env`). When the source cannot be had (no
 * credentials): `required` fails at the settings' artifact_folder; otherwise it warns and the
 * tests report the missing folder.
 */
async function fetchMissingArtifactFolder(o) {
    const folder = o.model.artifactFolder;
    if (!folder || o.env === 'dev' || (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(o.repoRoot, folder)).catch(() => null)))
        return;
    let source;
    try {
        source = await o.source();
    }
    catch (err) {
        if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .I))
            throw err;
        if (o.required) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .I(`The artifact folder of model "${o.model.modelName}" is missing and cannot be downloaded from the Model Manager: ${err.message}`, [{
                    file: o.model.source.file,
                    line: o.model.source.line,
                    field: 'artifact_folder',
                    message: `${folder} is not on disk; outside dev (here ${o.env}) it is downloaded from CDF. Give the credentials, or create ${folder} locally.`,
                }]);
        }
        o.log.warning(`${folder} is not on disk and it cannot be downloaded (${err.message}).`, { file: o.model.source.file, line: o.model.source.line });
        return;
    }
    const got = await o.log.group(`Download the artifacts of ${o.model.modelName} (${o.env})`, () => source.materialize(o.model, o.env, o.version ?? null, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(o.repoRoot, folder)));
    o.log.info(`${folder} was missing: downloaded artifact version ${got.version} (${o.env}) for the tests.`);
}


/***/ }),

/***/ 9639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ tail),
/* harmony export */   w: () => (/* binding */ runPython)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7638);
/** Runs the user's Python: captured output, and a missing interpreter as a clear error. */


function runPython(python, args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(python, args, {
            cwd: options.cwd,
            env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1', ...options.env },
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
        child.stdin.on('error', () => { }); // a process that exits early closes stdin under us
        child.stdin.end(options.stdin ?? '');
        const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
        child.on('error', (err) => {
            clearTimeout(timer);
            reject(err.code === 'ENOENT'
                ? new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MlopsError */ .I(`The Python interpreter "${python}" was not found; install Python 3.10+ or set the python input / --python to its path.`)
                : new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MlopsError */ .I(`Could not start "${python}": ${err.message}`));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
        });
    });
}
/** The last lines of some output, for error messages that must stay one paragraph. */
function tail(text, lines = 8) {
    return text.trim().split('\n').slice(-lines).join('\n');
}


/***/ }),

/***/ 1948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ checkBuild),
/* harmony export */   d: () => (/* binding */ ensureRequirements)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _assets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3008);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7638);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9639);
/**
 * Makes the model's requirements importable before its tests run. `pip install` is skipped when
 * the emulator's build check (contract B: every requirement installed at the pinned version)
 * already passes, so offline runners with everything installed never touch the network.
 */




/** Contract B's check: `{"ok": true}` or the reason CDF's build would fail. */
async function checkBuild(python, codeDir) {
    const r = await (0,_process_js__WEBPACK_IMPORTED_MODULE_1__/* .runPython */ .w)(python, [(0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)((0,_assets_js__WEBPACK_IMPORTED_MODULE_2__/* .assetDir */ .Y)('emulator-python'), 'check_build.py')], { cwd: codeDir });
    const line = r.stdout.trim().split('\n').at(-1) ?? '';
    try {
        const parsed = JSON.parse(line);
        return parsed.ok ? { ok: true } : { ok: false, message: parsed.error?.message ?? 'unknown build error' };
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`The build check failed to run with "${python}" (exit code ${r.code}):\n${(0,_process_js__WEBPACK_IMPORTED_MODULE_1__/* .tail */ .R)(r.stderr || r.stdout)}`);
    }
}
/** `codeDir` is an unpacked function package: its requirements.txt is the one CDF installs. */
async function ensureRequirements(o) {
    const before = await checkBuild(o.python, o.codeDir);
    if (before.ok) {
        o.log.info('Requirements already satisfied; skipping pip install.');
        return;
    }
    o.log.info(`Installing requirements (${before.message})`);
    const pip = await (0,_process_js__WEBPACK_IMPORTED_MODULE_1__/* .runPython */ .w)(o.python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-r', 'requirements.txt'], { cwd: o.codeDir });
    o.log.debug(`${pip.stdout}${pip.stderr}`);
    if (pip.code !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`pip could not install the model's requirements (${before.message}):\n${(0,_process_js__WEBPACK_IMPORTED_MODULE_1__/* .tail */ .R)(pip.stderr || pip.stdout)}`);
    }
    const after = await checkBuild(o.python, o.codeDir);
    if (!after.ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`The model's requirements are still not satisfied after pip install: ${after.message}`);
}


/***/ }),

/***/ 6346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ runServiceTest),
/* harmony export */   OB: () => (/* binding */ readServiceTestPayload)
/* harmony export */ });
/* unused harmony export serviceTestAttribute */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _assets_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3008);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7638);
/* harmony import */ var _packaging_unzip_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1407);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9639);
/* harmony import */ var _requirements_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1948);
/**
 * The service test: the packaged handler, run the way CDF runs it (contract B's runner, in a
 * subprocess, with a client bound to a local emulator), must answer the ServiceTest payload
 * with status "ok".
 */








/** Imports the test module and dumps `ServiceTest.<attr>`, with the lines to annotate. */
const READ_PAYLOAD = String.raw `
import ast, importlib, json, sys, traceback
test_file, attr, out = sys.argv[1:4]
result = {"class_line": None, "attr_line": None}
try:
    tree = ast.parse(open(test_file, "rb").read())
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "ServiceTest":
            result["class_line"] = node.lineno
            for st in node.body:
                targets = st.targets if isinstance(st, ast.Assign) else [st.target] if isinstance(st, ast.AnnAssign) else []
                if any(isinstance(t, ast.Name) and t.id == attr for t in targets):
                    result["attr_line"] = st.lineno
except SyntaxError:
    pass
try:
    module = importlib.import_module(test_file[:-3].replace("/", "."))
    cls = getattr(module, "ServiceTest", None)
    if cls is None:
        result["error"] = "no-class"
    elif not hasattr(cls, attr):
        result["error"] = "no-attr"
    else:
        try:
            result["payload"] = json.loads(json.dumps(getattr(cls, attr), allow_nan=False))
        except (TypeError, ValueError) as e:
            result["error"] = "not-json"
            result["message"] = str(e)
except BaseException as e:
    result["error"] = "import"
    result["message"] = "".join(traceback.format_exception_only(type(e), e)).strip()
json.dump(result, open(out, "w"))
`;
function serviceTestAttribute(service) {
    return service === 'training' ? 'training_input' : 'prediction_input';
}
/** `ServiceTest.prediction_input` (or `training_input`) of the model's test file, as JSON. */
async function readServiceTestPayload(o) {
    const testFile = o.model.testFile;
    if (!testFile) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`Model "${o.model.modelName}" has no test_file, so it has no ServiceTest payload for the service test.`, [{ file: o.model.source.file, line: o.model.source.line, field: 'test_file', message: 'Set test_file to a file with a ServiceTest class.' }]);
    }
    const attr = serviceTestAttribute(o.service);
    const scratch = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'mlops-payload-'));
    try {
        const out = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(scratch, 'payload.json');
        const r = await (0,_process_js__WEBPACK_IMPORTED_MODULE_4__/* .runPython */ .w)(o.python, ['-c', READ_PAYLOAD, testFile, attr, out], {
            cwd: o.repoRoot,
            env: { PYTHONPATH: [o.repoRoot, process.env.PYTHONPATH].filter(Boolean).join(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter) },
        });
        const read = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(out, 'utf8').catch(() => 'null'));
        if (!read)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`Could not read ServiceTest from ${testFile} with "${o.python}":\n${(0,_process_js__WEBPACK_IMPORTED_MODULE_4__/* .tail */ .R)(r.stderr || r.stdout)}`);
        const at = (line, message) => ({ file: testFile, line: line ?? undefined, field: `ServiceTest.${attr}`, message });
        switch (read.error) {
            case 'no-class':
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`${testFile} has no ServiceTest class.`, [at(null, `Add \`class ServiceTest:\` with a \`${attr}\` payload (the data the ${o.service} service is called with).`)]);
            case 'no-attr':
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`ServiceTest in ${testFile} has no ${attr}.`, [at(read.class_line, `Add \`${attr} = {...}\` to ServiceTest: the payload the ${o.service} service test sends.`)]);
            case 'not-json':
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`ServiceTest.${attr} in ${testFile} is not JSON.`, [at(read.attr_line ?? read.class_line, `The payload must be JSON (dicts, lists, strings, finite numbers, booleans, None): ${read.message}`)]);
            case 'import':
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`Importing ${testFile} failed: ${read.message}`, [at(read.class_line, `${testFile} must import cleanly to read ServiceTest: ${read.message}`)]);
            default:
                return { payload: read.payload, line: read.attr_line ?? read.class_line ?? undefined };
        }
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(scratch, { recursive: true, force: true });
    }
}
async function emulatorToken(e) {
    const res = await fetch(e.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'mlops-service-test', client_secret: 'local', scope: `${e.url}/.default` }),
    });
    if (!res.ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`The local emulator refused a token (${res.status}).`);
    return (await res.json()).access_token;
}
async function runServiceTest(o) {
    const { payload, line } = await readServiceTestPayload(o);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(o.payloadFile, `${JSON.stringify(payload, null, 2)}\n`);
    const scratch = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'mlops-service-test-'));
    const codeDir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(scratch, 'code');
    const resultFile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(scratch, 'result.json');
    let started;
    try {
        await (0,_packaging_unzip_js__WEBPACK_IMPORTED_MODULE_5__/* .extractZip */ .J)(o.packagePath, codeDir);
        const build = await (0,_requirements_js__WEBPACK_IMPORTED_MODULE_6__/* .checkBuild */ .D)(o.python, codeDir);
        if (!build.ok)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`The package of model "${o.model.modelName}" would not build in CDF: ${build.message}`);
        let emulator = o.emulator;
        if (!emulator) {
            // Loaded on demand: only the service test needs a server.
            const { startEmulator } = await Promise.all(/* import() */[__webpack_require__.e(628), __webpack_require__.e(662)]).then(__webpack_require__.bind(__webpack_require__, 7662));
            const running = await startEmulator({ python: o.python });
            started = running;
            emulator = running;
        }
        const request = {
            function_path: 'handler.py',
            data: payload,
            secrets: null,
            function_call_info: { function_id: 1, call_id: 1, schedule_id: null, scheduled_time: null },
            cdf: { base_url: emulator.url, project: emulator.project, token: await emulatorToken(emulator) },
            result_file: resultFile,
        };
        const run = await o.log.group(`service test: ${o.model.modelName} ${o.service}`, async () => {
            const r = await (0,_process_js__WEBPACK_IMPORTED_MODULE_4__/* .runPython */ .w)(o.python, [(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,_assets_js__WEBPACK_IMPORTED_MODULE_7__/* .assetDir */ .Y)('emulator-python'), 'run_function.py')], { cwd: codeDir, stdin: JSON.stringify(request) });
            if (r.stdout.trim() || r.stderr.trim())
                o.log.info(`${r.stdout}${r.stderr}`.trimEnd());
            return r;
        });
        const result = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(resultFile, 'utf8').catch(() => 'null'));
        const attr = `ServiceTest.${serviceTestAttribute(o.service)}`;
        const fail = (message) => new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MlopsError */ .I(`The ${o.service} service test of model "${o.model.modelName}" failed:`, [{ file: o.model.testFile ?? undefined, line, field: attr, message }]);
        if (!result)
            throw fail(`the handler crashed (exit code ${run.code}): ${(0,_process_js__WEBPACK_IMPORTED_MODULE_4__/* .tail */ .R)(run.stderr)}`);
        if (!result.ok)
            throw fail(result.error?.message ?? 'handle() raised');
        const response = result.response;
        if (!response || typeof response !== 'object' || response.status !== 'ok') {
            const why = response && typeof response === 'object' && typeof response.message === 'string' ? response.message : JSON.stringify(response);
            throw fail(`the service answered ${JSON.stringify(response?.status ?? null)} instead of "ok": ${why}`);
        }
        o.log.info(`Service test of ${o.model.modelName} (${o.service}) passed: ${JSON.stringify(response).slice(0, 300)}`);
        return { payloadFile: o.payloadFile, response };
    }
    finally {
        await started?.stop();
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(scratch, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gm: () => (/* binding */ TEST_SUMMARY_HEADINGS),
  t: () => (/* binding */ testFailure),
  Z1: () => (/* binding */ testModels),
  W3: () => (/* binding */ testSummaryRows)
});

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
// EXTERNAL MODULE: ./packages/core/src/packaging/package-models.ts + 5 modules
var package_models = __webpack_require__(9934);
// EXTERNAL MODULE: ./packages/core/src/packaging/sources.ts
var sources = __webpack_require__(1911);
// EXTERNAL MODULE: ./packages/core/src/packaging/unzip.ts
var unzip = __webpack_require__(1407);
// EXTERNAL MODULE: ./packages/core/src/settings/load.ts + 3 modules
var load = __webpack_require__(7525);
// EXTERNAL MODULE: ./packages/core/src/testing/artifact-folder.ts
var artifact_folder = __webpack_require__(2983);
;// CONCATENATED MODULE: ./packages/core/src/testing/junit.ts
/**
 * Reads pytest's JUnit XML (xunit1 flavour, which carries file and line) into counts and located
 * failures. A small parser for this one well-formed format, not a general XML library.
 */

function decode(s) {
    return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, e) => {
        if (e[0] === '#')
            return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
        return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e];
    });
}
function parseXml(xml) {
    const root = { name: '#root', attrs: {}, children: [], text: '' };
    const stack = [root];
    const token = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
    for (let m; (m = token.exec(xml));) {
        const top = stack[stack.length - 1];
        if (m[1] !== undefined)
            top.text += m[1];
        else if (m[6] !== undefined)
            top.text += decode(m[6]);
        else if (m[3] && m[2] === '/')
            stack.pop();
        else if (m[3]) {
            const attrs = {};
            for (const a of (m[4] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
                attrs[a[1]] = decode(a[2] ?? a[3]);
            const el = { name: m[3], attrs, children: [], text: '' };
            top.children.push(el);
            if (!m[5])
                stack.push(el);
        }
    }
    return root;
}
function* junit_elements(el, name) {
    for (const c of el.children) {
        if (c.name === name)
            yield c;
        else
            yield* junit_elements(c, name);
    }
}
/**
 * Where a failure happened: the deepest traceback frame inside the repository (pytest prints
 * `path:line: Error` and `File "path", line N`), else the test's own definition.
 */
function locate(text, repoRoot, fallback) {
    const frames = [];
    for (const m of text.matchAll(/^(?:E\s+)?(?:File "([^"]+)", line (\d+)|([^\s:"][^:\n"]*\.py):(\d+): )/gm)) {
        const path = m[1] ?? m[3];
        const rel = ((0,external_node_path_.isAbsolute)(path) ? (0,external_node_path_.relative)(repoRoot, path) : path).split('\\').join('/');
        // A virtualenv inside the repo is not the user's code.
        if (!rel.startsWith('..') && !rel.includes('site-packages/'))
            frames.push({ file: rel, line: Number(m[2] ?? m[4]) });
    }
    return frames.at(-1) ?? fallback;
}
function parseJUnit(xml, repoRoot) {
    const summary = { passed: 0, failed: 0, skipped: 0, failures: [] };
    for (const tc of junit_elements(parseXml(xml), 'testcase')) {
        const problem = tc.children.find((c) => c.name === 'failure' || c.name === 'error');
        if (tc.children.some((c) => c.name === 'skipped') && !problem) {
            summary.skipped++;
            continue;
        }
        if (!problem) {
            summary.passed++;
            continue;
        }
        summary.failed++;
        // xunit1 lines are 0-based; collection errors have no file, only a dotted module name.
        const file = tc.attrs.file ?? (tc.attrs.classname ? undefined : `${tc.attrs.name.replace(/\./g, '/')}.py`);
        const line = tc.attrs.line !== undefined ? Number(tc.attrs.line) + 1 : undefined;
        const name = `${file ?? tc.attrs.classname}::${tc.attrs.name}`;
        const first = (problem.attrs.message ?? '').trim() || problem.text.trim().split('\n').at(-1) || problem.name;
        summary.failures.push({ name, ...locate(problem.text, repoRoot, { file, line }), message: first.length > 1000 ? `${first.slice(0, 1000)}…` : first });
    }
    return summary;
}

// EXTERNAL MODULE: ./packages/core/src/testing/process.ts
var testing_process = __webpack_require__(9639);
;// CONCATENATED MODULE: ./packages/core/src/testing/pytest.ts
/** Runs a model's test_file with pytest and reads the JUnit report. */





async function runModelTests(o) {
    if (!o.model.testFile)
        throw new errors/* MlopsError */.I(`Model "${o.model.modelName}" has no test_file.`);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(o.junitFile), { recursive: true });
    await (0,promises_.rm)(o.junitFile, { force: true });
    const args = [
        '-m', 'pytest', o.model.testFile, `--junitxml=${o.junitFile}`,
        // xunit1 records each test's file and line, which the annotations need.
        '-o', 'junit_family=xunit1',
        // The cache would be written into the user's repository.
        '-p', 'no:cacheprovider',
    ];
    // The repo root is the import base (`import model_code.helper`), as in the deployed function.
    const pythonPath = [o.repoRoot, process.env.PYTHONPATH].filter(Boolean).join(external_node_path_.delimiter);
    const run = await o.log.group(`pytest ${o.model.testFile}`, async () => {
        const r = await (0,testing_process/* runPython */.w)(o.python, args, { cwd: o.repoRoot, env: { PYTHONPATH: pythonPath } });
        o.log.info(`${r.stdout}${r.stderr}`.trimEnd());
        return r;
    });
    if (/No module named pytest/.test(run.stderr)) {
        throw new errors/* MlopsError */.I(`pytest is not installed for "${o.python}"; add pytest to the model's requirements or run \`${o.python} -m pip install pytest\`.`);
    }
    const xml = await (0,promises_.readFile)(o.junitFile, 'utf8').catch(() => null);
    if (xml === null) {
        throw new errors/* MlopsError */.I(`pytest did not run the tests of model "${o.model.modelName}" (exit code ${run.code}):\n${(0,testing_process/* tail */.R)(`${run.stdout}\n${run.stderr}`)}`);
    }
    const summary = parseJUnit(xml, o.repoRoot);
    // pytest exits 5 when it collected nothing: not a failure, but worth saying.
    if (run.code === 5)
        o.log.warning(`No tests were collected from ${o.model.testFile}.`, { file: o.model.testFile });
    return summary;
}

// EXTERNAL MODULE: ./packages/core/src/testing/requirements.ts
var requirements = __webpack_require__(1948);
// EXTERNAL MODULE: ./packages/core/src/testing/service-test.ts
var service_test = __webpack_require__(6346);
;// CONCATENATED MODULE: ./packages/core/src/testing/test-models.ts
/**
 * `test-model` / `mlops test`: for each model, fetch a missing artifact folder (outside dev),
 * package it as package-model does, make its requirements importable, run its pytest tests, then
 * the service test. Every model is tested
 * even when an earlier one fails; problems come back located for annotations.
 */














function asProblems(err, model) {
    if (!(err instanceof errors/* MlopsError */.I))
        throw err;
    return err.problems.length ? err.problems.map((p) => ({ ...p, message: `${err.message} ${p.message}` })) : [{ file: model.source.file, line: model.source.line, message: err.message }];
}
async function testModels(o) {
    // The service test runs the package a dev deployment would get: artifacts from the repo
    // (downloaded first outside dev, so the settings need not find them on disk then).
    const settings = await (0,load/* loadSettings */.M5)({ file: o.settingsFile, repoRoot: o.workingDirectory, env: o.artifactEnv ?? 'dev', models: o.models.length ? o.models : undefined });
    const repoRoot = settings.repoRoot;
    const out = (0,external_node_path_.join)(repoRoot, o.outputDir);
    await (0,promises_.mkdir)(out, { recursive: true });
    // One client, made on first use, for missing artifacts and helper models' packages.
    const shared = o.cdfClient && (0,client/* clientOnFirstUse */._J)(o.cdfClient);
    const packaging = {
        settingsFile: o.settingsFile, workingDirectory: repoRoot, models: [], env: 'dev', service: o.service, artifactSource: 'local',
        artifactVersion: null, outputDir: (0,external_node_path_.join)(out, 'packages'), cdfClient: shared, log: o.log,
    };
    const local = (0,sources/* localArtifactSource */.n)(repoRoot);
    let cdf;
    const cdfArtifacts = async () => {
        if (!shared)
            throw new errors/* MlopsError */.I('no CDF credentials were given.');
        return (0,source/* cdfArtifactSource */.h)(await shared(), undefined, o.log);
    };
    let emulator;
    const results = [];
    try {
        for (const model of settings.models.filter((m) => !o.models.length || o.models.includes(m.modelName))) {
            const result = { model: model.modelName, tests: null, junitFile: null, serviceTest: 'not run', payloadFile: null, problems: [] };
            results.push(result);
            try {
                await (0,artifact_folder/* fetchMissingArtifactFolder */.$)({
                    repoRoot, model, env: o.artifactEnv ?? 'dev', version: o.artifactVersion, source: () => (cdf ??= cdfArtifacts()), required: true, log: o.log,
                });
                const pkg = await (0,package_models/* packageModel */.gR)(packaging, repoRoot, model, async () => local);
                if (o.installRequirements) {
                    const codeDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'mlops-requirements-'));
                    try {
                        await (0,unzip/* extractZip */.J)(pkg.path, codeDir);
                        await (0,requirements/* ensureRequirements */.d)({ python: o.python, codeDir, log: o.log });
                    }
                    finally {
                        await (0,promises_.rm)(codeDir, { recursive: true, force: true });
                    }
                }
                if (model.testFile) {
                    result.junitFile = (0,external_node_path_.join)(out, `${model.modelName}-junit.xml`);
                    result.tests = await runModelTests({ repoRoot, model, python: o.python, junitFile: result.junitFile, log: o.log });
                    for (const f of result.tests.failures)
                        result.problems.push({ file: f.file, line: f.line, message: `${f.name} failed: ${f.message}` });
                }
                else {
                    o.log.warning(`Model "${model.modelName}" has no test_file: no tests and no service test run.`, { file: model.source.file, line: model.source.line });
                    continue;
                }
                if (!emulator) {
                    const { startEmulator } = await Promise.all(/* import() */[__webpack_require__.e(628), __webpack_require__.e(662)]).then(__webpack_require__.bind(__webpack_require__, 7662));
                    emulator = await startEmulator({ python: o.python });
                }
                result.serviceTest = 'failed';
                const payloadFile = (0,external_node_path_.join)(out, `${model.modelName}-${o.service}-payload.json`);
                await (0,service_test/* runServiceTest */.LH)({ repoRoot, model, service: o.service, packagePath: pkg.path, python: o.python, payloadFile, emulator, log: o.log });
                result.payloadFile = payloadFile;
                result.serviceTest = 'passed';
            }
            catch (err) {
                result.problems.push(...asProblems(err, model));
            }
        }
    }
    finally {
        await emulator?.stop();
    }
    return results;
}
const TEST_SUMMARY_HEADINGS = ['Model', 'Passed', 'Failed', 'Skipped', 'Service test'];
/** One summary row per model: the job summary and `mlops test` show the same figures. */
function testSummaryRows(results) {
    return results.map((r) => [r.model, r.tests?.passed ?? '-', r.tests?.failed ?? '-', r.tests?.skipped ?? '-', r.serviceTest]);
}
/** The error that fails the step when any model failed, carrying every located problem; else null. */
function testFailure(results) {
    const failed = results.filter((r) => r.problems.length);
    if (!failed.length)
        return null;
    const problems = failed.flatMap((r) => r.problems);
    return new errors/* MlopsError */.I(`${failed.map((r) => r.model).join(', ')} failed testing (${problems.length} problem(s)).`, problems);
}


/***/ })

};
