/** Every command is loaded lazily so `mlops --help` and small commands start fast. */
import { registerCommand } from '../cli.js';

registerCommand('init', async () => (await import('./init.js')).default);
registerCommand('validate', async () => (await import('./validate.js')).default);
registerCommand('test', async () => (await import('./test.js')).default);
registerCommand('package', async () => (await import('./package.js')).default);
registerCommand('deploy', async () => (await import('./deploy.js')).default);
registerCommand('artifacts', async () => (await import('./artifacts.js')).default);
registerCommand('functions', async () => (await import('./functions.js')).default);
registerCommand('emulator', async () => (await import('./emulator.js')).default);
registerCommand('demo', async () => (await import('./demo.js')).default);
