/** Testing a model: pytest with located failures, and the service test of its package. */
export * from './artifact-folder.js';
export * from './credentials.js';
export * from './junit.js';
export * from './process.js';
export * from './pytest.js';
export * from './requirements.js';
export * from './service-test.js';
export * from './test-models.js';
export * from './test-run.js';
