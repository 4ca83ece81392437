// Oracle tests: PyYAML 6 (python3 -c 'import yaml') and Python's str()/repr() decide what is right.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PyDict, pyRepr, pyStr, pyValueOf, type PyYamlIssue } from '../src/settings/pyyaml.js';
import { artifactMetadataValue } from '../src/artifacts/metadata-value.js';

/** Tricky plain and quoted scalars, each as the value of one key. */
const SCALARS = [
  'y', 'n', 'Y', 'N', 'yes', 'no', 'No', 'NO', 'on', 'Off', 'true', 'TRUE', 'tRUE', 'false', 'null', 'Null', 'NULL', 'nULL', '~', '',
  '08', '0123', '0o17', '0x1F', '0x_1f', '0b101', '-0b11', '+12', '-0', '0', '1_000', '12:30', '-1:30:00', '190:20:30', '1:60',
  '1e-3', '1.0e3', '1.0e+3', '1e3', '1.5E-4', '3.10', '3.1', '1.0', '1.', '.5', '-.5', '+.5', '1e+16', '1.0e+16', '1.5e+16', '1e+15', '0.0001', '0.00001',
  '123456789012345678901234', '1_2.3_4', '190:20:30.15', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '-999.15', '2.5e-10', '1e400', '0.1', '100.0',
  '2020-01-01', '2020-1-1', '2020-02-29', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 +1', '2001-12-14 21:59:43Z', '2001-12-14T21:59:43.1234567Z',
  '2001-12-15 2:59:43.10', '2020-01-01 00:00:00', '2020-01-01 12:30:00+00:00', '2020-01-01 12:30:00-00:30',
  'hello world', "it's", '"quoted"', "'single'", 'ACS', 'py311', '=x', '<<x', 'é',
  '"3.10"', "'no'", '"0123"', '"2020-01-01"', '!!str 123', '!!int "42"', '!!float 3', '!!bool yes', '!!null ""', '! 12', '"multi\\nline"', '"\\x07bell"',
  '[ACS, RDEP, DEN]', '[1, 1.0, 1e+16, .inf, no, ~, 2020-01-01]', "[\"it's\", 'say \"hi\"', \"both ' and \\\"\"]", '{name: keyword_1, required: yes, default: 0.5}',
  '[{name: keyword_1, required: true}, {name: k2, required: False, default: null}]', '{1: a, 2.5: b, true: c, null: d, 2020-01-01: e}', '[]', '{}', '[[1, [2]], {a: [y, n]}]',
];

function python(script: string, input: string, args: string[] = []): string {
  return execFileSync('python3', ['-c', script, ...args], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

describe('PyYAML oracle', () => {
  it('reads every scalar of the corpus as PyYAML safe_load does, and str()/repr() them as Python does', () => {
    const yamlText = SCALARS.map((s, i) => `k${i}: ${s}\n`).join('');
    const expected = JSON.parse(python(
      'import sys, yaml, json\nd = yaml.safe_load(sys.stdin.read())\nprint(json.dumps({k: [str(v), repr(v)] for k, v in d.items()}))',
      yamlText,
    )) as Record<string, [string, string]>;
    const doc = parseDocument(yamlText, { merge: true, uniqueKeys: false });
    const issues: PyYamlIssue[] = [];
    const ours = pyValueOf(doc.contents, doc, { issues });
    expect(issues).toEqual([]);
    expect(ours).toBeInstanceOf(PyDict);
    const got = Object.fromEntries((ours as PyDict).entries.map(([k, v]) => [pyStr(k), [pyStr(v), pyRepr(v)]]));
    for (const [i, s] of SCALARS.entries()) expect([s, got[`k${i}`]]).toEqual([s, expected[`k${i}`]]);
  });

  it('flattens merge keys and duplicate keys in PyYAML\'s order', () => {
    const text = 'a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4}\nc:\n  w: 0\n  <<: [*a, *b]\n  x: 9\nd:\n  k: 1\n  k: 2\ne:\n  <<: *b\n  y: 5\n';
    const expected = python('import sys, yaml\nd = yaml.safe_load(sys.stdin.read())\nprint(repr(d))', text).trim();
    const doc = parseDocument(text, { merge: true, uniqueKeys: false });
    expect(pyRepr(pyValueOf(doc.contents, doc))).toBe(expected);
  });

  it('finds what PyYAML refuses', () => {
    const texts = ['a: 2020-02-30', 'a: =', 'a: !foo bar', 'a: 2020-01-01 25:00:00', 'a: !!int 1.5', 'a: 0x_', 'a: tab\there', 'a: 2020-01-01', 'a: "="'];
    const refused = JSON.parse(python(
      'import sys, yaml, json\ndef fails(t):\n  try:\n    yaml.safe_load(t)\n    return False\n  except Exception:\n    return True\nprint(json.dumps([fails(t) for t in json.load(sys.stdin)]))',
      JSON.stringify(texts),
    )) as boolean[];
    expect(refused.filter(Boolean)).toHaveLength(7);
    for (const [i, text] of texts.entries()) {
      const doc = parseDocument(text, { merge: true, uniqueKeys: false });
      const issues: PyYamlIssue[] = [];
      pyValueOf(doc.contents, doc, { issues });
      expect([text, issues.length > 0]).toEqual([text, refused[i]]);
    }
  });
});

describe('artifact metadata oracle', () => {
  it('encodes non-string values as the Python runtime\'s mm.upload_new_model_version does (json.dumps of jsonable)', () => {
    const values: unknown[] = [
      'text as is', '', 'é ☃ 𝄞', 0.9, 1, -0, 1e16, 1.5e16, 1e21, 1e-7, 0.0001, -999.15, true, false, null, ['a', 'b'], [],
      { name: 'keyword_1', required: true, default: null }, { nested: [1, [2, { x: 'y' }]] }, 'quote " and \\ backslash',
      ['tab\t', 'nl\n', 'bell\u0007', 'del\u007f'], { 'ключ': 'значение' }, [Number.NaN, Infinity, -Infinity],
    ];
    const expected = JSON.parse(python(
      'import sys, json, math\nsys.path.insert(0, sys.argv[1])\nfrom mlops_runtime.artifacts import _metadata_value\n'
        + 'def fix(v):\n  return float("nan") if v == "NaN" else float("inf") if v == "Infinity" else float("-inf") if v == "-Infinity" else [fix(x) for x in v] if isinstance(v, list) else v\n'
        + 'print(json.dumps([_metadata_value(fix(v)) for v in json.load(sys.stdin)]))',
      // JSON has no NaN or infinities: they travel as strings and are rebuilt in Python.
      JSON.stringify(values, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)),
      [resolve(import.meta.dirname, '..', 'runtime')],
    )) as string[];
    expect(values.map(artifactMetadataValue)).toEqual(expected);
  });
});
