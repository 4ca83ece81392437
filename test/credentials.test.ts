/**
 * Secrets, index credentials and given packages, end to end: the built deploy-cdf-function
 * action (and the root action) run as the runner runs it (every input's action.yml default set,
 * GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE, RUNNER_TEMP), and the built
 * CLI, against the emulator.
 * Needs `node scripts/build.mjs dist deploy-cdf-function deploy cli`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, rmSync, mkdtempSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import {
  CDF_CODE_ZIP_LIMIT_BYTES, callByExternalId, createCdfClient, downloadFile, listFunctions, resolveCdfConfig, retrieveFunction, type CdfFunction,
} from '@akerbp-mlops/core';
import type { CogniteClient } from '@cognite/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cogniteEnv } from './helpers/emulator-env.js';
import { exampleRepo } from './helpers/example-repo.js';
import { zipText } from './helpers/zip-text.js';
import { rezip } from '../packages/core/test/helpers/rezip.js';
import { runBundle, type BundleRun } from './helpers/run-bundle.js';
import { summaryText } from './helpers/summary.js';
import { mlopsAsync } from '../packages/cli/test/helpers/built-cli.js';

const PAYLOAD = { data: { ACS: [180.0], RDEP: [2.5], DEN: [2.3] } };
const INDEX_TOKEN = 'idx-token-4c1d2e3f';
/** In credential files of the model folder and artifacts: must never reach CDF. */
const FILE_TOKEN = 'file-token-9e8d7c6b';
/** What the handler reports about the secret it was called with: a short hash, never the value. */
const tag = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 16);

/** The example repository whose model reports `secret_tag`, the hash of its `api-key` secret. */
function taggingRepo(): string {
  const repo = exampleRepo();
  appendFileSync(join(repo, 'model_code', 'model.py'), `

_untagged_predict = predict


def predict(data, init_object, secrets):
    import hashlib
    out = _untagged_predict(data, init_object, secrets)
    out["secret_tag"] = hashlib.sha256((secrets or {}).get("api-key", "").encode()).hexdigest()[:16]
    return out
`);
  return repo;
}

describe('secrets, index credentials and given packages, through the built action and CLI', () => {
  let emu: RunningEmulator;
  let env: Record<string, string>;
  let client: CogniteClient;

  const deployAction = (repo: string, inputs: Record<string, string>): Promise<BundleRun> =>
    runBundle('deploy-cdf-function', { env: 'dev', 'test-payload': 'payload.json', 'timeout-seconds': '600', ...inputs }, { cwd: repo, env, timeoutMs: 600_000, asRunner: true });

  /** The built CLI with the emulator's credentials and nothing of this run's CI or action environment. */
  const cli = (args: string[], cwd?: string, extraEnv: NodeJS.ProcessEnv = {}) => mlopsAsync(args, {
    timeoutMs: 600_000,
    cwd,
    env: {
      ...Object.fromEntries(Object.keys(process.env).filter((k) => /^(GITHUB_|COGNITE_|INPUT_|MLOPS_)/.test(k) || k === 'MODEL_ENV').map((k) => [k, undefined])),
      ...env,
      ...extraEnv,
    },
  });


  const latest = (xid: string) => retrieveFunction(client, { externalId: xid }) as Promise<CdfFunction>;
  const servedTag = async (xid: string) => {
    const { response } = await callByExternalId(client, xid, PAYLOAD);
    expect(response).toMatchObject({ status: 'ok' });
    return (response as { prediction: { secret_tag: string } }).prediction.secret_tag;
  };

  /** Every file the emulator stores, downloaded through the Files API; zips opened, gzip inflated. */
  async function storedText(): Promise<string> {
    const files = await client.files.list({ limit: 1000 }).autoPagingToArray({ limit: 1000 });
    expect(files.length).toBeGreaterThan(0);
    const texts: string[] = [JSON.stringify(files.map((f) => f.metadata))];
    const dir = mkdtempSync(join(tmpdir(), 'stored-'));
    for (const f of files) {
      const [link] = await client.files.getDownloadUrls([{ id: f.id }]);
      const path = join(dir, String(f.id));
      await downloadFile(client, link.downloadUrl, path);
      const bytes = readFileSync(path);
      const magic = bytes.subarray(0, 2).toString('hex');
      // Zips opened; gzip (artifact .tar.gz) inflated: a tar holds its files' bytes as they are.
      texts.push(magic === '504b' ? await zipText(path) : magic === '1f8b' ? gunzipSync(bytes).toString('latin1') : bytes.toString('latin1'));
    }
    return texts.join('\n');
  }

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 20, callTimeoutMs: 60_000 });
    env = { ...cogniteEnv(emu), GITHUB_SHA: 'c'.repeat(40) };
    client = await createCdfClient(resolveCdfConfig({}, env), { access: 'write' });
  });
  afterAll(() => emu?.stop());

  it('action: a rotated secret takes effect; an empty input after secrets is refused and the function keeps its secrets; {} removes them', async () => {
    const repo = taggingRepo();
    writeFileSync(join(repo, 'payload.json'), JSON.stringify(PAYLOAD));
    const xid = 'sonic_model-prediction-dev';

    const first = await deployAction(repo, { 'function-secrets': '{"api-key": "first-value-1111"}' });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(await servedTag(xid)).toBe(tag('first-value-1111'));

    const rotated = await deployAction(repo, { 'function-secrets': '{"api-key": "second-value-2222"}' });
    expect(rotated.code, rotated.stdout + rotated.stderr).toBe(0);
    expect(JSON.parse(rotated.outputs.changed)).toEqual({ sonic_model: true });
    expect(JSON.parse(rotated.outputs['code-sha256'])).toEqual({ sonic_model: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(rotated.outputs['code-sha256']).toBe(first.outputs['code-sha256']);
    expect(await servedTag(xid)).toBe(tag('second-value-2222'));

    const same = await deployAction(repo, { 'function-secrets': '{"api-key": "second-value-2222"}' });
    expect(same.code, same.stdout + same.stderr).toBe(0);
    expect(JSON.parse(same.outputs.changed)).toEqual({ sonic_model: false });

    const serving = await latest(xid);
    for (const empty of ['', '  ']) {
      const wiped = await deployAction(repo, { 'function-secrets': empty });
      expect(wiped.code).toBe(1);
      expect(wiped.stdout).toMatch(/::error.*function-secrets is empty, but sonic_model-prediction-dev is serving with the secret api-key; deploying would remove them, so nothing was changed/);
      expect(wiped.stdout + wiped.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
    const emptyValue = await deployAction(repo, { 'function-secrets': '{"api-key": ""}' });
    expect(emptyValue.code).toBe(1);
    expect(emptyValue.stdout).toMatch(/::error.*secret "api-key" is empty/);
    const after = await latest(xid);
    expect(after.id).toBe(serving.id);
    expect(Object.keys(after.secrets ?? {})).toEqual(['api-key']);
    expect(await servedTag(xid)).toBe(tag('second-value-2222'));

    const removed = await deployAction(repo, { 'function-secrets': '{}' });
    expect(removed.code, removed.stdout + removed.stderr).toBe(0);
    expect(JSON.parse(removed.outputs.changed)).toEqual({ sonic_model: true });
    expect((await latest(xid)).secrets ?? {}).toEqual({});
    expect(await servedTag(xid)).toBe(tag(''));
    // No value, and no fast hash of one, is readable in the function's metadata.
    const metadata = JSON.stringify((await listFunctions(client)).map((f) => f.metadata));
    for (const v of ['first-value-1111', 'second-value-2222']) {
      expect(metadata).not.toContain(v);
      expect(metadata).not.toContain(createHash('sha256').update(v).digest('hex').slice(0, 12));
    }
  }, 900_000);

  it('action: a credentialed index line is refused and never reaches a stored file; index-url is the supported way; credential files stay out', async () => {
    const repo = exampleRepo();
    const reqs = join(repo, 'model_code', 'requirements.model');
    const plain = readFileSync(reqs, 'utf8');
    writeFileSync(reqs, `${plain}--extra-index-url https://deploy-user:${INDEX_TOKEN}@pkgs.example.com/simple\n`);
    writeFileSync(join(repo, 'model_code', '.env'), `PIP_TOKEN=${INDEX_TOKEN}\n`);
    const before = (await listFunctions(client)).length;
    const refused = await deployAction(repo, { env: 'dev', 'test-payload': '' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/::error.*model_code\/requirements\.model carries credentials.*index-url \/ extra-index-urls/);
    expect(refused.stdout).toMatch(/line \d+ carries credentials in https:\/\/\*\*\*@pkgs\.example\.com\/simple.*extra-index-urls/);
    expect(refused.stdout + refused.stderr).not.toContain(INDEX_TOKEN);
    expect((await listFunctions(client)).length).toBe(before);

    // The supported way: the line without credentials, the credentialed URL as a masked input.
    writeFileSync(reqs, plain);
    const ok = await deployAction(repo, { env: 'dev', 'test-payload': '', 'extra-index-urls': `https://deploy-user:${INDEX_TOKEN}@pkgs.example.com/simple` });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/::warning.*model_code\/\.env was left out of the function zip: credential files/);
    expect(ok.stdout.replace(/^::add-mask::.*$/gm, '') + ok.stderr + ok.summary + JSON.stringify(ok.outputs)).not.toContain(INDEX_TOKEN);
    const fn = await latest('sonic_model-prediction-dev');
    expect(JSON.stringify(fn.metadata)).not.toContain(INDEX_TOKEN);
    expect(await storedText()).not.toContain(INDEX_TOKEN);
  }, 900_000);

  it('action: an oversized given package creates nothing; it is deleted from the suite\'s folder, a user\'s own file is left alone', async () => {
    const repo = exampleRepo();
    const ownedDir = join(repo, '.mlops', 'packages');
    mkdirSync(ownedDir, { recursive: true });
    const owned = join(ownedDir, 'sonic_model-prediction-dev.zip');
    const mine = join(mkdtempSync(join(tmpdir(), 'user-zips-')), 'sonic_model-prediction-dev.zip');
    for (const f of [owned, mine]) {
      writeFileSync(f, '');
      truncateSync(f, CDF_CODE_ZIP_LIMIT_BYTES + 1); // sparse: no disk used
    }
    const functions = (await listFunctions(client)).map((f) => f.id);
    const files = (await client.files.list({ limit: 1000 }).autoPagingToArray({ limit: 1000 })).map((f) => f.id);

    const fromSuite = await deployAction(repo, { package: '.mlops/packages/sonic_model-prediction-dev.zip' });
    expect(fromSuite.code).toBe(1);
    expect(fromSuite.stdout).toMatch(/::error.*cannot be deployed: it is 100000001 bytes, over CDF's limit of 100000000 bytes.*Nothing was created in CDF\. It was deleted/);
    expect(existsSync(owned)).toBe(false);

    const fromUser = await deployAction(repo, { package: mine });
    expect(fromUser.code).toBe(1);
    expect(fromUser.stdout).toMatch(/::error.*over CDF's limit.*It is your file and was left in place/);
    expect(existsSync(mine)).toBe(true);

    expect((await listFunctions(client)).map((f) => f.id)).toEqual(functions);
    expect((await client.files.list({ limit: 1000 }).autoPagingToArray({ limit: 1000 })).map((f) => f.id)).toEqual(files);
  }, 900_000);

  it('action: a given package with a credential in any requirements file inside, or a private key under any name, creates nothing; CLI: the same files are refused or left out when it packages', async () => {
    const repo = exampleRepo();
    const built = await cli(['package', '--repo', repo, '--env', 'dev'], repo);
    expect(built.code, built.stdout + built.stderr).toBe(0);
    const pkg = join(repo, '.mlops', 'packages', 'sonic_model-prediction-dev.zip');
    const inner = `numpy\n--extra-index-url https://given-user:${INDEX_TOKEN}@pkgs.example.com/simple\n`;
    const userDir = mkdtempSync(join(tmpdir(), 'user-zips-'));
    const mine = await rezip(pkg, join(userDir, 'reqs.zip'), { 'model_code/requirements.model': inner });
    const keyed = await rezip(pkg, join(userDir, 'keyed.zip'), { 'model_code/deploy_key': `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ${FILE_TOKEN}\n-----END OPENSSH PRIVATE KEY-----\n` });
    const owned = await rezip(pkg, join(repo, '.mlops', 'packages', 'reqs.zip'), { 'model_code/requirements.model': inner });
    const functions = (await listFunctions(client)).map((f) => f.id);
    const files = (await client.files.list({ limit: 1000 }).autoPagingToArray({ limit: 1000 })).map((f) => f.id);

    for (const [zip, kept] of [[owned, false], [mine, true]] as const) {
      const run = await deployAction(repo, { package: zip, 'test-payload': '' });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/::error.*cannot be deployed: its model_code\/requirements\.model carries credentials \(line 2 carries credentials in https:\/\/\*\*\*@pkgs\.example\.com\/simple; remove them from the file and use the masked input extra-index-urls \(mlops deploy --extra-index-urls\) instead\)\. Nothing was created in CDF/);
      expect(run.stdout).toMatch(kept ? /It is your file and was left in place/ : /It was deleted/);
      expect(existsSync(zip)).toBe(kept);
      expect(run.stdout + run.stderr + run.summary + JSON.stringify(run.outputs)).not.toContain(INDEX_TOKEN);
    }
    const keyRun = await deployAction(repo, { package: keyed, 'test-payload': '' });
    expect(keyRun.code).toBe(1);
    expect(keyRun.stdout).toMatch(/::error.*it holds credentials in files \(model_code\/deploy_key: an OpenSSH private key\)/);
    expect((await listFunctions(client)).map((f) => f.id)).toEqual(functions);
    expect((await client.files.list({ limit: 1000 }).autoPagingToArray({ limit: 1000 })).map((f) => f.id)).toEqual(files);

    // The CLI builds its own packages: the same files are checked there.
    writeFileSync(join(repo, 'model_code', 'deploy_key'), `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ${FILE_TOKEN}\n-----END OPENSSH PRIVATE KEY-----\n`);
    const cliKey = await cli(['package', '--repo', repo, '--env', 'dev'], repo);
    expect(cliKey.code, cliKey.stdout + cliKey.stderr).toBe(0);
    expect(cliKey.stderr).toMatch(/^warning: model_code\/deploy_key was left out of the function zip: it holds an OpenSSH private key/m);
    expect(await zipText(pkg)).not.toContain(FILE_TOKEN);
    writeFileSync(join(repo, 'model_code', 'requirements-dev.txt'), inner);
    const cliReqs = await cli(['package', '--repo', repo, '--env', 'dev'], repo);
    expect(cliReqs.code).toBe(1);
    expect(cliReqs.stderr).toMatch(/model_code\/requirements-dev\.txt carries credentials.*--extra-index-urls/s);
    expect(cliReqs.stdout + cliReqs.stderr).not.toContain(INDEX_TOKEN);
  }, 900_000);

  it('CLI: a package over CDF\'s limit creates nothing, and the zip is deleted', async () => {
    const repo = exampleRepo();
    // Random bytes: deflate cannot shrink them below the limit.
    writeFileSync(join(repo, 'model_artifact', 'weights.bin'), randomBytes(CDF_CODE_ZIP_LIMIT_BYTES + 1_000_000));
    const functions = (await listFunctions(client)).map((f) => f.id);
    const files = (await client.files.list({ limit: 1000 }).autoPagingToArray({ limit: 1000 })).map((f) => f.id);
    const run = await cli(['deploy', '--repo', repo, '--no-install', '--env', 'dev', '--secrets', '{}']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toMatch(/The package of model "sonic_model" is \d+ bytes, over CDF's limit of 100000000 bytes for function code; it was deleted\. Largest files: model_artifact\/weights\.bin/);
    const outDir = join(repo, '.mlops', 'packages');
    expect(existsSync(outDir) ? readdirSync(outDir).filter((f) => /\.(zip|manifest\.json)$/.test(f)) : []).toEqual([]);
    rmSync(join(repo, 'model_artifact', 'weights.bin'));
    expect((await listFunctions(client)).map((f) => f.id)).toEqual(functions);
    expect((await client.files.list({ limit: 1000 }).autoPagingToArray({ limit: 1000 })).map((f) => f.id)).toEqual(files);
  }, 600_000);

  it('CLI: rotation takes effect; without --secrets after secrets the deploy is refused and the function keeps them; a credentialed line is refused', async () => {
    const repo = taggingRepo();
    const xid = 'sonic_model-prediction-dev';
    const deploy = (...args: string[]) => cli(['deploy', '--repo', repo, '--no-install', '--env', 'dev', ...args]);
    writeFileSync(join(repo, 'model_code', '.env'), `PIP_TOKEN=${FILE_TOKEN}\n`);
    writeFileSync(join(repo, 'model_artifact', 'client.pem'), `-----BEGIN PRIVATE KEY-----\n${FILE_TOKEN}\n`);

    const first = await deploy('--secrets', '{"api-key": "cli-value-3333"}');
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(await servedTag(xid)).toBe(tag('cli-value-3333'));
    // Warned once per file (the tested zip is the one deployed).
    expect(first.stderr.match(/warning: model_code\/\.env was left out of the function zip/g)).toHaveLength(1);
    expect(first.stderr.match(/warning: model_artifact\/client\.pem was left out of the function zip/g)).toHaveLength(1);
    // Rotation through a file (@file, as rollback and redeploy take it), then through the environment variable (a CI's secured variable).
    const secretsFile = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'secrets.json');
    writeFileSync(secretsFile, '{"api-key": "cli-value-3434"}');
    const fromFile = await deploy('--secrets', `@${secretsFile}`);
    expect(fromFile.code, fromFile.stdout + fromFile.stderr).toBe(0);
    expect(await servedTag(xid)).toBe(tag('cli-value-3434'));
    const rotated = await cli(['deploy', '--repo', repo, '--no-install', '--env', 'dev'], undefined, { MLOPS_FUNCTION_SECRETS: '{"api-key": "cli-value-4444"}' });
    expect(rotated.code, rotated.stdout + rotated.stderr).toBe(0);
    expect(await servedTag(xid)).toBe(tag('cli-value-4444'));
    for (const run of [fromFile, rotated]) expect(run.stdout + run.stderr).not.toMatch(/cli-value-/);
    const missingFile = await deploy('--secrets', `@${secretsFile}.missing`);
    expect(missingFile.code).toBe(1);
    expect(missingFile.stderr).toMatch(/--secrets @.*secrets\.json\.missing: cannot read .*secrets\.json\.missing \(ENOENT\)/);
    // Named as given: the empty variable, not --secrets or an action input; never GitHub's ${{ secrets.X }}.
    const emptyVariable = await cli(['deploy', '--repo', repo, '--no-install', '--env', 'dev'], undefined, { MLOPS_FUNCTION_SECRETS: '' });
    expect(emptyVariable.code).toBe(1);
    expect(emptyVariable.stderr).toMatch(/MLOPS_FUNCTION_SECRETS is empty, but sonic_model-prediction-dev is serving with the secret api-key; deploying would remove them, so nothing was changed\. An unset CI variable/);
    const badVariable = await cli(['deploy', '--repo', repo, '--no-install', '--env', 'dev', '--dry-run'], undefined, { MLOPS_FUNCTION_SECRETS: '{"API": "x"}' });
    expect(badVariable.code).toBe(1);
    expect(badVariable.stderr).toMatch(/MLOPS_FUNCTION_SECRETS breaks the rules for function secrets/);
    // Credentials over plain http:// are warned about, hidden.
    const cleartext = await deploy('--secrets', '{"api-key": "cli-value-4444"}', '--dry-run', '--index-url', `http://u:${INDEX_TOKEN}@pkgs.example.com/simple`);
    expect(cleartext.code, cleartext.stdout + cleartext.stderr).toBe(0);
    expect(cleartext.stderr).toMatch(/^warning: The package index http:\/\/\*\*\*@pkgs\.example\.com\/simple carries credentials over plain http:\/\//m);
    for (const run of [emptyVariable, badVariable, cleartext]) {
      expect(run.stdout + run.stderr).not.toMatch(/\$\{\{|function-secrets (is|breaks|must)/);
      expect(run.stdout + run.stderr).not.toContain(INDEX_TOKEN);
    }

    const serving = await latest(xid);
    const bare = await deploy();
    const bareText = bare.stdout + bare.stderr;
    expect(bare.code).toBe(1);
    // Named as the CLI user knows it, said once, before any test ran.
    expect(bareText).toMatch(/--secrets is not given, but sonic_model-prediction-dev is serving with the secret api-key; deploying would remove them, so nothing was changed\. Pass the secrets again with --secrets @secrets\.json .*MLOPS_FUNCTION_SECRETS environment variable/);
    expect(bareText).not.toContain('function-secrets');
    expect(bareText.split('deploying would remove them')).toHaveLength(2);
    expect(bareText).not.toMatch(/pytest|test session starts|test sonic_model|Packaged/);
    expect(bareText).toMatch(/^sonic_model +prediction +failed: --secrets is not given, but sonic_model-prediction-dev is serving with the secret api-key;$/m);
    expect((await latest(xid)).id).toBe(serving.id);
    expect(await servedTag(xid)).toBe(tag('cli-value-4444'));

    const badIndex = await deploy('--secrets', '{"api-key": "cli-value-4444"}', '--extra-index-urls', 'ftp://pkgs.example.com/simple');
    expect(badIndex.code).toBe(1);
    expect(badIndex.stdout + badIndex.stderr).toMatch(/--extra-index-urls\[1\] must be an http\(s\) URL/);
    expect(badIndex.stdout + badIndex.stderr).not.toMatch(/(^|[^-])extra-index-urls\[1\]/m);

    appendFileSync(join(repo, 'model_code', 'requirements.model'), `-i https://u:${INDEX_TOKEN}@pkgs.example.com/simple\n`);
    const credentialed = await deploy('--secrets', '{"api-key": "cli-value-4444"}');
    expect(credentialed.code).toBe(1);
    expect(credentialed.stdout + credentialed.stderr).toMatch(/requirements\.model carries credentials.*--index-url/s);
    expect(credentialed.stdout + credentialed.stderr).not.toMatch(/pytest|test session starts|Packaged/);
    expect(credentialed.stdout + credentialed.stderr).not.toContain(INDEX_TOKEN);
    expect((await latest(xid)).id).toBe(serving.id);
    const stored = await storedText();
    for (const secret of [INDEX_TOKEN, FILE_TOKEN, 'cli-value-3333', 'cli-value-4444']) expect(stored).not.toContain(secret);
  }, 900_000);
  it('root action: an empty function-secrets after secrets is refused before any test runs, said once; the summary row is one line', async () => {
    const repo = taggingRepo();
    const pipeline = (secrets: string) => runBundle('deploy', {
      'working-directory': repo, env: 'dev', 'install-requirements': 'false', 'timeout-seconds': '600', 'function-secrets': secrets,
    }, { env, timeoutMs: 600_000, asRunner: true });
    const xid = 'sonic_model-prediction-dev';
    writeFileSync(join(repo, 'model_code', '.env'), `PIP_TOKEN=${FILE_TOKEN}\n`);
    const first = await pipeline('{"api-key": "root-value-5555"}');
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(await servedTag(xid)).toBe(tag('root-value-5555'));
    // Its service test and its deploy each package the model; the warning comes once.
    expect(first.stdout.match(/^::warning[^:]*::model_code\/\.env was left out of the function zip/gm), first.stdout).toHaveLength(1);

    const serving = await latest(xid);
    const wiped = await pipeline('');
    expect(wiped.code).toBe(1);
    expect(wiped.stdout).not.toMatch(/pytest|test session starts|Packaged/);
    const refusal = /function-secrets is empty, but sonic_model-prediction-dev is serving with the secret api-key; deploying would remove them/;
    expect(wiped.stdout).toMatch(new RegExp(`::error::sonic_model failed; 0 other models finished\\.%0Asonic_model: ${refusal.source}`));
    expect(wiped.stdout.split('deploying would remove them')).toHaveLength(2);
    const summary = summaryText(wiped.summary);
    expect(summary).toMatch(/\| sonic_model \| prediction \| failed: function-secrets is empty, but sonic_model-prediction-dev is serving with the secret api-key; \|/);
    expect(summary.split('deploying would remove them')).toHaveLength(2);
    expect((await latest(xid)).id).toBe(serving.id);
    expect(await servedTag(xid)).toBe(tag('root-value-5555'));
    for (const out of [first, wiped]) {
      expect(out.stdout.replace(/^::add-mask::.*$/gm, '') + out.stderr + out.summary + JSON.stringify(out.outputs)).not.toMatch(/root-value-5555|file-token/);
    }
  }, 900_000);

  it('CLI: mlops artifacts upload leaves credential files out, warning with the path as typed; nothing of them is stored', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'artifact-cwd-'));
    mkdirSync(join(cwd, 'art', 'keys'), { recursive: true });
    writeFileSync(join(cwd, 'art', 'weights.bin'), 'weights');
    writeFileSync(join(cwd, 'art', '.env'), `TOKEN=${FILE_TOKEN}\n`);
    writeFileSync(join(cwd, 'art', 'keys', 'id_ed25519'), `-----BEGIN OPENSSH PRIVATE KEY-----\n${FILE_TOKEN}\n`);
    writeFileSync(join(cwd, 'art', 'keys', 'id_ed25519.pub'), 'ssh-ed25519 AAAA public');
    // A key under any name, known by its content.
    writeFileSync(join(cwd, 'art', 'keys', 'deploy_key'), `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ${FILE_TOKEN}\n-----END OPENSSH PRIVATE KEY-----\n`);
    const up = await cli(['artifacts', 'upload', 'upload_model', 'test', 'art'], cwd);
    expect(up.code, up.stdout + up.stderr).toBe(0);
    expect(up.stderr).toMatch(/^warning: art\/\.env was left out of the artifact: credential files/m);
    expect(up.stderr).toMatch(/^warning: art\/keys\/id_ed25519 was left out of the artifact/m);
    expect(up.stderr).toMatch(/^warning: art\/keys\/deploy_key was left out of the artifact: it holds an OpenSSH private key/m);
    expect(up.stderr).not.toContain(tmpdir());
    const down = await cli(['artifacts', 'download', 'upload_model', 'test', 'out'], cwd);
    expect(down.code, down.stdout + down.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'out'), { recursive: true }).map(String).sort()).toEqual(['keys', join('keys', 'id_ed25519.pub'), 'weights.bin']);
    expect(await storedText()).not.toContain(FILE_TOKEN);
  }, 300_000);
  it('CLI: redeploy gives the rebuilt function the read pair\'s credential secrets, as mlops deploy did; no warning that the secrets differ', async () => {
    const repo = taggingRepo();
    const xid = 'sonic_model-prediction-dev';
    const readEnv = { COGNITE_CLIENT_ID_READ: 'reader', COGNITE_CLIENT_SECRET_READ: 'read-secret-8888', MLOPS_FUNCTION_SECRETS: '{"api-key": "cli-value-6666"}' };
    const keys = ['api-key', 'base-url', 'id-read', 'secret-read'];
    const deployed = await cli(['deploy', '--repo', repo, '--no-install', '--env', 'dev'], undefined, readEnv);
    expect(deployed.code, deployed.stdout + deployed.stderr).toBe(0);
    const before = await latest(xid);
    expect(Object.keys(before.secrets ?? {}).sort()).toEqual(keys);

    const redeployed = await cli(['functions', 'redeploy', xid, '--no-smoke-test'], repo, readEnv);
    expect(redeployed.code, redeployed.stdout + redeployed.stderr).toBe(0);
    expect(redeployed.stderr).not.toMatch(/differ from those/);
    const after = await latest(xid);
    expect(after.id).not.toBe(before.id);
    expect(Object.keys(after.secrets ?? {}).sort()).toEqual(keys);
    expect(await servedTag(xid)).toBe(tag('cli-value-6666'));
    for (const run of [deployed, redeployed]) expect(run.stdout + run.stderr).not.toMatch(/read-secret-8888|cli-value-6666/);
  }, 600_000);
});
