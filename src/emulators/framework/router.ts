// Routing derived from the spec's operations: each path template becomes a matcher under the
// API's base path (or under the path of the operation's own server, e.g. a version document at
// `/` or an identity service at `/v3`). Hosts are ignored: the emulator has only one.
import type { OperationMeta } from './types.js';

export interface Route {
  operation: OperationMeta;
  /** Base path the operation is served under ('' or '/core/v1' ...). */
  basePath: string;
  regex: RegExp;
  paramNames: string[];
}

export type RouteMatch =
  | { kind: 'match'; route: Route; params: Record<string, string> }
  | { kind: 'method'; allowed: string[] }
  | { kind: 'none' };

/** The path part of a server URL template, with `{variables}` set to their defaults. */
export function serverPath(server: { url: string; variables?: object }): string {
  const vars = (server.variables ?? {}) as Record<string, { default?: string }>;
  const url = server.url.replace(/\{([^}]+)\}/g, (_m, name: string) => vars[name]?.default ?? name);
  const path =
    /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(url)?.[1] ?? (url.startsWith('/') ? url : '');
  return path.replace(/\/+$/, '');
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createRouter(operations: readonly OperationMeta[], basePath: string) {
  const routes: Route[] = operations.map((operation) => {
    const base = operation.servers?.[0] ? serverPath(operation.servers[0]) : basePath;
    const paramNames: string[] = [];
    const full = `${base}${operation.path}`.replace(/\/+$/, '') || '/';
    const pattern = full
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const m = /^\{([^}]+)\}$/.exec(part);
        if (!m) return escapeRegex(part);
        paramNames.push(m[1]!);
        return '([^/]+)';
      })
      .join('');
    return { operation, basePath: base, regex: new RegExp(`^${pattern}/?$`), paramNames };
  });
  // Literal paths win over templated ones (`/servers/detail` before `/servers/{id}`).
  routes.sort((a, b) => a.paramNames.length - b.paramNames.length);

  function match(method: string, rawPath: string): RouteMatch {
    const allowed: string[] = [];
    for (const route of routes) {
      const m = route.regex.exec(rawPath);
      if (!m) continue;
      if (route.operation.method !== method) {
        allowed.push(route.operation.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.paramNames.forEach((name, i) => {
        const raw = m[i + 1]!;
        try {
          params[name] = decodeURIComponent(raw);
        } catch {
          params[name] = raw;
        }
      });
      return { kind: 'match', route, params };
    }
    return allowed.length > 0
      ? { kind: 'method', allowed: [...new Set(allowed)] }
      : { kind: 'none' };
  }

  return { routes, match };
}
