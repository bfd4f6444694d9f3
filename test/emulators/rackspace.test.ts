import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  parseRackspaceToken,
  rackspaceTokenRequest,
  selectCloudServersEndpoint,
} from '../../src/auth/rackspace-identity.js';
import { startEmulator, type EmulatorHandleFor } from '../../src/emulators/index.js';
import { expectConformant } from '../helpers/response-conformance.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PUBLIC_NET = '00000000-0000-0000-0000-000000000000';
const SERVICE_NET = '11111111-1111-1111-1111-111111111111';

type Handle = EmulatorHandleFor<'rackspace'>;

async function authenticate(rs: Handle, body: unknown) {
  const res = await fetch(`${rs.identityUrl}/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

async function call(
  rs: Handle,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  base = rs.computeUrl,
) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token !== null) headers['x-auth-token'] = token;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: text ? JSON.parse(text) : undefined,
  };
}

async function tokenFor(rs: Handle): Promise<string> {
  const res = await authenticate(rs, rackspaceTokenRequest(rs.credentials.apiKey));
  return res.body.access.token.id;
}

describe('Rackspace emulator', () => {
  let rs: Handle;
  let token: string;
  let web: string;
  let worker: string;
  const isolated = () => rs.fixtures.networks.find((n) => n.label === 'backend')!.id;

  beforeAll(async () => {
    // High limits here; the limits themselves are tested on their own emulator below.
    rs = await startEmulator('rackspace', {
      seed: 'rackspace-test',
      rateLimits: { GET: 1000, POST: 1000 },
    });
    token = await tokenFor(rs);
    web = rs.fixtures.servers[0]!.id;
    worker = rs.fixtures.servers[1]!.id;
  });
  afterEach(() => {
    expectConformant(rs);
  });
  afterAll(async () => {
    await rs.close();
  });

  const vifs = (serverId: string, method = 'GET', body?: unknown, suffix = '') =>
    call(rs, token, method, `/servers/${serverId}/os-virtual-interfacesv2${suffix}`, body);

  describe('Identity v2.0', () => {
    it('API key: 200, token in the body, catalog with cloudServersOpenStack per region and legacy cloudServers', async () => {
      expect(rs.identityUrl).toBe(`${rs.origin}/identity/v2.0`);
      expect(rs.computeUrl).toBe(`${rs.origin}/servers-api/v2/123456`);
      const res = await authenticate(rs, rackspaceTokenRequest(rs.credentials.apiKey));
      expect(res.status).toBe(200);
      const parsed = parseRackspaceToken(res.body);
      expect(parsed.tenantId).toBe('123456');
      expect(parsed.defaultRegion).toBe('DFW');
      const access = res.body.access;
      expect(access.token['RAX-AUTH:authenticatedBy']).toEqual(['APIKEY']);
      expect(Date.parse(access.token.expires) - Date.now()).toBeGreaterThan(23 * 3600_000);
      const names = access.serviceCatalog.map((s: { name: string }) => s.name);
      expect(names).toEqual(['cloudServers', 'cloudServersOpenStack']);
      const legacy = access.serviceCatalog[0];
      expect(legacy.type).toBe('compute');
      expect(legacy.endpoints[0].region).toBeUndefined();
      for (const region of ['DFW', 'ord', 'IAD']) {
        expect(selectCloudServersEndpoint(access.serviceCatalog, region)).toBe(rs.computeUrl);
      }
      expect(() => selectCloudServersEndpoint(access.serviceCatalog, 'SYD')).toThrow(
        /no endpoint in region SYD/,
      );
      // A client that takes the first compute entry lands on the v1.0 URL, which serves nothing.
      const wrong = await call(
        rs,
        access.token.id,
        'GET',
        `/servers/${web}/os-virtual-interfacesv2`,
        undefined,
        legacy.endpoints[0].publicURL,
      );
      expect(wrong.status).toBe(404);
      expect(wrong.body.itemNotFound.code).toBe(404);
      // Authenticating again while the token has more than an hour left returns the same token.
      expect(
        (await authenticate(rs, rackspaceTokenRequest(rs.credentials.apiKey))).body.access.token.id,
      ).toBe(access.token.id);
    });

    it('password with tenantId and tenantName forms', async () => {
      const byId = await authenticate(
        rs,
        rackspaceTokenRequest({ ...rs.credentials.password, tenantId: '123456' }),
      );
      expect(byId.status).toBe(200);
      // The user's live token comes back; authenticatedBy tells how this login was made.
      expect(byId.body.access.token.id).toBe(token);
      expect(byId.body.access.token['RAX-AUTH:authenticatedBy']).toEqual(['PASSWORD']);
      const byName = await authenticate(rs, {
        auth: { passwordCredentials: rs.credentials.password, tenantName: '123456' },
      });
      expect(byName.status).toBe(200);
    });

    it('bad credentials 401, disabled user 403, wrong tenant 401, both tenant fields 400', async () => {
      const badKey = await authenticate(
        rs,
        rackspaceTokenRequest({ username: 'demoauthor', apiKey: 'nope' }),
      );
      expect(badKey.status).toBe(401);
      expect(badKey.body).toEqual({
        unauthorized: { code: 401, message: 'Username or api key is invalid.' },
      });
      const badPassword = await authenticate(
        rs,
        rackspaceTokenRequest({ username: 'ghost', password: 'x' }),
      );
      expect(badPassword.body.unauthorized.message).toBe(
        'Unable to authenticate user with credentials provided.',
      );
      const former = rs.credentials.users.find((u) => u.enabled === false)!;
      const disabled = await authenticate(
        rs,
        rackspaceTokenRequest({ username: former.username, apiKey: former.apiKey }),
      );
      expect(disabled.status).toBe(403);
      expect(disabled.body.forbidden.message).toBe(`User '${former.username}' is disabled.`);
      const otherTenant = await authenticate(
        rs,
        rackspaceTokenRequest({ ...rs.credentials.apiKey, tenantId: '999' }),
      );
      expect(otherTenant.status).toBe(401);
      const both = await authenticate(rs, {
        auth: {
          'RAX-KSKEY:apiKeyCredentials': rs.credentials.apiKey,
          tenantId: '123456',
          tenantName: '123456',
        },
      });
      expect(both.status).toBe(400);
      expect(both.body.badRequest.message).toBe(
        'Invalid request. Specify tenantId OR tenantName, not both.',
      );
      const badJson = await authenticate(rs, '{"auth":');
      expect(badJson.status).toBe(400);
    });
  });

  describe('virtual interfaces', () => {
    it('no, unknown or expired token: 401 unauthorized', async () => {
      for (const t of [null, 'deadbeef']) {
        const res = await call(rs, t, 'GET', `/servers/${web}/os-virtual-interfacesv2`);
        expect(res.status).toBe(401);
        expect(res.body.unauthorized.code).toBe(401);
      }
    });

    it('list, create on the isolated network (upper-case MAC, one-element array), 409 on a second, delete 200', async () => {
      const before = await vifs(web);
      expect(before.status).toBe(200);
      expect(before.headers.get('x-compute-request-id')).toMatch(/^req-[0-9a-f-]{36}$/);
      const labels = before.body.virtual_interfaces.map(
        (v: { ip_addresses: { network_label: string }[] }) => v.ip_addresses[0]!.network_label,
      );
      expect(labels).toEqual(['public', 'private']);
      const publicVif = before.body.virtual_interfaces[0];
      expect(publicVif.ip_addresses.map((a: { address: string }) => a.address)).toEqual([
        '162.242.219.31',
        expect.stringMatching(/^2001:4802:7800:2:/),
      ]);

      const created = await vifs(web, 'POST', { virtual_interface: { network_id: isolated() } });
      expect(created.status).toBe(200);
      expect(created.body.virtual_interfaces).toHaveLength(1);
      const vif = created.body.virtual_interfaces[0];
      expect(vif.mac_address).toMatch(/^BC:76:4E(:[0-9A-F]{2}){3}$/);
      expect(vif.ip_addresses).toEqual([
        { address: '192.168.3.2', network_id: isolated(), network_label: 'backend' },
      ]);
      expect(rs.state.interfacesOf(web).map((v) => v.id)).toContain(vif.id);

      const second = await vifs(web, 'POST', { virtual_interface: { network_id: isolated() } });
      expect(second.status).toBe(409);
      expect(second.body).toEqual({
        conflictingRequest: {
          code: 409,
          message: `Server already has a virtual interface on network ${isolated()}`,
        },
      });
      const other = await vifs(worker, 'POST', { virtual_interface: { network_id: isolated() } });
      expect(other.body.virtual_interfaces[0].ip_addresses[0].address).toBe('192.168.3.3');

      const deleted = await vifs(web, 'DELETE', undefined, `/${vif.id}`);
      expect(deleted.status).toBe(200);
      expect(deleted.text).toBe('');
      expect(rs.state.interfacesOf(web)).toHaveLength(2);
      const gone = await vifs(web, 'DELETE', undefined, `/${vif.id}`);
      expect(gone.body).toEqual({
        itemNotFound: { code: 404, message: 'Virtual interface could not be found' },
      });
      await vifs(worker, 'DELETE', undefined, `/${other.body.virtual_interfaces[0].id}`);
      expect(rs.state.interfacesOf(worker)).toHaveLength(1);
    });

    it('PublicNet gets an IPv4 and an EUI-64 IPv6 address derived from the MAC', async () => {
      const created = await vifs(worker, 'POST', { virtual_interface: { network_id: PUBLIC_NET } });
      expect(created.status).toBe(200);
      const vif = created.body.virtual_interfaces[0];
      const [v4, v6] = vif.ip_addresses;
      expect(v4.network_label).toBe('public');
      const mac = vif.mac_address.toLowerCase().split(':');
      const first = (parseInt(mac[0], 16) ^ 2).toString(16);
      expect(v6.address).toBe(
        `2001:4802:7800:2:${first}${mac[1]}:${parseInt(mac[2], 16).toString(16)}ff:fe${mac[3]}:${parseInt(mac[4] + mac[5], 16).toString(16)}`,
      );
      await vifs(worker, 'DELETE', undefined, `/${vif.id}`);
    });

    it('errors: unknown server, unknown network, building server, bad bodies, unknown VIF', async () => {
      const ghost = 'f0f0f0f0-0000-4000-8000-000000000000';
      const noServer = await vifs(ghost);
      expect(noServer.body).toEqual({
        itemNotFound: { code: 404, message: 'Instance could not be found' },
      });
      expect(
        (await vifs(ghost, 'POST', { virtual_interface: { network_id: SERVICE_NET } })).status,
      ).toBe(404);
      expect((await vifs(ghost, 'DELETE', undefined, `/${ghost}`)).status).toBe(404);
      const noNet = await vifs(worker, 'POST', { virtual_interface: { network_id: ghost } });
      expect(noNet.body.itemNotFound.message).toBe(`Network ${ghost} could not be found`);
      const building = rs.fixtures.servers.find((s) => s.status === 'BUILD')!;
      const build = await vifs(building.id, 'POST', {
        virtual_interface: { network_id: isolated() },
      });
      expect(build.status).toBe(409);
      expect(build.body.buildInProgress.message).toBe('Server is still being built');
      const missing = await vifs(worker, 'POST', { virtual_interface: {} });
      expect(missing.status).toBe(400);
      expect(missing.body.badRequest).toMatchObject({
        code: 400,
        message: 'Malformed request body',
        details: "'network_id' is a required property",
      });
      const badJson = await vifs(worker, 'POST', '{"virtual_interface":');
      expect(badJson.body.badRequest.message).toBe('Malformed request body');
      const badId = await vifs('not-a-uuid');
      expect(badId.status).toBe(400);
      const noVif = await vifs(worker, 'DELETE', undefined, `/${ghost}`);
      expect(noVif.body.itemNotFound.message).toBe('Virtual interface could not be found');
      // Another server's VIF is not this server's.
      const webVif = rs.state.interfacesOf(web)[0]!;
      expect((await vifs(worker, 'DELETE', undefined, `/${webVif.id}`)).status).toBe(404);
      expect(rs.state.interfacesOf(web)).toHaveLength(2);
    });

    it('when: after: the VIF was created but the answer was cut off; the retry is a 409', async () => {
      rs.setFaults([{ operationId: 'createVirtualInterface', kind: 'truncate', when: 'after' }]);
      await expect(
        vifs(worker, 'POST', { virtual_interface: { network_id: isolated() } }),
      ).rejects.toThrow();
      rs.setFaults([]);
      const made = rs.state.interfacesOf(worker).find((v) => v.networkId === isolated());
      expect(made).toBeDefined();
      const retry = await vifs(worker, 'POST', { virtual_interface: { network_id: isolated() } });
      expect(retry.status).toBe(409);
      expect((await vifs(worker, 'DELETE', undefined, `/${made!.id}`)).status).toBe(200);
    });

    it('a 503 before the operation changes nothing', async () => {
      rs.setFaults([{ operationId: 'createVirtualInterface', kind: 'status', status: 503 }]);
      const res = await vifs(worker, 'POST', { virtual_interface: { network_id: isolated() } });
      expect(res.status).toBe(503);
      expect(res.body.serviceUnavailable.code).toBe(503);
      rs.setFaults([]);
      expect(rs.state.interfacesOf(worker)).toHaveLength(1);
    });
  });
});

describe('Rackspace emulator: rate limits, expiry and status options', () => {
  let now = new Date('2026-11-22T10:00:00Z');
  let rs: Handle;

  beforeAll(async () => {
    rs = await startEmulator('rackspace', {
      seed: 3,
      now: () => now,
      tokenLifetimeSeconds: 7200,
      createStatus: 202,
      deleteStatus: 204,
      asyncDelayMs: 40,
    });
  });
  afterEach(() => expectConformant(rs));
  afterAll(async () => {
    await rs.close();
  });

  it('POST 4/min and GET 25/min per token: 413 overLimit with Retry-After and retryAt', async () => {
    const token = await tokenFor(rs);
    const worker = rs.fixtures.servers[1]!.id;
    const path = `/servers/${worker}/os-virtual-interfacesv2`;
    const ghostNet = 'a0a0a0a0-0000-4000-8000-000000000000';
    for (let i = 0; i < 4; i++) {
      now = new Date(Date.parse('2026-11-22T10:00:00Z') + i * 10_000);
      expect(
        (await call(rs, token, 'POST', path, { virtual_interface: { network_id: ghostNet } }))
          .status,
      ).toBe(404);
    }
    now = new Date('2026-11-22T10:00:45Z');
    const over = await call(rs, token, 'POST', path, {
      virtual_interface: { network_id: ghostNet },
    });
    expect(over.status).toBe(413);
    expect(over.headers.get('retry-after')).toBe('15');
    expect(over.body).toEqual({
      overLimit: {
        code: 413,
        message: 'OverLimit Retry...',
        details: expect.stringContaining('4 POST requests per minute'),
        retryAt: '2026-11-22T10:01:00Z',
      },
    });
    // GETs have their own budget.
    for (let i = 0; i < 25; i++) expect((await call(rs, token, 'GET', path)).status).toBe(200);
    expect((await call(rs, token, 'GET', path)).status).toBe(413);
    // Another token has its own windows (per-token scope).
    const users = rs.credentials.users;
    now = new Date('2026-11-22T10:00:50Z');
    const original = rs.state.tokens.get(token)!;
    rs.state.tokens.delete(token); // forget it, so the next login issues a second token
    const fresh = await tokenFor(rs);
    rs.state.tokens.set(token, original);
    expect(fresh).not.toBe(token);
    expect((await call(rs, fresh, 'GET', path)).status).toBe(200);
    expect((await call(rs, token, 'GET', path)).status).toBe(413);
    expect(users).toHaveLength(2);
    // A minute after the first POST, POSTs pass again.
    now = new Date('2026-11-22T10:01:00Z');
    expect(
      (await call(rs, token, 'POST', path, { virtual_interface: { network_id: ghostNet } })).status,
    ).toBe(404);
  });

  it('202 create is listed after asyncDelayMs; 204 delete; the token expires on the emulator clock', async () => {
    now = new Date('2026-11-22T12:00:00Z');
    rs.reset();
    const token = await tokenFor(rs);
    const worker = rs.fixtures.servers[1]!.id;
    const path = `/servers/${worker}/os-virtual-interfacesv2`;
    const created = await call(rs, token, 'POST', path, {
      virtual_interface: { network_id: PUBLIC_NET },
    });
    expect(created.status).toBe(202);
    const id = created.body.virtual_interfaces[0].id;
    expect(
      (await call(rs, token, 'GET', path)).body.virtual_interfaces.map((v: { id: string }) => v.id),
    ).not.toContain(id);
    await wait(60);
    expect(
      (await call(rs, token, 'GET', path)).body.virtual_interfaces.map((v: { id: string }) => v.id),
    ).toContain(id);
    const deleted = await call(rs, token, 'DELETE', `${path}/${id}`);
    expect(deleted.status).toBe(204);
    expect(rs.state.interfacesOf(worker).map((v) => v.id)).not.toContain(id);
    // Within the last hour of its life a new login gives a new token; the old one then expires.
    now = new Date('2026-11-22T13:30:00Z');
    const renewed = await tokenFor(rs);
    expect(renewed).not.toBe(token);
    now = new Date('2026-11-22T14:00:00Z');
    const expired = await call(rs, token, 'GET', path);
    expect(expired.status).toBe(401);
    expect((await call(rs, renewed, 'GET', path)).status).toBe(200);
  });
});
