// The SCP client against a local server that checks what arrives: signatures recomputed over the
// request as received, version headers, retries, timeouts, error mapping and secret hygiene.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import util from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyScpSignature } from '../../src/auth/scp-signature.js';
import {
  ApiError,
  AuthError,
  NetworkError,
  Secret,
  TimeoutError,
  ValidationError,
  VersionError,
} from '../../src/core/index.js';
import {
  createScpClient,
  scpEndpoint,
  type ScpClientOptions,
  type ScpVersionWarning,
} from '../../src/providers/scp.js';

// Canaries: unique strings in every credential, looked for in everything an error exposes.
const ACCESS_KEY = 'AKcanaryScp4f1e9b2d7c';
const SECRET_KEY = 'SKcanaryScpSecret-8d3a61f0e2b94c57';
const ACCOUNT_ID = 'ACcanaryScpAccount5a7c';
const CANARIES = [ACCESS_KEY, SECRET_KEY, ACCOUNT_ID];

// The seed scenario's date: 1.3 CURRENT, 1.2 SUPPORTED past its date, 1.1 and 1.0 gone.
const CLOCK = new Date('2026-11-22T03:00:00Z');
const SERVER_ID = '2a9be312-5d4b-4bc8-b2ae-35100fa9241f';
const PORT_ID = 'f2b02fc5-a5fd-4b5f-b1a9-987f4c0d66cc';

const IFACE = {
  fixed_ips: [{ ip_address: '192.169.3.2' }],
  mac_addr: 'fa:16:3e:c0:71:2b',
  port_id: PORT_ID,
  port_state: 'ACTIVE',
  subnet_id: '183c6c30df0c4fcbb16422aa2d64aa21',
};

interface Received {
  method: string;
  /** The request target exactly as it arrived (path and query, percent-encoded). */
  rawUrl: string;
  /** `http://host:port` + rawUrl: what the client must have signed. */
  fullUrl: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Signature recomputed over what arrived; null when the request carried none. */
  signatureValid: boolean | null;
}

type Reply = (req: Received, res: http.ServerResponse) => void;

const received: Received[] = [];
const script: Reply[] = [];
const sockets = new Set<Socket>();
const holds = new Set<NodeJS.Timeout>();
let server: http.Server;
let base = '';
let discovery: unknown;

function header(req: Received, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

function send(res: http.ServerResponse, status: number, payload?: unknown, headers = {}) {
  const body = payload === undefined ? '' : JSON.stringify(payload);
  res.writeHead(status, {
    ...(body ? { 'Content-Type': 'application/json' } : {}),
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** A small stand-in for the Virtual Server API (used when no scripted reply is queued). */
function defaultReply(req: Received, res: http.ServerResponse) {
  const path = req.rawUrl.split('?')[0] ?? '';
  if (path === '/' && req.method === 'GET') return send(res, 200, discovery);
  if (req.signatureValid !== true) return send(res, 401, { message: 'signature mismatch' });
  if (/^\/v1\/servers\/[^/]+\/interfaces$/.test(path)) {
    if (req.method === 'GET') return send(res, 200, { interfaces: [IFACE] });
    if (req.method === 'POST') return send(res, 200, IFACE);
  }
  if (/^\/v1\/servers\/[^/]+\/interfaces\/[^/]+$/.test(path)) {
    if (req.method === 'GET') return send(res, 200, { interfaces: [IFACE] });
    if (req.method === 'PUT') return send(res, 202);
    if (req.method === 'DELETE') return send(res, 200);
  }
  return send(res, 404, { message: 'no such route' });
}

async function verify(req: http.IncomingMessage, fullUrl: string): Promise<boolean | null> {
  const signature = req.headers['scp-signature'];
  if (typeof signature !== 'string') return null;
  return verifyScpSignature({
    method: req.method ?? '',
    url: fullUrl,
    timestamp: String(req.headers['scp-timestamp'] ?? ''),
    accessKey: String(req.headers['scp-accesskey'] ?? ''),
    accountId: String(req.headers['scp-accountid'] ?? ''),
    clientType: String(req.headers['scp-clienttype'] ?? ''),
    secretKey: SECRET_KEY,
    signature,
  });
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawUrl = req.url ?? '/';
      const fullUrl = `http://${req.headers.host}${rawUrl}`;
      void verify(req, fullUrl).then((signatureValid) => {
        const entry: Received = {
          method: req.method ?? '',
          rawUrl,
          fullUrl,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          signatureValid,
        };
        received.push(entry);
        (script.shift() ?? defaultReply)(entry, res);
      });
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const t of holds) clearTimeout(t);
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const sleeps: number[] = [];

beforeEach(() => {
  received.length = 0;
  script.length = 0;
  sleeps.length = 0;
  discovery = {
    versions: [
      { id: 'v1.3', status: 'CURRENT', not_before: null, links: [{ href: base, rel: 'self' }] },
      { id: 'v1.2', status: 'SUPPORTED', not_before: '2026-08-31' },
    ],
  };
});

function makeClient(extra: Partial<ScpClientOptions> = {}) {
  return createScpClient({
    accessKey: ACCESS_KEY,
    secretKey: new Secret(SECRET_KEY),
    endpoint: base,
    now: () => CLOCK,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
}

const listParams = { params: { path: { server_id: SERVER_ID } } };

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('signing', () => {
  it('signs an authenticated call over the URL as received, with every SCP header', async () => {
    const client = makeClient();
    const { data } = await client.GET('/v1/servers/{server_id}/interfaces', listParams);
    expect(data?.interfaces[0]?.port_id).toBe(PORT_ID);
    expect(received).toHaveLength(1);
    const req = received[0]!;
    expect(req.signatureValid).toBe(true);
    expect(header(req, 'Scp-AccessKey')).toBe(ACCESS_KEY);
    expect(header(req, 'Scp-Timestamp')).toBe(String(CLOCK.getTime()));
    expect(header(req, 'Scp-ClientType')).toBe('Openapi');
    expect(header(req, 'Scp-Signature')).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(header(req, 'Accept-Language')).toBe('en-US');
    expect(header(req, 'Scp-Api-Version')).toBe('virtualserver 1.3');
    expect(header(req, 'Scp-AccountId')).toBeUndefined();
  });

  it('sends and signs the account id when set, and the chosen Accept-Language', async () => {
    const client = makeClient({ accountId: ACCOUNT_ID, acceptLanguage: 'ko-KR' });
    await client.GET('/v1/servers/{server_id}/interfaces', listParams);
    const req = received[0]!;
    expect(header(req, 'Scp-AccountId')).toBe(ACCOUNT_ID);
    expect(header(req, 'Accept-Language')).toBe('ko-KR');
    expect(req.signatureValid).toBe(true);
    // The account id is part of the signed string: without it the signature does not match.
    const withoutAccount = await verifyScpSignature({
      method: req.method,
      url: req.fullUrl,
      timestamp: header(req, 'Scp-Timestamp')!,
      accessKey: ACCESS_KEY,
      secretKey: SECRET_KEY,
      signature: header(req, 'Scp-Signature')!,
    });
    expect(withoutAccount).toBe(false);
  });

  it("lets a call's own Accept-Language win", async () => {
    await makeClient().GET('/v1/servers/{server_id}/interfaces', {
      params: { path: { server_id: SERVER_ID }, header: { 'Accept-Language': 'ko-KR' } },
    });
    expect(header(received[0]!, 'Accept-Language')).toBe('ko-KR');
    expect(received[0]!.signatureValid).toBe(true);
  });

  it('signs the percent-encoded path exactly as it goes on the wire', async () => {
    const client = makeClient();
    const odd = 'srv 1/ä?#%';
    await client.GET('/v1/servers/{server_id}/interfaces/{port_id}', {
      params: { path: { server_id: odd, port_id: PORT_ID } },
    });
    const req = received[0]!;
    expect(req.rawUrl).toBe(`/v1/servers/${encodeURIComponent(odd)}/interfaces/${PORT_ID}`);
    expect(req.rawUrl).toContain('srv%201%2F%C3%A4%3F%23%25');
    expect(req.signatureValid).toBe(true);
  });

  it('signs a POST (the body is not signed) and sends the body as JSON', async () => {
    const client = makeClient();
    const body = {
      subnet_id: '78b2ee3f074145c580ab6abac4821f97',
      fixed_ips: [{ ip_address: '192.169.3.2' }],
    } as const;
    const { data } = await client.POST('/v1/servers/{server_id}/interfaces', {
      ...listParams,
      body: { subnet_id: body.subnet_id, fixed_ips: [{ ip_address: '192.169.3.2' }] },
    });
    expect(data?.mac_addr).toBe(IFACE.mac_addr);
    const req = received[0]!;
    expect(req.method).toBe('POST');
    expect(req.signatureValid).toBe(true);
    expect(header(req, 'Content-Type')).toBe('application/json');
    expect(JSON.parse(req.body)).toEqual(body);
  });

  it('signs PUT and DELETE, each with a fresh timestamp from the injected clock', async () => {
    let t = CLOCK.getTime();
    const client = makeClient({ now: () => new Date((t += 1000)) });
    const put = await client.PUT('/v1/servers/{server_id}/interfaces/{port_id}', {
      params: { path: { server_id: SERVER_ID, port_id: PORT_ID } },
      body: { fixed_ip_address: '192.169.3.10' },
    });
    expect(put.response.status).toBe(202);
    const del = await client.DELETE('/v1/servers/{server_id}/interfaces/{port_id}', {
      params: { path: { server_id: SERVER_ID, port_id: PORT_ID } },
    });
    expect(del.response.status).toBe(200);
    expect(received.map((r) => [r.method, r.signatureValid])).toEqual([
      ['PUT', true],
      ['DELETE', true],
    ]);
    expect(Number(header(received[1]!, 'Scp-Timestamp'))).toBeGreaterThan(
      Number(header(received[0]!, 'Scp-Timestamp')),
    );
  });

  it('reads the version document unsigned and without a version header', async () => {
    const client = makeClient({ accountId: ACCOUNT_ID });
    const { data } = await client.GET('/');
    expect(data?.versions[0]?.id).toBe('v1.3');
    const req = received[0]!;
    expect(req.rawUrl).toBe('/');
    expect(req.signatureValid).toBeNull();
    for (const name of [
      'Scp-AccessKey',
      'Scp-Signature',
      'Scp-Timestamp',
      'Scp-ClientType',
      'Scp-AccountId',
      'Scp-Api-Version',
      'Authorization',
    ]) {
      expect(header(req, name), name).toBeUndefined();
    }
  });
});

describe('API versions (seed scenario, clock 2026-11-22)', () => {
  it('uses the CURRENT 1.3 by default', async () => {
    const warnings: ScpVersionWarning[] = [];
    const client = makeClient({ onVersionWarning: (w) => warnings.push(w) });
    await client.GET('/v1/servers/{server_id}/interfaces', listParams);
    expect(header(received[0]!, 'Scp-Api-Version')).toBe('virtualserver 1.3');
    expect(warnings).toEqual([]);
  });

  it('sends a pinned 1.2 and warns through the callback (once), not on the console', async () => {
    const warnings: ScpVersionWarning[] = [];
    const consoleCalls = (['log', 'warn', 'error', 'info', 'debug'] as const).map((name) =>
      vi.spyOn(console, name).mockImplementation(() => undefined),
    );
    const client = makeClient({ apiVersion: '1.2', onVersionWarning: (w) => warnings.push(w) });
    await client.GET('/v1/servers/{server_id}/interfaces', listParams);
    await client.GET('/v1/servers/{server_id}/interfaces', listParams);
    // Without a callback the warning goes nowhere.
    await makeClient({ apiVersion: '1.2' }).GET('/v1/servers/{server_id}/interfaces', listParams);
    for (const spy of consoleCalls) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
    expect(received.map((r) => header(r, 'Scp-Api-Version'))).toEqual([
      'virtualserver 1.2',
      'virtualserver 1.2',
      'virtualserver 1.2',
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      operationId: 'listServerInterfaces',
      version: '1.2',
      status: 'SUPPORTED',
      notBefore: '2026-08-31',
    });
    expect(warnings[0]!.daysLeft).toBeLessThan(0);
  });

  it('warns within warnWithinDays of a Not Before date (default 90), and a throwing callback is harmless', async () => {
    const june = () => new Date('2026-06-15T00:00:00Z'); // 1.2 has 77 days left
    const warnings: ScpVersionWarning[] = [];
    await makeClient({
      now: june,
      apiVersion: '1.2',
      onVersionWarning: (w) => warnings.push(w),
    }).GET('/v1/servers/{server_id}/interfaces', listParams);
    expect(warnings.map((w) => w.daysLeft)).toEqual([77]);
    await makeClient({
      now: june,
      apiVersion: '1.2',
      warnWithinDays: 30,
      onVersionWarning: (w) => warnings.push(w),
    }).GET('/v1/servers/{server_id}/interfaces', listParams);
    expect(warnings).toHaveLength(1);
    const { data } = await makeClient({
      now: june,
      apiVersion: '1.2',
      onVersionWarning: () => {
        throw new Error('callback bug');
      },
    }).GET('/v1/servers/{server_id}/interfaces', listParams);
    expect(data?.interfaces).toHaveLength(1);
  });

  it.each(['1.1', '1.0'])('refuses a pinned %s before sending anything', async (version) => {
    const client = makeClient({ apiVersion: version });
    const error = await caught(
      client.POST('/v1/servers/{server_id}/interfaces', {
        ...listParams,
        body: { port_id: '91424c08-0b26-49fb-9808-ed042292ceef' },
      }),
    );
    expect(error).toBeInstanceOf(VersionError);
    const e = error as VersionError;
    expect(e.requested).toBe(version);
    expect(e.usable).toEqual(['1.3', '1.2']);
    expect(e.operation).toBe('createServerInterface');
    expect(e.message).toContain('1.3, 1.2');
    expect(received).toHaveLength(0);
  });

  it('pins per operation; unlisted operations use CURRENT', async () => {
    const client = makeClient({ apiVersion: { createServerInterface: '1.2' } });
    await client.POST('/v1/servers/{server_id}/interfaces', {
      ...listParams,
      body: { port_id: PORT_ID },
    });
    await client.GET('/v1/servers/{server_id}/interfaces', listParams);
    expect(received.map((r) => header(r, 'Scp-Api-Version'))).toEqual([
      'virtualserver 1.2',
      'virtualserver 1.3',
    ]);
  });

  it("takes a call's own Scp-Api-Version header as that call's pin", async () => {
    const client = makeClient();
    await client.GET('/v1/servers/{server_id}/interfaces', {
      params: {
        path: { server_id: SERVER_ID },
        header: { 'Scp-Api-Version': 'virtualserver 1.2' },
      },
    });
    expect(header(received[0]!, 'Scp-Api-Version')).toBe('virtualserver 1.2');
    const refused = await caught(
      client.GET('/v1/servers/{server_id}/interfaces', {
        params: {
          path: { server_id: SERVER_ID },
          header: { 'Scp-Api-Version': 'virtualserver 1.0' },
        },
      }),
    );
    expect(refused).toBeInstanceOf(VersionError);
    const malformed = await caught(
      client.GET('/v1/servers/{server_id}/interfaces', {
        params: { path: { server_id: SERVER_ID }, header: { 'Scp-Api-Version': 'vpc 1.3' } },
      }),
    );
    expect(malformed).toBeInstanceOf(ValidationError);
    expect(received).toHaveLength(1);
  });

  it('refreshes the tables from GET /: 1.3 DEPRECATED past its date, 1.4 CURRENT -> 1.4', async () => {
    discovery = {
      versions: [
        { id: 'v1.4', status: 'CURRENT', not_before: null },
        { id: 'v1.3', status: 'DEPRECATED', not_before: '2026-11-01' },
        { id: 'v1.2', status: 'DEPRECATED', not_before: '2026-08-31' },
      ],
    };
    const client = makeClient();
    expect(client.versionTables().createServerInterface?.[0]).toEqual({
      version: '1.3',
      status: 'CURRENT',
      notBefore: null,
    });
    const tables = await client.refreshVersions();
    expect(tables.createServerInterface?.slice(0, 2)).toEqual([
      { version: '1.4', status: 'CURRENT', notBefore: null },
      { version: '1.3', status: 'DEPRECATED', notBefore: '2026-11-01' },
    ]);
    await client.POST('/v1/servers/{server_id}/interfaces', {
      ...listParams,
      body: { port_id: PORT_ID },
    });
    expect(received.map((r) => [r.method, r.rawUrl, header(r, 'Scp-Api-Version')])).toEqual([
      ['GET', '/', undefined],
      ['POST', `/v1/servers/${SERVER_ID}/interfaces`, 'virtualserver 1.4'],
    ]);
    // 1.3 is now refused as a pin, listing the live usable versions.
    const error = await caught(
      client.GET('/v1/servers/{server_id}/interfaces', {
        params: {
          path: { server_id: SERVER_ID },
          header: { 'Scp-Api-Version': 'virtualserver 1.3' },
        },
      }),
    );
    expect(error).toBeInstanceOf(VersionError);
    expect((error as VersionError).usable).toEqual(['1.4']);
    expect(received).toHaveLength(2);
  });

  it('refreshes on any successful GET / through the client, and a copy cannot change them', async () => {
    discovery = { versions: [{ id: 'v1.4', status: 'CURRENT', not_before: null }] };
    const client = makeClient();
    const copy = client.versionTables() as Record<string, { version: string }[]>;
    copy.listServerInterfaces![0]!.version = '9.9';
    await client.GET('/');
    await client.GET('/v1/servers/{server_id}/interfaces', listParams);
    expect(header(received[1]!, 'Scp-Api-Version')).toBe('virtualserver 1.4');
  });

  it('ignores a version document that is not JSON', async () => {
    script.push((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('maintenance');
    });
    const client = makeClient();
    await client.GET('/', { parseAs: 'text' });
    await client.GET('/v1/servers/{server_id}/interfaces', listParams);
    expect(header(received[1]!, 'Scp-Api-Version')).toBe('virtualserver 1.3');
  });
});

describe('retries and timeouts', () => {
  it('retries a GET after 503 and sends the same signed request again', async () => {
    script.push((_req, res) => send(res, 503, { message: 'busy' }));
    const client = makeClient();
    const { data } = await client.GET('/v1/servers/{server_id}/interfaces', listParams);
    expect(data?.interfaces).toHaveLength(1);
    expect(received).toHaveLength(2);
    expect(received.every((r) => r.signatureValid === true)).toBe(true);
    expect(header(received[1]!, 'Scp-Signature')).toBe(header(received[0]!, 'Scp-Signature'));
    expect(sleeps).toHaveLength(1);
  });

  it('does not retry a POST after 503', async () => {
    script.push((_req, res) => send(res, 503, { message: 'busy' }));
    const client = makeClient();
    const error = await caught(
      client.POST('/v1/servers/{server_id}/interfaces', {
        ...listParams,
        body: { port_id: PORT_ID },
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect(received).toHaveLength(1);
  });

  it('retries a 429 after the Retry-After delay (POST included: nothing was done)', async () => {
    script.push((_req, res) => send(res, 429, { message: 'slow down' }, { 'Retry-After': '2' }));
    const client = makeClient();
    const { data } = await client.POST('/v1/servers/{server_id}/interfaces', {
      ...listParams,
      body: { port_id: PORT_ID },
    });
    expect(data?.port_id).toBe(PORT_ID);
    expect(received).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it('gives a TimeoutError when no answer comes in time', async () => {
    script.push((_req, res) => {
      holds.add(setTimeout(() => send(res, 200, { interfaces: [] }), 3000));
    });
    const client = makeClient({ timeoutMs: 100, maxRetries: 0 });
    const error = await caught(client.GET('/v1/servers/{server_id}/interfaces', listParams));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).operation).toBe('listServerInterfaces');
  });

  it('gives a NetworkError when the connection dies', async () => {
    script.push((_req, res) => res.socket?.destroy());
    const client = makeClient({ maxRetries: 0 });
    const error = await caught(client.GET('/v1/servers/{server_id}/interfaces', listParams));
    expect(error).toBeInstanceOf(NetworkError);
  });
});

describe('validation and error mapping', () => {
  it('refuses a body that mixes the two create forms; the server sees nothing', async () => {
    const client = makeClient();
    const error = await caught(
      client.POST('/v1/servers/{server_id}/interfaces', {
        ...listParams,
        // @ts-expect-error subnet_id and port_id are mutually exclusive
        body: { subnet_id: '78b2ee3f074145c580ab6abac4821f97', port_id: PORT_ID },
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toContain('body.port_id');
    expect(received).toHaveLength(0);
  });

  it('maps 401 to AuthError with status, code, message and request id', async () => {
    script.push((_req, res) =>
      send(
        res,
        401,
        { code: 'AUTH_FAILED', message: 'Invalid signature' },
        { 'X-Request-Id': 'req-401' },
      ),
    );
    const error = await caught(makeClient().GET('/v1/servers/{server_id}/interfaces', listParams));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      status: 401,
      code: 'AUTH_FAILED',
      providerMessage: 'Invalid signature',
      requestId: 'req-401',
      provider: 'scp',
      operation: 'listServerInterfaces',
    });
  });

  it('maps 403, 404 and 409 to ApiError (not AuthError)', async () => {
    const client = makeClient();
    for (const [status, code] of [
      [403, 'FORBIDDEN'],
      [404, 'NOT_FOUND'],
      [409, 'CONFLICT'],
    ] as const) {
      script.push((_req, res) =>
        send(
          res,
          status,
          { code, message: `status ${status}` },
          { 'X-Request-Id': `req-${status}` },
        ),
      );
      const error = await caught(
        client.DELETE('/v1/servers/{server_id}/interfaces/{port_id}', {
          params: { path: { server_id: SERVER_ID, port_id: PORT_ID } },
        }),
      );
      expect(error).toBeInstanceOf(ApiError);
      expect(error).not.toBeInstanceOf(AuthError);
      expect(error).toMatchObject({ status, code, requestId: `req-${status}` });
    }
  });

  it('reads the 400 validation list (loc, msg, type_)', async () => {
    script.push((_req, res) =>
      send(res, 400, [
        { loc: ['body', 'subnet_id'], msg: 'field required', type_: 'value_error.missing' },
      ]),
    );
    const error = await caught(
      makeClient().POST('/v1/servers/{server_id}/interfaces', {
        ...listParams,
        body: { subnet_id: 'x' },
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'value_error.missing',
      providerMessage: 'body.subnet_id: field required',
    });
  });

  it('returns error responses instead of throwing with throwOnError: false', async () => {
    script.push((_req, res) => send(res, 404, { message: 'no such server' }));
    const { data, error, response } = await makeClient({ throwOnError: false }).GET(
      '/v1/servers/{server_id}/interfaces',
      listParams,
    );
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual({ message: 'no such server' });
  });

  it('refreshVersions throws the ApiError of a failed version document', async () => {
    script.push((_req, res) => send(res, 503, { message: 'down' }));
    const error = await caught(
      makeClient({ throwOnError: false, maxRetries: 0 }).refreshVersions(),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect((error as ApiError).operation).toBe('listServiceVersions');
  });
});

describe('secrets never leak', () => {
  function expectNoCanary(value: unknown, extra: string[] = []) {
    const views = [
      value instanceof Error ? value.message : '',
      String(value),
      JSON.stringify(value),
      util.inspect(value, { depth: 10 }),
    ];
    for (const view of views) {
      for (const canary of [...CANARIES, ...extra]) expect(view).not.toContain(canary);
    }
  }

  it('keeps the credentials (and signatures) out of every error and of the client', async () => {
    const client = makeClient({ accountId: ACCOUNT_ID });
    const errors: unknown[] = [];
    const signatures: string[] = [];

    // validation
    errors.push(
      await caught(
        client.POST('/v1/servers/{server_id}/interfaces', {
          params: { path: { server_id: ACCESS_KEY } },
          // @ts-expect-error fixed_ips is not allowed with port_id
          body: { port_id: SECRET_KEY, fixed_ips: [{ ip_address: ACCOUNT_ID }] },
        }),
      ),
    );
    // version refusal
    errors.push(
      await caught(
        makeClient({ accountId: ACCOUNT_ID, apiVersion: '1.0' }).GET(
          '/v1/servers/{server_id}/interfaces',
          listParams,
        ),
      ),
    );
    // 401, 403 and 500 echoing every credential header back
    for (const status of [401, 403, 500]) {
      script.push((req, res) => {
        signatures.push(header(req, 'Scp-Signature')!);
        send(res, status, {
          message: `rejected ${header(req, 'Scp-AccessKey')} ${header(req, 'Scp-Signature')} ${header(req, 'Scp-AccountId')}`,
          echo: req.headers,
          note: `${SECRET_KEY} leaked by a broken proxy`,
        });
      });
      errors.push(
        await caught(
          client.GET('/v1/servers/{server_id}/interfaces', {
            params: { path: { server_id: SERVER_ID }, header: { 'Scp-AccountId': ACCOUNT_ID } },
          }),
        ),
      );
    }
    // timeout
    script.push((_req, res) => {
      holds.add(setTimeout(() => send(res, 200, { interfaces: [] }), 3000));
    });
    errors.push(
      await caught(
        client.GET('/v1/servers/{server_id}/interfaces', {
          ...listParams,
          timeoutMs: 100,
          maxRetries: 0,
        }),
      ),
    );
    // network error
    script.push((_req, res) => res.socket?.destroy());
    errors.push(
      await caught(
        client.GET('/v1/servers/{server_id}/interfaces', { ...listParams, maxRetries: 0 }),
      ),
    );

    expect(errors.map((e) => (e as { kind?: string }).kind)).toEqual([
      'validation',
      'version',
      'auth',
      'api',
      'api',
      'timeout',
      'network',
    ]);
    expect(signatures).toHaveLength(3);
    for (const error of errors) expectNoCanary(error, signatures);
    expectNoCanary(client, signatures);
    expect(JSON.stringify(client)).toBe('{"provider":"scp"}');
  });

  it('keeps credentials out of option errors', () => {
    for (const bad of [
      { accessKey: `${ACCESS_KEY} with space`, secretKey: SECRET_KEY },
      { accessKey: ACCESS_KEY, secretKey: '' },
      {
        accessKey: ACCESS_KEY,
        secretKey: SECRET_KEY,
        endpoint: `http://example.com/${ACCESS_KEY}`,
      },
    ]) {
      let error: unknown;
      try {
        createScpClient(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expectNoCanary(error);
    }
  });
});

describe('options', () => {
  it('builds the endpoint from the spec server template', () => {
    expect(scpEndpoint()).toBe('https://virtualserver.kr-west1.e.samsungsdscloud.com');
    expect(scpEndpoint({ region: 'kr-south2', environment: 'g' })).toBe(
      'https://virtualserver.kr-south2.g.samsungsdscloud.com',
    );
    expect(() => scpEndpoint({ region: 'us-east-1' })).toThrow(ValidationError);
    expect(() =>
      createScpClient({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, environment: 'x' }),
    ).toThrow(ValidationError);
  });

  it('accepts region and environment, and exposes provider "scp"', () => {
    const client = createScpClient({
      accessKey: ACCESS_KEY,
      secretKey: SECRET_KEY,
      region: 'kr-east1',
      environment: 's',
    });
    expect(client.provider).toBe('scp');
  });

  it('refuses bad pins, plain http to remote hosts and missing keys', () => {
    const make = (extra: Partial<ScpClientOptions>) => () =>
      createScpClient({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, ...extra });
    expect(make({ apiVersion: 'v1.3' })).toThrow(ValidationError);
    expect(
      make({ apiVersion: { listServiceVersions: '1.3' } as unknown as Record<string, string> }),
    ).toThrow(/not a versioned operation/);
    expect(make({ endpoint: 'http://virtualserver.example.com' })).toThrow(ValidationError);
    expect(make({ endpoint: 'http://127.0.0.1:1' })).not.toThrow();
    expect(() => createScpClient({ accessKey: ACCESS_KEY } as ScpClientOptions)).toThrow(
      /secretKey/,
    );
  });
});
