/**
 * What the tests of one run share across its models: each model's test package (built once, its
 * missing artifact folder downloaded once), and the local CDF the service tests run against.
 *
 * That local CDF (an embedded emulator, started on first use) holds nothing of the target CDF:
 * the service test runs code we did not write, with no write credentials (its handlers get the
 * read pair's dashed secrets, as deployed functions do). It does hold the repository's
 * other models that a model's code names: before the service test, this run's prediction package
 * of each such model P is deployed to it as `P-prediction-<env>` (the run's env, which is also
 * the service test's MODEL_ENV) when the code names P as a word other than in a spelled-out
 * external id, and as `P-prediction-<e>` for each env whose external id the code spells out. So a ServiceTest whose model calls another model
 * of the repository with `call_function` is answered by that model's code as this run packaged
 * it, through the emulator's function calls (a session, a subprocess, as CDF runs it), whatever
 * order the models are tested in. Reading the code first keeps repositories whose models never
 * call each other from paying for builds they do not use.
 *
 * It holds the artifacts the run has on hand too, so `mm.download_model_version` and
 * `mm.get_model_version_overview` in model code work there as deployed: the artifact folder of
 * the model under test and of each model its code names, each stored as the version it was
 * packaged as (`<model>/<env>/<version>`, e.g. a downloaded `vsh/test/2`, a local `vsh/dev/1`) in
 * the model's data set (default `mlops`). Other versions, and their metadata, are not there.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CogniteClient } from '@cognite/sdk';
import { ModelManager } from '../artifacts/manager.js';
import { cdfArtifactSource } from '../artifacts/source.js';
import { clientOnFirstUse } from '../cdf/client.js';
import { createFunction, waitForReady } from '../cdf/functions.js';
import { uploadCodeFile } from '../deploy/code-file.js';
import { readCredentialSecrets } from '../deploy/credential-secrets.js';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { ENVIRONMENTS, type Env, type ModelSettings, type Service, servicesOf } from '../settings/types.js';
import { collectFolder } from '../packaging/collect.js';
import { packageModel, type PackagedModel } from '../packaging/package-models.js';
import { localArtifactSource, type ArtifactSource } from '../packaging/sources.js';
import { fetchMissingArtifactFolder } from './artifact-folder.js';
import { emulatorToken, type EmulatorEndpoint } from './service-test.js';

export interface TestRunOptions {
  repoRoot: string;
  settingsFile: string;
  /** every model the run loaded: the ones tested and the ones their service tests may call */
  models: ModelSettings[];
  python: string;
  /** packages go to `<outDir>/packages` (absolute) */
  outDir: string;
  /** whose artifacts a missing artifact folder is downloaded from, and MODEL_ENV in the service test; absent: dev (none is) */
  artifactEnv?: Env;
  /**
   * per model name: the artifact version to download when its folder is missing (the step's
   * `artifact-version` applies to the models it tests only); a model not named here gets its
   * settings' artifact_version, else the latest in the env
   */
  artifactVersions?: Readonly<Record<string, number>>;
  /** false: a missing artifact folder that cannot be downloaded is a warning; default true */
  artifactRequired?: boolean;
  /** made on first use, only when an artifact folder must be downloaded or a helper model's package fetched */
  cdfClient?: () => Promise<CogniteClient>;
}

/** A running emulator as startEmulator returns it. */
type Emulator = EmulatorEndpoint & { stop(): Promise<void> };

export class TestRun {
  private readonly downloads = new Map<string, Promise<{ env: Env; version: number } | null>>();
  private readonly packages = new Map<string, Promise<PackagedModel>>();
  /** per external id of the local CDF */
  private readonly seeded = new Map<string, Promise<void>>();
  /** per model: its prediction package, uploaded to the local CDF */
  private readonly codeFiles = new Map<string, Promise<{ pkg: PackagedModel; file: { id: number } }>>();
  /** per model: the artifact version its packages were built with, stored in the local CDF on first use */
  private readonly artifacts = new Map<string, { model: ModelSettings; env: Env; version: number }>();
  private readonly storedArtifacts = new Map<string, Promise<void>>();
  private readonly shared?: () => Promise<CogniteClient>;
  private emulator?: Promise<{ running: Emulator; client: CogniteClient }>;

  constructor(private readonly o: TestRunOptions) {
    this.shared = o.cdfClient && clientOnFirstUse(o.cdfClient);
  }

  /** The env the run tests for: artifacts come from it, and the service test's MODEL_ENV is it. */
  get env(): Env {
    return this.o.artifactEnv ?? 'dev';
  }

  /**
   * The model's package of `service` as the tests use it: its artifact folder downloaded first
   * when missing outside dev (once per run), then packaged (once per run and service) as
   * package-model does; a downloaded version is packaged as what it is, so the service test's
   * model_id names it. Throws MlopsError as fetchMissingArtifactFolder and packageModel do.
   */
  packageFor(model: ModelSettings, service: Service, log: Logger): Promise<PackagedModel> {
    const key = `${model.modelName}\n${service}`;
    let pkg = this.packages.get(key);
    if (!pkg) {
      pkg = this.build(model, service, log);
      this.packages.set(key, pkg);
    }
    return pkg;
  }

  private async build(model: ModelSettings, service: Service, log: Logger): Promise<PackagedModel> {
    let download = this.downloads.get(model.modelName);
    if (!download) {
      let source: Promise<ArtifactSource> | undefined;
      download = fetchMissingArtifactFolder({
        repoRoot: this.o.repoRoot, model, env: this.env, version: this.o.artifactVersions?.[model.modelName] ?? null, required: this.o.artifactRequired ?? true, log,
        source: () => (source ??= this.cdfArtifacts(log)),
      });
      this.downloads.set(model.modelName, download);
    }
    const downloaded = await download;
    const local = localArtifactSource(this.o.repoRoot);
    const pkg = await packageModel({
      settingsFile: this.o.settingsFile, workingDirectory: this.o.repoRoot, models: [], env: downloaded?.env ?? 'dev', service,
      artifactSource: 'local', artifactVersion: downloaded?.version ?? null, outputDir: join(this.o.outDir, 'packages'), cdfClient: this.shared, log,
    }, this.o.repoRoot, model, async () => local);
    if (model.artifactFolder) this.artifacts.set(model.modelName, { model, env: pkg.env, version: pkg.version });
    return pkg;
  }

  /**
   * Stores the artifact folder of each named model the run packaged in the local CDF as the
   * version it was packaged as (once per model; see the module comment). A folder that cannot be
   * stored is a warning: model code reading it then fails saying what the local CDF holds.
   */
  private storeArtifacts(client: CogniteClient, names: string[], log: Logger): Promise<unknown> {
    return Promise.all(names.map((name) => {
      const a = this.artifacts.get(name);
      if (!a?.model.artifactFolder) return undefined;
      let storing = this.storedArtifacts.get(name);
      if (!storing) {
        const { model, env, version } = a;
        const dataset = model.dataset ?? 'mlops';
        storing = (async () => {
          const [known] = await client.datasets.retrieve([{ externalId: dataset }], { ignoreUnknownIds: true });
          if (!known) await client.datasets.create([{ externalId: dataset, name: dataset }]);
          await new ModelManager({ client, dataset }).storeCopy(name, env, version, join(this.o.repoRoot, model.artifactFolder as string));
          log.info(`Service tests can read artifacts ${name}/${env}/${version} (mm.download_model_version): this run's artifact folder of ${name}.`);
        })().catch((err: unknown) => log.warning(`${name}/${env}/${version} is not readable in the service tests (${String((err as Error).message ?? err).split('\n')[0]}).`));
        this.storedArtifacts.set(name, storing);
      }
      return storing;
    }));
  }

  private async cdfArtifacts(log: Logger): Promise<ArtifactSource> {
    if (!this.shared) throw new MlopsError('no CDF credentials were given.');
    return cdfArtifactSource(await this.shared(), undefined, log);
  }

  /**
   * The local CDF for `model`'s service test, holding the run's models its code names (see the
   * module comment). A model that cannot be packaged or built there is left out with a warning:
   * its own test reports why, and a call to it fails saying the function is missing.
   */
  async serviceTestCdf(model: ModelSettings, log: Logger): Promise<EmulatorEndpoint> {
    const { running, client } = await (this.emulator ??= this.startEmulator());
    const called = await functionsNamedBy(this.o.repoRoot, model, this.o.models, this.env);
    await Promise.all(called.map(({ peer, externalIds }) => Promise.all(externalIds.map((externalId) => {
      let seeding = this.seeded.get(externalId);
      if (!seeding) {
        seeding = this.seed(client, peer, externalId, log).catch((err: unknown) => {
          if (!(err instanceof MlopsError)) throw err;
          log.warning(`${externalId} is not callable in the service tests (${err.message.split('\n')[0]}).`);
        });
        this.seeded.set(externalId, seeding);
      }
      return seeding;
    }))));
    await this.storeArtifacts(client, [model.modelName, ...called.map((c) => c.peer.modelName)], log);
    return running;
  }

  private async startEmulator(): Promise<{ running: Emulator; client: CogniteClient }> {
    // Loaded on demand: only the service test runs handlers. Every function runs with the
    // interpreter the tests use (the model's requirements are installed there).
    const { startEmulator } = await import('@akerbp-mlops/cdf-emulator');
    const running = await startEmulator({ python: this.o.python, pythonPerRuntime: false, buildDelayMs: 0 });
    const token = await emulatorToken(running);
    const { CogniteClient } = await import('@cognite/sdk');
    const client = new CogniteClient({ appId: 'akerbp-mlops-service-test', project: running.project, baseUrl: running.url, oidcTokenProvider: async () => token });
    await client.authenticate();
    return { running, client };
  }

  private async seed(client: CogniteClient, peer: ModelSettings, externalId: string, log: Logger): Promise<void> {
    let upload = this.codeFiles.get(peer.modelName);
    if (!upload) {
      upload = this.packageFor(peer, 'prediction', log).then(async (pkg) => ({
        pkg, file: await uploadCodeFile(client, { packagePath: pkg.path, sha256: pkg.sha256, externalId: `service-test/${peer.modelName}`, dataset: null, metadata: {}, log }),
      }));
      this.codeFiles.set(peer.modelName, upload);
    }
    const { pkg, file } = await upload;
    const secrets = readCredentialSecrets(process.env);
    await createFunction(client, {
      name: peer.humanFriendlyModelName, externalId, fileId: file.id, functionPath: 'handler.py', runtime: peer.pythonVersion,
      metadata: { version: String(pkg.version) }, envVars: { MODEL_ENV: externalId.split('-')[2], SERVICE_NAME: 'prediction' },
      // As the service test's own handler (and a deployed function): the read pair's dashed secrets, when configured.
      ...(Object.keys(secrets).length ? { secrets } : {}),
    });
    await waitForReady(client, { externalId }, { initialIntervalMs: 100, maxIntervalMs: 1000, timeoutMs: 10 * 60_000 });
    log.info(`Service tests can call ${externalId}: this run's package of ${peer.modelName} (artifact version ${pkg.version}).`);
  }

  /** Stops the emulator, if one was started. */
  async stop(): Promise<void> {
    const started = await this.emulator?.catch(() => undefined);
    await started?.running.stop();
  }
}

/** Text files of model code worth reading for function names (what code and its config are written in). */
const CODE_TEXT = /\.(py|ya?ml|json|toml|cfg|ini|txt)$/i;
const MAX_CODE_BYTES = 1_000_000;

/**
 * The external ids of the repository's prediction functions that `model`'s code folder (the top
 * folder of model_file, as packaged) names: see the module comment. Models sharing a folder name
 * each other; that only costs a build.
 */
export async function functionsNamedBy(repoRoot: string, model: ModelSettings, models: ModelSettings[], env: Env): Promise<{ peer: ModelSettings; externalIds: string[] }[]> {
  const peers = models.filter((m) => m.modelName !== model.modelName && servicesOf(m).includes('prediction'));
  if (!peers.length) return [];
  const topFolder = model.modelFile.split('/')[0];
  const entries = await collectFolder(join(repoRoot, topFolder), topFolder, { allowedRoot: repoRoot, describe: (p) => p });
  const texts = await Promise.all(entries.filter((e) => e.path && e.size <= MAX_CODE_BYTES && CODE_TEXT.test(e.zipPath)).map((e) => readFile(e.path as string, 'utf8')));
  const code = texts.join('\n');
  // Model names are [A-Za-z0-9_]+ (validated), so they are regular expressions of themselves.
  const named = (text: string, unless = '') => new RegExp(`(?<![A-Za-z0-9_])${text}(?![A-Za-z0-9_]${unless})`).test(code);
  // A name spelled out with its env (`gamma-prediction-prod`) names that function only.
  const spelledOut = `|-(?:prediction|training)-(?:${ENVIRONMENTS.join('|')})(?![A-Za-z0-9_])`;
  return peers.flatMap((peer) => {
    const externalIds = ENVIRONMENTS.map((e) => `${peer.modelName}-prediction-${e}`)
      .filter((xid, i) => named(xid) || (ENVIRONMENTS[i] === env && named(peer.modelName, spelledOut)));
    return externalIds.length ? [{ peer, externalIds }] : [];
  });
}
