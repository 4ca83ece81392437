/** Turning a model into a CDF Function zip. */
export * from './build.js';
export * from './collect.js';
export * from './exclusions.js';
export * from './private-keys.js';
export * from './requirements.js';
export * from './requirement-credentials.js';
export * from './sources.js';
export * from './helper-packages.js';
export * from './unzip.js';
export * from './zip.js';
export * from './package-models.js';
