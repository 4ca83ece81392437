/**
 * OIDC federation end to end: built actions with `use-oidc: true` and no client secret get a
 * GitHub OIDC token from the (emulated) runner service and exchange it as a client_assertion at
 * the emulator's Entra-style token endpoint. The emulator knows the federated client with no
 * secret at all, so a secret-based grant could not have worked.
 * Needs `node scripts/build.mjs dist promote-artifact package-model`.
 */
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { ModelManager, createCdfClient, resolveCdfConfig, silentLogger } from '@akerbp-mlops/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRepo } from '../helpers/example-repo.js';
import { runBundle } from '../helpers/run-bundle.js';
import { startFakeGithubOidc, type FakeGithubOidc } from './github-oidc.js';

const FEDERATED = 'gh-federated-app';

describe('use-oidc: a GitHub OIDC token exchanged as a client_assertion', () => {
  let emu: RunningEmulator;
  let oidc: FakeGithubOidc;
  let cdfEnv: Record<string, string>;
  let repo: string;

  beforeAll(async () => {
    emu = await startEmulator({
      buildDelayMs: 20,
      clients: [{ clientId: FEDERATED, write: true }, { clientId: 'seeder', clientSecret: 'seeder-secret', write: true }],
    });
    oidc = await startFakeGithubOidc();
    // Only the client id: no COGNITE_CLIENT_SECRET_WRITE anywhere.
    cdfEnv = { COGNITE_PROJECT: emu.project, COGNITE_OIDC_BASE_URL: emu.url, COGNITE_TOKEN_URL: emu.tokenUrl, COGNITE_CLIENT_ID_WRITE: FEDERATED };
    const seeder = new ModelManager({
      client: await createCdfClient(resolveCdfConfig({}, { ...cdfEnv, COGNITE_CLIENT_ID_WRITE: 'seeder', COGNITE_CLIENT_SECRET_WRITE: 'seeder-secret' }), { access: 'write' }),
      log: silentLogger,
    });
    repo = exampleRepo();
    await seeder.uploadNewVersion('sonic_model', 'test', join(repo, 'model_artifact'));
  });
  afterAll(async () => {
    await oidc?.stop();
    await emu?.stop();
  });

  /** stdout/stderr without the runner's own masking commands, which must be the only place a token appears. */
  const printed = (run: { stdout: string; stderr: string }) => (run.stdout + run.stderr).replace(/^::add-mask::.*$/gm, '');

  it('promote-artifact promotes with no client secret', async () => {
    const before = oidc.issued.length;
    const tokenCalls = emu.requests.filter((r) => r.path.endsWith('/oauth2/v2.0/token')).length;
    const run = await runBundle('promote-artifact', { model: 'sonic_model', 'use-oidc': 'true' }, { env: { ...cdfEnv, ...oidc.env } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ 'source-id': 'sonic_model/test/1', 'target-id': 'sonic_model/prod/1' });
    // One GitHub token, asked for Entra's exchange audience, and one successful token grant.
    expect(oidc.audiences.slice(before)).toEqual(['api://AzureADTokenExchange']);
    const grants = emu.requests.filter((r) => r.path.endsWith('/oauth2/v2.0/token')).slice(tokenCalls);
    expect(grants.map((r) => r.status)).toEqual([200]);
    const jwt = oidc.issued.at(-1)!;
    expect(run.stdout).toContain(`::add-mask::${jwt}`);
    expect(printed(run)).not.toContain(jwt);
    expect(printed(run)).not.toContain(oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  });

  it('package-model downloads the artifact from CDF with no client secret', async () => {
    const before = oidc.issued.length;
    const run = await runBundle('package-model', { env: 'test', 'working-directory': repo, 'use-oidc': 'true' }, { env: { ...cdfEnv, ...oidc.env } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toMatch(/<td>sonic_model<\/td><td>prediction<\/td><td>1<\/td>/);
    // The version resolved in CDF, as a map by model: what the reusable workflow tests and deploys.
    expect(JSON.parse(run.outputs['artifact-version'])).toEqual({ sonic_model: 1 });
    expect(oidc.issued.length).toBe(before + 1);
    expect(printed(run)).not.toContain(oidc.issued.at(-1)!);
  });

  it('without id-token: write the step fails saying what to set, and a client secret still works', async () => {
    const noPermission = await runBundle('promote-artifact', { model: 'sonic_model', 'use-oidc': 'true' }, {
      env: { ...cdfEnv, ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined },
    });
    expect(noPermission.code).toBe(1);
    expect(noPermission.stdout).toMatch(/::error::use-oidc is true but GitHub gave no OIDC token \(Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable\)\. Give the job `permissions: id-token: write`/);
    expect(noPermission.stdout + noPermission.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

    // The federated client has no secret, so a secret is refused by the token endpoint...
    const wrong = await runBundle('promote-artifact', { model: 'sonic_model' }, { env: { ...cdfEnv, COGNITE_CLIENT_SECRET_WRITE: 'guess' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/::error::Could not get a CDF token for client gh-federated-app .*AADSTS7000215/);
    // ...while a client that has one keeps working without use-oidc.
    const secret = await runBundle('promote-artifact', { model: 'sonic_model' }, {
      env: { ...cdfEnv, COGNITE_CLIENT_ID_WRITE: 'seeder', COGNITE_CLIENT_SECRET_WRITE: 'seeder-secret' },
    });
    expect(secret.code, secret.stdout).toBe(0);
    expect(secret.outputs['already-promoted']).toBe('true');
  });

  it('asks GitHub for the audience input, and a token for another audience is refused by the federated credential', async () => {
    const before = oidc.issued.length;
    const run = await runBundle('package-model', { env: 'test', 'working-directory': repo, 'use-oidc': 'true', audience: 'api://my-own-audience' }, { env: { ...cdfEnv, ...oidc.env } });
    expect(oidc.audiences.slice(before)).toEqual(['api://my-own-audience']);
    // The emulator's federated credential, like Entra ID's default, expects api://AzureADTokenExchange.
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::Could not get a CDF token for client gh-federated-app/);
    expect(printed(run)).not.toContain(oidc.issued.at(-1)!);
  });
});
