/** Options several commands share, declared once for commander. */
import { Option, type Command } from 'commander';

export const ENVS = ['dev', 'test', 'prod'] as const;

/** --verbose, which every command that talks to CDF or runs the pipeline has. */
export function verboseOption(cmd: Command): Command {
  return cmd.option('-v, --verbose', 'debug output');
}

/** Where the model repository and its settings are, and which models to act on. */
export function repoOptions(cmd: Command): Command {
  return cmd
    .option('--settings <file>', 'settings file, relative to the repository', 'mlops_settings.yaml')
    .option('--repo <dir>', 'the model repository (default: the current folder)')
    .option('--models <list>', 'only these models (comma-separated)');
}

/** `--env` limited to dev, test, prod (commander reports anything else as a usage error). */
export function envOption(description: string, defaultValue?: string): Option {
  const option = new Option('--env <env>', description).choices(ENVS);
  return defaultValue === undefined ? option : option.default(defaultValue);
}

/** The options of `repoOptions`, as commander hands them to an action. */
export interface RepoOptions {
  settings: string;
  repo?: string;
  models?: string;
  verbose?: boolean;
}

/** For repeatable options: `--metadata a=1 --metadata b=2` → ['a=1', 'b=2']. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
