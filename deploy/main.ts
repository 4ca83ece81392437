import { notImplemented } from '@akerbp-mlops/core';
import { runAction } from '@akerbp-mlops/core/report';

// Not implemented yet: fail loudly rather than pretend to succeed.
await runAction('deploy', async () => notImplemented('deploy'));
