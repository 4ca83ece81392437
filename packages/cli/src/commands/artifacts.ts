/** `mlops artifacts`: the Model Manager from a terminal, with the COGNITE_* credentials of the environment. */
import { createInterface } from 'node:readline/promises';
import {
  MlopsError,
  ModelManager,
  consoleLogger,
  createCdfClient,
  parseArtifactExternalId,
  promoteWithReport,
  parseVersionArgument,
  provenanceFromEnv,
  resolveCdfConfig,
  type ArtifactVersion,
  type Progress,
} from '@akerbp-mlops/core';
import { alignedTable } from '../table.js';
import { parseCommand } from '../options.js';

const USAGE = `Usage: mlops artifacts <list|upload|download|promote|delete> [options]

  list     [--model M] [--env E] [--json]         every version, newest first
  upload   <model> <dev|test> <folder> [--metadata KEY=VALUE ...]
  download <model> <env> <folder> [--version N]    latest unless --version
  promote  <model> [--from test] [--to prod] [--version N]
  delete   <model>/<env>/<version> [--yes] [--force]

Common options:
  --dataset XID   data set holding the artifacts (default: mlops)
  --verbose       debug output

Credentials come from COGNITE_PROJECT, COGNITE_OIDC_BASE_URL, COGNITE_TENANT_ID (or
COGNITE_TOKEN_URL), COGNITE_CLIENT_ID_WRITE/COGNITE_CLIENT_SECRET_WRITE and, for list and
download, COGNITE_CLIENT_ID_READ/COGNITE_CLIENT_SECRET_READ when set.
`;

/** A bar redrawn in place on a terminal; elsewhere (CI logs) a line per 10 %. */
export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr): Progress & { finish(): void } {
  let lastStep = -1;
  let drawn = false;
  const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;
  const report = (done: number, total: number) => {
    const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : undefined;
    if (stream.isTTY) {
      const width = 30;
      const filled = pct === undefined ? 0 : Math.round((pct / 100) * width);
      const bar = pct === undefined ? '' : `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% `;
      stream.write(`\r${label} ${bar}${mb(done)}${total ? ` / ${mb(total)}` : ''}`);
      drawn = true;
    } else if (pct !== undefined && Math.floor(pct / 10) > lastStep) {
      lastStep = Math.floor(pct / 10);
      stream.write(`${label}: ${pct}%\n`);
    }
  };
  return Object.assign(report, { finish: () => { if (drawn) stream.write('\n'); } });
}

function table(versions: ArtifactVersion[]): string {
  const rows = [['ARTIFACT', 'CREATED', 'SIZE', 'SHA256', 'PROMOTED FROM'], ...versions.map((v) => [
    v.externalId + (v.uploaded ? '' : ' (not uploaded)'),
    new Date(v.createdTime).toISOString().replace('T', ' ').slice(0, 19),
    v.size === undefined ? '' : String(v.size),
    v.sha256?.slice(0, 12) ?? '',
    v.promotedFrom ?? '',
  ])];
  return alignedTable(rows);
}

function parseMetadata(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new MlopsError(`--metadata expects KEY=VALUE, got "${pair}".`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new MlopsError('Deleting an artifact needs confirmation; no terminal to ask in, so pass --yes.');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

function expectArgs(positionals: string[], names: string[]): string[] {
  if (positionals.length !== names.length) throw new MlopsError(`Expected ${names.map((n) => `<${n}>`).join(' ')}; see mlops artifacts --help.`);
  return positionals;
}

export default async function artifactsCommand(args: string[]): Promise<number> {
  const cli = parseCommand(args, USAGE, {
    model: { type: 'string' },
    env: { type: 'string' },
    version: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    metadata: { type: 'string', multiple: true },
    dataset: { type: 'string' },
    json: { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
    force: { type: 'boolean' },
  }, true);
  if (!cli) return 0;
  const { values, positionals } = cli;
  const [sub, ...rest] = positionals;
  if (!sub) {
    process.stdout.write(USAGE);
    return 2;
  }
  if (!['list', 'upload', 'download', 'promote', 'delete'].includes(sub)) {
    process.stderr.write(`mlops artifacts: unknown subcommand '${sub}'.\n\n${USAGE}`);
    return 2;
  }
  const log = consoleLogger({ verbose: values.verbose });
  const config = resolveCdfConfig({}, process.env, log);
  const readOnly = sub === 'list' || sub === 'download';
  const client = await createCdfClient(config, { access: readOnly ? 'read' : 'write', log });
  const manager = new ModelManager({ client, dataset: values.dataset, log });

  switch (sub) {
    case 'list': {
      const versions = await manager.overview({ model: values.model, env: values.env });
      process.stdout.write(values.json ? `${JSON.stringify(versions, null, 2)}\n` : `${versions.length ? table(versions) : 'No artifacts.'}\n`);
      return 0;
    }
    case 'upload': {
      const [model, env, folder] = expectArgs(rest, ['model', 'env', 'folder']);
      const progress = progressReporter(`Uploading ${model}/${env}`);
      const v = await manager.uploadNewVersion(model, env, folder, parseMetadata(values.metadata ?? []), { provenance: provenanceFromEnv(), onProgress: progress });
      progress.finish();
      process.stdout.write(`${v.externalId}\n`);
      return 0;
    }
    case 'download': {
      const [model, env, folder] = expectArgs(rest, ['model', 'env', 'folder']);
      const progress = progressReporter(`Downloading ${model}/${env}`);
      const v = await manager.download(model, env, parseVersionArgument(values.version, '--version'), folder, { onProgress: progress });
      progress.finish();
      process.stdout.write(`${v.externalId} → ${folder}\n`);
      return 0;
    }
    case 'promote': {
      const [model] = expectArgs(rest, ['model']);
      const { result, table: t } = await promoteWithReport(manager, {
        model,
        fromEnv: values.from ?? 'test',
        toEnv: values.to ?? 'prod',
        version: parseVersionArgument(values.version, '--version'),
      });
      for (const row of t.rows) process.stdout.write(`${row[0]}: ${row[1]} → ${row[2]}\n`);
      process.stdout.write(`${result.alreadyPromoted ? 'Already promoted' : 'Promoted'}: ${result.source.externalId} → ${result.target.externalId} (sha256 ${result.sha256})\n`);
      return 0;
    }
    default: {
      const [id] = expectArgs(rest, ['model/env/version']);
      const parsed = parseArtifactExternalId(id);
      if (!parsed) throw new MlopsError(`"${id}" is not an artifact id; use <model>/<env>/<version>, e.g. my_model/test/3.`);
      const v = await manager.getVersion(parsed.model, parsed.env, parsed.version);
      if (!values.yes && !(await confirm(`Delete ${v.externalId} (${v.size ?? '?'} bytes, created ${new Date(v.createdTime).toISOString()})?`))) {
        process.stderr.write('Not deleted.\n');
        return 1;
      }
      await manager.deleteVersion(v.externalId, { force: values.force });
      process.stdout.write(`Deleted ${v.externalId}\n`);
      return 0;
    }
  }
}
