/**
 * Confirmation before destructive or prod changes. Prod asks for the CDF project's name to be
 * typed, as Cognite Toolkit's `cdf` does before touching a project; the rest a y/N question.
 * Both need a terminal: without one, `--yes` is required (a usage error, exit 2), so a script
 * never hangs on a prompt and never changes prod by accident.
 */
import { createInterface } from 'node:readline/promises';
import { EXIT, UsageError } from './exit.js';
import { style } from './color.js';

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Ctrl+C at the prompt (raw mode: a byte, not a signal) is an interrupt like anywhere else: 130.
  rl.on('SIGINT', () => {
    rl.close();
    process.stderr.write('\n');
    process.exit(EXIT.interrupted);
  });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

function needTerminal(command: string, what: string): void {
  if (!process.stdin.isTTY) throw new UsageError(`${what} needs confirmation and there is no terminal to ask on: pass --yes.`, command);
}

/**
 * Resolves true when the user typed `project` (or `yes`); false otherwise (the caller changes
 * nothing and exits 1). `what` says what will happen, e.g. "Deploy my_model to prod".
 */
export async function confirmProd(command: string, what: string, project: string, yes: boolean | undefined): Promise<boolean> {
  if (yes) return true;
  needTerminal(command, what);
  process.stderr.write(`${style('yellow', `${what} in CDF project "${project}".`, process.stderr)}\n`);
  const typed = await ask(`Type the project name (${project}) to continue: `);
  if (typed === project) return true;
  process.stderr.write(`"${typed}" is not "${project}": nothing was changed.\n`);
  return false;
}

/**
 * y/N, default no; true with `yes`. `what` is worded as for confirmProd (`Deleting function f`),
 * so the question and the refusal without a terminal read alike in and out of prod. A "no"
 * prints `Cancelled: nothing was changed.` (not an error: the caller exits 1 without one).
 */
export async function confirmYesNo(command: string, what: string, yes: boolean | undefined): Promise<boolean> {
  if (yes) return true;
  needTerminal(command, what);
  if (/^y(es)?$/i.test(await ask(`${what}. Continue? [y/N] `))) return true;
  process.stderr.write('Cancelled: nothing was changed.\n');
  return false;
}
