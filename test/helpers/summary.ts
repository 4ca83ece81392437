/**
 * A job summary (the HTML @actions/core's `summary` writes) as plain text for assertions:
 * each table row as `| a | b |`, tags dropped (a link shows its text), entities decoded. An
 * empty cell is written as an unclosed `<td>`.
 */
export function summaryText(html: string): string {
  return html
    .replace(/<tr>([\s\S]*?)<\/tr>/g, (_m, row: string) => `| ${row.split(/<t[hd][^>]*>/).slice(1).map((c) => c.replace(/<\/t[hd]>$/, '')).join(' | ')} |\n`)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
