/**
 * A step's job summary as data: the actions render it with @actions/core's `summary` (report.ts),
 * the CLI as aligned text. Keeps the core free of GitHub and of HTML.
 */

/** A table cell or a piece of a line: text, optionally a link (CDF's web UI) or code. */
export interface Cell {
  /** plain text; a multi-line text shows its first line, the rest folded under the table */
  text: string;
  href?: string;
  code?: boolean;
}
export type CellValue = string | number | Cell;

export interface SummaryTable {
  head: string[];
  rows: CellValue[][];
}

/** One step's summary: a heading, lines of text (each a list of pieces), and a table. */
export interface Summary {
  title: string;
  lines?: CellValue[][];
  table?: SummaryTable;
}

/** `n` and a noun agreeing with it, for sentences people read: `1 model`, `3 models`, `0 problems`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The plain text of a cell (what a terminal shows). */
export function cellText(c: CellValue): string {
  return typeof c === 'object' ? c.text : String(c);
}

/** The lines of a multi-line cell that do not fit in its row, shown under the table. */
export interface FoldedText {
  /** the row's first cell and the cell's first line, e.g. `sonic_bad: failed: pip could not install…` */
  label: string;
  /** the cell's other lines (pip's or pytest's output) */
  text: string;
}

/**
 * A table whose rows keep one line each: every multi-line cell (an error carrying pip's or
 * pytest's output) keeps its first line, and the rest is returned in `folded`, labelled by its
 * row, for the job summary's <details> blocks and the terminal's lines under the table. `show`
 * rewrites each cell's text first (the job summary drops runner paths). A link or code cell
 * stays one, with its first line as text.
 */
export function foldTable(rows: CellValue[][], show: (text: string) => string = (t) => t): { rows: CellValue[][]; folded: FoldedText[] } {
  const folded: FoldedText[] = [];
  const out = rows.map((row) => row.map((c): CellValue => {
    const [first, ...rest] = show(cellText(c)).split('\n');
    if (rest.length) folded.push({ label: `${show(cellText(row[0])).split('\n')[0]}: ${first}`, text: rest.join('\n') });
    return typeof c === 'object' ? { ...c, text: first } : first;
  }));
  return { rows: out, folded };
}

/**
 * Bytes in decimal units, one decimal below 10 (`512 B`, `1.5 kB`, `23 MB`, `1.2 GB`): the units
 * of CDF's 100 MB code-zip limit (packaging/build.ts), so a size reads against it directly.
 */
export function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  if (unit === 0) return `${bytes} B`;
  return `${value < 9.95 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/**
 * A hex digest or commit sha shortened for reading: 7 characters for a git commit (as GitHub
 * shows them), 12 for a SHA-256 of content. The full value stays in the outputs.
 */
export function shortSha(sha: string, kind: 'commit' | 'sha256' = 'sha256'): string {
  return sha.slice(0, kind === 'commit' ? 7 : 12);
}
