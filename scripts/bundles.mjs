// The one list of bundles: action entry points and the CLI. build.mjs and check-dist.mjs read it.
export const bundles = [
  { name: 'validate-settings', entry: 'actions/validate-settings/main.ts' },
  { name: 'test-model', entry: 'actions/test-model/main.ts' },
  { name: 'package-model', entry: 'actions/package-model/main.ts' },
  { name: 'deploy-cdf-function', entry: 'actions/deploy-cdf-function/main.ts' },
  { name: 'promote-artifact', entry: 'actions/promote-artifact/main.ts' },
  { name: 'deploy', entry: 'deploy/main.ts' },
  { name: 'cli', entry: 'packages/cli/src/main.ts' },
];

// Non-JS files every bundle carries: the Python function runtime and the emulator's Python side.
export const assets = [
  { from: 'packages/core/runtime', to: 'assets/runtime' },
  { from: 'packages/cdf-emulator/python', to: 'assets/emulator-python' },
];
