/**
 * The service test: the packaged handler, run the way CDF runs it (the emulator's runHandler: a
 * subprocess, with a client bound to a local emulator), must answer the ServiceTest payload
 * with status "ok", and satisfy ServiceTest.prediction_check (training_check) when it is callable.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCredentialSecrets } from '../deploy/credential-secrets.js';
import { MlopsError, type Problem } from '../errors.js';
import type { Logger } from '../logger.js';
import { extractZip } from '../packaging/unzip.js';
import { displayRepoPath } from '../settings/load.js';
import type { Env, ModelSettings, Service } from '../settings/types.js';
import { withTempDir } from '../temp.js';
import { modelPythonPath, runPython, tail } from './process.js';

/** CDF's call time limit (10 minutes on Azure and AWS). */
const CALL_TIMEOUT_MS = 10 * 60_000;

/**
 * Python that makes the ServiceTest object as akerbp-mlops 3.x–4.1 did (`ServiceTest()`, its
 * get_model_test_data, so payloads set in `__init__` or exposed as properties are read): defines
 * `service_test(cls) -> (instance or None, constructor error or None)`.
 */
const INSTANTIATE = String.raw`
import traceback as _traceback
def service_test(cls):
    try:
        return cls(), None
    except BaseException as e:
        return None, "".join(_traceback.format_exception_only(type(e), e)).strip()
`;

/**
 * Imports the test module and dumps `ServiceTest().<attr>` (the class's attribute when the
 * constructor raises and the class defines the attribute itself), with the lines to annotate:
 * the class, the attribute (a class assignment, `self.<attr> = ...` or a property) and `__init__`.
 * Like CALL_CHECK, it first imports mlops_runtime.akerbp_path (akerbp.mlops beside a regular akerbp).
 */
const READ_PAYLOAD = String.raw`
import ast, importlib, inspect, json, sys, traceback
import mlops_runtime.akerbp_path
${INSTANTIATE}
test_file, attr, out = sys.argv[1:4]
result = {"class_line": None, "attr_line": None, "init_line": None}
try:
    tree = ast.parse(open(test_file, "rb").read())
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "ServiceTest":
            result["class_line"] = node.lineno
            for st in node.body:
                targets = st.targets if isinstance(st, ast.Assign) else [st.target] if isinstance(st, ast.AnnAssign) else []
                if any(isinstance(t, ast.Name) and t.id == attr for t in targets) or (isinstance(st, ast.FunctionDef) and st.name == attr):
                    result["attr_line"] = st.lineno
                if isinstance(st, ast.FunctionDef) and st.name == "__init__":
                    result["init_line"] = st.lineno
                    for sub in ast.walk(st):
                        targets = sub.targets if isinstance(sub, ast.Assign) else [sub.target] if isinstance(sub, ast.AnnAssign) else []
                        if result["attr_line"] is None and any(isinstance(t, ast.Attribute) and t.attr == attr and isinstance(t.value, ast.Name) and t.value.id == "self" for t in targets):
                            result["attr_line"] = sub.lineno
except SyntaxError:
    pass
try:
    module = importlib.import_module(test_file[:-3].replace("/", "."))
    cls = getattr(module, "ServiceTest", None)
    if cls is None:
        result["error"] = "no-class"
    else:
        obj, init_error = service_test(cls)
        static = inspect.getattr_static(cls, attr, None)
        if obj is None and (static is None or isinstance(static, property)):
            result["error"] = "init"
            result["message"] = init_error
        else:
            try:
                value = getattr(cls if obj is None else obj, attr)
            except AttributeError:
                result["error"] = "no-attr"
            except BaseException as e:
                result["error"] = "raised"
                result["message"] = "".join(traceback.format_exception_only(type(e), e)).strip()
            else:
                try:
                    result["payload"] = json.loads(json.dumps(value, allow_nan=False))
                except (TypeError, ValueError) as e:
                    result["error"] = "not-json"
                    result["message"] = str(e)
except BaseException as e:
    result["error"] = "import"
    result["message"] = "".join(traceback.format_exception_only(type(e), e)).strip()
json.dump(result, open(out, "w"))
`;

/**
 * Calls `ServiceTest.<check>(response)` when it is callable (a staticmethod, a function or lambda
 * of the response, a method of the `ServiceTest()` instance, or a callable set in `__init__`); a
 * missing or non-callable check is skipped, as the Python package fetched but never called it.
 */
const CALL_CHECK = String.raw`
import importlib, inspect, json, sys, traceback
import mlops_runtime.akerbp_path
${INSTANTIATE}
test_file, attr, response_file, out = sys.argv[1:5]
result = {}
try:
    cls = getattr(importlib.import_module(test_file[:-3].replace("/", ".")), "ServiceTest")
    obj, init_error = service_test(cls)
    check = getattr(cls, attr, None)
    if check is None and obj is not None:
        # set in __init__: already bound (or a plain function of the response)
        check, bound = getattr(obj, attr, None), True
    else:
        bound = False
    if not callable(check):
        result["skipped"] = "absent" if check is None else "not callable"
    else:
        try:
            result["line"] = inspect.getsourcelines(check)[1]
        except (OSError, TypeError):
            pass
        try:
            positional = [p for p in inspect.signature(check).parameters.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        except (TypeError, ValueError):
            positional = [None]
        response = json.load(open(response_file))
        if not bound and len(positional) >= 2:
            if obj is None:
                raise RuntimeError("ServiceTest() raised " + init_error)
            result["passed"] = bool(check(obj, response))
        else:
            result["passed"] = bool(check(response))
except BaseException as e:
    result["error"] = "".join(traceback.format_exception_only(type(e), e)).strip()
json.dump(result, open(out, "w"))
`;

interface PayloadRead {
  payload?: unknown;
  error?: 'no-class' | 'no-attr' | 'not-json' | 'import' | 'init' | 'raised';
  message?: string;
  class_line: number | null;
  attr_line: number | null;
  init_line: number | null;
}

export function serviceTestAttribute(service: Service): string {
  return service === 'training' ? 'training_input' : 'prediction_input';
}

/** The ServiceTest attribute that checks the service's response. */
export function serviceTestCheckAttribute(service: Service): string {
  return service === 'training' ? 'training_check' : 'prediction_check';
}

/** `ServiceTest.prediction_input` (or `training_input`) of the model's test file, as JSON. */
export async function readServiceTestPayload(o: { repoRoot: string; model: ModelSettings; service: Service; python: string }): Promise<{ payload: unknown; line?: number }> {
  const testFile = o.model.testFile;
  if (!testFile) {
    throw new MlopsError(`Model "${o.model.modelName}" has no test_file, so it has no ServiceTest payload for the service test.`, [{ file: o.model.source.file, line: o.model.source.line, field: 'test_file', message: 'Set test_file to a file with a ServiceTest class.' }]);
  }
  const attr = serviceTestAttribute(o.service);
  return withTempDir('mlops-payload-', async (scratch) => {
    const out = join(scratch, 'payload.json');
    const r = await runPython(o.python, ['-c', READ_PAYLOAD, testFile, attr, out], {
      cwd: o.repoRoot,
      env: { PYTHONPATH: modelPythonPath(o.repoRoot) },
    });
    const read = JSON.parse(await readFile(out, 'utf8').catch(() => 'null')) as PayloadRead | null;
    if (!read) throw new MlopsError(`Could not read ServiceTest from ${testFile} with "${o.python}":\n${tail(r.stderr || r.stdout)}`);
    const at = (line: number | null, message: string): Problem => ({ file: displayRepoPath(o.repoRoot, testFile), line: line ?? undefined, field: `ServiceTest.${attr}`, message });
    switch (read.error) {
      case 'no-class':
        throw new MlopsError(`${testFile} has no ServiceTest class.`, [at(null, `Add \`class ServiceTest:\` with a \`${attr}\` payload (the data the ${o.service} service is called with).`)]);
      case 'no-attr':
        throw new MlopsError(`ServiceTest in ${testFile} has no ${attr}.`, [at(read.class_line, `Add \`${attr} = {...}\` to ServiceTest: the payload the ${o.service} service test sends.`)]);
      case 'init':
        throw new MlopsError(`ServiceTest() in ${testFile} raised ${read.message}`, [at(read.init_line ?? read.class_line, `The service test reads ${attr} from ServiceTest() (as akerbp-mlops did), and its constructor raised ${read.message}. Make __init__ run from the repository root, or define ${attr} on the class.`)]);
      case 'raised':
        throw new MlopsError(`Reading ServiceTest().${attr} in ${testFile} raised ${read.message}`, [at(read.attr_line ?? read.class_line, `Reading ${attr} raised ${read.message}`)]);
      case 'not-json':
        throw new MlopsError(`ServiceTest.${attr} in ${testFile} is not JSON.`, [at(read.attr_line ?? read.class_line, `The payload must be JSON (dicts, lists, strings, finite numbers, booleans, None): ${read.message}`)]);
      case 'import':
        throw new MlopsError(`Importing ${testFile} failed: ${read.message}`, [at(read.class_line, `${testFile} must import cleanly to read ServiceTest: ${read.message}`)]);
      default:
        return { payload: read.payload, line: read.attr_line ?? read.class_line ?? undefined };
    }
  });
}

/** Where the handler's client points: an emulator started by the caller, or one started here. */
export interface EmulatorEndpoint {
  url: string;
  project: string;
  tokenUrl: string;
}

/** A token of the local emulator (it gives one to any client id and secret). */
export async function emulatorToken(e: EmulatorEndpoint): Promise<string> {
  const res = await fetch(e.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'mlops-service-test', client_secret: 'local', scope: `${e.url}/.default` }),
  });
  if (!res.ok) throw new MlopsError(`The local emulator refused a token (${res.status}).`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** HTTP(S)_PROXY, NO_PROXY, ALL_PROXY in any case: the handler runs in CDF's bare environment plus these, so it reaches what pytest reaches. */
function proxyVariables(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && /^(https?|no|all)_proxy$/i.test(e[0])));
}

export interface RunServiceTestOptions {
  repoRoot: string;
  model: ModelSettings;
  service: Service;
  packagePath: string;
  python: string;
  /** the payload is written here (the deploy smoke test sends it again) */
  payloadFile: string;
  emulator?: EmulatorEndpoint;
  /** MODEL_ENV of the handler, as a function deployed to that env has it (default dev) */
  env?: Env;
  log: Logger;
}

/**
 * A service test that failed after the handler answered or while it ran: `modelId` is the
 * response's model_id (the artifact the service really loaded, e.g. `sonic/test/3`) when it
 * answered with one, so a failing ServiceTest check still reports what was tested; else null.
 */
export class ServiceTestFailure extends MlopsError {
  constructor(message: string, problems: Problem[], readonly modelId: string | null) {
    super(message, problems);
    this.name = 'ServiceTestFailure';
  }
}

export interface ServiceTestResult {
  payloadFile: string;
  response: Record<string, unknown>;
  /** the response's model_id: the artifact the service really loaded */
  modelId: string | null;
  /** whether ServiceTest's check ran (false: absent or not callable) */
  checked: boolean;
}

/** Runs ServiceTest.<check> on `response`: throws `fail(...)` when it returns falsy or raises. */
async function runServiceTestCheck(o: RunServiceTestOptions, response: unknown, scratch: string, fail: (message: string, line?: number) => MlopsError): Promise<boolean> {
  const attr = serviceTestCheckAttribute(o.service);
  const responseFile = join(scratch, 'response.json');
  const out = join(scratch, 'check.json');
  await writeFile(responseFile, JSON.stringify(response));
  const r = await runPython(o.python, ['-c', CALL_CHECK, o.model.testFile as string, attr, responseFile, out], {
    cwd: o.repoRoot,
    env: { PYTHONPATH: modelPythonPath(o.repoRoot) },
  });
  const check = JSON.parse(await readFile(out, 'utf8').catch(() => 'null')) as { skipped?: string; passed?: boolean; error?: string; line?: number } | null;
  if (!check) throw fail(`ServiceTest.${attr} could not be run with "${o.python}": ${tail(r.stderr || r.stdout)}`);
  if (check.skipped === 'not callable') o.log.info(`ServiceTest.${attr} is not callable; not checked (as the Python package did).`);
  if (check.skipped) return false;
  if (check.error) throw fail(`ServiceTest.${attr} raised ${check.error}`, check.line);
  if (!check.passed) throw fail(`ServiceTest.${attr} returned a falsy value for the response ${JSON.stringify(response).slice(0, 300)}`, check.line);
  return true;
}

/**
 * The service test: reads ServiceTest's payload (written to `o.payloadFile`), unpacks the package
 * and runs its handler once with it as CDF would (a bare environment plus the proxy variables,
 * MODEL_ENV and SERVICE_NAME; the read pair's dashed secrets when configured; the client of
 * `o.emulator`, else of an emulator started and stopped here), then ServiceTest's check when
 * callable. Returns the response and the model_id it names. Throws ServiceTestFailure (located at
 * the payload or the check in test_file, with the model id when the service answered one) when
 * the handler crashes, times out (CDF's call limit), answers other than `"ok"` or the check fails;
 * MlopsError when the payload cannot be read or the package would not build in CDF.
 */
export async function runServiceTest(o: RunServiceTestOptions): Promise<ServiceTestResult> {
  const { payload, line } = await readServiceTestPayload(o);
  await writeFile(o.payloadFile, `${JSON.stringify(payload, null, 2)}\n`);
  return withTempDir('mlops-service-test-', async (scratch) => {
    const codeDir = join(scratch, 'code');
    let started: { stop(): Promise<void> } | undefined;
    try {
      await extractZip(o.packagePath, codeDir);
      // Loaded on demand: only the service test runs handlers. The emulator's public API runs them as CDF does.
      const { checkHandler, runHandler, startEmulator } = await import('@akerbp-mlops/cdf-emulator');
      const build = await checkHandler({ python: o.python, codeDir });
      if (build) throw new MlopsError(`The package of model "${o.model.modelName}" would not build in CDF: ${build.message}`);
      let emulator = o.emulator;
      if (!emulator) {
        const running = await startEmulator({ python: o.python });
        started = running;
        emulator = running;
      }
      const cdf = { baseUrl: emulator.url, project: emulator.project, token: await emulatorToken(emulator) };
      // As a deployed function's secrets: the read pair's dashed keys when configured (model code builds clients from them).
      const secrets = readCredentialSecrets(process.env);
      if (secrets['secret-read']) o.log.secret(secrets['secret-read']);
      const result = await o.log.group(`service test: ${o.model.modelName} ${o.service}`, async () => {
        const lines: string[] = [];
        // The handler's own output, live, as in CDF's call log.
        const r = await runHandler({
          python: o.python, codeDir, data: payload, functionCallInfo: { function_id: 1, call_id: 1 }, cdf, timeoutMs: CALL_TIMEOUT_MS,
          secrets: Object.keys(secrets).length ? secrets : undefined,
          // As a deployed function's envVars; MLOPS_SERVICE_TEST lets call_function explain what the local CDF holds.
          env: { ...proxyVariables(), MODEL_ENV: o.env ?? 'dev', SERVICE_NAME: o.service, MLOPS_SERVICE_TEST: '1' },
          onLine: (l) => { lines.push(l); o.log.info(l); },
        });
        return { r, lines };
      });
      const attr = `ServiceTest.${serviceTestAttribute(o.service)}`;
      const { r } = result;
      const answered = r.outcome === 'completed' && r.response && typeof r.response === 'object' ? (r.response as Record<string, unknown>) : null;
      const modelId = typeof answered?.model_id === 'string' ? answered.model_id : null;
      const fail = (message: string, at = line, field = attr) => new ServiceTestFailure(
        `The ${o.service} service test of model "${o.model.modelName}" failed${modelId ? ` (model id ${modelId})` : ''}:`,
        [{ file: o.model.testFile ? displayRepoPath(o.repoRoot, o.model.testFile) : undefined, line: at, field, message }], modelId);
      if (r.outcome === 'timeout') throw fail(`the handler did not answer within ${CALL_TIMEOUT_MS / 60_000} minutes (CDF's call limit)`);
      if (r.outcome === 'crashed') throw fail(r.spawnError ? `could not start "${o.python}": ${r.spawnError}` : `the handler crashed (exit code ${r.exitCode}): ${tail(result.lines.join('\n'))}`);
      if (r.outcome === 'failed') throw fail(r.error.message || 'handle() raised');
      const response = r.response as Record<string, unknown> | null;
      if (!response || typeof response !== 'object' || response.status !== 'ok') {
        const why = response && typeof response === 'object' && typeof response.message === 'string' ? response.message : JSON.stringify(response);
        throw fail(`the service answered ${JSON.stringify(response?.status ?? null)} instead of "ok": ${why}`);
      }
      const checkField = `ServiceTest.${serviceTestCheckAttribute(o.service)}`;
      const checked = await runServiceTestCheck(o, response, scratch, (message, at) => fail(message, at ?? line, checkField));
      o.log.info(`Service test of ${o.model.modelName} (${o.service}) passed${modelId ? ` with model ${modelId}` : ''}${checked ? ` and ${checkField}` : ''}: ${JSON.stringify(response).slice(0, 300)}`);
      return { payloadFile: o.payloadFile, response, modelId, checked };
    } finally {
      await started?.stop();
    }
  });
}
