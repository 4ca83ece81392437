/** Exit codes of `mlops`, and how a command's handler hands its code to `runCli`. */

/** What the process exits with; 130 = 128 + SIGINT, as shells report an interrupted program. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

export const EXIT_CODES_HELP = `Exit codes:
  0    success
  1    failure (invalid settings, a failed test, deploy or call, a CDF error)
  2    usage error (unknown command or option, missing or invalid argument)
  130  interrupted (Ctrl+C); mlops emulator start, a server, exits 0 when Ctrl+C stops it`;

let exitCode: number = EXIT.ok;

/**
 * Wraps a command's handler for commander's `Command.action`: the number it resolves to becomes
 * the exit code `runCli` returns. Errors it throws propagate to `runCli`'s caller.
 */
export function handler<A extends unknown[]>(fn: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    exitCode = await fn(...args);
  };
}

/** For runCli: the code the last handler resolved to (0 when none ran); resets it to 0. */
export function takeExitCode(): number {
  const code = exitCode;
  exitCode = EXIT.ok;
  return code;
}

/**
 * A usage error found by a command itself (commander finds the others): printed as one line plus
 * where help is, exit 2. `command` is the command path, e.g. `mlops deploy`.
 */
export class UsageError extends Error {
  constructor(message: string, readonly command = 'mlops') {
    super(message);
  }
}
