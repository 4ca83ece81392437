/**
 * requirements.model → requirements.txt, and the pins helper models must share with the main
 * model. Lines are kept verbatim except the `akerbp-mlops` one: the runtime in the zip replaces
 * the Python package, so pinning it would make CDF install a second, conflicting copy.
 */
import { MlopsError, type Problem } from '../errors.js';

/** PEP 503 normalised distribution name: case-insensitive, runs of `-_.` are one `-`. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export interface RequirementLine {
  /** 1-based line number */
  line: number;
  name: string;
  /** the version part as written, e.g. `==1.2.3` (without markers), '' when unpinned */
  specifier: string;
  text: string;
}

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
  const out: LogicalLine[] = [];
  let pending: LogicalLine | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const continued = /(^|[^\\])\\$/.test(raw);
    const part = continued ? raw.slice(0, -1) : raw;
    pending = pending ? { line: pending.line, text: `${pending.text}${part}` } : { line: i + 1, text: part };
    if (continued) return;
    const content = pending.text.replace(/(^|\s)#.*$/, '').trim();
    if (content) out.push({ line: pending.line, text: content });
    pending = null;
  });
  if (pending) {
    const content = (pending as LogicalLine).text.replace(/(^|\s)#.*$/, '').trim();
    if (content) out.push({ line: (pending as LogicalLine).line, text: content });
  }
  return out;
}

/** The requirement lines of a requirements file (comments, options and blank lines skipped). */
export function parseRequirements(text: string): RequirementLine[] {
  const physical = text.split(/\r?\n/);
  const out: RequirementLine[] = [];
  for (const { line, text: content } of logicalLines(text)) {
    if (content.startsWith('-')) continue;
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;@]*)/.exec(content);
    if (m) out.push({ line, name: m[1], specifier: m[3].replace(/\s+/g, ''), text: physical[line - 1] });
  }
  return out;
}

const SUITE_DISTRIBUTION = 'akerbp-mlops';

/**
 * requirements.txt for the zip: every `akerbp-mlops` requirement (`==MLOPS_VERSION` or any other
 * pin) becomes a comment, everything else stays byte for byte.
 */
export function functionRequirements(text: string): string {
  const suiteLines = new Set(parseRequirements(text).filter((r) => normaliseName(r.name) === SUITE_DISTRIBUTION).map((r) => r.line));
  return text
    .split('\n')
    .map((raw, i) => (suiteLines.has(i + 1)
      ? `# ${raw.replace(/\r$/, '').trim()}  (removed by akerbp/mlops: the function zip ships its own runtime)${raw.endsWith('\r') ? '\r' : ''}`
      : raw))
    .join('\n');
}

/**
 * Helper models are imported into the main model's process, so the packages named in
 * `packages_to_check` must be pinned identically in both requirement files.
 */
export function checkSharedPins(
  packages: string[],
  main: { file: string; text: string },
  helper: { name: string; file: string; text: string },
): void {
  const mainReqs = parseRequirements(main.text);
  const helperReqs = parseRequirements(helper.text);
  const problems: Problem[] = [];
  for (const pkg of packages) {
    const find = (reqs: RequirementLine[]) => reqs.find((r) => normaliseName(r.name) === normaliseName(pkg));
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
