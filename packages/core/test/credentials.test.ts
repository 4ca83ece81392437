/**
 * Secrets, index URLs and credential files: the input rules and the packaging exclusions, in
 * process (the end-to-end runs through the built action and CLI are in test/credentials.test.ts).
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { describe, expect, it } from 'vitest';
import {
  MlopsError, buildPackage, createArchive, checkGivenPackage, credentialFingerprint, logicalLines, refuseRequirementCredentials, credentialsMatch, decodeSuiteMetadata, encodeSuiteMetadata, isCredentialFile, localArtifactSource, maskIndexUrls, privateKeyIn, urlSecrets, parseIndexUrls, parseSecretsJson, refuseSilentWipe, silentLogger,
  type CdfFunction, type Logger,
} from '@akerbp-mlops/core';
import { withTempDir } from '../src/temp.js';
import { modelSettings as settings } from './helpers/model-settings.js';
import { rezip } from './helpers/rezip.js';

/** The shape ssh-keygen (OpenSSH ≥ 7.8) writes by default; not a usable key. */
const OPENSSH_KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDjKqp5Fc65tEnRulDqKiy7Gm4B+QvaJFotHYdpfRiiZQAAAJgc9TxsHPU8\n-----END OPENSSH PRIVATE KEY-----\n';

const fn = (secrets?: Record<string, string>) => ({ id: 1, externalId: 'm-prediction-test', secrets } as unknown as CdfFunction);

describe('function-secrets input', () => {
  it('tells "not given" (empty text) from "none, on purpose" ({})', () => {
    expect(parseSecretsJson('')).toBeUndefined();
    expect(parseSecretsJson('  \n')).toBeUndefined();
    expect(parseSecretsJson('{}')).toEqual({});
    expect(parseSecretsJson('{"api-key": "v"}')).toEqual({ 'api-key': 'v' });
    expect(() => parseSecretsJson('null')).toThrow(/must be a JSON object.*\{\} for no secrets/);
  });

  it('refuses empty values, naming the key and never a value', () => {
    const err = (() => { try { parseSecretsJson('{"api-key": "", "db-pass": "  ", "ok": "hunter2"}'); } catch (e) { return e as MlopsError; } })();
    expect(err).toBeInstanceOf(MlopsError);
    expect(err!.message).toMatch(/secret "api-key" is empty/);
    expect(err!.message).toMatch(/secret "db-pass" is empty/);
    expect(err!.message).not.toContain('hunter2');
    expect(err!.problems.map((p) => p.field)).toEqual(['function-secrets.api-key', 'function-secrets.db-pass']);
  });

  it('refuses CDF\'s reserved key and bad keys', () => {
    expect(() => parseSecretsJson('{"token": "x"}')).toThrow(/"token" is reserved by CDF/);
    expect(() => parseSecretsJson('{"API_KEY": "x"}')).toThrow(/1–15 lowercase letters/);
  });

  it('the refusal of an empty input advises as the user gave it: action input, CLI flag or environment variable', () => {
    const message = (field: string) => { try { refuseSilentWipe(undefined, fn({ 'api-key': '***' }), field); return ''; } catch (e) { return (e as Error).message; } };
    expect(message('function-secrets')).toMatch(/function-secrets is empty, .*\$\{\{ secrets\.X \}\}/);
    expect(message('--secrets')).toMatch(/--secrets is not given, .*Pass the secrets again with --secrets @secrets\.json .*MLOPS_FUNCTION_SECRETS environment variable.*--secrets '\{\}' to remove them/);
    expect(message('MLOPS_FUNCTION_SECRETS')).toMatch(/MLOPS_FUNCTION_SECRETS is empty, .*An unset CI variable .*set it to \{\} to remove them on purpose/);
    for (const cli of ['--secrets', 'MLOPS_FUNCTION_SECRETS']) expect(message(cli)).not.toMatch(/\$\{\{|function-secrets/);
  });

  it('refuses an empty input while the serving function has secrets; {} and a first deploy pass', () => {
    expect(() => refuseSilentWipe(undefined, fn({ 'api-key': '***', 'b': '***' }))).toThrow(/function-secrets is empty, but m-prediction-test is serving with the secrets api-key, b; .*nothing was changed.*\{\} to remove them on purpose/s);
    expect(() => refuseSilentWipe({}, fn({ 'api-key': '***' }))).not.toThrow();
    expect(() => refuseSilentWipe(undefined, fn())).not.toThrow();
    expect(() => refuseSilentWipe(undefined, fn({}))).not.toThrow();
    expect(() => refuseSilentWipe(undefined, null)).not.toThrow();
  });
});

describe('credential fingerprint (rotation)', () => {
  const VALUE = 'rotate-me-7f3a9c';
  it('matches the same secrets and index URLs only, and stores neither values nor a fast hash', async () => {
    const given = { secrets: { 'api-key': VALUE, b: 'x' }, indexUrls: { indexUrl: 'https://u:tok3n@pkgs.example/simple' } };
    const stored = await credentialFingerprint(given);
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    for (const leak of [VALUE, 'tok3n', createHash('sha256').update(VALUE).digest('hex').slice(0, 16), Buffer.from(VALUE).toString('base64')]) expect(stored).not.toContain(leak);
    expect(await credentialsMatch(stored!, { secrets: { b: 'x', 'api-key': VALUE }, indexUrls: given.indexUrls })).toBe(true);
    expect(await credentialsMatch(stored!, { secrets: { 'api-key': `${VALUE}2`, b: 'x' }, indexUrls: given.indexUrls })).toBe(false);
    expect(await credentialsMatch(stored!, { secrets: given.secrets })).toBe(false);
    expect(await credentialsMatch(stored!, {})).toBe(false);
    // salted per deployment: the same credentials never give the same text twice
    expect(await credentialFingerprint(given)).not.toBe(stored);
  });

  it('no credentials record nothing and match only nothing; foreign formats never match', async () => {
    expect(await credentialFingerprint({ secrets: {} })).toBeNull();
    expect(await credentialsMatch(undefined, { secrets: {} })).toBe(true);
    expect(await credentialsMatch(undefined, { secrets: { a: 'v' } })).toBe(false);
    expect(await credentialsMatch('sha256$abc', { secrets: { a: 'v' } })).toBe(false);
  });

  it('travels in the mlops record within CDF\'s 512 characters, next to a long run URL', async () => {
    const cred = (await credentialFingerprint({ secrets: { a: 'v' } }))!;
    const md = encodeSuiteMetadata({
      model: 'm', env: 'test', version: 3, suiteVersion: '4.0.0', codeSha256: 'c'.repeat(64), gitSha: 'g'.repeat(40), credentials: cred,
      run: { url: `https://github.com/${'o'.repeat(39)}/${'r'.repeat(100)}/actions/runs/123456789012`, id: '123456789012', attempt: '2' },
    });
    expect(md.mlops.length).toBeLessThanOrEqual(512);
    expect(decodeSuiteMetadata(md)?.credentials).toBe(cred);
  });
});

describe('index-url / extra-index-urls inputs', () => {
  it('parses one URL and a comma or newline list; empty is absent', () => {
    expect(parseIndexUrls('', '')).toEqual({});
    expect(parseIndexUrls(' https://u:t@pkgs.example.com/simple ', 'https://a.example/simple,\nhttps://b.example/simple')).toEqual({
      indexUrl: 'https://u:t@pkgs.example.com/simple', extraIndexUrls: ['https://a.example/simple', 'https://b.example/simple'],
    });
  });

  it('refuses what is not an http(s) URL without quoting it', () => {
    const err = (() => { try { parseIndexUrls('ftp://user:s3cr3t@host/simple', ''); } catch (e) { return e as Error; } })();
    expect(err?.message).toMatch(/index-url must be an http\(s\) URL/);
    expect(err?.message).not.toContain('s3cr3t');
    expect(() => parseIndexUrls('', 'https://ok.example/simple not-a-url')).toThrow(/extra-index-urls\[2\] is not a URL/);
  });

  it('warns, credential hidden, about credentials over plain http://; https and http without credentials pass silently', () => {
    const warnings: string[] = [];
    const secrets: string[] = [];
    maskIndexUrls(parseIndexUrls('http://deploy:cleartext-tok1@pkgs.example.com/simple', 'https://u:tls-tok2@ok.example/simple,http://plain.example/simple'), {
      ...silentLogger, warning: (m) => warnings.push(m), secret: (v) => secrets.push(v),
    });
    expect(warnings).toEqual([expect.stringMatching(/^The package index http:\/\/\*\*\*@pkgs\.example\.com\/simple carries credentials over plain http:\/\/: CDF's build would send them unencrypted/)]);
    expect(warnings.join('\n')).not.toMatch(/cleartext-tok1|deploy:/);
    expect(secrets).toEqual(expect.arrayContaining(['cleartext-tok1', 'tls-tok2']));
  });

  it('masks the password, or a token given as the user; a user name beside a password is no secret (trial F8)', () => {
    expect(urlSecrets('https://user:p%40ss-word@h.example/simple')).toEqual(['https://user:p%40ss-word@h.example/simple', 'p%40ss-word', 'p@ss-word']);
    expect(urlSecrets('https://ghp_token1234@h.example/simple')).toEqual(['https://ghp_token1234@h.example/simple', 'ghp_token1234']);
    expect(urlSecrets('https://h.example/simple')).toEqual(['https://h.example/simple']);
  });
});


async function repoWith(files: Record<string, string>): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), 'cred-repo-'));
  const all = { 'model_code/model1.py': 'def predict(d, i, s):\n    return d\n', 'model_code/requirements.model': 'numpy\n', 'model_artifact/w.bin': 'w', ...files };
  for (const [p, text] of Object.entries(all)) {
    await mkdir(join(repo, p, '..'), { recursive: true });
    await writeFile(join(repo, p), text);
  }
  return repo;
}

async function build(repo: string, log: Logger = silentLogger, over: Partial<Parameters<typeof buildPackage>[0]> = {}) {
  const model = settings();
  const art = await localArtifactSource(repo).materialize(model, 'dev', null, repo);
  return buildPackage({
    repoRoot: repo, model, service: 'prediction', env: 'dev', version: 1, artifactFolder: art.folder,
    outputDir: await mkdtemp(join(tmpdir(), 'cred-out-')), suiteVersion: '4.0.0', log, ...over,
  });
}

describe('credentials in requirements lines', () => {
  const TOKEN = 'glpat-Zz9yXx8wVv7u';
  const refused = (text: string) => {
    try {
      refuseRequirementCredentials(text, 'model_code/requirements.model');
      return null;
    } catch (e) {
      return e as MlopsError;
    }
  };

  it('refuses every way pip lets a URL carry a credential, naming file and line, never the credential', () => {
    const lines = [
      `--extra-index-url https://user:${TOKEN}@pkgs.example.com/simple`,
      `--index-url=https://__token__:${TOKEN}@pkgs.example.com/simple`,
      `-i https://${TOKEN}@pkgs.example.com/simple`,
      `--find-links https://pkgs.example.com/wheels?sig=${TOKEN}`,
      `-e git+https://${TOKEN}@github.com/org/private.git#egg=private`,
      `private @ https://user:${TOKEN}@pkgs.example.com/private-1.0-py3-none-any.whl`,
      `numpy==1.26.4 \\`,
      `    --hash=sha256:abc`,
      `--extra-index-url \\`,
      `    https://user:${TOKEN}@continued.example/simple`,
    ];
    const err = refused(lines.join('\n'));
    expect(err).toBeInstanceOf(MlopsError);
    expect(err!.problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 5, 6, 9]);
    expect(err!.problems.every((p) => p.file === 'model_code/requirements.model')).toBe(true);
    const all = `${err!.message}\n${JSON.stringify(err!.problems)}`;
    expect(all).not.toContain(TOKEN);
    expect(err!.problems[0].message).toMatch(/https:\/\/\*\*\*@pkgs\.example\.com\/simple.*masked input extra-index-urls/);
    expect(err!.problems[2].message).toMatch(/masked input index-url/);
    expect(err!.message).toMatch(/anyone with Files read access.*index-url \/ extra-index-urls.*basic auth/);
  });

  it('refuses a credential in a comment too: pip ignores it, but the file is shipped as it is (trial F2, session 4)', () => {
    const err = refused(`numpy  # mirror https://bob:${TOKEN}@pkgs.example.com/simple\n# old: --extra-index-url https://bob:${TOKEN}@pkgs.example.com/simple\npandas\n`);
    expect(err!.problems.map((p) => p.line)).toEqual([1, 2]);
    expect(err!.problems[1].message).toMatch(/^line 2 carries credentials in a comment \(https:\/\/\*\*\*@pkgs\.example\.com\/simple\); pip ignores it, but the file is copied into the zip as it is/);
    expect(`${err!.message}${JSON.stringify(err!.problems)}`).not.toContain(TOKEN);
  });

  it('leaves plain requirements, index URLs without credentials and ssh git logins alone', () => {
    expect(refused([
      'numpy==1.26.4', '--extra-index-url https://pkgs.example.com/simple', '-e git+ssh://git@github.com/org/lib.git#egg=lib',
      'lib @ https://pkgs.example.com/lib-1.0.whl', '# https://pkgs.example.com/simple (no credentials)', 'pandas>=2 ; python_version >= "3.10"',
    ].join('\n'))).toBeNull();
  });

  it('logical lines join continuations and drop comments, as pip does', () => {
    expect(logicalLines('a \\\n  b # c\n\n# x\nd\r\n')).toEqual([{ line: 1, text: 'a   b' }, { line: 5, text: 'd' }]);
  });

  it('a credentialed line stops packaging before any zip is written', async () => {
    const repo = await repoWith({ 'model_code/requirements.model': `numpy\n--extra-index-url https://u:${TOKEN}@pkgs.example.com/simple\n` });
    const out = await mkdtemp(join(tmpdir(), 'cred-out-'));
    await expect(build(repo, silentLogger, { outputDir: out })).rejects.toThrow(/model_code\/requirements\.model carries credentials/);
    expect(await readdir(out)).toEqual([]);
  });
});

describe('credential files and .mlopsignore', () => {
  it('knows the credential files by name', () => {
    for (const n of ['auth_cache.bin', '.env', '.env.local', '.netrc', 'client.pem', 'tls.KEY', '.pypirc', '.git-credentials', 'id_rsa', 'id_ed25519', 'id_ecdsa_sk',
      // Any case, backup copies of keys, npm and PostgreSQL credential stores (fresh-eyes trial of issue 15, F3).
      '.ENV', '.Env.Local', 'AUTH_CACHE.BIN', 'ID_RSA', 'id_rsa.bak', 'id_ed25519~', '.npmrc', '.pgpass']) expect(isCredentialFile(n), n).toBe(true);
    for (const n of ['env.py', 'model.py', 'environment.yml', 'pem.py', 'keys.json', 'id_rsa.pub', 'id_rsa_model.py', 'id_rsa.bak.pub', 'id_rsa.py', 'ENV.py']) expect(isCredentialFile(n), n).toBe(false);
  });

  it('leaves credential files out of the zip with one warning each, in the model folder and the artifacts', async () => {
    const repo = await repoWith({
      'model_code/.env': 'TOKEN=abc', 'model_code/sub/auth_cache.bin': 'cache', 'model_code/cert.pem': 'k', 'model_artifact/.netrc': 'machine x',
    });
    const warnings: string[] = [];
    const pkg = await build(repo, { ...silentLogger, warning: (m) => warnings.push(m) });
    const paths = pkg.manifest.map((m) => m.path);
    expect(paths).toContain('model_code/model1.py');
    for (const p of ['model_code/.env', 'model_code/sub/auth_cache.bin', 'model_code/cert.pem', 'model_artifact/.netrc']) expect(paths).not.toContain(p);
    expect(warnings.length).toBe(4);
    expect(warnings.join('\n')).toMatch(/model_code\/\.env was left out of the function zip: credential files/);
  });

  it('names a credential file of a downloaded artifact by the artifact_folder setting, never the scratch path', async () => {
    const repo = await repoWith({});
    const downloaded = await mkdtemp(join(tmpdir(), 'mlops-artifact-dl-'));
    await mkdir(join(downloaded, 'sub'));
    await writeFile(join(downloaded, 'sub', '.env'), 'TOKEN=abc');
    await writeFile(join(downloaded, 'w.bin'), 'w');
    const warnings: string[] = [];
    const pkg = await build(repo, { ...silentLogger, warning: (m) => warnings.push(m) }, { artifactFolder: downloaded });
    expect(pkg.manifest.map((m) => m.path)).toEqual(expect.arrayContaining(['model_artifact/w.bin']));
    expect(pkg.manifest.map((m) => m.path)).not.toContain('model_artifact/sub/.env');
    expect(warnings).toEqual([expect.stringMatching(/^model_artifact\/sub\/\.env \(in the downloaded artifact\) was left out of the function zip/)]);
    expect(warnings.join('\n')).not.toContain(downloaded);
  });

  it('leaves credential files out of an artifact archive, warning with the folder as given', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'art-cwd-'));
    await mkdir(join(cwd, 'art', 'keys'), { recursive: true });
    for (const [p, text] of Object.entries({ 'art/weights.bin': 'w', 'art/.env': 'TOKEN=abc', 'art/keys/client.pem': 'k', 'art/keys/id_rsa.pub': 'pub' })) await writeFile(join(cwd, p), text);
    const warnings: string[] = [];
    const file = join(cwd, 'a.tar.gz');
    const previous = process.cwd();
    process.chdir(cwd);
    try {
      await createArchive('art', file, { warning: (m) => warnings.push(m) });
    } finally {
      process.chdir(previous);
    }
    const entries: string[] = [];
    await tar.t({ file, onReadEntry: (e) => entries.push(e.path) });
    expect(entries.filter((e) => !e.endsWith('/')).sort()).toEqual(['./keys/id_rsa.pub', './weights.bin']);
    expect(warnings.sort()).toEqual([
      expect.stringMatching(/^art\/\.env was left out of the artifact: credential files .* model artifacts/),
      expect.stringMatching(/^art\/keys\/client\.pem was left out of the artifact/),
    ]);
  });

  it('knows private keys by their content, whatever the file is called; code naming the marker is no key', () => {
    const generate = generateKeyPairSync as (kind: string, options: object) => { privateKey: string };
    const pem = (type: 'pkcs1' | 'pkcs8' | 'sec1', more: object = {}) => generate(type === 'sec1' ? 'ec' : 'rsa', {
      modulusLength: 1024, namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type, format: 'pem', ...more },
    }).privateKey;
    const keys: Record<string, string> = {
      'a PEM private key': pem('pkcs8'),
      'a PEM private key ': pem('pkcs1'),
      'a PEM private key  ': pem('sec1'),
      'a PEM private key   ': pem('pkcs8', { cipher: 'aes-256-cbc', passphrase: 'pw' }),
      // OpenSSL's traditional encrypted form: Proc-Type and DEK-Info headers, a blank line, then base64.
      'a PEM private key    ': pem('pkcs1', { cipher: 'aes-128-cbc', passphrase: 'pw' }),
      'an OpenSSH private key': OPENSSH_KEY,
      'an OpenPGP private key': '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQVYBGVk3ZkBDADGq1l2d0Ck3K1Lw4sQm4a0R0cB7Qh1Jx4PzF9Hk8bYc2u3dP1s\n',
      'a PuTTY private key': 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-20240101\nPublic-Lines: 2\n',
    };
    // After a UTF-8 BOM (Notepad), indented in YAML, inside a JSON string, and the other credential stores (trial F3, session 4).
    keys['a PEM private key     '] = `\uFEFF${pem('pkcs8')}`;
    keys['a PEM private key      '] = `tls:\n  key: |\n${pem('pkcs8').split('\n').map((l) => `    ${l}`).join('\n')}`;
    keys['a private key in a JSON string (e.g. a service-account file)'] = JSON.stringify({ type: 'service_account', private_key: pem('pkcs8') });
    keys['AWS credentials (aws_secret_access_key)'] = '[default]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n';
    keys['a pip configuration with index credentials'] = '[global]\nextra-index-url = https://bob:TOKEN1234@pkgs.example.com/simple\n';
    expect(keys['a PEM private key    ']).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: /);
    for (const [kind, text] of Object.entries(keys)) expect(privateKeyIn(Buffer.from(`note first\n${text}`)), kind).toBe(kind.trim());
    for (const text of [
      'if text.startswith("-----BEGIN RSA PRIVATE KEY-----"):\n    raise ValueError("keys are not accepted")\n',
      'MARKER = """\n-----BEGIN PRIVATE KEY-----\n"""\n',
      generateKeyPairSync('ed25519', { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }).publicKey,
      '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUZ2J0\n-----END CERTIFICATE-----\n',
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host\n',
      '[global]\nindex-url = https://pypi.example.com/simple\n',
      '[default]\naws_access_key_id = AKIAEXAMPLE\nregion = eu-north-1\n',
      '',
    ]) expect(privateKeyIn(Buffer.from(text)), text).toBeNull();
  });

  it('leaves a private key out of the zip and the artifact archive whatever its name, warning with the file; code that names the marker ships', async () => {
    const code = 'KEY_MARKER = "-----BEGIN OPENSSH PRIVATE KEY-----"\n';
    const repo = await repoWith({ 'model_code/deploy_key': OPENSSH_KEY, 'model_code/keys.py': code, 'model_artifact/signing.txt': `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n` });
    const warnings: string[] = [];
    const pkg = await build(repo, { ...silentLogger, warning: (m) => warnings.push(m) });
    const paths = pkg.manifest.map((m) => m.path);
    expect(paths).toContain('model_code/keys.py');
    expect(paths).not.toContain('model_code/deploy_key');
    expect(paths).not.toContain('model_artifact/signing.txt');
    expect(warnings.sort()).toEqual([
      expect.stringMatching(/^model_artifact\/signing\.txt was left out of the function zip: it holds a PEM private key, and credentials are never shipped, whatever the file is called/),
      expect.stringMatching(/^model_code\/deploy_key was left out of the function zip: it holds an OpenSSH private key/),
    ]);

    const file = join(repo, 'a.tar.gz');
    const archiveWarnings: string[] = [];
    await createArchive(join(repo, 'model_code'), file, { warning: (m) => archiveWarnings.push(m) });
    const entries: string[] = [];
    await tar.t({ file, onReadEntry: (e) => entries.push(e.path) });
    expect(entries).not.toContain('./deploy_key');
    expect(entries).toContain('./keys.py');
    expect(archiveWarnings).toEqual([expect.stringMatching(/deploy_key was left out of the artifact: it holds an OpenSSH private key/)]);
  });

  it('refuses a credential in any requirements file the zip would ship, not only req_file', async () => {
    const repo = await repoWith({ 'model_code/requirements-dev.txt': 'pytest\n--extra-index-url https://u:tok-dev-123@pkgs.example.com/simple\n' });
    const out = await mkdtemp(join(tmpdir(), 'cred-out-'));
    const err = await build(repo, silentLogger, { outputDir: out }).catch((e: MlopsError) => e);
    expect(err).toBeInstanceOf(MlopsError);
    expect((err as MlopsError).message).toMatch(/model_code\/requirements-dev\.txt carries credentials/);
    expect((err as MlopsError).problems).toEqual([expect.objectContaining({ file: expect.stringMatching(/model_code\/requirements-dev\.txt$/), line: 2 })]);
    expect(JSON.stringify((err as MlopsError).problems) + (err as MlopsError).message).not.toContain('tok-dev-123');
    expect(await readdir(out)).toEqual([]);
  });

  it('.mlopsignore (gitignore syntax) excludes more, with negation and folder patterns', async () => {
    const repo = await repoWith({
      '.mlopsignore': '# data kept out\nmodel_code/data/\n*.csv\n!keep.csv\n/model_artifact/big.bin\n',
      'model_code/data/x.py': '', 'model_code/a.csv': '', 'model_code/keep.csv': '', 'model_artifact/big.bin': 'b', 'model_code/nested/model_artifact/big.bin': 'b',
    });
    const paths = (await build(repo)).manifest.map((m) => m.path);
    expect(paths).not.toContain('model_code/data/x.py');
    expect(paths).not.toContain('model_code/a.csv');
    expect(paths).toContain('model_code/keep.csv');
    expect(paths).not.toContain('model_artifact/big.bin');
    expect(paths).toContain('model_code/nested/model_artifact/big.bin');
    expect(paths).toContain('model_artifact/w.bin');
  });

  it('refuses a .mlopsignore that excludes the model file', async () => {
    const repo = await repoWith({ '.mlopsignore': 'model_code/*.py\n' });
    await expect(build(repo)).rejects.toThrow(/\.mlopsignore excludes model_code\/model1\.py, the model_file of model "model1"/);
  });

  it('an oversized package is refused and deleted, with no manifest left', async () => {
    const repo = await repoWith({});
    const out = await mkdtemp(join(tmpdir(), 'cred-out-'));
    await expect(build(repo, silentLogger, { outputDir: out, maxZipBytes: 100 })).rejects.toThrow(/over CDF's limit of 100 bytes.*it was deleted/);
    expect(await readdir(out)).toEqual([]);
  });
});

describe('given packages', () => {
  it('a package built from these settings passes; other settings, env or model are refused; a user\'s file is left in place', async () => {
    const repo = await repoWith({});
    const pkg = await build(repo);
    const given = (over: Partial<Parameters<typeof checkGivenPackage>[0]> = {}) => checkGivenPackage({
      path: pkg.path, shown: 'pkg.zip', workingDirectory: repo, models: [], service: 'prediction', env: 'dev', artifactVersion: null, settings: [settings()], ...over,
    });
    expect((await given()).info).toMatchObject({ model_name: 'model1', env: 'dev', version: 1 });
    const changed = settings({ info: { prediction: { description: 'another', owner: 'o@x.com', metadata: {} } } });
    await expect(given({ settings: [changed] })).rejects.toThrow(/records other settings than the repository's now \(info differ\).*It is your file and was left in place/s);
    await expect(given({ env: 'test' })).rejects.toThrow(/built for env dev, not test/);
    await expect(given({ settings: [] })).rejects.toThrow(/model "model1", which the settings do not define/);
    expect(existsSync(pkg.path)).toBe(true);
    await expect(given({ maxZipBytes: 10, processEnv: { RUNNER_TEMP: join(pkg.path, '..') } })).rejects.toThrow(/over CDF's limit of 10 bytes.*It was deleted/s);
    expect(existsSync(pkg.path)).toBe(false);
  });
});

describe('given packages: credentials anywhere inside, and the nested-zip message', () => {
  const TOKEN = 'given-tok-5a6b7c';
  const check = (path: string, workingDirectory: string, processEnv: NodeJS.ProcessEnv = {}) => checkGivenPackage({
    path, shown: 'pkg.zip', workingDirectory, models: [], service: 'prediction', env: 'dev', artifactVersion: null, settings: [settings()], processEnv,
  }).then(() => null, (e: MlopsError) => e);

  it('refuses a credential in any requirements file of the zip (req_file included), naming the file and the supported way; deletes it only when the suite owns it', async () => {
    const repo = await repoWith({});
    const pkg = await build(repo);
    const runnerTemp = await mkdtemp(join(tmpdir(), 'runner-temp-'));
    const mine = await mkdtemp(join(tmpdir(), 'user-zips-'));
    const changes = {
      'model_code/requirements.model': `numpy\n--extra-index-url https://u:${TOKEN}@h.example.com/simple\n`,
      'model_code/extra/constraints.txt': `-i https://${TOKEN}@h.example.com/simple\n`,
    };
    for (const dir of [runnerTemp, mine]) {
      const zip = await rezip(pkg.path, join(dir, 'm.zip'), changes);
      const err = await check(zip, repo, { RUNNER_TEMP: runnerTemp });
      expect(err).toBeInstanceOf(MlopsError);
      expect(err!.message).toMatch(/its model_code\/extra\/constraints\.txt carries credentials \(line 1 carries credentials in https:\/\/\*\*\*@h\.example\.com\/simple; remove them from the file and use the masked input index-url \(mlops deploy --index-url\) instead\)/);
      expect(err!.message).toMatch(/its model_code\/requirements\.model carries credentials \(line 2 .*masked input extra-index-urls \(mlops deploy --extra-index-urls\) instead\)/);
      expect(err!.message).not.toMatch(/\.\.|\.;/);
      expect(err!.message + JSON.stringify(err!.problems)).not.toContain(TOKEN);
      expect(existsSync(zip)).toBe(dir === mine);
      expect(err!.message).toMatch(dir === mine ? /It is your file and was left in place/ : /It was deleted/);
    }
  });

  it('refuses a private key whatever its name, and a zip of a folder names handler.py, without a doubled period', async () => {
    const repo = await repoWith({});
    const pkg = await build(repo);
    const dir = await mkdtemp(join(tmpdir(), 'user-zips-'));
    const keyed = await check(await rezip(pkg.path, join(dir, 'k.zip'), { 'model_code/deploy_key': OPENSSH_KEY, 'model_code/.ENV': 'A=1' }), repo);
    expect(keyed!.message).toMatch(/it holds credential files \(model_code\/\.ENV\).*it holds credentials in files \(model_code\/deploy_key: an OpenSSH private key\)/);
    const nested = await check(await rezip(pkg.path, join(dir, 'n.zip'), {}, 'inner/'), repo);
    expect(nested!.message).toMatch(/cannot be deployed: it has no handler\.py at its root \(CDF calls handle\(\) in handler\.py\); it has no mlops_function\.json at its root \(everything in it lies under the folder inner\/: a zip of a folder rather than of its contents, so neither handler\.py nor mlops_function\.json is at its root\)\. Nothing was created in CDF\./);
    expect(nested!.message).not.toContain('..');
  });
});

describe('scratch folders', () => {
  it('go under RUNNER_TEMP and are removed whatever the outcome', async () => {
    const runnerTemp = await mkdtemp(join(tmpdir(), 'runner-temp-'));
    const before = process.env.RUNNER_TEMP;
    process.env.RUNNER_TEMP = runnerTemp;
    try {
      let seen = '';
      await withTempDir('t-', async (dir) => { seen = dir; });
      expect(seen.startsWith(runnerTemp)).toBe(true);
      expect(existsSync(seen)).toBe(false);
      await expect(withTempDir('t-', async (dir) => { seen = dir; await writeFile(join(dir, 'f'), 'x'); throw new Error('boom'); })).rejects.toThrow('boom');
      expect(existsSync(seen)).toBe(false);
      expect(readdirSync(runnerTemp)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.RUNNER_TEMP;
      else process.env.RUNNER_TEMP = before;
    }
  });
});
