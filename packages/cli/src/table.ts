/** Terminal tables: what the actions put in job summaries, as aligned columns. */

import { cellText, type CellValue } from '@akerbp-mlops/core';
import { statusColor, style, type ColorStream } from './color.js';

/** Columns whose cells are statuses or outcomes, coloured by `statusColor`. */
const STATUS_COLUMNS = new Set(['Outcome', 'Smoke test', 'Service test', 'STATUS']);

/**
 * Left-aligned columns two spaces apart, the first row the headings; no trailing spaces or newline. Links show their text.
 * Written to `stream` when it takes colour (color.ts): headings bold, statuses coloured.
 */
export function alignedTable(rows: CellValue[][], stream: ColorStream = {}): string {
  const cells = rows.map((r) => r.map(cellText));
  const widths = (cells[0] ?? []).map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const paint = (text: string, row: number, column: number): string => {
    const color = row === 0 ? 'bold' : STATUS_COLUMNS.has(cells[0][column]) ? statusColor(text) : undefined;
    return color && text ? style(color, text, stream) : text;
  };
  // Padding outside the colour codes, so trimEnd still drops it.
  return cells.map((r, y) => r.map((c, i) => paint(c, y, i) + ' '.repeat(widths[i] - c.length)).join('  ').trimEnd()).join('\n');
}
