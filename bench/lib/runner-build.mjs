// Bundles bench/runner.ts (which imports the TypeScript core) into bench/.work/runner/ with
// esbuild, with the Python assets beside it as in dist/<name>/ (assetDir finds them there).
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { assets } from '../../scripts/bundles.mjs';
import { benchDir, repoRoot, runnerPath } from './measure.mjs';

export async function buildRunner() {
  const out = join(benchDir, '.work', 'runner');
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: [join(benchDir, 'runner.ts')],
    outfile: runnerPath,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // CommonJS dependencies inside an ESM bundle still call require().
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  });
  for (const a of Object.values(assets)) await cp(join(repoRoot, a.from), join(out, a.to), { recursive: true, filter: (s) => !/__pycache__|\.pytest_cache|\.pyc$/.test(s) });
}
