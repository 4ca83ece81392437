/** Parsing of the plain-text inputs actions and the CLI receive (env names, comma lists). */
import { MlopsError } from '../errors.js';
import { ENVIRONMENTS, type Env } from './types.js';

/** `dev|test|prod` (case-insensitive); `what` names the input in the error. */
export function parseEnv(value: string, what = 'env'): Env {
  const v = value.trim().toLowerCase();
  if ((ENVIRONMENTS as readonly string[]).includes(v)) return v as Env;
  throw new MlopsError(`${what} must be one of ${ENVIRONMENTS.join(', ')}; found "${value}".`);
}

/** `a, b,,c` → `['a','b','c']`; empty → []. */
export function parseNameList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
