/** `mlops functions`: list, call, call-parallel, logs, delete, rollback and redeploy deployed model functions. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import type { Command } from 'commander';
import {
  MlopsError, callByExternalId, callParallel, createCdfClient, credentialSecrets, deleteFunctionByExternalId, functionCallLogs, listModelFunctions,
  maskIndexUrls, mergeCredentialSecrets, parseEnv, parseFunctionExternalId, parseIndexUrls, parseSecretsJson, parseService, parseVersionArgument, redeployFunction, rollbackLatest, targetExternalId, type CdfConfig, type Logger, type Service,
} from '@akerbp-mlops/core';
import { cliLogger } from '../progress.js';
import { alignedTable } from '../table.js';
import { UsageError, handler } from '../exit.js';
import { envOption, int, serviceOption, verboseOption, versionOption, wholeNumber } from '../options.js';
import { jsonOption, printJson } from '../output.js';
import { confirmProd, confirmYesNo } from '../confirm.js';
import { cdfConfigFromEnv } from '../credentials.js';
import { fieldName, functionFieldOptions, secretsText } from '../function-fields.js';

/** `JSON` or `@file` holding JSON. */
function jsonArgument(raw: string | undefined, flag: string): unknown {
  if (raw === undefined) throw new MlopsError(`${flag} is required: give JSON, or @file for a JSON file.`);
  if (raw.startsWith('@')) return jsonFile(raw.slice(1), `${flag} ${raw}`);
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new MlopsError(`${flag} is not valid JSON: ${(err as Error).message}`);
  }
}

/** The JSON in `path`; `what` names it in the MlopsError for an unreadable file or one that is not JSON. */
function jsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new MlopsError(`${what}: cannot read ${path}.`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new MlopsError(`${what} is not valid JSON (${path}): ${(err as Error).message}`);
  }
}

interface FunctionsOptions {
  verbose?: boolean;
}

interface TargetOptions extends FunctionsOptions {
  env?: string;
  service?: string;
  version?: string;
}

interface RedeployOptions extends FunctionsOptions {
  secrets?: string;
  passWriteCredentials?: boolean;
  indexUrl?: string;
  extraIndexUrls?: string;
  testPayload?: string;
  smokeTest: boolean;
}

/**
 * The smoke call's payload: --test-payload, else the ServiceTest payload `mlops test` and
 * `mlops deploy` last wrote for this model and service (`.mlops/test/<model>-<service>-payload.json`
 * in the current directory), else none (a keep-warm `{}`, which never calls the model: said).
 */
async function rebuildPayload(values: RedeployOptions, model: string, service: Service, log: Logger): Promise<unknown> {
  if (!values.smokeTest) return undefined;
  if (values.testPayload) return jsonFile(values.testPayload, '--test-payload');
  const written = join('.mlops', 'test', `${model}-${service}-payload.json`);
  if (service === 'prediction' && existsSync(written)) {
    log.info(`Smoke test payload: ${written} (the ServiceTest payload mlops test wrote).`);
    return jsonFile(written, written);
  }
  if (service === 'prediction') log.warning(`No smoke-test payload: give --test-payload (mlops test writes ${written} in the model repository); the smoke test is a keep-warm call ({}), which answers ok without calling the model.`);
  return undefined;
}

/**
 * What a rebuild needs that CDF never returns: secrets and index URLs (masked), as the deploy gave
 * them (flags or their environment variables, function-fields.ts), with the credential secrets
 * `mlops deploy` adds (the read pair's `tenant-id`, `base-url`, `id-read`, `secret-read` when set;
 * the write pair with --pass-write-credentials), so the rebuilt function gets what the deploy gave
 * it (from `config`, which connect resolved); and the smoke payload. Throws MlopsError when
 * --secrets sets a key the credentials fill.
 */
async function rebuildFields(values: RedeployOptions, cmd: Command, model: string, service: Service, config: CdfConfig, log: Logger) {
  for (const v of [values.indexUrl, values.extraIndexUrls]) if (v) log.secret(v);
  const names = { secrets: fieldName(cmd, 'secrets'), indexUrl: fieldName(cmd, 'indexUrl'), extraIndexUrls: fieldName(cmd, 'extraIndexUrls') };
  const indexUrls = parseIndexUrls(values.indexUrl, values.extraIndexUrls, names);
  maskIndexUrls(indexUrls, log);
  const text = secretsText(values.secrets, names.secrets, log);
  const given = text === undefined ? undefined : parseSecretsJson(text, names.secrets);
  const secrets = mergeCredentialSecrets(given, credentialSecrets(config, { passWrite: values.passWriteCredentials ?? false }), names.secrets);
  for (const v of Object.values(secrets ?? {})) log.secret(v);
  return { secrets, indexUrls, fieldNames: names, smokeTest: values.smokeTest, testPayload: await rebuildPayload(values, model, service, log), log };
}

/** A logger and a CDF client on the COGNITE_* credentials (read-only ones serve list and logs), and its CDF project. */
async function connect(values: FunctionsOptions, access: 'read' | 'write'): Promise<{ client: CogniteClient; config: CdfConfig; log: Logger; project: string }> {
  const log = cliLogger({ verbose: values.verbose });
  const config = cdfConfigFromEnv(log);
  return { client: await createCdfClient(config, { access, log }), config, log, project: config.project };
}

/** Whether an external id names a prod function (<model>-<service>-prod, or a kept -prod-<N> or -prod-<N>-<K>). */
function isProdFunction(xid: string): boolean {
  return /-prod(-\d+){0,2}$/.test(xid);
}

/**
 * MODEL (with --env, --service, --version) or an external id → the function's external id.
 * A model name without --env is a usage error of `command` (exit 2), as a missing option is.
 */
function externalIdOf(target: string, values: TargetOptions, command: string): string {
  const which = {
    env: values.env ? parseEnv(values.env, '--env') : undefined,
    service: values.service ? parseService(values.service) : undefined,
    version: parseVersionArgument(values.version, '--version'),
  };
  try {
    return targetExternalId(target, which);
  } catch (err) {
    // Its only refusal: a model name without --env.
    if (err instanceof MlopsError) throw new UsageError(err.message, command);
    throw err;
  }
}

/** --env, --service and --version: which function MODEL means. */
function targetOptions(cmd: Command): Command {
  return cmd
    .addOption(envOption('environment, needed when MODEL is a model name'))
    .addOption(serviceOption('prediction or training (default: prediction)'))
    .addOption(versionOption('--version <n>', 'a kept version instead of the latest'));
}

/** --secrets, --index-url, --extra-index-urls and --no-smoke-test, for commands that rebuild a function. */
function redeployOptions(cmd: Command): Command {
  return functionFieldOptions(cmd, {
    secrets: 'function secrets: JSON, or @file holding JSON (CDF never returns them: give what the deploy gave)',
    indexUrl: 'package index the deployment was built with (CDF never returns it)',
    extraIndexUrls: 'further package indexes, comma-separated',
  })
    .option('--pass-write-credentials', 'also pass the write credentials as the secrets id-write and secret-write, as the deploy did with this flag; the read pair is passed whenever it is set')
    .option('--test-payload <file>', 'JSON payload of the smoke call (default: .mlops/test/<MODEL>-prediction-payload.json, the ServiceTest payload mlops test writes, when it exists; else a keep-warm {} that does not call the model)')
    .option('--no-smoke-test', 'skip the smoke call afterwards');
}

/** Adds `mlops functions` and its subcommands. */
export default function register(program: Command): void {
  const functions = program
    .command('functions')
    .summary('list, call, inspect, delete, roll back and redeploy deployed functions')
    .description(`The suite's CDF Functions. Credentials come from the COGNITE_* environment variables (COGNITE_PROJECT, COGNITE_OIDC_BASE_URL, COGNITE_TENANT_ID or COGNITE_TOKEN_URL, COGNITE_CLIENT_ID_WRITE, COGNITE_CLIENT_SECRET_WRITE).`);

  jsonOption(verboseOption(functions.command('list').description("the suite's functions")))
    .addOption(envOption('only this environment'))
    .option('--model <name>', 'only this model')
    .option('--tag <tag>', 'latest | versioned | KEY=VALUE (metadata)')
    .action(handler(async (values: FunctionsOptions & { env?: string; model?: string; tag?: string; json?: boolean }) => {
      const env = values.env ? parseEnv(values.env, '--env') : undefined;
      const { client } = await connect(values, 'read');
      const listed = await listModelFunctions(client, { env, tag: values.tag, model: values.model });
      if (values.json) {
        printJson(listed.map((f) => ({
          externalId: f.fn.externalId ?? null, id: f.fn.id, name: f.fn.name, status: f.fn.status, serves: f.serves, createdTime: new Date(f.fn.createdTime).toISOString(), metadata: f.fn.metadata ?? {},
        })));
        return 0;
      }
      const rows = listed.map((f) => [
        f.fn.externalId ?? '', f.fn.status, f.serves === null ? '' : String(f.serves), new Date(f.fn.createdTime).toISOString(), f.fn.name,
      ]);
      process.stdout.write(`${alignedTable([['External id', 'Status', 'Serves', 'Created', 'Name'], ...rows], process.stdout)}\n`);
      return 0;
    }));

  jsonOption(verboseOption(targetOptions(functions.command('call').description('call a function and print its response'))))
    .argument('<target>', 'a model name (with --env) or a function external id')
    .requiredOption('--data <json>', 'the payload: JSON, or @file holding JSON')
    .action(handler(async (target: string, values: TargetOptions & { data: string; json?: boolean }) => {
      const xid = externalIdOf(target, values, 'mlops functions call');
      const payload = jsonArgument(values.data, '--data');
      const { client, log } = await connect(values, 'write');
      const { call, response, logs } = await callByExternalId(client, xid, payload, { log });
      if (values.json) printJson({ externalId: xid, callId: call.id, status: call.status, error: call.error ?? null, response: response ?? null });
      if (call.status !== 'Completed') {
        log.error(`Call ${call.id} ended ${call.status}${call.error?.message ? `: ${call.error.message}` : ''}`);
        for (const l of logs.slice(-20)) log.info(l.message.trimEnd());
        return 1;
      }
      if (!values.json) printJson(response);
      return (response as { status?: string } | null)?.status === 'error' ? 1 : 0;
    }));

  verboseOption(targetOptions(functions.command('call-parallel').description('one call per item of a JSON array, at most --concurrency at a time')))
    .argument('<target>', 'a model name (with --env) or a function external id')
    .requiredOption('--data <json-array>', 'the payloads: a JSON array, or @file holding one')
    .option('--concurrency <n>', 'calls at once', wholeNumber(1), '4')
    .action(handler(async (target: string, values: TargetOptions & { data: string; concurrency: string }) => {
      const xid = externalIdOf(target, values, 'mlops functions call-parallel');
      const payloads = jsonArgument(values.data, '--data');
      if (!Array.isArray(payloads)) throw new MlopsError('--data for call-parallel must be a JSON array: one payload per call.');
      const { client, log } = await connect(values, 'write');
      const outcomes = await callParallel(client, xid, payloads, { concurrency: int(values.concurrency), log });
      printJson(outcomes);
      const failed = outcomes.filter((o) => !o.ok).length;
      log.info(`${outcomes.length - failed}/${outcomes.length} calls ok.`);
      return failed ? 1 : 0;
    }));

  verboseOption(functions.command('logs').description('the logs of a call (default: the most recent call)'))
    .argument('<xid>', 'function external id')
    .option('--call <id>', 'call id', wholeNumber(1))
    .action(handler(async (target: string, values: FunctionsOptions & { call?: string }) => {
      const { client, log } = await connect(values, 'read');
      const { callId, logs } = await functionCallLogs(client, target, int(values.call));
      log.info(`Logs of call ${callId}:`);
      process.stdout.write(logs.map((l) => `${l.timestamp ? `${new Date(l.timestamp).toISOString()} ` : ''}${l.message.trimEnd()}\n`).join(''));
      return 0;
    }));

  verboseOption(functions.command('delete').description('delete a function (asks unless --yes)'))
    .argument('<xid>', 'function external id')
    .option('-y, --yes', 'do not ask for confirmation (required without a terminal)')
    .action(handler(async (target: string, values: FunctionsOptions & { yes?: boolean }) => {
      const { client, log, project } = await connect(values, 'write');
      const what = `Deleting function ${target}`;
      const confirmed = isProdFunction(target) ? await confirmProd('mlops functions delete', what, project, values.yes) : await confirmYesNo('mlops functions delete', what, values.yes);
      if (!confirmed) return 1;
      await deleteFunctionByExternalId(client, target, log);
      return 0;
    }));

  verboseOption(redeployOptions(functions.command('rollback').description('point <MODEL>-<service>-<env> at a kept deployment (default: the previous proven one)')))
    .argument('<model>', 'model name')
    .addOption(envOption('dev, test or prod').makeOptionMandatory())
    .option('--to <deployment>', 'N: version N\'s newest kept deployment; N-K: the deployment <MODEL>-<service>-<env>-N-K (N-1: the first, <MODEL>-<service>-<env>-N); 7+ hex digits: the deployment whose code sha256 starts with them')
    .addOption(serviceOption('prediction or training (default: prediction)'))
    .option('-y, --yes', 'in prod, do not ask for the CDF project name (required without a terminal)')
    .action(handler(async (model: string, values: RedeployOptions & { env: string; to?: string; service?: string; yes?: boolean }, cmd: Command) => {
      const env = parseEnv(values.env, '--env');
      const service = values.service ? parseService(values.service) : undefined;
      const { client, config, log, project } = await connect(values, 'write');
      const what = `Rolling ${model} back to ${values.to ? `deployment ${values.to}` : 'the previous proven deployment'} in prod`;
      if (env === 'prod' && !(await confirmProd('mlops functions rollback', what, project, values.yes))) return 1;
      printJson(await rollbackLatest(client, { model, service, env, to: values.to, ...(await rebuildFields(values, cmd, model, service ?? 'prediction', config, log)) }));
      return 0;
    }));

  verboseOption(redeployOptions(functions.command('redeploy').description('rebuild a function from its own code file')))
    .argument('<xid>', 'function external id')
    .option('-y, --yes', 'for a prod function, do not ask for the CDF project name (required without a terminal)')
    .action(handler(async (target: string, values: RedeployOptions & { yes?: boolean }, cmd: Command) => {
      const { client, config, log, project } = await connect(values, 'write');
      if (isProdFunction(target) && !(await confirmProd('mlops functions redeploy', `Redeploying ${target}`, project, values.yes))) return 1;
      const name = parseFunctionExternalId(target);
      printJson(await redeployFunction(client, target, await rebuildFields(values, cmd, name?.model ?? target, name?.service ?? 'prediction', config, log)));
      return 0;
    }));
}
