/** Turns zod issues into "what was found, what is allowed" sentences, and suggests near-miss keys. */
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';

/** A user's string quoted for a message, shortened so a huge value cannot flood the log. */
export function quoted(value: string): string {
  return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
}

export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  int: 'a whole number',
  number: 'a number',
  object: 'a mapping',
  array: 'a list',
  record: 'a mapping',
};

function sizeWord(origin: string): string {
  return origin === 'string' ? ' characters' : origin === 'array' ? ' items' : '';
}

function sizeOf(input: unknown): string {
  if (typeof input === 'string') return `${input.length} characters`;
  if (Array.isArray(input)) return `${input.length} items`;
  return describeFound(input);
}

/** One sentence for one zod issue (unknown keys are handled by `unknownKeyMessage`). */
export function issueMessage(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (input === undefined) return `is required (${expected})`;
      return `must be ${expected}${issue.expected === 'int' ? ' greater than 0' : ''}; found ${describeFound(input)}`;
    }
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${sizeWord(issue.origin)}; found ${sizeOf(input)}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return 'must not be empty';
      return issue.origin === 'number' || issue.origin === 'int'
        ? `must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}; found ${describeFound(input)}`
        : `must be at least ${String(issue.minimum)}${sizeWord(issue.origin)}; found ${sizeOf(input)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}; found ${describeFound(input)}`;
    default:
      return issue.message;
  }
}

/** Whether `candidate` is close enough to `key` to be what the user meant. */
function nearMiss(key: string, candidate: string): boolean {
  const d = distance(key.toLowerCase(), candidate.toLowerCase());
  return d <= 2 || d <= Math.floor(key.length * 0.3) || (key.length >= 4 && candidate.startsWith(key));
}

/** The message for an unknown key, and the allowed key it is a near miss of, if any. */
export function unknownKeyMessage(key: string, allowed: string[] | undefined): { message: string; suggestion?: string } {
  if (!allowed?.length) return { message: `unknown key ${quoted(key)}` };
  const guess = closest(key, allowed);
  const suggestion = nearMiss(key, guess) ? guess : undefined;
  const hint = suggestion ? `did you mean "${suggestion}"? ` : '';
  return { message: `unknown key ${quoted(key)}; ${hint}allowed here: ${allowed.join(', ')}`, suggestion };
}
