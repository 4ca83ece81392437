// Bundles every action and the CLI with @vercel/ncc into dist/<name>/ (ESM, self-contained).
// Type checking is `npm run typecheck`'s job: ncc only transpiles, so one module's type error
// cannot block every bundle.
// Usage: node scripts/build.mjs [outDir] [name...]
import { spawn } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assets, bundles } from './bundles.mjs';

const outRoot = process.argv[2] ?? 'dist';
const only = process.argv.slice(3);
const selected = bundles.filter((b) => only.length === 0 || only.includes(b.name));

function ncc(entry, out) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', entry, '-o', out, '--minify', '--quiet', '--transpile-only', '--transpile-only', '--target', 'es2022'], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ncc failed for ${entry} (exit ${code})`))));
  });
}

async function buildOne(b) {
  const out = join(outRoot, b.name);
  await rm(out, { recursive: true, force: true });
  await ncc(b.entry, out);
  // ncc keeps ESM only when the folder says so; without it Node parses the bundle as CommonJS.
  await writeFile(join(out, 'package.json'), '{\n  "type": "module"\n}\n');
  for (const a of assets) {
    if (!existsSync(a.from)) continue;
    await cp(a.from, join(out, a.to), { recursive: true, filter: (src) => !/__pycache__|\.pytest_cache|\.pyc$|[/\\]tests?[/\\]?$/.test(src) });
  }
  process.stdout.write(`built ${out}/index.js\n`);
}

await mkdir(outRoot, { recursive: true });
// Two at a time: ncc is CPU-bound and CI has two cores.
const queue = [...selected];
await Promise.all([0, 1].map(async () => { for (let b; (b = queue.shift()); ) await buildOne(b); }));
