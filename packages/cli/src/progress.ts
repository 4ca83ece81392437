/**
 * What the CLI prints while it works. The core reports long transfers and waits through
 * `Logger.progress`; on a terminal each becomes a bar drawn by cli-progress
 * (https://github.com/npkg/cli-progress) on stderr, redrawn in place and ended with a newline:
 * transfers with their rate and ETA, waits with the seconds waited of their limit (a build or a
 * call has no rate to estimate from). Without a terminal the core's consoleLogger writes a line
 * per 10 % instead. Log lines written while bars are drawn go above them.
 */
import cliProgress from 'cli-progress';
import { consoleLogger, formatProgressAmount, type Logger, type ProgressUpdate } from '@akerbp-mlops/core';
import { style } from './color.js';

interface Payload {
  label: string;
  unit: ProgressUpdate['unit'];
}

interface FormatParams {
  progress: number;
  eta: number | string;
  startTime: number;
  stopTime: number | null;
  total: number;
  value: number;
}

/**
 * One bar's line, e.g. `Uploading m/test/3 [██████░░░░] 60% 6.0 MB of 10 MB, 2.1 MB/s, ETA 2s`
 * or `Waiting for function f to build [█░░░░░░░░░] 12% 108 s of the 900 s limit`.
 */
function formatBar(options: cliProgress.Options, params: FormatParams, payload: Payload): string {
  const amount = (n: number) => formatProgressAmount(n, payload.unit);
  const known = params.total > 0;
  const bar = known ? ` [${cliProgress.Format.BarFormat(Math.min(1, params.progress), options)}] ${String(Math.floor(Math.min(1, params.progress) * 100)).padStart(3)}%` : '';
  if (payload.unit === 'seconds') return `${payload.label}${bar} ${amount(params.value)}${known ? ` of the ${amount(params.total)} limit` : ''}`;
  const seconds = ((params.stopTime ?? Date.now()) - params.startTime) / 1000;
  const rate = seconds > 0 ? `, ${amount(Math.round(params.value / seconds))}/s` : '';
  const eta = known && typeof params.eta === 'number' && params.value < params.total ? `, ETA ${cliProgress.Format.TimeFormat(params.eta, options, 1)}` : '';
  return `${payload.label}${bar} ${amount(params.value)}${known ? ` of ${amount(params.total)}` : ''}${rate}${eta}`;
}

/** The bars on screen, one per transfer or wait under way; undefined when none is. */
let drawing: { multi: cliProgress.MultiBar; bars: Map<string, cliProgress.SingleBar> } | undefined;

function draw(e: ProgressUpdate, stream: NodeJS.WriteStream): void {
  drawing ??= {
    multi: new cliProgress.MultiBar({
      stream,
      format: formatBar as unknown as cliProgress.Options['format'],
      barsize: 20,
      barCompleteChar: '█',
      barIncompleteChar: '░',
      // Ctrl+C is main.ts's (it ends the bars); a hidden cursor could outlive a crash.
      gracefulExit: false,
      hideCursor: false,
      etaBuffer: 50,
    }),
    bars: new Map(),
  };
  const payload: Payload = { label: e.label, unit: e.unit };
  let bar = drawing.bars.get(e.id);
  if (!bar) {
    bar = drawing.multi.create(e.total, e.done, payload);
    drawing.bars.set(e.id, bar);
  } else {
    if (bar.getTotal() !== e.total) bar.setTotal(e.total);
    bar.update(e.done, payload);
  }
  if (e.end) {
    bar.stop();
    if ([...drawing.bars.values()].every((b) => !(b as unknown as { isActive: boolean }).isActive)) stopProgress();
  }
}

/** Ends the bars on screen (drawn as they stand, then a newline); before an error or an exit. */
export function stopProgress(): void {
  const current = drawing;
  drawing = undefined;
  current?.multi.stop();
}

/** Writes `text` above the bars on screen, or plainly when there are none. */
function writeAboveBars(stream: NodeJS.WriteStream, text: string): void {
  if (!drawing) {
    stream.write(text);
    return;
  }
  drawing.multi.log(text);
  (drawing.multi as unknown as { update(): void }).update();
}

/**
 * The logger of a CLI command: consoleLogger's lines on `stream` (default stderr), `warning:` and
 * `error:` coloured when it takes colour, and progress as bars when `stream` is a terminal (else
 * consoleLogger's line per 10 %).
 */
export function cliLogger(options: { verbose?: boolean; stream?: NodeJS.WriteStream } = {}): Logger {
  const stream = options.stream ?? process.stderr;
  const prefixes = { warning: style('yellow', 'warning:', stream), error: style('red', 'error:', stream) };
  if (!stream.isTTY) return consoleLogger({ verbose: options.verbose, stream, prefixes });
  const log = consoleLogger({ verbose: options.verbose, stream: { write: (text: string) => writeAboveBars(stream, text) }, prefixes });
  return { ...log, progress: (e) => draw(e, stream) };
}
