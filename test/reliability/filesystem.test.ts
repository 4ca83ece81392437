/**
 * Nothing a model repository, an artifact archive or a function zip contains can make the suite
 * read or write outside the folder it works in. Each refusal is checked twice: the error says
 * what was refused, and the sentinel area outside the folder is exactly as it was.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import {
  MlopsError,
  ModelManager,
  createCdfClient,
  createFunction,
  extractZip,
  packageModels,
  resolveCdfConfig,
  silentLogger,
  waitForReady,
} from '@akerbp-mlops/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRepo } from '../helpers/example-repo.js';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const quiet = silentLogger;

/** Every path under `dir` (files, folders and links), relative, sorted. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort();
}

/**
 * A sandbox: `work` is where the suite may write, `outside` its sibling holding a secret. After a
 * refusal `outside` must hold exactly the secret, and nothing may sit next to the two.
 */
function sandbox() {
  const root = tmp('fs-guard-');
  const work = join(root, 'work');
  const outside = join(root, 'outside');
  mkdirSync(work);
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'top secret');
  return {
    root,
    work,
    outside,
    untouched() {
      expect(tree(outside)).toEqual(['secret.txt']);
      expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('top secret');
      expect(tree(root).filter((p) => !p.startsWith('work') && !p.startsWith('outside'))).toEqual([]);
    },
  };
}

function python(script: string, ...args: string[]): void {
  execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
}

describe('packaging refuses paths out of the repository', () => {
  /** The example repo inside a sandbox; packaging writes only to <repo>/.mlops/packages. */
  function repoIn(box: ReturnType<typeof sandbox>, edit: (repo: string) => void) {
    const repo = join(box.work, 'repo');
    execFileSync('cp', ['-r', exampleRepo(), repo]);
    edit(repo);
    return repo;
  }
  const pack = (repo: string) =>
    packageModels({
      settingsFile: 'mlops_settings.yaml', workingDirectory: repo, models: [], env: 'dev', service: 'prediction',
      artifactSource: 'local', artifactVersion: null, outputDir: '.mlops/packages', log: quiet,
    });
  /** No zip was produced, and the secret is in none that might have been. */
  const noPackage = (repo: string) => expect(tree(repo).filter((p) => p.endsWith('.zip'))).toEqual([]);

  it('a symlinked file in the model code that leads out', async () => {
    const box = sandbox();
    const repo = repoIn(box, (r) => symlinkSync(join(box.outside, 'secret.txt'), join(r, 'model_code', 'secret.txt')));
    const err = await pack(repo).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/model_code\/secret\.txt is a symbolic link to .*outside\/secret\.txt, outside .*packaging refuses links that leave it/);
    noPackage(repo);
    box.untouched();
  });

  it('a symlinked folder in the model code that leads out', async () => {
    const box = sandbox();
    const repo = repoIn(box, (r) => symlinkSync(box.outside, join(r, 'model_code', 'vendored')));
    const err = await pack(repo).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/model_code\/vendored is a symbolic link to .*outside, outside/);
    noPackage(repo);
    box.untouched();
  });

  it('a symlink in the artifact folder that leads out', async () => {
    const box = sandbox();
    const repo = repoIn(box, (r) => symlinkSync(join(box.outside, 'secret.txt'), join(r, 'model_artifact', 'weights.bin')));
    const err = await pack(repo).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/model_artifact\/weights\.bin is a symbolic link to .*outside\/secret\.txt/);
    noPackage(repo);
    box.untouched();
  });

  it('an artifact folder that is itself a symlink out, and one written as ../', async () => {
    const box = sandbox();
    const linked = repoIn(box, (r) => {
      execFileSync('rm', ['-rf', join(r, 'model_artifact')]);
      symlinkSync(box.outside, join(r, 'model_artifact'));
    });
    const err = await pack(linked).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.problems).toEqual([expect.objectContaining({ field: 'sonic_model.artifact_folder', line: 5, message: expect.stringMatching(/leads outside the repository \(through a symbolic link\)/) })]);
    noPackage(linked);
    const settings = join(linked, 'mlops_settings.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('artifact_folder: model_artifact', 'artifact_folder: ../../outside'));
    const dotdot = await pack(linked).catch((e) => e);
    expect(dotdot.problems).toEqual([expect.objectContaining({ field: 'sonic_model.artifact_folder', line: 5, message: 'must stay inside the repository; found "../../outside"' })]);
    noPackage(linked);
    box.untouched();
  });

  it('a model_file written as ../', async () => {
    const box = sandbox();
    writeFileSync(join(box.outside, 'model.py'), 'def predict(d, i, s):\n    return d\n');
    const repo = repoIn(box, (r) => {
      const settings = join(r, 'mlops_settings.yaml');
      writeFileSync(settings, readFileSync(settings, 'utf8').replace('model_file: model_code/model.py', 'model_file: ../../outside/model.py'));
    });
    const err = await pack(repo).catch((e) => e);
    expect(err.problems).toEqual([expect.objectContaining({ field: 'sonic_model.model_file', line: 3, message: 'must stay inside the repository; found "../../outside/model.py"' })]);
    noPackage(repo);
    execFileSync('rm', [join(box.outside, 'model.py')]);
    box.untouched();
  });
});

describe('Model Manager downloads refuse archives that escape', () => {
  let emu: RunningEmulator;
  let client: CogniteClient;
  let mm: ModelManager;
  let dataSetId: number;
  let n = 0;

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 20 });
    client = await createCdfClient(resolveCdfConfig({}, {
      COGNITE_PROJECT: emu.project, COGNITE_OIDC_BASE_URL: emu.url, COGNITE_TOKEN_URL: emu.tokenUrl,
      COGNITE_CLIENT_ID_WRITE: 'w', COGNITE_CLIENT_SECRET_WRITE: 's',
    }), { access: 'write' });
    mm = new ModelManager({ client, log: quiet });
    dataSetId = (await client.datasets.retrieve([{ externalId: 'mlops' }]))[0].id;
  });
  afterAll(() => emu?.stop());

  /**
   * Uploads a tar.gz built by Python's tarfile from `members` (Python statements adding entries
   * to `t`; `ok` adds a harmless file first) as a new artifact, then downloads it into the sandbox.
   */
  async function download(box: ReturnType<typeof sandbox>, members: string): Promise<unknown> {
    const model = `evil${++n}`;
    const archive = join(tmp('evil-tar-'), 'a.tar.gz');
    python(
      'import tarfile, io, sys\n' +
        'def ok(t, name, data=b"x"):\n  i = tarfile.TarInfo(name); i.size = len(data); t.addfile(i, io.BytesIO(data))\n' +
        'def link(t, name, target, kind=tarfile.SYMTYPE):\n  i = tarfile.TarInfo(name); i.type = kind; i.linkname = target; t.addfile(i)\n' +
        'with tarfile.open(sys.argv[1], "w:gz") as t:\n  ok(t, "./fine.txt")\n' +
        members.split('\n').map((l) => `  ${l}`).join('\n') + '\n',
      archive,
    );
    await client.files.upload({ externalId: `${model}/test/1`, name: model, directory: '/mlops', metadata: { version: '1' }, dataSetId }, readFileSync(archive), false, true);
    return mm.download(model, 'test', 1, join(box.work, 'artifact')).catch((e) => e);
  }

  /** The scan refuses before extracting: the target folder does not even exist. */
  function refusedBeforeWriting(err: unknown, box: ReturnType<typeof sandbox>, reason: RegExp) {
    expect(err).toBeInstanceOf(MlopsError);
    expect((err as Error).message).toMatch(/^Refusing to extract the artifact archive: 1 entry would write outside the target folder/);
    expect((err as Error).message).toMatch(reason);
    expect(tree(box.work)).toEqual([]);
    box.untouched();
  }

  it('an absolute path', async () => {
    const box = sandbox();
    const err = await download(box, `ok(t, ${JSON.stringify(join(box.outside, 'planted.txt'))})`);
    refusedBeforeWriting(err, box, /outside\/planted\.txt: absolute path/);
  });

  it('a .. path', async () => {
    const box = sandbox();
    refusedBeforeWriting(await download(box, 'ok(t, "./sub/../../outside/planted.txt")'), box, /'\.\.' in path/);
  });

  it('a symlink out, with a file written through it', async () => {
    const box = sandbox();
    const err = await download(box, 'link(t, "./escape", "../outside")\nok(t, "./escape/planted.txt")');
    refusedBeforeWriting(err, box, /\.\/escape: link escaping the folder \(\.\.\/outside\)/);
  });

  it('a symlink to an absolute path', async () => {
    const box = sandbox();
    const err = await download(box, `link(t, "./secret", ${JSON.stringify(join(box.outside, 'secret.txt'))})`);
    refusedBeforeWriting(err, box, /\.\/secret: link to absolute path/);
  });

  it('a hard link out (a later write would change the file outside)', async () => {
    const box = sandbox();
    const err = await download(box, 'link(t, "./hard", "../outside/secret.txt", tarfile.LNKTYPE)');
    refusedBeforeWriting(err, box, /\.\/hard: link escaping the folder/);
  });

  it('links that each stay inside on paper but chain out (tar refuses to extract through a link)', async () => {
    const box = sandbox();
    // d/up -> .. is the root; d/up/up2 -> .. would then be the root's parent, and the file lands beside it.
    const err = await download(box, 'link(t, "./d/up", "..")\nlink(t, "./d/up/up2", "..")\nok(t, "./d/up/up2/planted.txt")');
    expect(err).toBeInstanceOf(MlopsError);
    expect((err as Error).message).toMatch(/artifact archive .*symbolic link/i);
    expect(tree(box.work).every((p) => p.startsWith('artifact'))).toBe(true);
    box.untouched();
  });
});

describe('function zips cannot escape their folder (zip-slip)', () => {
  /** A zip with a harmless handler.py plus an entry named `evil`, written by Python's zipfile (which allows any name). */
  function evilZip(evil: string): string {
    const file = join(tmp('evil-zip-'), 'code.zip');
    python(
      'import zipfile, sys\n' +
        'with zipfile.ZipFile(sys.argv[1], "w") as z:\n' +
        '  z.writestr("handler.py", "def handle(data):\\n    return data\\n")\n' +
        '  z.writestr(sys.argv[2], "planted")\n',
      file, evil,
    );
    return file;
  }

  it('the emulator fails the build of a zip with a .. entry or an absolute path, writing nothing outside', async () => {
    const box = sandbox();
    const emu = await startEmulator({ buildDelayMs: 20, dataDir: join(box.work, 'emulator') });
    try {
      const client = await createCdfClient(resolveCdfConfig({}, {
        COGNITE_PROJECT: emu.project, COGNITE_OIDC_BASE_URL: emu.url, COGNITE_TOKEN_URL: emu.tokenUrl,
        COGNITE_CLIENT_ID_WRITE: 'w', COGNITE_CLIENT_SECRET_WRITE: 's',
      }), { access: 'write' });
      // The code folder is <work>/emulator/functions/<id>/code: six levels up is the sandbox root.
      for (const [i, evil] of [['1', '../../../../../../planted.txt'], ['2', join(box.outside, 'planted.txt')]]) {
        const file = await client.files.upload({ externalId: `zip-${i}`, name: `zip-${i}.zip` }, readFileSync(evilZip(evil)), false, true);
        const fn = await createFunction(client, { name: `slip-${i}`, externalId: `slip-${i}`, fileId: file.id });
        const err = await waitForReady(client, { id: fn.id }, { timeoutMs: 20_000, initialIntervalMs: 50, maxIntervalMs: 200 }).catch((e) => e);
        expect(err).toBeInstanceOf(MlopsError);
        expect(err.message).toMatch(i === '1' ? /Could not unpack the function's code file .* as a zip: invalid relative path: \.\.\// : /Could not unpack the function's code file .* as a zip: absolute path: \//);
      }
      box.untouched();
    } finally {
      await emu.stop();
    }
  });

  it('the local unpacker (service test) refuses a .. entry with an MlopsError, writing nothing outside', async () => {
    const box = sandbox();
    const err = await extractZip(evilZip('../outside/planted.txt'), join(box.work, 'code')).catch((e) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect(err.message).toMatch(/code\.zip cannot be unpacked: invalid relative path: \.\.\/outside\/planted\.txt\.$/);
    box.untouched();
  });
});
