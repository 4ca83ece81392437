export const id = 689;
export const ids = [689];
export const modules = {

/***/ 9689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   "default": () => (/* binding */ testCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(641);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3922);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9934);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9157);
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7638);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2510);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1428);
/** `mlops test`: the test-model action for a terminal. */




const USAGE = `Usage: mlops test [--settings FILE] [--repo DIR] [--models a,b] [--python PATH]
                  [--no-install] [--service prediction|training] [--verbose]

Runs each model's pytest tests, then its service test: the packaged handler called locally with
ServiceTest.prediction_input (or training_input) against an embedded CDF emulator. Exit code 1
when anything fails.

  --settings FILE   settings file, relative to the repository (default: mlops_settings.yaml)
  --repo DIR        the model repository (default: the current folder)
  --models LIST     only these models (comma-separated)
  --python PATH     Python interpreter (default: python3)
  --no-install      do not pip install the model's requirements first
  --service NAME    service whose ServiceTest payload is run (default: prediction)
`;
async function testCommand(args) {
    const parsed = (0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCommand */ .R)(args, USAGE, {
        ..._options_js__WEBPACK_IMPORTED_MODULE_1__/* .repoOptions */ .V,
        python: { type: 'string' },
        'no-install': { type: 'boolean' },
        service: { type: 'string' },
    });
    if (!parsed)
        return 0;
    const { values } = parsed;
    const results = await (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_2__/* .testModels */ .Z1)({
        settingsFile: values.settings ?? 'mlops_settings.yaml',
        workingDirectory: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(values.repo ?? '.'),
        models: (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_3__/* .parseNameList */ .H)(values.models),
        python: values.python ?? 'python3',
        installRequirements: !values['no-install'],
        service: (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_4__/* .parseService */ .nO)(values.service ?? ''),
        outputDir: '.mlops/test',
        log: (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_5__/* .consoleLogger */ .k)({ verbose: values.verbose }),
    });
    process.stdout.write(`${(0,_table_js__WEBPACK_IMPORTED_MODULE_6__/* .alignedTable */ .n)([_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_2__/* .TEST_SUMMARY_HEADINGS */ .Gm, ...(0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_2__/* .testSummaryRows */ .W3)(results)])}\n`);
    for (const p of results.flatMap((r) => r.problems))
        process.stdout.write(`  ${(0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_7__/* .formatProblem */ .V)(p)}\n`);
    return (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_2__/* .testFailure */ .t)(results) ? 1 : 0;
}


/***/ })

};
