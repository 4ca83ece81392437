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

export async function multiModel({ buildDelayMs }) {
  const one = await modelsRepo(1);
  const five = await modelsRepo(5);
  // Every model at once (the deploy action's default concurrency is 4).
  const a = await runRunner(['pipeline', one, String(buildDelayMs), '5']);
  const b = await runRunner(['pipeline', five, String(buildDelayMs), '5']);
  if (a.models !== 1 || b.models !== 5) throw new Error(`pipeline deployed ${a.models} and ${b.models} models, expected 1 and 5`);
  return [
    row(`Deploy pipeline: 5 models vs 1 (build ${buildDelayMs / 1000} s)`, fmt.s(b.ms), `${fmt.s(a.ms)} (1 model)`, fmt.ratio(b.ms / a.ms), `≤ ${MAX_MULTI_RATIO}×`, b.ms / a.ms <= MAX_MULTI_RATIO),
  ];
}
