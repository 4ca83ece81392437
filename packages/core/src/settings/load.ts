/**
 * Loads `mlops_settings.yaml`: one YAML document per model, anchors and merge keys allowed.
 * Every problem in the file is collected with its line and column and thrown at once as one
 * MlopsError, so users fix everything in one go.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Scalar } from 'yaml';
import type { z } from 'zod';
import { MlopsError, type Problem } from '../errors.js';
import type { Logger } from '../logger.js';
import { checkMetadata } from './metadata.js';
import { describeFound, issueMessage, quoted, unknownKeyMessage } from './messages.js';
import { existingPathProblem } from './repo-paths.js';
import { CDF_PYTHON_RUNTIMES, RECOMMENDED_RUNTIME, normalizePythonVersion, setupPythonVersion, type PythonRuntime } from './runtimes.js';
import { decodeRequirements, parseRequirements, requirementProblems } from '../packaging/requirements.js';
import { PyDict, pyStr, pyValueOf, quoteForYaml, textChange, toJs, type PyValue, type PyYamlIssue } from './pyyaml.js';
import { ALLOWED_KEYS, DEFAULT_HELPER_PACKAGES, MAX_MODEL_NAME_LENGTH, MODEL_NAME_PATTERN, modelDocumentSchema, type ModelDocument } from './schema.js';
import {
  DEFAULT_MODELS_TO_KEEP, SERVICES, type Env, type LoadedSettings, type ModelSettings, type Retention, type Service, type ServiceInfo,
} from './types.js';
import { aliasExpansion, aliasesOf, circularAlias, deref, locateOffset, nodeAt } from './yaml-nodes.js';

/** Settings files are a few kB; a bigger one is a mistake (or an attack), not worth parsing. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;
/** Nodes that expanding aliases may add to one document: plenty for `<< : *desc`, far too few for a billion laughs. */
const MAX_ALIAS_COUNT = 10_000;

export interface LoadSettingsOptions {
  /** Settings file; relative paths are taken from `repoRoot` when given, else from the cwd. */
  file: string;
  /** Repository root; defaults to the settings file's folder. */
  repoRoot?: string;
  /** Target environment: in `dev` the artifact folder must exist locally. Default `test`. */
  env?: Env;
  /**
   * Only these models; unknown names are an error. Every document's schema is still validated,
   * but what must exist on disk (model_file, req_file and its lines, test_file, the dev artifact
   * folder) is checked for these models only: a command that handles model B never fails on model
   * A's files (A's artifact folder is often absent locally, downloaded only when A is tested).
   */
  models?: string[];
  /** Where warnings go (each with its file, line and column); they are also in the result. */
  log?: Logger;
}

type Path = (string | number)[];

/** Paths as the user sees them: relative to the working directory (the workspace on a runner). */
export function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  return shown.split(sep).join('/');
}

/**
 * A repo-relative path (`model_code/test_model.py`) as the user sees it: relative to the working
 * directory, so a repository in `models/sonic/` gives `models/sonic/model_code/test_model.py`.
 * Every located problem about a file in the model repository uses it (annotations need it).
 */
export function displayRepoPath(repoRoot: string, rel: string): string {
  return displayPath(resolve(repoRoot, rel));
}

function fieldLabel(label: string, path: Path): string {
  return path.reduce<string>((s, seg) => (typeof seg === 'number' ? `${s}[${seg}]` : `${s}.${seg}`), label);
}

/** Collects located problems for one settings file. */
class ProblemList {
  readonly items: Problem[] = [];
  readonly warnings: Problem[] = [];
  constructor(private readonly file: string, private readonly lines: LineCounter) {}
  add(offset: number, field: string, message: string): void {
    const { line, col } = this.lines.linePos(offset);
    this.addAt(line, col, field, message);
  }
  /** A problem in another file (the requirements file). */
  addIn(problem: Problem): void {
    this.items.push(problem);
  }
  warnIn(problem: Problem): void {
    this.warnings.push(problem);
  }
  /** A warning; the same one at the same place (a value reached through two aliases) is kept once. */
  warn(offset: number, field: string, message: string): void {
    const { line, col } = this.lines.linePos(offset);
    if (this.warnings.some((w) => w.line === line && w.column === col && w.message === message)) return;
    this.warnings.push({ file: this.file, line, column: col, field, message });
  }
  addAt(line: number, column: number, field: string, message: string): void {
    this.items.push({ file: this.file, line, column, field, message });
  }
  lineOf(offset: number): number {
    return this.lines.linePos(offset).line;
  }
}

interface Context {
  /** requirements files already checked (many models may share one) */
  checkedRequirements: Set<string>;
  /** `existingPathProblem` per `kind\0path` (many models share their code files) */
  pathProblems: Map<string, string | undefined>;
  repoRoot: string;
  realRepoRoot: string;
  env: Env;
  /** whether the files on disk of the model named so are checked: the models the command handles */
  handles: (modelName: string | undefined) => boolean;
  problems: ProblemList;
}

/**
 * Reads and validates the settings file once: every document's schema, and the files on disk of
 * the models `options.models` names (all models when it is absent). Returns `models` (the ones
 * named, in file order) and `allModels` (every valid document, for the models a model's code may
 * call); warnings go to `options.log` and the result. Throws MlopsError with every located
 * problem at once (file, line, column, field), or naming an unknown model, a missing repository
 * folder or settings file, a file over 1 MiB or one that is not UTF-8.
 */
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
  const wanted = options.models?.length ? new Set(options.models) : undefined;
  const ctx: Context = {
    checkedRequirements: new Set(), pathProblems: new Map(), repoRoot, realRepoRoot: realpathSync.native(repoRoot), env: options.env ?? 'test', problems,
    handles: (name) => !wanted || (name !== undefined && wanted.has(name)),
  };
  // PyYAML keeps the last of repeated keys rather than refuse them.
  const docs = parseAllDocuments(text, { lineCounter: lines, merge: true, prettyErrors: true, uniqueKeys: false });
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
  const byPlace = (a: Problem, b: Problem) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
  const warnings = problems.warnings.sort(byPlace);
  for (const w of warnings) options.log?.warning(`${w.field ? `${w.field}: ` : ''}${w.message}`, { file: w.file, line: w.line, column: w.column });
  if (problems.items.length) {
    const sorted = problems.items.sort(byPlace);
    throw new MlopsError(`${display}: ${sorted.length} problem${sorted.length === 1 ? '' : 's'} in settings`, sorted);
  }

  const file = relative(repoRoot, abs).startsWith('..') ? abs : relative(repoRoot, abs).split(sep).join('/');
  return { file, repoRoot, models: selectModels(models, options.models, display), allModels: models, warnings };
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
  // Only the guard: a "billion laughs" document stops here, before PyYAML's reading expands it.
  const aliases = aliasesOf(doc);
  const undefinedAlias = aliases.find((alias) => deref(alias, doc) === undefined);
  if (undefinedAlias) {
    problems.add(undefinedAlias.range?.[0] ?? 0, label, `alias *${undefinedAlias.source} has no anchor &${undefinedAlias.source} before it in this document (PyYAML: found undefined alias)`);
    return undefined;
  }
  if (aliases.length && aliasExpansion(doc, MAX_ALIAS_COUNT) > MAX_ALIAS_COUNT) {
    problems.add(aliases[0].range?.[0] ?? locateOffset(doc, []), label,
      `YAML aliases expand to more than ${MAX_ALIAS_COUNT} nodes beyond what is written; use fewer or smaller *aliases`);
    return undefined;
  }
  const refused: PyYamlIssue[] = [];
  const raw = toJs(pyValueOf(doc.contents, doc, { issues: refused }));
  for (const r of refused) problems.add(r.node.range?.[0] ?? 0, label, `PyYAML (which akerbp-mlops used) cannot load this value: ${r.message}`);
  if (raw === null || raw === undefined) return undefined; // an empty document, e.g. after a trailing ---
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.add(locateOffset(doc, []), label, `each document must be a mapping of settings (model_name: ..., model_file: ...); found ${describeFound(raw)}`);
    return undefined;
  }
  const fields = raw as Record<string, unknown>;
  const name = stringAt(fields, 'model_name');
  if (name !== undefined && name.length <= MAX_MODEL_NAME_LENGTH && MODEL_NAME_PATTERN.test(name)) label = name;
  const warn: Add = (path, message, want = 'value') => problems.warn(locateOffset(doc, path, want), fieldLabel(label, path), message);
  const warnAt: WarnAt = (offset, path, message) => problems.warn(offset, fieldLabel(label, path), message);
  readTextFields(fields, doc, warn);

  const before = problems.items.length;
  const flagged = new Set<string>();
  const add: Add = (path, message, want = 'value') => {
    flagged.add(path.join('.'));
    problems.add(locateOffset(doc, path, want), fieldLabel(label, path), message);
  };
  const misspelt = warnUnknownKeys(fields, warn);
  const parsed = modelDocumentSchema.safeParse(fields, { reportInput: true });
  const addAt: AddAt = (at, field, message) => {
    flagged.add(field.join('.'));
    problems.add(locateOffset(doc, at, 'key'), fieldLabel(label, field), message);
  };
  if (!parsed.success) reportSchemaIssues(parsed.error.issues, add, addAt, misspelt);
  const checked = checkBeyondSchema(fields, doc, add, warn, warnAt, flagged, ctx);
  const result: LoadedDocument = { name, nameOffset: locateOffset(doc, ['model_name']) };
  if (parsed.success && problems.items.length === before) {
    result.model = toModelSettings(parsed.data, checked, { file: display, line: problems.lineOf(locateOffset(doc, [])) });
  }
  return result;
}

type Add = (path: Path, message: string, want?: 'key' | 'value') => void;
type WarnAt = (offset: number, path: Path, message: string) => void;
/** A problem on `field`, located at the key `at`. */
type AddAt = (at: Path, field: Path, message: string) => void;

/** Keys pydantic ignored: warnings with a "did you mean"; returns, per probably meant key path, where the misspelling is. */
function warnUnknownKeys(fields: Record<string, unknown>, warn: Add): Map<string, { key: string; path: Path }> {
  const misspelt = new Map<string, { key: string; path: Path }>();
  const visit = (value: unknown, path: Path, pattern: string) => {
    const allowed = ALLOWED_KEYS[pattern];
    if (!allowed || typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const key of Object.keys(value)) {
      if (allowed.includes(key)) continue;
      const { message, suggestion } = unknownKeyMessage(key, allowed);
      const keyPath = [...path, key];
      warn(keyPath, `${message} (akerbp-mlops ignored unknown keys; so does the suite)`, 'key');
      if (suggestion) misspelt.set([...path, suggestion].join('.'), { key, path: keyPath });
    }
  };
  visit(fields, [], '');
  visit(fields.info, ['info'], 'info');
  for (const service of SERVICES) visit((fields.info as Record<string, unknown> | undefined)?.[service], ['info', service], `info.${service}`);
  if (Array.isArray(fields.helper_models)) fields.helper_models.forEach((h, i) => visit(h, ['helper_models', i], 'helper_models.*'));
  return misspelt;
}

/** Schema problems; a missing key that an unknown key is a near miss of is reported at the misspelt key. */
function reportSchemaIssues(issues: z.core.$ZodIssue[], add: Add, addAt: AddAt, misspelt: Map<string, { key: string; path: Path }>): void {
  for (const issue of issues) {
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    const typo = missing ? misspelt.get(issue.path.join('.')) : undefined;
    if (typo) addAt(typo.path, issue.path as Path, `${issueMessage(issue)}; ${quoted(typo.key)} here is probably it, misspelt`);
    else add(issue.path as Path, issueMessage(issue));
  }
}

/** Fields pydantic declared `str`: it turned numbers and booleans into `str(value)`. */
const TEXT_FIELDS = ['model_name', 'human_friendly_model_name', 'model_file', 'req_file', 'test_file', 'artifact_folder', 'dataset', 'platform', 'model_id'];

/**
 * What PyYAML made of values meant as text: `python_version` keeps its text as written (a YAML
 * `3.10` is the float 3.1), other text fields get pydantic's `str(value)`; both warn when that
 * differs from what is written, showing the quoting that keeps it.
 */
function readTextFields(fields: Record<string, unknown>, doc: Document, warn: Add): void {
  const pv = nodeAt(doc, ['python_version']);
  if (isScalar(pv) && typeof fields.python_version !== 'string' && fields.python_version !== null && fields.python_version !== undefined) {
    const text = pv.source ?? String(pv.value);
    const change = textChange(pv, pyValueOf(pv, doc), false, true);
    fields.python_version = text;
    if (change) warn(['python_version'], `${change}; the suite reads the text as written (${text})`);
  }
  const asText = (path: Path, set: (v: string) => void) => {
    const node = nodeAt(doc, path);
    if (!isScalar(node)) return;
    const value = pyValueOf(node, doc);
    if (value === null || typeof value === 'string') return;
    set(pyStr(value));
    const change = textChange(node, value, false, true);
    if (change) warn(path, change);
  };
  for (const key of TEXT_FIELDS) asText([key], (v) => { fields[key] = v; });
  const info = fields.info as Record<string, Record<string, unknown> | undefined> | undefined;
  for (const service of SERVICES) {
    for (const key of ['description', 'owner']) {
      if (info?.[service] && typeof info[service] === 'object') asText(['info', service, key], (v) => { (info[service] as Record<string, unknown>)[key] = v; });
    }
  }
  const listOfText = (key: string, itemKeys: string[]) => {
    const list = fields[key];
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      if (typeof item !== 'object' || item === null) asText([key, i], (v) => { list[i] = v; });
      else for (const k of itemKeys) asText([key, i, k], (v) => { (item as Record<string, unknown>)[k] = v; });
    });
  };
  listOfText('packages_to_check', []);
  listOfText('helper_models', ['model_name', 'name', 'target_path']);
}

interface BeyondSchema {
  pythonVersion: string;
  metadata: Partial<Record<Service, Record<string, string>>>;
}

/**
 * The checks zod cannot do alone: the runtime list (with its hint), files on disk (for the
 * models the command handles) and the metadata budget. They run on the raw values even when the schema failed, so every problem
 * in the file shows up at once; values of the wrong type are left to the schema's message.
 */
function checkBeyondSchema(fields: Record<string, unknown>, doc: Document, add: Add, warn: Add, warnAt: WarnAt, flagged: Set<string>, ctx: Context): BeyondSchema {
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
    const id = `${kind}\0${p}`;
    if (!ctx.pathProblems.has(id)) ctx.pathProblems.set(id, existingPathProblem(ctx.repoRoot, ctx.realRepoRoot, p, kind));
    const problem = ctx.pathProblems.get(id);
    if (problem) add([key], problem + why);
  };
  // Files on disk only for the models the command handles (LoadSettingsOptions.models).
  if (ctx.handles(stringAt(fields, 'model_name'))) {
    mustExist('model_file', 'file');
    mustExist('req_file', 'file');
    checkRequirementsFile(stringAt(fields, 'req_file'), !flagged.has('req_file'), pythonVersion, ctx);
    mustExist('test_file', 'file');
    // Outside dev the artifact folder is downloaded from the Model Manager, so it need not exist.
    if (ctx.env === 'dev') mustExist('artifact_folder', 'folder', ' (in dev the local artifact folder is deployed as it is)');
  }

  if (fields.models_to_keep === 0 && fields.keep_all_models !== true) {
    warn(['models_to_keep'], 'models_to_keep: 0 keeps only the function that serves: akerbp-mlops deleted every numbered copy, the suite never deletes what serves');
  }
  if (fields.model_id !== undefined && fields.model_id !== null) {
    warn(['model_id'], 'is accepted and not used: the suite reports <model>/<env>/<version> as model_id in function metadata and outputs', 'key');
  }

  const metadata: BeyondSchema['metadata'] = {};
  for (const service of SERVICES) {
    const path: Path = ['info', service, 'metadata'];
    const node = nodeAt(doc, path);

    // Values are str()'d (depth 1); inside lists and maps Python shows repr() (depth 2 and more).
    const values = pyValueOf(node, doc, {
      onScalar: (scalar, value, depth) => {
        const change = depth >= 1 ? textChange(scalar, value, depth >= 2) : undefined;
        if (change) warnAt(scalar.range?.[0] ?? 0, path, change);
      },
    });
    if (!(values instanceof PyDict)) continue;
    const strings = Object.fromEntries(values.entries.map(([k, v]: [PyValue, PyValue]) => [pyStr(k), pyStr(v)]));
    for (const issue of checkMetadata(strings)) {
      if (issue.at === 'map') add(path, issue.message, 'key');
      else add([...path, issue.key ?? ''], issue.message, issue.at);
    }
    metadata[service] = strings;
  }
  return { pythonVersion, metadata };
}

/**
 * The requirements file as pip reads it for the target runtime: refused encodings and lines pip
 * refuses are problems at their line of that file; a decoded UTF-16 / BOM file is a warning.
 */
function checkRequirementsFile(reqFile: string | undefined, unflagged: boolean, runtime: string, ctx: Context): void {
  if (reqFile === undefined || !unflagged) return;
  const abs = resolve(ctx.repoRoot, reqFile);
  if (ctx.checkedRequirements.has(`${abs}\0${runtime}`) || !statSync(abs, { throwIfNoEntry: false })?.isFile()) return;
  ctx.checkedRequirements.add(`${abs}\0${runtime}`);
  const file = displayPath(abs);
  try {
    const { text, warning } = decodeRequirements(readFileSync(abs), file);
    if (warning) ctx.problems.warnIn({ file, line: 1, column: 1, field: 'req_file', message: warning });
    const parsed = parseRequirements(text, { pythonVersion: setupPythonVersion(runtime as PythonRuntime) });
    for (const p of requirementProblems(parsed, file)) ctx.problems.addIn(p);
  } catch (err) {
    if (!(err instanceof MlopsError)) throw err;
    for (const p of err.problems) ctx.problems.addIn(p);
  }
}

/** The package's rule: keep_all_models wins, else models_to_keep, else 3. */
function retentionOf(d: ModelDocument): Retention {
  if (d.keep_all_models) return { keep: 'all', from: 'keep_all_models' };
  if (d.models_to_keep !== undefined && d.models_to_keep !== null) return { keep: d.models_to_keep, from: 'models_to_keep' };
  return { keep: DEFAULT_MODELS_TO_KEEP, from: 'default' };
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
    helperModels: (d.helper_models ?? []).map((h) => {
      const name = (h.model_name ?? h.name) as string;
      return {
        name,
        env: h.env,
        version: h.version ?? null,
        targetPath: h.target_path ?? `helper_models/${name}`,
        packagesToCheck: h.packages_to_check ?? d.packages_to_check ?? DEFAULT_HELPER_PACKAGES,
      };
    }),
    retention: retentionOf(d),
    info: training
      ? { prediction: service('prediction', d.info.prediction), training: service('training', training) }
      : { prediction: service('prediction', d.info.prediction) },
    source,
  };
}
