/**
 * The shape of one `mlops_settings.yaml` document (the Python package's fields, snake_case).
 * Only checks that need nothing but the value live here; the file system, uniqueness and
 * metadata budget are checked by the loader, which knows where each value was written.
 */
import { posix } from 'node:path';
import { z } from 'zod';
import { ENVIRONMENTS } from './types.js';
import { codeFileExternalId, functionExternalId } from '../naming.js';
import { repoPathProblem } from './repo-paths.js';
import { quoted } from './messages.js';

export const MODEL_NAME_PATTERN = /^[A-Za-z0-9_]+$/;

/** Longest model name whose function and code-file external ids stay within CDF's 255. */
export const MAX_MODEL_NAME_LENGTH =
  255 - Math.max(codeFileExternalId('', 'prediction', 'prod', '0'.repeat(64)).length, functionExternalId('', 'prediction', 'prod', 1e9).length);

export const DEFAULT_HELPER_PACKAGES = ['akerbp-mlpet'];

const modelName = z
  .string()
  .max(MAX_MODEL_NAME_LENGTH)
  .regex(MODEL_NAME_PATTERN, { error: (i) => `must contain only letters, digits and _ (no spaces or dashes); found ${quoted(String(i.input))}` });

const repoPath = z
  .string()
  .min(1)
  .superRefine((p, ctx) => {
    const problem = repoPathProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: p });
  })
  .transform((p) => posix.normalize(p).replace(/\/$/, ''));

const serviceInfo = z.strictObject({
  description: z.string().max(500),
  owner: z.string().min(1).max(128),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

const helperModel = z.strictObject({
  name: modelName,
  env: z.enum(ENVIRONMENTS).default('prod'),
  version: z.int().positive().nullish(),
  target_path: repoPath.optional(),
  packages_to_check: z.array(z.string().min(1)).default(DEFAULT_HELPER_PACKAGES),
});

export const modelDocumentSchema = z
  .strictObject({
    model_name: modelName,
    human_friendly_model_name: z.string().min(1).max(140),
    model_file: repoPath.refine((p) => p.endsWith('.py'), { error: (i) => `must be a Python file (.py); found ${quoted(String(i.input))}` }),
    req_file: repoPath.refine((p) => !p.toLowerCase().endsWith('.txt'), {
      error: (i) => `must not end in .txt (the suite writes requirements.txt itself); use e.g. requirements.model; found ${quoted(String(i.input))}`,
    }),
    artifact_folder: repoPath.nullable().default(null),
    artifact_version: z.int().positive().nullish(),
    test_file: repoPath.nullable().default(null),
    platform: z.enum(['cdf', 'local']).default('cdf'),
    dataset: z.string().min(1).max(255).nullable().default('mlops'),
    /** Text as written; the loader turns it into a runtime id. */
    python_version: z.string().optional(),
    helper_models: z
      .array(z.preprocess((v) => (typeof v === 'string' ? { name: v } : v), helperModel))
      .nullish(),
    info: z.strictObject({ prediction: serviceInfo, training: serviceInfo.nullish() }),
  });

export type ModelDocument = z.output<typeof modelDocumentSchema>;

/**
 * Allowed keys per mapping, for "did you mean" on unknown keys; indexed by the path with list
 * indices replaced by `*`.
 */
export const ALLOWED_KEYS: Record<string, string[]> = {
  '': Object.keys(modelDocumentSchema.shape),
  info: Object.keys(modelDocumentSchema.shape.info.shape),
  'info.prediction': Object.keys(serviceInfo.shape),
  'info.training': Object.keys(serviceInfo.shape),
  'helper_models.*': Object.keys(helperModel.shape),
};
