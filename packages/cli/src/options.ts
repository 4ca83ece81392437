/** Options several commands share, declared once for commander. */
import { InvalidArgumentError, Option, type Command } from 'commander';

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

/**
 * `--env` limited to dev, test, prod and `extra` (e.g. ['auto'] for deploy): commander reports
 * anything else as a usage error (exit 2) naming --env, and completion offers the values.
 */
export function envOption(description: string, defaultValue?: string, extra: readonly string[] = []): Option {
  const option = new Option('--env <env>', description).choices([...ENVS, ...extra]);
  return defaultValue === undefined ? option : option.default(defaultValue);
}

export const SERVICES = ['prediction', 'training'] as const;

/**
 * `--service <name>` limited to prediction and training: anything else is a usage error (exit 2)
 * naming --service, and completion offers the values.
 */
export function serviceOption(description: string, defaultValue?: string): Option {
  const option = new Option('--service <name>', description).choices(SERVICES);
  return defaultValue === undefined ? option : option.default(defaultValue);
}

/**
 * A commander argParser for a comma-separated list of services (deploy's `--service <list>`):
 * each item must be prediction or training, else InvalidArgumentError (usage error, exit 2).
 * Returns the value unchanged.
 */
export function serviceList(value: string): string {
  const unknown = value.split(',').map((s) => s.trim()).filter((s) => !(SERVICES as readonly string[]).includes(s));
  if (unknown.length) throw new InvalidArgumentError(`Expected prediction, training or both, comma-separated; got ${unknown.map((u) => `'${u}'`).join(', ')}.`);
  return value;
}

/** `--version <n>`-style options: a version number (1, 2, ...), else a usage error naming the flag. */
export function versionOption(flags: string, description: string): Option {
  return new Option(flags, description).argParser(wholeNumber(1, Number.MAX_SAFE_INTEGER, ['latest']));
}

/**
 * A commander argParser: the option's value must be a whole number in [min, max] (or one of
 * `words`, case-insensitive), else InvalidArgumentError, which commander prints as a usage error
 * naming the flag ("option '--port <n>' argument 'abc' is invalid. Expected ...", exit 2).
 * Returns the value unchanged (a string), so commands convert it as before.
 */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER, words: readonly string[] = []): (value: string) => string {
  return (value) => {
    const text = value.trim();
    if (words.includes(text.toLowerCase())) return text;
    if (/^\d+$/.test(text) && Number(text) >= min && Number(text) <= max) return text;
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new InvalidArgumentError(`Expected a whole number ${range}${words.map((w) => ` or '${w}'`).join('')}.`);
  };
}

/** A whole-number option's value (checked by `wholeNumber`) as a number; undefined stays so. */
export function int(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
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
