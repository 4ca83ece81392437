/** The README's command-line reference is each command's own help (checked from source, not a possibly stale build). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, commandPath } from '../src/cli.js';
import { repoRoot } from './helpers/built-cli.js';

function all(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(all)];
}

describe('README command-line reference', () => {
  it('has every command, with exactly the help it prints', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- cli:start'), readme.indexOf('<!-- cli:end -->'));
    const commands = all(buildProgram());
    expect(commands.length).toBeGreaterThan(20);
    for (const cmd of commands) {
      const heading = `#### \`${commandPath(cmd)}\`\n\n\`\`\`text\n`;
      expect(section, `${commandPath(cmd)} is missing: npm run build && node scripts/docs.mjs`).toContain(heading);
      const block = section.slice(section.indexOf(heading) + heading.length).split('\n```\n')[0];
      // helpInformation() is the help without addHelpText's additions (the root's exit codes).
      expect(block.startsWith(cmd.helpInformation().trimEnd()), `${commandPath(cmd)}'s help changed: npm run build && node scripts/docs.mjs`).toBe(true);
    }
  });
});
