/**
 * What the CLI prints while it works. The core reports long transfers and waits through
 * `Logger.progress`; on a terminal each becomes a line drawn by cli-progress
 * (https://github.com/npkg/cli-progress) on stderr and redrawn in place: transfers as a bar with
 * their rate and ETA, waits (a build or a call, which have no rate and a limit far beyond the
 * usual wait) as a spinner with the seconds waited. Every line fits the terminal's width. When
 * one ends it is replaced by one final line (`Uploading … 100% 6.3 MB of 6.3 MB, 2.1 MB/s`,
 * `Waited 7 s for function f to build`), so nothing half-drawn stays on screen. Without a
 * terminal the core's consoleLogger writes a line per 10 % instead. Log lines written while
 * lines are drawn go above them.
 */
import cliProgress from 'cli-progress';
import { consoleLogger, formatProgressAmount, type Logger, type ProgressUpdate } from '@akerbp-mlops/core';
import { style } from './color.js';

/** One transfer or wait as it stands. */
export interface ProgressState {
  label: string;
  unit: ProgressUpdate['unit'];
  /** bytes moved or seconds waited */
  done: number;
  /** bytes in all (0: unknown); for waits, the limit (not shown) */
  total: number;
  /** ms since the epoch when it started */
  startedAt: number;
  /** cli-progress's estimate of the seconds left, when it has one */
  eta?: number;
}

const BAR_SIZE = 20;
/** The braille spinner gh and ora draw; one frame per 100 ms. */
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** `text` cut to `width` characters, ending in `…` when cut. */
function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/**
 * The line for `s` at time `now` (ms) on a terminal `width` columns wide (at most width - 1
 * characters, so the cursor never wraps): `final` for the line that stays once it ended.
 * - transfer: `Uploading m/test/3 [████████████░░░░░░░░]  60% 6.0 MB of 10 MB, 2.1 MB/s, ETA 2s`
 *   (no ETA on the final line); on a narrow terminal the bar shrinks, then goes, then the label
 *   is cut (`…`), then the ETA and the rate go;
 * - wait: `⠹ Waiting for function f to build 12 s`, final `Waited 12 s for function f to build`.
 */
export function progressLine(s: ProgressState, now: number, width: number, final = false): string {
  const room = Math.max(20, width - 1);
  const amount = (n: number) => formatProgressAmount(n, s.unit);
  if (s.unit === 'seconds') {
    const waited = amount(Math.max(s.done, 0));
    if (final) {
      const rest = /^Waiting for (.+)$/.exec(s.label)?.[1];
      return fit(rest ? `Waited ${waited} for ${rest}` : `${s.label}: ${waited}`, room);
    }
    const frame = SPINNER[Math.floor(now / 100) % SPINNER.length];
    const tail = ` ${waited}`;
    return `${frame} ${fit(s.label, room - 2 - tail.length)}${tail}`;
  }
  const known = s.total > 0;
  const share = known ? Math.min(1, s.done / s.total) : 0;
  const bar = (size: number) => (known && size ? ` [${'█'.repeat(Math.round(share * size)).padEnd(size, '░')}]` : '');
  const percent = known ? ` ${String(Math.floor(share * 100)).padStart(3)}%` : '';
  const seconds = (now - s.startedAt) / 1000;
  const rate = seconds > 0 ? `, ${amount(Math.round(s.done / seconds))}/s` : '';
  const eta = !final && known && s.eta !== undefined && Number.isFinite(s.eta) && s.done < s.total ? `, ETA ${Math.max(1, Math.round(s.eta))}s` : '';
  const amounts = `${percent} ${amount(s.done)}${known ? ` of ${amount(s.total)}` : ''}`;
  // Narrower terminals lose, in turn: half the bar, the bar, the label's end (kept to 24
  // characters), the ETA, the rate, the amounts.
  for (const size of [BAR_SIZE, BAR_SIZE / 2, 0]) {
    const line = `${s.label}${bar(size)}${amounts}${rate}${eta}`;
    if (line.length <= room) return line;
  }
  for (const tail of [rate + eta, rate, '']) {
    if (room - amounts.length - tail.length >= 24) return `${fit(s.label, room - amounts.length - tail.length)}${amounts}${tail}`;
  }
  return `${fit(s.label, room - percent.length)}${percent}`;
}

interface Payload {
  state: ProgressState;
}

interface FormatParams {
  eta: number | string;
  total: number;
  value: number;
  maxWidth: number;
}

/** cli-progress's format callback: the line of the bar's state as it now stands. */
function formatBar(_options: cliProgress.Options, params: FormatParams, payload: Payload): string {
  const state = { ...payload.state, done: params.value, total: params.total, eta: typeof params.eta === 'number' ? params.eta : undefined };
  return progressLine(state, Date.now(), params.maxWidth);
}

interface Drawn {
  bar: cliProgress.SingleBar;
  state: ProgressState;
}

/** The lines on screen, one per transfer or wait under way; undefined when none is. */
let drawing: { multi: cliProgress.MultiBar; stream: NodeJS.WriteStream; bars: Map<string, Drawn> } | undefined;

const width = (stream: NodeJS.WriteStream) => stream.columns || 80;

/**
 * Text for cli-progress's log buffer, which clears only the first line it writes over: each line
 * clears its own before it is written, so no part of a bar shows after a shorter log line.
 */
const clearing = (text: string) => text.replace(/^/gm, '\x1b[2K');

function draw(e: ProgressUpdate, stream: NodeJS.WriteStream): void {
  drawing ??= {
    multi: new cliProgress.MultiBar({
      stream,
      format: formatBar as unknown as cliProgress.Options['format'],
      // Every frame is drawn whole: the spinner turns, and a line under a log line is redrawn.
      forceRedraw: true,
      // Ended lines are replaced by their final line (end()), never left as drawn.
      clearOnComplete: true,
      // Ctrl+C is main.ts's (it ends the lines); a hidden cursor could outlive a crash.
      gracefulExit: false,
      hideCursor: false,
      etaBuffer: 50,
    }),
    stream,
    bars: new Map(),
  };
  let drawn = drawing.bars.get(e.id);
  if (!drawn) {
    const state: ProgressState = { label: e.label, unit: e.unit, done: e.done, total: e.total, startedAt: Date.now() };
    drawn = { state, bar: drawing.multi.create(e.total, e.done, { state } satisfies Payload) };
    drawing.bars.set(e.id, drawn);
  } else {
    Object.assign(drawn.state, { done: e.done, total: e.total });
    if (drawn.bar.getTotal() !== e.total) drawn.bar.setTotal(e.total);
    drawn.bar.update(e.done);
  }
  if (e.end) end(e.id);
}

/** Replaces the line of `id` by its final line, above the lines still drawn. */
function end(id: string): void {
  const current = drawing;
  const drawn = current?.bars.get(id);
  if (!current || !drawn) return;
  current.bars.delete(id);
  current.multi.log(clearing(`${progressLine(drawn.state, Date.now(), width(current.stream), true)}\n`));
  current.multi.remove(drawn.bar);
  if (!current.bars.size) {
    drawing = undefined;
    current.multi.stop();
  }
}

/**
 * Ends the lines on screen, each as its final line (the transfer or wait as far as it got);
 * before an error, a prompt or an exit.
 */
export function stopProgress(): void {
  const current = drawing;
  if (!current) return;
  drawing = undefined;
  for (const drawn of current.bars.values()) current.multi.log(clearing(`${progressLine(drawn.state, Date.now(), width(current.stream), true)}\n`));
  (current.multi as unknown as { update(): void }).update();
  current.multi.stop();
}

/** Writes `text` above the lines on screen, or plainly when there are none. */
function writeAboveBars(stream: NodeJS.WriteStream, text: string): void {
  if (!drawing) {
    stream.write(text);
    return;
  }
  drawing.multi.log(clearing(text));
  (drawing.multi as unknown as { update(): void }).update();
}

/**
 * The logger of a CLI command: consoleLogger's lines on `stream` (default stderr), `warning:` and
 * `error:` coloured when it takes colour, and progress as redrawn lines when `stream` is a
 * terminal (else consoleLogger's line per 10 %).
 */
export function cliLogger(options: { verbose?: boolean; stream?: NodeJS.WriteStream } = {}): Logger {
  const stream = options.stream ?? process.stderr;
  const prefixes = { warning: style('yellow', 'warning:', stream), error: style('red', 'error:', stream) };
  if (!stream.isTTY) return consoleLogger({ verbose: options.verbose, stream, prefixes });
  const log = consoleLogger({ verbose: options.verbose, stream: { write: (text: string) => writeAboveBars(stream, text) }, prefixes });
  return { ...log, progress: (e) => draw(e, stream) };
}
