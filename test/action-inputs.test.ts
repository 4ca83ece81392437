/**
 * Inputs every built action treats alike: a required input that is missing fails the step at
 * once, before settings, files or CDF are touched (the runner does not check `required: true`
 * for JavaScript actions).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bundles } from '../scripts/bundles.mjs';
import { repoRoot, runBundle } from './helpers/run-bundle.js';

/** The action.yml of each action bundle, and the inputs it marks required. */
const actions: { name: string; required: string[] }[] = bundles
  .filter((b: { name: string }) => b.name !== 'cli')
  .map((b: { name: string }) => {
    const file = b.name === 'deploy' ? 'action.yml' : join('actions', b.name, 'action.yml');
    const yml = parse(readFileSync(join(repoRoot, file), 'utf8')) as { inputs?: Record<string, { required?: boolean }> };
    return { name: b.name, required: Object.entries(yml.inputs ?? {}).filter(([, v]) => v.required).map(([k]) => k) };
  });

describe('required inputs', () => {
  it('some action has one (else this test checks nothing)', () => {
    expect(actions.flatMap((a) => a.required)).toContain('model');
  });

  for (const action of actions.filter((a) => a.required.length)) {
    it(`${action.name} fails at once naming each missing required input`, async () => {
      // Credentials that would be used if the action went further: it must not get that far.
      const run = await runBundle(action.name, {}, { env: { COGNITE_PROJECT: 'p', COGNITE_OIDC_BASE_URL: 'http://127.0.0.1:9', COGNITE_CLIENT_ID_WRITE: 'x', COGNITE_CLIENT_SECRET_WRITE: 'y' } });
      expect(run.code).toBe(1);
      const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
      expect(errors).toEqual([`::error::${action.required.map((n) => `Input required and not supplied: ${n}`).join('; ')}`]);
      expect(run.stdout).not.toMatch(/CDF|token|credential/i);
    });
  }
});
