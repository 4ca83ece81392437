#!/usr/bin/env node
// The next release version, derived as the akerbp-mlops Python package derived it (its user guide,
// "Package versioning"): from the latest commit message, `major` bumps MAJOR, else `minor` bumps
// MINOR, else PATCH is bumped; `prerelease` makes it a pre-release. Keywords are whole words, any
// case; `major` wins over `minor`.
//
//   node scripts/next-version.mjs            prints the next tag, e.g. v4.1.0
//   node scripts/next-version.mjs --write    also sets it in package.json, package-lock.json,
//                                            packages/core/src/version.ts and CHANGELOG.md
//   node scripts/next-version.mjs --check v4.1.0   exit 1 unless package.json and the core
//                                            record that version (the release workflow runs it)
//
// Tags are read with `git tag --list 'v*'`, the message with `git log -1 --format=%B`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;
/** Pre-release identifier: the Python package used `MAJOR.MINOR.PATCH-alpha.N` in dev and test. */
export const PRERELEASE_ID = 'alpha';

/**
 * Parses `v4.1.0` / `4.1.0-alpha.2` into numbers; null for anything else (other tags such as `v4`).
 * @param {string} tag
 * @returns {{ major: number, minor: number, patch: number, pre: string | null } | null}
 */
export function parseVersion(tag) {
  const m = SEMVER.exec(tag.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre: m[4] ?? null } : null;
}

/**
 * Which part of the version a commit message bumps: whole words `major`, then `minor`, case-insensitive.
 * @param {string} message
 * @returns {{ bump: 'major' | 'minor' | 'patch', prerelease: boolean }}
 */
export function bumpOf(message) {
  const has = (word) => new RegExp(`(^|[^A-Za-z0-9])${word}([^A-Za-z0-9]|$)`, 'i').test(message);
  return { bump: has('major') ? 'major' : has('minor') ? 'minor' : 'patch', prerelease: has('prerelease') };
}

const compare = (a, b) => a.major - b.major || a.minor - b.minor || a.patch - b.patch;

/**
 * The next version after the newest released (non-pre-release) tag. A pre-release of a version
 * counts up its `alpha.N` among the tags already there (`v4.1.0-alpha.1`, then `-alpha.2`).
 * With no release tag at all, the base is `initial` (the package.json version): its first
 * release is that version itself.
 * @param {{ tags: string[], message: string, initial?: string }} o
 * @returns {{ version: string, tag: string, bump: 'major' | 'minor' | 'patch', prerelease: boolean, major: number }}
 * @throws {Error} when `initial` is needed and is not MAJOR.MINOR.PATCH
 */
export function nextVersion({ tags, message, initial = '4.0.0' }) {
  const { bump, prerelease } = bumpOf(message);
  const versions = tags.map(parseVersion).filter(Boolean);
  const released = versions.filter((v) => v.pre === null).sort(compare).at(-1);
  let target;
  if (released) {
    target = bump === 'major' ? { major: released.major + 1, minor: 0, patch: 0 }
      : bump === 'minor' ? { major: released.major, minor: released.minor + 1, patch: 0 }
        : { major: released.major, minor: released.minor, patch: released.patch + 1 };
  } else {
    const first = parseVersion(initial);
    if (!first) throw new Error(`The initial version "${initial}" is not MAJOR.MINOR.PATCH.`);
    target = { major: first.major, minor: first.minor, patch: first.patch };
  }
  let version = `${target.major}.${target.minor}.${target.patch}`;
  if (prerelease) {
    const taken = versions
      .filter((v) => compare(v, target) === 0 && v.pre?.startsWith(`${PRERELEASE_ID}.`))
      .map((v) => Number(v.pre.slice(PRERELEASE_ID.length + 1)))
      .filter(Number.isInteger);
    version += `-${PRERELEASE_ID}.${Math.max(0, ...taken) + 1}`;
  }
  return { version, tag: `v${version}`, bump, prerelease, major: target.major };
}

/**
 * Writes `version` where the repository records it: package.json and package-lock.json (root
 * entries), the core's SUITE_VERSION, and CHANGELOG.md's `## Unreleased` heading (a fresh empty
 * `## Unreleased` section is put above it).
 * @param {string} root repository root
 * @param {string} version e.g. 4.1.0
 * @param {string} date YYYY-MM-DD
 * @throws {Error} when CHANGELOG.md has no `## Unreleased` section
 */
export function writeVersion(root, version, date) {
  const json = (file, edit) => {
    const data = JSON.parse(readFileSync(join(root, file), 'utf8'));
    edit(data);
    writeFileSync(join(root, file), `${JSON.stringify(data, null, 2)}\n`);
  };
  json('package.json', (p) => { p.version = version; });
  json('package-lock.json', (l) => {
    l.version = version;
    if (l.packages?.['']) l.packages[''].version = version;
  });
  const versionTs = join(root, 'packages/core/src/version.ts');
  writeFileSync(versionTs, readFileSync(versionTs, 'utf8').replace(/SUITE_VERSION = '[^']*'/, `SUITE_VERSION = '${version}'`));
  const changelog = join(root, 'CHANGELOG.md');
  const text = readFileSync(changelog, 'utf8');
  if (!/^## Unreleased$/m.test(text)) throw new Error('CHANGELOG.md has no "## Unreleased" section to release.');
  writeFileSync(changelog, text.replace(/^## Unreleased$/m, `## Unreleased\n\n## ${version} — ${date}`));
}

/**
 * The versions the repository records, which a release tag must name.
 * @param {string} root repository root
 * @returns {{ file: string, version: string | null }[]}
 */
export function recordedVersions(root) {
  const versionTs = readFileSync(join(root, 'packages/core/src/version.ts'), 'utf8');
  return [
    { file: 'package.json', version: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version ?? null },
    { file: 'packages/core/src/version.ts', version: /SUITE_VERSION = '([^']*)'/.exec(versionTs)?.[1] ?? null },
  ];
}

function main(args) {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const check = args.indexOf('--check');
  if (check >= 0) {
    const tag = args[check + 1] ?? '';
    if (!parseVersion(tag) || !tag.startsWith('v')) {
      console.error(`::error::"${tag}" is not a release tag (vMAJOR.MINOR.PATCH, optionally -alpha.N).`);
      process.exit(1);
    }
    const wrong = recordedVersions(root).filter((r) => `v${r.version}` !== tag);
    for (const r of wrong) console.error(`::error file=${r.file}::${r.file} records version ${r.version}, but the tag is ${tag}; run \`node scripts/next-version.mjs --write\`, commit, then tag.`);
    process.exit(wrong.length === 0 ? 0 : 1);
  }
  const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' });
  const tags = git('tag', '--list', 'v*').split('\n').filter(Boolean);
  const message = git('log', '-1', '--format=%B');
  const initial = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const next = nextVersion({ tags, message, initial });
  if (args.includes('--write')) writeVersion(root, next.version, new Date().toISOString().slice(0, 10));
  console.log(next.tag);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
