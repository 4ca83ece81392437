/** `mlops validate`: the validate-settings action's checks, for a terminal. */
import { resolve } from 'node:path';
import { SUMMARY_HEADINGS, loadSettings, parseEnv, parseNameList, settingsSummaryRows } from '@akerbp-mlops/core';
import { alignedTable } from '../table.js';
import { parseCommand, repoOptions } from '../options.js';

const USAGE = `Usage: mlops validate [--settings FILE] [--repo DIR] [--env dev|test|prod] [--models a,b]

Checks the settings file and lists its models. Exit code 1 when there are problems, each
printed as file:line:column: field: what is wrong.

  --settings FILE   settings file, relative to the repository (default: mlops_settings.yaml)
  --repo DIR        the model repository (default: the current folder)
  --env ENV         target environment; in dev the artifact folder must exist (default: test)
  --models LIST     only these models (comma-separated)
`;

export default async function validateCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(args, USAGE, {
    ...repoOptions,
    env: { type: 'string' },
  });
  if (!parsed) return 0;
  const { values } = parsed;
  const env = parseEnv(values.env ?? 'test', '--env');
  const loaded = await loadSettings({
    file: values.settings ?? 'mlops_settings.yaml',
    repoRoot: resolve(values.repo ?? '.'),
    env,
    models: parseNameList(values.models),
  });
  // Aligned columns: the same rows as the action's job summary.
  const rows = [SUMMARY_HEADINGS, ...settingsSummaryRows(loaded, env)];
  process.stdout.write(`${alignedTable(rows)}\n\n${loaded.file}: ${loaded.models.length} model(s) valid for ${env}\n`);
  return 0;
}
