import { ModelManager, parseVersionArgument, promoteWithReport } from '@akerbp-mlops/core';
import { cdfClientFromInputs, input, markdownTable, runAction, setOutputs, withStepTimeout, writeSummary } from '@akerbp-mlops/core/report';

await runAction('promote-artifact', (log) =>
  withStepTimeout('promote-artifact', async () => {
    const client = await cdfClientFromInputs(log, 'write');
    const manager = new ModelManager({ client, dataset: input('dataset') || undefined, log });
    const { result, table } = await promoteWithReport(manager, {
      model: input('model'),
      fromEnv: input('from-env') || 'test',
      toEnv: input('to-env') || 'prod',
      version: parseVersionArgument(input('version')),
    });
    setOutputs({
      'source-id': result.source.externalId,
      'target-id': result.target.externalId,
      version: String(result.target.version),
      sha256: result.sha256,
      'already-promoted': String(result.alreadyPromoted),
    });
    const headline = result.alreadyPromoted
      ? `${result.source.externalId} was already promoted as ${result.target.externalId}; nothing copied.`
      : `Promoted ${result.source.externalId} to ${result.target.externalId}.`;
    await writeSummary(
      `### Artifact promotion: ${headline}\n\n${markdownTable(table.head, table.rows)}\n` +
        `${markdownTable(['Source', 'Target', 'sha256', 'Already promoted'], [[result.source.externalId, result.target.externalId, `\`${result.sha256}\``, String(result.alreadyPromoted)]])}`,
    );
  }),
);
