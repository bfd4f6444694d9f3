// The Rackspace client against a purpose-built local Identity v2.0 + Cloud Servers (node:http on
// 127.0.0.1): the server checks token request bodies and X-Auth-Token; the tests drive the catalog
// choice, token reuse/renewal, rate limits (413 + Retry-After), and every error path.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import util from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthError,
  NetworkError,
  TimeoutError,
  ValidationError,
} from '../../src/core/errors.js';
import {
  RACKSPACE_IDENTITY_URL,
  RACKSPACE_LONDON_IDENTITY_URL,
  RACKSPACE_REGIONS,
  createRackspaceClient,
  rackspaceEndpoint,
  type RackspaceClientOptions,
} from '../../src/providers/rackspace.js';

const API_KEY = 'key-CANARY-rax-0b7e';
const PASSWORD = 'pw-CANARY-rax-4c19';
const CANARY = /CANARY/;
const TENANT = '123456';
const SERVER = '7b2c4d1e-9f3a-4c6b-8e5d-0a1b2c3d4e5f';
const NETWORK = '1f7920d3-0e63-4fec-a1cb-f7916671e8eb';
const VIF = '045f195f-3347-487b-8e80-8ee3390eda56';
const T0 = Date.parse('2026-03-01T12:00:00Z');

interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
interface Canned {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

let clock = T0;
let seen: Seen[] = [];
let tokenSeq = 0;
let validTokens = new Set<string>();
let acceptNewTokens = true;
let identityRefuses = false;
let defaultRegion: string | undefined = 'DFW';
let queue: Canned[] = [];

const sockets = new Set<Socket>();
let server: http.Server;
let base = '';

function send(res: http.ServerResponse, canned: Canned) {
  const payload = canned.text ?? (canned.body === undefined ? '' : JSON.stringify(canned.body));
  const headers: Record<string, string> = { ...canned.headers };
  if (canned.body !== undefined && !headers['Content-Type'])
    headers['Content-Type'] = 'application/json';
  res.writeHead(canned.status, headers);
  res.end(payload);
}

const vif = () => ({
  id: VIF,
  mac_address: 'FE:ED:FA:00:08:93',
  ip_addresses: [{ address: '192.168.0.1', network_id: NETWORK, network_label: 'added_network' }],
});

function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const path = new URL(req.url ?? '/', base).pathname;
  if (req.method === 'POST' && path === '/identity/v2.0/tokens') {
    if (identityRefuses) {
      return send(res, {
        status: 401,
        body: {
          unauthorized: {
            code: 401,
            message: 'Unable to authenticate user with credentials provided.',
          },
        },
      });
    }
    tokenSeq += 1;
    const token = `rax-CANARY-tok-${tokenSeq}`;
    if (acceptNewTokens) validTokens.add(token);
    const ep = (region: string) => ({
      region,
      tenantId: TENANT,
      publicURL: `${base}/${region.toLowerCase()}/v2/${TENANT}`,
      versionId: '2',
    });
    return send(res, {
      status: 200,
      body: {
        access: {
          token: {
            id: token,
            expires: new Date(clock + 86_400_000).toISOString(),
            tenant: { id: TENANT, name: TENANT },
          },
          serviceCatalog: [
            {
              name: 'cloudServers',
              type: 'compute',
              endpoints: [{ tenantId: TENANT, publicURL: `${base}/legacy/v1.0/${TENANT}` }],
            },
            { name: 'cloudServersOpenStack', type: 'compute', endpoints: [ep('DFW'), ep('LON')] },
          ],
          user: {
            id: 'u1',
            name: 'demo',
            ...(defaultRegion ? { 'RAX-AUTH:defaultRegion': defaultRegion } : {}),
          },
        },
      },
    });
  }
  const m =
    /^\/(dfw|lon|legacy)\/v2\/(\d+)\/servers\/([^/]+)\/os-virtual-interfacesv2(?:\/([^/]+))?$/.exec(
      path,
    );
  if (!m)
    return send(res, { status: 404, body: { itemNotFound: { code: 404, message: 'no route' } } });
  const token = String(req.headers['x-auth-token'] ?? '');
  if (!validTokens.has(token)) {
    return send(res, {
      status: 401,
      body: {
        unauthorized: {
          code: 401,
          message: 'No valid token provided. Please use the X-Auth-Token header.',
        },
      },
    });
  }
  const headers = {
    'X-Compute-Request-Id': `req-rax-${seen.length}`,
    Via: '1.1 Repose (Repose/9.1)',
  };
  const serverId = m[3]!;
  if (serverId === 'slow') {
    const timer = setTimeout(
      () => send(res, { status: 200, body: { virtual_interfaces: [] } }),
      3000,
    );
    res.on('close', () => clearTimeout(timer));
    return;
  }
  if (serverId === 'echo') {
    return send(res, {
      status: 500,
      body: {
        computeFault: {
          code: 500,
          message: 'Fault!',
          details: `headers: X-Auth-Token: ${token}; token=${token}`,
        },
      },
      headers,
    });
  }
  if (serverId === 'proxy-forbidden') {
    return send(res, {
      status: 403,
      text: `<html><body><h1>Forbidden</h1><p>Access was denied to this resource for ${token}.</p></body></html>`,
      headers: { ...headers, 'Content-Type': 'text/html' },
    });
  }
  if (serverId === 'plain-forbidden') {
    return send(res, {
      status: 403,
      text: 'Forbidden: Access was denied to this resource.',
      headers: { ...headers, 'Content-Type': 'text/plain' },
    });
  }
  const canned = queue.shift();
  if (canned) return send(res, { ...canned, headers: { ...headers, ...canned.headers } });
  if (req.method === 'GET')
    return send(res, { status: 200, body: { virtual_interfaces: [vif()] }, headers });
  if (req.method === 'POST')
    return send(res, { status: 200, body: { virtual_interfaces: [vif()] }, headers });
  if (req.method === 'DELETE')
    return send(res, { status: 200, headers: { ...headers, 'Content-Length': '0' } });
  return send(res, { status: 405, body: { badMethod: { code: 405, message: 'not allowed' } } });
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      handle(req, res);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  clock = T0;
  seen = [];
  tokenSeq = 0;
  validTokens = new Set();
  acceptNewTokens = true;
  identityRefuses = false;
  defaultRegion = 'DFW';
  queue = [];
});

const noSleep = async () => {};
const authHits = () => seen.filter((s) => s.path.endsWith('/tokens'));
const computeHits = () => seen.filter((s) => s.path.includes('/servers/'));

function apiKeyClient(extra: Partial<RackspaceClientOptions> = {}) {
  return createRackspaceClient({
    username: 'demo',
    apiKey: API_KEY,
    region: 'dfw',
    identityUrl: `${base}/identity/v2.0`,
    now: () => new Date(clock),
    sleep: noSleep,
    random: () => 0,
    ...extra,
  } as RackspaceClientOptions);
}

type RaxClient = ReturnType<typeof apiKeyClient>;
const list = (client: RaxClient, serverId = SERVER, init = {}) =>
  client.GET('/servers/{server_id}/os-virtual-interfacesv2', {
    params: { path: { server_id: serverId } },
    ...init,
  });
const create = (client: RaxClient, serverId = SERVER) =>
  client.POST('/servers/{server_id}/os-virtual-interfacesv2', {
    params: { path: { server_id: serverId } },
    body: { virtual_interface: { network_id: NETWORK } },
  });

describe('Identity v2.0 flow', () => {
  it('API key: spec-shaped token request, token from access.token.id, cloudServersOpenStack endpoint', async () => {
    const client = apiKeyClient();
    const { data } = await list(client);
    expect(data?.virtual_interfaces[0]?.id).toBe(VIF);
    expect(authHits()).toHaveLength(1);
    expect(JSON.parse(authHits()[0]!.body)).toEqual({
      auth: { 'RAX-KSKEY:apiKeyCredentials': { username: 'demo', apiKey: API_KEY } },
    });
    expect(authHits()[0]!.headers['x-auth-token']).toBeUndefined();
    const call = computeHits()[0]!;
    expect(call.path).toBe(`/dfw/v2/${TENANT}/servers/${SERVER}/os-virtual-interfacesv2`);
    expect(call.headers['x-auth-token']).toBe('rax-CANARY-tok-1');
    expect(call.headers['openstack-api-version']).toBeUndefined();
    expect(client.provider).toBe('rackspace');
  });

  it('password with tenantId', async () => {
    await list(
      createRackspaceClient({
        username: 'demo',
        password: PASSWORD,
        tenantId: TENANT,
        region: 'dfw',
        identityUrl: `${base}/identity/v2.0/`,
      }),
    );
    expect(JSON.parse(authHits()[0]!.body)).toEqual({
      auth: { passwordCredentials: { username: 'demo', password: PASSWORD }, tenantId: TENANT },
    });
  });

  it('chooses the endpoint by name and region (never the legacy cloudServers), default region otherwise', async () => {
    await list(apiKeyClient({ region: 'lon' }));
    expect(computeHits()[0]!.path.startsWith(`/lon/v2/${TENANT}/`)).toBe(true);
    await list(apiKeyClient({ region: undefined }));
    expect(computeHits()[1]!.path.startsWith(`/dfw/v2/${TENANT}/`)).toBe(true);
    const err = await list(apiKeyClient({ region: 'syd' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(
      /cloudServersOpenStack has no endpoint in region SYD \(regions: DFW, LON\)/,
    );
    defaultRegion = undefined;
    const noRegion = await list(apiKeyClient({ region: undefined })).catch((e: unknown) => e);
    expect(noRegion).toBeInstanceOf(ValidationError);
    expect(computeHits().some((s) => s.path.startsWith('/legacy/'))).toBe(false);
  });

  it('reuses the token, renews it before expiry, and once after a 401', async () => {
    const client = apiKeyClient();
    await Promise.all([list(client), list(client), list(client)]);
    await list(client);
    expect(authHits()).toHaveLength(1);
    clock += 86_400_000 - 60_000; // one minute left
    await list(client);
    expect(authHits()).toHaveLength(2);
    validTokens.clear(); // revoked
    const { data } = await list(client);
    expect(data?.virtual_interfaces).toHaveLength(1);
    expect(authHits()).toHaveLength(3);
    expect(computeHits().map((s) => s.headers['x-auth-token'])).toEqual([
      'rax-CANARY-tok-1',
      'rax-CANARY-tok-1',
      'rax-CANARY-tok-1',
      'rax-CANARY-tok-1',
      'rax-CANARY-tok-2',
      'rax-CANARY-tok-2',
      'rax-CANARY-tok-3',
    ]);
    // Every token refused: one re-authentication, then AuthError.
    validTokens.clear();
    acceptNewTokens = false;
    const err = await list(client).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(authHits()).toHaveLength(4);
    expect(computeHits()).toHaveLength(9);
  });

  it('an Identity refusal is an AuthError and compute sees nothing', async () => {
    identityRefuses = true;
    const err = await list(apiKeyClient()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err).toMatchObject({ status: 401, code: 'unauthorized', operation: 'createToken' });
    expect(computeHits()).toHaveLength(0);
  });
});

describe('operations, errors and reliability', () => {
  it('accepts create 200/201/202 and delete 200/202/204', async () => {
    const client = apiKeyClient();
    for (const status of [200, 201, 202]) {
      queue.push({ status, body: { virtual_interfaces: [vif()] } });
      const { data, response } = await create(client);
      expect(response.status).toBe(status);
      expect(data?.virtual_interfaces[0]?.id).toBe(VIF);
    }
    expect(JSON.parse(computeHits()[0]!.body)).toEqual({
      virtual_interface: { network_id: NETWORK },
    });
    for (const status of [200, 202, 204]) {
      queue.push({ status, ...(status === 204 ? {} : { headers: { 'Content-Length': '0' } }) });
      const { error, response } = await client.DELETE(
        '/servers/{server_id}/os-virtual-interfacesv2/{interface_id}',
        { params: { path: { server_id: SERVER, interface_id: VIF } } },
      );
      expect(error).toBeUndefined();
      expect(response.status).toBe(status);
    }
  });

  it('retries a POST after 413 with Retry-After (a rate limit); never after 503; GET after 503', async () => {
    const retries: { status?: number; delayMs: number }[] = [];
    const client = apiKeyClient({
      onRetry: (i) => retries.push({ status: i.status, delayMs: i.delayMs }),
    });
    queue.push({
      status: 413,
      headers: { 'Retry-After': '3' },
      body: {
        overLimit: { code: 413, message: 'OverLimit Retry...', retryAt: '2026-03-01T12:00:03Z' },
      },
    });
    const { data } = await create(client);
    expect(data?.virtual_interfaces).toHaveLength(1);
    expect(computeHits()).toHaveLength(2);
    expect(retries).toEqual([{ status: 413, delayMs: 3000 }]);

    queue.push({ status: 503, body: { serviceUnavailable: { code: 503, message: 'busy' } } });
    const err = await create(client).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 503, code: 'serviceUnavailable' });
    expect(computeHits()).toHaveLength(3);

    queue.push({ status: 503, body: { serviceUnavailable: { code: 503, message: 'busy' } } });
    expect((await list(client)).data?.virtual_interfaces).toHaveLength(1);
    expect(computeHits()).toHaveLength(5);
  });

  it('one VIF per network: 409 is an ApiError with code, message and request id', async () => {
    queue.push({
      status: 409,
      body: {
        conflictingRequest: {
          code: 409,
          message: 'Only one virtual interface per network is allowed per instance.',
        },
      },
    });
    const err = await create(apiKeyClient()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).not.toBeInstanceOf(AuthError);
    expect(err).toMatchObject({
      status: 409,
      code: 'conflictingRequest',
      providerMessage: 'Only one virtual interface per network is allowed per instance.',
      operation: 'createVirtualInterface',
    });
    expect((err as ApiError).requestId).toMatch(/^req-rax-/);
  });

  it('a plain-text or HTML 403 from the proxy gets a clean message', async () => {
    const client = apiKeyClient();
    const plain = await list(client, 'plain-forbidden').catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(ApiError);
    expect(plain).toMatchObject({
      status: 403,
      providerMessage: 'Forbidden: Access was denied to this resource.',
    });
    const html = await list(client, 'proxy-forbidden').catch((e: unknown) => e);
    expect(html).toBeInstanceOf(ApiError);
    expect((html as ApiError).status).toBe(403);
    expect((html as ApiError).providerMessage).toMatch(/Forbidden/);
    expect((html as ApiError).providerMessage).not.toMatch(/<|>/);
  });

  it('a body the spec refuses is a ValidationError and nothing is sent', async () => {
    const err = await apiKeyClient()
      .POST('/servers/{server_id}/os-virtual-interfacesv2', {
        params: { path: { server_id: SERVER } },
        body: { virtual_interface: { network_id: 'not-a-uuid' } },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(seen).toHaveLength(0);
  });

  it('options and endpoints come from the spec', () => {
    expect(RACKSPACE_IDENTITY_URL).toBe('https://identity.api.rackspacecloud.com/v2.0');
    expect(RACKSPACE_LONDON_IDENTITY_URL).toBe('https://lon.identity.api.rackspacecloud.com/v2.0');
    expect(RACKSPACE_REGIONS).toEqual(['ord', 'dfw', 'iad', 'lon', 'syd', 'hkg']);
    expect(rackspaceEndpoint({ region: 'iad', tenantId: TENANT })).toBe(
      `https://iad.servers.api.rackspacecloud.com/v2/${TENANT}`,
    );
    expect(() => rackspaceEndpoint({ region: 'xyz' as 'iad', tenantId: TENANT })).toThrow(
      ValidationError,
    );
    expect(() => apiKeyClient({ region: 'xyz' as 'dfw' })).toThrow(/region/);
    expect(() => apiKeyClient({ identityUrl: 'http://identity.example.com/v2.0' })).toThrow(
      /identityUrl/,
    );
    expect(() =>
      createRackspaceClient({
        username: 'demo',
        apiKey: API_KEY,
        password: PASSWORD,
      } as unknown as RackspaceClientOptions),
    ).toThrow(ValidationError);
    expect(() =>
      createRackspaceClient({ username: 'demo' } as unknown as RackspaceClientOptions),
    ).toThrow(/apiKey/);
  });
});

describe('canary secrets never leak', () => {
  function assertClean(value: unknown) {
    const renderings =
      value instanceof Error
        ? [value.message, String(value), JSON.stringify(value), util.inspect(value, { depth: 10 })]
        : [util.inspect(value, { depth: 10 }), JSON.stringify(value)];
    for (const text of renderings) expect(text).not.toMatch(CANARY);
  }

  it('in every error path and in the client itself', async () => {
    const client = apiKeyClient();
    const passwordClient = apiKeyClient({
      apiKey: undefined,
      password: PASSWORD,
    } as Partial<RackspaceClientOptions>);
    assertClean(client);
    assertClean(passwordClient);
    const errors: unknown[] = [];
    const capture = async (p: Promise<unknown>) => errors.push(await p.catch((e: unknown) => e));

    await capture(
      client.POST('/servers/{server_id}/os-virtual-interfacesv2', {
        params: { path: { server_id: SERVER } },
        body: { virtual_interface: { network_id: NETWORK, extra: API_KEY } } as never,
      }),
    );
    expect(errors.at(-1)).toBeInstanceOf(ValidationError);
    await capture(list(client, 'proxy-forbidden'));
    expect(errors.at(-1)).toMatchObject({ status: 403 });
    await capture(list(client, 'echo'));
    expect(errors.at(-1)).toMatchObject({ status: 500, code: 'computeFault' });
    validTokens.clear();
    acceptNewTokens = false;
    await capture(list(client));
    expect(errors.at(-1)).toBeInstanceOf(AuthError);
    acceptNewTokens = true;
    identityRefuses = true;
    await capture(list(apiKeyClient()));
    await capture(list(passwordClient));
    expect(errors.at(-1)).toBeInstanceOf(AuthError);
    identityRefuses = false;
    await capture(list(client, 'slow', { timeoutMs: 100, maxRetries: 0 }));
    expect(errors.at(-1)).toBeInstanceOf(TimeoutError);

    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await capture(list(apiKeyClient({ identityUrl: `http://127.0.0.1:${port}/v2.0` })));
    expect(errors.at(-1)).toBeInstanceOf(NetworkError);
    await capture(list(apiKeyClient({ endpoint: `http://127.0.0.1:${port}/v2/${TENANT}` })));
    expect(errors.at(-1)).toBeInstanceOf(NetworkError);
    try {
      apiKeyClient({ identityUrl: 'http://identity.example.com/v2.0' });
    } catch (e) {
      errors.push(e);
    }
    expect(errors.at(-1)).toBeInstanceOf(ValidationError);

    expect(errors).toHaveLength(10);
    for (const err of errors) assertClean(err);
    assertClean(client);
  });
});
