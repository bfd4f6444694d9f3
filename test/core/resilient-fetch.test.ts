import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NetworkError,
  ResponseBodyError,
  TimeoutError,
  carryRequestOptions,
  createResilientFetch,
  errorFromResponse,
  setRequestContext,
  type ResilientFetchOptions,
  type RetryInfo,
} from '../../src/core/index.js';
import { TextBodyRequest } from '../../src/core/request-options.js';

/**
 * One local server whose behaviour is chosen by the path: /<scenario>/<id>?times=N&ra=...
 * `times` is how many requests fail before the scenario answers 200. Every test uses its own id,
 * so the hit counters never mix.
 */
const hits = new Map<string, number>();
const onHit = new Map<string, () => void>();
const sockets = new Set<Socket>();
const servers: http.Server[] = [];
let base = '';
let seq = 0;

function uid(): string {
  seq += 1;
  return `t${seq}`;
}

function hitCount(key: string): number {
  return hits.get(key) ?? 0;
}

function ok(res: http.ServerResponse, payload: unknown) {
  const body = JSON.stringify(payload);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  res.end(body);
}

function handler(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const [, scenario = '', id = ''] = url.pathname.split('/');
  const key = `${scenario}/${id}`;
  const n = hitCount(key) + 1;
  hits.set(key, n);
  onHit.get(key)?.();
  const times = Number(url.searchParams.get('times') ?? '1');
  const failing = n <= times;
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const echo = {
      n,
      method: req.method,
      body: Buffer.concat(chunks).toString('utf8'),
      signed: req.headers['x-signed'],
    };
    if (!failing && scenario !== 'hang') return ok(res, echo);
    switch (scenario) {
      case 'status': {
        const status = Number(url.searchParams.get('status') ?? '503');
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        const ra = url.searchParams.get('ra');
        if (ra !== null) headers['Retry-After'] = ra;
        const retryAt = url.searchParams.get('retryAt');
        const body =
          retryAt !== null
            ? { overLimit: { code: status, message: 'OverLimit Retry...', retryAt } }
            : { serviceUnavailable: { code: status, message: `status ${status}` } };
        res.writeHead(status, headers);
        return res.end(JSON.stringify(body));
      }
      case 'reset':
        return req.socket.destroy();
      case 'hang':
        return; // never answers; the client's timeout or abort ends it
      case 'truncated':
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '400' });
        res.write('{"interfaceAttachment": {"port_id": "ce531f90');
        setTimeout(() => req.socket.destroy(), 10);
        return;
      case 'invalid-json':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end('<html>oops</html>');
      default:
        res.writeHead(404);
        return res.end();
    }
  });
}

async function listen(server: http.Server, port = 0): Promise<number> {
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const port = await listen(http.createServer(handler));
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** A resilient fetch whose waits are recorded instead of slept. */
function harness(options: ResilientFetchOptions = {}) {
  const sleeps: number[] = [];
  const retries: RetryInfo[] = [];
  const fetch = createResilientFetch({
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onRetry: (info) => retries.push(info),
    ...options,
  });
  return { fetch, sleeps, retries };
}

function req(
  scenario: string,
  id: string,
  query = '',
  init: RequestInit & { timeoutMs?: number; maxRetries?: number } = {},
) {
  const r = new Request(`${base}/${scenario}/${id}${query ? `?${query}` : ''}`, init);
  if (init.timeoutMs !== undefined) Object.assign(r, { timeoutMs: init.timeoutMs });
  if (init.maxRetries !== undefined) Object.assign(r, { maxRetries: init.maxRetries });
  return r;
}

describe('idempotent requests', () => {
  it('503 then 200: retried once, buffered response returned', async () => {
    const id = uid();
    const { fetch, sleeps, retries } = harness();
    const res = await fetch(req('status', id, 'status=503'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String((await res.clone().text()).length));
    expect(await res.json()).toMatchObject({ n: 2, method: 'GET' });
    expect(hitCount(`status/${id}`)).toBe(2);
    expect(sleeps).toEqual([100]);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ attempt: 1, maxAttempts: 4, reason: 'status', status: 503 });
  });

  it('backoff is exponential with full jitter from the injected random, capped', async () => {
    const id = uid();
    const { fetch, sleeps } = harness();
    const res = await fetch(req('status', id, 'status=503&times=99'));
    expect(res.status).toBe(503); // retries exhausted: last response handed back
    expect(await res.json()).toEqual({ serviceUnavailable: { code: 503, message: 'status 503' } });
    expect(hitCount(`status/${id}`)).toBe(4);
    expect(sleeps).toEqual([100, 200, 400]); // 0.5 * 200 * 2^n

    const id2 = uid();
    const capped = harness({ baseDelayMs: 1000, maxDelayMs: 1500, random: () => 0.5 });
    await capped.fetch(req('status', id2, 'status=502&times=99'));
    expect(capped.sleeps).toEqual([500, 750, 750]);
    expect(hitCount(`status/${id2}`)).toBe(4);
  });

  it('429 with Retry-After in seconds waits exactly that long', async () => {
    const id = uid();
    const { fetch, sleeps, retries } = harness();
    const res = await fetch(req('status', id, 'status=429&ra=2'));
    expect(res.status).toBe(200);
    expect(hitCount(`status/${id}`)).toBe(2);
    expect(sleeps).toEqual([2000]);
    expect(retries[0]).toMatchObject({ retryAfterMs: 2000, delayMs: 2000, status: 429 });
  });

  it('429 with Retry-After as an HTTP date uses the injected clock', async () => {
    const id = uid();
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    const { fetch, sleeps } = harness({ now: () => now });
    const date = encodeURIComponent(new Date(now + 5000).toUTCString());
    const res = await fetch(req('status', id, `status=429&ra=${date}`));
    expect(res.status).toBe(200);
    expect(sleeps).toEqual([5000]);
    expect(hitCount(`status/${id}`)).toBe(2);
  });

  it('a Retry-After longer than maxDelayMs is not waited for: the 429 comes back', async () => {
    const id = uid();
    const { fetch, sleeps } = harness({ maxDelayMs: 20_000 });
    const res = await fetch(req('status', id, 'status=429&ra=3600&times=99'));
    expect(res.status).toBe(429);
    expect(hitCount(`status/${id}`)).toBe(1);
    expect(sleeps).toEqual([]);
    const err = errorFromResponse({ provider: 'katapult' }, res, await res.text());
    expect(err).toMatchObject({ status: 429, retryAfterMs: 3_600_000 });
  });

  it('413 is retried only with a retry hint (Rackspace retryAt)', async () => {
    const now = Date.UTC(2026, 0, 1);
    const id = uid();
    const { fetch, sleeps } = harness({ now: () => now });
    const retryAt = encodeURIComponent(new Date(now + 3000).toISOString());
    const res = await fetch(req('status', id, `status=413&retryAt=${retryAt}`));
    expect(res.status).toBe(200);
    expect(sleeps).toEqual([3000]);

    const id2 = uid();
    const plain = harness();
    const res2 = await plain.fetch(req('status', id2, 'status=413&times=99'));
    expect(res2.status).toBe(413);
    expect(hitCount(`status/${id2}`)).toBe(1);
  });

  it('connection reset (socket destroyed) then 200', async () => {
    const id = uid();
    const { fetch, retries } = harness();
    const res = await fetch(req('reset', id));
    expect(res.status).toBe(200);
    expect(hitCount(`reset/${id}`)).toBe(2);
    expect(retries[0]).toMatchObject({ reason: 'network', code: 'UND_ERR_SOCKET' });
  });

  it('resets until retries run out: NetworkError with the attempt count', async () => {
    const id = uid();
    const { fetch } = harness({ maxRetries: 2 });
    const err = await fetch(req('reset', id, 'times=99', { method: 'DELETE' })).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ code: 'UND_ERR_SOCKET', maybeSent: true, attempts: 3 });
    expect(hitCount(`reset/${id}`)).toBe(3);
  });

  it('a server that never answers: per-attempt timeout, retried, then TimeoutError', async () => {
    const id = uid();
    const { fetch, retries } = harness({ timeoutMs: 100, maxRetries: 2 });
    const err = await fetch(req('hang', id)).catch((e) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toMatchObject({ timeoutMs: 100, attempts: 3, maybeSent: true, kind: 'timeout' });
    expect(hitCount(`hang/${id}`)).toBe(3);
    expect(retries.map((r) => r.reason)).toEqual(['timeout', 'timeout']);
  });

  it('a body cut off mid-JSON (Content-Length larger than sent) is retried', async () => {
    const id = uid();
    const { fetch, retries } = harness();
    const res = await fetch(req('truncated', id, '', { method: 'PUT', body: '{"a":1}' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ n: 2, method: 'PUT', body: '{"a":1}' });
    expect(hitCount(`truncated/${id}`)).toBe(2);
    expect(retries[0]).toMatchObject({ reason: 'truncated-body', status: 200 });
  });

  it('a 2xx body that is not the JSON promised is retried, then ResponseBodyError', async () => {
    const id = uid();
    const { fetch } = harness({ maxRetries: 1 });
    const err = await fetch(req('invalid-json', id, 'times=99')).catch((e) => e);
    expect(err).toBeInstanceOf(ResponseBodyError);
    expect(err).toMatchObject({ reason: 'invalid-json', status: 200, attempts: 2 });
    expect(err.excerpt).toBeUndefined(); // success bodies are never quoted
    expect(hitCount(`invalid-json/${id}`)).toBe(2);
  });
});

describe('POST and PATCH are retried only when the server provably did not act', () => {
  it('503: not retried, the response is returned', async () => {
    const id = uid();
    const { fetch, sleeps } = harness();
    const res = await fetch(req('status', id, 'status=503', { method: 'POST', body: '{}' }));
    expect(res.status).toBe(503);
    expect(hitCount(`status/${id}`)).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('timeout: not retried, TimeoutError with maybeSent', async () => {
    const id = uid();
    const { fetch } = harness({ timeoutMs: 100 });
    const err = await fetch(req('hang', id, '', { method: 'POST', body: '{}' })).catch((e) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toMatchObject({ attempts: 1, maybeSent: true });
    expect(hitCount(`hang/${id}`)).toBe(1);
  });

  it('reset: not retried, NetworkError with maybeSent', async () => {
    const id = uid();
    const { fetch } = harness();
    const err = await fetch(req('reset', id, '', { method: 'PATCH', body: '{}' })).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ maybeSent: true, attempts: 1, method: 'PATCH' });
    expect(hitCount(`reset/${id}`)).toBe(1);
  });

  it('truncated body: not retried, ResponseBodyError with maybeSent', async () => {
    const id = uid();
    const { fetch } = harness();
    const err = await fetch(req('truncated', id, '', { method: 'POST', body: '{}' })).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ResponseBodyError);
    expect(err).toMatchObject({ reason: 'truncated', status: 200, maybeSent: true, attempts: 1 });
    expect(err.bytesReceived).toBeGreaterThan(0);
    expect(hitCount(`truncated/${id}`)).toBe(1);
  });

  it('invalid JSON on 2xx: not retried, ResponseBodyError', async () => {
    const id = uid();
    const { fetch } = harness();
    const err = await fetch(req('invalid-json', id, '', { method: 'POST', body: '{}' })).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ResponseBodyError);
    expect(err).toMatchObject({ reason: 'invalid-json', maybeSent: true });
    expect(hitCount(`invalid-json/${id}`)).toBe(1);
  });

  it('429: retried, with the same body re-sent', async () => {
    const id = uid();
    const { fetch, sleeps } = harness();
    const body = JSON.stringify({ interfaceAttachment: { net_id: 'n1' } });
    const res = await fetch(
      req('status', id, 'status=429&ra=1', {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ n: 2, method: 'POST', body });
    expect(hitCount(`status/${id}`)).toBe(2);
    expect(sleeps).toEqual([1000]);
  });

  it('ECONNREFUSED: retried (nothing reached a server) and succeeds once the server is up', async () => {
    const port = await closedPort();
    const id = uid();
    const local = new Map<string, number>();
    let attempts = 0;
    const { fetch, retries } = harness({
      fetch: (r, i) => {
        attempts += 1;
        return globalThis.fetch(r, i);
      },
      sleep: async () => {
        if (servers.some((s) => (s.address() as AddressInfo | null)?.port === port)) return;
        await listen(
          http.createServer((rq, rs) => {
            local.set(rq.url ?? '', (local.get(rq.url ?? '') ?? 0) + 1);
            rq.resume();
            rq.on('end', () => ok(rs, { late: true }));
          }),
          port,
        );
      },
    });
    const res = await fetch(
      new Request(`http://127.0.0.1:${port}/create/${id}`, { method: 'POST', body: '{}' }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ late: true });
    expect(attempts).toBe(2);
    expect(local.get(`/create/${id}`)).toBe(1);
    expect(retries[0]).toMatchObject({ reason: 'network', code: 'ECONNREFUSED' });
  });

  it('ECONNREFUSED every time: NetworkError with maybeSent false after all attempts', async () => {
    const port = await closedPort();
    let attempts = 0;
    const { fetch } = harness({
      maxRetries: 2,
      fetch: (r, i) => {
        attempts += 1;
        return globalThis.fetch(r, i);
      },
    });
    const err = await fetch(
      new Request(`http://127.0.0.1:${port}/x`, { method: 'POST', body: '{}' }),
    ).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ code: 'ECONNREFUSED', maybeSent: false, attempts: 3 });
    expect(attempts).toBe(3);
  });
});

describe('caller abort and per-call options', () => {
  it('a caller abort during an attempt stops at once: no retry, the AbortError is rethrown', async () => {
    const id = uid();
    const controller = new AbortController();
    onHit.set(`hang/${id}`, () => controller.abort());
    // No per-attempt timeout: only the caller's abort can end this call (else the test times out).
    const { fetch, sleeps } = harness({ timeoutMs: 0 });
    const err = await fetch(req('hang', id, '', { signal: controller.signal })).catch((e) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect((err as DOMException).name).toBe('AbortError');
    expect(hitCount(`hang/${id}`)).toBe(1);
    expect(sleeps).toEqual([]);
  }, 5_000);

  it('a caller abort reaches requests built by the clients (TextBodyRequest) and their copies', async () => {
    for (const copy of [false, true]) {
      const id = uid();
      const controller = new AbortController();
      onHit.set(`hang/${id}`, () => controller.abort());
      const { fetch } = harness({ timeoutMs: 0 });
      const built = new TextBodyRequest(`${base}/hang/${id}`, {
        method: 'POST',
        body: '{}',
        signal: controller.signal,
      });
      const err = await fetch(copy ? new TextBodyRequest(built) : built).catch((e) => e);
      expect((err as DOMException).name).toBe('AbortError');
      expect(hitCount(`hang/${id}`)).toBe(1);
    }
  }, 5_000);

  it('a caller abort during the backoff wait stops at once', async () => {
    const id = uid();
    const controller = new AbortController();
    const fetch = createResilientFetch({
      random: () => 0.5,
      sleep: () => new Promise<void>(() => {}), // would wait forever
      onRetry: () => setTimeout(() => controller.abort(), 0),
    });
    const err = await fetch(
      req('status', id, 'status=503&times=99', { signal: controller.signal }),
    ).catch((e) => e);
    expect((err as DOMException).name).toBe('AbortError');
    expect(hitCount(`status/${id}`)).toBe(1);
  }, 5_000);

  it('an already aborted signal sends nothing', async () => {
    const id = uid();
    const { fetch } = harness();
    const err = await fetch(req('status', id, '', { signal: AbortSignal.abort() })).catch((e) => e);
    expect((err as DOMException).name).toBe('AbortError');
    expect(hitCount(`status/${id}`)).toBe(0);
  });

  it('per-request timeoutMs and maxRetries expando properties override the defaults', async () => {
    const id = uid();
    const { fetch } = harness({ timeoutMs: 30_000, maxRetries: 3 });
    const err = await fetch(req('hang', id, '', { timeoutMs: 80, maxRetries: 1 })).catch((e) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toMatchObject({ timeoutMs: 80, attempts: 2 });
    expect(hitCount(`hang/${id}`)).toBe(2);
  });

  it('through openapi-fetch: per-call init keys reach the fetch, also past a middleware that replaces the Request', async () => {
    // A tiny hand-written paths type for this test only.
    interface TestPaths {
      '/hang/{id}': {
        get: {
          parameters: { path: { id: string } };
          responses: { 200: { content: { 'application/json': { n: number } } } };
        };
      };
      '/status/{id}': {
        get: {
          parameters: { path: { id: string }; query?: { status?: number; times?: number } };
          responses: {
            200: {
              content: { 'application/json': { n: number; method: string; signed?: string } };
            };
          };
        };
      };
    }
    const { fetch, sleeps } = harness({ timeoutMs: 30_000 });
    const client = createClient<TestPaths>({ baseUrl: base, fetch });
    const seen: string[] = [];
    client.use({
      onRequest({ request }) {
        seen.push(request.headers.get('x-signed') ?? 'unsigned');
        const signed = new Request(request, { headers: { 'x-signed': 'yes' } });
        return carryRequestOptions(request, signed);
      },
    });

    const id = uid();
    const err = await client
      .GET('/hang/{id}', { params: { path: { id } }, timeoutMs: 60, maxRetries: 0 })
      .catch((e) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toMatchObject({ timeoutMs: 60, attempts: 1, method: 'GET' });
    expect(hitCount(`hang/${id}`)).toBe(1);

    const id2 = uid();
    const { data, response } = await client.GET('/status/{id}', {
      params: { path: { id: id2 }, query: { status: 503, times: 2 } },
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ n: 3, method: 'GET', signed: 'yes' });
    expect(sleeps).toEqual([100, 200]);
    expect(seen).toEqual(['unsigned', 'unsigned']);
  });

  it('errors name the provider and operation set on the request', async () => {
    const port = await closedPort();
    const { fetch } = harness({ provider: 'openstack', maxRetries: 0 });
    const request = setRequestContext(
      new Request(`http://127.0.0.1:${port}/servers/s1/os-interface`, {
        method: 'POST',
        body: '{}',
      }),
      { operation: 'createServerInterface' },
    );
    const err = await fetch(request).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.message).toMatch(
      /^openstack createServerInterface \(POST \/servers\/s1\/os-interface\): network error ECONNREFUSED/,
    );
  });

  it('reads globalThis.fetch at call time by default', async () => {
    const id = uid();
    const fetch = createResilientFetch();
    const original = globalThis.fetch;
    let calls = 0;
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      calls += 1;
      return original(input, init);
    }) as typeof globalThis.fetch;
    try {
      const res = await fetch(req('status', id, 'times=0'));
      expect(res.status).toBe(200);
      expect(calls).toBe(1);
    } finally {
      globalThis.fetch = original;
    }
  });
});
