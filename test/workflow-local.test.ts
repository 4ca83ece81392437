/**
 * CI proves this commit's actions and reusable workflow, not the released @v4 they pin:
 * mlops-local.yml is mlops.yml with local action refs and nothing else changed, and ci.yml runs
 * every action through `uses: ./actions/<name>` (against an emulator it starts) and calls the copy.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COPY, HEADER, SOURCE, localWorkflow } from '../scripts/local-workflow.mjs';
import { repoRoot } from './helpers/run-bundle.js';

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

describe(COPY, () => {
  it('is up to date with mlops.yml (npm run local-workflow)', () => {
    const check = spawnSync(process.execPath, ['scripts/local-workflow.mjs', '--check'], { cwd: repoRoot, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('differs from mlops.yml only in its header and the action refs, every one of which is local', () => {
    const released = read(SOURCE).split('\n');
    const copy = read(COPY);
    expect(copy.startsWith(HEADER)).toBe(true);
    const local = copy.slice(HEADER.length).split('\n');
    expect(local).toHaveLength(released.length);
    const changed = released.map((line, i) => [line, local[i]]).filter(([a, b]) => a !== b);
    expect(changed.length).toBe(released.filter((l) => /akerbp\/mlops\/actions\//.test(l)).length);
    for (const [from, to] of changed) {
      const m = /^(\s*(?:- )?uses: )akerbp\/mlops\/(actions\/[\w-]+)@v4$/.exec(from);
      expect(m, from).not.toBeNull();
      expect(to).toBe(`${m![1]}./${m![2]}`);
    }
    expect(copy).not.toMatch(/akerbp\/mlops\/actions/);
  });

  it('the generator leaves other text alone', () => {
    expect(localWorkflow('x: akerbp/mlops/actions/test-model@v4\n      - uses: akerbp/mlops/actions/test-model@v4.1.0\n')).toBe(`${HEADER}x: akerbp/mlops/actions/test-model@v4\n      - uses: ./actions/test-model\n`);
  });
});

describe('.github/workflows/ci.yml', () => {
  const ci = parse(read('.github/workflows/ci.yml'));

  it('runs every action of this commit by local path against an emulator it starts, the root action too', () => {
    const steps: { uses?: string; run?: string }[] = ci.jobs.actions.steps;
    const uses = steps.map((s) => s.uses).filter(Boolean);
    const actions = readdirSync(join(repoRoot, 'actions')).map((n) => `./actions/${n}`);
    expect(uses).toEqual(expect.arrayContaining([...actions, './']));
    expect(uses.filter((u) => u!.startsWith('akerbp/'))).toEqual([]);
    const start = steps.findIndex((s) => s.run?.includes('dist/cli/index.js emulator start'));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(start).toBeLessThan(steps.findIndex((s) => s.uses?.startsWith('./actions/')));
    expect(ci.jobs.actions.env.COGNITE_OIDC_BASE_URL).toBe('http://127.0.0.1:4599');
  });

  it('calls the local copy of the reusable workflow, testing only, granting what it asks for', () => {
    const job = ci.jobs['reusable-workflow'];
    expect(job.uses).toBe(`./${COPY}`);
    expect(job.with['testing-only']).toBe(true);
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  });

  it('every job has a timeout and checks out without persisted credentials', () => {
    for (const [id, job] of Object.entries<{ uses?: string; 'timeout-minutes'?: number; steps?: { uses?: string; with?: Record<string, unknown> }[] }>(ci.jobs)) {
      if (job.uses) continue; // a called workflow's jobs carry their own
      expect(job['timeout-minutes'], id).toBeGreaterThan(0);
      expect(job.steps!.find((s) => s.uses?.startsWith('actions/checkout@'))!.with, id).toMatchObject({ 'persist-credentials': false });
    }
  });
});
