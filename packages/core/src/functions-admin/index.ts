/** `mlops functions` as a library: list, call, call in parallel, logs, delete, rollback, redeploy. */
export * from './inventory.js';
export * from './calls.js';
export * from './manage.js';
export * from './verify.js';
