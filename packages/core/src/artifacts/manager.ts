/**
 * The Model Manager: versioned model artifacts in CDF Files, in the Python package's format
 * (external id `<model>/<env>/<version>`, directory /mlops, .tar.gz, metadata `version`), so
 * artifacts written by either tool work with the other.
 */
import type { CogniteClient, FileInfo } from '@cognite/sdk';
import { join } from 'node:path';
import { listFunctions } from '../cdf/functions.js';
import { CdfApiError, sdkCall } from '../cdf/retry.js';
import { MlopsError } from '../errors.js';
import { progressTask, silentLogger, type Logger } from '../logger.js';
import { ARTIFACT_DIRECTORY, DEFAULT_DATASET, artifactExternalId, parseArtifactExternalId } from '../naming.js';
import { ENVIRONMENTS, type Env } from '../settings/types.js';
import { createArchive, extractArchive, type Digest } from './archive.js';
import { artifactMetadataValue } from './metadata-value.js';
import { downloadFile, uploadFile } from './transfer.js';
import { withTempDir } from '../temp.js';

export interface ArtifactVersion {
  id: number;
  externalId: string;
  model: string;
  env: Env;
  version: number;
  /** all metadata as stored (strings) */
  metadata: Record<string, string>;
  /** absent on artifacts written by the Python package */
  sha256?: string;
  size?: number;
  promotedFrom?: string;
  uploaded: boolean;
  /** epoch ms */
  createdTime: number;
}

export interface Provenance {
  gitSha?: string;
  runUrl?: string;
  /** GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT (function metadata falls back to them when the URL is too long) */
  runId?: string;
  runAttempt?: string;
}

export interface PromotionResult {
  source: ArtifactVersion;
  target: ArtifactVersion;
  sha256: string;
  /** the source had been promoted before; nothing was copied */
  alreadyPromoted: boolean;
}

export interface ModelManagerOptions {
  client: CogniteClient;
  /** data set external id; null = no data set (as the Python package allowed); default `mlops` */
  dataset?: string | null;
  log?: Logger;
}

/** Metadata keys the Model Manager writes itself; user metadata may not set them. */
export const ARTIFACT_METADATA_KEYS = ['version', 'sha256', 'size', 'git_sha', 'run_url', 'promoted_from'] as const;
const MIME_TYPE = 'application/gzip';
const PROMOTIONS: Record<string, Env> = { dev: 'test', test: 'prod' };
/** Concurrent uploads race for version numbers; this many collisions in a row means something else is wrong. */
const MAX_VERSION_COLLISIONS = 50;

/** Provenance from the GitHub runner's environment, when there is one. */
export function provenanceFromEnv(env: NodeJS.ProcessEnv = process.env): Provenance {
  const runUrl = env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
    ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
    : undefined;
  return { gitSha: env.GITHUB_SHA || undefined, runUrl, runId: env.GITHUB_RUN_ID || undefined, runAttempt: env.GITHUB_RUN_ATTEMPT || undefined };
}

function toVersion(file: FileInfo): ArtifactVersion | null {
  const parsed = file.externalId ? parseArtifactExternalId(file.externalId) : null;
  if (!parsed) return null;
  const metadata = (file.metadata ?? {}) as Record<string, string>;
  const size = metadata.size !== undefined ? Number(metadata.size) : undefined;
  return {
    id: file.id,
    externalId: file.externalId as string,
    ...parsed,
    metadata,
    sha256: metadata.sha256 || undefined,
    size: Number.isFinite(size) ? size : undefined,
    promotedFrom: metadata.promoted_from || undefined,
    uploaded: file.uploaded,
    createdTime: new Date(file.createdTime).getTime(),
  };
}

/** A version typed by a user ('' or 'latest' = the latest). */
export function parseVersionArgument(raw: string | undefined, field = 'version'): number | null {
  const text = (raw ?? '').trim();
  if (text === '' || text === 'latest') return null;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new MlopsError(`"${field}" must be a version number (1, 2, ...) or empty for the latest, got "${text}".`, [{ field, message: 'must be a positive whole number' }]);
  return n;
}

function checkEnv(env: string): Env {
  if (!(ENVIRONMENTS as readonly string[]).includes(env)) throw new MlopsError(`Unknown environment "${env}"; use one of ${ENVIRONMENTS.join(', ')}.`);
  return env as Env;
}

function checkModel(model: string): void {
  if (!/^[A-Za-z0-9_]+$/.test(model)) throw new MlopsError(`Model name "${model}" is not valid: use letters, digits and _ only (as model_name in mlops_settings.yaml).`);
}

export class ModelManager {
  private readonly client: CogniteClient;
  private readonly dataset: string | null;
  private readonly log: Logger;
  private dataSetId: Promise<number | undefined> | undefined;

  constructor(options: ModelManagerOptions) {
    this.client = options.client;
    this.dataset = options.dataset === undefined ? DEFAULT_DATASET : options.dataset;
    this.log = options.log ?? silentLogger;
  }

  private resolveDataSetId(): Promise<number | undefined> {
    const xid = this.dataset;
    if (!xid) return Promise.resolve(undefined);
    this.dataSetId ??= sdkCall(this.client, 'POST /datasets/byids', () => this.client.datasets.retrieve([{ externalId: xid }], { ignoreUnknownIds: true }), true).then(([ds]) => {
      if (!ds) throw new MlopsError(`Data set "${xid}" does not exist in CDF project ${this.client.project}; create it or choose another with the dataset setting/input.`);
      return ds.id;
    });
    return this.dataSetId;
  }

  /** Every artifact file under a prefix, all pages. `inDataSet` false counts files in any data set. */
  private async listFiles(externalIdPrefix: string | undefined, inDataSet = true): Promise<ArtifactVersion[]> {
    const dataSetId = inDataSet ? await this.resolveDataSetId() : undefined;
    const filter = {
      directoryPrefix: ARTIFACT_DIRECTORY,
      ...(externalIdPrefix ? { externalIdPrefix } : {}),
      ...(dataSetId !== undefined ? { dataSetIds: [{ id: dataSetId }] } : {}),
    };
    const files = await sdkCall(this.client, 'POST /files/list', () => this.client.files.list({ filter, limit: 1000 }).autoPagingToArray({ limit: Infinity }), true);
    return files.map(toVersion).filter((v): v is ArtifactVersion => v !== null && v.externalId.startsWith(externalIdPrefix ?? ''));
  }

  /** Every version with its metadata, newest first (all pages). */
  async overview(filter: { model?: string; env?: string } = {}): Promise<ArtifactVersion[]> {
    if (filter.model) checkModel(filter.model);
    const env = filter.env ? checkEnv(filter.env) : undefined;
    const prefix = filter.model ? `${filter.model}/${env ? `${env}/` : ''}` : undefined;
    const versions = (await this.listFiles(prefix)).filter((v) => !env || v.env === env);
    return versions.sort((a, b) => b.createdTime - a.createdTime || a.model.localeCompare(b.model) || b.version - a.version);
  }

  /** One version, or the latest uploaded one when `version` is null. */
  async getVersion(model: string, env: string, version: number | null = null): Promise<ArtifactVersion> {
    checkModel(model);
    const e = checkEnv(env);
    const all = (await this.listFiles(`${model}/${e}/`)).sort((a, b) => b.version - a.version);
    const found = version === null ? all.find((v) => v.uploaded) : all.find((v) => v.version === version);
    if (found) return found;
    const known = all.map((v) => v.version).join(', ') || 'none';
    const what = version === null ? `any artifact of model "${model}" in ${e}` : `artifact ${artifactExternalId(model, e, version)}`;
    throw new MlopsError(`Could not find ${what} in data set ${this.dataset ?? '(none)'} (versions in ${e}: ${known}). Upload one (dev/test) or promote one.`);
  }

  /** Highest version ever used in `env` (any data set, uploaded or not: external ids are project-wide) + 1. */
  private async nextVersion(model: string, env: Env): Promise<number> {
    const all = await this.listFiles(`${model}/${env}/`, false);
    return all.reduce((max, v) => Math.max(max, Number(v.metadata.version) || v.version), 0) + 1;
  }

  /**
   * Creates the next free version from an archive on disk; a concurrent writer's version is
   * skipped. With `exactVersion`, that version or a CdfApiError (409 when it exists).
   */
  private async createVersion(model: string, env: Env, archive: { file: string } & Digest, metadata: Record<string, string>, exactVersion?: number): Promise<ArtifactVersion> {
    const dataSetId = await this.resolveDataSetId();
    let version = exactVersion ?? await this.nextVersion(model, env);
    for (let collisions = 0; ; collisions++) {
      const externalId = artifactExternalId(model, env, version);
      const fileInfo = {
        externalId,
        name: `${model}_${env}_${version}.tar.gz`,
        directory: ARTIFACT_DIRECTORY,
        mimeType: MIME_TYPE,
        metadata: { ...metadata, version: String(version), sha256: archive.sha256, size: String(archive.size) },
        ...(dataSetId !== undefined ? { dataSetId } : {}),
      };
      let created;
      try {
        // overwrite=false: a duplicate external id means someone else took this version.
        created = await sdkCall(this.client, 'POST /files', () => this.client.files.upload(fileInfo, undefined, false), false);
      } catch (err) {
        if (exactVersion === undefined && err instanceof CdfApiError && err.status === 409 && collisions < MAX_VERSION_COLLISIONS) {
          this.log.debug(`${externalId} was taken meanwhile; trying version ${version + 1}.`);
          version++;
          continue;
        }
        throw err;
      }
      const { uploadUrl } = created as FileInfo & { uploadUrl: string };
      const progress = progressTask(this.log, `upload:${externalId}`, `Uploading ${externalId}`, 'bytes');
      try {
        await uploadFile(this.client, uploadUrl, archive.file, archive.size, MIME_TYPE, progress.update);
      } catch (err) {
        // Leave no empty version behind; the next upload would skip its number otherwise.
        await this.client.files.delete([{ id: created.id }]).catch(() => {});
        throw err;
      } finally {
        progress.end();
      }
      this.log.info(`Uploaded ${externalId} (${archive.size} bytes, sha256 ${archive.sha256.slice(0, 12)}…).`);
      return this.waitUploaded(created.id, externalId);
    }
  }

  /** CDF marks a file uploaded shortly after the PUT; downloads fail before that. */
  private async waitUploaded(id: number, externalId: string): Promise<ArtifactVersion> {
    const deadline = Date.now() + 60_000;
    for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
      const [file] = await sdkCall(this.client, 'POST /files/byids', () => this.client.files.retrieve([{ id }]), true);
      const v = toVersion(file);
      if (v?.uploaded) return v;
      if (Date.now() > deadline) throw new MlopsError(`CDF has not marked ${externalId} as uploaded after 60 s; check the file in CDF.`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  /** Uploads `folder` as the next version in dev or test (prod only by promotion). */
  async uploadNewVersion(
    model: string,
    env: string,
    folder: string,
    metadata: Record<string, unknown> = {},
    options: { provenance?: Provenance } = {},
  ): Promise<ArtifactVersion> {
    checkModel(model);
    const e = checkEnv(env);
    if (e === 'prod') throw new MlopsError('Artifacts reach prod only by promotion from test (mlops artifacts promote / the promote-artifact action), never by upload.');
    // Non-strings JSON-encoded, as the Python package (and the runtime's mm.upload_new_model_version) wrote them.
    const user = Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, artifactMetadataValue(v)]));
    for (const key of ARTIFACT_METADATA_KEYS) {
      if (key in user) {
        this.log.warning(`Metadata key "${key}" is set by the Model Manager; your value is ignored.`);
        delete user[key];
      }
    }
    const provenance = options.provenance ?? {};
    if (provenance.gitSha) user.git_sha = provenance.gitSha;
    if (provenance.runUrl) user.run_url = provenance.runUrl;
    return this.archiveAndCreate(model, e, folder, user);
  }

  /** Archives `folder` (.tar.gz) and creates a version of it: the next free one, or `exactVersion`. */
  private archiveAndCreate(model: string, env: Env, folder: string, metadata: Record<string, string>, exactVersion?: number): Promise<ArtifactVersion> {
    return withTempDir('mlops-artifact-', async (dir) => {
      const file = join(dir, 'artifact.tar.gz');
      const digest = await createArchive(folder, file, this.log);
      return this.createVersion(model, env, { file, ...digest }, metadata, exactVersion);
    });
  }

  /**
   * Stores `folder` as exactly `<model>/<env>/<version>` (any env): a copy of a version that
   * exists elsewhere, such as the service test's local CDF holding the artifacts a run tests.
   * Throws CdfApiError (409) when that version exists, MlopsError as uploadNewVersion does.
   */
  async storeCopy(model: string, env: string, version: number, folder: string): Promise<ArtifactVersion> {
    checkModel(model);
    return this.archiveAndCreate(model, checkEnv(env), folder, {}, version);
  }

  /** Downloads a version's bytes to `dest` (null: only hash them) and checks them against its metadata. */
  private async fetchBytes(v: ArtifactVersion, dest: string | null): Promise<Digest> {
    const [link] = await sdkCall(this.client, 'POST /files/downloadlink', () => this.client.files.getDownloadUrls([{ id: v.id }]), true);
    const progress = progressTask(this.log, `download:${v.externalId}`, `Downloading ${v.externalId}`, 'bytes');
    const digest = await downloadFile(this.client, link.downloadUrl, dest, progress.update, v.size).finally(progress.end);
    if (v.sha256 && digest.sha256 !== v.sha256) {
      throw new MlopsError(`${v.externalId} is corrupt: its bytes hash to sha256 ${digest.sha256}, but its metadata records ${v.sha256}.`);
    }
    if (v.size !== undefined && digest.size !== v.size) {
      throw new MlopsError(`${v.externalId} is corrupt: ${digest.size} bytes downloaded, ${v.size} recorded in its metadata.`);
    }
    if (!v.sha256) this.log.debug(`${v.externalId} records no sha256 (written by the Python package); not verified.`);
    return digest;
  }

  /** Downloads and extracts a version (latest uploaded when `version` is null) into `folder`. */
  async download(model: string, env: string, version: number | null, folder: string): Promise<ArtifactVersion & { folder: string }> {
    const v = await this.getVersion(model, env, version);
    await withTempDir('mlops-artifact-', async (dir) => {
      const file = join(dir, 'artifact.tar.gz');
      await this.fetchBytes(v, file);
      await extractArchive(file, folder);
    });
    this.log.info(`Downloaded ${v.externalId} into ${folder}.`);
    return { ...v, folder };
  }

  /**
   * Copies a version of `fromEnv` to the next version of `toEnv` (dev→test, test→prod only),
   * recording where it came from. Promoting the same bytes again returns the earlier copy.
   */
  async promote(model: string, fromEnv: string, toEnv: string, version: number | null = null): Promise<PromotionResult> {
    const from = checkEnv(fromEnv);
    const to = checkEnv(toEnv);
    if (PROMOTIONS[from] !== to) {
      throw new MlopsError(`Cannot promote from ${from} to ${to}: artifacts move dev→test and test→prod only.`);
    }
    const source = await this.getVersion(model, from, version);
    const earlierCopy = async (sha256: string) =>
      (await this.listFiles(`${model}/${to}/`)).find((t) => t.promotedFrom === source.externalId && t.sha256 === sha256 && t.uploaded);
    if (source.sha256) {
      const existing = await earlierCopy(source.sha256);
      if (existing) return this.alreadyPromoted(source, existing);
    }
    return withTempDir('mlops-artifact-', async (dir) => {
      const file = join(dir, 'artifact.tar.gz');
      const digest = await this.fetchBytes(source, file);
      // Python-era sources record no sha256: only now can an earlier copy be recognised.
      const existing = source.sha256 ? undefined : await earlierCopy(digest.sha256);
      if (existing) return this.alreadyPromoted(source, existing);
      const metadata = Object.fromEntries(Object.entries(source.metadata).filter(([k]) => !['version', 'sha256', 'size', 'promoted_from'].includes(k)));
      const target = await this.createVersion(model, to, { file, ...digest }, { ...metadata, promoted_from: source.externalId });
      await this.fetchBytes(target, null);
      const winner = await this.racingCopy(source, target);
      if (winner) return this.alreadyPromoted(source, winner);
      this.log.info(`Promoted ${source.externalId} to ${target.externalId} (sha256 ${digest.sha256}, verified).`);
      return { source, target, sha256: digest.sha256, alreadyPromoted: false };
    });
  }

  /**
   * Two promotions of one source that start together both copy it (neither copy is visible to
   * the other's "already promoted" check yet). The lowest version wins: a racer that finds a
   * lower copy of the same bytes waits for it to be uploaded, then deletes its own copy. If the
   * lower copy never completes (its upload failed and was removed), ours stays.
   */
  private async racingCopy(source: ArtifactVersion, ours: ArtifactVersion): Promise<ArtifactVersion | null> {
    const lower = (await this.listFiles(`${source.model}/${ours.env}/`))
      .filter((v) => v.promotedFrom === source.externalId && v.sha256 === ours.sha256 && v.version < ours.version)
      .sort((a, b) => a.version - b.version)[0];
    if (!lower) return null;
    const winner = await this.waitUploaded(lower.id, lower.externalId).catch(() => null);
    if (!winner) return null;
    await sdkCall(this.client, 'POST /files/delete', () => this.client.files.delete([{ id: ours.id }]), false);
    this.log.info(`${winner.externalId} was promoted from ${source.externalId} at the same time; removed the duplicate ${ours.externalId}.`);
    return winner;
  }

  private alreadyPromoted(source: ArtifactVersion, target: ArtifactVersion): PromotionResult {
    this.log.info(`${source.externalId} was already promoted as ${target.externalId}; nothing to copy.`);
    return { source, target, sha256: target.sha256 as string, alreadyPromoted: true };
  }

  /**
   * Deletes one version (`<model>/<env>/<version>`). Refuses when a deployed function reports it
   * as its artifact (metadata model_id) unless `force`.
   */
  async deleteVersion(externalId: string, options: { force?: boolean } = {}): Promise<ArtifactVersion> {
    const parsed = parseArtifactExternalId(externalId);
    if (!parsed) throw new MlopsError(`"${externalId}" is not an artifact id; use <model>/<env>/<version>, e.g. my_model/test/3.`);
    const v = await this.getVersion(parsed.model, parsed.env, parsed.version);
    if (!options.force) {
      const users = (await listFunctions(this.client)).filter((f) => f.metadata?.model_id === externalId);
      if (users.length) {
        throw new MlopsError(
          `${externalId} is the artifact of deployed function(s) ${users.map((f) => f.externalId ?? f.name).join(', ')}; ` +
            'deleting it would break redeploys and rollbacks. Delete those functions first, or force the deletion (`mlops artifacts delete --force`).',
        );
      }
    }
    await sdkCall(this.client, 'POST /files/delete', () => this.client.files.delete([{ id: v.id }]), false);
    this.log.info(`Deleted ${externalId}.`);
    return v;
  }

}
