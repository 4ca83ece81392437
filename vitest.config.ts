import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // GitHub's parser imports its JSON schemas without import attributes, which Node 20 refuses;
    // inlining lets vite load them.
    server: { deps: { inline: [/@actions\/workflow-parser/, /@actions\/expressions/] } },
    // CI has two cores; more workers only thrash the Python subprocesses the tests start.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
