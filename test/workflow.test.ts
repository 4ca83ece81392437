/**
 * The reusable workflow `.github/workflows/mlops.yml`, read by GitHub's own parser: its jobs,
 * needs, environments and concurrency are wired as DESIGN.md §1 describes; the test job (model
 * code) gets read credentials at most; the deploy job deploys exactly the zip the test job built;
 * it uses our actions only with inputs and outputs they declare, keeps the branch rules out of
 * YAML, evaluates its expressions as GitHub's evaluator does, and the caller `mlops init` writes fits it.
 */
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow, type WorkflowTemplate } from '@actions/workflow-parser';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REUSABLE_WORKFLOW, renderWorkflow } from '../packages/cli/src/init/templates.js';
import { functionExternalId } from '@akerbp-mlops/core';
import { repoRoot } from './helpers/run-bundle.js';

const FILE = '.github/workflows/mlops.yml';
const content = readFileSync(join(repoRoot, FILE), 'utf8');
const raw = parse(content);

/** Template tokens as plain values; expressions as `${{ expr }}`. */
function plain(token: unknown): unknown {
  const t = JSON.parse(JSON.stringify(token ?? null));
  const walk = (v: any): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(walk);
    if (v.type === 2 && Array.isArray(v.map)) return Object.fromEntries(v.map.map((e: { Key: unknown; Value: unknown }) => [walk(e.Key), walk(e.Value)]));
    if (v.type === 1 && Array.isArray(v.seq)) return v.seq.map(walk);
    if (v.type === 3) return `\${{ ${v.expr} }}`;
    if ('lit' in v) return v.lit;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return walk(t);
}

type Step = { id?: string; uses?: string; with?: Record<string, string>; if?: string; env?: Record<string, string>; run?: string };
const jobSteps = (job: string): Step[] => raw.jobs[job].steps;
const ownAction = (uses: string) => /^akerbp\/mlops\/(.+)@v4$/.exec(uses)?.[1];
const actionYml = (path: string) => parse(readFileSync(join(repoRoot, path, 'action.yml'), 'utf8'));

/**
 * Evaluates a `${{ }}` expression as the runner does (GitHub's own evaluator, short-circuiting
 * `&&` and `||`), with contexts given as plain JSON.
 */
function evaluate(expression: string, contexts: Record<string, unknown>): string {
  const inner = /^\$\{\{(.*)\}\}$/s.exec(expression.trim())?.[1] ?? expression;
  const lexed = new Lexer(inner).lex();
  const expr = new Parser(lexed.tokens, Object.keys(contexts), []).parse();
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  return new Evaluator(expr, context).evaluate().coerceString();
}

const CDF_ACTIONS = /actions\/(test-model|package-model|deploy-cdf-function)@v4$/;

describe(FILE, () => {
  let template: WorkflowTemplate;
  const job = (id: string) => template.jobs.find((j) => plain(j.id) === id) as any;

  beforeAll(async () => {
    const parsed = parseWorkflow({ name: FILE, content }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors()).toEqual([]);
    template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect(template.errors ?? []).toEqual([]);
  });

  it('is callable with the documented inputs; sensitive values are secrets, never inputs; runnable by hand for prod', () => {
    const call = template.events.workflow_call!;
    expect(Object.keys(call.inputs!)).toEqual([
      'settings-file', 'working-directory', 'env', 'services', 'models', 'testing-only', 'allowed-cdf-projects', 'python-version',
      'use-oidc', 'audience', 'test-environment', 'package-retention-days', 'runs-on',
    ]);
    expect(call.inputs!.env.default).toBe('auto');
    expect(call.inputs!.audience.default).toBe('api://AzureADTokenExchange');
    expect(raw.on.workflow_call.inputs['package-retention-days']).toMatchObject({ type: 'number', default: 7 });
    expect(call.inputs!['runs-on'].default).toBe('ubuntu-latest');
    // Inputs are shown in the run's log and UI; these go in as secrets (masked).
    expect(Object.keys(call.secrets!)).toEqual(expect.arrayContaining(['FUNCTION_SECRETS', 'INDEX_URL', 'EXTRA_INDEX_URLS', 'COGNITE_CLIENT_SECRET_WRITE', 'COGNITE_CLIENT_SECRET_READ']));
    for (const name of ['function-secrets', 'index-url', 'extra-index-urls', 'client-secret']) expect(Object.keys(call.inputs!)).not.toContain(name);
    expect(Object.values(call.secrets!).every((s) => s.required === false)).toBe(true);
    const deploy = jobSteps('deploy').find((s) => /deploy-cdf-function/.test(s.uses ?? ''))!;
    expect(deploy.with).toMatchObject({
      'function-secrets': '${{ secrets.FUNCTION_SECRETS }}', 'index-url': '${{ secrets.INDEX_URL }}', 'extra-index-urls': '${{ secrets.EXTRA_INDEX_URLS }}',
      'use-oidc': '${{ inputs.use-oidc }}', audience: "${{ inputs.audience || 'api://AzureADTokenExchange' }}",
    });
    const dispatch = template.events.workflow_dispatch!;
    expect(dispatch.inputs!.env).toMatchObject({ type: 'choice', default: 'prod' });
    expect([...dispatch.inputs!.env.options!].sort()).toEqual(['dev', 'prod', 'test']);
    // A manual run can deploy the training service (to prod too): the plan step takes services.
    expect(dispatch.inputs!.services.options).toContain('prediction,training');
    expect(jobSteps('plan').find((s) => s.id === 'plan')!.with).toMatchObject({ services: '${{ inputs.services }}' });
    expect(Object.keys(dispatch.inputs!)).toContain('models');
  });

  it('states in its header what the caller must grant: every permission a job asks for', () => {
    const head = content.slice(0, content.indexOf('\nname:'));
    const wanted = new Set<string>();
    for (const spec of Object.values<{ permissions?: Record<string, string> }>(raw.jobs)) for (const [k, v] of Object.entries(spec.permissions ?? {})) wanted.add(`${k}: ${v}`);
    expect([...wanted].sort()).toEqual(['contents: read', 'id-token: write']);
    for (const grant of wanted) expect(head).toMatch(new RegExp(`#\\s+${grant}`));
  });

  it('wires plan → test → deploy, deploying only what the plan says, in its environment, queued per repo and environment', () => {
    expect(template.jobs.map((j) => plain(j.id))).toEqual(['plan', 'test', 'deploy']);
    expect(plain(job('test').needs)).toEqual(['plan']);
    expect(plain(job('deploy').needs)).toEqual(['plan', 'test']);
    expect(plain(job('test').if)).toBe("${{ success() && (needs.plan.outputs.services != '[]') }}");
    expect(plain(job('deploy').if)).toBe("${{ success() && (needs.plan.outputs.deploy == 'true' && !inputs.testing-only) }}");
    expect(plain(job('deploy').environment)).toBe('${{ needs.plan.outputs.environment }}');
    const concurrency = plain(job('deploy').concurrency) as { group: string; 'cancel-in-progress': boolean };
    expect(concurrency['cancel-in-progress']).toBe(false);
    expect(concurrency.group).toMatch(/github\.repository.*needs\.plan\.outputs\.environment/);
    expect(plain(job('deploy').env)).toEqual({ MODEL_ENV: '${{ needs.plan.outputs.environment }}', SERVICE_NAME: '${{ matrix.service }}' });
    expect((plain(job('deploy').strategy) as { matrix: unknown }).matrix).toEqual({
      model: '${{ fromJSON(needs.plan.outputs.models) }}',
      service: '${{ fromJSON(needs.plan.outputs.services) }}',
    });
    expect((plain(job('test').strategy) as { matrix: unknown }).matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}');
    // The plan comes from validate-settings in auto mode: the branch rules are core code.
    const planStep = jobSteps('plan').find((s) => s.id === 'plan')!;
    expect(planStep.uses).toBe('akerbp/mlops/actions/validate-settings@v4');
    expect(planStep.with).toMatchObject({ env: 'auto', 'deploy-env': '${{ inputs.env }}' });
  });

  it('every job: a timeout, the runs-on input, current majors of the actions, checkout without persisted credentials', () => {
    for (const [id, spec] of Object.entries<{ 'timeout-minutes'?: number; 'runs-on'?: string; steps: Step[] }>(raw.jobs)) {
      expect(spec['timeout-minutes'], id).toBeGreaterThan(0);
      expect(spec['runs-on'], id).toBe("${{ inputs.runs-on || 'ubuntu-latest' }}");
      const checkout = spec.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!;
      expect(checkout.uses, id).toBe('actions/checkout@v7');
      expect(checkout.with, id).toMatchObject({ 'persist-credentials': false });
    }
    const uses = Object.values<{ steps: Step[] }>(raw.jobs).flatMap((j) => j.steps.map((s) => s.uses)).filter((u): u is string => !!u && u.startsWith('actions/'));
    expect([...new Set(uses)].sort()).toEqual(['actions/checkout@v7', 'actions/download-artifact@v8', 'actions/setup-python@v7', 'actions/upload-artifact@v7']);
    const setupPython = jobSteps('test').find((s) => s.uses === 'actions/setup-python@v7')!;
    expect(setupPython.with).toEqual({ 'python-version': '${{ inputs.python-version || matrix.python }}', cache: 'pip', 'cache-dependency-path': '**/requirements.model' });
    // The deploy step stops itself (timeout-seconds, default 3600 s) before GitHub kills the job.
    expect(raw.jobs.deploy['timeout-minutes'] * 60).toBeGreaterThan(Number(actionYml('actions/deploy-cdf-function').inputs['timeout-seconds'].default));
  });

  it('the test job runs model code with read credentials at most: no id-token, no write secret, no function secrets', () => {
    expect(raw.jobs.test.permissions).toEqual({ contents: 'read' });
    expect(raw.jobs.test.environment).toBe('${{ inputs.test-environment }}');
    const text = JSON.stringify(raw.jobs.test);
    for (const forbidden of ['_WRITE', 'FUNCTION_SECRETS', 'INDEX_URL', 'use-oidc', 'id-token']) expect(text, forbidden).not.toContain(forbidden);
    const cdfSteps = jobSteps('test').filter((s) => CDF_ACTIONS.test(s.uses ?? ''));
    expect(cdfSteps.length).toBe(4);
    for (const step of cdfSteps) {
      expect(step.with, step.id).toMatchObject({
        'client-id': '${{ env.COGNITE_CLIENT_ID_READ }}', 'client-secret': '${{ env.COGNITE_CLIENT_SECRET_READ }}',
        'allowed-cdf-projects': '${{ inputs.allowed-cdf-projects }}', env: '${{ needs.plan.outputs.environment }}',
      });
    }
    expect(Object.keys(raw.jobs.test.env)).toEqual(['COGNITE_PROJECT', 'COGNITE_OIDC_BASE_URL', 'COGNITE_TENANT_ID', 'COGNITE_CLIENT_ID_READ', 'COGNITE_CLIENT_SECRET_READ', 'PACKAGE']);
    // The deploy job signs in with the write pair (or OIDC) in the planned environment.
    expect(raw.jobs.deploy.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  });

  it('builds once and deploys what was tested: the zips of the tested version, kept as an artifact, deployed by the deploy job', () => {
    const steps = jobSteps('test');
    const ids = steps.map((s) => s.id ?? s.uses);
    // Packaging resolves the artifact version first; both test runs then download that version.
    expect(ids.indexOf('package-prediction')).toBeLessThan(ids.indexOf('prediction'));
    expect(ids.indexOf('package-training')).toBeLessThan(ids.indexOf('training'));
    expect(actionYml('actions/package-model').outputs['artifact-version']).toBeTruthy();
    const prediction = steps.find((s) => s.id === 'prediction')!;
    expect(prediction.with!['artifact-version']).toContain('steps.package-prediction.outputs.artifact-version');
    for (const id of ['package-prediction', 'package-training']) {
      const step = steps.find((s) => s.id === id)!;
      expect(step.if).toMatch(/^env\.PACKAGE == 'true' && /);
      expect(step.with).toMatchObject({ 'output-dir': '.mlops/build', models: '${{ matrix.model }}' });
    }
    expect(raw.jobs.test.env.PACKAGE).toBe("${{ needs.plan.outputs.deploy == 'true' && !inputs.testing-only }}");

    const upload = steps.find((s) => s.uses === 'actions/upload-artifact@v7')!;
    expect(upload.if).toBe("env.PACKAGE == 'true'");
    expect(upload.with).toMatchObject({
      name: 'mlops-${{ matrix.model }}', 'if-no-files-found': 'error', overwrite: true,
      // The paths are under the dot-folder .mlops, which upload-artifact >= 4.4 skips by default.
      'include-hidden-files': true,
      'retention-days': '${{ inputs.package-retention-days || 7 }}',
    });
    const wd = "${{ inputs.working-directory || '.' }}";
    expect(upload.with!.path.trim().split('\n')).toEqual([
      `${wd}/.mlops/build/\${{ matrix.model }}-*.zip`,
      `${wd}/.mlops/test/\${{ matrix.model }}-*-payload.json`,
    ]);
    // test-model writes its payload where the upload looks.
    expect(readFileSync(join(repoRoot, 'actions/test-model/main.ts'), 'utf8')).toContain("outputDir: '.mlops/test'");

    const download = jobSteps('deploy').find((s) => s.uses === 'actions/download-artifact@v8')!;
    expect(download.with).toEqual({ name: upload.with!.name, path: '${{ runner.temp }}/mlops' });
    const deploy = jobSteps('deploy').find((s) => /deploy-cdf-function/.test(s.uses ?? ''))!;
    // The upload keeps paths below their common folder (.mlops): build/ and test/.
    expect(deploy.with).toMatchObject({
      model: '${{ matrix.model }}', service: '${{ matrix.service }}', env: '${{ needs.plan.outputs.environment }}',
      package: '${{ runner.temp }}/mlops/build/${{ matrix.model }}-${{ matrix.service }}-${{ needs.plan.outputs.environment }}.zip',
      'test-payload': '${{ runner.temp }}/mlops/test/${{ matrix.model }}-${{ matrix.service }}-payload.json',
    });
    // package-model names its zip after the latest function's external id.
    expect(functionExternalId('m', 'training', 'prod')).toBe('m-training-prod');
  });

  it('reads the artifact version as GitHub evaluates it: the map\'s entry when packaged, empty when packaging was skipped', () => {
    const expression = jobSteps('test').find((s) => s.id === 'prediction')!.with!['artifact-version'];
    const at = (outputs: Record<string, string>) => evaluate(expression, { steps: { 'package-prediction': { outputs } }, matrix: { model: 'sonic_model' } });
    expect(at({ 'artifact-version': '{"sonic_model":3,"other":9}' })).toBe('3');
    // A skipped step has no outputs; fromJSON('') would fail the step, and `&&` never reaches it.
    expect(at({})).toBe('');
    expect(evaluate("${{ needs.plan.outputs.deploy == 'true' && !inputs.testing-only }}", { needs: { plan: { outputs: { deploy: 'true' } } }, inputs: {} })).toBe('true');
    expect(evaluate("${{ needs.plan.outputs.deploy == 'true' && !inputs.testing-only }}", { needs: { plan: { outputs: { deploy: 'true' } } }, inputs: { 'testing-only': true } })).toBe('false');
  });

  it('keeps the branch rules out of YAML: no ref or event tests, short ifs', () => {
    expect(content).not.toMatch(/github\.(ref|event_name|head_ref|base_ref)|startsWith\(/);
    for (const id of Object.keys(raw.jobs)) {
      for (const cond of [raw.jobs[id].if, ...jobSteps(id).map((s) => s.if)].filter(Boolean)) expect(String(cond).length).toBeLessThan(100);
    }
  });

  it('uses our actions only with inputs they declare, and reads only outputs they set', () => {
    const planOutputs = Object.keys(raw.jobs.plan.outputs);
    for (const [id, spec] of Object.entries<{ steps: Step[]; outputs?: Record<string, string> }>(raw.jobs)) {
      const outputsOf = new Map<string, string[]>();
      for (const step of spec.steps) {
        const path = step.uses && ownAction(step.uses);
        if (!path) continue;
        expect(existsSync(join(repoRoot, path, 'action.yml')), `${id}: ${step.uses}`).toBe(true);
        const action = actionYml(path);
        for (const name of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `${id}: ${step.uses} has no input ${name}`).toContain(name);
        if (step.id) outputsOf.set(step.id, Object.keys(action.outputs ?? {}));
      }
      const text = JSON.stringify(spec);
      for (const [, stepId, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        expect(outputsOf.get(stepId), `${id}: steps.${stepId}.outputs.${output}`).toContain(output);
      }
      for (const [, output] of text.matchAll(/needs\.plan\.outputs\.([\w-]+)/g)) expect(planOutputs).toContain(output);
    }
  });
});

describe('the caller `mlops init` writes', () => {
  const caller = parse(renderWorkflow('v4'));
  const callerJob = caller.jobs.mlops;

  it('passes GitHub parser and calls this workflow at v4 with secrets inherited', () => {
    const parsed = parseWorkflow({ name: 'main.yml', content: renderWorkflow('v4') }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors()).toEqual([]);
    expect(REUSABLE_WORKFLOW).toBe(`akerbp/mlops/${FILE}`);
    expect(callerJob.uses).toBe(`${REUSABLE_WORKFLOW}@v4`);
    expect(callerJob.secrets).toBe('inherit');
  });

  it('passes only inputs this workflow declares, and offers only environments it accepts', () => {
    const inputs = Object.keys(raw.on.workflow_call.inputs);
    for (const name of Object.keys(callerJob.with)) expect(inputs).toContain(name);
    expect(raw.on.workflow_dispatch.inputs.env.options).toEqual(expect.arrayContaining(caller.on.workflow_dispatch.inputs.env.options));
  });

  it('grants every permission this workflow asks for (a called workflow cannot get more)', () => {
    const wanted: Record<string, string> = { ...raw.permissions };
    for (const spec of Object.values<{ permissions?: Record<string, string> }>(raw.jobs)) Object.assign(wanted, spec.permissions);
    const rank: Record<string, number> = { none: 0, read: 1, write: 2 };
    for (const [scope, level] of Object.entries(wanted)) {
      expect(rank[caller.permissions[scope] ?? 'none'], `caller permission ${scope}: ${level} needed`).toBeGreaterThanOrEqual(rank[level]);
    }
    // ...and says why, for the user who reads it.
    for (const grant of ['contents: read', 'id-token: write']) expect(renderWorkflow('v4')).toMatch(new RegExp(`^#\\s+${grant}\\s+\\S`, 'm'));
  });

  it('triggers on the branches the rules know', () => {
    expect(caller.on.push.branches).toEqual(expect.arrayContaining(['main', 'master', 'deploy/**', 'feature/**', 'mlops/**']));
    expect(Object.keys(caller.on)).toEqual(expect.arrayContaining(['pull_request', 'workflow_dispatch']));
  });
});
