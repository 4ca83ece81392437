/**
 * Property-based fuzzing of loadSettings: malformed settings of every kind must end in an
 * MlopsError whose problems point at the settings file (and a line in it), never in another
 * exception. FUZZ_RUNS sets the total number of generated cases (default small for CI).
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_MODEL_NAME_LENGTH, MlopsError, loadSettings, type Env } from '@akerbp-mlops/core';
import { ALLOWED_KEYS } from '../src/settings/schema.js';
import { resolvePlain } from '../src/settings/pyyaml.js';

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** Share of TOTAL_RUNS per family of malformed input. */
const runs = (share: number) => Math.max(5, Math.round(TOTAL_RUNS * share));
let casesRun = 0;

// One model repo with a sibling folder outside it and a symlink that leads there.
const root = mkdtempSync(join(tmpdir(), 'fuzz-settings-'));
const repo = join(root, 'repo');
for (const [p, text] of Object.entries({
  'repo/model_code/model.py': 'def predict(data, init_object, secrets):\n    return data\n',
  'repo/model_code/requirements.model': 'numpy\n',
  'repo/model_code/test_model.py': 'def test_ok():\n    pass\n',
  'repo/model_artifact/weights.txt': '1\n',
  'outside/evil.py': 'import os\n',
  'outside/requirements.model': 'evil\n',
})) {
  mkdirSync(join(root, p, '..'), { recursive: true });
  writeFileSync(join(root, p), text);
}
symlinkSync(join(root, 'outside'), join(repo, 'link_out'));
const settingsPath = join(repo, 'mlops_settings.yaml');

type Doc = Record<string, unknown>;

function validDoc(name = 'm1'): Doc {
  return {
    model_name: name,
    human_friendly_model_name: 'Model one',
    model_file: 'model_code/model.py',
    req_file: 'model_code/requirements.model',
    artifact_folder: 'model_artifact',
    test_file: 'model_code/test_model.py',
    python_version: 'py311',
    info: { prediction: { description: 'd', owner: 'o@x.com', metadata: { units: ['m'] } } },
  };
}

/** What loading `content` ended in; anything but success or a located MlopsError fails the test. */
async function load(content: string | Uint8Array, env: Env = 'test'): Promise<'ok' | MlopsError> {
  casesRun++;
  writeFileSync(settingsPath, content);
  let err: unknown;
  try {
    await loadSettings({ file: 'mlops_settings.yaml', repoRoot: repo, env });
    return 'ok';
  } catch (e) {
    err = e;
  }
  if (!(err instanceof MlopsError)) throw new Error(`escaped as ${(err as Error)?.constructor?.name}: ${String((err as Error)?.message).slice(0, 300)}`);
  const lineCount = Buffer.from(content).toString('latin1').split('\n').length;
  expect(err.problems.length, err.message).toBeGreaterThan(0);
  expect(err.message.length, 'message stays one readable paragraph').toBeLessThan(400);
  for (const p of err.problems) {
    expect(p.file, JSON.stringify(p)).toMatch(/mlops_settings\.yaml$/);
    expect(Number.isInteger(p.line) && p.line! >= 1 && p.line! <= lineCount, `line of ${JSON.stringify(p).slice(0, 300)} in ${lineCount} lines`).toBe(true);
    // A problem quotes what it found, shortened: a 100 kB value must not come back as a 100 kB message.
    expect(p.message.length + (p.field?.length ?? 0), `problem size: ${p.message.slice(0, 200)}`).toBeLessThan(1200);
    expect(p.message).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }
  return err;
}

async function refused(content: string | Uint8Array, env?: Env): Promise<MlopsError> {
  const result = await load(content, env);
  if (result === 'ok') throw new Error(`expected a refusal for:\n${Buffer.from(content).toString('utf8').slice(0, 500)}`);
  return result;
}

const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
/** Values pydantic v1 would not take as `str` (it took numbers and booleans as `str(value)`). */
const nonString = fc.oneof(
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.dictionary(word, fc.string({ maxLength: 8 }), { minKeys: 1, maxKeys: 3 }),
);
const huge = fc.integer({ min: 50_000, max: 200_000 }).map((n) => 'x'.repeat(n));

interface Mutation {
  what: string;
  /** a problem's field must contain this */
  field: string;
  /** the top-level key it changes: mutations of one case touch different ones, so none hides another */
  area: string;
  env?: Env;
  apply: (d: Doc) => void;
}
const info = (d: Doc) => (d.info as { prediction: Doc }).prediction;
const set = (path: string, value: unknown) => (d: Doc) => {
  const keys = path.split('.');
  let at: Doc = d;
  for (const k of keys.slice(0, -1)) at = at[k] as Doc;
  at[keys.at(-1)!] = value;
};

/** Mutations that always make a valid document invalid. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom('model_name', 'human_friendly_model_name', 'model_file', 'req_file', 'info', 'info.prediction', 'info.prediction.owner', 'info.prediction.description')
    .map((path) => ({ what: `missing ${path}`, field: path.split('.').at(-1)!, area: path.split('.')[0], apply: set(path, undefined) })),
  fc.tuple(fc.constantFrom('model_name', 'human_friendly_model_name', 'model_file', 'req_file', 'info.prediction.description', 'info.prediction.owner'), nonString)
    .map(([path, v]) => ({ what: `${path} = ${JSON.stringify(v)}`, field: path.split('.').at(-1)!, area: path.split('.')[0], apply: set(path, v) })),
  fc.tuple(
    fc.constantFrom(
      ['model_name', MAX_MODEL_NAME_LENGTH + 1],
      ['human_friendly_model_name', 141],
      ['info.prediction.description', 501],
      ['info.prediction.owner', 129],
      ['dataset', 256],
    ) as fc.Arbitrary<[string, number]>,
    fc.integer({ min: 0, max: 300 }),
  ).map(([[path, min], extra]) => ({ what: `${path} too long`, field: path.split('.').at(-1)!, area: path.split('.')[0], apply: set(path, 'a'.repeat(min + extra)) })),
  fc.tuple(fc.constantFrom('model_name', 'human_friendly_model_name', 'model_file', 'req_file', 'info.prediction.description', 'info.prediction.owner'), huge)
    .map(([path, v]) => ({ what: `${path} huge`, field: path.split('.').at(-1)!, area: path.split('.')[0], apply: set(path, path.endsWith('file') ? `model_code/${v}.py` : v) })),
  fc.tuple(
    fc.constantFrom('model_file', 'req_file', 'test_file'),
    word,
    fc.constantFrom((n: string) => `../${n}`, (n: string) => `model_code/../../${n}`, (n: string) => `/${n}`, (n: string) => `/etc/${n}`,
      (n: string) => `C:/${n}`, (n: string) => `model_code\\${n}`, () => '../outside/evil', () => 'link_out/evil'),
  ).map(([path, n, make]) => {
    const ext = path === 'req_file' ? '.model' : '.py';
    const v = make(n) + ext;
    return { what: `${path} = ${v}`, field: path, area: path, apply: set(path, v) };
  }),
  fc.constantFrom('../outside', 'link_out', '/tmp', '..', '.', 'model_artifact/../../outside')
    .map((v) => ({ what: `artifact_folder = ${v} in dev`, field: 'artifact_folder', area: 'artifact_folder', env: 'dev' as Env, apply: set('artifact_folder', v) })),
  fc.constantFrom('../x', '/abs/x', 'a\\b')
    .map((v) => ({ what: `helper target_path ${v}`, field: 'target_path', area: 'helper_models', apply: set('helper_models', [{ name: 'h', target_path: v }]) })),
  fc.oneof(fc.constantFrom('py27', 'py36', '2.7', 'banana', 'py3.11.1', ''), fc.integer())
    .map((v) => ({ what: `python_version ${v}`, field: 'python_version', area: 'python_version', apply: set('python_version', v) })),
  fc.oneof(fc.constantFrom(0, -1, 1.5, 'two'), fc.integer({ max: 0 }))
    .map((v) => ({ what: `artifact_version ${v}`, field: 'artifact_version', area: 'artifact_version', apply: set('artifact_version', v) })),
  fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !['cdf', 'local'].includes(s))
    .map((v) => ({ what: `platform ${v}`, field: 'platform', area: 'platform', apply: set('platform', v) })),
  fc.integer({ min: 14, max: 40 }).map((n) => ({
    what: `${n} metadata pairs`, field: 'metadata', area: 'info',
    apply: (d: Doc) => { info(d).metadata = Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])); },
  })),
  fc.tuple(fc.integer({ min: 33, max: 200 }), fc.integer({ min: 513, max: 5000 })).chain(([keyLen, valueLen]) => fc.constantFrom(
    { what: `metadata key of ${keyLen}`, field: 'metadata', area: 'info', apply: (d: Doc) => { info(d).metadata = { ['k'.repeat(keyLen)]: 1 }; } },
    { what: `metadata value of ${valueLen}`, field: 'metadata', area: 'info', apply: (d: Doc) => { info(d).metadata = { k: 'v'.repeat(valueLen) }; } },
    { what: 'reserved metadata key', field: 'metadata', area: 'info', apply: (d: Doc) => { info(d).metadata = { version: '1' }; } },
  )),
  fc.integer({ min: 2, max: 300 }).map((depth) => ({
    what: `model_file nested ${depth} deep`, field: 'model_file', area: 'model_file',
    apply: set('model_file', Array.from({ length: depth }).reduce<unknown>((inner, _, i) => (i % 2 ? { k: inner } : [inner]), 'x')),
  })),
);

describe('settings fuzzing', () => {
  afterAll(() => {
    console.log(`settings fuzzing: ${casesRun} cases, every one refused with a located MlopsError or loaded (FUZZ_RUNS=${TOTAL_RUNS})`);
  });

  it('a mutated valid document is refused with a problem on the mutated field', async () => {
    // Sanity: the unmutated documents load, so every refusal below is the mutation's doing.
    expect(await load(stringify(validDoc()))).toBe('ok');
    expect(await load(`${stringify(validDoc('a'))}---\n${stringify(validDoc('b'))}`)).toBe('ok');
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(mutation, { minLength: 1, maxLength: 3, selector: (m) => m.area }), fc.boolean(), async (mutations, second) => {
        const d = validDoc('target');
        for (const m of mutations) m.apply(d);
        // Half the time the broken model is the second document, so lines are not all near 1.
        const text = second ? `${stringify(validDoc('first'))}---\n${stringify(d)}` : stringify(d);
        const err = await refused(text, mutations.find((m) => m.env)?.env);
        for (const m of mutations) {
          expect(err.problems.some((p) => p.field?.includes(m.field)), `${m.what}: ${JSON.stringify(err.problems).slice(0, 800)}`).toBe(true);
        }
      }),
      { numRuns: runs(0.4), seed },
    );
  });

  it('unknown keys load, each with a warning at its line (akerbp-mlops ignored them)', async () => {
    // Keys PyYAML reads as text (an unquoted `no:` or `~:` key is False or None, named so in the warning).
    const unknownKey = fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !ALLOWED_KEYS[''].includes(k) && k.trim() !== '' && k !== '<<' && resolvePlain(k) === 'str');
    await fc.assert(
      fc.asyncProperty(unknownKey, async (key) => {
        casesRun++;
        const text = stringify({ ...validDoc(), [key]: 1 });
        writeFileSync(settingsPath, text);
        const loaded = await loadSettings({ file: 'mlops_settings.yaml', repoRoot: repo });
        const line = text.split('\n').findIndex((l) => l.endsWith(': 1')) + 1;
        expect(loaded.warnings, key).toMatchObject([{ field: `m1.${key}`, line, message: expect.stringMatching(/^unknown key/) }]);
      }),
      { numRuns: runs(0.1), seed },
    );
  });

  it('duplicate model names across documents are refused at the second one', async () => {
    const err = await refused(`${stringify(validDoc('same'))}---\n${stringify(validDoc('same'))}`);
    const secondStart = stringify(validDoc()).split('\n').length + 1;
    expect(err.problems).toEqual([expect.objectContaining({ line: secondStart, field: 'same.model_name', message: expect.stringMatching(/already used by the model at line 1/) })]);
  });

  it('randomly broken YAML text loads or is refused with located problems', async () => {
    const base = stringify(validDoc());
    const edit = fc.oneof(
      fc.tuple(fc.nat(base.length), fc.stringMatching(/^[:\-[\]{}&*!|>'"\t%@`#,? \n]{1,4}$/)).map(([at, s]) => (t: string) => t.slice(0, at) + s + t.slice(at)),
      fc.tuple(fc.nat(base.length), fc.nat(40)).map(([at, n]) => (t: string) => t.slice(0, at) + t.slice(at + n)),
      fc.nat(base.length).map((at) => (t: string) => t.slice(0, at)),
      fc.tuple(fc.nat(20), fc.nat(6)).map(([line, indent]) => (t: string) =>
        t.split('\n').map((l, i) => (i === line ? ' '.repeat(indent) + l.trimStart() : l)).join('\n')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        await load(edits.reduce((t, e) => e(t), base));
      }),
      { numRuns: runs(0.25), seed },
    );
  });

  it('alias bombs are refused by the alias limit; cyclic aliases are refused too', async () => {
    const bomb = (width: number, depth: number, indent: string) => {
      const lines = [`${indent}l0: &a0 [${Array(width).fill('"lol"').join(', ')}]`];
      for (let i = 1; i <= depth; i++) lines.push(`${indent}l${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]`);
      return lines.join('\n') + '\n';
    };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 12 }), fc.boolean(), async (width, depth, inMetadata) => {
        // Inside metadata the document is otherwise valid; at the top level it has unknown keys anyway.
        const text = inMetadata
          ? `${stringify(validDoc()).replace(/ {4}metadata:\n(?: {6}.*\n)+/, '')}    metadata:\n${bomb(width, depth, '      ')}`
          : bomb(width, depth, '');
        const expansion = width ** (depth + 1);
        const result = await load(text);
        if (expansion > 100_000) {
          expect(result).toBeInstanceOf(MlopsError);
          expect((result as MlopsError).problems.some((p) => /alias/i.test(p.message)), JSON.stringify((result as MlopsError).problems)).toBe(true);
        }
      }),
      { numRuns: runs(0.1), seed },
    );
    const cyclic = await refused(`${stringify(validDoc())}`.replace(/ {6}units:\n.*\n/, '      units: &u\n        - *u\n'));
    expect(cyclic.problems.some((p) => /alias/i.test(p.message) && p.line === 14), JSON.stringify(cyclic.problems)).toBe(true);
  });

  it('bytes that are not UTF-8 are refused at their line; random bytes never escape', async () => {
    const base = Buffer.from(stringify(validDoc()));
    const invalid = fc.constantFrom([0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf], [0xe2, 0x82]);
    await fc.assert(
      fc.asyncProperty(invalid, fc.nat(base.length), async (bytes, at) => {
        const content = Buffer.concat([base.subarray(0, at), Buffer.from(bytes), base.subarray(at)]);
        const err = await refused(content);
        const line = base.subarray(0, at).toString('latin1').split('\n').length;
        expect(err.problems.some((p) => p.line === line && /UTF-8/.test(p.message)), JSON.stringify(err.problems)).toBe(true);
      }),
      { numRuns: runs(0.1), seed },
    );
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => void (await load(bytes))), { numRuns: runs(0.15), seed });
  });

  // No timed assertion (speed belongs to `npm run bench`): a hang fails on the test's timeout,
  // which is generous because two cores shared by parallel test files make any tight limit flaky.
  it('huge files, many documents and deep nesting are refused without hanging', { timeout: 180_000 }, async () => {
    const big = await refused(`# ${'x'.repeat(100)}\n`.repeat(30_000) + stringify(validDoc()));
    expect(big.problems[0]).toMatchObject({ line: 1, message: expect.stringMatching(/at most 1 MiB/) });
    // Many documents: each repeated one is refused at its own line.
    const docLines = stringify(validDoc()).split('\n').length;
    const many = await refused(`${stringify(validDoc())}---\n`.repeat(300));
    expect(many.problems).toHaveLength(299);
    expect(many.problems.at(-1)).toMatchObject({ line: 299 * docLines + 1, message: expect.stringMatching(/already used by the model at line 1/) });
    await refused(`${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    await refused(`${stringify(validDoc())}    metadata:\n      x: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`);
  });
});
