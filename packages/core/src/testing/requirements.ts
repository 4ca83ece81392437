/**
 * Makes the model's requirements importable before its tests run. `pip install` is skipped when
 * pip itself, offline (`--no-index`, through the emulator's checkRequirements), finds every
 * requirement already satisfied, so offline runners with everything installed never touch the
 * network. pip is the only requirement parser involved.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MlopsError, type Problem } from '../errors.js';
import type { Logger } from '../logger.js';
import { runPython, tail } from './process.js';

/**
 * Undefined when `python` already satisfies requirements.txt in `codeDir`, else why not: the
 * requirements pip found no distribution of offline (`missing: a==1, b`), else pip's words.
 */
async function unsatisfied(python: string, codeDir: string): Promise<string | undefined> {
  const { checkRequirements } = await import('@akerbp-mlops/cdf-emulator');
  const check = await checkRequirements({ python, codeDir });
  if (!check.ok) {
    // Offline, pip "cannot find a version that satisfies" what is not installed: name those, not pip's ERROR lines.
    const names = [...new Set([...check.message.matchAll(/satisfies the requirement (\S+)/g)].map((m) => m[1]))];
    return names.length ? `missing: ${names.join(', ')}` : check.message;
  }
  return check.install.length ? `missing: ${check.install.map((i) => `${i.name} ${i.version}`).join(', ')}` : undefined;
}

/**
 * Where pip's failure points in the model's requirements file: the line of the requirement pip
 * names ("No matching distribution found for X"), else the file itself.
 */
function pipProblem(output: string, requirementsFile: { shown: string; path: string }, message: string): Problem {
  const named = /(?:No matching distribution found for|satisfies the requirement) ([^\s;]+)/.exec(output)?.[1];
  const name = named?.split(/[<>=!~\[ ]/)[0].toLowerCase();
  const lines = existsSync(requirementsFile.path) ? readFileSync(requirementsFile.path, 'utf8').split('\n') : [];
  const at = name ? lines.findIndex((l) => l.trim().toLowerCase().startsWith(name)) : -1;
  return { file: requirementsFile.shown, line: at >= 0 ? at + 1 : undefined, field: 'req_file', message };
}

/**
 * `codeDir` is an unpacked function package: its requirements.txt is the one CDF installs.
 * `requirementsFile` is the model's req_file (shown: as annotations name it; path: to read it),
 * where a pip failure is located. Throws MlopsError when pip fails or leaves a requirement unmet.
 */
export async function ensureRequirements(o: { python: string; codeDir: string; log: Logger; requirementsFile: { shown: string; path: string } }): Promise<void> {
  if (!existsSync(join(o.codeDir, 'requirements.txt'))) return;
  // pip's offline check can take a while: say what runs before it starts.
  o.log.info('Checking the requirements offline (pip --no-index)…');
  const before = await unsatisfied(o.python, o.codeDir);
  if (!before) {
    o.log.info('Requirements already satisfied; skipping pip install.');
    return;
  }
  const pip = await o.log.group('pip install the requirements', () => {
    // pip's offline words stay out of the title: it would read as an error on a step that works.
    o.log.info(`Not installed yet (${before.split('\n')[0]}); installing.`);
    return runPython(o.python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-r', 'requirements.txt'], { cwd: o.codeDir, onLine: (line) => o.log.info(line) });
  });
  if (pip.code !== 0) {
    // pip's retry warnings are noise next to its error.
    const output = tail((pip.stderr || pip.stdout).split('\n').filter((l) => !/^WARNING: Retrying \(/.test(l)).join('\n'));
    throw new MlopsError('pip could not install the model\'s requirements.', [pipProblem(output, o.requirementsFile, output)]);
  }
  const after = await unsatisfied(o.python, o.codeDir);
  if (after) throw new MlopsError(`The model's requirements are still not satisfied after pip install: ${after}`);
}
