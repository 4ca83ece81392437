/** Terminal tables: what the actions put in job summaries, as aligned columns. */

import { cellText, type CellValue } from '@akerbp-mlops/core';

/** Left-aligned columns two spaces apart, the first row the headings; no trailing spaces or newline. Links show their text. */
export function alignedTable(rows: CellValue[][]): string {
  const cells = rows.map((r) => r.map(cellText));
  const widths = (cells[0] ?? []).map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}
