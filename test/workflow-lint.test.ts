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
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** Every ```yaml block of the README, dedented, with the line it starts on. */
function readmeSnippets(): [string, string][] {
  const out: [string, string][] = [];
  for (const m of readme.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```$/gm)) {
    const indent = m[1].length;
    const text = m[2].split('\n').map((l) => l.slice(indent)).join('\n');
    out.push([`README.md:${readme.slice(0, m.index).split('\n').length + 1}`, text]);
  }
  return out;
}
const snippets = readmeSnippets();
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

describe('README workflow snippets pass both, and state the permissions the caller grants', () => {
  it('there are snippets to check', () => expect(snippets.length).toBeGreaterThanOrEqual(3));
  it.each(snippets)('%s', async (name, content) => {
    expect(await workflowErrors(name, content)).toEqual([]);
    expect(content).toMatch(/^permissions:\n {2}contents: read/m);
    // A snippet that signs in with OIDC, or calls the reusable workflow, grants id-token: write.
    if (/use-oidc: true|workflows\/mlops\.yml@/.test(content)) expect(content).toMatch(/^ {2}id-token: write/m);
  });
});
