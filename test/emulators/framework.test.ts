import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveEmulator } from '../../src/emulators/framework/server.js';
import type {
  ConformanceViolation,
  EmulatorDefinition,
  EmulatorHandle,
  EmulatorOptions,
  EmulatorReply,
  OperationMeta,
} from '../../src/emulators/framework/types.js';
import { startEmulator, startEmulators, availableEmulators } from '../../src/emulators/index.js';
import { expectConformant, rawRequest } from '../helpers/response-conformance.js';

// A tiny provider: items under /api, a version document at / (its own server), provider errors
// shaped {"fault": {code, message}}.
const errorResponse = {
  description: 'An error.',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['fault'],
        properties: {
          fault: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'integer' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};
const document: Record<string, unknown> = {
  openapi: '3.1.0',
  info: { title: 'Fake', version: '1' },
  servers: [{ url: 'https://fake.example/api' }],
  paths: {
    '/': {
      get: {
        operationId: 'listVersions',
        servers: [{ url: 'https://fake.example' }],
        responses: {
          '200': {
            description: 'Versions.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['versions'],
                  properties: { versions: { type: 'array' } },
                },
              },
            },
          },
        },
      },
    },
    '/items/{item_id}': {
      parameters: [{ $ref: '#/components/parameters/ItemId' }],
      get: {
        operationId: 'getItem',
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, default: 5 } },
          { name: 'mode', in: 'query', schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'The item.',
            headers: { 'X-Trace': { required: true, schema: { type: 'string' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
          },
          '400': { $ref: '#/components/responses/Error' },
          '404': { $ref: '#/components/responses/Error' },
        },
      },
      put: {
        operationId: 'putItem',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemInput' } } },
        },
        responses: {
          '204': { description: 'Stored.' },
          '400': { $ref: '#/components/responses/Error' },
        },
      },
    },
  },
  components: {
    parameters: {
      ItemId: {
        name: 'item_id',
        in: 'path',
        required: true,
        schema: { type: 'string', pattern: '^it_' },
      },
    },
    schemas: {
      Item: {
        type: 'object',
        required: ['id', 'size'],
        properties: { id: { type: 'string' }, size: { type: 'integer' } },
      },
      ItemInput: {
        type: 'object',
        additionalProperties: false,
        required: ['size'],
        properties: { size: { type: 'integer', minimum: 0 } },
      },
    },
    responses: { Error: errorResponse },
  },
};
const op = (
  operationId: string,
  method: string,
  path: string,
  extra: Partial<OperationMeta> = {},
): OperationMeta => ({
  operationId,
  method,
  path,
  authenticated: false,
  successStatuses: [200],
  requestBody: null,
  servers: null,
  ...extra,
});
const operations = {
  listVersions: op('listVersions', 'GET', '/', { servers: [{ url: 'https://fake.example' }] }),
  getItem: op('getItem', 'GET', '/items/{item_id}'),
  putItem: op('putItem', 'PUT', '/items/{item_id}', {
    successStatuses: [204],
    requestBody: { required: true, contentType: 'application/json' },
  }),
};

type FakeWorld = {
  credentials: null;
  fixtures: { ids: string[] };
  state: { items: Map<string, number> };
};
const fault = (status: number, message: string): EmulatorReply => ({
  status,
  body: { fault: { code: status, message } },
});

const fake: EmulatorDefinition<EmulatorOptions, FakeWorld> = {
  provider: 'fake',
  document,
  operations,
  setup: (_options, random) => {
    const id = `it_${random.alnum(6)}`;
    return { credentials: null, fixtures: { ids: [id] }, state: { items: new Map([[id, 3]]) } };
  },
  errors: {
    notFound: () => fault(404, 'no such route'),
    methodNotAllowed: () => fault(405, 'method not allowed'),
    payloadTooLarge: () => fault(413, 'too large'),
    invalidJson: (_req, detail) => fault(400, `bad JSON: ${detail}`),
    invalidRequest: (_req, issues) =>
      fault(
        400,
        issues
          .map((i) => `${i.location}:${i.name ?? ''}/${i.path.join('/')} ${i.message}`)
          .join('; '),
      ),
    fault: (_req, status) => fault(status, 'injected'),
    internal: (_req, error) => fault(500, String(error)),
  },
  handlers: {
    listVersions: () => ({ status: 200, body: { versions: [] } }),
    getItem: (req, ctx) => {
      const size = ctx.world.state.items.get(String(req.params.item_id));
      if (size === undefined) return fault(404, 'no such item');
      const mode = req.parameters.query.mode;
      if (mode === 'bad-body')
        return { status: 200, body: { id: req.params.item_id }, headers: { 'x-trace': 't' } };
      if (mode === 'bad-status') return { status: 418, body: { id: req.params.item_id, size } };
      if (mode === 'no-header') return { status: 200, body: { id: req.params.item_id, size } };
      return {
        status: 200,
        body: { id: req.params.item_id, size: size * Number(req.parameters.query.limit) },
        headers: { 'x-trace': 't' },
      };
    },
    putItem: (req, ctx) => {
      ctx.world.state.items.set(String(req.params.item_id), (req.body as { size: number }).size);
      return { status: 204 };
    },
  },
};

describe('emulator framework (fake provider)', () => {
  let emu: EmulatorHandle<null, FakeWorld['fixtures'], FakeWorld['state']>;
  const violations: ConformanceViolation[] = [];
  let item: string;

  beforeAll(async () => {
    emu = await serveEmulator(fake, {
      seed: 'fw',
      maxBodyBytes: 1024,
      onViolation: (v) => violations.push(v),
    });
    item = emu.fixtures.ids[0]!;
  });
  afterEach(() => {
    emu.setFaults([]);
  });
  afterAll(async () => {
    await emu.close();
  });

  const get = (path: string, init?: RequestInit) => fetch(`${emu.url}${path}`, init);

  describe('routing', () => {
    it('listens on 127.0.0.1 and serves the API under the server path', async () => {
      expect(emu.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emu.url).toBe(`${emu.origin}/api`);
      const res = await get(`/items/${item}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id: item, size: 15 }); // limit defaulted to 5 by the spec
    });

    it('honours the path of an operation-level server', async () => {
      expect(emu.urlFor('listVersions')).toBe(emu.origin);
      const res = await fetch(`${emu.origin}/`);
      expect(res.status).toBe(200);
      expect((await fetch(`${emu.url}/`)).status).toBe(404);
    });

    it('answers an unknown route 404 and a wrong method 405, in the provider shape', async () => {
      const missing = await get('/nothing/here');
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ fault: { code: 404, message: 'no such route' } });
      const wrong = await get(`/items/${item}`, { method: 'DELETE' });
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toBe('GET, PUT');
      expect((await wrong.json()).fault.code).toBe(405);
      expect(emu.requests.at(-1)).toMatchObject({
        method: 'DELETE',
        status: 405,
        conformance: 'unchecked',
      });
    });
  });

  describe('request validation', () => {
    it('rejects path and query parameters that break their schema', async () => {
      const res = await get('/items/xx_1?limit=zero');
      expect(res.status).toBe(400);
      const { fault: body } = await res.json();
      expect(body.message).toContain('path:item_id/ must match pattern');
      expect(body.message).toContain('query:limit/ must be integer');
    });

    it('rejects bodies that break the schema, missing bodies and bad JSON', async () => {
      const put = (body?: string) =>
        get(`/items/${item}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body,
        });
      const invalid = await put(JSON.stringify({ size: -1, colour: 'red' }));
      expect(invalid.status).toBe(400);
      const message = (await invalid.json()).fault.message as string;
      expect(message).toContain('body:/size must be >= 0');
      expect(message).toContain('must NOT have additional properties');
      expect((await (await put()).json()).fault.message).toContain(
        'a JSON request body is required',
      );
      const badJson = await put('{"size":');
      expect(badJson.status).toBe(400);
      expect((await badJson.json()).fault.message).toMatch(/^bad JSON/);
      expect((await put('{"size": 7}')).status).toBe(204);
      expect(emu.state.items.get(item)).toBe(7);
    });

    it('refuses bodies over the size limit with 413', async () => {
      const res = await rawRequest(`${emu.url}/items/${item}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ size: 1, pad: 'x'.repeat(4096) }),
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toEqual({ fault: { code: 413, message: 'too large' } });
    });
  });

  describe('faults', () => {
    it('status: provider body, Retry-After on 429, then back to normal after `times`', async () => {
      emu.setFaults([
        { operationId: 'getItem', kind: 'status', status: 429, retryAfter: 3, times: 2 },
      ]);
      for (let i = 0; i < 2; i++) {
        const res = await get(`/items/${item}`);
        expect(res.status).toBe(429);
        expect(res.headers.get('retry-after')).toBe('3');
        expect(await res.json()).toEqual({ fault: { code: 429, message: 'injected' } });
      }
      expect((await get(`/items/${item}`)).status).toBe(200);
      expect(emu.requests.at(-2)).toMatchObject({
        status: 429,
        fault: 'status',
        conformance: 'exempt',
      });
    });

    it('html: a proxy error page', async () => {
      emu.setFaults([{ kind: 'html', status: 502 }]);
      const res = await rawRequest(`${emu.url}/items/${item}`);
      expect(res.status).toBe(502);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('502 Bad Gateway');
    });

    it('reset: the socket is destroyed before any answer', async () => {
      emu.setFaults([{ method: 'GET', kind: 'reset' }]);
      const res = await rawRequest(`${emu.url}/items/${item}`);
      expect(res.status).toBeUndefined();
      expect(res.error).toMatch(/ECONNRESET|socket hang up/);
      expect(emu.requests.at(-1)).toMatchObject({ status: undefined, fault: 'reset' });
    });

    it('truncate: headers and part of the JSON, then the connection dies', async () => {
      emu.setFaults([{ operationId: 'getItem', kind: 'truncate', when: 'after' }]);
      const res = await rawRequest(`${emu.url}/items/${item}`);
      expect(res.status).toBe(200);
      expect(Number(res.headers['content-length'])).toBeGreaterThan(res.body.length);
      expect(res.error).toBeDefined();
      expect(() => JSON.parse(res.body)).toThrow();
    });

    it('latency: the answer is delayed and still conformant', async () => {
      emu.setFaults([{ kind: 'latency', ms: 120 }]);
      const started = Date.now();
      const res = await get(`/items/${item}`);
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      expect(emu.requests.at(-1)).toMatchObject({ fault: 'latency', conformance: 'ok' });
    });

    it("when: 'after' performs the operation, then fails the response", async () => {
      emu.setFaults([{ operationId: 'putItem', kind: 'status', status: 503, when: 'after' }]);
      const res = await get(`/items/${item}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{"size": 42}',
      });
      expect(res.status).toBe(503);
      expect(emu.state.items.get(item)).toBe(42);
      emu.setFaults([{ operationId: 'putItem', kind: 'status', status: 503 }]);
      await get(`/items/${item}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{"size": 1}',
      });
      expect(emu.state.items.get(item)).toBe(42); // 'before': nothing happened
    });

    it('probability is drawn from the seed: the same seed hits the same requests', async () => {
      const run = async () => {
        const emu2 = await serveEmulator(fake, {
          seed: 'prob',
          faults: [{ operationId: 'getItem', kind: 'status', status: 500, probability: 0.5 }],
        });
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++)
          statuses.push((await fetch(`${emu2.url}/items/${emu2.fixtures.ids[0]}`)).status);
        await emu2.close();
        return statuses;
      };
      const first = await run();
      expect(first).toContain(500);
      expect(first).toContain(200);
      expect(await run()).toEqual(first);
    });

    it('rejects malformed rules', () => {
      expect(() => emu.setFaults([{ kind: 'explode' as 'reset' }])).toThrow(/fault kind/);
      expect(() => emu.setFaults([{ kind: 'status', status: 99 }])).toThrow(/HTTP status/);
    });
  });

  describe('response conformance', () => {
    it('records (and reports) answers that break the spec', async () => {
      const before = emu.conformanceViolations.length;
      await get(`/items/${item}?mode=bad-body`);
      await get(`/items/${item}?mode=bad-status`);
      await get(`/items/${item}?mode=no-header`);
      const found = emu.conformanceViolations.slice(before);
      expect(found.map((v) => v.status)).toEqual([200, 418, 200]);
      expect(found[0]!.errors.join()).toContain("must have required property 'size'");
      expect(found[1]!.errors.join()).toContain('status 418 is not declared for getItem');
      expect(found[2]!.errors.join()).toContain('header X-Trace is required');
      expect(found[0]).toMatchObject({ provider: 'fake', operationId: 'getItem', method: 'GET' });
      expect(violations.slice(-3)).toEqual(found);
      emu.conformanceViolations.length = before;
      violations.length = 0;
    });
  });

  it('reset() restores the seeded fixtures and clears the logs', async () => {
    emu.state.items.set(item, 99);
    emu.reset();
    expect(emu.state.items.get(item)).toBe(3);
    expect(emu.requests).toEqual([]);
  });

  it('close() ends keep-alive connections and pending delays promptly', async () => {
    const emu2 = await serveEmulator(fake, { seed: 1 });
    await fetch(`${emu2.url}/items/${emu2.fixtures.ids[0]}`); // leaves a keep-alive socket
    emu2.setFaults([{ kind: 'latency', ms: 60_000 }]);
    const pending = rawRequest(`${emu2.url}/items/${emu2.fixtures.ids[0]}`);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await emu2.close();
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await pending).status ?? 0).not.toBe(200);
  });

  afterEach(() => {
    expectConformant(emu);
  });
});

describe('registry', () => {
  it('lists the emulators that exist and refuses the others clearly', async () => {
    expect(availableEmulators()).toEqual(expect.arrayContaining(['scp', 'katapult']));
    for (const key of ['huawei', 'openstack', 'rackspace'] as const) {
      if (availableEmulators().includes(key)) continue;
      await expect(startEmulator(key)).rejects.toThrow(`The ${key} emulator is not available yet`);
    }
    await expect(startEmulator('nope' as 'scp')).rejects.toThrow(/Unknown emulator provider/);
  });

  it('startEmulators starts several and closes them together', async () => {
    const set = await startEmulators(['scp', 'katapult'], {
      seed: 5,
      perProvider: { katapult: { rateLimitPerMinute: 10 } },
    });
    try {
      expect(set.scp.url).not.toBe(set.katapult.url);
      expect((await fetch(`${set.scp.url}/`)).status).toBe(200);
      const res = await fetch(`${set.katapult.url}/tasks/task?task%5Bid%5D=task_x`, {
        headers: { authorization: `Bearer ${set.katapult.credentials.token}` },
      });
      expect(res.headers.get('x-ratelimit-permitted')).toBe('10');
    } finally {
      await set.close();
    }
  });
});
