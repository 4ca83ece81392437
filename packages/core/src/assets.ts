/**
 * Locates the non-JS files shipped with the suite: the Python function runtime and the
 * emulator's Python runner. In a bundle they sit in `dist/<name>/assets/`; from source, in the
 * packages. scripts/bundles.mjs copies them.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const candidates: Record<AssetName, string[]> = {
  runtime: [join(here, 'assets', 'runtime'), join(here, '..', 'runtime')],
  'emulator-python': [join(here, 'assets', 'emulator-python'), join(here, '..', '..', 'cdf-emulator', 'python')],
};

export type AssetName = 'runtime' | 'emulator-python';

export function assetDir(name: AssetName): string {
  const found = candidates[name].find((p) => existsSync(p));
  if (!found) throw new Error(`The suite's ${name} files are missing (looked in ${candidates[name].join(', ')}); reinstall or rebuild.`);
  return found;
}
