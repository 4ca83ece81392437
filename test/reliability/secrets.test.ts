/**
 * Every action bundle and the CLI's deploy run with known fake secrets (and credential files in the
 * model and artifact folders) against a persisted emulator; then everything
 * a secret could leak into is scanned: stdout and stderr (minus the runner's own ::add-mask::
 * commands), GITHUB_OUTPUT, the step summary, the zips produced, and all the emulator stored
 * (state: function metadata, env vars, file metadata; blobs: code zips unzipped, artifacts
 * gunzipped). Function secrets must be stored as the function's secrets and nowhere else.
 * Identifiers (model ids, project names) are not secrets and are expected to appear.
 * Needs `node scripts/build.mjs dist validate-settings test-model package-model deploy-cdf-function promote-artifact deploy cli`.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { ModelManager, createCdfClient, resolveCdfConfig, silentLogger } from '@akerbp-mlops/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cogniteEnv } from '../helpers/emulator-env.js';
import { exampleRepo } from '../helpers/example-repo.js';
import { zipText } from '../helpers/zip-text.js';
import { runBundle, type BundleRun } from '../helpers/run-bundle.js';
import { mlopsAsync } from '../../packages/cli/test/helpers/built-cli.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const CLIENT_SECRET = 'fake-client-secret-9f8e7d6c';
const FUNCTION_SECRET = 'fake-function-secret-1a2b3c4d';
const SECRETS_JSON = JSON.stringify({ 'api-key': FUNCTION_SECRET });
const INDEX_TOKEN = 'fake-index-token-5e6f7a8b';
const EXTRA_INDEX_URL = `https://deployer:${INDEX_TOKEN}@pkgs.example.com/simple`;
/** In credential files of the model folder and the artifact folder, which never leave the runner. */
const FILE_SECRET = 'fake-file-secret-0c9b8a7f';

/** A stored blob as text: zips unpacked, gzip inflated, anything else as it is. */
async function blobText(file: string): Promise<string> {
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 2).toString('hex') === '504b') return zipText(file);
  if (bytes.subarray(0, 2).toString('hex') === '1f8b') return gunzipSync(bytes).toString('latin1');
  return bytes.toString('latin1');
}

const files = (dir: string): string[] => (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
  .filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));

describe('secrets never leave their place', () => {
  let emu: RunningEmulator;
  let dataDir: string;
  let env: Record<string, string>;
  let repo: string;
  const runs: Record<string, BundleRun> = {};

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'secrets-emulator-'));
    emu = await startEmulator({ buildDelayMs: 20, callTimeoutMs: 30_000, dataDir, clients: [{ clientId: 'writer', clientSecret: CLIENT_SECRET, write: true }] });
    env = { ...cogniteEnv(emu, CLIENT_SECRET), GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature/x', GITHUB_SHA: 'b'.repeat(40) };
    repo = exampleRepo();
    writeFileSync(join(repo, 'payload.json'), JSON.stringify({ data: { ACS: [180.0], RDEP: [2.5], DEN: [2.3] } }));
    writeFileSync(join(repo, 'model_code', '.env'), `API_KEY=${FILE_SECRET}\n`);
    writeFileSync(join(repo, 'model_artifact', 'service.pem'), `-----BEGIN PRIVATE KEY-----\n${FILE_SECRET}\n`);
    // A private key under a name no rule knows: found by its content.
    writeFileSync(join(repo, 'model_code', 'deploy_key'), `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${FILE_SECRET}\n-----END OPENSSH PRIVATE KEY-----\n`);
    const run = async (name: string, inputs: Record<string, string>) => {
      runs[name] = await runBundle(name, { 'working-directory': repo, 'client-secret': CLIENT_SECRET, ...inputs }, { cwd: repo, env, timeoutMs: 280_000 });
    };
    // In the order of a pipeline: dev deploy from local artifacts, then the test-environment path.
    await run('validate-settings', { env: 'dev' });
    await run('test-model', { 'install-requirements': 'false' });
    await run('package-model', { env: 'dev' });
    await run('deploy-cdf-function', { env: 'dev', 'function-secrets': SECRETS_JSON, 'extra-index-urls': EXTRA_INDEX_URL, 'test-payload': 'payload.json' });
    await run('deploy', { env: 'dev', 'function-secrets': SECRETS_JSON, 'install-requirements': 'false', services: 'prediction' });
    // An artifact in test (as a pipeline's training would have uploaded it), promoted to prod.
    const client = await createCdfClient(resolveCdfConfig({}, env), { access: 'write' });
    await new ModelManager({ client, log: silentLogger }).uploadNewVersion('sonic_model', 'test', join(repo, 'model_artifact'));
    await run('promote-artifact', { model: 'sonic_model', 'from-env': 'test', 'to-env': 'prod' });
    // The CLI's deploy, with the secrets from the environment variable a CI sets and the index as a flag (its logger masks them as ***).
    const cli = await mlopsAsync(['deploy', '--repo', repo, '--env', 'dev', '--no-install', '--extra-index-urls', EXTRA_INDEX_URL], {
      timeoutMs: 280_000,
      env: { ...Object.fromEntries(Object.keys(process.env).filter((k) => /^(GITHUB_|COGNITE_|INPUT_|MLOPS_)/.test(k)).map((k) => [k, undefined])), ...cogniteEnv(emu, CLIENT_SECRET), MLOPS_FUNCTION_SECRETS: SECRETS_JSON },
    });
    runs['mlops deploy (CLI)'] = { code: cli.code ?? 1, stdout: cli.stdout, stderr: cli.stderr, outputs: {}, summary: '', state: {}, runnerTemp: '' };
  }, 600_000);
  afterAll(() => emu?.stop());

  it('every action ran (so the scan below means something)', () => {
    for (const [name, r] of Object.entries(runs)) expect(r.code, `${name}:\n${r.stdout}\n${r.stderr}`).toBe(0);
    expect(runs['deploy-cdf-function'].outputs['function-external-id']).toContain('sonic_model-prediction-dev');
  });

  it('no secret in stdout, stderr, GITHUB_OUTPUT or the step summary of any action', () => {
    const state = JSON.parse(readFileSync(join(dataDir, 'state.json'), 'utf8')) as { tokens: Record<string, unknown> };
    // Access tokens the emulator issued are secrets too.
    const secrets = [CLIENT_SECRET, FUNCTION_SECRET, INDEX_TOKEN, FILE_SECRET, ...Object.keys(state.tokens)];
    expect(Object.keys(state.tokens).length).toBeGreaterThan(0);
    const hits: string[] = [];
    for (const [name, r] of Object.entries(runs)) {
      const places = {
        stdout: r.stdout.replace(/^::add-mask::.*$/gm, ''),
        stderr: r.stderr,
        GITHUB_OUTPUT: JSON.stringify(r.outputs),
        summary: r.summary,
      };
      for (const [where, text] of Object.entries(places)) for (const s of secrets) if (text.includes(s)) hits.push(`${name} ${where}: ${s.slice(0, 6)}…`);
    }
    // The secrets were registered with the runner, so it would mask them in its own logs as well.
    expect(runs['deploy-cdf-function'].stdout).toContain(`::add-mask::${FUNCTION_SECRET}`);
    expect(runs['deploy-cdf-function'].stdout).toContain(`::add-mask::${CLIENT_SECRET}`);
    expect(runs['deploy-cdf-function'].stdout).toContain(`::add-mask::${INDEX_TOKEN}`);
    // Identifiers are not masked.
    expect(runs['deploy-cdf-function'].summary).toContain('sonic_model-prediction-dev');
    console.log(`secret scan of ${Object.keys(runs).length} action runs: ${hits.length} hits`);
    expect(hits).toEqual([]);
  });

  it('no secret in the zips produced or anything the emulator stored, except the functions\' secrets and index URLs', async () => {
    type StoredFunction = { secrets?: Record<string, string>; extraIndexUrls?: string[]; externalId?: string };
    const state = JSON.parse(readFileSync(join(dataDir, 'state.json'), 'utf8')) as { functions: StoredFunction[]; tokens: unknown };
    const withSecrets = state.functions.filter((f) => f.secrets?.['api-key'] !== undefined);
    expect(withSecrets.length, 'function secrets are stored as the functions\' secrets').toBeGreaterThan(0);
    expect(state.functions.filter((f) => f.extraIndexUrls?.includes(EXTRA_INDEX_URL)).length, 'the index URL is stored as the functions\' extraIndexUrls').toBeGreaterThan(0);
    // Everything else in the state: metadata, env vars, files' metadata, calls, schedules.
    const rest = JSON.stringify({ ...state, tokens: undefined, functions: state.functions.map((f) => ({ ...f, secrets: Object.keys(f.secrets ?? {}), extraIndexUrls: undefined })) });
    const hits: string[] = [];
    for (const s of [CLIENT_SECRET, FUNCTION_SECRET, INDEX_TOKEN, FILE_SECRET]) if (rest.includes(s)) hits.push(`emulator state: ${s}`);
    const blobs = files(join(dataDir, 'blobs'));
    const zips = files(repo).filter((f) => f.endsWith('.zip'));
    // the code zip (both deploys ship the same bytes) and the test and prod artifacts
    expect(blobs.length).toBeGreaterThanOrEqual(3);
    expect(zips.length).toBeGreaterThan(0);
    for (const f of [...blobs, ...zips]) {
      const text = await blobText(f);
      for (const s of [CLIENT_SECRET, FUNCTION_SECRET, INDEX_TOKEN, FILE_SECRET]) if (text.includes(s)) hits.push(`${f}: ${s}`);
    }
    console.log(`secret scan of the emulator state, ${blobs.length} stored blobs and ${zips.length} produced zips: ${hits.length} hits`);
    expect(hits).toEqual([]);
  });
});
