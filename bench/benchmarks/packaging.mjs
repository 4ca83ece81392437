// Packaging a model with large artifacts: buildPackage against Info-ZIP `zip -r` at the same level.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { interleave, median, runMeasured, runRunner, workDir } from '../lib/measure.mjs';
import { fmt, row } from '../lib/table.mjs';
import { modelRepo } from '../lib/workload.mjs';

/** Same as packages/core/src/packaging/zip.ts COMPRESSION_LEVEL (zlib's and zip's default). */
const LEVEL = 6;
const MAX_RSS_MB = 150;

export async function packaging({ artifactBytes, rounds, runtimeDir }) {
  const repo = await modelRepo(artifactBytes);
  const out = join(workDir, 'packages');
  const zipFile = join(out, 'baseline.zip');
  const ours = async () => {
    const r = await runRunner(['package', repo, out]);
    return r;
  };
  // The same inputs as our zip: the runtime, the model code, the artifacts, the settings.
  const zip = async () => {
    await rm(zipFile, { force: true });
    return runMeasured('zip', ['-r', '-q', `-${LEVEL}`, zipFile, 'model_code', 'model_artifact', 'mlops_settings.yaml', runtimeDir], { cwd: repo });
  };
  const [o, z] = await interleave(rounds, ours, zip);
  const oMs = median(o.map((r) => r.wallMs));
  const zMs = median(z.map((r) => r.wallMs));
  const oRss = Math.max(...o.map((r) => r.maxRssMb));
  const zRss = Math.max(...z.map((r) => r.maxRssMb));
  await rm(out, { recursive: true, force: true });
  const label = fmt.bytes(artifactBytes);
  return [
    row(`Packaging ${label} artifacts: time (median of ${rounds})`, fmt.s(oMs), `${fmt.s(zMs)} (zip -r -${LEVEL})`, `${fmt.ratio(zMs / oMs)} zip's speed`, '≥ 1.0× zip\'s speed', zMs / oMs >= 1.0),
    row(`Packaging ${label} artifacts: peak RSS`, fmt.mb(oRss), `${fmt.mb(zRss)} (zip)`, fmt.ratio(oRss / zRss), `≤ ${MAX_RSS_MB} MB`, oRss <= MAX_RSS_MB),
  ];
}
