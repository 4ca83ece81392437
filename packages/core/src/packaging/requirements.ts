/**
 * The one reader of requirement files in the suite (packaging, validate, test-model, the
 * credential check on requirement lines): files are read the way pip reads them, and
 * `requirements.model` becomes the function's `requirements.txt`.
 *
 * pip's reading (pip/_internal/req/req_file.py, pip 23–24): lines are split like Python's
 * `str.splitlines`, a line ending in `\` is joined with the next, comments (`#` at the start or
 * after whitespace) are removed, the text before the first token starting with `-` is the
 * requirement and the rest are options (`--hash=...` per requirement; `-r`, `-i`, ... alone).
 * The requirement itself is PEP 508, parsed by pip-requirements-js (a port of PEP 508's grammar)
 * or a URL / path. Environment markers are evaluated for the target runtime (CDF Functions:
 * Linux, x86_64, CPython, the settings' Python) with @renovatebot/pep440 for version comparisons,
 * as packaging's `Marker.evaluate` does.
 */
import { satisfies, validRange } from '@renovatebot/pep440';
import { parsePipRequirementsLine, type EnvironmentMarker, type EnvironmentMarkerLeaf, type Requirement } from 'pip-requirements-js';
import { MlopsError, type Problem } from '../errors.js';

/** PEP 503 normalised distribution name: case-insensitive, runs of `-_.` are one `-`. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** One option on a requirements line, e.g. `{ name: '--hash', value: 'sha256:...' }` or `{ name: '-r', value: 'base.txt' }`. */
export interface RequirementOption {
  name: string;
  value?: string;
}

/**
 * One logical line of a requirements file as pip reads it (exported for every check on
 * requirement lines, e.g. credentials in URLs: look at `text`, `url` and `options`).
 */
export interface RequirementLine {
  /** 1-based physical line the logical line starts at */
  line: number;
  /** physical lines it spans (`\` continuations) */
  lines: number;
  /** the logical line pip parses: continuations joined, comment removed, trimmed */
  text: string;
  /** `requirement` (a name or URL to install), `editable` (`-e X`), or `option` (`-r`, `-i`, `--pre`, ... alone) */
  kind: 'requirement' | 'editable' | 'option';
  /** the distribution name as written (PEP 508, or `#egg=` of a URL); absent for nameless URLs/paths and options */
  name?: string;
  /** the version specifiers as written, joined by `,` (e.g. `==1.2.3`, `>=1,<2`); '' when unpinned */
  specifier: string;
  extras: string[];
  /** `name @ url`, a direct URL or path, or the target of `-e` */
  url?: string;
  /** the environment marker after `;`, as written */
  marker?: string;
  /** the marker's value on the target runtime: true without one; null when it hangs on what the target does not fix (the Python patch version) */
  applies: boolean | null;
  options: RequirementOption[];
}

/** The runtime markers are evaluated for: CDF Functions run CPython on Linux x86_64. */
export interface TargetEnvironment {
  /** `3.11` */
  pythonVersion: string;
}

export interface ParsedRequirements {
  lines: RequirementLine[];
  /** lines pip would refuse (1-based `line`, what is wrong) */
  problems: { line: number; message: string }[];
}

/** Options pip accepts in requirement files (`SUPPORTED_OPTIONS` and `SUPPORTED_OPTIONS_REQ`), whether each takes a value. */
const OPTIONS: Record<string, { takesValue: boolean; perRequirement?: boolean }> = {
  '-i': { takesValue: true }, '--index-url': { takesValue: true }, '--extra-index-url': { takesValue: true }, '--no-index': { takesValue: false },
  '-c': { takesValue: true }, '--constraint': { takesValue: true }, '-r': { takesValue: true }, '--requirement': { takesValue: true },
  '-e': { takesValue: true }, '--editable': { takesValue: true }, '-f': { takesValue: true }, '--find-links': { takesValue: true },
  '--no-binary': { takesValue: true }, '--only-binary': { takesValue: true }, '--prefer-binary': { takesValue: false },
  '--require-hashes': { takesValue: false }, '--pre': { takesValue: false }, '--trusted-host': { takesValue: true }, '--use-feature': { takesValue: true },
  '--global-option': { takesValue: true, perRequirement: true }, '--config-settings': { takesValue: true, perRequirement: true },
  '--hash': { takesValue: true, perRequirement: true },
};

/** Python's `str.splitlines` separators. */
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;
/** pip's COMMENT_RE: `#` at the start of the line or after whitespace, to the end. */
const COMMENT = /(^|\s+)#.*$/;

/** One logical line of a requirements file, as pip reads it. */
export interface LogicalLine {
  /** 1-based number of its first physical line */
  line: number;
  /** continuation lines joined, comment stripped, trimmed; never empty */
  text: string;
}

/**
 * The logical lines of a requirements file, as pip's req_file preprocessing makes them: a line
 * ending in a backslash continues on the next, `#` at the start or after whitespace starts a
 * comment, blank lines are dropped. Option lines (`-i URL`, `--extra-index-url URL`) are kept.
 */
export function logicalLines(text: string): LogicalLine[] {
  return spannedLines(text).map(({ line, text: t }) => ({ line, text: t }));
}

/** pip's `join_lines` + `ignore_comments`: logical lines with their first physical line and span. */
function spannedLines(text: string): (LogicalLine & { lines: number })[] {
  const out: { line: number; lines: number; text: string }[] = [];
  let pending: { line: number; parts: string[] } | null = null;
  text.split(LINE_BREAK).forEach((physical, i) => {
    const isComment = /^\s*#/.test(physical);
    if (!physical.endsWith('\\') || isComment) {
      const part = isComment ? ` ${physical}` : physical;
      if (pending) {
        pending.parts.push(part);
        out.push({ line: pending.line, lines: i + 1 - pending.line + 1, text: pending.parts.join('') });
        pending = null;
      } else {
        out.push({ line: i + 1, lines: 1, text: physical });
      }
    } else {
      pending ??= { line: i + 1, parts: [] };
      pending.parts.push(physical.replace(/^\\+|\\+$/g, ''));
    }
  });
  const tail = pending as { line: number; parts: string[] } | null;
  if (tail) out.push({ line: tail.line, lines: tail.parts.length, text: tail.parts.join('') });
  return out.map((l) => ({ ...l, text: l.text.replace(COMMENT, '').trim() })).filter((l) => l.text);
}

/** pip's options that read another file (`-r base.txt`, `-c constraints.txt`). */
const INCLUDE_OPTIONS = new Set(['-r', '--requirement', '-c', '--constraint']);

/** Python's `shlex.split` (POSIX mode) for an options string; throws on an unclosed quote. */
function shlexSplit(s: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'" || c === '"') {
      const end = s.indexOf(c, i + 1);
      if (end < 0) throw new Error('No closing quotation');
      word = (word ?? '') + s.slice(i + 1, end);
      i = end;
    } else if (c === '\\' && i + 1 < s.length) {
      word = (word ?? '') + s[++i];
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** optparse's reading of the option words: `--opt=value`, `--opt value`, `-ivalue`, `-i value`. */
function parseOptions(words: string[]): RequirementOption[] {
  const out: RequirementOption[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word.startsWith('-')) continue; // optparse leaves positional words to the caller, pip ignores them
    const long = word.startsWith('--');
    const [name, inline] = long ? (word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined]) : [word.slice(0, 2), word.length > 2 ? word.slice(2) : undefined];
    const spec = OPTIONS[name];
    if (!spec) throw new Error(`no such option: ${name}`);
    if (!spec.takesValue) {
      if (inline !== undefined) throw new Error(`${name} option does not take a value`);
      out.push({ name });
      continue;
    }
    const value = inline ?? words[++i];
    if (value === undefined) throw new Error(`${name} option requires 1 argument`);
    out.push({ name, value });
  }
  return out;
}

/** pip treats these as a URL or a local path rather than a PEP 508 name (`_looks_like_path`, `is_url`, archives). */
function isUrlOrPath(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(s) || /^(git|hg|svn|bzr)\+/.test(s) || s.startsWith('.') || s.startsWith('/') || s.includes('/') || s.includes('\\') || /\.(whl|tar\.gz|tgz|tar\.bz2|tar|zip)$/i.test(s);
}

const ENVIRONMENT = (target: TargetEnvironment, patch: string): Record<string, string> => ({
  python_version: target.pythonVersion,
  python_full_version: `${target.pythonVersion}.${patch}`,
  implementation_version: `${target.pythonVersion}.${patch}`,
  os_name: 'posix',
  sys_platform: 'linux',
  platform_system: 'Linux',
  platform_machine: 'x86_64',
  platform_python_implementation: 'CPython',
  implementation_name: 'cpython',
  platform_release: '',
  platform_version: '',
  extra: '',
});

function unquote(s: string): { value: string; variable: boolean } {
  return /^(['"]).*\1$/s.test(s) ? { value: s.slice(1, -1), variable: false } : { value: s, variable: true };
}

/** packaging's `_eval_op`: a version comparison when `op rhs` is a valid specifier, else Python string operators. */
function evalLeaf(leaf: EnvironmentMarkerLeaf, env: Record<string, string>): boolean {
  const side = (s: string) => {
    const u = unquote(s);
    return u.variable ? env[u.value] ?? '' : u.value;
  };
  const [lhs, rhs, op] = [side(leaf.left), side(leaf.right), leaf.operator as string];
  if (op !== 'in' && op !== 'not in' && validRange(`${op}${rhs}`)) return satisfies(lhs, `${op}${rhs}`);
  switch (op) {
    case 'in': return rhs.includes(lhs);
    case 'not in': return !rhs.includes(lhs);
    case '==': return lhs === rhs;
    case '!=': return lhs !== rhs;
    case '<': return lhs < rhs;
    case '<=': return lhs <= rhs;
    case '>': return lhs > rhs;
    case '>=': return lhs >= rhs;
    default: throw new Error(`the marker comparison ${leaf.left} ${op} ${leaf.right} is undefined`);
  }
}

function evalMarker(m: EnvironmentMarker, env: Record<string, string>): boolean {
  if ('left' in m && (m.operator === 'and' || m.operator === 'or') && typeof m.left === 'object') {
    const node = m as { operator: 'and' | 'or'; left: EnvironmentMarker; right: EnvironmentMarker };
    return node.operator === 'and' ? evalMarker(node.left, env) && evalMarker(node.right, env) : evalMarker(node.left, env) || evalMarker(node.right, env);
  }
  return evalLeaf(m as EnvironmentMarkerLeaf, env);
}

/** The marker on the target; null when the lowest and a high patch version disagree (CDF does not publish the patch). */
function markerApplies(tree: EnvironmentMarker | undefined, target: TargetEnvironment): boolean | null {
  if (!tree) return true;
  const low = evalMarker(tree, ENVIRONMENT(target, '0'));
  return low === evalMarker(tree, ENVIRONMENT(target, '99')) ? low : null;
}

/** pip's message hints for common mistakes (`pkg=1.0`). */
function hint(text: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*\s*\[?[^=<>!~]*\]?\s*=[^=]/.test(text) ? ' (= is not a valid operator; did you mean ==?)' : '';
}

type ProjectRequirement = Extract<Requirement, { type: 'ProjectName' | 'ProjectURL' }>;

function parsePep508(text: string): ProjectRequirement {
  // pip-requirements-js reads `===` as `==` followed by `=`; arbitrary equality (`===1.0+x`) is parsed as `==` and put back.
  const arbitrary = /===/.test(text);
  const parsed = parsePipRequirementsLine(arbitrary ? text.replace('===', '==') : text);
  if (!parsed || (parsed.type !== 'ProjectName' && parsed.type !== 'ProjectURL')) throw new Error('not a requirement');
  if (arbitrary && parsed.type === 'ProjectName') parsed.versionSpec = parsed.versionSpec?.map((v) => (v.operator === '==' ? { ...v, operator: '===' as never } : v));
  return parsed;
}

/**
 * Reads a requirements file's text as pip does. `target` decides `applies`; without it every
 * line applies. Never throws: what pip would refuse is in `problems`, each at its line.
 */
export function parseRequirements(text: string, target?: TargetEnvironment): ParsedRequirements {
  const lines: RequirementLine[] = [];
  const problems: ParsedRequirements['problems'] = [];
  for (const logical of spannedLines(text)) {
    // break_args_options: words before the first one starting with '-' are the requirement.
    const tokens = logical.text.split(' ');
    const first = tokens.findIndex((t) => t.startsWith('-'));
    const args = (first < 0 ? tokens : tokens.slice(0, first)).join(' ').trim();
    const optionText = first < 0 ? '' : tokens.slice(first).join(' ');
    const base = { line: logical.line, lines: logical.lines, text: logical.text, specifier: '', extras: [] as string[], applies: true as boolean | null };
    let options: RequirementOption[];
    try {
      options = parseOptions(shlexSplit(optionText));
    } catch (err) {
      problems.push({ line: logical.line, message: `pip refuses the options of this line: ${(err as Error).message}` });
      continue;
    }
    const editable = options.find((o) => o.name === '-e' || o.name === '--editable');
    if (!args) {
      if (editable) lines.push({ ...base, kind: 'editable', url: editable.value, options });
      else lines.push({ ...base, kind: 'option', options });
      // The zip carries this file alone, as requirements.txt at its root: pip there cannot open an include.
      const include = options.find((o) => INCLUDE_OPTIONS.has(o.name));
      if (include) problems.push({ line: logical.line, message: `${include.name} ${include.value} includes another file, which CDF's build cannot open: the function zip carries this file alone, as requirements.txt at its root. Put the lines of ${include.value} in this file instead.` });
      continue;
    }
    const perLine = options.filter((o) => !OPTIONS[o.name].perRequirement);
    if (perLine.length) {
      problems.push({ line: logical.line, message: `pip allows only --hash, --global-option and --config-settings after a requirement; found ${perLine.map((o) => o.name).join(', ')} (put it on a line of its own)` });
      continue;
    }
    if (isUrlOrPath(args) && !/^[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?\s*@/.test(args)) {
      // A URL's marker follows "; " (pip's rule: a URL may contain ';').
      const [url, marker] = args.split(/;\s(.*)/s);
      const egg = /#egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url);
      let tree: EnvironmentMarker | undefined;
      if (marker) {
        try {
          tree = parsePep508(`x; ${marker}`).environmentMarkerTree;
        } catch (err) {
          problems.push({ line: logical.line, message: `pip refuses the marker "${marker.trim()}": ${(err as Error).message}` });
          continue;
        }
      }
      lines.push({ ...base, kind: 'requirement', name: egg?.[1], url: url.trim(), marker: marker?.trim(), applies: target ? markerApplies(tree, target) : true, options });
      continue;
    }
    let req: ProjectRequirement;
    try {
      req = parsePep508(args);
    } catch (err) {
      const detail = (err as Error).message.replace(/^Failed to parse requirements line\. Line 1, /, '');
      problems.push({ line: logical.line, message: `pip refuses "${args}": not a valid requirement${hint(args)}: ${detail}` });
      continue;
    }
    const r = req;
    const markerAt = args.indexOf(';');
    let applies: boolean | null = true;
    if (target) {
      try {
        applies = markerApplies(r.environmentMarkerTree, target);
      } catch (err) {
        problems.push({ line: logical.line, message: `pip cannot evaluate the marker of "${args}": ${(err as Error).message}` });
        continue;
      }
    }
    lines.push({
      ...base,
      kind: 'requirement',
      name: r.name,
      specifier: r.type === 'ProjectName' ? (r.versionSpec ?? []).map((v) => `${v.operator}${v.version}`).join(',') : '',
      extras: r.extras ?? [],
      url: r.type === 'ProjectURL' ? r.url : undefined,
      marker: markerAt >= 0 ? args.slice(markerAt + 1).trim() : undefined,
      applies,
      options,
    });
  }
  return { lines, problems };
}

/** A requirements file's bytes as text: UTF-8, or UTF-16/UTF-8 with a byte-order mark (decoded, with a warning, as pip does). */
export function decodeRequirements(bytes: Buffer, file: string): { text: string; warning?: string } {
  const refuse = (message: string, line = 1): never => {
    throw new MlopsError(`${file}: ${message}`, [{ file, line, column: 1, field: 'req_file', message }]);
  };
  if (bytes.subarray(0, 4).equals(Buffer.from([0xff, 0xfe, 0, 0])) || bytes.subarray(0, 4).equals(Buffer.from([0, 0, 0xfe, 0xff]))) {
    refuse('is UTF-32 text; save it as UTF-8');
  }
  const utf16 = (bom: number[], name: string, little: boolean) => {
    if (bytes[0] !== bom[0] || bytes[1] !== bom[1]) return undefined;
    if ((bytes.length - 2) % 2) refuse(`starts with a ${name} byte-order mark but has an odd number of bytes; save it as UTF-8`);
    const body = Buffer.from(bytes.subarray(2));
    if (!little) body.swap16();
    return { text: body.toString('utf16le'), warning: `is ${name} text; read as pip reads it, and written into the function's requirements.txt as UTF-8` };
  };
  const decoded = utf16([0xff, 0xfe], 'UTF-16 LE', true) ?? utf16([0xfe, 0xff], 'UTF-16 BE', false);
  if (decoded) return decoded;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ...decodeUtf8(bytes.subarray(3), refuse), warning: 'starts with a UTF-8 byte-order mark; it is left out of the function\'s requirements.txt' };
  }
  // UTF-16 without a BOM: every other byte NUL in ASCII text.
  if (bytes.length >= 4 && (bytes[1] === 0 || bytes[0] === 0) && bytes.includes(0)) refuse('looks like UTF-16 text without a byte-order mark; save it as UTF-8');
  return decodeUtf8(bytes, refuse);
}

function decodeUtf8(bytes: Buffer, refuse: (message: string, line?: number) => never): { text: string } {
  const text = bytes.toString('utf8');
  if (!text.includes('\ufffd') || Buffer.from(text).equals(bytes)) return { text };
  const back = Buffer.from(text);
  let at = 0;
  while (at < bytes.length && bytes[at] === back[at]) at++;
  const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
  return refuse(`is not UTF-8 text (byte 0x${bytes[at].toString(16)} on line ${line}); save it as UTF-8`, line);
}

/** The problems of a requirements file as located `Problem`s, for validate. */
export function requirementProblems(parsed: ParsedRequirements, file: string): Problem[] {
  return parsed.problems.map((p) => ({ file, line: p.line, column: 1, field: 'req_file', message: p.message }));
}

const SUITE_DISTRIBUTION = 'akerbp-mlops';

/**
 * requirements.txt for the zip: every `akerbp-mlops` / `akerbp.mlops` requirement
 * (`==MLOPS_VERSION` or any other pin) becomes a comment, everything else stays as written:
 * the runtime in the zip replaces the Python package, so pinning it would make CDF install a
 * second, conflicting copy.
 */
export function functionRequirements(text: string): string {
  const suite = parseRequirements(text).lines.filter((r) => r.name && normaliseName(r.name) === SUITE_DISTRIBUTION);
  const physical = new Set(suite.flatMap((r) => Array.from({ length: r.lines }, (_, i) => r.line + i)));
  const last = new Set(suite.map((r) => r.line + r.lines - 1));
  return text
    .split('\n')
    .map((raw, i) => (physical.has(i + 1)
      ? `# ${raw.replace(/\r$/, '').trim()}${last.has(i + 1) ? '  (removed by akerbp/mlops: the function zip ships its own runtime)' : ''}${raw.endsWith('\r') ? '\r' : ''}`
      : raw))
    .join('\n');
}

/**
 * Helper models are imported into the main model's process, so the packages named in
 * `packages_to_check` must be pinned identically in both requirement files (lines whose
 * markers do not apply on the target are left out).
 */
export function checkSharedPins(
  packages: string[],
  main: { file: string; text: string },
  helper: { name: string; file: string; text: string },
  target?: TargetEnvironment,
): void {
  const applying = (text: string) => parseRequirements(text, target).lines.filter((r) => r.kind === 'requirement' && r.name && r.applies !== false);
  const mainReqs = applying(main.text);
  const helperReqs = applying(helper.text);
  const problems: Problem[] = [];
  for (const pkg of packages) {
    const find = (reqs: RequirementLine[]) => reqs.find((r) => normaliseName(r.name as string) === normaliseName(pkg));
    const a = find(mainReqs);
    const b = find(helperReqs);
    if ((a?.specifier ?? null) === (b?.specifier ?? null)) continue;
    const show = (r?: RequirementLine) => (r ? (r.specifier ? `${r.name}${r.specifier}` : `${r.name} (unpinned)`) : 'not listed');
    problems.push({
      file: main.file,
      line: a?.line,
      field: 'helper_models.packages_to_check',
      message: `${pkg} must be pinned the same for the model and its helper model "${helper.name}": ${main.file} has ${show(a)}, the helper's ${helper.file} has ${show(b)}.`,
    });
  }
  if (problems.length) {
    throw new MlopsError(`Helper model "${helper.name}" needs different versions of ${problems.length === 1 ? 'a package' : 'packages'} than the model.`, problems);
  }
}
