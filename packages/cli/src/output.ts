/**
 * `--json`: one JSON document on stdout for scripts; the human-readable text then goes to stderr,
 * so `mlops deploy --json | jq` still shows people what happened.
 */
import type { Command } from 'commander';

/** Adds --json to a command that reports something. */
export function jsonOption(cmd: Command): Command {
  return cmd.option('--json', 'print one JSON document on stdout (human-readable text goes to stderr)');
}

/** Where human-readable output goes: stdout, or stderr when stdout carries the JSON document. */
export function humanStream(json: boolean | undefined): NodeJS.WriteStream {
  return json ? process.stderr : process.stdout;
}

/** The JSON document, pretty-printed, newline-terminated. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
