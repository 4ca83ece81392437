/**
 * Makes the model's requirements importable before its tests run. `pip install` is skipped when
 * the emulator's build check (contract B: every requirement installed at the pinned version)
 * already passes, so offline runners with everything installed never touch the network.
 */
import { join } from 'node:path';
import { assetDir } from '../assets.js';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { runPython, tail } from './process.js';

/** Contract B's check: `{"ok": true}` or the reason CDF's build would fail. */
export async function checkBuild(python: string, codeDir: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const r = await runPython(python, [join(assetDir('emulator-python'), 'check_build.py')], { cwd: codeDir });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const parsed = JSON.parse(line) as { ok: boolean; error?: { message: string } };
    return parsed.ok ? { ok: true } : { ok: false, message: parsed.error?.message ?? 'unknown build error' };
  } catch {
    throw new MlopsError(`The build check failed to run with "${python}" (exit code ${r.code}):\n${tail(r.stderr || r.stdout)}`);
  }
}

/** `codeDir` is an unpacked function package: its requirements.txt is the one CDF installs. */
export async function ensureRequirements(o: { python: string; codeDir: string; log: Logger }): Promise<void> {
  const before = await checkBuild(o.python, o.codeDir);
  if (before.ok) {
    o.log.info('Requirements already satisfied; skipping pip install.');
    return;
  }
  o.log.info(`Installing requirements (${before.message})`);
  const pip = await runPython(o.python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-r', 'requirements.txt'], { cwd: o.codeDir });
  o.log.debug(`${pip.stdout}${pip.stderr}`);
  if (pip.code !== 0) {
    throw new MlopsError(`pip could not install the model's requirements (${before.message}):\n${tail(pip.stderr || pip.stdout)}`);
  }
  const after = await checkBuild(o.python, o.codeDir);
  if (!after.ok) throw new MlopsError(`The model's requirements are still not satisfied after pip install: ${after.message}`);
}
