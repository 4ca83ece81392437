/**
 * Helper models' deployed packages from CDF: the code zip of the helper's prediction function
 * (`<helper>-prediction-<env>[-<version>]`), downloaded and unpacked for packaging.
 */
import type { CogniteClient } from '@cognite/sdk';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { downloadFile } from '../artifacts/transfer.js';
import { retrieveFunction } from '../cdf/functions.js';
import { sdkCall } from '../cdf/retry.js';
import { retrieveFiles } from '../deploy/code-file.js';
import { deployedCode } from '../deploy/fields.js';
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { functionExternalId } from '../naming.js';
import type { HelperModel } from '../settings/types.js';
import type { HelperPackageSource } from './sources.js';
import { extractZip } from './unzip.js';
import { withTempDir } from '../temp.js';

/** The version a package says it serves (contract C), for functions that record none in metadata. */
async function packagedVersion(folder: string): Promise<number | null> {
  const text = await readFile(join(folder, 'mlops_function.json'), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const version = Number((JSON.parse(text) as { version?: unknown }).version);
    return Number.isInteger(version) && version > 0 ? version : null;
  } catch {
    return null;
  }
}

function describeHelper(helper: HelperModel): string {
  return `helper model "${helper.name}" (env ${helper.env}${helper.version === null ? ', latest version' : `, version ${helper.version}`})`;
}

/**
 * Helper packages for packaging: from CDF with the client made on first fetch, so a model
 * without helper models needs no credentials; without credentials, a clear error.
 */
export function helperPackagesOf(cdfClient: (() => Promise<CogniteClient>) | undefined, log: Logger): HelperPackageSource {
  let source: Promise<HelperPackageSource> | undefined;
  return {
    async fetch(helper, destDir) {
      const why = `The deployed package of ${describeHelper(helper)} is fetched from CDF, which needs CDF credentials`;
      if (!cdfClient) throw new MlopsError(`${why}; none were given (set the COGNITE_* credentials, as for a test or prod deploy).`);
      // async: a client factory may throw before returning a promise (credentials resolved first)
      const cdf = await (source ??= (async () => cdfHelperPackageSource(await cdfClient(), log))()).catch((err: unknown) => {
        throw err instanceof MlopsError ? new MlopsError(`${why}: ${err.message}`, err.problems) : err;
      });
      return cdf.fetch(helper, destDir);
    },
  };
}

export function cdfHelperPackageSource(client: CogniteClient, log: Logger): HelperPackageSource {
  return {
    async fetch(helper, destDir) {
      const xid = functionExternalId(helper.name, 'prediction', helper.env, helper.version ?? undefined);
      const fn = await retrieveFunction(client, { externalId: xid });
      if (!fn) {
        throw new MlopsError(
          `The ${describeHelper(helper)} is not deployed: CDF has no function ${xid} in env ${helper.env}. ` +
            (helper.version === null
              ? `Deploy ${helper.name} to ${helper.env} first, or pin a deployed version (helper_models version).`
              : `Deploy version ${helper.version} of ${helper.name} to ${helper.env} first, or pin a version that is deployed (or none, for the latest).`),
        );
      }
      if (fn.status === 'Failed') {
        throw new MlopsError(`The ${describeHelper(helper)} cannot be used: its function ${xid} failed to build${fn.error?.message ? ` (${fn.error.message})` : ''}; redeploy ${helper.name} first.`);
      }
      const [file] = await retrieveFiles(client, [{ id: fn.fileId }]);
      if (!file?.uploaded) {
        throw new MlopsError(`The ${describeHelper(helper)} cannot be used: the code file ${fn.fileId} of its function ${xid} is ${file ? 'not uploaded' : 'missing from CDF Files'}; redeploy ${helper.name} first.`);
      }
      await withTempDir('mlops-helper-zip-', async (scratch) => {
        const zip = join(scratch, 'code.zip');
        const [link] = await sdkCall(client, 'POST /files/downloadlink', () => client.files.getDownloadUrls([{ id: fn.fileId }]), true);
        const digest = await downloadFile(client, link.downloadUrl, zip);
        const recorded = deployedCode(fn).sha256;
        if (recorded && recorded !== digest.sha256) {
          throw new MlopsError(`The code file ${fn.fileId} of ${xid} is not the code the function records: its bytes hash to sha256 ${digest.sha256}, the function's metadata says ${recorded}; redeploy ${helper.name}.`);
        }
        await extractZip(zip, destDir);
      });
      const version = helper.version ?? deployedCode(fn).version ?? (await packagedVersion(destDir));
      if (version === null) {
        throw new MlopsError(`The ${describeHelper(helper)} cannot be used: ${xid} records no version; pin the version to use (helper_models version).`);
      }
      log.info(`Helper model ${helper.name}: ${xid} (version ${version}, code file ${fn.fileId}) unpacked.`);
      return { folder: destDir, version };
    },
  };
}
