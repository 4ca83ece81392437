import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MlopsError, createCdfClient, deployModels, extractZip, packageModels, silentLogger } from '@akerbp-mlops/core';
import { createFunction } from '../../cdf-emulator/test/helpers.js';

// The emulator's build check accepts only installed distributions at their installed version.
const NUMPY = execFileSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' }).trim();

describe('helper models from CDF (cdfHelperPackageSource against the emulator)', () => {
  let emu: RunningEmulator;
  let client: CogniteClient;

  /** A deployed helper prediction function whose package says which version it is. */
  async function deployHelper(externalId: string, version: number) {
    await createFunction(client, {
      'handler.py': 'def handle(data):\n    return data\n',
      'requirements.txt': `# helper\nnumpy==${NUMPY}\n`,
      'feature_code/features.py': `VERSION = ${version}\n`,
    }, { name: externalId, externalId, metadata: { version: String(version) } });
  }

  /** A one-model repository listing `helper` (YAML) with numpy pinned at `numpyPin`. */
  async function repoWith(helper: string, numpyPin = NUMPY): Promise<string> {
    const repo = await mkdtemp(join(tmpdir(), 'helper-repo-'));
    await mkdir(join(repo, 'model_code'));
    await writeFile(join(repo, 'model_code', 'model.py'), 'def predict(data, init_object, secrets):\n    return data\n');
    await writeFile(join(repo, 'model_code', 'requirements.model'), `numpy==${numpyPin}\nakerbp-mlops==MLOPS_VERSION\n`);
    await writeFile(join(repo, 'mlops_settings.yaml'), [
      'model_name: main_model', "human_friendly_model_name: 'Main'", 'model_file: model_code/model.py', 'req_file: model_code/requirements.model',
      'python_version: py311', 'helper_models:', helper, 'info:', '  prediction:', "    description: 'd'", '    owner: o@x.com', '',
    ].join('\n'));
    return repo;
  }

  async function packageRepo(repo: string, withCredentials = true) {
    const [pkg] = await packageModels({
      settingsFile: 'mlops_settings.yaml', workingDirectory: repo, models: [], env: 'test', service: 'prediction', artifactSource: 'local',
      artifactVersion: null, outputDir: '.mlops/packages', cdfClient: withCredentials ? async () => client : undefined, log: silentLogger,
    });
    const unpacked = await mkdtemp(join(tmpdir(), 'helper-unpacked-'));
    await extractZip(pkg.path, unpacked);
    return { pkg, unpacked };
  }

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 20 });
    client = await createCdfClient(
      { project: emu.project, baseUrl: emu.url, tokenUrl: emu.tokenUrl, scopes: [`${emu.url}/.default`], write: { clientId: 'w', clientSecret: 's' }, useOidc: false, allowedProjects: [] },
      { access: 'write', retry: { baseDelayMs: 10, maxDelayMs: 50 } },
    );
    await deployHelper('feat-prediction-prod', 2);
    await deployHelper('feat-prediction-prod-1', 1);
  });
  afterAll(() => emu?.stop());

  it('places the latest deployed helper package at target_path', async () => {
    const { pkg, unpacked } = await packageRepo(await repoWith('  - name: feat\n    target_path: model_code/helpers/feat\n    packages_to_check: [numpy]'));
    const paths = pkg.manifest.map((m) => m.path);
    expect(paths).toEqual(expect.arrayContaining(['model_code/helpers/feat/handler.py', 'model_code/helpers/feat/requirements.txt', 'model_code/model.py']));
    expect(await readFile(join(unpacked, 'model_code/helpers/feat/feature_code/features.py'), 'utf8')).toBe('VERSION = 2\n');
    // The main model's own runtime stays at the root.
    expect(await readFile(join(unpacked, 'handler.py'), 'utf8')).not.toBe('def handle(data):\n    return data\n');
  });

  it('a pinned version picks the versioned function', async () => {
    const { unpacked } = await packageRepo(await repoWith('  - name: feat\n    version: 1\n    packages_to_check: [numpy]'));
    expect(await readFile(join(unpacked, 'helper_models/feat/feature_code/features.py'), 'utf8')).toBe('VERSION = 1\n');
  });

  it('a pin mismatch in packages_to_check fails naming both versions', async () => {
    const err = await packageRepo(await repoWith('  - name: feat\n    packages_to_check: [numpy]', '0.0.1')).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    const text = `${err.message} ${err.problems.map((p: { message: string }) => p.message).join(' ')}`;
    expect(text).toContain('numpy==0.0.1');
    expect(text).toContain(`numpy==${NUMPY}`);
  });

  it('a helper that is not deployed fails clearly, naming the external id and env', async () => {
    const err = await packageRepo(await repoWith('  - name: absent\n    env: test')).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/no function absent-prediction-test in env test.*Deploy absent to test first, or pin a deployed version/);
    expect(err.problems[0]).toMatchObject({ file: expect.stringMatching(/mlops_settings\.yaml$/), field: 'helper_models' });
    const pinned = await packageRepo(await repoWith('  - name: feat\n    version: 7')).catch((e) => e);
    expect(pinned.message).toMatch(/no function feat-prediction-prod-7 in env prod/);
  });

  it('deploy packages with its own client: a dry run fetches the helper', async () => {
    const repo = await repoWith('  - name: feat\n    packages_to_check: [numpy]', '0.0.1');
    const run = () => deployModels({
      client, settingsFile: 'mlops_settings.yaml', workingDirectory: repo, models: [], service: 'prediction', env: 'test', artifactVersion: null,
      smokeTest: false, keepWarmSchedule: null, dryRun: true, log: silentLogger,
    });
    // The pin mismatch can only be found with the helper's package in hand.
    await expect(run()).rejects.toThrow(/Helper model "feat" needs different versions/);
    await writeFile(join(repo, 'model_code', 'requirements.model'), `numpy==${NUMPY}\n`);
    const [result] = await run();
    expect(result).toMatchObject({ model: 'main_model', functionExternalId: 'main_model-prediction-test', changed: true });
  });

  it('without CDF credentials says so', async () => {
    const err = await packageRepo(await repoWith('  - feat'), false).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/helper model "feat" \(env prod, latest version\) is fetched from CDF, which needs CDF credentials; none were given/);
  });
});
