/**
 * The core's only view of where messages go. Actions wire it to @actions/core through
 * `report`; the CLI wires it to the terminal. Keeps the core free of GitHub.
 */
export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
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
}

/** A logger that writes plain lines, masking registered secrets; used by the CLI and tests. */
export function consoleLogger(options: { verbose?: boolean; stream?: NodeJS.WritableStream } = {}): Logger {
  const out = options.stream ?? process.stderr;
  const secrets = new Set<string>();
  const mask = (text: string): string => {
    let masked = text;
    for (const s of secrets) masked = masked.split(s).join('***');
    return masked;
  };
  const where = (loc?: SourceLocation): string =>
    loc?.file ? `${loc.file}${loc.line ? `:${loc.line}${loc.column ? `:${loc.column}` : ''}` : ''}: ` : '';
  return {
    debug: (m) => { if (options.verbose) out.write(`${mask(m)}\n`); },
    info: (m) => { out.write(`${mask(m)}\n`); },
    warning: (m, loc) => { out.write(`warning: ${where(loc)}${mask(m)}\n`); },
    error: (m, loc) => { out.write(`error: ${where(loc)}${mask(m)}\n`); },
    group: async (title, fn) => {
      out.write(`${mask(title)}\n`);
      return fn();
    },
    secret: (v) => { if (v) secrets.add(v); },
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
