/**
 * Hiding secret values in text the suite stores or prints: what a function call printed or raised
 * (smoke-call logs, failure reasons, error messages) may hold a secret the model was given.
 */

/** The text put in place of a secret, as GitHub masks them. */
export const REDACTED = '***';

/**
 * Lines of a multi-line secret shorter than this are not hidden on their own (a `}` or `-----`
 * line would hide text everywhere); nor is a whole value this short hidden by secretMasker, in
 * stored texts or in the CLI's output (a 1–3 character secret would turn every occurrence of
 * those characters into `***` and is no secret worth the name).
 */
export const MIN_REDACTED_LENGTH = 4;

/**
 * The forms model code naturally prints a text in besides as it is: JSON string escaping
 * (`json.dumps`, `JSON.stringify`: `\\`, `\"`, `\n`…), JSON with non-ASCII as `\uXXXX`
 * (Python's `json.dumps` default, ensure_ascii), and Python's `repr` (`\\`, `\n`, `\t`, and `\'` when
 * it quotes with `'`). Without them `Pa\ss"word` printed as JSON, or `Blåbær` by json.dumps, would
 * be stored readable (GitHub's runner also masks JSON-escaped forms of its secrets).
 */
function escapedForms(text: string): string[] {
  const json = JSON.stringify(text).slice(1, -1);
  const ascii = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const repr = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return [json, ascii, repr, repr.replace(/'/g, "\\'")];
}

/**
 * The pieces of one secret value to mask: the value itself, and, for a multi-line value (a PEM
 * key, JSON), each of its trimmed lines of at least MIN_REDACTED_LENGTH characters, since a runner
 * masks line by line and a line printed alone would not match the whole value (GitHub's advice for
 * multi-line secrets: register each line, docs.github.com "Using secrets in GitHub Actions"); and
 * the escaped forms of each (escapedForms). Returns [] for ''.
 */
export function secretPieces(value: string): string[] {
  if (!value) return [];
  const lines = value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length >= MIN_REDACTED_LENGTH && l !== value);
  return [...new Set([value, ...lines, ...[value, ...lines].flatMap(escapedForms)])];
}

/**
 * Hides registered secret values in texts: `add` registers a value (its secretPieces); `redact`
 * replaces each registered piece of at least MIN_REDACTED_LENGTH characters by `***`, longest
 * first, so a line never leaves part of its whole value behind. The one masking rule of the
 * suite: the CLI's logger (logger.ts) and redactSecretValues both use it. `redact` is pure and
 * never throws.
 */
export function secretMasker(): { add(value: string): void; redact(text: string): string } {
  const pieces = new Set<string>();
  let ordered: string[] = [];
  return {
    add(value) {
      const before = pieces.size;
      for (const p of secretPieces(value)) if (p.length >= MIN_REDACTED_LENGTH) pieces.add(p);
      if (pieces.size !== before) ordered = [...pieces].sort((a, b) => b.length - a.length);
    },
    redact(text) {
      let out = text;
      for (const p of ordered) if (out.includes(p)) out = out.split(p).join(REDACTED);
      return out;
    },
  };
}

/** `text` with `values` hidden as secretMasker hides them. Pure; never throws. */
export function redactSecretValues(text: string, values: Iterable<string>): string {
  const masker = secretMasker();
  for (const v of values) masker.add(v);
  return masker.redact(text);
}

/**
 * An error that carries more text than its message (e.g. a smoke call's logs) and can make a
 * copy of itself with `hide` applied to all of it.
 */
export interface RedactableError extends Error {
  redacted(hide: (text: string) => string): Error;
}

/**
 * `err` with the secret `values` hidden (`***`) from its message and stack, and, for a
 * RedactableError, from everything it carries (a new error of its kind). A non-Error, or no
 * values, passes as it is. For errors whose text a model may have written (call logs, raised
 * exceptions) before anything stores or prints them.
 */
export function redactError(err: unknown, values: Iterable<string>): unknown {
  const masker = secretMasker();
  for (const v of values) masker.add(v);
  if (!(err instanceof Error)) return err;
  const hide = masker.redact;
  if (typeof (err as Partial<RedactableError>).redacted === 'function') {
    const clean = (err as RedactableError).redacted(hide);
    if (err.stack) clean.stack = hide(err.stack);
    return clean;
  }
  err.message = hide(err.message);
  if (err.stack) err.stack = hide(err.stack);
  return err;
}
