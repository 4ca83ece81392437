// Deploys against the emulator: an unchanged redeploy, and 1 against 5 models through the pipeline.
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot, runRunner, workDir } from '../lib/measure.mjs';
import { fmt, row } from '../lib/table.mjs';
import { manyModelsRepo } from '../lib/workload.mjs';

const EXAMPLE_ARTIFACTS = join(repoRoot, 'examples', 'model-repo', 'model_artifact');
const MAX_REDEPLOY_CALLS = 3;
const MAX_MULTI_RATIO = 1.3;

async function modelsRepo(count) {
  const dir = await manyModelsRepo(count);
  await cp(EXAMPLE_ARTIFACTS, join(dir, 'model_artifact'), { recursive: true });
  await rm(join(dir, '.mlops'), { recursive: true, force: true });
  return dir;
}

export async function redeploy() {
  const repo = await modelsRepo(1);
  const r = await runRunner(['redeploy', repo, join(workDir, 'redeploy-packages')]);
  if (r.changed) throw new Error(`the second deploy of the same package reported a change: ${r.second.paths.join(', ')}`);
  return [
    row('Redeploy unchanged: bytes uploaded', fmt.bytes(r.second.uploadedBytes), `${fmt.bytes(r.first.uploadedBytes)} (first deploy)`, '—', '0 B', r.second.uploadedBytes === 0),
    row('Redeploy unchanged: API calls', String(r.second.calls), `${r.first.calls} (first deploy)`, fmt.ratio(r.second.calls / r.first.calls), `≤ ${MAX_REDEPLOY_CALLS}`, r.second.calls <= MAX_REDEPLOY_CALLS),
  ];
}

export async function multiModel({ buildDelayMs, models }) {
  const one = await modelsRepo(1);
  const five = await modelsRepo(models);
  // Every model at once (the deploy action's default concurrency is 4).
  const a = await runRunner(['pipeline', one, String(buildDelayMs), String(models)]);
  const b = await runRunner(['pipeline', five, String(buildDelayMs), String(models)]);
  // The deploy stage alone (packages built beforehand): how the CDF side scales.
  const out = join(workDir, 'multi-packages');
  const c = await runRunner(['deploy-all', one, out, String(buildDelayMs)]);
  const d = await runRunner(['deploy-all', five, out, String(buildDelayMs)]);
  await rm(out, { recursive: true, force: true });
  if (a.models !== 1 || b.models !== models || c.models !== 1 || d.models !== models) throw new Error(`deployed ${a.models}/${c.models} and ${b.models}/${d.models} models, expected 1 and ${models}`);
  const build = `build ${buildDelayMs / 1000} s`;
  return [
    row(`Deploy pipeline (test+package+deploy): ${models} models vs 1 (${build})`, fmt.s(b.ms), `${fmt.s(a.ms)} (1 model)`, fmt.ratio(b.ms / a.ms), `≤ ${MAX_MULTI_RATIO}×`, b.ms / a.ms <= MAX_MULTI_RATIO),
    row(`deployFunction only: ${models} models at once vs 1 (${build})`, fmt.s(d.ms), `${fmt.s(c.ms)} (1 model)`, fmt.ratio(d.ms / c.ms), `≤ ${MAX_MULTI_RATIO}×`, d.ms / c.ms <= MAX_MULTI_RATIO),
  ];
}

/**
 * The latest's window (issue 14): seconds `<model>-prediction-dev` had no Ready function per
 * deploy (one build of the new latest is the platform's floor: delete + create), and calls through
 * our client that failed while `deploys` deploys ran back to back (goal 0: the client falls back to
 * the newest proven versioned function).
 */
export async function latestWindow({ buildDelayMs, deploys }) {
  const repo = await modelsRepo(1);
  const out = join(workDir, 'window-packages');
  const r = await runRunner(['window', repo, out, String(buildDelayMs), String(deploys)]);
  await rm(out, { recursive: true, force: true });
  const perDeploy = r.unavailableMs / r.deploys;
  const build = `build ${buildDelayMs / 1000} s`;
  return [
    row(`Latest unavailable per deploy (${build})`, fmt.s(perDeploy), `${fmt.s(buildDelayMs)} (one build)`, fmt.ratio(perDeploy / buildDelayMs), '≤ 1 build + 1 s', perDeploy <= buildDelayMs + 1000),
    row(`Failed calls through our client, ${r.deploys} deploys back to back (${build})`, `${r.failedCalls} of ${r.calls}`, '—', '—', '0', r.failedCalls === 0),
  ];
}
