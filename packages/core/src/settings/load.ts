/**
 * Loads `mlops_settings.yaml`: one YAML document per model, anchors and merge keys allowed.
 * Every problem in the file is collected with its line and column and thrown at once as one
 * MlopsError, so users fix everything in one go.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { LineCounter, isScalar, parseAllDocuments, type Document } from 'yaml';
import type { z } from 'zod';
import { MlopsError, type Problem } from '../errors.js';
import { checkMetadata, stringifyMetadataValue } from './metadata.js';
import { describeFound, issueMessage, quoted, unknownKeyMessage } from './messages.js';
import { existingPathProblem } from './repo-paths.js';
import { CDF_PYTHON_RUNTIMES, RECOMMENDED_RUNTIME, normalizePythonVersion } from './runtimes.js';
import { ALLOWED_KEYS, MAX_MODEL_NAME_LENGTH, MODEL_NAME_PATTERN, modelDocumentSchema, type ModelDocument } from './schema.js';
import { SERVICES, type Env, type LoadedSettings, type ModelSettings, type Service, type ServiceInfo } from './types.js';
import { aliasesOf, circularAlias, locateOffset, nodeAt, toJsKeepingNumberText } from './yaml-nodes.js';

/** Settings files are a few kB; a bigger one is a mistake (or an attack), not worth parsing. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;
/** Nodes that aliases may expand to in one document: plenty for `<< : *desc`, far too few for a billion laughs. */
const MAX_ALIAS_COUNT = 10_000;

export interface LoadSettingsOptions {
  /** Settings file; relative paths are taken from `repoRoot` when given, else from the cwd. */
  file: string;
  /** Repository root; defaults to the settings file's folder. */
  repoRoot?: string;
  /** Target environment: in `dev` the artifact folder must exist locally. Default `test`. */
  env?: Env;
  /** Only these models (all are still validated); unknown names are an error. */
  models?: string[];
}

type Path = (string | number)[];

/** Paths as the user sees them: relative to the working directory (the workspace on a runner). */
export function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  return shown.split(sep).join('/');
}

function fieldLabel(label: string, path: Path): string {
  return path.reduce<string>((s, seg) => (typeof seg === 'number' ? `${s}[${seg}]` : `${s}.${seg}`), label);
}

/** Collects located problems for one settings file. */
class ProblemList {
  readonly items: Problem[] = [];
  constructor(private readonly file: string, private readonly lines: LineCounter) {}
  add(offset: number, field: string, message: string): void {
    const { line, col } = this.lines.linePos(offset);
    this.addAt(line, col, field, message);
  }
  addAt(line: number, column: number, field: string, message: string): void {
    this.items.push({ file: this.file, line, column, field, message });
  }
  lineOf(offset: number): number {
    return this.lines.linePos(offset).line;
  }
}

interface Context {
  repoRoot: string;
  realRepoRoot: string;
  env: Env;
  problems: ProblemList;
}

export async function loadSettings(options: LoadSettingsOptions): Promise<LoadedSettings> {
  const abs = options.repoRoot ? resolve(options.repoRoot, options.file) : resolve(options.file);
  const repoRoot = resolve(options.repoRoot ?? dirname(abs));
  const display = displayPath(abs);
  if (!statSync(repoRoot, { throwIfNoEntry: false })?.isDirectory()) {
    throw new MlopsError(`The model repository folder ${displayPath(repoRoot)} does not exist; check working-directory / --repo.`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch {
    throw new MlopsError(`Settings file ${display} not found; create it with \`mlops init\` or point settings-file at it.`);
  }
  const text = decodeSettings(bytes, display);

  const lines = new LineCounter();
  const problems = new ProblemList(display, lines);
  const ctx: Context = { repoRoot, realRepoRoot: realpathSync.native(repoRoot), env: options.env ?? 'test', problems };
  const docs = parseAllDocuments(text, { lineCounter: lines, merge: true, prettyErrors: true });
  const models: ModelSettings[] = [];
  const seen = new Map<string, number>();
  Array.from(docs).forEach((doc, i) => {
    const loaded = loadDocument(doc, i + 1, ctx, display);
    if (loaded?.name === undefined) return;
    const first = seen.get(loaded.name);
    if (first !== undefined) {
      problems.add(loaded.nameOffset, `${loaded.name}.model_name`,
        `model_name ${quoted(loaded.name)} is already used by the model at line ${first}; model names must be unique across documents`);
    } else {
      seen.set(loaded.name, problems.lineOf(loaded.nameOffset));
      if (loaded.model) models.push(loaded.model);
    }
  });
  if (problems.items.length === 0 && models.length === 0) {
    problems.add(0, 'document[1]', 'no models: the file must hold one YAML document (separated by ---) per model, starting with model_name');
  }
  if (problems.items.length) {
    const sorted = problems.items.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    throw new MlopsError(`${display}: ${sorted.length} problem${sorted.length === 1 ? '' : 's'} in settings`, sorted);
  }

  const file = relative(repoRoot, abs).startsWith('..') ? abs : relative(repoRoot, abs).split(sep).join('/');
  return { file, repoRoot, models: selectModels(models, options.models, display) };
}

/** The file's text; too big or not UTF-8 (which would silently become U+FFFD in deployed metadata) is refused. */
function decodeSettings(bytes: Buffer, display: string): string {
  const refuse = (line: number, message: string) => {
    throw new MlopsError(`${display}: ${message}`, [{ file: display, line, column: 1, message }]);
  };
  if (bytes.length > MAX_SETTINGS_BYTES) {
    refuse(1, `the settings file is ${bytes.length} bytes; at most 1 MiB (${MAX_SETTINGS_BYTES} bytes) is allowed`);
  }
  const text = bytes.toString('utf8');
  if (!isUtf8(bytes)) {
    // Valid UTF-8 round-trips unchanged, so the first changed byte is the first invalid one.
    const back = Buffer.from(text);
    let at = 0;
    while (at < bytes.length && bytes[at] === back[at]) at++;
    const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
    refuse(line, `the settings file must be UTF-8 text; found a byte sequence that is not UTF-8 (0x${bytes[at].toString(16)}) on line ${line}`);
  }
  return text;
}

function selectModels(models: ModelSettings[], wanted: string[] | undefined, display: string): ModelSettings[] {
  if (!wanted?.length) return models;
  const names = models.map((m) => m.modelName);
  const unknown = wanted.filter((w) => !names.includes(w));
  if (unknown.length) {
    throw new MlopsError(`Unknown model${unknown.length === 1 ? '' : 's'} ${unknown.map((u) => `"${u}"`).join(', ')}: ${display} defines ${names.join(', ')}.`);
  }
  return models.filter((m) => wanted.includes(m.modelName));
}

/** The raw value at `path` when it is a string, else undefined (zod reports wrong types). */
function stringAt(fields: Record<string, unknown>, key: string): string | undefined {
  return typeof fields[key] === 'string' ? (fields[key] as string) : undefined;
}

interface LoadedDocument {
  /** the model name as written, when it is a string (for the uniqueness check) */
  name?: string;
  nameOffset: number;
  /** present only when the document has no problems */
  model?: ModelSettings;
}

/** Validates one YAML document, recording every problem it has. */
function loadDocument(doc: Document, index: number, ctx: Context, display: string): LoadedDocument | undefined {
  const { problems } = ctx;
  let label = `document[${index}]`;
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const message = `YAML syntax error: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
      const where = e.linePos?.[0];
      if (where) problems.addAt(where.line, where.col, label, message);
      else problems.add(e.pos[0], label, message);
    }
    return undefined;
  }
  // A circular alias has no finite value (and would recurse forever in the metadata checks).
  const circular = circularAlias(doc);
  if (circular) {
    problems.add(circular.range?.[0] ?? 0, label, `alias *${circular.source} is used inside its own anchor &${circular.source}; settings cannot refer to themselves`);
    return undefined;
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // yaml throws a ReferenceError when aliases expand past the limit (a "billion laughs" document).
    if (!(err instanceof ReferenceError)) throw err;
    const first = aliasesOf(doc)[0];
    problems.add(first?.range?.[0] ?? locateOffset(doc, []), label,
      `YAML aliases expand to more than ${MAX_ALIAS_COUNT} nodes (${err.message}); use fewer or smaller *aliases`);
    return undefined;
  }
  if (raw === null || raw === undefined) return undefined; // an empty document, e.g. after a trailing ---
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.add(locateOffset(doc, []), label, `each document must be a mapping of settings (model_name: ..., model_file: ...); found ${describeFound(raw)}`);
    return undefined;
  }
  const fields = raw as Record<string, unknown>;
  const name = stringAt(fields, 'model_name');
  if (name !== undefined && name.length <= MAX_MODEL_NAME_LENGTH && MODEL_NAME_PATTERN.test(name)) label = name;
  // A YAML `3.10` is the number 3.1; the runtime is decided from the text as written.
  const pv = nodeAt(doc, ['python_version']);
  if (isScalar(pv) && typeof pv.value === 'number') fields.python_version = pv.source ?? String(pv.value);

  const before = problems.items.length;
  const flagged = new Set<string>();
  const add: Add = (path, message, want = 'value') => {
    flagged.add(path.join('.'));
    problems.add(locateOffset(doc, path, want), fieldLabel(label, path), message);
  };
  const parsed = modelDocumentSchema.safeParse(fields, { reportInput: true });
  if (!parsed.success) reportSchemaIssues(parsed.error.issues, add);
  const checked = checkBeyondSchema(fields, doc, add, flagged, ctx);
  const result: LoadedDocument = { name, nameOffset: locateOffset(doc, ['model_name']) };
  if (parsed.success && problems.items.length === before) {
    result.model = toModelSettings(parsed.data, checked, { file: display, line: problems.lineOf(locateOffset(doc, [])) });
  }
  return result;
}

type Add = (path: Path, message: string, want?: 'key' | 'value') => void;

function reportSchemaIssues(issues: z.core.$ZodIssue[], add: Add): void {
  // A misspelt key already says what it should be; "X is required" on top would be noise.
  const suggested = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = issue.path as Path;
    const allowed = ALLOWED_KEYS[path.map((s) => (typeof s === 'number' ? '*' : s)).join('.')];
    for (const key of issue.keys) {
      const { message, suggestion } = unknownKeyMessage(key, allowed);
      if (suggestion) suggested.add([...path, suggestion].join('.'));
      add([...path, key], message, 'key');
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    if (missing && suggested.has(issue.path.join('.'))) continue;
    add(issue.path as Path, issueMessage(issue));
  }
}

interface BeyondSchema {
  pythonVersion: string;
  metadata: Partial<Record<Service, Record<string, string>>>;
}

/**
 * The checks zod cannot do alone: the runtime list (with its hint), files on disk and the
 * metadata budget. They run on the raw values even when the schema failed, so every problem
 * in the file shows up at once; values of the wrong type are left to the schema's message.
 */
function checkBeyondSchema(fields: Record<string, unknown>, doc: Document, add: Add, flagged: Set<string>, ctx: Context): BeyondSchema {
  let pythonVersion: string = RECOMMENDED_RUNTIME;
  const written = stringAt(fields, 'python_version');
  if (written !== undefined) {
    const v = normalizePythonVersion(written);
    if ('error' in v) add(['python_version'], v.error);
    else pythonVersion = v.runtime;
  } else if (fields.python_version === undefined && (fields.platform ?? 'cdf') === 'cdf') {
    add(['python_version'], `is required when platform is cdf (allowed: ${CDF_PYTHON_RUNTIMES.join(', ')})`);
  }

  const modelFile = stringAt(fields, 'model_file');
  if (modelFile !== undefined && !flagged.has('model_file') && !posix.normalize(modelFile).includes('/')) {
    add(['model_file'], `must be inside a folder (e.g. model_code/${quoted(modelFile).slice(1, -1)}): that top folder is what gets deployed; found ${quoted(modelFile)}`);
  }
  const mustExist = (key: string, kind: 'file' | 'folder', why = '') => {
    const p = stringAt(fields, key);
    // A path the schema already refused (absolute, .txt, ...) gets no second message.
    if (p === undefined || flagged.has(key)) return;
    const problem = existingPathProblem(ctx.repoRoot, ctx.realRepoRoot, p, kind);
    if (problem) add([key], problem + why);
  };
  mustExist('model_file', 'file');
  mustExist('req_file', 'file');
  mustExist('test_file', 'file');
  // Outside dev the artifact folder is downloaded from the Model Manager, so it need not exist.
  if (ctx.env === 'dev') mustExist('artifact_folder', 'folder', ' (in dev the local artifact folder is deployed as it is)');

  const metadata: BeyondSchema['metadata'] = {};
  for (const service of SERVICES) {
    const path: Path = ['info', service, 'metadata'];
    const values = toJsKeepingNumberText(nodeAt(doc, path), doc);
    if (typeof values !== 'object' || values === null || Array.isArray(values)) continue;
    const strings = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, stringifyMetadataValue(v)]));
    for (const issue of checkMetadata(strings)) {
      if (issue.at === 'map') add(path, issue.message, 'key');
      else add([...path, issue.key ?? ''], issue.message, issue.at);
    }
    metadata[service] = strings;
  }
  return { pythonVersion, metadata };
}

function toModelSettings(d: ModelDocument, checked: BeyondSchema, source: ModelSettings['source']): ModelSettings {
  const service = (name: Service, info: { description: string; owner: string }): ServiceInfo => ({
    description: info.description,
    owner: info.owner,
    metadata: checked.metadata[name] ?? {},
  });
  const training = d.info.training;
  return {
    modelName: d.model_name,
    humanFriendlyModelName: d.human_friendly_model_name,
    modelFile: d.model_file,
    reqFile: d.req_file,
    artifactFolder: d.artifact_folder,
    artifactVersion: d.artifact_version ?? null,
    testFile: d.test_file,
    platform: d.platform,
    dataset: d.dataset,
    pythonVersion: checked.pythonVersion,
    helperModels: (d.helper_models ?? []).map((h) => ({
      name: h.name,
      env: h.env,
      version: h.version ?? null,
      targetPath: h.target_path ?? `helper_models/${h.name}`,
      packagesToCheck: h.packages_to_check,
    })),
    info: training
      ? { prediction: service('prediction', d.info.prediction), training: service('training', training) }
      : { prediction: service('prediction', d.info.prediction) },
    source,
  };
}
