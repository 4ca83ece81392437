/** The CDF client: credentials, tokens, retries, and typed calls the SDK lacks. */
export * from './config.js';
export * from './auth.js';
export * from './client.js';
export * from './retry.js';
export * from './functions.js';
export * from './fusion.js';
