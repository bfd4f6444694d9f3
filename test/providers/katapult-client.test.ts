// The Katapult client against a local server that checks what arrives: the bearer token, lookup
// query parameters, JSON bodies, retries, timeouts, Katapult's error envelope and secret hygiene.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import util from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthError,
  NetworkError,
  Secret,
  TimeoutError,
  ValidationError,
} from '../../src/core/index.js';
import {
  createKatapultClient,
  encodeQueryBrackets,
  katapultEndpoint,
  type KatapultClientOptions,
} from '../../src/providers/katapult.js';

// Canary: a unique token, looked for in everything an error or the client exposes.
const TOKEN = 'KTcanaryToken-6b1d93e0f7a24c85';

const VM_ID = 'vm_WNGeJJrnNqnT3tTU';
const NIC_ID = 'vmnet_KxKhb8M7jpN8hTBL';
const NIC = {
  id: NIC_ID,
  virtual_machine: { id: VM_ID, name: 'bitter-beautiful-mango' },
  name: 'Public Network on bitter-beautiful-mango',
  network: { id: 'netw_zDW7KYAeqqfRfVag', name: 'Public Network' },
  virtual_network: null,
  mac_address: 'ee:3c:91:0a:5e:14',
  state: 'detached',
  ip_addresses: [],
  speed_profile: { id: 'nsp_Rk2VbN7sLq9dMh4T', name: '10 Gbps', permalink: '10gbps' },
};
const TASK = {
  id: 'task_4Xq0n3bL2sWv8Rty',
  name: 'Attach network interface',
  status: 'pending',
  created_at: 1763780400,
  started_at: null,
  finished_at: null,
  progress: 0,
};

interface Received {
  method: string;
  rawUrl: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

type Reply = (req: Received, res: http.ServerResponse) => void;

const received: Received[] = [];
const script: Reply[] = [];
const sockets = new Set<Socket>();
const holds = new Set<NodeJS.Timeout>();
const sleeps: number[] = [];
let server: http.Server;
let base = '';

function send(res: http.ServerResponse, status: number, payload?: unknown, headers = {}) {
  const body = payload === undefined ? '' : JSON.stringify(payload);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'X-Ratelimit-Permitted': '1000',
    'X-Ratelimit-Remaining': '998',
    'X-Request-Id': 'b6f3c0de-1d2a-4f5e-8a9b-0c1d2e3f4a5b',
    ...(status >= 400 ? { 'X-Api-Schema': 'json-error' } : {}),
    ...headers,
  });
  res.end(body);
}

/** Katapult's wire error: the documented body wrapped in `error`. */
function sendError(
  res: http.ServerResponse,
  status: number,
  code: string,
  description: string,
  detail = {},
) {
  send(res, status, { error: { code, description, detail } });
}

/** A small stand-in for the Core API (used when no scripted reply is queued). */
function defaultReply(req: Received, res: http.ServerResponse) {
  if (req.headers.authorization !== `Bearer ${TOKEN}`) {
    return sendError(res, 403, 'invalid_api_token', 'The API token provided was not valid', {
      details: null,
    });
  }
  const url = new URL(req.rawUrl, 'http://127.0.0.1');
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case 'GET /core/v1/virtual_machines/virtual_machine/network_interfaces':
      return send(res, 200, {
        pagination: { current_page: 1, total_pages: 1, total: 1, per_page: 30, large_set: false },
        virtual_machine_network_interfaces: [
          {
            id: NIC_ID,
            name: NIC.name,
            network: NIC.network,
            virtual_network: null,
            ip_addresses: [],
          },
        ],
      });
    case 'POST /core/v1/virtual_machines/virtual_machine/network_interfaces':
      return send(res, 200, { virtual_machine_network_interface: NIC });
    case 'POST /core/v1/virtual_machine_network_interfaces/virtual_machine_network_interface/attach':
      return send(res, 200, { virtual_machine_network_interface: NIC, task: TASK });
    case 'DELETE /core/v1/virtual_machine_network_interfaces/virtual_machine_network_interface':
      return send(res, 200, { virtual_machine_network_interface: NIC });
    case 'GET /core/v1/tasks/task':
      return send(res, 200, { task: { ...TASK, status: 'completed', progress: 100 } });
    default:
      return sendError(res, 404, 'route_not_found', 'No route matches');
  }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry: Received = {
        method: req.method ?? '',
        rawUrl: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(entry);
      (script.shift() ?? defaultReply)(entry, res);
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/core/v1`;
});

afterAll(async () => {
  for (const t of holds) clearTimeout(t);
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  script.length = 0;
  sleeps.length = 0;
});

function makeClient(extra: Partial<KatapultClientOptions> = {}) {
  return createKatapultClient({
    token: new Secret(TOKEN),
    endpoint: base,
    now: () => new Date('2026-11-22T03:00:00Z'),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

const LIST = '/virtual_machines/virtual_machine/network_interfaces' as const;
const CREATE_BODY = {
  virtual_machine: { id: VM_ID },
  virtual_network: { id: 'vnet_6wVHb0nkJ1oSgFQe' },
  speed_profile: { permalink: '1gbps' },
};

describe('requests', () => {
  it('sends the token as a bearer credential', async () => {
    const { data } = await makeClient().GET(LIST, {
      params: { query: { 'virtual_machine[id]': VM_ID } },
    });
    expect(data?.virtual_machine_network_interfaces[0]?.id).toBe(NIC_ID);
    expect(received[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('sends lookup query parameters with encoded brackets that parse back to the lookup', async () => {
    const fqdn = 'mango&co.acme.example';
    await makeClient().GET(LIST, {
      params: { query: { 'virtual_machine[fqdn]': fqdn, page: 2, per_page: 50 } },
    });
    const raw = received[0]!.rawUrl;
    expect(raw).toBe(
      '/core/v1/virtual_machines/virtual_machine/network_interfaces?virtual_machine%5Bfqdn%5D=mango%26co.acme.example&page=2&per_page=50',
    );
    const query = new URL(raw, 'http://127.0.0.1').searchParams;
    expect(Object.fromEntries(query)).toEqual({
      'virtual_machine[fqdn]': fqdn,
      page: '2',
      per_page: '50',
    });
  });

  it('encodes brackets in the query only', () => {
    expect(encodeQueryBrackets('https://h/a[b]?x[id]=1&y=%5B#f[g]')).toBe(
      'https://h/a[b]?x%5Bid%5D=1&y=%5B#f[g]',
    );
    expect(encodeQueryBrackets('https://h/p')).toBe('https://h/p');
  });

  it('sends create and attach bodies as JSON and returns the typed answers', async () => {
    const client = makeClient();
    const created = await client.POST(LIST, { body: CREATE_BODY });
    expect(created.data?.virtual_machine_network_interface.state).toBe('detached');
    const attached = await client.POST(
      '/virtual_machine_network_interfaces/virtual_machine_network_interface/attach',
      { body: { virtual_machine_network_interface: { id: NIC_ID } } },
    );
    expect(attached.data?.task.status).toBe('pending');
    const task = await client.GET('/tasks/task', { params: { query: { 'task[id]': TASK.id } } });
    expect(task.data?.task.status).toBe('completed');
    expect(received.map((r) => [r.method, r.headers['content-type']])).toEqual([
      ['POST', 'application/json'],
      ['POST', 'application/json'],
      ['GET', undefined],
    ]);
    expect(JSON.parse(received[0]!.body)).toEqual(CREATE_BODY);
    expect(received[2]!.rawUrl).toBe(`/core/v1/tasks/task?task%5Bid%5D=${TASK.id}`);
    expect(received.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('sends DELETE with its JSON body', async () => {
    const { data } = await makeClient().DELETE(
      '/virtual_machine_network_interfaces/virtual_machine_network_interface',
      { body: { virtual_machine_network_interface: { id: NIC_ID } } },
    );
    expect(data?.virtual_machine_network_interface.id).toBe(NIC_ID);
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received[0]!.body)).toEqual({
      virtual_machine_network_interface: { id: NIC_ID },
    });
  });
});

describe('validation', () => {
  it('refuses a lookup with two keys; the server sees nothing', async () => {
    const error = await caught(
      makeClient().POST(LIST, {
        body: {
          // @ts-expect-error a lookup takes exactly one key
          virtual_machine: { id: VM_ID, fqdn: 'mango.acme.example' },
          virtual_network: { id: 'vnet_6wVHb0nkJ1oSgFQe' },
          speed_profile: { permalink: '1gbps' },
        },
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['body.virtual_machine.fqdn']),
    );
    expect(received).toHaveLength(0);
  });

  it('refuses network together with virtual_network', async () => {
    const error = await caught(
      makeClient().POST(LIST, {
        // @ts-expect-error network and virtual_network are mutually exclusive
        body: { ...CREATE_BODY, network: { id: 'netw_zDW7KYAeqqfRfVag' } },
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(received).toHaveLength(0);
  });
});

describe('errors', () => {
  it('maps 403 invalid_api_token to AuthError with code, message and request id', async () => {
    const error = await caught(
      makeClient({ token: 'some-other-token' }).GET(LIST, {
        params: { query: { 'virtual_machine[id]': VM_ID } },
      }),
    );
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      status: 403,
      code: 'invalid_api_token',
      providerMessage: 'The API token provided was not valid',
      requestId: 'b6f3c0de-1d2a-4f5e-8a9b-0c1d2e3f4a5b',
      provider: 'katapult',
      operation: 'listVirtualMachineNetworkInterfaces',
    });
  });

  it('maps 422 virtual_machine_network_interface_already_attached to ApiError', async () => {
    script.push((_req, res) =>
      sendError(
        res,
        422,
        'virtual_machine_network_interface_already_attached',
        'The network interface is already attached to the virtual machine',
      ),
    );
    const error = await caught(
      makeClient().POST(
        '/virtual_machine_network_interfaces/virtual_machine_network_interface/attach',
        { body: { virtual_machine_network_interface: { id: NIC_ID } } },
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      status: 422,
      code: 'virtual_machine_network_interface_already_attached',
      operation: 'attachVirtualMachineNetworkInterface',
    });
    expect(received).toHaveLength(1);
  });

  it('maps 409 deletion_restricted and reads detail into the message', async () => {
    script.push((_req, res) =>
      sendError(res, 409, 'deletion_restricted', 'Deletion is restricted', {
        errors: ['IP addresses are still allocated'],
      }),
    );
    const error = await caught(
      makeClient().DELETE('/virtual_machine_network_interfaces/virtual_machine_network_interface', {
        body: { virtual_machine_network_interface: { id: NIC_ID } },
      }),
    );
    expect(error).toMatchObject({
      status: 409,
      code: 'deletion_restricted',
      providerMessage: 'Deletion is restricted (IP addresses are still allocated)',
    });
  });
});

describe('retries and timeouts', () => {
  const rateLimited: Reply = (_req, res) =>
    sendError(res, 429, 'rate_limit_reached', 'Rate limit reached', { total_permitted: 1000 });

  it('retries 429 rate_limit_reached for GET', async () => {
    script.push(rateLimited);
    const { data } = await makeClient().GET(LIST, {
      params: { query: { 'virtual_machine[id]': VM_ID } },
    });
    expect(data?.virtual_machine_network_interfaces).toHaveLength(1);
    expect(received).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it('retries 429 rate_limit_reached for POST (a rate limit proves nothing was done)', async () => {
    script.push(rateLimited, rateLimited);
    const { data } = await makeClient().POST(LIST, { body: CREATE_BODY });
    expect(data?.virtual_machine_network_interface.id).toBe(NIC_ID);
    expect(received).toHaveLength(3);
    expect(received.every((r) => r.body === JSON.stringify(CREATE_BODY))).toBe(true);
    expect(sleeps).toHaveLength(2);
  });

  it('returns the 429 as ApiError once retries run out', async () => {
    script.push(rateLimited, rateLimited);
    const error = await caught(
      makeClient({ maxRetries: 1 }).GET('/tasks/task', {
        params: { query: { 'task[id]': TASK.id } },
      }),
    );
    expect(error).toMatchObject({ status: 429, code: 'rate_limit_reached' });
    expect(received).toHaveLength(2);
  });

  it('retries a GET after 503 but not a POST', async () => {
    const unavailable: Reply = (_req, res) =>
      sendError(res, 503, 'service_unavailable', 'The service is unavailable');
    script.push(unavailable);
    const ok = await makeClient().GET('/tasks/task', {
      params: { query: { 'task[id]': TASK.id } },
    });
    expect(ok.data?.task.id).toBe(TASK.id);
    expect(received).toHaveLength(2);

    received.length = 0;
    script.push(unavailable);
    const error = await caught(makeClient().POST(LIST, { body: CREATE_BODY }));
    expect(error).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(received).toHaveLength(1);
  });

  it('gives a TimeoutError when no answer comes in time', async () => {
    script.push((_req, res) => {
      holds.add(setTimeout(() => send(res, 200, {}), 3000));
    });
    const error = await caught(makeClient({ timeoutMs: 100 }).POST(LIST, { body: CREATE_BODY }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(received).toHaveLength(1);
  });

  it('gives a NetworkError when the connection dies', async () => {
    script.push((_req, res) => res.socket?.destroy());
    const error = await caught(makeClient().POST(LIST, { body: CREATE_BODY }));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).maybeSent).toBe(true);
  });
});

describe('secrets never leak', () => {
  function expectNoCanary(value: unknown) {
    const views = [
      value instanceof Error ? value.message : '',
      String(value),
      JSON.stringify(value),
      util.inspect(value, { depth: 10 }),
    ];
    for (const view of views) expect(view).not.toContain(TOKEN);
  }

  it('keeps the token out of every error and of the client', async () => {
    const client = makeClient();
    const errors: unknown[] = [];
    errors.push(
      await caught(
        client.POST(LIST, {
          body: {
            // @ts-expect-error a lookup takes exactly one key
            virtual_machine: { id: TOKEN, fqdn: TOKEN },
            virtual_network: { id: TOKEN },
            speed_profile: { permalink: TOKEN },
          },
        }),
      ),
    );
    for (const [status, code] of [
      [401, 'invalid_api_token'],
      [403, 'invalid_api_token'],
      [500, 'unhandled_exception'],
    ] as const) {
      script.push((req, res) =>
        send(res, status, {
          error: {
            code,
            description: `got Authorization ${req.headers.authorization} and token ${TOKEN}`,
            detail: { headers: req.headers, raw: String(req.headers.authorization).slice(7) },
          },
        }),
      );
      errors.push(
        await caught(client.GET(LIST, { params: { query: { 'virtual_machine[id]': TOKEN } } })),
      );
    }
    script.push((_req, res) => {
      holds.add(setTimeout(() => send(res, 200, {}), 3000));
    });
    errors.push(
      await caught(
        client.GET(LIST, {
          params: { query: { 'virtual_machine[id]': TOKEN } },
          timeoutMs: 100,
          maxRetries: 0,
        }),
      ),
    );
    script.push((_req, res) => res.socket?.destroy());
    errors.push(
      await caught(
        client.GET(LIST, { params: { query: { 'virtual_machine[id]': TOKEN } }, maxRetries: 0 }),
      ),
    );

    expect(errors.map((e) => (e as { kind?: string }).kind)).toEqual([
      'validation',
      'auth',
      'auth',
      'api',
      'timeout',
      'network',
    ]);
    for (const error of errors) expectNoCanary(error);
    expectNoCanary(client);
    expect(JSON.stringify(client)).toBe('{"provider":"katapult"}');
  });

  it('keeps the token out of option errors', () => {
    for (const bad of [
      { token: `${TOKEN} with a space` },
      { token: TOKEN, endpoint: `http://api.example.com/${TOKEN}` },
    ]) {
      let error: unknown;
      try {
        createKatapultClient(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expectNoCanary(error);
    }
  });
});

describe('options', () => {
  it('defaults to the spec server and exposes provider "katapult"', () => {
    expect(katapultEndpoint()).toBe('https://api.katapult.io/core/v1');
    const client = createKatapultClient({ token: TOKEN });
    expect(client.provider).toBe('katapult');
  });

  it('refuses a missing token and plain http to remote hosts', () => {
    expect(() => createKatapultClient({ token: '' })).toThrow(ValidationError);
    expect(() => createKatapultClient({} as KatapultClientOptions)).toThrow(/token/);
    expect(() =>
      createKatapultClient({ token: TOKEN, endpoint: 'http://api.katapult.io/core/v1' }),
    ).toThrow(ValidationError);
  });
});
