// One loopback `node:http` server (127.0.0.1, port 0, keep-alive) that answers every operation of
// every spec with the example of its success response, under `/<provider>` prefixes. Valid canned
// answers without any state: what is measured against it is the client, not a server.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { loadSpec, readSpecEntries } from '../lib/spec-files.js';

type Json = Record<string, unknown>;

interface Route {
  method: string;
  pattern: RegExp;
  status: number;
  payload: string;
}

function deref(doc: Json, node: unknown): Json | undefined {
  let current = node as Json | undefined;
  while (current && typeof current.$ref === 'string') {
    current = (current.$ref as string)
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((acc, key) => (acc as Json | undefined)?.[key], doc) as Json | undefined;
  }
  return current;
}

/** Tokens in the examples expire at fixed dates; canned ones must stay valid during the run. */
function freshenExpiry(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(freshenExpiry);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      (k === 'expires' || k === 'expires_at') && typeof v === 'string'
        ? '2099-01-01T00:00:00.000Z'
        : freshenExpiry(v),
    ]),
  );
}

function routesOf(doc: Json): Route[] {
  const routes: Route[] = [];
  for (const [path, rawItem] of Object.entries((doc.paths as Json) ?? {})) {
    const item = deref(doc, rawItem) ?? {};
    for (const [method, rawOp] of Object.entries(item)) {
      const op = rawOp as Json;
      if (!op || typeof op !== 'object' || typeof op.operationId !== 'string') continue;
      const responses = (op.responses as Json) ?? {};
      const status = Object.keys(responses).find((s) => /^2\d\d$/.test(s));
      if (!status) continue;
      const media = (deref(doc, responses[status])?.content as Json | undefined)?.[
        'application/json'
      ] as Json | undefined;
      let example = media?.example;
      if (example === undefined && media?.examples) {
        example = deref(doc, Object.values(media.examples as Json)[0])?.value;
      }
      const pattern = new RegExp(
        '^' +
          path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+') +
          '/?$',
      );
      routes.push({
        method: method.toUpperCase(),
        pattern,
        status: Number(status),
        payload: example === undefined ? '' : JSON.stringify(freshenExpiry(example)),
      });
    }
  }
  // Literal paths before templated ones (`/` must not be taken by a `{param}` route).
  return routes.sort((a, b) => a.pattern.source.length - b.pattern.source.length);
}

export interface CannedServer {
  origin: string;
  /** Base URL of one provider's canned API. */
  base(provider: string): string;
  requests(): number;
  close(): Promise<void>;
}

export async function startCannedServer(): Promise<CannedServer> {
  const table = new Map<string, Route[]>();
  for (const entry of readSpecEntries()) table.set(entry.name, routesOf(loadSpec(entry.specPath)));
  let count = 0;
  const server = http.createServer((req, res) => {
    count++;
    // Drain the body first (keep-alive needs it), then answer.
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      const slash = path.indexOf('/', 1);
      const provider = path.slice(1, slash < 0 ? undefined : slash);
      const rest = slash < 0 ? '/' : path.slice(slash);
      const route = table
        .get(provider)
        ?.find((r) => r.method === req.method && r.pattern.test(rest));
      if (!route) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: `no canned answer for ${req.method} ${path}` }));
        return;
      }
      const headers: Record<string, string> = {};
      if (route.payload) headers['content-type'] = 'application/json';
      // Identity v3 hands the token out in a header.
      if (provider === 'openstack' && rest.startsWith('/auth/tokens')) {
        headers['x-subject-token'] = 'canned-token';
      }
      res.writeHead(route.status, headers);
      res.end(route.payload);
    });
  });
  server.keepAliveTimeout = 30_000;
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    base: (provider) => `${origin}/${provider}`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
