/** Method + path-pattern routing for the project API (`/api/v1/projects/{project}/...`). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from './auth.js';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  principal: Principal;
}

/** A handler's answer: a JSON body (200), a `Reply` for other statuses, or nothing when it streamed itself. */
export class Reply {
  constructor(readonly status: number, readonly body: unknown) {}
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** e.g. `/functions/:id/calls/:callId`; `:name` matches one segment. */
  path: string;
  /** Mutating routes: 403 for read-only clients. */
  write?: boolean;
  handle(ctx: RequestContext): Promise<unknown>;
}

interface Compiled extends Route {
  regex: RegExp;
  names: string[];
}

export class Router {
  private readonly routes: Compiled[] = [];

  add(routes: Route[]): void {
    for (const r of routes) {
      const names: string[] = [];
      const source = r.path.replace(/:(\w+)/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      this.routes.push({ ...r, regex: new RegExp(`^${source}/?$`), names });
    }
  }

  /** The matching route, `'method'` when the path exists with another method, or undefined. */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | 'method' | undefined {
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      return { route: r, params };
    }
    return pathMatched ? 'method' : undefined;
  }
}
