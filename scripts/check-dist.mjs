// Fails when the committed dist/ differs from a fresh build (the check-dist of actions/typescript-action).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fresh = mkdtempSync(join(tmpdir(), 'mlops-dist-'));
try {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', fresh], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const diff = spawnSync('git', ['diff', '--no-index', '--stat', '--', 'dist', fresh], { stdio: 'inherit' });
  if (diff.status !== 0) {
    console.error('::error::dist/ is out of date: run `npm run build` and commit dist/.');
    process.exit(1);
  }
  console.log('dist/ matches a fresh build.');
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
