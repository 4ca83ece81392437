/**
 * The emulator stands on its own: its sources import only Node built-ins, each other, and the
 * npm packages its package.json declares; never the suite's core (or any other workspace package).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const declared = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {});

/** Every module specifier in a TypeScript file: static imports, re-exports and dynamic import(). */
function specifiers(text: string): string[] {
  const found = [...text.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)];
  return found.map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('packages/cdf-emulator/src', () => {
  const files = readdirSync(src).filter((f) => f.endsWith('.ts'));

  it('imports nothing from the core or outside its own folder', () => {
    const offending: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(readFileSync(join(src, file), 'utf8'))) {
        const builtin = spec.startsWith('node:') || builtinModules.includes(spec);
        const local = spec.startsWith('.') && resolve(src, spec).startsWith(src);
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!builtin && !local && !declared.includes(pkg)) offending.push(`${file}: ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('the check can fail: it sees a core import', () => {
    expect(specifiers("import { MlopsError } from '@akerbp-mlops/core';\nconst x = await import('../../core/src/index.js');")).toEqual(['@akerbp-mlops/core', '../../core/src/index.js']);
  });
});
