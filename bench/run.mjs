// `npm run bench [-- --quick]`: measures what users feel against baselines run in this same
// process (interleaved where it matters), prints the table and writes bench/results.md.
// --quick: small sizes and few runs, for CI; it fails on errors, never on timings.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { coldStart } from './benchmarks/cold-start.mjs';
import { latestWindow, multiModel, redeploy } from './benchmarks/deploys.mjs';
import { packaging } from './benchmarks/packaging.mjs';
import { settingsScale } from './benchmarks/settings.mjs';
import { transfer } from './benchmarks/transfer.mjs';
import { benchDir, repoRoot, workDir } from './lib/measure.mjs';
import { buildRunner } from './lib/runner-build.mjs';
import { consoleTable, fmt, resultsMarkdown } from './lib/table.mjs';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, dist: { type: 'string' } } });
const quick = Boolean(values.quick);
const MIB = 1024 * 1024;
const config = quick
  ? { artifactBytes: 20 * MIB, runs: 3, rounds: 3, buildDelayMs: 500, models: 2 }
  : { artifactBytes: 1024 * MIB, runs: 10, rounds: 2, buildDelayMs: 3000, models: 5 };

const benchmarks = [
  // --dist: bundles built elsewhere (dist/ may be rebuilt by someone else during a long run).
  ['cold start', () => coldStart({ runs: config.runs, distDir: values.dist ? resolve(values.dist) : join(repoRoot, 'dist') })],
  ['packaging', () => packaging({ artifactBytes: config.artifactBytes, rounds: config.rounds, runtimeDir: join(repoRoot, 'packages', 'core', 'runtime') })],
  ['transfer', () => transfer({ artifactBytes: config.artifactBytes, rounds: config.rounds })],
  ['redeploy', () => redeploy()],
  ['multi-model', () => multiModel({ buildDelayMs: config.buildDelayMs, models: config.models })],
  ['settings', () => settingsScale({ models: 100, runs: Math.max(config.runs, 2) })],
  // Minutes of back-to-back deploys at 3 s builds: full runs only.
  ...(quick ? [] : [['latest window', () => latestWindow({ buildDelayMs: config.buildDelayMs, deploys: 10 })]]),
];
const only = values.only ? values.only.split(',') : null;

const startedAt = new Date();
await mkdir(workDir, { recursive: true });
await buildRunner();
const rows = [];
let failed = false;
for (const [name, bench] of benchmarks) {
  if (only && !only.includes(name)) continue;
  const t = Date.now();
  process.stderr.write(`bench: ${name}…\n`);
  try {
    rows.push(...await bench());
  } catch (err) {
    failed = true;
    process.stderr.write(`bench: ${name} FAILED: ${err?.stack ?? err}\n`);
  }
  process.stderr.write(`bench: ${name} took ${fmt.s(Date.now() - t)}\n`);
}

console.log(consoleTable(rows));
const notes = [
  'Ratios: time and RSS are ours / baseline (lower is better); speeds and throughputs are ours relative to the baseline (higher is better).',
  'Cold start runs each bundle as the runner does (INPUT_* variables), stopping after validation: valid settings for validate-settings and `mlops validate`, an unknown model or missing credentials (a clear error, exit 1) for the others.',
  'Packaging: `buildPackage` in a fresh process (peak RSS from process.resourceUsage) against `zip -r -6` of the same files (peak RSS from getrusage of the child); artifacts are half random bytes, half numeric CSV.',
  'Transfer: the Model Manager\'s byte path (uploadFile/downloadFile on the upload/download URLs the files API returns) against curl PUT/GET of the same file through the same emulator, which runs in its own process.',
  'Latest window: 11 deploys of new artifact versions, the last 10 back to back, while a watcher polls the latest function every 50 ms (time not Ready is counted) and a caller calls it without pause through the core\'s callByExternalId (fallback to the newest proven versioned function while the latest is not Ready).',
  'Multi-model: the deploy pipeline (validate, pytest, package, deploy with smoke test) against the emulator with every model at once (concurrency = model count; the deploy action defaults to 4); `deployFunction only` deploys packages built beforehand, all at once.',
];
if (!failed && !only) {
  await writeFile(join(benchDir, quick ? '.work/results-quick.md' : 'results.md'), resultsMarkdown(rows, { quick, sizeLabel: fmt.bytes(config.artifactBytes), startedAt, notes }));
}
process.stderr.write(`bench: ${failed ? 'FAILED' : 'done'} in ${fmt.s(Date.now() - startedAt.getTime())}\n`);
process.exit(failed ? 1 : 0);
