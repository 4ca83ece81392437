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
  /** Runs `fn` inside a collapsible group (`::group::` on GitHub). */
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

/** Discards everything; for library callers that want silence. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warning: () => {},
  error: () => {},
  group: (_title, fn) => fn(),
  secret: () => {},
};
