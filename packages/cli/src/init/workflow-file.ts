/**
 * Writing `.github/workflows/main.yml` without clobbering user edits: a file we wrote (whatever
 * version it pins) is updated; anything else is left alone unless forced.
 */
import { REUSABLE_WORKFLOW, renderWorkflow } from './templates.js';

const PIN = new RegExp(`(${REUSABLE_WORKFLOW.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')})@[\\w.-]+`, 'g');

export type WorkflowAction =
  | { kind: 'create' | 'unchanged' | 'force'; content: string }
  | { kind: 'update-pin'; content: string; from: string }
  | { kind: 'refuse'; reason: string };

function withoutPin(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(PIN, '$1@<pin>');
}

export function pinnedVersion(text: string): string | undefined {
  return new RegExp(PIN.source).exec(text)?.[0].split('@').pop();
}

/** What to do with the workflow file, given its current text (undefined when absent). */
export function planWorkflowWrite(existing: string | undefined, major: string, force: boolean): WorkflowAction {
  const content = renderWorkflow(major);
  if (existing === undefined) return { kind: 'create', content };
  if (existing.replace(/\r\n/g, '\n') === content) return { kind: 'unchanged', content };
  if (withoutPin(existing) === withoutPin(content)) return { kind: 'update-pin', content, from: pinnedVersion(existing) ?? '?' };
  if (force) return { kind: 'force', content };
  return {
    kind: 'refuse',
    reason: 'it differs from what mlops init writes (beyond the version pin), so it holds edits of yours',
  };
}
