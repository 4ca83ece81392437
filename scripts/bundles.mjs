// The one list of bundles: action entry points and the CLI. build.mjs and check-dist.mjs read it.

// Non-JS files a bundle may carry: the Python function runtime (zipped into every function
// package; core assetDir()) and the emulator's Python side (runs and checks a handler; the
// emulator's pythonDir()), for bundles that run the emulator or its runHandler.
export const assets = {
  runtime: { from: 'packages/core/runtime', to: 'assets/runtime' },
  'emulator-python': { from: 'packages/cdf-emulator/python', to: 'assets/emulator-python' },
};

// Each bundle carries only the assets its code can reach.
export const bundles = [
  { name: 'validate-settings', entry: 'actions/validate-settings/main.ts', assets: [] },
  { name: 'test-model', entry: 'actions/test-model/main.ts', assets: ['runtime', 'emulator-python'] },
  { name: 'package-model', entry: 'actions/package-model/main.ts', assets: ['runtime'] },
  { name: 'deploy-cdf-function', entry: 'actions/deploy-cdf-function/main.ts', assets: ['runtime'] },
  { name: 'promote-artifact', entry: 'actions/promote-artifact/main.ts', assets: [] },
  // The post step of deploy-cdf-function, deploy/ and the root action (reads GITHUB_STATE).
  { name: 'deploy-post', entry: 'actions/deploy-cdf-function/post.ts', assets: [] },
  { name: 'deploy', entry: 'deploy/main.ts', assets: ['runtime', 'emulator-python'] },
  { name: 'cli', entry: 'packages/cli/src/main.ts', assets: ['runtime', 'emulator-python'] },
];
