/**
 * The core's only view of where messages go. Actions wire it to @actions/core through
 * `report`; the CLI wires it to the terminal. Keeps the core free of GitHub.
 */
import { humanSize } from './summary.js';
import { secretMasker } from './redact.js';

export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
}

/**
 * One step of a long transfer or wait. The core only emits these; a terminal draws a bar from
 * them (the CLI), a log writes a line per 10 % (`progressLines`).
 */
export interface ProgressUpdate {
  /** the same for every event of one transfer or wait, e.g. `upload:my_model/test/3` */
  id: string;
  /** what is going on, e.g. `Uploading my_model/test/3` */
  label: string;
  /** bytes moved, or seconds waited, so far */
  done: number;
  /** bytes in all, or the seconds after which the wait gives up; 0 when unknown */
  total: number;
  unit: 'bytes' | 'seconds';
  /** the last event of this id: the transfer or wait finished (or failed) */
  end?: boolean;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, location?: SourceLocation): void;
  error(message: string, location?: SourceLocation): void;
  /**
   * Runs `fn` inside a collapsible group (`::group::` on GitHub). Groups do not nest: inside
   * one, a group's title is a plain line. A group that prints nothing is just its title.
   */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Registers a value that must never be printed. */
  secret(value: string): void;
  /** Progress of a long transfer or wait; loggers without it show none. */
  progress?(event: ProgressUpdate): void;
  /** Something a reader should see without opening the log (a `::notice::` annotation on GitHub); loggers without it use `info`. */
  notice?(message: string): void;
}

/** Emits the events of one transfer or wait through `log.progress` (nothing when it has none). */
export interface ProgressTask {
  /** `done` of `total` so far (total 0 when unknown) */
  update(done: number, total: number): void;
  /** the last event, with the last values `update` had (none when `update` never ran) */
  end(): void;
}

/** A ProgressTask for `id` (unique per transfer or wait), shown as `label`, counting `unit`. */
export function progressTask(log: Logger | undefined, id: string, label: string, unit: ProgressUpdate['unit']): ProgressTask {
  let last: { done: number; total: number } | undefined;
  return {
    update: (done, total) => {
      last = { done, total };
      log?.progress?.({ id, label, unit, ...last });
    },
    end: () => {
      if (last) log?.progress?.({ id, label, unit, ...last, end: true });
    },
  };
}

/** `n` bytes as `humanSize` writes them (`1.5 kB`, `23 MB`), or `n` seconds as `N s`. */
export function formatProgressAmount(n: number, unit: ProgressUpdate['unit']): string {
  return unit === 'bytes' ? humanSize(n) : `${Math.round(n)} s`;
}

/**
 * For logs that cannot redraw a line (CI logs, a CLI without a terminal): one `write` per 10 %
 * of each transfer or wait, e.g. `Uploading my_model/test/3: 40% (4.0 MB of 10.0 MB)`, or for a
 * wait `Waiting for my_fn to build: 10% of the 900 s limit (90 s)`. Nothing for unknown totals.
 */
export function progressLines(write: (line: string) => void): (event: ProgressUpdate) => void {
  const reached = new Map<string, number>();
  return (e) => {
    const step = e.total > 0 ? Math.floor(Math.min(1, e.done / e.total) * 10) : 0;
    if (step > (reached.get(e.id) ?? 0)) {
      reached.set(e.id, step);
      write(e.unit === 'bytes'
        ? `${e.label}: ${step * 10}% (${formatProgressAmount(e.done, e.unit)} of ${formatProgressAmount(e.total, e.unit)})`
        : `${e.label}: ${step * 10}% of the ${formatProgressAmount(e.total, e.unit)} limit (${formatProgressAmount(e.done, e.unit)})`);
    }
    if (e.end) reached.delete(e.id);
  };
}

/**
 * A logger that writes plain lines, masking registered secrets (secretMasker: each value and
 * line of at least 4 characters), and progress as a line per 10 %;
 * used by the CLI and tests. `prefixes` replace `warning:` and `error:` (the CLI colours them).
 */
export function consoleLogger(options: { verbose?: boolean; stream?: { write(text: string): unknown }; prefixes?: { warning: string; error: string } } = {}): Logger {
  const out = options.stream ?? process.stderr;
  const secrets = secretMasker();
  const mask = secrets.redact;
  const where = (loc?: SourceLocation): string =>
    loc?.file ? `${loc.file}${loc.line ? `:${loc.line}${loc.column ? `:${loc.column}` : ''}` : ''}: ` : '';
  return {
    debug: (m) => { if (options.verbose) out.write(`${mask(m)}\n`); },
    info: (m) => { out.write(`${mask(m)}\n`); },
    warning: (m, loc) => { out.write(`${options.prefixes?.warning ?? 'warning:'} ${where(loc)}${mask(m)}\n`); },
    error: (m, loc) => { out.write(`${options.prefixes?.error ?? 'error:'} ${where(loc)}${mask(m)}\n`); },
    group: async (title, fn) => {
      out.write(`${mask(title)}\n`);
      return fn();
    },
    secret: (v) => secrets.add(v),
    progress: progressLines((line) => out.write(`${mask(line)}\n`)),
  };
}

/**
 * Tags every line with its model for runs where several models share one log: each line of a
 * multi-line message gets `[prefix] `. With `groups: false` (models running in parallel, whose
 * groups would interleave) a group becomes a plain title line; otherwise groups pass through,
 * titled with the prefix.
 */
export function prefixedLogger(log: Logger, prefix: string, options: { groups?: boolean } = {}): Logger {
  const p = (m: string) => m.split('\n').map((line) => `[${prefix}] ${line}`).join('\n');
  return {
    debug: (m) => log.debug(p(m)),
    info: (m) => log.info(p(m)),
    warning: (m, loc) => log.warning(p(m), loc),
    error: (m, loc) => log.error(p(m), loc),
    group: async (title, fn) => {
      if (options.groups) return log.group(p(title), fn);
      log.info(p(title));
      return fn();
    },
    secret: (v) => log.secret(v),
    progress: (e) => log.progress?.({ ...e, id: `${prefix}:${e.id}`, label: p(e.label) }),
    notice: (m) => (log.notice ? log.notice(p(m)) : log.info(p(m))),
  };
}

/**
 * Passes everything to `log` (progress too) but prints each distinct warning (text and location) once: a run
 * that packages a model twice (its service test, then its deploy) warns about a left-out file
 * once, not per package.
 */
export function warningsOnce(log: Logger): Logger {
  const seen = new Set<string>();
  return {
    debug: (m) => log.debug(m),
    info: (m) => log.info(m),
    warning: (m, loc) => {
      const key = JSON.stringify([m, loc?.file, loc?.line, loc?.column]);
      if (seen.has(key)) return;
      seen.add(key);
      log.warning(m, loc);
    },
    error: (m, loc) => log.error(m, loc),
    group: (title, fn) => log.group(title, fn),
    secret: (v) => log.secret(v),
    progress: (e) => log.progress?.(e),
    notice: (m) => (log.notice ? log.notice(m) : log.info(m)),
  };
}

/** Discards everything; for library callers that want silence. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warning: () => {},
  error: () => {},
  group: (_title, fn) => fn(),
  secret: () => {},
};
