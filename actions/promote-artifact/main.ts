import { ModelManager, cdfSiteOf, fusionFileUrl, humanSize, parseVersionArgument, promoteWithReport, shortSha } from '@akerbp-mlops/core';
import { cdfClientFromInputs, cdfSiteLine, input, runAction, setOutputs, withStepTimeout, writeSummary } from '@akerbp-mlops/core/report';

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
    const site = cdfSiteOf(client);
    const file = (v: typeof result.source) => ({ text: v.externalId, code: true, href: fusionFileUrl(site, v.id) });
    await writeSummary({
      title: result.alreadyPromoted
        ? `Artifact promotion: ${result.source.externalId} was already promoted as ${result.target.externalId}; nothing copied.`
        : `Artifact promotion: promoted ${result.source.externalId} to ${result.target.externalId}.`,
      lines: [
        cdfSiteLine(site),
        [
          file(result.source), ' → ', file(result.target), ', SHA-256 ', { text: shortSha(result.sha256), code: true },
          ...(result.target.size !== undefined ? [`, ${humanSize(result.target.size)}`] : []), '.',
        ],
      ],
      table,
    });
  }),
  { required: ['model'] },
);
