/** `mlops validate`: the validate-settings action's checks, for a terminal. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { SUMMARY_HEADINGS, count, loadSettings, parseEnv, parseNameList, settingsSummaryRows } from '@akerbp-mlops/core';
import { cliLogger } from '../progress.js';
import { alignedTable } from '../table.js';
import { handler } from '../exit.js';
import { envOption, repoOptions, type RepoOptions } from '../options.js';
import { humanStream, jsonOption, printJson } from '../output.js';

/** Adds `mlops validate`. */
export default function register(program: Command): void {
  const cmd = program
    .command('validate')
    .summary('check mlops_settings.yaml')
    .description(`Checks the settings file and lists its models. Exit code 1 when there are problems, each printed as file:line:column: field: what is wrong.`);
  repoOptions(cmd).addOption(envOption('target environment; in dev the artifact folder must exist', 'test'));
  jsonOption(cmd).action(handler(validateCommand));
}

async function validateCommand(values: RepoOptions & { env: string; json?: boolean }): Promise<number> {
  const env = parseEnv(values.env, '--env');
  const loaded = await loadSettings({
    file: values.settings,
    repoRoot: resolve(values.repo ?? '.'),
    env,
    models: parseNameList(values.models),
    // Warnings (unknown keys, values PyYAML reads differently from their text) go to stderr.
    log: cliLogger(),
  });
  // Aligned columns: the same rows as the action's job summary.
  const rows = [SUMMARY_HEADINGS, ...settingsSummaryRows(loaded, env)];
  const warned = loaded.warnings.length ? ` (${loaded.warnings.length} warning${loaded.warnings.length === 1 ? '' : 's'})` : '';
  const human = humanStream(values.json);
  human.write(`${alignedTable(rows, human)}

${loaded.file}: ${count(loaded.models.length, 'model')} valid for ${env}${warned}
`);
  if (values.json) printJson({ file: loaded.file, env, valid: true, warnings: loaded.warnings, models: loaded.models.map(({ source: _where, ...model }) => model) });
  return 0;
}
