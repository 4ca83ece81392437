/** The deploy pipeline: validate → test → package → deploy, following the branch rules. */
export * from './concurrency.js';
export * from './github-context.js';
export * from './resolve-plan.js';
export * from './run.js';
export * from './summary.js';
export * from './inputs.js';
