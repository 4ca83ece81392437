/** The pipeline's outcome as table rows and a plan line: the job summary and the CLI show the same. */
import { fusionFileUrl, fusionFunctionsUrl, type CdfSite } from '../cdf/fusion.js';
import { count, shortSha, type CellValue } from '../summary.js';
import { isDeployed, type PipelineResult } from './run.js';

export const PIPELINE_SUMMARY_HEADINGS = ['Model', 'Service', 'Outcome', 'Function', 'Version', 'Previous', 'Code', 'Smoke test', 'Seconds'];

/**
 * One row per model and service. A failure shows its headline (run.ts `failureHeadline`); the
 * whole error follows the table once. With `site` each function and code file (its short
 * SHA-256) links to CDF's web UI.
 */
export function pipelineSummaryRows(result: PipelineResult, site?: CdfSite): CellValue[][] {
  return Object.entries(result.results).flatMap(([model, services]) =>
    Object.entries(services).map(([service, outcome]): CellValue[] => {
      if (!isDeployed(outcome)) {
        return [model, service, 'skipped' in outcome ? `skipped: ${outcome.skipped}` : `failed: ${outcome.failed}`, '', '', '', '', '', ''];
      }
      const seconds = outcome.stages.reduce((sum, s) => sum + s.ms, 0) / 1000;
      const status = result.dryRun ? (outcome.changed ? 'would deploy' : 'unchanged') : outcome.changed ? 'deployed' : 'unchanged';
      return [
        model, service, status, { text: outcome.functionExternalId, href: site && fusionFunctionsUrl(site) }, String(outcome.version),
        outcome.previousVersion === null ? '' : String(outcome.previousVersion),
        { text: shortSha(outcome.codeSha256), code: true, href: site && outcome.codeFileId !== null ? fusionFileUrl(site, outcome.codeFileId) : undefined },
        outcome.smokeTest ? outcome.smokeTest.status : 'not run', seconds.toFixed(1),
      ];
    }));
}

/**
 * One line saying what the plan was and what the run did. "validated, tested and deployed"
 * only when every model was and something changed: a failure, a dry run or a run where every
 * function already served this code ("unchanged") says so instead.
 */
export function planLine(result: PipelineResult): string {
  const { plan } = result;
  const where = plan.environment ? ` → ${plan.environment}` : '';
  const outcomes = Object.values(result.results).flatMap((services) => Object.values(services)).filter(isDeployed);
  const unchanged = outcomes.filter((o) => !o.changed).length;
  const done = result.mode === 'validate' ? 'validated'
    : result.mode === 'test' ? 'validated and tested'
      : result.dryRun ? 'validated and tested; a dry run, so nothing was deployed: "would deploy" rows would change, "unchanged" ones would not'
        : outcomes.length && unchanged === outcomes.length ? 'validated and tested; nothing to deploy: every function already runs this code (unchanged)'
          : `validated, tested and deployed${unchanged ? ` (${unchanged} unchanged)` : ''}`;
  const models = Object.keys(result.results).length;
  const failed = result.failed.map((f) => f.model);
  const outcome = failed.length ? `${failed.join(', ')} failed; ${models - failed.length} of ${count(models, 'model')} finished` : done;
  return `Plan${where} (${plan.services.join(', ') || 'no services'}): ${plan.reason}. This run: ${outcome}.`;
}
