import { notImplemented } from '../../packages/core/src/index.js';
import { runAction } from '../../packages/core/src/report.js';

// Not implemented yet: fail loudly rather than pretend to succeed.
await runAction('package-model', async () => notImplemented('package-model'));
