/**
 * Locates the non-JS files shipped with the suite: the Python function runtime. In a bundle it
 * sits in `dist/<name>/assets/`; from source, in the package. scripts/bundles.mjs copies it (the
 * emulator finds its own Python files itself).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const candidates: Record<AssetName, string[]> = {
  runtime: [join(here, 'assets', 'runtime'), join(here, '..', 'runtime')],
};

export type AssetName = 'runtime';

export function assetDir(name: AssetName): string {
  const found = candidates[name].find((p) => existsSync(p));
  if (!found) throw new Error(`The suite's ${name} files are missing (looked in ${candidates[name].join(', ')}); reinstall or rebuild.`);
  return found;
}
