// Generated inputs under bench/.work/ (git-ignored): a model repository with large artifacts,
// a settings file with many models, and a single large file to transfer.
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { repoRoot, workDir } from './measure.mjs';

const EXAMPLE = join(repoRoot, 'examples', 'model-repo');
const CHUNK = 1024 * 1024;

/** Writes `bytes` of `chunk()` output; skipped when the file already has that size (reruns are fast). */
async function writeSized(file, bytes, chunk) {
  if (existsSync(file) && statSync(file).size === bytes) return;
  const out = createWriteStream(file);
  for (let done = 0; done < bytes; ) {
    const buf = chunk(Math.min(CHUNK, bytes - done));
    done += buf.length;
    if (!out.write(buf)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/**
 * Compressible like real model data (numeric CSV: deflate gets ~2-3×), not a repeated byte. One
 * random 1 MiB block reused: deflate's 32 KiB window cannot see the repetition.
 */
function csvBlock() {
  const lines = [];
  let size = 0;
  while (size < CHUNK) {
    const line = `${(Math.random() * 5000).toFixed(3)},${(Math.random() * 200).toFixed(4)},${(Math.random() * 3).toFixed(5)},${Math.floor(Math.random() * 1e6)}\n`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, CHUNK);
}

async function copyExampleCode(dest) {
  await cp(join(EXAMPLE, 'model_code'), join(dest, 'model_code'), { recursive: true, filter: (s) => !/__pycache__|\.pytest_cache|\.pyc$/.test(s) });
}

/** examples/model-repo with model_artifact/ holding `bytes` of artifacts: half random, half compressible. */
export async function modelRepo(bytes) {
  const dir = join(workDir, `model-repo-${bytes}`);
  const artifacts = join(dir, 'model_artifact');
  await mkdir(artifacts, { recursive: true });
  await copyExampleCode(dir);
  await cp(join(EXAMPLE, 'mlops_settings.yaml'), join(dir, 'mlops_settings.yaml'));
  await cp(join(EXAMPLE, 'model_artifact'), artifacts, { recursive: true }).catch(() => {});
  const half = Math.floor(bytes / 2);
  await writeSized(join(artifacts, 'weights.bin'), half, (n) => randomBytes(n));
  const block = csvBlock();
  await writeSized(join(artifacts, 'training_data.csv'), bytes - half, (n) => block.subarray(0, n));
  return dir;
}

/** One file of random bytes (an already-compressed artifact archive, as uploaded). */
export async function randomFile(bytes) {
  await mkdir(workDir, { recursive: true });
  const file = join(workDir, `random-${bytes}.bin`);
  await writeSized(file, bytes, (n) => randomBytes(n));
  return file;
}

/** A repository whose settings file declares `count` models (the example model, renamed). */
export async function manyModelsRepo(count) {
  const dir = join(workDir, `settings-${count}`);
  await mkdir(dir, { recursive: true });
  await copyExampleCode(dir);
  const template = await readFile(join(EXAMPLE, 'mlops_settings.yaml'), 'utf8');
  const docs = Array.from({ length: count }, (_, i) => template.replace(/^model_name: .*$/m, `model_name: bench_model_${i + 1}`));
  await writeFile(join(dir, 'mlops_settings.yaml'), docs.join('---\n'));
  return dir;
}
