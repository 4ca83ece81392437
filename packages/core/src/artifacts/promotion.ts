/** A promotion with the before/after picture the action summary and the CLI show. */
import type { ArtifactVersion, ModelManager, PromotionResult } from './manager.js';

export interface PromotionReport {
  result: PromotionResult;
  /** rows: environment, before, after (for a Markdown or terminal table) */
  table: { head: string[]; rows: string[][] };
}

function describeEnv(versions: ArtifactVersion[]): string {
  const uploaded = versions.filter((v) => v.uploaded).sort((a, b) => b.version - a.version);
  if (!uploaded.length) return 'no versions';
  const latest = uploaded[0];
  const from = latest.promotedFrom ? ` (from ${latest.promotedFrom})` : '';
  return `${uploaded.length} version${uploaded.length === 1 ? '' : 's'}, latest ${latest.externalId}${from}`;
}

export async function promoteWithReport(
  manager: ModelManager,
  request: { model: string; fromEnv: string; toEnv: string; version: number | null },
): Promise<PromotionReport> {
  const { model, fromEnv, toEnv, version } = request;
  const snapshot = () => Promise.all([manager.overview({ model, env: fromEnv }), manager.overview({ model, env: toEnv })]);
  const before = await snapshot();
  const result = await manager.promote(model, fromEnv, toEnv, version);
  const after = await snapshot();
  return {
    result,
    table: {
      head: ['Environment', 'Before', 'After'],
      rows: [
        [`${fromEnv} (source)`, describeEnv(before[0]), describeEnv(after[0])],
        [`${toEnv} (target)`, describeEnv(before[1]), describeEnv(after[1])],
      ],
    },
  };
}
