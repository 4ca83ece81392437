/**
 * Hiding secret values in text the suite stores or prints: what a function call printed or raised
 * (smoke-call logs, failure reasons, error messages) may hold a secret the model was given.
 */

/** The text put in place of a secret, as GitHub masks them. */
export const REDACTED = '***';

/**
 * Lines of a multi-line secret shorter than this are not hidden on their own (a `}` or `-----`
 * line would hide text everywhere); nor is a whole value this short hidden by redactSecretValues,
 * which redacts stored texts (a 1–3 character secret would turn every occurrence of those
 * characters into `***` and is no secret worth the name).
 */
export const MIN_REDACTED_LENGTH = 4;

/**
 * The pieces of one secret value to mask: the value itself, and, for a multi-line value (a PEM
 * key, JSON), each of its trimmed lines of at least MIN_REDACTED_LENGTH characters, since a runner
 * masks line by line and a line printed alone would not match the whole value (GitHub's advice for
 * multi-line secrets: register each line, docs.github.com "Using secrets in GitHub Actions").
 * Returns [] for ''.
 */
export function secretPieces(value: string): string[] {
  if (!value) return [];
  const lines = value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length >= MIN_REDACTED_LENGTH && l !== value);
  return [...new Set([value, ...lines])];
}

/**
 * `text` with each secret value, and each line of a multi-line value (secretPieces), replaced by
 * `***`; longest pieces first, so a line never leaves part of its whole value behind. Values (and
 * lines) shorter than MIN_REDACTED_LENGTH characters are left as they are. Pure; never throws.
 */
export function redactSecretValues(text: string, values: Iterable<string>): string {
  const pieces = [...new Set([...values].flatMap(secretPieces))].filter((p) => p.length >= MIN_REDACTED_LENGTH).sort((a, b) => b.length - a.length);
  let out = text;
  for (const p of pieces) out = out.split(p).join(REDACTED);
  return out;
}
