import { chmod, mkdir, mkdtemp, readFile, readdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import {
  MlopsError, assetDir, buildPackage, checkSharedPins, extractZip, functionRequirements, isExcluded, localArtifactSource, silentLogger,
  type HelperPackageSource,
} from '@akerbp-mlops/core';
import { modelSettings as settings } from './helpers/model-settings.js';

const REQS = '# model deps\nnumpy==1.26.4\nakerbp-mlops==MLOPS_VERSION\nAkerBP_MLOps[extra] >= 3 ; python_version>"3"\nakerbp-mlpet==4.2\n';


async function makeRepo(): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), 'pkg-repo-'));
  await mkdir(join(repo, 'model_code', '__pycache__'), { recursive: true });
  await mkdir(join(repo, 'model_code', '.pytest_cache', 'v'), { recursive: true });
  await mkdir(join(repo, 'model_code', 'common'), { recursive: true });
  await mkdir(join(repo, 'model_artifact'), { recursive: true });
  await writeFile(join(repo, 'model_code', 'model1.py'), 'def predict(data, init_object, secrets):\n    return data\n');
  await writeFile(join(repo, 'model_code', 'common', 'util.py'), 'X = 1\n');
  await writeFile(join(repo, 'model_code', 'requirements.model'), REQS);
  await writeFile(join(repo, 'model_code', '__pycache__', 'model1.cpython-311.pyc'), 'junk');
  await writeFile(join(repo, 'model_code', 'stale.pyc'), 'junk');
  await writeFile(join(repo, 'model_code', '.DS_Store'), 'junk');
  await writeFile(join(repo, 'model_code', '.pytest_cache', 'v', 'x'), 'junk');
  await writeFile(join(repo, 'model_artifact', 'weights.bin'), Buffer.alloc(5000, 7));
  return repo;
}

interface ZipEntryInfo { name: string; mode: number; time: number; date: number; extra: number }
function listZip(file: string): Promise<ZipEntryInfo[]> {
  return new Promise((res, rej) => yauzl.open(file, { lazyEntries: false }, (err, zip) => {
    if (err) return rej(err);
    const out: ZipEntryInfo[] = [];
    zip.on('entry', (e: yauzl.Entry) => out.push({ name: e.fileName, mode: e.externalFileAttributes >>> 16, time: e.lastModFileTime, date: e.lastModFileDate, extra: e.extraFields.length }));
    zip.on('end', () => res(out));
    zip.on('error', rej);
  }));
}

async function build(repo: string, over: Partial<Parameters<typeof buildPackage>[0]> = {}) {
  const model = over.model ?? settings();
  const art = model.artifactFolder ? await localArtifactSource(repo).materialize(model, 'dev', null, repo) : null;
  return buildPackage({
    repoRoot: repo, model, service: 'prediction', env: 'dev', version: art?.version ?? 1, artifactFolder: art?.folder ?? null,
    outputDir: await mkdtemp(join(tmpdir(), 'pkg-out-')), suiteVersion: '4.0.0', log: silentLogger, ...over,
  });
}

async function runtimeFiles(dir = assetDir('runtime'), prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    if (isExcluded(d.name) || (!prefix && (d.name === 'tests' || d.name === 'test'))) continue;
    if (d.isDirectory()) out.push(...await runtimeFiles(join(dir, d.name), `${prefix}${d.name}/`));
    else out.push(`${prefix}${d.name}`);
  }
  return out;
}

describe('buildPackage', () => {
  it('lays out runtime, config, requirements, model folder and artifacts, without junk, in sorted order', async () => {
    const repo = await makeRepo();
    const pkg = await build(repo);
    expect(pkg.path).toMatch(/model1-prediction-dev\.zip$/);
    const entries = await listZip(pkg.path);
    const names = entries.map((e) => e.name);
    expect(names).toEqual([...names].sort());
    const files = names.filter((n) => !n.endsWith('/'));
    expect(files.sort()).toEqual([
      ...await runtimeFiles(), 'mlops_function.json', 'model_artifact/weights.bin', 'model_code/common/util.py', 'model_code/model1.py',
      'model_code/requirements.model', 'requirements.txt',
    ].sort());
    expect(names).toContain('model_code/common/');
    for (const e of entries) {
      expect(e.mode).toBe(e.name.endsWith('/') ? 0o40755 : 0o100644);
      expect(e.extra).toBe(0);
      expect(e.date).toBe(entries[0].date);
      expect(e.time).toBe(entries[0].time);
    }
    expect(pkg.manifest.map((m) => m.path)).toEqual(files.sort());
    expect(pkg.manifest.find((m) => m.path === 'model_artifact/weights.bin')?.size).toBe(5000);
    const manifest = JSON.parse(await readFile(pkg.manifestPath, 'utf8'));
    expect(manifest.sha256).toBe(pkg.sha256);

    const out = await mkdtemp(join(tmpdir(), 'pkg-unzip-'));
    await extractZip(pkg.path, out);
    const config = JSON.parse(await readFile(join(out, 'mlops_function.json'), 'utf8'));
    expect(config).toMatchObject({ model_name: 'model1', service: 'prediction', env: 'dev', version: 1, model_id: 'model1/dev/1', artifact_folder: 'model_artifact', suite_version: '4.0.0' });
    expect(config.settings.modelFile).toBe('model_code/model1.py');
    expect(await readFile(join(out, 'model_artifact', 'weights.bin'))).toEqual(Buffer.alloc(5000, 7));
    const reqs = await readFile(join(out, 'requirements.txt'), 'utf8');
    expect(reqs).toContain('numpy==1.26.4\n');
    expect(reqs).toContain('akerbp-mlpet==4.2\n');
    expect(reqs).not.toMatch(/^akerbp[-_]mlops/im);
  });

  it('gives identical bytes for identical inputs, whatever the mtimes and modes, and different bytes for a change', async () => {
    const repo = await makeRepo();
    const first = await build(repo);
    await utimes(join(repo, 'model_code', 'model1.py'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    await chmod(join(repo, 'model_code', 'common', 'util.py'), 0o755);
    const second = await build(repo);
    expect(second.sha256).toBe(first.sha256);
    expect(second.size).toBe(first.size);
    expect(await readFile(second.path)).toEqual(await readFile(first.path));
    await writeFile(join(repo, 'model_code', 'common', 'util.py'), 'X = 2\n');
    expect((await build(repo)).sha256).not.toBe(first.sha256);
  });

  it('contentSha256 leaves out only the artifact version label: same files labelled dev/1 and test/3 match; a changed artifact file does not', async () => {
    const repo = await makeRepo();
    const dev = await build(repo);
    const test3 = await build(repo, { env: 'test', version: 3 });
    expect(test3.sha256).not.toBe(dev.sha256);
    expect(test3.contentSha256).toBe(dev.contentSha256);
    expect(dev.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    await writeFile(join(repo, 'model_artifact', 'weights.bin'), Buffer.alloc(5000, 8));
    expect((await build(repo, { env: 'test', version: 3 })).contentSha256).not.toBe(dev.contentSha256);
    // Another service (its config differs beyond the label) is other content too.
    expect((await build(repo, { service: 'training', model: { ...settings(), info: { ...settings().info, training: settings().info.prediction } } })).contentSha256).not.toBe(dev.contentSha256);
  });

  it('follows symlinks inside the repo and refuses one that leaves it, naming the link', async () => {
    const repo = await makeRepo();
    await symlink(join(repo, 'model_code', 'common', 'util.py'), join(repo, 'model_code', 'alias.py'));
    const pkg = await build(repo);
    expect(pkg.manifest.map((m) => m.path)).toContain('model_code/alias.py');
    const outside = await mkdtemp(join(tmpdir(), 'secret-'));
    await writeFile(join(outside, 'id_rsa'), 'secret');
    await symlink(join(outside, 'id_rsa'), join(repo, 'model_code', 'key'));
    const err = await build(repo).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toContain('model_code/key is a symbolic link');
    expect(err.message).toContain('outside');
  });

  it('fails clearly when the zip is over the size limit', async () => {
    const repo = await makeRepo();
    const err = await build(repo, { maxZipBytes: 100 }).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/over CDF's limit of 100 bytes.*Largest files: .*model_artifact\/weights\.bin \(5000 bytes\)/);
  });

  it('needs the artifacts a model declares', async () => {
    const repo = await makeRepo();
    await expect(localArtifactSource(repo).materialize(settings({ artifactFolder: 'nope' }), 'dev', null, repo)).rejects.toThrow(/artifact folder of model "model1" is missing/);
  });

  it('places helper model packages at their target path and checks shared pins', async () => {
    const repo = await makeRepo();
    const helperRoot = await mkdtemp(join(tmpdir(), 'helpers-'));
    const helperPins: Record<string, string> = { feat: 'akerbp-mlpet==4.2\n', other: 'akerbp_mlpet==4.3\n' };
    for (const name of Object.keys(helperPins)) {
      await mkdir(join(helperRoot, name), { recursive: true });
      await writeFile(join(helperRoot, name, 'requirements.txt'), helperPins[name]);
      await writeFile(join(helperRoot, name, 'handler.py'), 'def handle(): pass\n');
    }
    // A folder per helper stands in for CDF's deployed packages.
    const source: HelperPackageSource = { fetch: async (h) => ({ folder: join(helperRoot, h.name), version: 3 }) };
    const helper = (name: string) => ({ name, env: 'prod' as const, version: null, targetPath: `model_code/helpers/${name}`, packagesToCheck: ['akerbp-mlpet'] });
    const ok = await build(repo, { model: settings({ helperModels: [helper('feat')] }), helperPackages: source });
    expect(ok.manifest.map((m) => m.path)).toContain('model_code/helpers/feat/handler.py');
    const err = await build(repo, { model: settings({ helperModels: [helper('other')] }), helperPackages: source }).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.problems[0].message).toContain('akerbp-mlpet==4.2');
    expect(err.problems[0].message).toContain('akerbp_mlpet==4.3');
    expect(err.problems[0]).toMatchObject({ file: join(repo, 'model_code/requirements.model'), line: 5 });
    const noSource = await build(repo, { model: settings({ helperModels: [helper('feat')] }) }).catch((e) => e);
    expect(noSource.message).toMatch(/needs CDF credentials; none were given/);
  });
});

describe('requirements', () => {
  it('comments out every akerbp-mlops line and keeps the rest verbatim', () => {
    const out = functionRequirements(REQS);
    const lines = out.split('\n');
    expect(lines[0]).toBe('# model deps');
    expect(lines[1]).toBe('numpy==1.26.4');
    expect(lines[2]).toMatch(/^# akerbp-mlops==MLOPS_VERSION/);
    expect(lines[3]).toMatch(/^# AkerBP_MLOps\[extra\]/);
    expect(lines[4]).toBe('akerbp-mlpet==4.2');
    expect(out.split('\n').length).toBe(REQS.split('\n').length);
    expect(functionRequirements('a==1\r\nakerbp-mlops==1\r\n')).toMatch(/^a==1\r\n# akerbp-mlops==1 .*\r\n$/);
  });

  it('accepts agreeing pins and reports a missing one', () => {
    expect(() => checkSharedPins(['x'], { file: 'a', text: 'X==1\n' }, { name: 'h', file: 'b', text: 'x == 1\n' })).not.toThrow();
    expect(() => checkSharedPins(['x'], { file: 'a', text: 'x==1\n' }, { name: 'h', file: 'b', text: '' })).toThrow(MlopsError);
  });
});
