/** The public API of the core: every action and the CLI import from here. */
import { MlopsError } from './errors.js';

export * from './errors.js';
export * from './logger.js';
export * from './redact.js';
export * from './naming.js';
export * from './version.js';
export * from './summary.js';
export * from './assets.js';
export * from './settings/types.js';

export function notImplemented(what: string): never {
  throw new MlopsError(`${what} is not implemented yet in this version of akerbp/mlops.`);
}
export * from './settings/index.js';
export * from './plan.js';
export * from './packaging/index.js';
export * from './testing/index.js';
export * from './cdf/index.js';
export * from './artifacts/index.js';
export * from './deploy/index.js';
export * from './pipeline/index.js';
export * from './functions-admin/index.js';
export * from './interrupt.js';
