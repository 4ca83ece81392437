#!/usr/bin/env node
// Writes .github/workflows/mlops-local.yml: mlops.yml with this commit's actions
// (`uses: ./actions/<name>`) instead of the released ones (`akerbp/mlops/actions/<name>@v4`), so
// CI runs the reusable workflow as this commit has it. Nothing else differs (a test checks it).
//
//   node scripts/local-workflow.mjs           write the copy
//   node scripts/local-workflow.mjs --check   exit 1 when the committed copy is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SOURCE = '.github/workflows/mlops.yml';
export const COPY = '.github/workflows/mlops-local.yml';
export const HEADER = `# GENERATED from mlops.yml by \`npm run local-workflow\`: the same workflow with this commit's
# actions (uses: ./actions/<name>) instead of the released @v4 ones. CI calls it; do not edit.
`;
/** `akerbp/mlops/actions/<name>@<ref>` in a `uses:` value. */
export const RELEASED_REF = /(uses:\s*)akerbp\/mlops\/(actions\/[\w-]+)@[\w.-]+/g;

/**
 * The local-ref copy of a workflow's text.
 * @param {string} source the workflow as released
 * @returns {string} HEADER + source with every released action ref made local
 */
export function localWorkflow(source) {
  return HEADER + source.replace(RELEASED_REF, '$1./$2');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const fresh = localWorkflow(readFileSync(join(root, SOURCE), 'utf8'));
  if (process.argv.includes('--check')) {
    let committed = '';
    try { committed = readFileSync(join(root, COPY), 'utf8'); } catch { /* missing: out of date */ }
    if (committed !== fresh) {
      console.error(`::error file=${COPY}::${COPY} is out of date with ${SOURCE}: run \`npm run local-workflow\` and commit it.`);
      process.exit(1);
    }
  } else {
    writeFileSync(join(root, COPY), fresh);
  }
}
