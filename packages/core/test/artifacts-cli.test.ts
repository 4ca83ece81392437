import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../cli/src/cli.js';

/** Runs `mlops artifacts ...` in-process, capturing what it writes. */
async function mlops(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await runCli(['artifacts', ...args]), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('mlops artifacts', () => {
  let emu: RunningEmulator;
  const saved = { ...process.env };

  beforeAll(async () => {
    emu = await startEmulator({ buildDelayMs: 50 });
    Object.assign(process.env, {
      COGNITE_PROJECT: emu.project,
      COGNITE_OIDC_BASE_URL: emu.url,
      COGNITE_TOKEN_URL: emu.tokenUrl,
      COGNITE_CLIENT_ID_WRITE: 'cli',
      COGNITE_CLIENT_SECRET_WRITE: 'cli-secret',
    });
  });
  afterAll(async () => {
    process.env = saved;
    await emu?.stop();
  });

  it('uploads with percentage lines, lists, promotes, downloads and deletes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cli-art-'));
    writeFileSync(join(folder, 'weights.bin'), Buffer.alloc(50_000, 7));

    const up = await mlops('upload', 'cli_model', 'test', folder, '--metadata', 'owner=me', '--metadata', 'score=0.8');
    expect(up.code).toBe(0);
    expect(up.stdout).toBe('cli_model/test/1\n');
    // Not a terminal: plain percentage lines, ending at 100 %.
    expect(up.stderr).toMatch(/^Uploading cli_model\/test\/1: 100% \((\d+) B of \1 B\)$/m);
    expect(up.stderr).not.toContain('\r');

    const listed = await mlops('list', '--model', 'cli_model', '--json');
    expect(JSON.parse(listed.stdout)).toMatchObject([{ externalId: 'cli_model/test/1', metadata: { owner: 'me', score: '0.8' } }]);

    const promoted = await mlops('promote', 'cli_model');
    expect(promoted.stdout).toContain('Promoted: cli_model/test/1 → cli_model/prod/1');
    expect(promoted.stdout).toContain('prod (target): no versions → 1 version, latest cli_model/prod/1 (from cli_model/test/1)');

    const dest = join(mkdtempSync(join(tmpdir(), 'cli-dl-')), 'out');
    const down = await mlops('download', 'cli_model', 'prod', dest);
    expect(down.code).toBe(0);
    expect(readFileSync(join(dest, 'weights.bin'))).toEqual(Buffer.alloc(50_000, 7));

    const table = await mlops('list');
    expect(table.stdout).toMatch(/^Artifact +Created +Size +SHA-256 +Promoted from\n/);
    expect(table.stdout).toMatch(/cli_model\/prod\/1 .* cli_model\/test\/1\n/);

    // No terminal to ask in: deleting needs --yes.
    const refused = await mlops('delete', 'cli_model/test/1');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/needs confirmation and there is no terminal to ask on: pass --yes/);
    const deleted = await mlops('delete', 'cli_model/test/1', '--yes');
    expect(deleted.stdout).toBe('Deleted cli_model/test/1\n');
    expect(JSON.parse((await mlops('list', '--model', 'cli_model', '--env', 'test', '--json')).stdout)).toEqual([]);
  });
});
