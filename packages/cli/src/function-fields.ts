/**
 * What a function is given that CDF never returns, as the CLI takes it: function secrets
 * (`--secrets`) and package indexes (`--index-url`, `--extra-index-urls`), each also from an
 * environment variable, so a CI system (a Bitbucket secured variable, any CI secret) passes them
 * without putting values on the command line, where `ps`, shell history and a CI's echo of each
 * script line would show them. `--secrets` takes JSON or `@file` holding JSON.
 */
import { readFileSync } from 'node:fs';
import { FUNCTION_FIELD_VARIABLES, MlopsError, type Logger } from '@akerbp-mlops/core';
import { Option, type Command } from 'commander';

/** The environment variables that stand in for the flags (a flag on the command line wins). */
export const FIELD_ENV = FUNCTION_FIELD_VARIABLES;

const FLAGS = { secrets: '--secrets', indexUrl: '--index-url', extraIndexUrls: '--extra-index-urls' } as const;

export type FunctionField = keyof typeof FIELD_ENV;

/** Adds `--secrets <json>`, `--index-url <url>` and `--extra-index-urls <list>` with `descriptions`, each read from its FIELD_ENV variable when not given. */
export function functionFieldOptions(cmd: Command, descriptions: Record<FunctionField, string>): Command {
  return cmd
    .addOption(new Option(`${FLAGS.secrets} <json>`, descriptions.secrets).env(FIELD_ENV.secrets))
    .addOption(new Option(`${FLAGS.indexUrl} <url>`, descriptions.indexUrl).env(FIELD_ENV.indexUrl))
    .addOption(new Option(`${FLAGS.extraIndexUrls} <list>`, descriptions.extraIndexUrls).env(FIELD_ENV.extraIndexUrls));
}

/** How the user gave `field`, for messages: its environment variable when the value came from there, else its flag. */
export function fieldName(cmd: Command, field: FunctionField): string {
  return cmd.getOptionValueSource(field) === 'env' ? FIELD_ENV[field] : FLAGS[field];
}

/**
 * The secrets JSON text of `raw` (`--secrets` or its variable): the text itself, or for `@path`
 * the file's content; undefined when not given. Registers the text (and a file's content) with
 * `log` as secret before anything can print it. Throws MlopsError naming `name` when the file
 * cannot be read (never quoting its content).
 */
export function secretsText(raw: string | undefined, name: string, log: Logger): string | undefined {
  if (raw === undefined) return undefined;
  log.secret(raw);
  if (!raw.startsWith('@')) return raw;
  const path = raw.slice(1);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new MlopsError(`${name} @${path}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); give a JSON file of secret names to values, e.g. {"api-key": "..."}.`, [{ field: name, message: `cannot read ${path}` }]);
  }
  log.secret(text);
  return text;
}
