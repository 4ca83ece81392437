// Cold start of every bundle doing validation only, against a bare `node -e 0`, interleaved.
import { mkdtempSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundles } from '../../scripts/bundles.mjs';
import { interleave, median, repoRoot, run } from '../lib/measure.mjs';
import { fmt, row } from '../lib/table.mjs';

const EXAMPLE = join(repoRoot, 'examples', 'model-repo');
const MAX_BUNDLE_BYTES = 2 * 1024 * 1024;

/**
 * What makes each bundle stop right after validating: valid settings for the read-only ones, an
 * unknown model or missing credentials (exit 1, a clear error) for those that would go on to work.
 */
const VALIDATION_ONLY = {
  'validate-settings': { inputs: {} },
  'test-model': { inputs: { models: 'no_such_model' } },
  'package-model': { inputs: { models: 'no_such_model' } },
  'deploy-cdf-function': { inputs: { models: 'no_such_model', 'dry-run': 'true' } },
  'promote-artifact': { inputs: { model: 'sonic_model' } },
  deploy: { inputs: { models: 'no_such_model', env: 'test' } },
  cli: { args: ['validate'] },
};

/** The environment the GitHub runner gives an action, without any CDF credentials. */
function runnerEnv(inputs) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('COGNITE_')));
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  for (const f of ['output', 'summary']) writeFileSync(join(dir, f), '');
  return { ...env, GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary'), GITHUB_ACTIONS: 'true', RUNNER_TEMP: dir };
}

/** Every .js file of the bundle (the CLI loads some chunks lazily; they still ship). */
function bundleBytes(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

/** The floor every action built on @actions/core pays: a bundle that only loads it and sets an output. */
async function coreOnlyBundle() {
  const outfile = join(mkdtempSync(join(tmpdir(), 'bench-core-only-')), 'index.mjs');
  await build({
    stdin: { contents: "import * as core from '@actions/core'; core.setOutput('x', core.getInput('y'));", resolveDir: repoRoot, loader: 'js' },
    bundle: true, platform: 'node', format: 'esm', target: 'node20', minify: true, outfile, logLevel: 'error',
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return outfile;
}

export async function coldStart({ runs, distDir }) {
  const rows = [];
  const bare = () => run(process.execPath, ['-e', '0']).then((r) => r.ms);
  const floor = await coreOnlyBundle();
  const floorEnv = runnerEnv({});
  const [floorMs, floorBareMs] = await interleave(runs, () => run(process.execPath, [floor], { env: floorEnv }).then((r) => r.ms), bare);
  const f = median(floorMs);
  rows.push(row(`Cold start floor: @actions/core alone (median of ${runs})`, fmt.ms(f), `${fmt.ms(median(floorBareMs))} (node -e 0)`, fmt.ratio(f / median(floorBareMs)), '—', null));
  for (const { name } of bundles) {
    const dir = join(distDir, name);
    const entry = join(dir, 'index.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing; build it with node scripts/build.mjs ${distDir} ${name}`);
    const how = VALIDATION_ONLY[name] ?? { inputs: {} };
    const env = runnerEnv(how.inputs ?? {});
    const ours = () => run(process.execPath, [entry, ...(how.args ?? [])], { cwd: EXAMPLE, env, allowCodes: [0, 1] }).then((r) => {
      if (/^\s+at .+:\d+:\d+\)?$/m.test(r.stderr + r.stdout)) throw new Error(`${name} printed a stack trace:\n${(r.stderr + r.stdout).slice(-1500)}`);
      return r.ms;
    });
    const [oursMs, bareMs] = await interleave(runs, ours, bare);
    const o = median(oursMs);
    const b = median(bareMs);
    rows.push(row(`Cold start: ${name} (median of ${runs})`, fmt.ms(o), `${fmt.ms(b)} (node -e 0)`, fmt.ratio(o / b), '≤ 2×', o / b <= 2));
    const bytes = bundleBytes(dir);
    rows.push(row(`Bundle size: ${name}`, fmt.bytes(bytes), '—', '—', '≤ 2 MiB', bytes <= MAX_BUNDLE_BYTES));
  }
  return rows;
}
