/**
 * Makes the model's requirements importable before its tests run. `pip install` is skipped when
 * pip itself, offline (`--no-index`, through the emulator's checkRequirements), finds every
 * requirement already satisfied, so offline runners with everything installed never touch the
 * network. pip is the only requirement parser involved.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { runPython, tail } from './process.js';

/** Undefined when `python` already satisfies requirements.txt in `codeDir`, else why not (pip's words). */
async function unsatisfied(python: string, codeDir: string): Promise<string | undefined> {
  const { checkRequirements } = await import('@akerbp-mlops/cdf-emulator');
  const check = await checkRequirements({ python, codeDir });
  if (!check.ok) return check.message;
  return check.install.length ? `missing: ${check.install.map((i) => `${i.name} ${i.version}`).join(', ')}` : undefined;
}

/** `codeDir` is an unpacked function package: its requirements.txt is the one CDF installs. */
export async function ensureRequirements(o: { python: string; codeDir: string; log: Logger }): Promise<void> {
  if (!existsSync(join(o.codeDir, 'requirements.txt'))) return;
  const before = await unsatisfied(o.python, o.codeDir);
  if (!before) {
    o.log.info('Requirements already satisfied; skipping pip install.');
    return;
  }
  const pip = await o.log.group(`pip install the requirements (${before})`, () =>
    runPython(o.python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-r', 'requirements.txt'], { cwd: o.codeDir, onLine: (line) => o.log.info(line) }));
  if (pip.code !== 0) {
    throw new MlopsError(`pip could not install the model's requirements (${before}):\n${tail(pip.stderr || pip.stdout)}`);
  }
  const after = await unsatisfied(o.python, o.codeDir);
  if (after) throw new MlopsError(`The model's requirements are still not satisfied after pip install: ${after}`);
}
