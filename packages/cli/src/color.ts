/**
 * When the CLI uses colour: only on a terminal (not TERM=dumb), never with NO_COLOR set
 * (https://no-color.org) or `--no-color`; FORCE_COLOR forces it (as Node, chalk and picocolors
 * read it). picocolors writes the codes.
 */
import pc from 'picocolors';

export type Color = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';
export type ColorStream = { isTTY?: boolean };

let disabledByFlag = false;

/** `--no-color` was given (runCli sets this before parsing, so usage errors honour it too). */
export function disableColor(disabled: boolean): void {
  disabledByFlag = disabled;
}

/** Whether text written to `stream` may carry colour codes. */
export function colorEnabled(stream: ColorStream): boolean {
  if (disabledByFlag || process.env.NO_COLOR) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY === true && process.env.TERM !== 'dumb';
}

/** `text` in `color` when `stream` takes colour, else unchanged. */
export function style(color: Color, text: string, stream: ColorStream): string {
  return colorEnabled(stream) ? pc.createColors(true)[color](text) : text;
}

const STATUS_COLORS: [RegExp, Color][] = [
  [/^(ok|passed|deployed|ready|completed|promoted)\b/i, 'green'],
  [/^(failed|error|timeout|crashed)\b/i, 'red'],
  [/^(skipped|would |not run|queued|deploying|running)/i, 'yellow'],
  [/^unchanged\b/i, 'dim'],
];

/**
 * The colour of a status or outcome as the CLI's tables word them (`deployed`, `would deploy`,
 * `failed: ...`, CDF's `Ready`, `Failed`, `Completed`...); undefined for any other text.
 */
export function statusColor(text: string): Color | undefined {
  return STATUS_COLORS.find(([pattern]) => pattern.test(text))?.[1];
}
