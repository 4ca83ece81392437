/** Terminal tables: what the actions put in job summaries, as aligned columns. */

import { cellText, foldTable, type CellValue } from '@akerbp-mlops/core';
import { statusColor, style, type ColorStream } from './color.js';

/** Columns whose cells are statuses or outcomes, coloured by `statusColor`. */
const STATUS_COLUMNS = new Set(['Outcome', 'Smoke test', 'Service test', 'Status']);

/**
 * Left-aligned columns two spaces apart, the first row the headings; no trailing spaces or newline. Links show their text.
 * Written to `stream` when it takes colour (color.ts): headings bold, statuses coloured.
 * A multi-line cell (an error carrying pip's or pytest's output) keeps its first line in the row,
 * as in the job summary; its other lines follow the table, indented under
 * `<row's first cell>: <first line>`, so one long error does not widen a column.
 */
export function alignedTable(rows: CellValue[][], stream: ColorStream = {}): string {
  const { rows: folded, folded: rest } = foldTable(rows);
  const cells = folded.map((r) => r.map(cellText));
  const widths = (cells[0] ?? []).map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const paint = (text: string, row: number, column: number): string => {
    const color = row === 0 ? 'bold' : STATUS_COLUMNS.has(cells[0][column]) ? statusColor(text) : undefined;
    return color && text ? style(color, text, stream) : text;
  };
  // Padding outside the colour codes, so trimEnd still drops it.
  const table = cells.map((r, y) => r.map((c, i) => paint(c, y, i) + ' '.repeat(widths[i] - c.length)).join('  ').trimEnd()).join('\n');
  const notes = rest.map((f) => `${f.label}\n${f.text.split('\n').map((l) => (l.trim() ? `  ${l}` : '')).join('\n')}`);
  return [table, ...notes].join('\n\n');
}
