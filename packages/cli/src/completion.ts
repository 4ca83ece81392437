/**
 * `mlops completion bash|zsh|fish`: shell completion scripts generated from the commander tree
 * (commander has no completion of its own), so they complete exactly the commands, options and
 * option choices `mlops --help` shows. Static scripts: no Node start per Tab press.
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
  // zsh runs bash completion functions through bashcompinit (part of zsh). compinit is the
  // user's own (~/.zshrc, oh-my-zsh, prezto): running it again would slow every shell start and
  // reset their setup, so the script only checks that it ran.
  return `#compdef mlops
# mlops completion for zsh. Load it with:  source <(mlops completion zsh)   (in ~/.zshrc, after compinit)
if (( ! $+functions[compdef] )); then
  print -u2 "mlops completion: run compinit first (autoload -Uz compinit && compinit in ~/.zshrc, before this line)"
  return 1
fi
autoload -U +X bashcompinit && bashcompinit
${bash(program).split('\n').filter((l) => !l.startsWith('#')).join('\n')}`;
}

/** A fish single-quoted string. */
const fishQuote = (text: string) => `'${text.replace(/[\\']/g, '\\$&')}'`;

function fish(program: Command): string {
  const nodes = walk(program);
  const lines = nodes.flatMap((n) => {
    const at = `-n ${fishQuote(`__mlops_at ${fishQuote(n.path)}`)}`;
    return [
      ...n.subcommands.map((name) => {
        const sub = findCommand(program, `${n.path} ${name}`.trim());
        const summary = sub ? sub.summary() || sub.description().split('\n')[0] : 'help for a command';
        return `complete -c mlops ${at} -a ${fishQuote(name)} -d ${fishQuote(summary)}`;
      }),
      ...n.options.map((o) => {
        const flags = [o.long ? `-l ${o.long.replace(/^--/, '')}` : '', o.short ? `-s ${o.short.replace(/^-/, '')}` : ''].filter(Boolean).join(' ');
        const value = o.required || o.optional ? (o.argChoices ? ` -x -a ${fishQuote(o.argChoices.join(' '))}` : ' -r -F') : '';
        return `complete -c mlops ${at} ${flags}${value} -d ${fishQuote(o.description)}`;
      }),
      `complete -c mlops ${at} -l help -s h -d 'display help for command'`,
    ];
  });
  const cases = nodes.filter((n) => n.subcommands.length).map((n) => `        case ${fishQuote(n.path)}\n            echo ${n.subcommands.join(' ')}`).join('\n');
  return `# mlops completion for fish. Load it with:  mlops completion fish | source
# or keep it:  mlops completion fish > ~/.config/fish/completions/mlops.fish
function __mlops_commands
    switch $argv[1]
${cases}
    end
end
# The command path typed so far, e.g. 'artifacts upload'.
function __mlops_path
    set -l path ''
    for word in (commandline -opc)[2..-1]
        if contains -- $word (string split ' ' -- (__mlops_commands $path))
            set path (string trim -- "$path $word")
        end
    end
    echo $path
end
function __mlops_at
    test (__mlops_path) = $argv[1]
end
complete -c mlops -f
${lines.join('\n')}
`;
}

/** The command at `path` ('artifacts upload') under `program`. */
function findCommand(program: Command, path: string): Command | undefined {
  let cmd: Command | undefined = program;
  for (const name of path.split(' ')) cmd = cmd?.commands.find((c) => c.name() === name);
  return cmd;
}

const SHELLS = { bash, zsh, fish } as const;

/** Adds `mlops completion <shell>`; the script covers the whole program it is added to. */
export default function register(program: Command): void {
  program
    .command('completion')
    .summary('print the shell completion script for bash, zsh or fish')
    .description('Prints a completion script for commands, options and option values. bash: `source <(mlops completion bash)` in ~/.bashrc; zsh: `source <(mlops completion zsh)` in ~/.zshrc; fish: `mlops completion fish > ~/.config/fish/completions/mlops.fish`.')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(Object.keys(SHELLS)))
    .action(handler(async (shell: keyof typeof SHELLS) => {
      process.stdout.write(SHELLS[shell](program));
      return 0;
    }));
}
