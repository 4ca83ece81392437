/** The pipeline's outcome as table rows: the job summary and the CLI print the same. */
import { isDeployed, type PipelineResult } from './run.js';

export const PIPELINE_SUMMARY_HEADINGS = ['Model', 'Service', 'Outcome', 'Function', 'Version', 'Smoke test', 'Seconds'];

export function pipelineSummaryRows(result: PipelineResult): string[][] {
  return Object.entries(result.results).flatMap(([model, services]) =>
    Object.entries(services).map(([service, outcome]) => {
      if (!isDeployed(outcome)) {
        return [model, service, 'skipped' in outcome ? `skipped: ${outcome.skipped}` : `failed: ${outcome.failed}`, '', '', '', ''];
      }
      const seconds = outcome.stages.reduce((sum, s) => sum + s.ms, 0) / 1000;
      return [
        model, service, outcome.changed ? (result.dryRun ? 'would deploy' : 'deployed') : 'unchanged', outcome.functionExternalId, String(outcome.version),
        outcome.smokeTest ? outcome.smokeTest.status : 'not run', seconds.toFixed(1),
      ];
    }));
}

/** One line saying what the plan was and what the run did. */
export function planLine(result: PipelineResult): string {
  const { plan } = result;
  const where = plan.environment ? ` → ${plan.environment}` : '';
  const done = result.dryRun
    ? 'validated and tested; a dry run, so nothing was deployed: "would deploy" rows would change, "unchanged" ones would not'
    : result.mode === 'deploy' ? 'validated, tested and deployed' : result.mode === 'test' ? 'validated and tested' : 'validated';
  return `Plan${where} (${plan.services.join(', ') || 'no services'}): ${plan.reason}. This run: ${done}.`;
}
