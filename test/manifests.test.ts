/**
 * Every action.yml and workflow must pass GitHub's own parser, follow our conventions, and be
 * documented: each input and output appears in the README.
 */
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './helpers/run-bundle.js';

const actionFiles = ['action.yml', 'deploy/action.yml', ...readdirSync(join(repoRoot, 'actions')).map((n) => `actions/${n}/action.yml`)];
const workflowDir = join(repoRoot, '.github', 'workflows');
const workflowFiles = existsSync(workflowDir) ? readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f)).map((f) => `.github/workflows/${f}`) : [];
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

const errorsOf = (result: { context: { errors: { getErrors(): { message: string }[] } } }) =>
  result.context.errors.getErrors().map((e) => e.message);

describe('action.yml files', () => {
  for (const file of actionFiles) {
    it(`${file} passes GitHub's parser and our conventions`, () => {
      const content = readFileSync(join(repoRoot, file), 'utf8');
      expect(errorsOf(parseAction({ name: file, content }, new NoOperationTraceWriter()))).toEqual([]);
      const action = parse(content);
      expect(action.runs.using).toBe('node24');
      expect(action.branding?.icon).toBeTruthy();
      expect(existsSync(join(repoRoot, dirname(file), action.runs.main.replace(/index\.js$/, '')))).toBe(true);
      // The deploy actions check a replacement the main step could not finish (cancel, kill) in a post step.
      if (/deploy/.test(file) || file === 'action.yml') {
        expect(action.runs.post, `${file} needs the deploy post step`).toMatch(/dist\/deploy-post\/index\.js$/);
        expect(action.runs['post-if']).toBe('always()');
      }
      for (const [name, spec] of Object.entries<{ description?: string }>({ ...action.inputs, ...action.outputs })) {
        expect(spec.description, `${file}: ${name} needs a description`).toBeTruthy();
        expect(readme, `README.md must document ${file} ${name}`).toContain(`\`${name}\``);
      }
    });
  }
});

describe('workflows', () => {
  it('there are workflows to check', () => expect(workflowFiles.length).toBeGreaterThan(0));
  for (const file of workflowFiles) {
    it(`${file} passes GitHub's parser`, () => {
      const content = readFileSync(join(repoRoot, file), 'utf8');
      expect(errorsOf(parseWorkflow({ name: file, content }, new NoOperationTraceWriter()))).toEqual([]);
    });
  }
});

describe('the parser is strict enough to trust', () => {
  it('rejects an unknown runtime and an unknown key', () => {
    const bad = 'name: x\ndescription: y\nruns:\n  using: node99\n  main: x.js\nfoo: 1\n';
    expect(errorsOf(parseAction({ name: 'bad.yml', content: bad }, new NoOperationTraceWriter())).length).toBeGreaterThanOrEqual(2);
  });
});

describe('README', () => {
  it('its action reference is regenerated from the action.yml files', async () => {
    const { spawnSync } = await import('node:child_process');
    const check = spawnSync(process.execPath, ['scripts/docs.mjs', '--check'], { cwd: repoRoot, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
