import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const cli = join(repoRoot, 'dist', 'cli', 'index.js');

beforeAll(() => {
  // The bundle is normally built before the suite; build it when running this file alone.
  if (!existsSync(cli)) spawnSync(process.execPath, ['scripts/build.mjs', 'dist', 'cli'], { cwd: repoRoot, stdio: 'inherit' });
}, 180_000);

describe('mlops emulator start (bundle)', () => {
  it('prints one ready line, serves the API and stops with exit 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'));
    const clients = join(dir, 'clients.json');
    writeFileSync(clients, JSON.stringify([{ clientId: 'ci', clientSecret: 'pw', write: true }]));
    const child = spawn(process.execPath, [cli, 'emulator', 'start', '--port', '0', '--project', 'cli-proj', '--clients', clients, '--data-dir', join(dir, 'state')]);
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const url = await new Promise<string>((ok, fail) => {
      child.stdout.on('data', (c) => {
        stdout += c;
        const m = /^CDF emulator listening on (http:\/\/127\.0\.0\.1:\d+) \(project cli-proj\)\n/.exec(stdout);
        if (m) ok(m[1]);
      });
      child.on('exit', (code) => fail(new Error(`exited ${code}: ${stderr}`)));
    });
    const denied = await fetch(`${url}/emulator-tenant/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'ci', client_secret: 'nope' }) });
    expect(denied.status).toBe(401);
    const granted = await fetch(`${url}/emulator-tenant/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'ci', client_secret: 'pw' }) });
    const { access_token } = (await granted.json()) as { access_token: string };
    const listed = await fetch(`${url}/api/v1/projects/cli-proj/datasets/list`, { method: 'POST', headers: { authorization: `Bearer ${access_token}` }, body: '{}' });
    expect(((await listed.json()) as { items: { externalId: string }[] }).items.map((d) => d.externalId)).toEqual(['mlops']);
    const code = await new Promise<number | null>((ok) => {
      child.on('exit', ok);
      child.kill('SIGINT');
    });
    // Ctrl+C stops the server cleanly: exit 0, as the exit codes in --help and the README say.
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/oauth2\/v2\.0\/token/);
    expect(existsSync(join(dir, 'state', 'state.json'))).toBe(true);
  });

  it('refuses a bad fault spec with a one-line error', () => {
    const run = spawnSync(process.execPath, [cli, 'emulator', 'start', '--port', '0', '--faults', '429:abc'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: Fault '429:abc': the rate must be a number between 0 and 1\.\n$/);
  });
});
