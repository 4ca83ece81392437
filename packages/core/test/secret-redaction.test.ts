/**
 * Secrets a model prints or raises in its smoke test are stored and shown as `***` (fresh-eyes
 * trial of issue 15, F4/F8): the code file's mlops_failure, the saved `<sha>.smoke.log`, the
 * thrown error; and redactSecretValues itself.
 */
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, consoleLogger, createCdfClient, deployFunction, loadSettings, redactSecretValues, secretPieces, silentLogger, verifyLatest, type ModelSettings } from '@akerbp-mlops/core';
import { exampleRepo } from '../../../test/helpers/example-repo.js';

const API_KEY = 'SMOKELEAK_S1';
const PEM = '-----BEGIN KEY-----\nMULTILINE_A1\nMULTILINE_B2\n-----END KEY-----';
const READ_SECRET = 'READPAIR_S3CRET';
const LEAKS = [API_KEY, 'MULTILINE_A1', 'MULTILINE_B2', READ_SECRET];

describe('redactSecretValues', () => {
  it('hides each value and each line of a multi-line value, longest first, and leaves short values alone', () => {
    expect(redactSecretValues(`key ${API_KEY}; pem ${PEM}; line MULTILINE_B2 alone`, [API_KEY, PEM])).toBe('key ***; pem ***; line *** alone');
    expect(redactSecretValues('a b abc', ['a', 'abc'])).toBe('a b abc');
    expect(redactSecretValues('nothing here', [])).toBe('nothing here');
    expect(secretPieces(PEM).slice(0, 5)).toEqual([PEM, '-----BEGIN KEY-----', 'MULTILINE_A1', 'MULTILINE_B2', '-----END KEY-----']);
    expect(secretPieces(PEM)).toContain('-----BEGIN KEY-----\\nMULTILINE_A1\\nMULTILINE_B2\\n-----END KEY-----');
    expect(secretPieces('')).toEqual([]);
  });

  it('hides the forms model code prints a secret in: JSON-escaped (json.dumps, also with \\uXXXX for non-ASCII) and Python repr (trial F1)', () => {
    const value = 'Pa\\ss"Quote_SECRETZ9';
    const nordic = 'Blåbær_SECRET_øx';
    const printed = [
      String.raw`REPR {'api-key': 'Pa\\ss"Quote_SECRETZ9'}`,
      String.raw`JSON {"api-key": "Pa\\ss\"Quote_SECRETZ9"}`,
      String.raw`ASCII {"k": "Bl\u00e5b\u00e6r_SECRET_\u00f8x"}`,
      String.raw`REPR2 'it\'s Pa\\ss"Quote_SECRETZ9'`,
      `RAW ${value} ${nordic}`,
    ].join('\n');
    const hidden = redactSecretValues(printed, [value, nordic, "it's Pa\\ss\"Quote_SECRETZ9"]);
    expect(hidden).toBe([`REPR {'api-key': '***'}`, 'JSON {"api-key": "***"}', 'ASCII {"k": "***"}', "REPR2 '***'", 'RAW *** ***'].join('\n'));
  });

  it('the CLI logger masks as redactSecretValues does: each line of a multi-line secret printed alone, longest first, short values left', () => {
    let out = '';
    const log = consoleLogger({ stream: { write: (t: string) => { out += t; } } });
    log.secret(PEM);
    log.secret(API_KEY);
    log.secret(`${API_KEY}_LONGER`);
    log.secret('abc');
    const text = `model log: MULTILINE_A1 ${API_KEY}_LONGER ${API_KEY} abc`;
    log.info(text);
    expect(out).toBe(`${redactSecretValues(text, [PEM, API_KEY, `${API_KEY}_LONGER`, 'abc'])}\n`);
    expect(out).toBe('model log: *** *** *** abc\n');
  });
});

describe('a smoke test that prints and raises its secrets', () => {
  let emu: RunningEmulator;
  let client: CogniteClient;
  let model: ModelSettings;

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 40, callTimeoutMs: 30_000 });
    client = await createCdfClient(
      { project: emu.project, baseUrl: emu.url, tokenUrl: emu.tokenUrl, scopes: [`${emu.url}/.default`], write: { clientId: 'w', clientSecret: 's' }, useOidc: false, allowedProjects: [] },
      { access: 'write', retry: { baseDelayMs: 10, maxDelayMs: 50 } },
    );
  });
  afterAll(() => emu?.stop());

  it('stores and throws them as *** only: mlops_failure, the saved smoke log and the error message', async () => {
    const repo = exampleRepo();
    [model] = (await loadSettings({ file: 'mlops_settings.yaml', repoRoot: repo, env: 'test' })).models;
    appendFileSync(join(repo, 'model_code', 'model.py'), [
      '',
      'def predict(data, init_object, secrets):',
      '    print("model log: key is", secrets.get("api-key"), "read", secrets.get("secret-read"))',
      '    print(secrets.get("pem"))',
      '    raise ModelException("auth failed for key %s pem %s" % (secrets.get("api-key"), secrets.get("pem")))',
      '',
    ].join('\n'));
    const p = await buildPackage({
      repoRoot: repo, model, service: 'prediction', env: 'test', version: 1, artifactFolder: join(repo, 'model_artifact'),
      outputDir: mkdtempSync(join(tmpdir(), 'redact-pkg-')), suiteVersion: '4.0.0', log: silentLogger,
    });
    const err = await deployFunction({
      client, model, service: 'prediction', env: 'test', packagePath: p.path, packageSha256: p.sha256, version: 1, testPayload: { data: {} }, log: silentLogger, waitTimeoutMs: 60_000,
      secrets: { 'api-key': API_KEY, pem: PEM }, credentialSecrets: { 'client-id-read': 'r', 'secret-read': READ_SECRET },
    }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const message = (err as Error).message;
    expect(message).toMatch(/Smoke test of .* failed: .*auth failed for key \*\*\* pem \*\*\*/s);
    const [code] = await client.files.retrieve([{ externalId: `mlops-code/sonic_model-prediction-test/${p.sha256}` }]);
    const failure = code.metadata?.mlops_failure ?? '';
    expect(failure).toMatch(/auth failed for key \*\*\*/);
    const [logFile] = await client.files.retrieve([{ externalId: code.metadata!.mlops_log_file }]);
    const link = await client.files.getDownloadUrls([{ id: logFile.id }]);
    const saved = await (await fetch(link[0].downloadUrl)).text();
    expect(saved).toMatch(/model log: key is \*\*\* read \*\*\*/);
    for (const text of [message, (err as Error).stack ?? '', failure, saved]) for (const leak of LEAKS) expect(text).not.toContain(leak);
  });

  it('the post-deploy check of a latest whose smoke call echoes its secret records and throws it as *** only', async () => {
    const KEY = 'VERIFYLEAK_V9';
    const repo = exampleRepo();
    const [dev] = (await loadSettings({ file: 'mlops_settings.yaml', repoRoot: repo, env: 'dev' })).models;
    appendFileSync(join(repo, 'model_code', 'model.py'), [
      '', '_plain_predict = predict', '',
      'def predict(data, init_object, secrets):',
      '    if data.get("fail"):',
      '        print("model log: key is", secrets.get("api-key"))',
      '        raise ModelException("auth failed for key %s" % secrets.get("api-key"))',
      '    return _plain_predict(data, init_object, secrets)', '',
    ].join('\n'));
    const p = await buildPackage({
      repoRoot: repo, model: dev, service: 'prediction', env: 'dev', version: 1, artifactFolder: join(repo, 'model_artifact'),
      outputDir: mkdtempSync(join(tmpdir(), 'redact-pkg-')), suiteVersion: '4.0.0', log: silentLogger,
    });
    const good = { data: { ACS: [180.0], RDEP: [2.5], DEN: [2.3] } };
    const deployed = await deployFunction({
      client, model: dev, service: 'prediction', env: 'dev', packagePath: p.path, packageSha256: p.sha256, version: 1, testPayload: good, log: silentLogger, waitTimeoutMs: 60_000,
      secrets: { 'api-key': KEY },
    });
    // As if a deploy had stopped mid-switch; the check's payload makes the model fail and print its key.
    const payloadFile = join(mkdtempSync(join(tmpdir(), 'post-payload-')), 'payload.json');
    writeFileSync(payloadFile, JSON.stringify({ data: { ...good.data, fail: 1 } }));
    const latest = 'sonic_model-prediction-dev';
    let logged = '';
    const log = { ...silentLogger, info: (m: string) => { logged += `${m}\n`; }, warning: (m: string) => { logged += `${m}\n`; }, error: (m: string) => { logged += `${m}\n`; } };
    const out = await verifyLatest(client, { latest, phase: 'switching', serving: '', previousVersioned: `${latest}-1`, previousFileId: deployed.codeFileId!, payloadFile }, {
      secrets: { 'api-key': KEY }, log, waitTimeoutMs: 60_000,
    }).then((o) => JSON.stringify(o), (e: Error) => `${e.message}\n${e.stack}`);
    expect(logged).toMatch(/does not answer \(.*auth failed for key \*\*\*/);
    const files = await client.files.list({ limit: 1000 }).autoPagingToArray({ limit: 1000 });
    const metadata = JSON.stringify(files.map((f) => f.metadata));
    expect(metadata).toMatch(/post-deploy check: .*auth failed for key \*\*\*/);
    for (const text of [out, logged, metadata]) expect(text).not.toContain(KEY);
  });
});
