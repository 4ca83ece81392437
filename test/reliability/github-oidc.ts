/**
 * The runner's OIDC token service, in miniature: what @actions/core's getIDToken calls at
 * ACTIONS_ID_TOKEN_REQUEST_URL with `Authorization: Bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN`.
 * It answers `{"value": <JWT>}` with GitHub's claims for the requested audience (unsigned: the
 * emulator, like these tests, checks claims, not signatures).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGithubOidc {
  /** the environment a job with `permissions: id-token: write` gets */
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  /** audiences asked for, one per request that presented the right bearer token */
  audiences: string[];
  /** every JWT handed out */
  issued: string[];
  stop(): Promise<void>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startFakeGithubOidc(subject = 'repo:akerbp/model-repo:environment:prod'): Promise<FakeGithubOidc> {
  const requestToken = `runtime-request-token-${Math.random().toString(36).slice(2)}`;
  const audiences: string[] = [];
  const issued: string[] = [];
  const server = createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${requestToken}`) {
      res.writeHead(401).end('{"message":"bad request token"}');
      return;
    }
    const audience = new URL(req.url ?? '/', 'http://x').searchParams.get('audience') ?? '';
    audiences.push(audience);
    const now = Math.floor(Date.now() / 1000);
    const jwt = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'fake' })}.${b64({
      iss: 'https://token.actions.githubusercontent.com', sub: subject, aud: audience, iat: now, nbf: now, exp: now + 300,
      repository: 'akerbp/model-repo', environment: 'prod', ref: 'refs/heads/main',
    })}.${Buffer.from(`signature-${issued.length}`).toString('base64url')}`;
    issued.push(jwt);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count: 1, value: jwt }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // The real URL already carries a query string; getIDToken appends `&audience=...`.
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/_apis/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    audiences,
    issued,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
