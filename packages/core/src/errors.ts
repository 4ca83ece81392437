import type { SourceLocation } from './logger.js';

/** One located problem in user input (settings, model code, payloads). */
export interface Problem extends SourceLocation {
  /** Dotted path of the offending field, e.g. `info.prediction.owner`. */
  field?: string;
  message: string;
}

/**
 * An error the user can fix: printed as one readable paragraph (never a stack trace) and
 * turned into one GitHub annotation per problem by `report`.
 */
export class MlopsError extends Error {
  readonly problems: Problem[];
  constructor(message: string, problems: Problem[] = []) {
    super(message);
    this.name = 'MlopsError';
    this.problems = problems;
  }
}

/** `file:line:col: field: message` — the one-line form used in logs and the CLI. */
export function formatProblem(p: Problem): string {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}: ` : '';
  const field = p.field ? `${p.field}: ` : '';
  return `${where}${field}${p.message}`;
}
