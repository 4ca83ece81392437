/**
 * The post step of deploy-cdf-function, the root action and deploy/ (`post-if: always()`): when
 * the main step stopped while replacing a latest function (cancelled, killed, timed out), waits
 * for it to be Ready, smoke-checks it, and restores the previous proven deployment when it does
 * not answer. Reads only ids from GITHUB_STATE; secrets and index URLs come from the same inputs
 * as the deploy. Writes the job summary with what is serving.
 */
import {
  MlopsError, cdfSiteOf, count, fusionFunctionsUrl, mergeCredentialSecrets, needsVerify, parseFunctionExternalId, parseIndexUrls, parseSecretsJson, parseWholeNumber, smokePayload, verifyLatest, type CellValue,
} from '@akerbp-mlops/core';
import {
  cdfClientFromInputs, cdfSiteLine, credentialSecretsFromInputs, input, recordedDeploys, runAction, secretInput, writeSummary,
} from '@akerbp-mlops/core/report';

await runAction('deploy post step', async (log) => {
  const todo = recordedDeploys().filter(needsVerify);
  if (!todo.length) {
    log.info('Nothing to check: the main step replaced no latest function, or finished every replacement.');
    return;
  }
  const secrets = mergeCredentialSecrets(parseSecretsJson(secretInput('function-secrets')), credentialSecretsFromInputs(log));
  const indexUrls = parseIndexUrls(secretInput('index-url'), secretInput('extra-index-urls'));
  const waitTimeoutMs = parseWholeNumber(input('wait-timeout-seconds'), 'wait-timeout-seconds', 1, 1500) * 1000;
  const client = await cdfClientFromInputs(log, 'write');
  const site = cdfSiteOf(client);
  const fn = (latest: string): CellValue => ({ text: latest, href: fusionFunctionsUrl(site) });
  const rows: CellValue[][] = [];
  const failures: string[] = [];
  for (const record of todo) {
    const model = parseFunctionExternalId(record.latest)?.model ?? '';
    // The payload file the main step recorded; this step's test-payload input when it recorded none.
    const given = record.payloadFile ? undefined : await smokePayload(input('test-payload') || undefined, model, input('working-directory') || '.', log).catch(() => undefined);
    const testPayload = given?.payload;
    await log.group(`Check ${record.latest}`, async () => {
      try {
        const out = await verifyLatest(client, record, { secrets, indexUrls, testPayload, waitTimeoutMs, log });
        rows.push([fn(record.latest), out.outcome, out.serving]);
      } catch (err) {
        const message = (err as Error).message;
        failures.push(message);
        rows.push([fn(record.latest), 'NOT restored', message]);
      }
    });
  }
  await writeSummary({
    title: '🩺 Deploy post step',
    lines: [cdfSiteLine(site), [`The main step stopped while replacing ${count(todo.length, 'latest function')}; checked after it:`]],
    table: { head: ['Function', 'Outcome', 'Serving'], rows },
  });
  if (failures.length) throw new MlopsError(failures.join('\n'));
});
