/**
 * What a terminal shows once a program's output has been drawn: a small VT100 renderer for the
 * escapes the CLI (cli-progress, Node's readline) writes — `\r`, `\n`, CSI n A/B/C/D (cursor
 * moves), CSI n G (column), CSI n K (clear in line), CSI n J (clear below), CSI ?7 h/l (autowrap
 * on/off); colours and other escapes draw nothing. Lines scroll without limit (no screen height).
 */

/** The lines left on a `columns`-wide terminal by `output` (`\n` as a pty's onlcr: CR + LF), trailing spaces and empty last lines removed. */
export function renderScreen(output: string, columns: number): string[] {
  const lines: string[][] = [[]];
  let row = 0;
  let col = 0;
  let wrap = true;
  const line = () => (lines[row] ??= []);
  const moveTo = (r: number) => {
    row = Math.max(0, r);
    while (lines.length <= row) lines.push([]);
  };
  for (let i = 0; i < output.length; i++) {
    const ch = output[i];
    if (ch === '\n') {
      moveTo(row + 1);
      col = 0;
    } else if (ch === '\r') {
      col = 0;
    } else if (ch === '\x1b') {
      const csi = /^\x1b\[(\??)([\d;]*)([A-Za-z])/.exec(output.slice(i, i + 20));
      if (!csi) {
        i += 1; // ESC 7, ESC 8 and the like: two characters, nothing drawn
        continue;
      }
      i += csi[0].length - 1;
      const [, privateMode, params, command] = csi;
      const n = params === '' ? undefined : Number(params.split(';')[0]);
      if (privateMode) {
        if (n === 7) wrap = command === 'h';
        continue;
      }
      if (command === 'A') moveTo(row - (n || 1));
      else if (command === 'B') moveTo(row + (n || 1));
      else if (command === 'C') col = Math.min(columns - 1, col + (n || 1));
      else if (command === 'D') col = Math.max(0, col - (n || 1));
      else if (command === 'G') col = Math.max(0, (n || 1) - 1);
      else if (command === 'K') {
        const l = line();
        if ((n ?? 0) === 0) l.length = Math.min(l.length, col);
        else if (n === 1) for (let c = 0; c <= col && c < l.length; c++) l[c] = ' ';
        else l.length = 0;
      } else if (command === 'J' && (n ?? 0) === 0) {
        line().length = Math.min(line().length, col);
        lines.length = row + 1;
      }
    } else {
      if (col >= columns) {
        if (wrap) {
          moveTo(row + 1);
          col = 0;
        } else col = columns - 1;
      }
      const l = line();
      while (l.length < col) l.push(' ');
      l[col] = ch;
      col += 1;
    }
  }
  const text = lines.map((l) => l.join('').replace(/\s+$/, ''));
  while (text.length && text.at(-1) === '') text.pop();
  return text;
}
