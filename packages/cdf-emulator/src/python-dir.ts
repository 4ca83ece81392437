/**
 * Where the emulator's Python side (run_function.py and its client) lives: next to the sources in
 * the package (`../python`), or in a bundle's `assets/emulator-python` (scripts/bundles.mjs copies
 * it there). The emulator owns this lookup so it needs nothing from the suite's core.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmulatorError } from './errors.js';

const here = dirname(fileURLToPath(import.meta.url));
const CANDIDATES = [join(here, 'assets', 'emulator-python'), join(here, '..', 'python')];

/** The folder holding run_function.py; throws EmulatorError when the install is incomplete. */
export function pythonDir(): string {
  const found = CANDIDATES.find((p) => existsSync(join(p, 'run_function.py')));
  if (!found) throw new EmulatorError(`The emulator's Python files are missing (looked in ${CANDIDATES.join(', ')}); reinstall or rebuild.`);
  return found;
}
