/**
 * Releasing: the next version from the latest commit message (the Python package's rules), the
 * version check the release workflow runs, the release notes it publishes, and the workflow's
 * wiring (dist checked, release created, major tag moved only for a release).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bumpOf, nextVersion, parseVersion, recordedVersions } from '../scripts/next-version.mjs';
import { releaseNotes } from '../scripts/release-notes.mjs';
import { repoRoot } from './helpers/run-bundle.js';

describe('next version from the latest commit message', () => {
  const tags = ['v4', 'v4.0.0', 'v4.1.0', 'v4.1.1', 'v4.2.0-alpha.1', 'v4.2.0-alpha.2', 'not-a-version'];
  it.each([
    ['Fix the smoke test', 'v4.1.2'],
    ['minor: add the audience input', 'v4.2.0'],
    ['Add a MINOR feature', 'v4.2.0'],
    ['major: drop py310', 'v5.0.0'],
    ['Major and minor both: major wins', 'v5.0.0'],
    ['minor change, prerelease', 'v4.2.0-alpha.3'],
    ['Prerelease of a patch', 'v4.1.2-alpha.1'],
    ['major prerelease', 'v5.0.0-alpha.1'],
    // Whole words only: "majority" and "minority" are patches.
    ['Handle a majority of minority cases', 'v4.1.2'],
    ['feat(minor)/cleanup', 'v4.2.0'],
  ])('"%s" → %s', (message, tag) => {
    expect(nextVersion({ tags, message }).tag).toBe(tag);
  });

  it('counts from the newest release, not from the order tags are listed in, and ignores pre-releases as a base', () => {
    expect(nextVersion({ tags: ['v4.10.0', 'v4.9.3', 'v4.11.0-alpha.1'], message: 'fix' }).tag).toBe('v4.10.1');
  });

  it('releases the package.json version itself when nothing was released yet', () => {
    expect(nextVersion({ tags: [], message: 'minor', initial: '4.0.0' }).tag).toBe('v4.0.0');
    expect(nextVersion({ tags: ['v4.0.0-alpha.1'], message: 'prerelease', initial: '4.0.0' }).tag).toBe('v4.0.0-alpha.2');
    expect(() => nextVersion({ tags: [], message: 'fix', initial: 'four' })).toThrow(/initial version "four"/);
  });

  it('parses only full versions', () => {
    expect(parseVersion('v4.1.0-alpha.2')).toEqual({ major: 4, minor: 1, patch: 0, pre: 'alpha.2' });
    expect(parseVersion('v4')).toBeNull();
    expect(bumpOf('PRERELEASE')).toEqual({ bump: 'patch', prerelease: true });
  });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' });
}

/** A throw-away repository with the files the script reads and writes. */
function scratchRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'next-version-'));
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'packages/core/src'), { recursive: true });
  for (const f of ['scripts/next-version.mjs', 'package.json', 'package-lock.json', 'packages/core/src/version.ts', 'CHANGELOG.md']) cpSync(join(repoRoot, f), join(dir, f));
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'Initial');
  git(dir, 'tag', 'v4.0.0');
  return dir;
}

describe('scripts/next-version.mjs in a repository', () => {
  const run = (dir: string, ...args: string[]) => spawnSync(process.execPath, ['scripts/next-version.mjs', ...args], { cwd: dir, encoding: 'utf8' });

  it('reads the tags and the last commit message, and --write records the version everywhere the release checks', () => {
    const dir = scratchRepo();
    writeFileSync(join(dir, 'x.txt'), 'x');
    git(dir, 'add', 'x.txt');
    git(dir, 'commit', '-qm', 'Add the audience input\n\nminor');
    expect(run(dir).stdout.trim()).toBe('v4.1.0');
    // Before --write, the files still say 4.0.0 and the check refuses the new tag, naming each file.
    const refused = run(dir, '--check', 'v4.1.0');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/::error file=package\.json::package\.json records version 4\.0\.0, but the tag is v4\.1\.0/);
    expect(refused.stderr).toMatch(/file=packages\/core\/src\/version\.ts::/);

    const written = run(dir, '--write');
    expect(written.stdout.trim()).toBe('v4.1.0');
    expect(recordedVersions(dir).map((r: { version: string }) => r.version)).toEqual(['4.1.0', '4.1.0']);
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
    expect([lock.version, lock.packages[''].version]).toEqual(['4.1.0', '4.1.0']);
    const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/^## Unreleased\n\n## 4\.1\.0 — \d{4}-\d\d-\d\d$/m);
    expect(releaseNotes(changelog, 'v4.1.0')).toMatch(/^First release of v4/);
    expect(run(dir, '--check', 'v4.1.0').status).toBe(0);
    expect(run(dir, '--check', 'v4').stderr).toMatch(/"v4" is not a release tag/);
  });
});

describe('release notes', () => {
  const changelog = '# Changelog\n\n## Unreleased\n\n## 4.1.0 — 2026-12-01\n\n### Added\n- audience\n\n## 4.0.0 — 2026-11-30\n\nFirst.\n';
  it('are the section of the version, without the next one', () => {
    expect(releaseNotes(changelog, 'v4.1.0')).toBe('### Added\n- audience');
    expect(releaseNotes(changelog, '4.0.0')).toBe('First.');
    expect(releaseNotes(changelog, 'v4.0')).toBeNull();
  });

  it('the script fails with an annotation when the section is missing', () => {
    const missing = spawnSync(process.execPath, ['scripts/release-notes.mjs', 'v9.9.9'], { cwd: repoRoot, encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/::error file=CHANGELOG\.md::CHANGELOG\.md has no "## 9\.9\.9" section/);
  });
});

describe('.github/workflows/release.yml', () => {
  const wf = parse(readFileSync(join(repoRoot, '.github/workflows/release.yml'), 'utf8'));
  const job = wf.jobs.release;
  const runs = job.steps.map((s: { run?: string }) => s.run ?? '').join('\n');

  it('runs on version tags only, with contents: write for the one job', () => {
    expect(wf.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+', 'v[0-9]+.[0-9]+.[0-9]+-*'] } });
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(job.permissions).toEqual({ contents: 'write' });
    expect(job['timeout-minutes']).toBeGreaterThan(0);
  });

  it('checks the version and dist/ before it creates the release, then moves the major tag for releases only', () => {
    const order = ['next-version.mjs --check', 'npm run check-dist', 'release-notes.mjs', 'gh release create', 'git/refs/tags/$major'];
    const at = order.map((s) => runs.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(runs).toMatch(/--prerelease/);
    const move = job.steps.find((s: { run?: string }) => s.run?.includes('$major'));
    expect(move.if).toBe("${{ !contains(github.ref_name, '-') }}");
  });
});
