/** Argument parsing shared by the commands: the flags every command has, and `--help`. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

const everyCommand = {
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** Where the model repository and its settings are, and which models to act on. */
export const repoOptions = {
  settings: { type: 'string' },
  repo: { type: 'string' },
  models: { type: 'string' },
} as const satisfies Options;

/**
 * Parses `args` with the command's own options plus --verbose and --help. Returns null after
 * printing `usage` when --help was given, so a command starts with
 * `const parsed = parseCommand(...); if (!parsed) return 0;`.
 */
export function parseCommand<O extends Options>(args: string[], usage: string, options: O, allowPositionals = false) {
  const parsed = parseArgs<{ args: string[]; allowPositionals: boolean; strict: true; options: typeof everyCommand & O }>({
    args,
    allowPositionals,
    strict: true,
    options: { ...everyCommand, ...options },
  });
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(usage);
    return null;
  }
  return parsed;
}
