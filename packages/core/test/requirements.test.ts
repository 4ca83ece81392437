// Requirement files read as pip reads them; pip's own parser (offline, through python3) is the oracle.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MlopsError, checkSharedPins, decodeRequirements, functionRequirements, parseRequirements } from '@akerbp-mlops/core';

const TARGET = { pythonVersion: '3.11' };
/** The environment packaging evaluates markers in, for CDF's py311 (Linux x86_64 CPython). */
const PIP_ENV = {
  python_version: '3.11', python_full_version: '3.11.0', implementation_version: '3.11.0', os_name: 'posix', sys_platform: 'linux',
  platform_system: 'Linux', platform_machine: 'x86_64', platform_python_implementation: 'CPython', implementation_name: 'cpython',
  platform_release: '', platform_version: '', extra: '',
};

/** pip's own reading, offline: argv[1] the marker environment, then one requirements file per argument. */
const PIP_ORACLE = `
import json, re, sys
from pip._internal.network.session import PipSession
from pip._internal.req.constructors import install_req_from_parsed_requirement
from pip._internal.req.req_file import parse_requirements
env = json.loads(sys.argv[1])
def verdict(path):
    out = []
    try:
        for pr in parse_requirements(path, session=PipSession()):
            ir = install_req_from_parsed_requirement(pr)
            line = int(re.search(r'line (\\d+)\\)', pr.comes_from).group(1))
            out.append({'line': line, 'name': ir.req.name if ir.req else None,
                        'specifier': sorted(str(s) for s in ir.req.specifier) if ir.req else [],
                        'url': ir.link.url if ir.link else None,
                        'applies': ir.markers.evaluate(env) if ir.markers else True,
                        'hashes': sorted(pr.options.get('hashes', {}).get('sha256', [])) if pr.options else []})
        return {'ok': out}
    except Exception as e:
        return {'error': str(e)}
print(json.dumps([verdict(p) for p in sys.argv[2:]]))
`;

type PipResult = { ok: { line: number; name: string | null; specifier: string[]; url: string | null; applies: boolean; hashes: string[] }[] } | { error: string };

/** pip's verdict on each text (one interpreter for all: starting pip is slow). */
function pipMany(texts: string[]): PipResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'pip-oracle-'));
  const files = texts.map((text, i) => {
    const file = join(dir, `requirements-${i}.txt`);
    writeFileSync(file, text);
    return file;
  });
  return JSON.parse(execFileSync('python3', ['-c', PIP_ORACLE, JSON.stringify(PIP_ENV), ...files], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] })) as PipResult[];
}

function pip(text: string): PipResult {
  return pipMany([text])[0];
}

const ACCEPTED = `# model requirements
numpy==1.26.4 \\
    --hash=sha256:aaaa \\
    --hash=sha256:bbbb
pandas>=2,<3 ; python_version < "3.12" and sys_platform == 'linux'  # trailing comment
scipy; platform_machine == "arm64"
pywin32 ; sys_platform == "win32"
tomli ; python_version < "3.11"
typing-extensions; python_full_version >= "3.8.1" or os_name == "nt"
akerbp.mlops==MLOPS_VERSION
akerbp-mlops == MLOPS_VERSION
Foo[bar,baz] ~= 1.0
requests[security] >= 2.8.1, == 2.8.* ; python_version >= "3.8"
--index-url https://example.invalid/simple
--extra-index-url https://example.invalid/extra
--pre
foo @ https://example.invalid/foo-1.0.whl
git+https://github.com/org/repo.git@v1#egg=mypkg
weird===1.0+local
`;

describe('requirements as pip reads them (pip is the oracle)', () => {
  it('joins continuations and --hash lines, strips comments, evaluates markers for the target, like pip', () => {
    const expected = pip(ACCEPTED);
    expect('ok' in expected, JSON.stringify(expected)).toBe(true);
    const ours = parseRequirements(ACCEPTED, TARGET);
    expect(ours.problems).toEqual([]);
    const requirements = ours.lines.filter((l) => l.kind === 'requirement').map((l) => ({
      line: l.line, name: l.name ?? null, specifier: l.specifier ? l.specifier.split(',').map((s) => s.replace(/\s+/g, '')).sort() : [],
      url: l.url ?? null, applies: l.applies, hashes: l.options.filter((o) => o.name === '--hash').map((o) => (o.value as string).replace(/^sha256:/, '')).sort(),
    }));
    expect(requirements).toEqual((expected as Extract<PipResult, { ok: unknown }>).ok);
    expect(ours.lines[0]).toMatchObject({ line: 2, lines: 3, name: 'numpy', specifier: '==1.26.4', text: 'numpy==1.26.4     --hash=sha256:aaaa     --hash=sha256:bbbb' });
    expect(ours.lines.filter((l) => l.kind === 'option').map((l) => l.options)).toEqual([
      [{ name: '--index-url', value: 'https://example.invalid/simple' }], [{ name: '--extra-index-url', value: 'https://example.invalid/extra' }], [{ name: '--pre' }],
    ]);
  });

  // (`numpy==` alone: pip ≥ 24.1 refuses it, as we do; pip 23's legacy specifiers took it, so it is not in this list.)
  const REFUSED: [string, RegExp][] = [
    ['numpy=1.2', /pip refuses "numpy=1.2": not a valid requirement \(= is not a valid operator; did you mean ==\?\)/],
    ['--foo bar', /pip refuses the options of this line: no such option: --foo/],
    ['numpy==1.0 --hash', /--hash option requires 1 argument/],
    ['foo; python_version <> "3"', /pip refuses "foo; python_version <> "3"": not a valid requirement/],
    ['pkg>=1 "unclosed', /pip refuses/],
  ];
  it('refuses, at its line, each line pip refuses', () => {
    const texts = REFUSED.map(([line]) => `numpy==1.26.4\n# ok so far\n${line}\n`);
    const verdicts = pipMany(texts);
    for (const [i, [line, message]] of REFUSED.entries()) {
      expect([line, 'error' in verdicts[i]]).toEqual([line, true]);
      expect(parseRequirements(texts[i], TARGET).problems).toEqual([{ line: 3, message: expect.stringMatching(message) }]);
    }
  });

  it('comments out both spellings of the package, with their continuation lines, and keeps the rest', () => {
    const text = 'numpy==1.26.4\nakerbp.mlops==MLOPS_VERSION\nAkerBP_MLOps[extra] == MLOPS_VERSION \\\n    --hash=sha256:abc\nscipy\n';
    expect(functionRequirements(text)).toBe('numpy==1.26.4\n# akerbp.mlops==MLOPS_VERSION  (removed by akerbp/mlops: the function zip ships its own runtime)\n# AkerBP_MLOps[extra] == MLOPS_VERSION \\\n# --hash=sha256:abc  (removed by akerbp/mlops: the function zip ships its own runtime)\nscipy\n');
    expect('ok' in pip(functionRequirements(text).replace(/MLOPS_VERSION/g, '1'))).toBe(true);
  });

  it('compares helper pins only on lines whose markers apply on the target', () => {
    const main = { file: 'requirements.model', text: 'akerbp-mlpet==4.2 ; python_version >= "3.10"\nakerbp-mlpet==3.0 ; python_version < "3.10"\n' };
    expect(() => checkSharedPins(['akerbp-mlpet'], main, { name: 'h', file: 'h.txt', text: 'akerbp_mlpet==4.2\n' }, TARGET)).not.toThrow();
    expect(() => checkSharedPins(['akerbp-mlpet'], main, { name: 'h', file: 'h.txt', text: 'akerbp_mlpet==4.3\n' }, TARGET)).toThrow(MlopsError);
  });
});

describe('requirement file encodings', () => {
  const text = 'numpy==1.26.4\nakerbp-mlops==MLOPS_VERSION\n';
  it('decodes UTF-16 LE and BE with a byte-order mark, and a UTF-8 BOM, each with a warning', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    expect(decodeRequirements(le, 'model_code/requirements.model')).toEqual({ text, warning: expect.stringMatching(/^is UTF-16 LE text/) });
    expect(decodeRequirements(be, 'model_code/requirements.model')).toEqual({ text, warning: expect.stringMatching(/^is UTF-16 BE text/) });
    expect(decodeRequirements(Buffer.from(`\ufeff${text}`), 'r')).toEqual({ text, warning: expect.stringMatching(/UTF-8 byte-order mark/) });
    expect(decodeRequirements(Buffer.from(text), 'r')).toEqual({ text });
  });

  it('refuses what it cannot read, naming the encoding and the line', () => {
    const refused = (bytes: Buffer) => {
      try {
        decodeRequirements(bytes, 'model_code/requirements.model');
      } catch (err) {
        return (err as MlopsError).problems[0];
      }
      throw new Error('expected a refusal');
    };
    expect(refused(Buffer.from(text, 'utf16le'))).toMatchObject({ file: 'model_code/requirements.model', line: 1, message: expect.stringMatching(/UTF-16 text without a byte-order mark/) });
    expect(refused(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('n\0\0\0')]))).toMatchObject({ message: expect.stringMatching(/UTF-32/) });
    expect(refused(Buffer.from('numpy\nsc\xe9py\n', 'latin1'))).toMatchObject({ line: 2, message: expect.stringMatching(/not UTF-8 text \(byte 0xe9 on line 2\)/) });
  });
});
