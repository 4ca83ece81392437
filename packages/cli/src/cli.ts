/**
 * The `mlops` program: commander (https://github.com/tj/commander.js) parses the arguments, writes
 * the help, suggests misspelt commands and options; each command is a module under commands/.
 * Exit codes, as documented in `mlops --help` and the README: 0 ok, 1 failure, 2 usage error,
 * 130 interrupted.
 */
import { Command, CommanderError } from 'commander';
import { SUITE_VERSION as VERSION } from '@akerbp-mlops/core';
import { commands } from './commands/index.js';
import { disableColor, style } from './color.js';
import { EXIT, EXIT_CODES_HELP, UsageError, takeExitCode } from './exit.js';

export { EXIT } from './exit.js';

/** `mlops artifacts list` for the command `list` under `artifacts`. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** A usage error as one line, then where help is. */
function writeUsageError(message: string, command: string): void {
  process.stderr.write(`${style('red', 'error:', process.stderr)} ${message}\nRun '${command} --help' for usage.\n`);
}

/** The settings every command shares: usage errors as one line plus a pointer to help, exit 2. */
function configure(cmd: Command): void {
  // Root options only before the command (`functions call --version 3` is the function's version),
  // so each command takes --no-color itself.
  if (cmd.parent) cmd.option('--no-color', 'no colour in the output (also NO_COLOR=1)');
  cmd
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureHelp({
      sortSubcommands: false,
      styleTitle: (s) => style('bold', s, process.stdout),
    })
    .configureOutput({
      // commander's "error: unknown command 'x'\n(Did you mean y?)" on one line, then where help is.
      outputError: (message) => {
        writeUsageError(message.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').replace('(Did you mean', '(did you mean'), commandPath(cmd));
      },
    });
  for (const sub of cmd.commands) configure(sub);
}

/** The whole command tree; a fresh one per call so in-process runs (tests) do not share state. */
export function buildProgram(): Command {
  const program = new Command('mlops')
    .enablePositionalOptions()
    .description(`mlops ${VERSION}: ship models to Cognite Data Fusion Functions`)
    .version(VERSION, '-V, --version', 'print the version and exit')
    .option('--no-color', 'no colour in the output (also NO_COLOR=1); colour is used only on a terminal')
    .helpCommand('help [command]', 'help for a command, e.g. mlops help deploy')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n\nRun 'mlops help <command>' or 'mlops <command> --help' for a command's options.`);
  for (const register of commands) register(program);
  configure(program);
  return program;
}

/**
 * `mlops help artifacts upload` = `mlops artifacts upload --help` (commander's help command takes
 * one name). A name that is no command (`mlops help deplyo`) is parsed without --help, so commander
 * reports it as the usage error `mlops deplyo` gives (did you mean, exit 2).
 */
function helpArguments(program: Command, names: string[]): string[] {
  let cmd = program;
  for (const [i, name] of names.entries()) {
    if (cmd.commands.length === 0) break;
    const sub = cmd.commands.find((c) => c.name() === name || c.aliases().includes(name));
    if (!sub) return names.slice(0, i + 1);
    cmd = sub;
  }
  return [...names, '--help'];
}

/**
 * Runs `mlops` with `argv` (without the node and script paths) and resolves to the exit code.
 * Usage errors resolve to 2 after writing one line to stderr; a command's own errors (MlopsError
 * and others) are thrown for the caller to print.
 */
export async function runCli(argv: string[]): Promise<number> {
  disableColor(argv.includes('--no-color'));
  const program = buildProgram();
  takeExitCode();
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.ok;
  }
  const args = argv[0] === 'help' && argv.length > 1 ? helpArguments(program, argv.slice(1)) : argv;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (err) {
    if (err instanceof UsageError) {
      writeUsageError(err.message, err.command);
      return EXIT.usage;
    }
    if (!(err instanceof CommanderError)) throw err;
    // Help and --version "exit" with 0; help shown because a subcommand is missing exits 1 there.
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return takeExitCode();
}
