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

  it('is the only table printer of the CLI commands', () => {
    const dir = join(import.meta.dirname, '..', 'src', 'commands');
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/padEnd\(widths/);
  });
});
