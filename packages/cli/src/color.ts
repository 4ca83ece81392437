/**
 * When the CLI uses colour: only on a terminal, never with NO_COLOR set (https://no-color.org)
 * or `--no-color`; FORCE_COLOR forces it (as Node and chalk read it). picocolors writes the codes.
 */
import pc from 'picocolors';

type Color = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';

let disabledByFlag = false;

/** `--no-color` was given (runCli sets this before parsing, so usage errors honour it too). */
export function disableColor(disabled: boolean): void {
  disabledByFlag = disabled;
}

/** Whether text written to `stream` may carry colour codes. */
export function colorEnabled(stream: NodeJS.WritableStream & { isTTY?: boolean }): boolean {
  if (disabledByFlag || process.env.NO_COLOR) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY === true;
}

/** `text` in `color` when `stream` takes colour, else unchanged. */
export function style(color: Color, text: string, stream: NodeJS.WritableStream & { isTTY?: boolean }): string {
  return colorEnabled(stream) ? pc.createColors(true)[color](text) : text;
}
