/**
 * CDF Functions' Python runtimes, checked offline (cognite-sdk-python 8.13 lists py310–py314).
 * With credentials, the deploy checks the project's own list from `GET /functions/limits`
 * (deploy/runtime.ts).
 */
import { quoted } from './messages.js';

export const CDF_PYTHON_RUNTIMES = ['py310', 'py311', 'py312', 'py313', 'py314'] as const;
export type PythonRuntime = (typeof CDF_PYTHON_RUNTIMES)[number];

/** The runtime new settings should use; also what we suggest to users of dropped runtimes. */
export const RECOMMENDED_RUNTIME: PythonRuntime = 'py311';

/** Runtimes CDF used to offer, with when they went, so the message tells users what happened. */
const DROPPED: Record<string, string> = {
  py37: 'in 2023',
  py38: 'in 2024',
  py39: 'in Oct 2025',
};

/** `py311` → `3.11`: the version actions/setup-python installs for a runtime. */
export function setupPythonVersion(runtime: PythonRuntime): string {
  return `3.${runtime.slice(3)}`;
}

/**
 * `py311`, `3.11`, `python3.11` → `py311`; anything else → a message saying what is allowed.
 * Takes the text as written (a YAML `3.10` would otherwise arrive as the number 3.1).
 */
export function normalizePythonVersion(written: string): { runtime: PythonRuntime } | { error: string } {
  const m = /^\s*(?:py|python)?\s*3\.?(\d{1,2})\s*$/i.exec(written);
  const id = m ? `py3${m[1]}` : undefined;
  if (id && (CDF_PYTHON_RUNTIMES as readonly string[]).includes(id)) return { runtime: id as PythonRuntime };
  const allowed = `allowed: ${CDF_PYTHON_RUNTIMES.join(', ')}`;
  if (id && DROPPED[id]) {
    return { error: `CDF dropped ${id} ${DROPPED[id]}; use python_version: ${RECOMMENDED_RUNTIME} (found ${quoted(written)}; ${allowed})` };
  }
  return { error: `must be a CDF Python runtime; found ${quoted(written)}; ${allowed}` };
}
