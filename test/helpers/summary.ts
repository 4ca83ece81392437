/**
 * A job summary (the HTML @actions/core's `summary` writes) as plain text for assertions:
 * each table row as `| a | b |`, tags dropped (a link shows its text), entities decoded.
 */
export function summaryText(html: string): string {
  return html
    .replace(/<tr>([\s\S]*?)<\/tr>/g, (_m, row: string) => `| ${[...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]).join(' | ')} |\n`)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
