/** `mlops artifacts`: the Model Manager from a terminal, with the COGNITE_* credentials of the environment. */
import type { Command } from 'commander';
import {
  MlopsError,
  ModelManager,
  createCdfClient,
  parseArtifactExternalId,
  promoteWithReport,
  parseVersionArgument,
  provenanceFromEnv,
  type ArtifactVersion,
} from '@akerbp-mlops/core';
import { cliLogger } from '../progress.js';
import { alignedTable } from '../table.js';
import { handler } from '../exit.js';
import { collect, envOption, verboseOption, versionOption } from '../options.js';
import { confirmProd, confirmYesNo } from '../confirm.js';
import { cdfConfigFromEnv } from '../credentials.js';

function table(versions: ArtifactVersion[]): string {
  const rows = [['Artifact', 'Created', 'Size', 'SHA-256', 'Promoted from'], ...versions.map((v) => [
    v.externalId + (v.uploaded ? '' : ' (not uploaded)'),
    new Date(v.createdTime).toISOString().replace('T', ' ').slice(0, 19),
    v.size === undefined ? '' : String(v.size),
    v.sha256?.slice(0, 12) ?? '',
    v.promotedFrom ?? '',
  ])];
  return alignedTable(rows, process.stdout);
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

interface ArtifactsOptions {
  dataset?: string;
  verbose?: boolean;
}

/** A Model Manager on the COGNITE_* credentials (read-only ones serve `list` and `download`), and its CDF project. */
async function connectManager(values: ArtifactsOptions, access: 'read' | 'write'): Promise<{ manager: ModelManager; project: string }> {
  const log = cliLogger({ verbose: values.verbose });
  const config = cdfConfigFromEnv(log);
  const client = await createCdfClient(config, { access, log });
  return { manager: new ModelManager({ client, dataset: values.dataset, log }), project: config.project };
}

async function modelManager(values: ArtifactsOptions, access: 'read' | 'write'): Promise<ModelManager> {
  return (await connectManager(values, access)).manager;
}

/** --dataset and --verbose, on every subcommand. */
function common(cmd: Command): Command {
  return verboseOption(cmd.option('--dataset <xid>', 'data set holding the artifacts (default: mlops)'));
}

const CREDENTIALS = 'Credentials come from COGNITE_PROJECT, COGNITE_OIDC_BASE_URL, COGNITE_TENANT_ID (or COGNITE_TOKEN_URL), '
  + 'COGNITE_CLIENT_ID_WRITE/COGNITE_CLIENT_SECRET_WRITE and, for list and download, COGNITE_CLIENT_ID_READ/COGNITE_CLIENT_SECRET_READ when set.';

/** Adds `mlops artifacts` and its subcommands. */
export default function register(program: Command): void {
  const artifacts = program
    .command('artifacts')
    .summary('list, upload, download, promote and delete model artifacts')
    .description(`The Model Manager: versioned model artifacts in CDF Files.\n\n${CREDENTIALS}`);

  common(artifacts.command('list').description('every version, newest first'))
    .option('--model <name>', 'only this model')
    .addOption(envOption('only this environment'))
    .option('--json', 'print the versions as one JSON document')
    .action(handler(async (values: ArtifactsOptions & { model?: string; env?: string; json?: boolean }) => {
      const versions = await (await modelManager(values, 'read')).overview({ model: values.model, env: values.env });
      process.stdout.write(values.json ? `${JSON.stringify(versions, null, 2)}\n` : `${versions.length ? table(versions) : 'No artifacts.'}\n`);
      return 0;
    }));

  common(artifacts.command('upload').description('upload a folder as the next version of a model in dev or test'))
    .argument('<model>', 'model name')
    .argument('<env>', 'dev or test')
    .argument('<folder>', 'the artifact folder')
    .option('--metadata <key=value>', 'metadata of the version (repeatable)', collect)
    .action(handler(async (model: string, env: string, folder: string, values: ArtifactsOptions & { metadata?: string[] }) => {
      const v = await (await modelManager(values, 'write')).uploadNewVersion(model, env, folder, parseMetadata(values.metadata ?? []), { provenance: provenanceFromEnv() });
      process.stdout.write(`${v.externalId}\n`);
      return 0;
    }));

  common(artifacts.command('download').description('download a version into a folder (the latest unless --version)'))
    .argument('<model>', 'model name')
    .argument('<env>', 'dev, test or prod')
    .argument('<folder>', 'where to unpack it')
    .addOption(versionOption('--version <n>', 'version to download (default: the latest)'))
    .action(handler(async (model: string, env: string, folder: string, values: ArtifactsOptions & { version?: string }) => {
      const v = await (await modelManager(values, 'read')).download(model, env, parseVersionArgument(values.version, '--version'), folder);
      process.stdout.write(`${v.externalId} → ${folder}\n`);
      return 0;
    }));

  common(artifacts.command('promote').description('copy a version from one environment to the next'))
    .argument('<model>', 'model name')
    .option('--from <env>', 'source environment', 'test')
    .option('--to <env>', 'target environment', 'prod')
    .addOption(versionOption('--version <n>', 'version to promote (default: the latest)'))
    .action(handler(async (model: string, values: ArtifactsOptions & { from: string; to: string; version?: string }) => {
      const { result, table: t } = await promoteWithReport(await modelManager(values, 'write'), {
        model,
        fromEnv: values.from,
        toEnv: values.to,
        version: parseVersionArgument(values.version, '--version'),
      });
      for (const row of t.rows) process.stdout.write(`${row[0]}: ${row[1]} → ${row[2]}\n`);
      process.stdout.write(`${result.alreadyPromoted ? 'Already promoted' : 'Promoted'}: ${result.source.externalId} → ${result.target.externalId} (sha256 ${result.sha256})\n`);
      return 0;
    }));

  common(artifacts.command('delete').description('delete one version (asks unless --yes)'))
    .argument('<id>', 'the version, as <model>/<env>/<version>, e.g. my_model/test/3')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--force', 'delete even a version a deployed function serves as its artifact')
    .action(handler(async (id: string, values: ArtifactsOptions & { yes?: boolean; force?: boolean }) => {
      const parsed = parseArtifactExternalId(id);
      if (!parsed) throw new MlopsError(`"${id}" is not an artifact id; use <model>/<env>/<version>, e.g. my_model/test/3.`);
      const { manager, project } = await connectManager(values, 'write');
      const v = await manager.getVersion(parsed.model, parsed.env, parsed.version);
      const what = `Deleting ${v.externalId} (${v.size ?? '?'} bytes, created ${new Date(v.createdTime).toISOString()})`;
      const confirmed = parsed.env === 'prod'
        ? await confirmProd('mlops artifacts delete', what, project, values.yes)
        : await confirmYesNo('mlops artifacts delete', what, values.yes);
      if (!confirmed) return 1;
      await manager.deleteVersion(v.externalId, { force: values.force });
      process.stdout.write(`Deleted ${v.externalId}\n`);
      return 0;
    }));
}
