/** `mlops functions`: list, call, call-parallel, logs, delete, rollback and redeploy deployed model functions. */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import {
  MlopsError, callByExternalId, callParallel, consoleLogger, createCdfClient, deleteFunctionByExternalId, functionCallLogs, listModelFunctions,
  parseEnv, parseSecretsJson, parseService, parseVersionArgument, redeployFunction, resolveCdfConfig, rollbackLatest, targetExternalId,
  type Logger,
} from '@akerbp-mlops/core';
import { alignedTable } from '../table.js';
import { parseCommand } from '../options.js';

const USAGE = `Usage: mlops functions <command> [options]

Credentials come from the COGNITE_* environment variables (COGNITE_PROJECT, COGNITE_OIDC_BASE_URL,
COGNITE_TENANT_ID or COGNITE_TOKEN_URL, COGNITE_CLIENT_ID_WRITE, COGNITE_CLIENT_SECRET_WRITE).

  list [--env E] [--model M] [--tag T]     the suite's functions; --tag latest | versioned | KEY=VALUE (metadata)
  call MODEL|XID --data JSON|@file [--env E] [--service S] [--version N]
                                           call a function and print its response (MODEL needs --env)
  call-parallel MODEL|XID --data JSON-ARRAY|@file [--concurrency N] [--env E] [--service S] [--version N]
                                           one call per array item, at most N at a time (default 4)
  logs XID [--call ID]                     logs of a call (default: the most recent call)
  delete XID [--yes]                       delete a function (asks unless --yes)
  rollback MODEL --env E --to VERSION [--service S] [--secrets JSON|@file] [--no-smoke-test]
                                           point <MODEL>-<service>-<E> at kept version VERSION
  redeploy XID [--secrets JSON|@file] [--no-smoke-test]
                                           rebuild a function from its own code file
`;

/** `JSON` or `@file` holding JSON. */
function jsonArgument(raw: string | undefined, flag: string): unknown {
  if (raw === undefined) throw new MlopsError(`${flag} is required: give JSON, or @file for a JSON file.`);
  let text = raw;
  if (raw.startsWith('@')) {
    try {
      text = readFileSync(raw.slice(1), 'utf8');
    } catch {
      throw new MlopsError(`${flag} ${raw}: cannot read ${raw.slice(1)}.`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new MlopsError(`${flag} is not valid JSON${raw.startsWith('@') ? ` (${raw.slice(1)})` : ''}: ${(err as Error).message}`);
  }
}

function secretsArgument(raw: string | undefined, log: Logger): Record<string, string> | undefined {
  if (raw === undefined) return undefined;
  const text = raw.startsWith('@') ? readFileSync(raw.slice(1), 'utf8') : raw;
  const secrets = parseSecretsJson(text, '--secrets');
  for (const v of Object.values(secrets ?? {})) log.secret(v);
  return secrets;
}

function positiveInt(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new MlopsError(`${flag} must be a whole number ≥ 1, got "${raw}".`);
  return n;
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(question);
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

export default async function functionsCommand(args: string[]): Promise<number> {
  const cli = parseCommand(args, USAGE, {
    env: { type: 'string' }, model: { type: 'string' }, tag: { type: 'string' }, data: { type: 'string' }, service: { type: 'string' },
    version: { type: 'string' }, concurrency: { type: 'string' }, call: { type: 'string' }, yes: { type: 'boolean' }, to: { type: 'string' },
    secrets: { type: 'string' }, 'no-smoke-test': { type: 'boolean' },
  }, true);
  if (!cli) return 0;
  const { values, positionals } = cli;
  const [sub, target, ...extra] = positionals;
  if (!sub || extra.length || (sub !== 'list' && !target)) {
    process.stdout.write(USAGE);
    return 2;
  }
  const log = consoleLogger({ verbose: values.verbose });
  const env = values.env ? parseEnv(values.env, '--env') : undefined;
  const service = values.service ? parseService(values.service) : undefined;
  const access = sub === 'list' || sub === 'logs' ? 'read' : 'write';
  const client = await createCdfClient(resolveCdfConfig({}, process.env, log), { access, log });
  const xid = () => targetExternalId(target, { env, service, version: parseVersionArgument(values.version, '--version') });
  const common = { secrets: secretsArgument(values.secrets, log), smokeTest: !values['no-smoke-test'], log };

  switch (sub) {
    case 'list': {
      const rows = (await listModelFunctions(client, { env, tag: values.tag, model: values.model })).map((f) => [
        f.fn.externalId ?? '', f.fn.status, f.serves === null ? '' : String(f.serves), new Date(f.fn.createdTime).toISOString(), f.fn.name,
      ]);
      process.stdout.write(`${alignedTable([['EXTERNAL ID', 'STATUS', 'SERVES', 'CREATED', 'NAME'], ...rows])}\n`);
      return 0;
    }
    case 'call': {
      const { call, response, logs } = await callByExternalId(client, xid(), jsonArgument(values.data, '--data'), { log });
      if (call.status !== 'Completed') {
        log.error(`Call ${call.id} ended ${call.status}${call.error?.message ? `: ${call.error.message}` : ''}`);
        for (const l of logs.slice(-20)) log.info(l.message.trimEnd());
        return 1;
      }
      print(response);
      return (response as { status?: string } | null)?.status === 'error' ? 1 : 0;
    }
    case 'call-parallel': {
      const payloads = jsonArgument(values.data, '--data');
      if (!Array.isArray(payloads)) throw new MlopsError('--data for call-parallel must be a JSON array: one payload per call.');
      const outcomes = await callParallel(client, xid(), payloads, { concurrency: positiveInt(values.concurrency, '--concurrency'), log });
      print(outcomes);
      const failed = outcomes.filter((o) => !o.ok).length;
      log.info(`${outcomes.length - failed}/${outcomes.length} calls ok.`);
      return failed ? 1 : 0;
    }
    case 'logs': {
      const { callId, logs } = await functionCallLogs(client, target, positiveInt(values.call, '--call'));
      log.info(`Logs of call ${callId}:`);
      process.stdout.write(logs.map((l) => `${l.timestamp ? `${new Date(l.timestamp).toISOString()} ` : ''}${l.message.trimEnd()}\n`).join(''));
      return 0;
    }
    case 'delete': {
      if (!values.yes && !(await confirm(`Delete function ${target}? [y/N] `))) {
        log.error(`Not deleted: confirm with --yes${process.stdin.isTTY ? '' : ' (no terminal to ask on)'}.`);
        return 1;
      }
      await deleteFunctionByExternalId(client, target, log);
      return 0;
    }
    case 'rollback': {
      if (!env) throw new MlopsError('rollback needs --env (dev, test or prod).');
      const to = positiveInt(values.to, '--to');
      if (to === undefined) throw new MlopsError('rollback needs --to VERSION: the kept version the latest should serve.');
      print(await rollbackLatest(client, { model: target, service, env, to, ...common }));
      return 0;
    }
    case 'redeploy':
      print(await redeployFunction(client, target, common));
      return 0;
    default:
      process.stderr.write(`mlops functions: unknown command '${sub}'.\n\n${USAGE}`);
      return 2;
  }
}
