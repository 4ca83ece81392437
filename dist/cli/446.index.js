export const id = 446;
export const ids = [446];
export const modules = {

/***/ 5446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ validateCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/settings/inputs.ts
var inputs = __webpack_require__(3922);
// EXTERNAL MODULE: ./packages/core/src/settings/load.ts + 3 modules
var load = __webpack_require__(7525);
// EXTERNAL MODULE: ./packages/core/src/naming.ts
var naming = __webpack_require__(5189);
// EXTERNAL MODULE: ./packages/core/src/settings/types.ts
var types = __webpack_require__(5926);
;// CONCATENATED MODULE: ./packages/core/src/settings/summary.ts
/** One row per model for job summaries and the CLI: what will be deployed, on what, from where. */


const SUMMARY_HEADINGS = ['Model', 'Name', 'Service(s)', 'Runtime', 'Artifact source'];
/** Where the artifact deployed to `env` comes from, in words. */
function describeArtifactSource(model, env) {
    if (model.artifactFolder === null)
        return 'none (artifact_folder: null)';
    if (env === 'dev')
        return `local folder ${model.artifactFolder}`;
    const version = model.artifactVersion === null ? `latest in ${env}` : (0,naming/* artifactExternalId */.$J)(model.modelName, env, model.artifactVersion);
    return `Model Manager: ${version}${model.dataset ? ` (data set ${model.dataset})` : ''}`;
}
function settingsSummaryRows(loaded, env) {
    return loaded.models.map((m) => [
        m.modelName,
        m.humanFriendlyModelName,
        (0,types/* servicesOf */.Yj)(m).join(', '),
        m.platform === 'cdf' ? m.pythonVersion : `local (${m.pythonVersion})`,
        describeArtifactSource(m, env),
    ]);
}

// EXTERNAL MODULE: ./packages/cli/src/table.ts
var table = __webpack_require__(2510);
// EXTERNAL MODULE: ./packages/cli/src/options.ts
var options = __webpack_require__(1428);
;// CONCATENATED MODULE: ./packages/cli/src/commands/validate.ts
/** `mlops validate`: the validate-settings action's checks, for a terminal. */




const USAGE = `Usage: mlops validate [--settings FILE] [--repo DIR] [--env dev|test|prod] [--models a,b]

Checks the settings file and lists its models. Exit code 1 when there are problems, each
printed as file:line:column: field: what is wrong.

  --settings FILE   settings file, relative to the repository (default: mlops_settings.yaml)
  --repo DIR        the model repository (default: the current folder)
  --env ENV         target environment; in dev the artifact folder must exist (default: test)
  --models LIST     only these models (comma-separated)
`;
async function validateCommand(args) {
    const parsed = (0,options/* parseCommand */.R)(args, USAGE, {
        ...options/* repoOptions */.V,
        env: { type: 'string' },
    });
    if (!parsed)
        return 0;
    const { values } = parsed;
    const env = (0,inputs/* parseEnv */.v)(values.env ?? 'test', '--env');
    const loaded = await (0,load/* loadSettings */.M5)({
        file: values.settings ?? 'mlops_settings.yaml',
        repoRoot: (0,external_node_path_.resolve)(values.repo ?? '.'),
        env,
        models: (0,inputs/* parseNameList */.H)(values.models),
    });
    // Aligned columns: the same rows as the action's job summary.
    const rows = [SUMMARY_HEADINGS, ...settingsSummaryRows(loaded, env)];
    process.stdout.write(`${(0,table/* alignedTable */.n)(rows)}\n\n${loaded.file}: ${loaded.models.length} model(s) valid for ${env}\n`);
    return 0;
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
