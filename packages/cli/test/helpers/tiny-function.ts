/** A tiny deployed function on the emulator, for tests of `mlops functions`. */
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import { deployFunction, hashFile, silentLogger, type Env, type ModelSettings } from '@akerbp-mlops/core';
import yazl from 'yazl';

export const TINY_MODEL: ModelSettings = {
  modelName: 'tiny', humanFriendlyModelName: 'Tiny', modelFile: 'model_code/m.py', reqFile: 'model_code/requirements.model', artifactFolder: null,
  artifactVersion: null, testFile: null, platform: 'cdf', dataset: 'mlops', pythonVersion: 'py311', helperModels: [], retention: { keep: 3, from: 'default' },
  info: { prediction: { description: 'Echoes', owner: 'me@x.com', metadata: {} } }, source: { file: 'mlops_settings.yaml', line: 1 },
};

/** A function zip that echoes its data and says which version it is, after `sleepSeconds`. */
async function tinyZip(version: number, sleepSeconds: number): Promise<{ path: string; sha256: string }> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(`import time\n\ndef handle(data):\n    time.sleep(${sleepSeconds})\n    print("tiny v${version} called")\n    return {"status": "ok", "version": ${version}, "echo": data}\n`), 'handler.py');
  zip.end();
  const path = join(mkdtempSync(join(tmpdir(), 'tiny-')), 'tiny.zip');
  await new Promise<void>((res) => zip.outputStream.pipe(createWriteStream(path)).on('close', () => res()));
  return { path, sha256: (await hashFile(path)).sha256 };
}

/**
 * Deploys tiny-prediction-<env> (and its kept -<version> copy) for each of `versions`, in order;
 * its calls take `sleepSeconds` (default 0).
 */
export async function deployTiny(client: CogniteClient, env: Env, versions: number[], options: { sleepSeconds?: number } = {}): Promise<void> {
  for (const version of versions) {
    const { path, sha256 } = await tinyZip(version, options.sleepSeconds ?? 0);
    await deployFunction({ client, model: TINY_MODEL, service: 'prediction', env, packagePath: path, packageSha256: sha256, version, log: silentLogger });
  }
}
