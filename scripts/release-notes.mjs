#!/usr/bin/env node
// The release notes of one version: its section of CHANGELOG.md (the lines under `## <version>`
// up to the next `## ` heading). The release workflow passes them to `gh release create`.
//
//   node scripts/release-notes.mjs v4.1.0 > notes.md     exit 1 when CHANGELOG.md has no such section
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @param {string} changelog CHANGELOG.md's text
 * @param {string} version `4.1.0` or `v4.1.0`
 * @returns {string | null} the section's body, trimmed; null when there is no `## <version>` heading
 */
export function releaseNotes(changelog, version) {
  const bare = version.replace(/^v/, '');
  const lines = changelog.split('\n');
  const start = lines.findIndex((l) => l.startsWith('## ') && (l.slice(3).split(/\s/)[0] === bare));
  if (start < 0) return null;
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const version = process.argv[2] ?? '';
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const notes = releaseNotes(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), version);
  if (notes === null) {
    console.error(`::error file=CHANGELOG.md::CHANGELOG.md has no "## ${version.replace(/^v/, '')}" section; run \`node scripts/next-version.mjs --write\` before tagging.`);
    process.exit(1);
  }
  console.log(notes || `Release ${version}.`);
}
