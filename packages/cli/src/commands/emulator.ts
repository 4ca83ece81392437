/** `mlops emulator start`: the local CDF API server, until SIGINT/SIGTERM. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { MlopsError } from '@akerbp-mlops/core';
import { EmulatorError, startEmulator, type EmulatorOptions } from '@akerbp-mlops/cdf-emulator';
import { handler } from '../exit.js';
import { int, wholeNumber } from '../options.js';


const seconds = (n: number | undefined): number | undefined => (n === undefined ? undefined : n * 1000);

function readClients(file: string): NonNullable<EmulatorOptions['clients']> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new MlopsError(`--clients ${file}: cannot read it as JSON (${(err as Error).message}).`);
  }
  if (!Array.isArray(parsed)) throw new MlopsError(`--clients ${file}: expected a JSON array of {"clientId", "clientSecret", "write"}.`);
  return parsed.map((c: unknown, i) => {
    const client = c as Record<string, unknown>;
    if (!client || typeof client.clientId !== 'string' || !client.clientId) throw new MlopsError(`--clients ${file}: item ${i}: clientId must be a non-empty string.`);
    if (client.clientSecret !== undefined && typeof client.clientSecret !== 'string') throw new MlopsError(`--clients ${file}: item ${i}: clientSecret must be a string.`);
    if (typeof client.write !== 'boolean') throw new MlopsError(`--clients ${file}: item ${i}: write must be true or false.`);
    return { clientId: client.clientId, clientSecret: client.clientSecret as string | undefined, write: client.write };
  });
}

interface EmulatorCliOptions {
  port: string;
  host?: string;
  dataDir?: string;
  project?: string;
  buildDelayMs?: string;
  faults?: string;
  seed?: string;
  clients?: string;
  python?: string;
  cloud?: string;
  runtimes?: string;
  maxFunctions?: string;
  nonceTtlS?: string;
  sessionTtlS?: string;
}

/** Adds `mlops emulator start`. */
export default function register(program: Command): void {
  const emulator = program
    .command('emulator')
    .summary('start a local CDF emulator')
    .description("Serves the CDF API subset this suite uses (Files, Data sets, Sessions, Functions, calls, schedules) on a local port, for tests, local runs and Cognite's SDKs.");
  emulator
    .command('start')
    .description('serve until Ctrl+C')
    .option('--port <n>', 'port (0 = any free port)', wholeNumber(0, 65535), '4599')
    .option('--host <h>', 'interface (default 127.0.0.1)')
    .option('--data-dir <dir>', 'keep state in DIR across restarts (default: in memory)')
    .option('--project <name>', 'CDF project name (default mlops-emulator)')
    .option('--build-delay-ms <n>', 'time a function spends Queued+Deploying (default 300)', wholeNumber(0))
    .option('--faults <spec>', 'inject faults, e.g. 429:0.1,503:0.05,latency:200ms,build-fail:0.2[,token]')
    .option('--seed <n>', 'fault random seed (default 1)', wholeNumber(0))
    .option('--clients <file>', 'JSON [{"clientId","clientSecret","write"}]: only these clients (default: any)')
    .option('--python <path>', 'default interpreter for builds and calls (default python3); a function runs with pythonX.Y of its runtime when that interpreter works')
    .option('--cloud <name>', 'azure (default), gcp or aws: cpu/memory limits and call payload size')
    .option('--runtimes <list>', 'runtimes offered, e.g. py311,py312 (default py310,py311,py312,py313,py314)')
    .option('--max-functions <n>', 'functions per project (default 100)', wholeNumber(1))
    .option('--nonce-ttl-s <n>', "seconds a session's nonce can be bound (default 60)", wholeNumber(1))
    .option('--session-ttl-s <n>', 'seconds a session lives (default one year; token-exchange sessions end when the token they were made from expires)', wholeNumber(1))
    .action(handler(emulatorStart));
}

async function emulatorStart(values: EmulatorCliOptions): Promise<number> {
  const emulator = await startEmulator({
    port: int(values.port),
    host: values.host,
    dataDir: values.dataDir,
    project: values.project,
    buildDelayMs: int(values.buildDelayMs),
    faults: values.faults,
    seed: int(values.seed),
    clients: values.clients ? readClients(values.clients) : undefined,
    python: values.python,
    cloud: values.cloud as EmulatorOptions['cloud'],
    runtimes: values.runtimes?.split(',').map((r) => r.trim()).filter(Boolean),
    maxFunctions: int(values.maxFunctions),
    nonceTtlMs: seconds(int(values.nonceTtlS)),
    sessionTtlMs: seconds(int(values.sessionTtlS)),
    logger: (line) => process.stderr.write(`${line}\n`),
  }).catch((err: unknown) => {
    // Bad option values (faults, cloud, runtimes) become the CLI's one-paragraph error.
    throw err instanceof EmulatorError ? new MlopsError(err.message) : err;
  });
  process.stdout.write(`CDF emulator listening on ${emulator.url} (project ${emulator.project})\n`);
  // The hint goes to stderr so stdout carries only the ready line (scripts wait for it).
  process.stderr.write(
    `Get a token: POST ${emulator.tokenUrl} (form: grant_type=client_credentials, client_id, client_secret, scope=${emulator.url}/.default)` +
      `${values.clients ? '' : '; any client id and secret work'}. Stop with Ctrl+C.\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.stop();
  return 0;
}
