/** `mlops completion bash|zsh|fish`: the scripts are sourced by their shells and complete as a user types. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, mlops, repoRoot } from './helpers/built-cli.js';

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
    expect(complete('mlops package --service ')).toEqual(['prediction', 'training']);
    expect(complete('mlops package --artifact-source ')).toEqual(['local', 'cdf']);
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
    // compinit is the user's (~/.zshrc, oh-my-zsh): the script never runs it again.
    expect(zsh.stdout).not.toMatch(/^\s*(autoload\b.*&&\s*)?compinit\b/m);
    const tcsh = mlops(['completion', 'tcsh']);
    expect(tcsh.code).toBe(2);
    expect(tcsh.stderr).toContain("'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.");
  });

  // zsh is not on every machine either; where it is, the script is sourced by it after compinit.
  const hasZsh = spawnSync('zsh', ['--version']).status === 0;
  it.skipIf(!hasZsh)('zsh sources the script after the user\'s compinit and completes option values; without compinit it says so and loads nothing', () => {
    const source = `source <("${process.execPath}" "${CLI}" completion zsh)`;
    const loaded = spawnSync('zsh', ['-f', '-c', `autoload -Uz compinit && compinit -u; ${source}; echo "rc=$?"; print -r -- \${_comps[mlops]}; setopt ksharrays; COMP_WORDS=(mlops deploy --env ''); COMP_CWORD=3; _mlops; print -r -- "\${COMPREPLY[@]}"`], { encoding: 'utf8' });
    expect(loaded.stderr).toBe('');
    expect(loaded.stdout).toBe('rc=0\n_bash_complete -o default -F _mlops\ndev test prod auto\n');
    const bare = spawnSync('zsh', ['-f', '-c', `${source}; echo "rc=$?"`], { encoding: 'utf8' });
    expect(bare.stdout).toBe('rc=1\n');
    expect(bare.stderr).toContain('mlops completion: run compinit first');
  });

  // fish is not on every machine (CI images lack it); where it is, the script is sourced by it.
  const hasFish = spawnSync('fish', ['--version']).status === 0;
  it.skipIf(!hasFish)('fish completes commands, subcommands, options with their descriptions, option choices, and files for free values', () => {
    const script = mlops(['completion', 'fish']);
    expect(script.code).toBe(0);
    const completeFish = (line: string) => {
      const run = spawnSync('fish', ['-c', `"${process.execPath}" "${CLI}" completion fish | source; complete -C '${line}'`], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      return run.stdout.trim().split('\n').filter(Boolean);
    };
    expect(completeFish('mlops art')).toEqual(['artifacts\tlist, upload, download, promote and delete model artifacts']);
    expect(completeFish('mlops artifacts l')).toEqual(['list\tevery version, newest first']);
    expect(completeFish('mlops deploy --dr')).toEqual(['--dry-run\tsay what would change, change nothing']);
    expect(completeFish('mlops validate --env ').map((l) => l.split('\t')[0]).sort()).toEqual(['dev', 'prod', 'test']);
    expect(completeFish('mlops init --ci b').map((l) => l.split('\t')[0])).toEqual(['bitbucket']);
    expect(completeFish('mlops functions call tiny --js').map((l) => l.split('\t')[0])).toEqual(['--json']);
    // functions list has no --dataset; artifacts list has.
    expect(completeFish('mlops functions list --da')).toEqual([]);
    expect(completeFish('mlops artifacts list --da').map((l) => l.split('\t')[0])).toEqual(['--dataset']);
    expect(completeFish(`mlops init --repo ${repoRoot}/packag`)).toContain(`${repoRoot}/packages/`);
  });
});
