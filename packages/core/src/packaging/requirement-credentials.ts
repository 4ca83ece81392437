/**
 * Credentials written into a requirements file: `--extra-index-url https://user:token@host/simple`,
 * `--index-url=…`, `-i …`, `--find-links …`, `-e git+https://token@github.com/…`,
 * `pkg @ https://user:token@host/pkg.whl`, or a token in a URL's query (`?sig=…`). The file is
 * copied into the function zip, which anyone with Files read access in the CDF project can
 * download, so such a line is refused, with the supported way: the masked `index-url` /
 * `extra-index-urls` inputs (CLI `--index-url` / `--extra-index-urls`, or `MLOPS_INDEX_URL` /
 * `MLOPS_EXTRA_INDEX_URLS`), which CDF passes to pip
 * when it builds the function, basic auth included (see deploy/index-urls.ts).
 *
 * Works on pip's logical lines (`logicalLines` in requirements.ts, the suite's one requirements
 * parser). Messages never show a credential: user, password and suspicious query values are
 * replaced by `***`.
 */
import { MlopsError, type Problem } from '../errors.js';
import { logicalLines } from './requirements.js';

/** Every URL in a line: a scheme, `://`, then anything up to whitespace or a quote. */
const URL_IN_TEXT = /[a-z][a-z0-9+.-]*:\/\/[^\s'"]+/gi;
/** Query parameters that carry credentials (tokens, keys, Azure SAS signatures). */
const SECRET_QUERY = /token|key|secret|passw|pwd|auth|sig|credential/i;
/** ssh logins name a user (`git@github.com`), not a secret. */
const SSH_SCHEMES = new Set(['ssh:', 'git+ssh:']);

/**
 * Names pip requirements files go by (`requirements.txt`, `requirements.model`, `requirements-dev.txt`,
 * `dev-requirements.in`, `constraints.txt`): every such file a zip holds is checked, not only the
 * one the settings name, since the whole model folder is shipped. Python sources (`requirements.py`)
 * are not requirements files.
 */
export function isRequirementsFileName(name: string): boolean {
  return /(^|[-_.])(requirements|constraints)([-_.]|$)/i.test(name) && !/\.pyc?$/i.test(name);
}

/**
 * The URL `text` with its credentials hidden (user and password as one `***`, credential-like query
 * values as `***`), or null when it carries none or is no URL. Pure; never throws.
 */
export function redactUrlCredentials(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  let found = false;
  if (url.password || (url.username && !SSH_SCHEMES.has(url.protocol))) {
    found = true;
    url.username = '***';
    url.password = '';
  }
  for (const [name, value] of [...url.searchParams]) {
    if (value && SECRET_QUERY.test(name)) {
      found = true;
      url.searchParams.set(name, '***');
    }
  }
  return found ? decodeURI(url.toString()) : null;
}

/** Which supported input replaces what the line does. */
function supportedWay(line: string): string {
  if (/^(-i\b|--index-url\b)/.test(line)) return 'the masked input index-url (mlops deploy --index-url)';
  if (/^--extra-index-url\b/.test(line)) return 'the masked input extra-index-urls (mlops deploy --extra-index-urls)';
  return 'a package index given through the masked inputs index-url / extra-index-urls (mlops deploy --index-url / --extra-index-urls), with the requirement named plainly';
}

/**
 * Refuses a requirements file that carries credentials, naming the file and every offending line
 * (credential hidden). `file` is how the user knows the file, e.g. `model_code/requirements.model`.
 * Throws MlopsError; returns normally when there are none.
 */
export function refuseRequirementCredentials(text: string, file: string): void {
  const problems: Problem[] = [];
  for (const { line, text: content } of logicalLines(text)) {
    const hidden = (content.match(URL_IN_TEXT) ?? []).map(redactUrlCredentials).filter((r): r is string => r !== null);
    if (!hidden.length) continue;
    problems.push({
      file, line,
      message: `line ${line} carries credentials in ${hidden.join(', ')}; remove them from the file and use ${supportedWay(content)} instead.`,
    });
  }
  // pip drops comments, but the file is shipped as it is: a commented-out index line still leaks.
  text.split(/\r?\n/).forEach((raw, i) => {
    const comment = /(?:^|\s)#(.*)$/.exec(raw)?.[1] ?? '';
    const hidden = (comment.match(URL_IN_TEXT) ?? []).map(redactUrlCredentials).filter((r): r is string => r !== null);
    if (hidden.length) {
      problems.push({ file, line: i + 1, message: `line ${i + 1} carries credentials in a comment (${hidden.join(', ')}); pip ignores it, but the file is copied into the zip as it is: delete the credentials from it.` });
    }
  });
  if (!problems.length) return;
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  throw new MlopsError(
    `${file} carries credentials, and it is copied into the function zip, which anyone with Files read access in the CDF project can download; nothing was packaged. ` +
      'Give private package indexes through the masked deploy inputs index-url / extra-index-urls (GitHub Actions), or mlops deploy --index-url / --extra-index-urls ' +
      '(or the MLOPS_INDEX_URL / MLOPS_EXTRA_INDEX_URLS environment variables, e.g. Bitbucket secured variables): ' +
      'CDF passes them to pip when it builds the function, basic auth (https://user:token@host/simple) included, and they never enter the zip. ' +
      'For pip installs where the tests run (test-model, mlops test), set PIP_EXTRA_INDEX_URL in the environment.',
    problems,
  );
}
