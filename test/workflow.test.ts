/**
 * The reusable workflow `.github/workflows/mlops.yml`, read by GitHub's own parser: its jobs,
 * needs, environments and concurrency are wired as DESIGN.md §1 describes, it uses our actions
 * only with inputs and outputs they declare, keeps the branch rules out of YAML, and the caller
 * `mlops init` writes fits it.
 */
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow, type WorkflowTemplate } from '@actions/workflow-parser';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REUSABLE_WORKFLOW, renderWorkflow } from '../packages/cli/src/init/templates.js';
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

type Step = { id?: string; uses?: string; with?: Record<string, string>; if?: string };
const jobSteps = (job: string): Step[] => raw.jobs[job].steps;
const ownAction = (uses: string) => /^akerbp\/mlops\/(.+)@v4$/.exec(uses)?.[1];
const actionYml = (path: string) => parse(readFileSync(join(repoRoot, path, 'action.yml'), 'utf8'));

describe(FILE, () => {
  let template: WorkflowTemplate;
  const job = (id: string) => template.jobs.find((j) => plain(j.id) === id) as any;

  beforeAll(async () => {
    const parsed = parseWorkflow({ name: FILE, content }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors()).toEqual([]);
    template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect(template.errors ?? []).toEqual([]);
  });

  it('is callable with the documented inputs and optional COGNITE_* secrets, and runnable by hand for prod', () => {
    const call = template.events.workflow_call!;
    expect(Object.keys(call.inputs!)).toEqual(['settings-file', 'working-directory', 'env', 'python-version', 'models', 'use-oidc']);
    expect(call.inputs!.env.default).toBe('auto');
    // OIDC federation reaches every step that signs in to CDF, and those jobs may mint the token.
    for (const job of ['test', 'deploy']) {
      // The prediction test step downloads missing artifacts; the deploy step deploys.
      const signingIn = jobSteps(job).filter((s) => s.id === 'prediction' || /deploy-cdf-function/.test(s.uses ?? ''));
      expect(signingIn.length, job).toBeGreaterThan(0);
      for (const step of signingIn) expect(step.with!['use-oidc'], `${job}: ${step.uses}`).toBe('${{ inputs.use-oidc }}');
    }
    // Empty: the test job runs each model on its settings' python_version (the matrix's python).
    expect(call.inputs!['python-version'].default).toBe('');
    const setupPython = jobSteps('test').find((s) => s.uses === 'actions/setup-python@v5')!;
    expect(setupPython.with!['python-version']).toBe('${{ inputs.python-version || matrix.python }}');
    expect(renderWorkflow('v4')).toMatch(/# python-version: .*default: each model's python_version/);
    expect(Object.values(call.secrets!).every((s) => s.required === false)).toBe(true);
    expect(Object.keys(call.secrets!)).toEqual(expect.arrayContaining(['COGNITE_CLIENT_ID_WRITE', 'COGNITE_CLIENT_SECRET_WRITE', 'COGNITE_PROJECT']));
    const dispatch = template.events.workflow_dispatch!;
    expect(dispatch.inputs!.env).toMatchObject({ type: 'choice', default: 'prod' });
    expect([...dispatch.inputs!.env.options!].sort()).toEqual(['dev', 'prod', 'test']);
    expect(Object.keys(dispatch.inputs!)).toContain('models');
  });

  it('wires plan → test → deploy, deploying only what the plan says, in its environment, queued per repo and environment', () => {
    expect(template.jobs.map((j) => plain(j.id))).toEqual(['plan', 'test', 'deploy']);
    expect(plain(job('test').needs)).toEqual(['plan']);
    expect(plain(job('deploy').needs)).toEqual(['plan', 'test']);
    expect(plain(job('test').if)).toBe("${{ success() && (needs.plan.outputs.services != '[]') }}");
    expect(plain(job('deploy').if)).toBe("${{ success() && (needs.plan.outputs.deploy == 'true') }}");
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
    expect(jobSteps('test').map((s) => s.uses)).toEqual(expect.arrayContaining(['actions/setup-python@v5', 'akerbp/mlops/actions/test-model@v4']));
    const deployStep = jobSteps('deploy').find((s) => s.uses === 'akerbp/mlops/actions/deploy-cdf-function@v4')!;
    expect(deployStep.with).toMatchObject({ model: '${{ matrix.model }}', service: '${{ matrix.service }}', env: '${{ needs.plan.outputs.environment }}' });
    expect(deployStep.with!['test-payload']).toContain('${{ matrix.model }}-${{ matrix.service }}-payload.json');
  });

  it('deploys a model without test_file (no payload uploaded): the upload ignores no files, the download tolerates no artifact', () => {
    const upload = jobSteps('test').find((s) => s.uses === 'actions/upload-artifact@v4')!;
    expect(upload.with).toMatchObject({ 'if-no-files-found': 'ignore' });
    const download = jobSteps('deploy').find((s) => s.uses === 'actions/download-artifact@v4')!;
    // `name` fails when the artifact is absent; a `pattern` matching nothing downloads nothing.
    expect(download.with).not.toHaveProperty('name');
    expect(download.with).toMatchObject({ pattern: upload.with!.name, 'merge-multiple': true });
    expect(actionYml('actions/deploy-cdf-function').inputs['test-payload'].description).toMatch(/does not exist.*calls with \{\}/);
  });

  it('tests with the artifacts of the planned environment: test-model gets it and the COGNITE_* credentials the deploy gets', () => {
    const testSteps = jobSteps('test').filter((s) => s.uses === 'akerbp/mlops/actions/test-model@v4');
    expect(testSteps).toHaveLength(2);
    for (const step of testSteps) expect(step.with!.env).toBe('${{ needs.plan.outputs.environment }}');
    const deployEnv = (jobSteps('deploy').find((s) => s.uses === 'akerbp/mlops/actions/deploy-cdf-function@v4') as { env: Record<string, string> }).env;
    expect(Object.keys(deployEnv)).toEqual(expect.arrayContaining(['COGNITE_PROJECT', 'COGNITE_CLIENT_ID_WRITE', 'COGNITE_CLIENT_SECRET_WRITE']));
    // The first test-model run downloads a missing artifact folder; the training run finds it on disk.
    expect((testSteps[0] as { env?: Record<string, string> }).env).toEqual(deployEnv);
  });

  it('keeps the branch rules out of YAML: no ref or event tests, short ifs', () => {
    expect(content).not.toMatch(/github\.(ref|event_name|head_ref|base_ref)|startsWith\(/);
    for (const id of Object.keys(raw.jobs)) {
      for (const cond of [raw.jobs[id].if, ...jobSteps(id).map((s) => s.if)].filter(Boolean)) expect(String(cond).length).toBeLessThan(80);
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
  });

  it('triggers on the branches the rules know', () => {
    expect(caller.on.push.branches).toEqual(expect.arrayContaining(['main', 'master', 'deploy/**', 'feature/**', 'mlops/**']));
    expect(Object.keys(caller.on)).toEqual(expect.arrayContaining(['pull_request', 'workflow_dispatch']));
  });
});
