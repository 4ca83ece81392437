/**
 * Links into CDF's web UI (Fusion) for job summaries. The URL form, as Fusion's own links and
 * apps built on it use it (no API documents it):
 *   https://fusion.cognite.com/<project>/functions?cluster=<API host>&workspace=data-management
 *   https://fusion.cognite.com/<project>/explore/file/<file id>?cluster=<API host>
 * `cluster` is the host of the API base URL (api.cognitedata.com, westeurope-1.cognitedata.com),
 * which tells Fusion where the project lives. Fusion has no documented per-function URL, so a
 * function links to its project's Functions page, where its external id finds it.
 */
import type { CogniteClient } from '@cognite/sdk';

/** Where a project lives: what the links need. */
export interface CdfSite {
  project: string;
  /** API base URL, e.g. https://api.cognitedata.com */
  baseUrl: string;
}

const FUSION = 'https://fusion.cognite.com';

export function cdfSiteOf(client: CogniteClient): CdfSite {
  return { project: client.project, baseUrl: client.getBaseUrl() };
}

function clusterOf(site: CdfSite): string {
  try {
    return new URL(site.baseUrl).host;
  } catch {
    return site.baseUrl;
  }
}

/** The project's Functions page. */
export function fusionFunctionsUrl(site: CdfSite): string {
  return `${FUSION}/${encodeURIComponent(site.project)}/functions?cluster=${encodeURIComponent(clusterOf(site))}&workspace=data-management`;
}

/** A CDF file in Fusion's data explorer. */
export function fusionFileUrl(site: CdfSite, fileId: number): string {
  return `${FUSION}/${encodeURIComponent(site.project)}/explore/file/${fileId}?cluster=${encodeURIComponent(clusterOf(site))}`;
}
