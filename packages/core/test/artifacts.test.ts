import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ModelManager,
  MlopsError,
  cdfArtifactSource,
  createCdfClient,
  createFunction,
  resolveCdfConfig,
  silentLogger,
  unsafeEntryReason,
  type ModelSettings,
  type ProgressUpdate,
} from '@akerbp-mlops/core';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** Every file under `dir` with its bytes, keyed by relative path. */
function snapshot(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, snapshot(dir, path));
    else out[path] = readFileSync(join(dir, path)).toString('base64');
  }
  return out;
}

function artifactFolder(label: string): string {
  const dir = tmp('artifact-');
  mkdirSync(join(dir, 'weights'));
  writeFileSync(join(dir, 'model.json'), JSON.stringify({ label }));
  writeFileSync(join(dir, 'weights', 'w.bin'), Buffer.from([0, 1, 2, 255, label.length]));
  return dir;
}

function python(script: string, ...args: string[]): string {
  return execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
}

describe('archive entry checks', () => {
  it('refuses absolute paths, .. and links escaping the folder; accepts Python-style ./ entries', () => {
    expect(unsafeEntryReason('./model.json', 'File')).toBeNull();
    expect(unsafeEntryReason('./', 'Directory')).toBeNull();
    expect(unsafeEntryReason('sub/link', 'SymbolicLink', '../other.txt')).toBeNull();
    expect(unsafeEntryReason('/etc/passwd', 'File')).toMatch(/absolute/);
    expect(unsafeEntryReason('a/../../x', 'File')).toMatch(/'\.\.'/);
    expect(unsafeEntryReason('link', 'SymbolicLink', '/etc')).toMatch(/absolute/);
    expect(unsafeEntryReason('sub/link', 'SymbolicLink', '../../x')).toMatch(/escaping/);
    expect(unsafeEntryReason('hard', 'Link', '../x')).toMatch(/escaping/);
  });
});

describe('Model Manager against the emulator', () => {
  let emu: RunningEmulator;
  let client: CogniteClient;
  let mm: ModelManager;

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 50 });
    const config = resolveCdfConfig({}, {
      COGNITE_PROJECT: emu.project,
      COGNITE_OIDC_BASE_URL: emu.url,
      COGNITE_TOKEN_URL: emu.tokenUrl,
      COGNITE_CLIENT_ID_WRITE: 'w',
      COGNITE_CLIENT_SECRET_WRITE: 's',
    });
    client = await createCdfClient(config, { access: 'write' });
    mm = new ModelManager({ client });
  });
  afterAll(() => emu?.stop());

  it('uploads versions 1..3 (two concurrently), promotes v2 to prod once, and downloads identical bytes', async () => {
    const folders = [artifactFolder('one'), artifactFolder('two'), artifactFolder('three')];
    const progress: ProgressUpdate[] = [];
    const watched = new ModelManager({ client, log: { ...silentLogger, progress: (e) => progress.push(e) } });
    const v1 = await watched.uploadNewVersion('sonic', 'test', folders[0], { accuracy: 0.9, tags: ['a', 'b'] }, {
      provenance: { gitSha: 'abc123', runUrl: 'https://github.com/o/r/actions/runs/1' },
    });
    expect(v1).toMatchObject({ externalId: 'sonic/test/1', version: 1, uploaded: true });
    expect(v1.metadata).toMatchObject({ version: '1', accuracy: '0.9', tags: '["a", "b"]', git_sha: 'abc123', run_url: 'https://github.com/o/r/actions/runs/1' });
    expect(v1.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(progress.at(-1)).toEqual({ id: 'upload:sonic/test/1', label: 'Uploading sonic/test/1', unit: 'bytes', done: v1.size, total: v1.size, end: true });
    expect(progress.filter((e) => e.end)).toHaveLength(1);

    const [a, b] = await Promise.all([
      mm.uploadNewVersion('sonic', 'test', folders[1]),
      mm.uploadNewVersion('sonic', 'test', folders[2]),
    ]);
    expect([a.version, b.version].sort()).toEqual([2, 3]);
    const v2 = a.version === 2 ? a : b;
    const v2Folder = a.version === 2 ? folders[1] : folders[2];

    const overview = await mm.overview({ model: 'sonic' });
    expect(overview.map((v) => v.version)).toEqual([...overview.map((v) => v.version)].sort((x, y) => y - x));
    expect(overview.map((v) => v.externalId).sort()).toEqual(['sonic/test/1', 'sonic/test/2', 'sonic/test/3']);

    const promoted = await mm.promote('sonic', 'test', 'prod', 2);
    expect(promoted).toMatchObject({ alreadyPromoted: false, sha256: v2.sha256 });
    expect(promoted.target).toMatchObject({ externalId: 'sonic/prod/1', promotedFrom: 'sonic/test/2', sha256: v2.sha256 });

    const again = await mm.promote('sonic', 'test', 'prod', 2);
    expect(again).toMatchObject({ alreadyPromoted: true, target: { externalId: 'sonic/prod/1' } });
    expect((await mm.overview({ model: 'sonic', env: 'prod' })).map((v) => v.externalId)).toEqual(['sonic/prod/1']);

    const dest = join(tmp('download-'), 'artifact');
    const downloaded = await mm.download('sonic', 'prod', null, dest);
    expect(downloaded.externalId).toBe('sonic/prod/1');
    expect(snapshot(dest)).toEqual(snapshot(v2Folder));
  });

  it('keeps prod for promotions and promotions to their two paths', async () => {
    await expect(mm.uploadNewVersion('sonic', 'prod', artifactFolder('x'))).rejects.toThrow(/only by promotion/);
    await expect(mm.promote('sonic', 'dev', 'prod')).rejects.toThrow(/dev→test and test→prod only/);
    await expect(mm.download('sonic', 'dev', null, tmp('none-'))).rejects.toThrow(/Could not find any artifact of model "sonic" in dev/);
  });

  it('reads an artifact the Python package wrote (shutil.make_archive gztar, metadata version only)', async () => {
    const src = artifactFolder('python');
    const base = join(tmp('py-'), 'archive');
    const archive = python('import shutil,sys; print(shutil.make_archive(sys.argv[1], "gztar", sys.argv[2]))', base, src).trim();
    const dataSet = (await client.datasets.retrieve([{ externalId: 'mlops' }]))[0];
    await client.files.upload(
      { externalId: 'legacy/test/4', name: 'legacy/test/4', directory: '/mlops', metadata: { version: '4', description: 'from python' }, dataSetId: dataSet.id },
      readFileSync(archive),
      false,
      true,
    );
    const dest = tmp('legacy-');
    const got = await mm.download('legacy', 'test', null, dest);
    expect(got).toMatchObject({ version: 4, sha256: undefined });
    expect(snapshot(dest)).toEqual(snapshot(src));
    // The next upload continues the Python package's numbering.
    expect((await mm.uploadNewVersion('legacy', 'test', src)).version).toBe(5);
    // And Python can read what we wrote.
    const ours = tmp('ours-');
    await mm.download('legacy', 'test', 5, ours);
    const [link] = await client.files.getDownloadUrls([{ externalId: 'legacy/test/5' }]);
    const file = join(tmp('raw-'), 'a.tar.gz');
    writeFileSync(file, Buffer.from(await (await fetch(link.downloadUrl)).arrayBuffer()));
    const pyDest = tmp('py-unpack-');
    python('import shutil,sys; shutil.unpack_archive(sys.argv[1], sys.argv[2], "gztar")', file, pyDest);
    expect(snapshot(pyDest)).toEqual(snapshot(src));
  });

  it('refuses a zip-slip archive before writing anything', async () => {
    const evil = join(tmp('evil-'), 'evil.tar.gz');
    python(
      'import tarfile,io,sys\n' +
        'with tarfile.open(sys.argv[1], "w:gz") as t:\n' +
        '  for name in ["./ok.txt", "../escaped.txt"]:\n' +
        '    data = b"x"; info = tarfile.TarInfo(name); info.size = len(data); t.addfile(info, io.BytesIO(data))\n' +
        '  link = tarfile.TarInfo("./etc"); link.type = tarfile.SYMTYPE; link.linkname = "/etc"; t.addfile(link)\n',
      evil,
    );
    await client.files.upload({ externalId: 'evil/test/1', name: 'evil', directory: '/mlops', metadata: { version: '1' }, dataSetId: (await client.datasets.retrieve([{ externalId: 'mlops' }]))[0].id }, readFileSync(evil), false, true);
    const parent = tmp('slip-');
    const dest = join(parent, 'inside');
    const err = await mm.download('evil', 'test', 1, dest).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/Refusing to extract.*\.\.\/escaped\.txt: '\.\.' in path.*\.\/etc: link to absolute path \/etc/);
    expect(existsSync(join(parent, 'escaped.txt'))).toBe(false);
    expect(existsSync(join(dest, 'ok.txt'))).toBe(false);
  });

  it('refuses to delete a version a deployed function uses, unless forced', async () => {
    const v = await mm.uploadNewVersion('deleteme', 'dev', artifactFolder('d'));
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('def handle():\n    return 1\n'), 'handler.py');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    const code = await client.files.upload({ name: 'code.zip', externalId: 'deleteme-code' }, Buffer.concat(chunks), true, true);
    await createFunction(client, { name: 'deleteme-prediction-dev', externalId: 'deleteme-prediction-dev', fileId: code.id, metadata: { model_id: v.externalId } });
    await expect(mm.deleteVersion(v.externalId)).rejects.toThrow(/deleteme\/dev\/1 is the artifact of deployed function\(s\) deleteme-prediction-dev.*Delete those functions first, or force the deletion \(`mlops artifacts delete --force`\)\./);
    await expect(mm.deleteVersion('deleteme/dev')).rejects.toThrow(/not an artifact id/);
    expect((await mm.deleteVersion(v.externalId, { force: true })).externalId).toBe('deleteme/dev/1');
    expect(await mm.overview({ model: 'deleteme' })).toEqual([]);
  });

  it('serves packaging as its CDF artifact source (settings artifact_version, else latest)', async () => {
    await mm.uploadNewVersion('packaged', 'dev', artifactFolder('p1'));
    const latest = artifactFolder('p2');
    await mm.uploadNewVersion('packaged', 'dev', latest);
    const source = cdfArtifactSource(client);
    const model = { modelName: 'packaged', dataset: 'mlops', artifactVersion: null } as unknown as ModelSettings;
    const dest = tmp('materialized-');
    expect(await source.materialize(model, 'dev', null, dest)).toEqual({ version: 2, folder: dest });
    expect(snapshot(dest)).toEqual(snapshot(latest));
    const pinned = await source.materialize({ ...model, artifactVersion: 1 }, 'dev', null, tmp('pinned-'));
    expect(pinned.version).toBe(1);
  });
});
