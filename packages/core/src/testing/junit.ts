/**
 * Reads pytest's JUnit XML (xunit1 flavour, which carries file and line) into counts and located
 * failures. A small parser for this one well-formed format, not a general XML library.
 */
import { isAbsolute, relative } from 'node:path';

export interface TestFailure {
  /** `file::Class::test` as pytest prints it */
  name: string;
  /** repo-relative POSIX path */
  file?: string;
  line?: number;
  message: string;
}

export interface TestSummary {
  passed: number;
  failed: number;
  skipped: number;
  failures: TestFailure[];
}

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const token = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m; (m = token.exec(xml)); ) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.text += m[1];
    else if (m[6] !== undefined) top.text += decode(m[6]);
    else if (m[3] && m[2] === '/') stack.pop();
    else if (m[3]) {
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decode(a[2] ?? a[3]);
      const el: XmlElement = { name: m[3], attrs, children: [], text: '' };
      top.children.push(el);
      if (!m[5]) stack.push(el);
    }
  }
  return root;
}

function* elements(el: XmlElement, name: string): Generator<XmlElement> {
  for (const c of el.children) {
    if (c.name === name) yield c;
    else yield* elements(c, name);
  }
}

/**
 * Where a failure happened: the deepest traceback frame inside the repository (pytest prints
 * `path:line: Error` and `File "path", line N`), else the test's own definition.
 */
function locate(text: string, repoRoot: string, fallback: { file?: string; line?: number }): { file?: string; line?: number } {
  const frames: { file: string; line: number }[] = [];
  for (const m of text.matchAll(/^(?:E\s+)?(?:File "([^"]+)", line (\d+)|([^\s:"][^:\n"]*\.py):(\d+): )/gm)) {
    const path = m[1] ?? m[3];
    const rel = (isAbsolute(path) ? relative(repoRoot, path) : path).split('\\').join('/');
    // A virtualenv inside the repo is not the user's code.
    if (!rel.startsWith('..') && !rel.includes('site-packages/')) frames.push({ file: rel, line: Number(m[2] ?? m[4]) });
  }
  return frames.at(-1) ?? fallback;
}

export function parseJUnit(xml: string, repoRoot: string): TestSummary {
  const summary: TestSummary = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const tc of elements(parseXml(xml), 'testcase')) {
    const problem = tc.children.find((c) => c.name === 'failure' || c.name === 'error');
    if (tc.children.some((c) => c.name === 'skipped') && !problem) {
      summary.skipped++;
      continue;
    }
    if (!problem) {
      summary.passed++;
      continue;
    }
    summary.failed++;
    // xunit1 lines are 0-based; collection errors have no file, only a dotted module name.
    const file = tc.attrs.file ?? (tc.attrs.classname ? undefined : `${tc.attrs.name.replace(/\./g, '/')}.py`);
    const line = tc.attrs.line !== undefined ? Number(tc.attrs.line) + 1 : undefined;
    const name = `${file ?? tc.attrs.classname}::${tc.attrs.name}`;
    const first = (problem.attrs.message ?? '').trim() || problem.text.trim().split('\n').at(-1) || problem.name;
    summary.failures.push({ name, ...locate(problem.text, repoRoot, { file, line }), message: first.length > 1000 ? `${first.slice(0, 1000)}…` : first });
  }
  return summary;
}
