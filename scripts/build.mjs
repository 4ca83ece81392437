// Bundles every action and the CLI with @vercel/ncc into dist/<name>/ (ESM, self-contained).
// Type checking is `npm run typecheck`'s job: ncc only transpiles, so one module's type error
// cannot block every bundle.
// Usage: node scripts/build.mjs [outDir] [name...]
import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { assets, bundles } from './bundles.mjs';

const outRoot = process.argv[2] ?? 'dist';
const only = process.argv.slice(3);
const selected = bundles.filter((b) => only.length === 0 || only.includes(b.name));

function ncc(entry, out) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', entry, '-o', out, '--minify', '--quiet', '--transpile-only', '--target', 'es2022'], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ncc failed for ${entry} (exit ${code})`))));
  });
}

/** ncc minifies only the entry file; the lazily loaded chunks (`<id>.index.js`) come out verbatim. */
async function minifyChunks(out) {
  for (const name of (await readdir(out)).filter((f) => /^\d+\.index\.js$/.test(f))) {
    const file = join(out, name);
    const { code } = await transform(await readFile(file, 'utf8'), { minify: true, format: 'esm', target: 'es2022' });
    await writeFile(file, code);
  }
}

async function buildOne(b) {
  const out = join(outRoot, b.name);
  await rm(out, { recursive: true, force: true });
  await ncc(b.entry, out);
  await minifyChunks(out);
  // ncc keeps ESM only when the folder says so; without it Node parses the bundle as CommonJS.
  await writeFile(join(out, 'package.json'), '{\n  "type": "module"\n}\n');
  for (const name of b.assets) {
    const a = assets[name];
    await cp(a.from, join(out, a.to), { recursive: true, filter: (src) => !/__pycache__|\.pytest_cache|\.pyc$|[/\\]tests?[/\\]?$/.test(src) });
  }
  process.stdout.write(`built ${out}/index.js\n`);
}

await mkdir(outRoot, { recursive: true });
// Two at a time: ncc is CPU-bound and CI has two cores.
const queue = [...selected];
await Promise.all([0, 1].map(async () => { for (let b; (b = queue.shift()); ) await buildOne(b); }));
