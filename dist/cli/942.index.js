export const id = 942;
export const ids = [942];
export const modules = {

/***/ 942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   "default": () => (/* binding */ deployCommand)
/* harmony export */ });
/* harmony import */ var _akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(368);

async function deployCommand(_args) {
    (0,_akerbp_mlops_core__WEBPACK_IMPORTED_MODULE_0__/* .notImplemented */ .SJ)('mlops deploy');
}


/***/ })

};
