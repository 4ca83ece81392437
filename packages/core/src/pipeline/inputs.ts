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
/**
 * The `keep-versions` input: '' (the settings' models_to_keep / keep_all_models decide), `all`, or
 * a whole number ≥ 1. 0 is refused: akerbp-mlops's `models_to_keep: 0` deleted every numbered copy
 * while earlier drafts of this input kept all, so the meaning must be spelt out.
 */
export function parseKeepVersions(value: string | undefined, field = 'keep-versions'): number | 'all' | undefined {
  const text = (value ?? '').trim();
  if (!text) return undefined;
  if (text.toLowerCase() === 'all') return 'all';
  if (text === '0') {
    throw new MlopsError(`${field}: 0 is ambiguous; write "all" to keep every versioned function, a number ≥ 1 to keep that many, or leave it empty so the settings (models_to_keep: 0 keeps only the serving one) decide.`, [{ field, message: '0 is ambiguous' }]);
  }
  return parseWholeNumber(text, field, 1, 1);
}

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
  'env' | 'models' | 'services' | 'testingOnly' | 'concurrency' | 'secrets' | 'inputName' | 'indexUrls' | 'keepVersions' | 'keepWarmSchedule' | 'waitTimeoutMs' | 'dryRun'>;

/** The action's input names as the CLI spells them: `--` + the name, `function-secrets` being `--secrets`. */
export function cliFlagOf(input: string): string {
  return input === 'function-secrets' ? '--secrets' : `--${input}`;
}

/**
 * Parses the inputs; every error names the input as the caller's user knows it: `name` maps an
 * action input name to that (the action: itself; the CLI: `cliFlagOf`). Throws MlopsError.
 */
export function parsePipelineInputs(t: PipelineTextInputs, env: NodeJS.ProcessEnv = process.env, name: (input: string) => string = (n) => n): ParsedPipelineInputs {
  return {
    env: parseEnvChoice(t.env ?? '', name('env')),
    models: parseNameList(t.models),
    services: t.services?.trim() || undefined,
    testingOnly: (t.testingOnly ?? false) || testingOnlyFromEnv(env),
    concurrency: parseWholeNumber(t.concurrency, name('concurrency'), 1, 4),
    secrets: parseSecretsJson(t.functionSecrets ?? '', name('function-secrets')),
    inputName: name,
    indexUrls: parseIndexUrls(t.indexUrl, t.extraIndexUrls, { indexUrl: name('index-url'), extraIndexUrls: name('extra-index-urls') }),
    keepVersions: parseKeepVersions(t.keepVersions, name('keep-versions')),
    keepWarmSchedule: t.keepWarmSchedule,
    waitTimeoutMs: parseWholeNumber(t.waitTimeoutSeconds, name('wait-timeout-seconds'), 1, 1500) * 1000,
    dryRun: t.dryRun ?? false,
  };
}
