/**
 * The package indexes CDF's build uses for a function (`index-url`, `extra-index-urls` inputs;
 * `--index-url`, `--extra-index-urls` flags), passed as the create request's `indexUrl` and
 * `extraIndexUrls`. CDF hands them to pip when it builds the function and supports pip's basic
 * authentication in them (`https://user:token@host/simple`); they are never written to the code
 * zip, unlike a `--extra-index-url` line in requirements. Source: docs.cognite.com "Cognite
 * Functions" (additional arguments: index_url, extra_index_urls, with its dependency-confusion
 * warning) and cognite-sdk-python `FunctionsAPI.create`.
 */
import { MlopsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { redactUrlCredentials } from '../packaging/requirement-credentials.js';

export interface IndexUrls {
  indexUrl?: string;
  extraIndexUrls?: string[];
}

/** One URL, checked without ever quoting it (it may hold a token). Throws MlopsError. */
function checkUrl(text: string, field: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new MlopsError(`${field} is not a URL; give the index as https://host/simple (with user:token@ before the host when it needs basic authentication).`, [{ field, message: 'not a URL' }]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MlopsError(`${field} must be an http(s) URL of a package index (PEP 503 "simple" API); found a ${url.protocol} URL.`, [{ field, message: `${url.protocol} URL` }]);
  }
  return text;
}

/**
 * Every part of a URL a log line could show on its own: the whole URL and its decoded and encoded
 * secret, which is the password (`user:token@`), or the user when there is no password (a token
 * given alone, `token@`). A user name beside a password is no secret and is left alone, so that a
 * login like `user` does not hide every "user" in the log. For `Logger.secret` and redaction.
 */
export function urlSecrets(text: string): string[] {
  const out = new Set([text]);
  try {
    const url = new URL(text);
    const secret = url.password || url.username;
    if (secret) {
      out.add(secret);
      out.add(decodeURIComponent(secret));
    }
  } catch {
    // not a URL: the whole text is masked
  }
  return [...out].filter((s) => s.length >= 4);
}

/**
 * Registers every URL and its credentials with `log` as secrets, then warns (an annotation on
 * GitHub) about each URL that carries credentials over plain `http://`, shown with them hidden:
 * CDF's build would send them unencrypted. A warning, not an error: an index inside a private
 * network may be served so on purpose.
 */
export function maskIndexUrls(urls: IndexUrls | undefined, log: Logger): void {
  const all = [urls?.indexUrl ?? '', ...(urls?.extraIndexUrls ?? [])].filter(Boolean);
  for (const u of all) for (const s of urlSecrets(u)) log.secret(s);
  for (const u of all) {
    const hidden = /^http:/i.test(u) ? redactUrlCredentials(u) : null;
    if (hidden) log.warning(`The package index ${hidden} carries credentials over plain http://: CDF's build would send them unencrypted to the index. Serve the index over https:// (or give it without credentials).`);
  }
}

/**
 * Parses the two inputs: `indexUrl` one URL, `extraIndexUrls` URLs separated by commas,
 * whitespace or newlines; empty → absent. Throws MlopsError (never quoting a URL); the caller
 * masks the raw texts first and passes the result to `maskIndexUrls`.
 */
export function parseIndexUrls(indexUrl: string | undefined, extraIndexUrls: string | undefined, fields = { indexUrl: 'index-url', extraIndexUrls: 'extra-index-urls' }): IndexUrls {
  const index = (indexUrl ?? '').trim();
  const extras = (extraIndexUrls ?? '').split(/[\s,]+/).filter(Boolean);
  return {
    ...(index ? { indexUrl: checkUrl(index, fields.indexUrl) } : {}),
    ...(extras.length ? { extraIndexUrls: extras.map((u, i) => checkUrl(u, `${fields.extraIndexUrls}[${i + 1}]`)) } : {}),
  };
}
