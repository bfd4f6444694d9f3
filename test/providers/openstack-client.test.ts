// The OpenStack client against a purpose-built local Keystone + Nova (node:http on 127.0.0.1):
// the server checks what arrives (token request bodies, X-Auth-Token, microversion headers) and
// the tests drive token reuse/renewal, catalog selection, negotiation, retries and every error path.
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
  VersionError,
} from '../../src/core/errors.js';
import { Secret } from '../../src/core/redact.js';
import {
  OPENSTACK_MICROVERSIONS,
  createOpenStackClient,
  openstackEndpoint,
  type OpenStackClientOptions,
} from '../../src/providers/openstack.js';

const PASSWORD = 'pw-CANARY-os-7f3a';
const APP_SECRET = 'acs-CANARY-os-91bd';
const READY_TOKEN = 'ready-CANARY-os-tok-55e0';
const CANARY = /CANARY/;
const PROJECT = '0c4e939acacf4376bdcd1129f1a054ad';
const SERVER = '8a9e6f1c-3b2d-4f5e-9c7a-1d2e3f4a5b6c';
const PORT = 'ce531f90-199f-48c0-816c-13e38010b442';
const NET = '3cb9bc59-5699-4588-a4b1-b87f96708bc6';
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

// Scenario state, reset before each test.
let clock = T0;
let seen: Seen[] = [];
let tokenSeq = 0;
let validTokens = new Set<string>();
let serverMin = '2.1';
let serverMax = '2.90';
let tokenLifetimeMs = 3_600_000;
let keystoneRefuses = false;
let always406 = false;
let computeQueue: Canned[] = [];

const sockets = new Set<Socket>();
let server: http.Server;
let base = '';

function mv(v: string): [number, number] {
  const [a, b] = v.split('.').map(Number);
  return [a!, b!];
}
function cmp(a: string, b: string) {
  const [a1, a2] = mv(a);
  const [b1, b2] = mv(b);
  return a1 - b1 || a2 - b2;
}

function send(res: http.ServerResponse, canned: Canned) {
  const payload = canned.text ?? (canned.body === undefined ? '' : JSON.stringify(canned.body));
  const headers: Record<string, string> = { ...canned.headers };
  if (canned.body !== undefined && !headers['Content-Type'])
    headers['Content-Type'] = 'application/json; charset=UTF-8';
  res.writeHead(canned.status, headers);
  res.end(payload);
}

function catalog() {
  const ep = (iface: string, region: string, prefix: string) => ({
    id: `${prefix}-${iface}`,
    interface: iface,
    region: region,
    region_id: region,
    url: `${base}/${prefix}/v2.1/${PROJECT}`,
  });
  return [
    {
      type: 'identity',
      name: 'keystone',
      endpoints: [ep('public', 'RegionOne', 'identity')],
    },
    {
      type: 'compute',
      name: 'nova',
      endpoints: [
        ep('public', 'RegionOne', 'compute'),
        ep('internal', 'RegionOne', 'internal'),
        ep('public', 'RegionTwo', 'compute-two'),
      ],
    },
  ];
}

function attachment(extra: Record<string, unknown> = {}) {
  return {
    fixed_ips: [{ ip_address: '192.168.1.3', subnet_id: 'f8a6e8f8-c2ec-497c-9f23-da9616de54ef' }],
    mac_addr: 'fa:16:3e:4c:2c:30',
    net_id: NET,
    port_id: PORT,
    port_state: 'ACTIVE',
    ...extra,
  };
}

function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
  const url = new URL(req.url ?? '/', base);
  const path = url.pathname;

  if (req.method === 'POST' && path === '/identity/v3/auth/tokens') {
    if (keystoneRefuses) {
      return send(res, {
        status: 401,
        body: {
          error: {
            code: 401,
            title: 'Unauthorized',
            message: 'The request you have made requires authentication.',
          },
        },
        headers: { 'X-OpenStack-Request-Id': 'req-keystone-1' },
      });
    }
    tokenSeq += 1;
    const token = `gAAAA-CANARY-tok-${tokenSeq}`;
    validTokens.add(token);
    return send(res, {
      status: 201,
      headers: { 'X-Subject-Token': token, Vary: 'X-Auth-Token' },
      body: {
        token: {
          methods: ['password'],
          user: { id: 'u1', name: 'demo', domain: { id: 'default', name: 'Default' } },
          project: { id: PROJECT, name: 'demo', domain: { id: 'default', name: 'Default' } },
          catalog: catalog(),
          expires_at: new Date(clock + tokenLifetimeMs).toISOString().replace('Z', '000Z'),
          issued_at: new Date(clock).toISOString(),
          audit_ids: ['a1'],
        },
      },
    });
  }

  const root = /^\/(compute|compute-two|internal)\/$/.exec(path);
  if (req.method === 'GET' && root) {
    return send(res, {
      status: 200,
      body: {
        versions: [
          { id: 'v2.0', status: 'DEPRECATED', version: '', min_version: '', links: [] },
          { id: 'v2.1', status: 'CURRENT', version: serverMax, min_version: serverMin, links: [] },
        ],
      },
    });
  }

  const m =
    /^\/(compute|compute-two|internal)\/v2\.1\/([0-9a-f]+)\/servers\/([^/]+)\/os-interface(?:\/([^/]+))?$/.exec(
      path,
    );
  if (!m)
    return send(res, { status: 404, body: { itemNotFound: { code: 404, message: 'no route' } } });
  const token = String(req.headers['x-auth-token'] ?? '');
  if (!validTokens.has(token)) {
    return send(res, {
      status: 401,
      body: {
        error: {
          code: 401,
          title: 'Unauthorized',
          message: 'The request you have made requires authentication.',
        },
      },
      headers: { 'WWW-Authenticate': `Keystone uri="${base}/identity"` },
    });
  }
  const modern = String(req.headers['openstack-api-version'] ?? '');
  const legacy = String(req.headers['x-openstack-nova-api-version'] ?? '');
  const version = modern.replace(/^compute /, '') || legacy || '2.1';
  if (always406 || cmp(version, serverMin) < 0 || cmp(version, serverMax) > 0) {
    return send(res, {
      status: 406,
      body: {
        computeFault: {
          code: 406,
          message: `Version ${version} is not supported by the API. Minimum is ${serverMin} and maximum is ${serverMax}.`,
        },
      },
    });
  }
  const versionHeaders = {
    'OpenStack-API-Version': `compute ${version}`,
    'X-OpenStack-Nova-API-Version': version,
    'X-OpenStack-Request-Id': `req-${seen.length}`,
  };
  const serverId = m[3]!;
  if (serverId === 'slow') {
    // Answers far later than any test timeout; closed by the timer or afterAll.
    const timer = setTimeout(
      () => send(res, { status: 200, body: { interfaceAttachments: [] } }),
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
          message: `Unexpected error; you sent X-Auth-Token: ${token} raw ${token}`,
        },
      },
      headers: versionHeaders,
    });
  }
  if (serverId === 'forbidden') {
    return send(res, {
      status: 403,
      body: { forbidden: { code: 403, message: `Policy does not allow this for token ${token}` } },
      headers: versionHeaders,
    });
  }
  const canned = computeQueue.shift();
  if (canned) return send(res, { ...canned, headers: { ...versionHeaders, ...canned.headers } });
  const withTag = cmp(version, '2.70') >= 0 ? { tag: null } : {};
  if (req.method === 'GET' && !m[4]) {
    return send(res, {
      status: 200,
      body: { interfaceAttachments: [attachment(withTag)] },
      headers: versionHeaders,
    });
  }
  if (req.method === 'POST') {
    const sent = JSON.parse(body) as { interfaceAttachment: Record<string, unknown> };
    const tag = cmp(version, '2.70') >= 0 ? { tag: sent.interfaceAttachment.tag ?? null } : {};
    return send(res, {
      status: 200,
      body: { interfaceAttachment: attachment(tag) },
      headers: versionHeaders,
    });
  }
  if (req.method === 'GET' && m[4]) {
    if (m[4] !== PORT) {
      return send(res, {
        status: 404,
        body: {
          itemNotFound: {
            code: 404,
            message: `Instance ${serverId} does not have a port with id ${m[4]}`,
          },
        },
        headers: versionHeaders,
      });
    }
    return send(res, {
      status: 200,
      body: { interfaceAttachment: attachment(withTag) },
      headers: versionHeaders,
    });
  }
  if (req.method === 'DELETE') return send(res, { status: 202, headers: versionHeaders });
  return send(res, { status: 405, body: { badMethod: { code: 405, message: 'not allowed' } } });
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      handle(req, res, body);
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
  serverMin = '2.1';
  serverMax = '2.90';
  tokenLifetimeMs = 3_600_000;
  keystoneRefuses = false;
  always406 = false;
  computeQueue = [];
});

const noSleep = async () => {};
const authHits = () => seen.filter((s) => s.path.endsWith('/auth/tokens'));
const versionHits = () => seen.filter((s) => /^\/[a-z-]+\/$/.test(s.path));
const computeHits = () => seen.filter((s) => s.path.includes('/servers/'));

function passwordClient(extra: Partial<OpenStackClientOptions> = {}) {
  return createOpenStackClient({
    authUrl: `${base}/identity/v3`,
    username: 'demo',
    userDomainName: 'Default',
    password: PASSWORD,
    projectName: 'demo',
    projectDomainId: 'default',
    region: 'RegionOne',
    now: () => new Date(clock),
    sleep: noSleep,
    random: () => 0,
    ...extra,
  } as OpenStackClientOptions);
}

const list = (client: ReturnType<typeof passwordClient>, serverId = SERVER, init = {}) =>
  client.GET('/servers/{server_id}/os-interface', {
    params: { path: { server_id: serverId } },
    ...init,
  });

describe('Keystone flows', () => {
  it('password: sends the spec-shaped token request, then the token and microversions to compute', async () => {
    const client = passwordClient();
    const { data } = await list(client);
    expect(data?.interfaceAttachments[0]?.port_id).toBe(PORT);

    expect(authHits()).toHaveLength(1);
    expect(JSON.parse(authHits()[0]!.body)).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'demo', domain: { name: 'Default' }, password: PASSWORD } },
        },
        scope: { project: { name: 'demo', domain: { id: 'default' } } },
      },
    });
    expect(authHits()[0]!.headers['x-auth-token']).toBeUndefined();
    // Version document: unauthenticated, on the root stripped of /v2.1/<project>.
    expect(versionHits().map((s) => s.path)).toEqual(['/compute/']);
    expect(versionHits()[0]!.headers['x-auth-token']).toBeUndefined();
    const call = computeHits()[0]!;
    expect(call.path).toBe(`/compute/v2.1/${PROJECT}/servers/${SERVER}/os-interface`);
    expect(call.headers['x-auth-token']).toBe('gAAAA-CANARY-tok-1');
    expect(call.headers['openstack-api-version']).toBe('compute 2.90');
    expect(call.headers['x-openstack-nova-api-version']).toBe('2.90');
    expect(await client.computeEndpoint()).toBe(`${base}/compute/v2.1/${PROJECT}`);
    expect(await client.microversion()).toBe('2.90');
  });

  it('password by user and project IDs', async () => {
    const client = createOpenStackClient({
      authUrl: `${base}/identity`, // /v3 is added
      userId: 'u1',
      password: PASSWORD,
      projectId: PROJECT,
      region: 'RegionOne',
    });
    await list(client);
    expect(authHits()[0]!.path).toBe('/identity/v3/auth/tokens');
    expect(JSON.parse(authHits()[0]!.body)).toEqual({
      auth: {
        identity: { methods: ['password'], password: { user: { id: 'u1', password: PASSWORD } } },
        scope: { project: { id: PROJECT } },
      },
    });
  });

  it('application credential by ID, and by name with its user: never a scope', async () => {
    await list(
      createOpenStackClient({
        authUrl: `${base}/identity/v3`,
        applicationCredentialId: 'ac1',
        applicationCredentialSecret: new Secret(APP_SECRET),
        region: 'RegionOne',
      }),
    );
    await list(
      createOpenStackClient({
        authUrl: `${base}/identity/v3`,
        applicationCredentialName: 'monitoring',
        username: 'demo',
        userDomainId: 'default',
        applicationCredentialSecret: APP_SECRET,
        region: 'RegionOne',
      }),
    );
    expect(authHits().map((s) => JSON.parse(s.body))).toEqual([
      {
        auth: {
          identity: {
            methods: ['application_credential'],
            application_credential: { id: 'ac1', secret: APP_SECRET },
          },
        },
      },
      {
        auth: {
          identity: {
            methods: ['application_credential'],
            application_credential: {
              name: 'monitoring',
              secret: APP_SECRET,
              user: { name: 'demo', domain: { id: 'default' } },
            },
          },
        },
      },
    ]);
    expect(computeHits()).toHaveLength(2);
  });

  it('chooses the catalog endpoint by region and interface, and explains a miss', async () => {
    await list(passwordClient({ region: 'RegionTwo' }));
    expect(computeHits()[0]!.path.startsWith('/compute-two/v2.1/')).toBe(true);
    expect(versionHits()[0]!.path).toBe('/compute-two/');
    await list(passwordClient({ interface: 'internal' }));
    expect(computeHits()[1]!.path.startsWith('/internal/v2.1/')).toBe(true);

    const ambiguous = await list(passwordClient({ region: undefined })).catch((e: unknown) => e);
    expect(ambiguous).toBeInstanceOf(ValidationError);
    expect((ambiguous as Error).message).toMatch(
      /several public compute endpoints.*RegionOne, RegionTwo/,
    );

    const missing = await list(passwordClient({ region: 'RegionNine' })).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as Error).message).toMatch(
      /no compute endpoint with interface public in region RegionNine.*internal\/RegionOne, public\/RegionOne, public\/RegionTwo/,
    );
    expect(computeHits()).toHaveLength(2);
  });

  it('reuses one token for many calls; concurrent first calls share one authentication', async () => {
    const client = passwordClient();
    await Promise.all([list(client), list(client), list(client), list(client), list(client)]);
    for (let i = 0; i < 5; i++) await list(client);
    expect(authHits()).toHaveLength(1);
    expect(versionHits()).toHaveLength(1);
    expect(computeHits()).toHaveLength(10);
    expect(new Set(computeHits().map((s) => s.headers['x-auth-token']))).toEqual(
      new Set(['gAAAA-CANARY-tok-1']),
    );
  });

  it('authenticates again shortly before the token expires (injected clock)', async () => {
    const client = passwordClient();
    await list(client);
    clock += 50 * 60_000; // 10 minutes left: reuse
    await list(client);
    expect(authHits()).toHaveLength(1);
    clock += 9 * 60_000; // 1 minute left: inside the renewal margin
    await list(client);
    expect(authHits()).toHaveLength(2);
    expect(computeHits().map((s) => s.headers['x-auth-token'])).toEqual([
      'gAAAA-CANARY-tok-1',
      'gAAAA-CANARY-tok-1',
      'gAAAA-CANARY-tok-2',
    ]);
  });

  it('judges expiry by the lifetime Keystone states, so a skewed local clock does no harm', async () => {
    const client = passwordClient({ now: () => new Date(clock + 86_400_000) }); // a day ahead
    for (let i = 0; i < 3; i++) await list(client);
    expect(authHits()).toHaveLength(1);
  });

  it('401 from compute: exactly one re-authentication and resend, then AuthError', async () => {
    const client = passwordClient();
    await list(client);
    validTokens.clear(); // revoke
    const { data } = await list(client);
    expect(data?.interfaceAttachments).toHaveLength(1);
    expect(authHits()).toHaveLength(2);
    expect(computeHits().map((s) => s.headers['x-auth-token'])).toEqual([
      'gAAAA-CANARY-tok-1',
      'gAAAA-CANARY-tok-1',
      'gAAAA-CANARY-tok-2',
    ]);

    // Every token is refused from now on: one more authentication, then the 401 is an AuthError.
    const originalAdd = validTokens.add.bind(validTokens);
    validTokens.clear();
    validTokens.add = (v: string) => validTokens; // issued tokens never become valid
    try {
      const err = await list(client).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthError);
      expect(err).toMatchObject({ status: 401, code: 'Unauthorized' });
      expect((err as AuthError).providerMessage).toBe(
        'The request you have made requires authentication.',
      );
      expect(authHits()).toHaveLength(3);
      expect(computeHits()).toHaveLength(5);
    } finally {
      validTokens.add = originalAdd;
    }
  });

  it('a Keystone 401 becomes an AuthError without reaching compute', async () => {
    keystoneRefuses = true;
    const err = await list(passwordClient()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err).toMatchObject({
      status: 401,
      code: 'Unauthorized',
      operation: 'createToken',
      requestId: 'req-keystone-1',
    });
    expect(computeHits()).toHaveLength(0);
  });

  it('a ready token and endpoint: no Keystone; a 401 is an AuthError at once', async () => {
    const client = createOpenStackClient({
      token: READY_TOKEN,
      endpoint: `${base}/compute/v2.1/${PROJECT}`,
      microversion: '2.70',
    });
    const err = await list(client).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(authHits()).toHaveLength(0);
    expect(computeHits()).toHaveLength(1);
    expect(computeHits()[0]!.headers['x-auth-token']).toBe(READY_TOKEN);
    validTokens.add(READY_TOKEN);
    const { data } = await list(client);
    expect(data?.interfaceAttachments[0]?.tag).toBeNull();
    expect(versionHits()).toHaveLength(0);
  });
});

describe('microversions', () => {
  it('uses the spec maximum when the server supports more', async () => {
    serverMax = '2.120';
    const client = passwordClient();
    await list(client);
    expect(OPENSTACK_MICROVERSIONS.max).toBe('2.104');
    expect(computeHits()[0]!.headers['openstack-api-version']).toBe('compute 2.104');
    expect(await client.microversion()).toBe('2.104');
  });

  it('refuses tag below 2.49 before sending anything (fixed 2.48)', async () => {
    const client = passwordClient({ microversion: '2.48' });
    const err = await client
      .POST('/servers/{server_id}/os-interface', {
        params: { path: { server_id: SERVER } },
        body: { interfaceAttachment: { port_id: PORT, tag: 'public' } },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VersionError);
    expect(err).toMatchObject({ minimum: '2.49', requested: '2.48' });
    expect(seen).toHaveLength(0);
  });

  it('refuses tag when the negotiated version is below 2.49, before the compute call', async () => {
    serverMax = '2.48';
    const client = passwordClient();
    const err = await client
      .POST('/servers/{server_id}/os-interface', {
        params: { path: { server_id: SERVER } },
        body: { interfaceAttachment: { net_id: NET, tag: 'public' } },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VersionError);
    expect(computeHits()).toHaveLength(0);
  });

  it('sends tag from 2.49 on', async () => {
    const client = passwordClient({ microversion: '2.70' });
    const { data } = await client.POST('/servers/{server_id}/os-interface', {
      params: { path: { server_id: SERVER } },
      body: {
        interfaceAttachment: {
          net_id: NET,
          fixed_ips: [{ ip_address: '192.168.1.3' }],
          tag: 'public',
        },
      },
    });
    expect(data?.interfaceAttachment.tag).toBe('public');
    expect(JSON.parse(computeHits()[0]!.body)).toEqual({
      interfaceAttachment: {
        net_id: NET,
        fixed_ips: [{ ip_address: '192.168.1.3' }],
        tag: 'public',
      },
    });
    expect(computeHits()[0]!.headers['x-openstack-nova-api-version']).toBe('2.70');
    expect(versionHits()).toHaveLength(0);
  });

  it('406: negotiates once more and resends at the new version', async () => {
    serverMax = '2.95';
    const client = passwordClient();
    await list(client);
    serverMax = '2.80'; // the deployment was rolled back
    const { data } = await list(client);
    expect(data?.interfaceAttachments).toHaveLength(1);
    expect(versionHits()).toHaveLength(2);
    expect(computeHits().map((s) => s.headers['x-openstack-nova-api-version'])).toEqual([
      '2.95',
      '2.95',
      '2.80',
    ]);
    expect(await client.microversion()).toBe('2.80');
  });

  it('406 that persists: one renegotiation, then VersionError with the range', async () => {
    const client = passwordClient();
    await list(client);
    always406 = true;
    serverMax = '2.85';
    const err = await list(client).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VersionError);
    expect(err).toMatchObject({ status: 406, requested: '2.85', minimum: '2.1', maximum: '2.85' });
    expect(versionHits()).toHaveLength(2);
    expect(computeHits()).toHaveLength(3);
  });

  it('a fixed version refused with 406 is a VersionError without renegotiation', async () => {
    serverMax = '2.60';
    const err = await list(passwordClient({ microversion: '2.70' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VersionError);
    expect(versionHits()).toHaveLength(0);
    expect(computeHits()).toHaveLength(1);
  });

  it('rejects a fixed microversion outside the spec range', () => {
    expect(() => passwordClient({ microversion: '2.200' })).toThrow(VersionError);
    expect(() => passwordClient({ microversion: 'latest' as '2.1' })).toThrow(ValidationError);
  });

  it('the unauthenticated version call goes to the root without a token', async () => {
    const client = passwordClient();
    const { data } = await client.GET('/');
    expect(data?.versions.find((v) => v.id === 'v2.1')?.version).toBe('2.90');
    const doc = seen.filter((s) => s.path === '/compute/');
    expect(doc.every((s) => s.headers['x-auth-token'] === undefined)).toBe(true);
    expect(doc.some((s) => s.headers['openstack-api-version'] !== undefined)).toBe(false);
  });
});

describe('errors and reliability', () => {
  it('Nova faults become ApiError with code, message and request id', async () => {
    const client = passwordClient();
    const err = await client
      .GET('/servers/{server_id}/os-interface/{port_id}', {
        params: { path: { server_id: SERVER, port_id: 'deadbeef-0000-4000-8000-000000000000' } },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).not.toBeInstanceOf(AuthError);
    expect(err).toMatchObject({
      status: 404,
      code: 'itemNotFound',
      operation: 'showServerInterface',
      providerMessage: `Instance ${SERVER} does not have a port with id deadbeef-0000-4000-8000-000000000000`,
    });
    expect((err as ApiError).requestId).toMatch(/^req-/);
  });

  it('retries a GET after 503; never a POST after 503; a POST after 429 with Retry-After', async () => {
    const retries: number[] = [];
    const client = passwordClient({ onRetry: (i) => retries.push(i.delayMs) });
    await list(client); // authenticate and negotiate first
    computeQueue.push({
      status: 503,
      body: { serviceUnavailable: { code: 503, message: 'busy' } },
    });
    const { data } = await list(client);
    expect(data?.interfaceAttachments).toHaveLength(1);
    expect(computeHits()).toHaveLength(3);

    computeQueue.push({
      status: 503,
      body: { serviceUnavailable: { code: 503, message: 'busy' } },
    });
    const post = () =>
      client.POST('/servers/{server_id}/os-interface', {
        params: { path: { server_id: SERVER } },
        body: { interfaceAttachment: { port_id: PORT } },
      });
    const err = await post().catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 503, code: 'serviceUnavailable' });
    expect(computeHits()).toHaveLength(4);

    computeQueue.push({
      status: 429,
      headers: { 'Retry-After': '2' },
      body: { overLimit: { code: 429, message: 'slow down', retryAfter: '2' } },
    });
    const ok = await post();
    expect(ok.data?.interfaceAttachment.port_id).toBe(PORT);
    expect(computeHits()).toHaveLength(6);
    expect(retries).toContain(2000);
  });

  it('a body the spec refuses is a ValidationError and nothing is sent', async () => {
    const client = passwordClient();
    const err = await client
      .POST('/servers/{server_id}/os-interface', {
        params: { path: { server_id: SERVER } },
        // @ts-expect-error port_id and net_id exclude each other
        body: { interfaceAttachment: { port_id: PORT, net_id: NET } },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(seen).toHaveLength(0);
  });

  it('checks options: credential URLs, missing pieces, mixed methods', () => {
    expect(() =>
      createOpenStackClient({
        authUrl: 'http://keystone.example.com/v3',
        userId: 'u',
        password: 'p',
      }),
    ).toThrow(/authUrl/);
    expect(() =>
      createOpenStackClient({
        authUrl: 'https://keystone.example.com/v2.0',
        userId: 'u',
        password: 'p',
      }),
    ).toThrow(/Keystone v3/);
    expect(() =>
      createOpenStackClient({ token: 'ready-token-value' } as unknown as OpenStackClientOptions),
    ).toThrow(/endpoint/);
    expect(() =>
      createOpenStackClient({
        authUrl: 'https://keystone.example.com/v3',
        username: 'demo',
        password: 'p',
      } as unknown as OpenStackClientOptions),
    ).toThrow(/userDomainName/);
    expect(() =>
      createOpenStackClient({
        authUrl: 'https://keystone.example.com/v3',
        userId: 'u',
        password: 'p',
        applicationCredentialId: 'x',
        applicationCredentialSecret: 's',
      } as unknown as OpenStackClientOptions),
    ).toThrow(ValidationError);
  });

  it('builds endpoints from the spec servers', () => {
    expect(openstackEndpoint({ computeHost: 'nova.example.com:8774' })).toBe(
      'https://nova.example.com:8774/v2.1',
    );
    expect(
      openstackEndpoint({ computeHost: 'cloud.example.com/compute', projectId: PROJECT }),
    ).toBe(`https://cloud.example.com/compute/v2.1/${PROJECT}`);
    expect(() => openstackEndpoint({ computeHost: 'a b' })).toThrow(ValidationError);
    expect(() => openstackEndpoint({ computeHost: 'x', projectId: 'a/b' })).toThrow(
      ValidationError,
    );
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
    const errors: unknown[] = [];
    const client = passwordClient({ timeoutMs: 5_000 });
    const appClient = createOpenStackClient({
      authUrl: `${base}/identity/v3`,
      applicationCredentialId: 'ac1',
      applicationCredentialSecret: APP_SECRET,
      region: 'RegionOne',
    });
    assertClean(client);
    assertClean(appClient);

    // validation
    errors.push(
      await client
        .POST('/servers/{server_id}/os-interface', {
          params: { path: { server_id: SERVER } },
          body: { interfaceAttachment: { port_id: 'not a uuid' } },
        })
        .catch((e: unknown) => e),
    );
    expect(errors.at(-1)).toBeInstanceOf(ValidationError);
    // 403 with the token in the message, 500 echoing the token header
    errors.push(await list(client, 'forbidden').catch((e: unknown) => e));
    expect(errors.at(-1)).toMatchObject({ status: 403, code: 'forbidden' });
    errors.push(await list(client, 'echo').catch((e: unknown) => e));
    expect(errors.at(-1)).toMatchObject({ status: 500, code: 'computeFault' });
    expect((errors.at(-1) as ApiError).providerMessage).toContain('[redacted]');
    // 401 after the one re-authentication (every token refused)
    const originalAdd = validTokens.add.bind(validTokens);
    validTokens.clear();
    validTokens.add = () => validTokens;
    errors.push(await list(client).catch((e: unknown) => e));
    validTokens.add = originalAdd;
    expect(errors.at(-1)).toBeInstanceOf(AuthError);
    // Keystone refusing the password and the application credential
    keystoneRefuses = true;
    errors.push(await list(passwordClient()).catch((e: unknown) => e));
    errors.push(await list(appClient).catch((e: unknown) => e));
    expect(errors.at(-1)).toBeInstanceOf(AuthError);
    keystoneRefuses = false;
    // timeout
    errors.push(
      await list(client, 'slow', { timeoutMs: 100, maxRetries: 0 }).catch((e: unknown) => e),
    );
    expect(errors.at(-1)).toBeInstanceOf(TimeoutError);
    // network error: a ready token against a closed port
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const offline = createOpenStackClient({
      token: READY_TOKEN,
      endpoint: `http://127.0.0.1:${port}/v2.1`,
      microversion: '2.1',
      sleep: noSleep,
      random: () => 0,
    });
    errors.push(await list(offline).catch((e: unknown) => e));
    expect(errors.at(-1)).toBeInstanceOf(NetworkError);
    // option errors
    errors.push(
      (() => {
        try {
          createOpenStackClient({
            authUrl: 'http://keystone.example.com/v3',
            userId: 'u',
            password: PASSWORD,
          });
        } catch (e) {
          return e;
        }
      })(),
    );
    expect(errors.at(-1)).toBeInstanceOf(ValidationError);

    expect(errors).toHaveLength(9);
    for (const err of errors) assertClean(err);
    assertClean(client);
    assertClean(offline);
  });
});
