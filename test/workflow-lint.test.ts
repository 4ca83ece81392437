/**
 * Every workflow we ship or tell users to write passes GitHub's parser and actionlint: the files in
 * .github/workflows, the caller `mlops init` writes, the local-ref copy CI runs, and every YAML
 * snippet in the README.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderWorkflow } from '../packages/cli/src/init/templates.js';
import { actionlintErrors, workflowErrors } from './helpers/lint-workflow.js';
import { repoRoot } from './helpers/run-bundle.js';

const dir = join(repoRoot, '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => [`.github/workflows/${f}`, readFileSync(join(dir, f), 'utf8')]);

describe('actionlint is strict enough to trust', () => {
  it('finds an untrusted expression in a script and an input the action does not have', async () => {
    const bad = 'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n      - uses: actions/checkout@v4\n        with:\n          nope: 1\n';
    const errors = await actionlintErrors('bad.yml', bad);
    expect(errors.join('\n')).toMatch(/bad\.yml:6:.*potentially untrusted/);
    expect(errors.join('\n')).toMatch(/bad\.yml:9:.*input "nope" is not defined/);
  });
});

describe('workflows pass GitHub\'s parser and actionlint', () => {
  it.each(files)('%s', async (name, content) => {
    expect(await workflowErrors(name, content)).toEqual([]);
  });

  it('the caller `mlops init` writes', async () => {
    expect(await workflowErrors('main.yml', renderWorkflow('v4'))).toEqual([]);
  });
});
