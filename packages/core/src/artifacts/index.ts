/** The Model Manager: versioned model artifacts in CDF Files. */
export * from './archive.js';
export * from './transfer.js';
export * from './manager.js';
export * from './metadata-value.js';
export * from './source.js';
export * from './promotion.js';
