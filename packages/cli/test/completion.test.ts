/** `mlops completion bash|zsh`: the bash script is sourced by bash and completes as a user types. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, mlops } from './helpers/built-cli.js';

/** What bash offers after `line` (words split on spaces; a trailing space starts a new word). */
function complete(line: string): string[] {
  const words = line.split(' ');
  const script = `source <("${process.execPath}" "${CLI}" completion bash)
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _mlops
printf '%s\\n' "\${COMPREPLY[@]}"
complete -p mlops`;
  const run = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines.at(-1)).toBe('complete -o default -F _mlops mlops');
  return lines.slice(0, -1).filter(Boolean);
}

describe('mlops completion', () => {
  it('bash completes commands, subcommands, options and option choices', () => {
    expect(complete('mlops art')).toEqual(['artifacts']);
    expect(complete('mlops ')).toEqual(expect.arrayContaining(['init', 'validate', 'deploy', 'artifacts', 'functions', 'completion', 'help', '--version']));
    expect(complete('mlops artifacts l')).toEqual(['list']);
    expect(complete('mlops deploy --dr')).toEqual(['--dry-run']);
    expect(complete('mlops validate --env ')).toEqual(['dev', 'test', 'prod']);
    expect(complete('mlops init --ci b')).toEqual(['bitbucket']);
    expect(complete('mlops functions call tiny --js')).toEqual(['--json']);
    // A free value (a folder) is left to bash's file completion.
    expect(complete('mlops init --repo ')).toEqual([]);
  });

  it('zsh gets the same completion through bashcompinit; an unknown shell is a usage error', () => {
    const zsh = mlops(['completion', 'zsh']);
    expect(zsh.code).toBe(0);
    expect(zsh.stdout).toMatch(/^#compdef mlops\n/);
    expect(zsh.stdout).toContain('bashcompinit');
    expect(zsh.stdout).toContain('complete -o default -F _mlops mlops');
    const tcsh = mlops(['completion', 'tcsh']);
    expect(tcsh.code).toBe(2);
    expect(tcsh.stderr).toContain("'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh.");
  });
});
