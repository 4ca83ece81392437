/** The pipeline's text inputs (action inputs, CLI flags) parsed once for both entries. */
import { parseIndexUrls } from '../deploy/index-urls.js';
import { parseSecretsJson } from '../deploy/secrets.js';
import { MlopsError } from '../errors.js';
import { parseNameList } from '../settings/inputs.js';
import { parseEnvChoice } from './resolve-plan.js';
import type { PipelineOptions } from './run.js';

export interface PipelineTextInputs {
  env?: string;
  models?: string;
  services?: string;
  testingOnly?: boolean;
  concurrency?: string;
  functionSecrets?: string;
  indexUrl?: string;
  extraIndexUrls?: string;
  keepVersions?: string;
  keepWarmSchedule?: string;
  waitTimeoutSeconds?: string;
  dryRun?: boolean;
}

/** A whole number ≥ min; '' gives the fallback. `field` names the input in the error. */
export function parseWholeNumber(value: string | undefined, field: string, min: number, fallback: number): number {
  const text = (value ?? '').trim();
  if (!text) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min) {
    throw new MlopsError(`${field} must be a whole number ≥ ${min}; found "${text}".`, [{ field, message: `must be a whole number ≥ ${min}` }]);
  }
  return Number(text);
}

/** TESTING_ONLY=true (or True, 1, yes), as the Python package read it. */
export function testingOnlyFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['true', '1', 'yes'].includes((env.TESTING_ONLY ?? '').trim().toLowerCase());
}

export type ParsedPipelineInputs = Pick<PipelineOptions,
  'env' | 'models' | 'services' | 'testingOnly' | 'concurrency' | 'secrets' | 'indexUrls' | 'keepVersions' | 'keepWarmSchedule' | 'waitTimeoutMs' | 'dryRun'>;

export function parsePipelineInputs(t: PipelineTextInputs, env: NodeJS.ProcessEnv = process.env): ParsedPipelineInputs {
  return {
    env: parseEnvChoice(t.env ?? ''),
    models: parseNameList(t.models),
    services: t.services?.trim() || undefined,
    testingOnly: (t.testingOnly ?? false) || testingOnlyFromEnv(env),
    concurrency: parseWholeNumber(t.concurrency, 'concurrency', 1, 4),
    secrets: parseSecretsJson(t.functionSecrets ?? ''),
    indexUrls: parseIndexUrls(t.indexUrl, t.extraIndexUrls),
    keepVersions: parseWholeNumber(t.keepVersions, 'keep-versions', 0, 3),
    keepWarmSchedule: t.keepWarmSchedule,
    waitTimeoutMs: parseWholeNumber(t.waitTimeoutSeconds, 'wait-timeout-seconds', 1, 1500) * 1000,
    dryRun: t.dryRun ?? false,
  };
}
