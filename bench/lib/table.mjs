// The results table: console and bench/results.md.
import { cpus } from 'node:os';

/**
 * One line of the table. `met` is true/false when there is a goal, null otherwise (informational).
 * Numbers are already formatted by the benchmark that made them.
 */
export function row(figure, ours, baseline, ratio, goal, met) {
  return { figure, ours, baseline, ratio, goal, met };
}

export const fmt = {
  ms: (v) => `${Math.round(v)} ms`,
  s: (v) => `${(v / 1000).toFixed(2)} s`,
  mb: (v) => `${v.toFixed(1)} MB`,
  mbps: (v) => `${v.toFixed(0)} MB/s`,
  ratio: (v) => `${v.toFixed(2)}×`,
  bytes: (v) => (v >= 1024 * 1024 ? `${(v / 1024 / 1024).toFixed(2)} MiB` : v >= 1024 ? `${(v / 1024).toFixed(1)} KiB` : `${v} B`),
};

const HEAD = ['Figure', 'Ours', 'Baseline', 'Ratio', 'Goal', 'Met?'];
const cells = (r) => [r.figure, r.ours, r.baseline, r.ratio, r.goal, r.met === null ? '—' : r.met ? 'yes' : 'NO'];

export function machine() {
  const c = cpus();
  return `${c[0]?.model.trim() ?? 'unknown CPU'}, ${c.length} cores, Node ${process.version}, ${process.platform}/${process.arch}`;
}

export function consoleTable(rows) {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  return all.map((r, j) => {
    const line = r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
    return j === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
  }).join('\n');
}

export function markdownTable(rows) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  return [`| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`)].join('\n');
}

export function resultsMarkdown(rows, { quick, sizeLabel, startedAt, notes }) {
  return `# Benchmark results

\`npm run bench${quick ? ' -- --quick' : ''}\` on ${startedAt.toISOString().slice(0, 10)} (artifacts: ${sizeLabel}).
Machine: ${machine()}.
Every baseline ran in the same process as ours (interleaved where it matters), so ratios hold on a noisy machine.

${markdownTable(rows)}

${notes.map((n) => `- ${n}`).join('\n')}
`;
}
