import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignedTable } from '../src/table.js';

describe('alignedTable', () => {
  it('aligns columns two spaces apart under the headings, without trailing spaces', () => {
    expect(alignedTable([['MODEL', 'VERSION', 'NOTE'], ['sonic_model', 12, ''], ['m', 3, 'latest']])).toBe(
      'MODEL        VERSION  NOTE\n' +
      'sonic_model  12\n' +
      'm            3        latest',
    );
  });

  it('keeps a multi-line cell to its first line and prints the rest under the table, as the job summary does', () => {
    const error = 'failed: pip could not install the requirements:\nERROR: No matching distribution found for nope==1.0\n\nnotice: see pip.log';
    expect(alignedTable([['MODEL', 'OUTCOME', 'VERSION'], ['sonic_bad', error, ''], ['sonic_model', 'deployed', 3]])).toBe(
      'MODEL        OUTCOME                                          VERSION\n' +
      'sonic_bad    failed: pip could not install the requirements:\n' +
      'sonic_model  deployed                                         3\n' +
      '\n' +
      'sonic_bad: failed: pip could not install the requirements:\n' +
      '  ERROR: No matching distribution found for nope==1.0\n' +
      '\n' +
      '  notice: see pip.log',
    );
  });

  it('is the only table printer of the CLI commands', () => {
    const dir = join(import.meta.dirname, '..', 'src', 'commands');
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/padEnd\(widths/);
  });
});
