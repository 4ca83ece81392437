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

/** The requirement lines of a requirements file (comments, options and blank lines skipped). */
export function parseRequirements(text: string): RequirementLine[] {
  const out: RequirementLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const content = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!content || content.startsWith('-')) return;
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;@]*)/.exec(content);
    if (m) out.push({ line: i + 1, name: m[1], specifier: m[3].replace(/\s+/g, ''), text: raw });
  });
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
