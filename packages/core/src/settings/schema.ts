/**
 * The shape of one `mlops_settings.yaml` document (the Python package's fields, snake_case, as
 * its pydantic v1 dataclass took them: see `shared/reference/akerbp-mlops-4.x-facts.md`).
 * Only checks that need nothing but the value live here; the file system, uniqueness, unknown
 * keys (warnings: pydantic ignored them) and the metadata budget are checked by the loader,
 * which knows where each value was written.
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

/** pydantic v1 `int`: whole numbers and their decimal text (`"3"` → 3). */
const intLike = z.preprocess((v) => (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v) ? Number(v) : v), z.int());

/** pydantic v1 `bool`: also `0`/`1` and the strings y/n, yes/no, true/false, on/off, t/f, 1/0 in any case. */
const PYDANTIC_BOOLS: Record<string, boolean> = { y: true, yes: true, true: true, on: true, t: true, 1: true, n: false, no: false, false: false, off: false, f: false, 0: false };
const boolLike = z.preprocess((v) => (typeof v === 'string' || v === 0 || v === 1 ? PYDANTIC_BOOLS[String(v).trim().toLowerCase()] ?? v : v), z.boolean());

const serviceInfo = z.object({
  description: z.string().max(500),
  owner: z.string().min(1).max(128),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

/** 4.1.0: `{model_name, env, version, target_path}`; `name` (earlier suite drafts) stays an alias. */
const helperModel = z.object({
  model_name: modelName.optional(),
  name: modelName.optional(),
  env: z.enum(ENVIRONMENTS).default('prod'),
  version: intLike.pipe(z.int().positive()).nullish(),
  target_path: repoPath.nullish(),
  packages_to_check: z.array(z.string().min(1)).nullish(),
}).superRefine((h, ctx) => {
  if (!h.model_name && !h.name) ctx.addIssue({ code: 'invalid_type', expected: 'string', path: ['model_name'], input: undefined, message: 'is required' });
  if (h.model_name && h.name && h.model_name !== h.name) {
    ctx.addIssue({ code: 'custom', path: ['name'], input: h.name, message: `names another model than model_name (${quoted(h.model_name)}); keep one of them` });
  }
});

export const modelDocumentSchema = z
  .object({
    model_name: modelName,
    human_friendly_model_name: z.string().min(1).max(140),
    model_file: repoPath.refine((p) => p.endsWith('.py'), { error: (i) => `must be a Python file (.py); found ${quoted(String(i.input))}` }),
    req_file: repoPath.refine((p) => !p.toLowerCase().endsWith('.txt'), {
      error: (i) => `must not end in .txt (the suite writes requirements.txt itself); use e.g. requirements.model; found ${quoted(String(i.input))}`,
    }),
    artifact_folder: repoPath.nullable().default(null),
    artifact_version: intLike.pipe(z.int().positive()).nullish(),
    test_file: repoPath.nullable().default(null),
    platform: z.enum(['cdf', 'local']).default('cdf'),
    dataset: z.string().min(1).max(255).nullable().default('mlops'),
    /** Text as written; the loader turns it into a runtime id. */
    python_version: z.string().optional(),
    helper_models: z
      .array(z.preprocess((v) => (typeof v === 'string' ? { model_name: v } : v), helperModel))
      .nullish(),
    /** packages whose pins must agree with every helper model's (the package's key) */
    packages_to_check: z.array(z.string().min(1)).nullish(),
    /** versioned functions kept; 0: only the one serving; default 3 */
    models_to_keep: intLike.pipe(z.int().min(0)).nullish(),
    keep_all_models: boolLike.nullish(),
    /** the package's prediction-only key; accepted and ignored (the suite reports <model>/<env>/<version>) */
    model_id: z.string().nullish(),
    info: z.object({ prediction: serviceInfo, training: serviceInfo.nullish() }),
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
