/**
 * The benchmarks' child process: each subcommand does one measured thing with the real core and
 * prints one JSON line with its figures and its own peak RSS. bench/run.mjs bundles this file
 * with esbuild (the core is TypeScript) and runs each measurement in a fresh process, so one
 * measurement's memory never shows up in another's.
 *
 *   package <repo> <outDir>                 buildPackage of the repo's first model
 *   settings <repo> <runs>                  loadSettings: the first (cold) call and the median of the rest
 *   emulator <buildDelayMs>                 starts an emulator, prints its address, runs until killed
 *   transfer <emulatorJson> <file> <dest>   Model Manager transfer: upload then download of one file
 *   redeploy <repo> <outDir>                deploys twice; API calls and bytes of the second deploy
 *   pipeline <repo> <buildDelayMs> <concurrency>  the deploy pipeline over every model of the repo
 *   deploy-all <repo> <outDir> <buildDelayMs>      deployFunction of every model at once (packaged first, untimed)
 *   window <repo> <outDir> <buildDelayMs> <deploys> deploys back to back (new artifact versions) while a watcher
 *                                           polls the latest every 50 ms and a caller calls it through our client
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startEmulator, type RunningEmulator } from '@akerbp-mlops/cdf-emulator';
import {
  buildPackage, callByExternalId, createCdfClient, deployFunction, retrieveFunction, downloadFile, loadSettings, resolveCdfConfig, silentLogger, uploadFile,
  type ModelSettings,
} from '@akerbp-mlops/core';
import { runPipeline } from '../packages/core/src/pipeline/index.js';

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const now = () => performance.now();
const done = (result: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ ...result, maxRssMb: peakRssMb() })}\n`);

interface EmulatorAddress {
  url: string;
  project: string;
  tokenUrl: string;
}

function clientFor(emu: EmulatorAddress) {
  const config = resolveCdfConfig(
    { 'cdf-project': emu.project, 'cdf-base-url': emu.url, 'token-url': emu.tokenUrl, 'client-id': 'bench', 'client-secret': 'bench' },
    {},
  );
  return createCdfClient(config, { access: 'write' });
}

async function firstModel(repo: string): Promise<ModelSettings> {
  const settings = await loadSettings({ file: 'mlops_settings.yaml', repoRoot: repo, env: 'dev' });
  return settings.models[0];
}

async function packageFirst(repo: string, outDir: string) {
  return packageOne(repo, outDir, await firstModel(repo));
}

function packageOne(repo: string, outDir: string, model: ModelSettings) {
  return buildPackage({
    repoRoot: repo, model, service: 'prediction', env: 'dev', version: 1, artifactFolder: join(repo, model.artifactFolder as string),
    outputDir: outDir, suiteVersion: 'bench', maxZipBytes: Number.POSITIVE_INFINITY, log: silentLogger,
  });
}

/** Requests that reached the CDF API (not the token endpoint), and bytes PUT to upload URLs. */
function apiTraffic(emu: RunningEmulator, from: number) {
  const entries = emu.requests.slice(from);
  return {
    calls: entries.filter((r) => r.path.startsWith('/api/')).length,
    uploadedBytes: entries.filter((r) => r.path.startsWith('/_emulator/upload/')).reduce((sum, r) => sum + r.requestBytes, 0),
    paths: entries.map((r) => `${r.method} ${r.path}`),
  };
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  async package([repo, outDir]) {
    const start = now();
    const built = await packageFirst(resolve(repo), resolve(outDir));
    done({ ms: now() - start, size: built.size, files: built.manifest.length });
  },

  async settings([repo, runs]) {
    const load = async () => {
      const start = now();
      const s = await loadSettings({ file: 'mlops_settings.yaml', repoRoot: resolve(repo), env: 'test' });
      return { ms: now() - start, models: s.models.length };
    };
    const first = await load();
    const rest: number[] = [];
    for (let i = 1; i < Number(runs); i++) rest.push((await load()).ms);
    rest.sort((a, b) => a - b);
    done({ firstMs: first.ms, models: first.models, warmMedianMs: rest.length ? rest[Math.floor(rest.length / 2)] : first.ms });
  },

  async emulator([buildDelayMs]) {
    const emu = await startEmulator({ buildDelayMs: Number(buildDelayMs) });
    process.stdout.write(`${JSON.stringify({ url: emu.url, project: emu.project, tokenUrl: emu.tokenUrl })}\n`);
    const stop = () => void emu.stop().then(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    await new Promise(() => {});
  },

  // The Model Manager's byte path (createVersion → uploadFile, fetchBytes → downloadFile) on the
  // API's own upload/download URLs, so the baseline can move exactly the same bytes.
  async transfer([emulatorJson, file, dest]) {
    const client = await clientFor(JSON.parse(emulatorJson) as EmulatorAddress);
    const { size } = await stat(file);
    const up = now();
    const created = await client.files.upload({ name: 'bench.bin', externalId: `bench/${Date.now()}/${Math.random()}` }, undefined, false);
    await uploadFile(client, (created as unknown as { uploadUrl: string }).uploadUrl, file, size, 'application/octet-stream');
    const uploadMs = now() - up;
    const down = now();
    const [link] = await client.files.getDownloadUrls([{ id: created.id }]);
    const digest = await downloadFile(client, link.downloadUrl, dest, undefined, size);
    const downloadMs = now() - down;
    if (digest.size !== size) throw new Error(`downloaded ${digest.size} bytes, uploaded ${size}`);
    done({ uploadMs, downloadMs, size });
  },

  async redeploy([repo, outDir]) {
    const emu = await startEmulator({ buildDelayMs: 200 });
    try {
      const client = await clientFor(emu);
      const model = await firstModel(resolve(repo));
      const pkg = await packageFirst(resolve(repo), resolve(outDir));
      const deploy = () => deployFunction({
        client, model, service: 'prediction', env: 'dev', packagePath: pkg.path, packageSha256: pkg.sha256, version: 1,
        smokeTest: false, waitTimeoutMs: 120_000, log: silentLogger,
      });
      const before = emu.requests.length;
      await deploy();
      const first = apiTraffic(emu, before);
      const again = emu.requests.length;
      const second = await deploy();
      const redeploy = apiTraffic(emu, again);
      done({ first: { calls: first.calls, uploadedBytes: first.uploadedBytes }, second: redeploy, changed: second.changed, packageBytes: pkg.size });
    } finally {
      await emu.stop();
    }
  },

  // The latest's window: how long <model>-prediction-dev has no Ready function per deploy, and
  // whether calls through our client (callByExternalId, with its fallback) fail meanwhile.
  async window([repo, outDir, buildDelayMs, deploys]) {
    const emu = await startEmulator({ buildDelayMs: Number(buildDelayMs), callTimeoutMs: 60_000 });
    try {
      const client = await clientFor(emu);
      const model = await firstModel(resolve(repo));
      const payload = { data: { ACS: [180.0], RDEP: [2.5], DEN: [2.3] } };
      const deploy = async (version: number) => {
        const pkg = await buildPackage({
          repoRoot: resolve(repo), model, service: 'prediction', env: 'dev', version, artifactFolder: join(resolve(repo), model.artifactFolder as string),
          outputDir: resolve(outDir), suiteVersion: 'bench', maxZipBytes: Number.POSITIVE_INFINITY, log: silentLogger,
        });
        await deployFunction({ client, model, service: 'prediction', env: 'dev', packagePath: pkg.path, packageSha256: pkg.sha256, version, testPayload: payload, waitTimeoutMs: 600_000, log: silentLogger });
      };
      await deploy(1);
      const latestXid = `${model.modelName}-prediction-dev`;
      let running = true;
      let unavailableMs = 0;
      const watcher = (async () => {
        let last = now();
        while (running) {
          const fn = await retrieveFunction(client, { externalId: latestXid });
          const t = now();
          if (fn?.status !== 'Ready') unavailableMs += t - last;
          last = t;
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      let calls = 0;
      const failures: string[] = [];
      const caller = (async () => {
        while (running) {
          calls++;
          await callByExternalId(client, latestXid, payload).then(
            (r) => { if ((r.response as { status?: string }).status !== 'ok') failures.push(JSON.stringify(r.response)); },
            (e: Error) => failures.push(e.message),
          );
        }
      })();
      const count = Number(deploys);
      const start = now();
      for (let v = 2; v < 2 + count; v++) await deploy(v);
      const ms = now() - start;
      running = false;
      await Promise.all([watcher, caller]);
      done({ deploys: count, ms, unavailableMs, calls, failedCalls: failures.length, firstFailure: failures[0] ?? null });
    } finally {
      await emu.stop();
    }
  },

  async pipeline([repo, buildDelayMs, concurrency]) {
    const emu = await startEmulator({ buildDelayMs: Number(buildDelayMs) });
    try {
      const start = now();
      const result = await runPipeline({
        repoRoot: resolve(repo), settingsFile: 'mlops_settings.yaml', env: 'dev', testingOnly: false, python: 'python3',
        installRequirements: false, concurrency: Number(concurrency), cdfClient: () => clientFor(emu), outputDir: '.mlops', log: silentLogger,
      });
      const ms = now() - start;
      if (result.failed.length) throw new Error(`pipeline failed: ${JSON.stringify(result.failed).slice(0, 2000)}`);
      done({ ms, models: Object.keys(result.results).length });
    } finally {
      await emu.stop();
    }
  },

  async 'deploy-all'([repo, outDir, buildDelayMs]) {
    const emu = await startEmulator({ buildDelayMs: Number(buildDelayMs) });
    try {
      const client = await clientFor(emu);
      const { models } = await loadSettings({ file: 'mlops_settings.yaml', repoRoot: resolve(repo), env: 'dev' });
      const packages = [];
      for (const model of models) packages.push({ model, pkg: await packageOne(resolve(repo), resolve(outDir), model) });
      const start = now();
      await Promise.all(packages.map(({ model, pkg }) => deployFunction({
        client, model, service: 'prediction', env: 'dev', packagePath: pkg.path, packageSha256: pkg.sha256, version: 1,
        waitTimeoutMs: 120_000, log: silentLogger,
      })));
      done({ ms: now() - start, models: models.length });
    } finally {
      await emu.stop();
    }
  },
};

const [name, ...args] = process.argv.slice(2);
const command = commands[name ?? ''];
if (!command) {
  process.stderr.write(`unknown bench runner command "${name}"; one of ${Object.keys(commands).join(', ')}\n`);
  process.exit(2);
}
await command(args);
// Handles (emulator sockets, SDK agents) must not keep a finished measurement alive.
process.exit(0);
