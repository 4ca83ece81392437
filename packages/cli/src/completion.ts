/**
 * `mlops completion bash|zsh`: shell completion scripts generated from the commander tree,
 * so they complete exactly the commands, options and option choices `mlops --help` shows
 * (commander has no completion of its own, so no fish either). Static scripts: no Node start per
 * Tab press.
 */
import { Argument, type Command, type Option } from 'commander';
import { handler } from './exit.js';

interface Node {
  path: string;
  subcommands: string[];
  options: Option[];
}

/** Every command path ('' for the root) with its subcommand names and options. */
function walk(cmd: Command, path = ''): Node[] {
  const subcommands = cmd.commands.map((c) => c.name());
  const options = cmd.options.filter((o) => !o.hidden);
  const nodes: Node[] = [{ path, subcommands: [...subcommands, ...(subcommands.length ? ['help'] : [])], options }];
  for (const sub of cmd.commands) nodes.push(...walk(sub, path ? `${path} ${sub.name()}` : sub.name()));
  return nodes;
}

const flagsOf = (o: Option) => [o.long, o.short].filter((f): f is string => !!f);

/** For each `path --flag` taking a value: its choices, or null for a free value (files complete). */
function valueTable(nodes: Node[]): [string, string[] | null][] {
  return nodes.flatMap((n) => n.options.filter((o) => o.required || o.optional).flatMap((o) => flagsOf(o).map((f) => [`${n.path} ${f}`.trim(), o.argChoices ?? null] as [string, string[] | null])));
}

const words = (n: Node) => [...n.subcommands, ...n.options.flatMap(flagsOf), '--help'].join(' ');

function bash(program: Command): string {
  const nodes = walk(program);
  const cases = (rows: [string, string][]) => rows.map(([k, v]) => `    "${k}") echo "${v}" ;;`).join('\n');
  return `# mlops completion for bash. Load it with:  source <(mlops completion bash)
# or keep it:  mlops completion bash > ~/.local/share/bash-completion/completions/mlops
_mlops_commands() {
  case "$1" in
${cases(nodes.map((n) => [n.path, n.subcommands.join(' ')]))}
  esac
}
_mlops_words() {
  case "$1" in
${cases(nodes.map((n) => [n.path, words(n)]))}
  esac
}
_mlops_values() {
  case "$1" in
${cases(valueTable(nodes).map(([k, v]) => [k, v ? v.join(' ') : '<file>']))}
  esac
}
_mlops() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" path="" word i values
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case " $(_mlops_commands "$path") " in *" $word "*) path="\${path:+$path }$word" ;; esac
  done
  values="$(_mlops_values "\${path:+$path }$prev")"
  if [ "$values" = "<file>" ]; then COMPREPLY=(); return; fi
  if [ -n "$values" ]; then COMPREPLY=($(compgen -W "$values" -- "$cur")); return; fi
  COMPREPLY=($(compgen -W "$(_mlops_words "$path")" -- "$cur"))
}
complete -o default -F _mlops mlops
`;
}

function zsh(program: Command): string {
  // zsh runs bash completion functions through bashcompinit (part of zsh).
  return `#compdef mlops
# mlops completion for zsh. Load it with:  source <(mlops completion zsh)   (in ~/.zshrc)
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bash(program).split('\n').filter((l) => !l.startsWith('#')).join('\n')}`;
}

const SHELLS = { bash, zsh } as const;

/** Adds `mlops completion <shell>`; the script covers the whole program it is added to. */
export default function register(program: Command): void {
  program
    .command('completion')
    .summary('print the shell completion script for bash or zsh')
    .description('Prints a completion script for commands, options and option values. bash: `source <(mlops completion bash)` in ~/.bashrc; zsh: `source <(mlops completion zsh)` in ~/.zshrc.')
    .addArgument(new Argument('<shell>', 'bash or zsh').choices(Object.keys(SHELLS)))
    .action(handler(async (shell: keyof typeof SHELLS) => {
      process.stdout.write(SHELLS[shell](program));
      return 0;
    }));
}
