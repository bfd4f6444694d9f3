import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  computeVersionRoot,
  keystoneTokenRequest,
  selectComputeEndpoint,
} from '../../src/auth/keystone.js';
import { startEmulator, type EmulatorHandleFor } from '../../src/emulators/index.js';
import { expectConformant } from '../helpers/response-conformance.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Handle = EmulatorHandleFor<'openstack'>;

interface CallOptions {
  token?: string | null;
  version?: string;
  legacyVersion?: string;
  body?: unknown;
}

async function call(os: Handle, token: string, method: string, path: string, o: CallOptions = {}) {
  const headers: Record<string, string> = {};
  const t = o.token === undefined ? token : o.token;
  if (t !== null) headers['x-auth-token'] = t;
  if (o.version !== undefined) headers['openstack-api-version'] = o.version;
  if (o.legacyVersion !== undefined) headers['x-openstack-nova-api-version'] = o.legacyVersion;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${os.computeUrl}${path}`, {
    method,
    headers,
    body:
      o.body === undefined
        ? undefined
        : typeof o.body === 'string'
          ? o.body
          : JSON.stringify(o.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: text ? JSON.parse(text) : undefined,
  };
}

async function login(os: Handle, body: unknown, query = '') {
  const res = await fetch(`${os.authUrl}/auth/tokens${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const passwordBody = (user: Record<string, unknown>, scope?: Record<string, unknown>) => ({
  auth: {
    identity: { methods: ['password'], password: { user } },
    ...(scope ? { scope: { project: scope } } : {}),
  },
});

describe('OpenStack emulator', () => {
  let os: Handle;
  let token: string;
  let web1: string;
  let web2: string;

  beforeAll(async () => {
    os = await startEmulator('openstack', { seed: 'openstack-test', asyncDelayMs: 40 });
    const res = await login(
      os,
      keystoneTokenRequest({ authUrl: os.authUrl, ...os.credentials.password }),
    );
    token = res.headers.get('x-subject-token')!;
    web1 = os.fixtures.servers[0]!.id;
    web2 = os.fixtures.servers[1]!.id;
  });
  afterEach(() => {
    expectConformant(os);
  });
  afterAll(async () => {
    await os.close();
  });

  const nova = (method: string, path: string, o?: CallOptions) => call(os, token, method, path, o);
  const network = (name: string) => os.fixtures.networks.find((n) => n.name === name)!;
  const server = (name: string) => os.fixtures.servers.find((s) => s.name === name)!;
  const freePort = () =>
    os.fixtures.ports.find((p) => p.serverId === null && p.ipAddress === '192.168.1.20')!;

  it('mounts Keystone at /identity/v3 and Nova at /compute/v2.1, with the version root unauthenticated', async () => {
    expect(os.authUrl).toBe(`${os.origin}/identity/v3`);
    expect(os.computeUrl).toBe(`${os.origin}/compute/v2.1`);
    expect(os.url).toBe(os.computeUrl);
    expect(computeVersionRoot(os.computeUrl)).toBe(os.computeVersionUrl);
    const res = await fetch(os.computeVersionUrl);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.versions).toEqual([
      expect.objectContaining({ id: 'v2.0', status: 'DEPRECATED', version: '', min_version: '' }),
      expect.objectContaining({
        id: 'v2.1',
        status: 'CURRENT',
        version: '2.96',
        min_version: '2.1',
        links: [{ href: `${os.computeUrl}/`, rel: 'self' }],
      }),
    ]);
    const missing = await fetch(`${os.origin}/compute/v2.1/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      itemNotFound: { code: 404, message: 'The resource could not be found.' },
    });
    const wrongMethod = await fetch(`${os.computeUrl}/servers/${web1}/os-interface`, {
      method: 'PUT',
    });
    expect(wrongMethod.status).toBe(405);
    expect((await wrongMethod.json()).badMethod.code).toBe(405);
  });

  describe('Keystone', () => {
    it('password login by name and domain: 201, X-Subject-Token, catalog with compute in two regions', async () => {
      const res = await login(
        os,
        keystoneTokenRequest({ authUrl: os.authUrl, ...os.credentials.password }),
      );
      expect(res.status).toBe(201);
      const subject = res.headers.get('x-subject-token')!;
      expect(subject).toMatch(/^gAAAAAB/);
      expect(res.headers.get('vary')).toBe('X-Auth-Token');
      const t = res.body.token;
      expect(t.methods).toEqual(['password']);
      expect(t.user).toMatchObject({ name: 'demo', domain: { id: 'default', name: 'Default' } });
      expect(t.project).toMatchObject({ name: 'demo', id: os.credentials.projects[0]!.id });
      expect(t.roles.map((r: { name: string }) => r.name).sort()).toEqual(['member', 'reader']);
      const compute = t.catalog.find((e: { type: string }) => e.type === 'compute');
      expect(
        compute.endpoints
          .map((e: { interface: string; region_id: string }) => `${e.interface}/${e.region_id}`)
          .sort(),
      ).toEqual([
        'internal/RegionOne',
        'internal/RegionTwo',
        'public/RegionOne',
        'public/RegionTwo',
      ]);
      expect(selectComputeEndpoint(t.catalog, { region: 'RegionOne' })).toBe(os.computeUrl);
      expect(selectComputeEndpoint(t.catalog, { region: 'RegionTwo', interface: 'internal' })).toBe(
        os.computeUrl,
      );
      // Every region points at this one emulator, so the regions share one URL.
      expect(selectComputeEndpoint(t.catalog)).toBe(os.computeUrl);
      expect(Date.parse(t.expires_at) - Date.parse(t.issued_at)).toBe(3600_000);
      expect(os.state.tokens.get(subject)).toMatchObject({
        projectId: t.project.id,
        methods: ['password'],
      });
      expect(os.requests.at(-1)).toMatchObject({
        operationId: 'createToken',
        status: 201,
        conformance: 'ok',
      });
    });

    it('password login by user id and project id; ?nocatalog drops the catalog', async () => {
      const user = os.credentials.users[0]!;
      const res = await login(
        os,
        passwordBody({ id: user.id, password: user.password }, { id: user.defaultProjectId }),
        '?nocatalog',
      );
      expect(res.status).toBe(201);
      expect(res.body.token.project.id).toBe(user.defaultProjectId);
      expect(res.body.token.catalog).toBeUndefined();
    });

    it('application credential by id, and by name plus owner', async () => {
      const byId = await login(
        os,
        keystoneTokenRequest({ authUrl: os.authUrl, ...os.credentials.applicationCredential }),
      );
      expect(byId.status).toBe(201);
      expect(byId.body.token.methods).toEqual(['application_credential']);
      expect(byId.body.token.project.id).toBe(os.credentials.applicationCredentials[0]!.projectId);
      const cred = os.credentials.applicationCredentials[0]!;
      const byName = await login(
        os,
        keystoneTokenRequest({
          authUrl: os.authUrl,
          applicationCredentialName: cred.name,
          applicationCredentialSecret: cred.secret,
          username: 'demo',
          userDomainId: 'default',
        }),
      );
      expect(byName.status).toBe(201);
      // The token works on Nova.
      const list = await call(
        os,
        byName.headers.get('x-subject-token')!,
        'GET',
        `/servers/${web1}/os-interface`,
      );
      expect(list.status).toBe(200);
    });

    it('every refused login is 401 with Keystone’s body and a WWW-Authenticate challenge', async () => {
      const demo = os.credentials.users[0]!;
      const retired = os.credentials.users.find((u) => u.name === 'retired')!;
      const alt = os.credentials.projects[1]!;
      const cases = [
        passwordBody({ name: 'demo', domain: { name: 'Default' }, password: 'wrong' }),
        passwordBody({ name: 'nobody', domain: { name: 'Default' }, password: 'x' }),
        passwordBody({ name: 'demo', domain: { name: 'Defualt' }, password: demo.password }),
        passwordBody({ id: retired.id, password: retired.password }),
        passwordBody({ id: demo.id, password: demo.password }, { id: alt.id }), // no role there
        passwordBody(
          { id: demo.id, password: demo.password },
          { name: 'nope', domain: { id: 'default' } },
        ),
        {
          auth: {
            identity: {
              methods: ['application_credential'],
              application_credential: {
                id: os.credentials.applicationCredentials[0]!.id,
                secret: 'wrong',
              },
            },
          },
        },
      ];
      for (const body of cases) {
        const res = await login(os, body);
        expect(res.status).toBe(401);
        expect(res.headers.get('x-subject-token')).toBeNull();
        expect(res.headers.get('www-authenticate')).toBe(`Keystone uri="${os.origin}/identity"`);
        expect(res.body).toEqual({
          error: {
            code: 401,
            title: 'Unauthorized',
            message: 'The request you have made requires authentication.',
          },
        });
      }
    });

    it('an application credential with a scope is 401 with Keystone’s message; bad bodies are 400', async () => {
      const scoped = await login(os, {
        auth: {
          identity: {
            methods: ['application_credential'],
            application_credential: {
              id: os.credentials.applicationCredentials[0]!.id,
              secret: 'x',
            },
          },
          scope: { project: { id: os.credentials.projects[0]!.id } },
        },
      });
      expect(scoped.status).toBe(401);
      expect(scoped.body.error.message).toBe(
        'Error authenticating with application credential: Application credentials cannot request a scope.',
      );
      const noPassword = await login(os, { auth: { identity: { methods: ['password'] } } });
      expect(noPassword.status).toBe(400);
      expect(noPassword.body.error).toMatchObject({ code: 400, title: 'Bad Request' });
      expect(noPassword.body.error.message).toMatch(/^Invalid input for field '/);
      const badJson = await login(os, '{"auth":');
      expect(badJson.status).toBe(400);
      expect(badJson.body.error.message).toMatch(/^Expecting to find valid JSON in request body/);
    });
  });

  describe('keystonemiddleware and microversions', () => {
    it('no or unknown token: 401 with the middleware body and challenge', async () => {
      for (const t of [null, 'not-a-token']) {
        const res = await nova('GET', `/servers/${web1}/os-interface`, {
          token: t,
          version: 'compute 9.9',
        });
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe(`Keystone uri="${os.origin}/identity"`);
        expect(res.headers.get('openstack-api-version')).toBeNull();
        expect(res.body).toEqual({
          error: {
            code: 401,
            title: 'Unauthorized',
            message: 'The request you have made requires authentication.',
          },
        });
      }
    });

    it('serves 2.1 by default; the modern header wins; latest is the maximum; both headers and Vary', async () => {
      const path = `/servers/${web1}/os-interface`;
      const plain = await nova('GET', path);
      expect(plain.headers.get('openstack-api-version')).toBe('compute 2.1');
      expect(plain.headers.get('x-openstack-nova-api-version')).toBe('2.1');
      expect(plain.headers.get('vary')).toBe('OpenStack-API-Version, X-OpenStack-Nova-API-Version');
      expect(plain.headers.get('x-openstack-request-id')).toMatch(/^req-[0-9a-f-]{36}$/);
      const legacy = await nova('GET', path, { legacyVersion: '2.60' });
      expect(legacy.headers.get('x-openstack-nova-api-version')).toBe('2.60');
      const both = await nova('GET', path, { version: 'compute 2.70', legacyVersion: '2.60' });
      expect(both.headers.get('openstack-api-version')).toBe('compute 2.70');
      expect(both.headers.get('x-openstack-nova-api-version')).toBe('2.70');
      const latest = await nova('GET', path, { version: 'compute latest' });
      expect(latest.headers.get('openstack-api-version')).toBe('compute 2.96');
    });

    it('out of range: 406 computeFault with Nova’s message; malformed: 400', async () => {
      const path = `/servers/${web1}/os-interface`;
      const high = await nova('GET', path, { version: 'compute 2.97' });
      expect(high.status).toBe(406);
      expect(high.body).toEqual({
        computeFault: {
          code: 406,
          message: 'Version 2.97 is not supported by the API. Minimum is 2.1 and maximum is 2.96.',
        },
      });
      expect(high.headers.get('openstack-api-version')).toBeNull();
      const low = await nova('GET', path, { legacyVersion: '2.0' });
      expect(low.status).toBe(406);
      const malformed = await nova('GET', path, { version: 'compute 2.x' });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toEqual({
        badRequest: {
          code: 400,
          message:
            'API Version String 2.x is of invalid format. Must be of format MajorNum.MinorNum.',
        },
      });
      const legacyMalformed = await nova('GET', path, { legacyVersion: '2' });
      expect(legacyMalformed.status).toBe(400);
    });
  });

  describe('port interfaces', () => {
    it('attach by network with a tag (2.70): 200 DOWN, ACTIVE later; tag only from 2.70; detach 202 then gone', async () => {
      const net = network('private');
      const attach = await nova('POST', `/servers/${web2}/os-interface`, {
        version: 'compute 2.70',
        body: { interfaceAttachment: { net_id: net.id, tag: 'public' } },
      });
      expect(attach.status).toBe(200);
      const att = attach.body.interfaceAttachment;
      expect(att).toMatchObject({ net_id: net.id, port_state: 'DOWN', tag: 'public' });
      expect(att.mac_addr).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
      expect(att.fixed_ips).toEqual([{ ip_address: '192.168.1.2', subnet_id: net.subnetId }]);
      expect(os.state.interfacesOf(web2).map((p) => p.status)).toEqual(['DOWN']);

      const shown = await nova('GET', `/servers/${web2}/os-interface/${att.port_id}`, {
        version: 'compute 2.70',
      });
      expect(shown.body.interfaceAttachment.port_state).toBe('DOWN');
      await wait(60);
      const active = await nova('GET', `/servers/${web2}/os-interface/${att.port_id}`, {
        version: 'compute 2.70',
      });
      expect(active.body.interfaceAttachment).toMatchObject({
        port_state: 'ACTIVE',
        tag: 'public',
      });

      const old = await nova('GET', `/servers/${web2}/os-interface`, { version: 'compute 2.69' });
      expect(old.body.interfaceAttachments).toHaveLength(1);
      expect('tag' in old.body.interfaceAttachments[0]).toBe(false);
      const modern = await nova('GET', `/servers/${web2}/os-interface`, {
        version: 'compute 2.70',
      });
      expect(modern.body.interfaceAttachments[0].tag).toBe('public');

      const detach = await nova('DELETE', `/servers/${web2}/os-interface/${att.port_id}`);
      expect(detach.status).toBe(202);
      expect(detach.text).toBe('');
      expect(detach.headers.get('openstack-api-version')).toBe('compute 2.1');
      const again = await nova('DELETE', `/servers/${web2}/os-interface/${att.port_id}`);
      expect(again.status).toBe(202); // cast again; nothing changes
      expect(
        (await nova('GET', `/servers/${web2}/os-interface`)).body.interfaceAttachments,
      ).toHaveLength(1);
      await wait(60);
      expect(
        (await nova('GET', `/servers/${web2}/os-interface`)).body.interfaceAttachments,
      ).toEqual([]);
      expect(os.state.ports.has(att.port_id)).toBe(false); // Nova created it, so Nova deleted it
    });

    it('attach by port: the free port is bound, then unbound (not deleted) by the detach', async () => {
      const port = freePort();
      const attach = await nova('POST', `/servers/${web2}/os-interface`, {
        body: { interfaceAttachment: { port_id: port.id } },
      });
      expect(attach.status).toBe(200);
      expect(attach.body.interfaceAttachment).toMatchObject({
        port_id: port.id,
        port_state: 'DOWN',
        fixed_ips: [{ ip_address: '192.168.1.20', subnet_id: network('private').subnetId }],
      });
      expect('tag' in attach.body.interfaceAttachment).toBe(false);
      expect(os.state.ports.get(port.id)!.serverId).toBe(web2);
      const inUse = await nova('POST', `/servers/${web1}/os-interface`, {
        body: { interfaceAttachment: { port_id: port.id } },
      });
      expect(inUse.status).toBe(409);
      expect(inUse.body).toEqual({
        conflictingRequest: { code: 409, message: `Port ${port.id} is still in use.` },
      });
      expect((await nova('DELETE', `/servers/${web2}/os-interface/${port.id}`)).status).toBe(202);
      await wait(60);
      expect(os.state.interfacesOf(web2)).toEqual([]);
      expect(os.state.ports.get(port.id)).toMatchObject({ serverId: null, status: 'DOWN' });
    });

    it('fixed IPs: the requested address, 409 when taken, 400 outside the subnet or without net_id', async () => {
      const net = network('storage');
      const ok = await nova('POST', `/servers/${web2}/os-interface`, {
        body: {
          interfaceAttachment: { net_id: net.id, fixed_ips: [{ ip_address: '10.20.0.77' }] },
        },
      });
      expect(ok.status).toBe(200);
      expect(ok.body.interfaceAttachment.fixed_ips[0].ip_address).toBe('10.20.0.77');
      const taken = await nova('POST', `/servers/${web1}/os-interface`, {
        body: {
          interfaceAttachment: { net_id: net.id, fixed_ips: [{ ip_address: '10.20.0.77' }] },
        },
      });
      expect(taken.status).toBe(409);
      expect(taken.body.conflictingRequest.message).toBe(
        `Fixed IP address 10.20.0.77 is already in use on instance ${web1}.`,
      );
      const outside = await nova('POST', `/servers/${web1}/os-interface`, {
        body: {
          interfaceAttachment: { net_id: net.id, fixed_ips: [{ ip_address: '192.168.9.9' }] },
        },
      });
      expect(outside.status).toBe(400);
      expect(outside.body.badRequest.message).toBe(
        `Fixed IP 192.168.9.9 is not a valid ip address for network ${net.id}.`,
      );
      const noNet = await nova('POST', `/servers/${web1}/os-interface`, {
        body: { interfaceAttachment: { fixed_ips: [{ ip_address: '10.20.0.78' }] } },
      });
      expect(noNet.body).toEqual({
        badRequest: { code: 400, message: 'Must input network_id when request IP address' },
      });
      await nova('DELETE', `/servers/${web2}/os-interface/${ok.body.interfaceAttachment.port_id}`);
      await wait(60);
      expect(os.state.interfacesOf(web2)).toEqual([]);
    });

    it('request errors: both ids, tag before 2.49, schema failures, automatic attach with two networks', async () => {
      const path = `/servers/${web2}/os-interface`;
      const both = await nova('POST', path, {
        body: { interfaceAttachment: { port_id: freePort().id, net_id: network('private').id } },
      });
      expect(both.body).toEqual({
        badRequest: { code: 400, message: 'Must not input both network_id and port_id' },
      });
      const port = freePort().id;
      const early = await nova('POST', path, {
        version: 'compute 2.48',
        body: { interfaceAttachment: { port_id: port, tag: 'public' } },
      });
      expect(early.status).toBe(400);
      expect(early.body.badRequest.message).toBe(
        `Invalid input for field/attribute interfaceAttachment. Value: {'port_id': '${port}', 'tag': 'public'}. Additional properties are not allowed ('tag' was unexpected)`,
      );
      expect(early.headers.get('openstack-api-version')).toBe('compute 2.48');
      const badUuid = await nova('POST', path, {
        body: { interfaceAttachment: { net_id: 'nope' } },
      });
      expect(badUuid.body.badRequest.message).toBe(
        "Invalid input for field/attribute net_id. Value: 'nope'. 'nope' is not a 'uuid'",
      );
      const extra = await nova('POST', path, {
        body: { interfaceAttachment: { port_id: port, foo: 1 } },
      });
      expect(extra.body.badRequest.message).toMatch(
        /Additional properties are not allowed \('foo' was unexpected\)$/,
      );
      const noWrapper = await nova('POST', path, { body: {} });
      expect(noWrapper.body.badRequest.message).toBe(
        "'interfaceAttachment' is a required property",
      );
      const badJson = await nova('POST', path, { body: '{"interfaceAttachment":' });
      expect(badJson.body).toEqual({
        badRequest: { code: 400, message: 'Malformed request body' },
      });
      const ambiguous = await nova('POST', path, { body: { interfaceAttachment: {} } });
      expect(ambiguous.body.badRequest.message).toBe(
        'More than one possible network found. Specify network ID(s) to select which one(s) to connect to.',
      );
      expect(os.state.interfacesOf(web2)).toEqual([]);
    });

    it('server state: locked 409, building 409, unknown server 404 on every call', async () => {
      const locked = server('locked-1');
      const lockedPort = os.fixtures.ports.find((p) => p.serverId === locked.id)!;
      const body = { interfaceAttachment: { net_id: network('private').id } };
      const a = await nova('POST', `/servers/${locked.id}/os-interface`, { body });
      expect(a.body).toEqual({
        conflictingRequest: { code: 409, message: `Instance ${locked.id} is locked` },
      });
      const d = await nova('DELETE', `/servers/${locked.id}/os-interface/${lockedPort.id}`);
      expect(d.status).toBe(409);
      expect((await nova('GET', `/servers/${locked.id}/os-interface`)).status).toBe(200); // reading is fine
      const building = server('build-1');
      const b = await nova('POST', `/servers/${building.id}/os-interface`, { body });
      expect(b.body.conflictingRequest.message).toBe(
        `Cannot 'attach_interface' instance ${building.id} while it is in vm_state building`,
      );
      const ghost = 'f0f0f0f0-0000-4000-8000-000000000000';
      const message = {
        itemNotFound: { code: 404, message: `Instance ${ghost} could not be found.` },
      };
      for (const [method, path, o] of [
        ['GET', `/servers/${ghost}/os-interface`, {}],
        ['POST', `/servers/${ghost}/os-interface`, { body }],
        ['GET', `/servers/${ghost}/os-interface/${lockedPort.id}`, {}],
        ['DELETE', `/servers/${ghost}/os-interface/${lockedPort.id}`, {}],
      ] as const) {
        const res = await nova(method, path, o);
        expect(res.status).toBe(404);
        expect(res.body).toEqual(message);
      }
      // Another project's server is not visible either.
      const alt = server('alt-1');
      expect((await nova('GET', `/servers/${alt.id}/os-interface`)).status).toBe(404);
    });

    it('ports and networks: unknown 404s, not attached 404s', async () => {
      const ghost = '0a0a0a0a-0000-4000-8000-000000000000';
      const portGone = await nova('POST', `/servers/${web2}/os-interface`, {
        body: { interfaceAttachment: { port_id: ghost } },
      });
      expect(portGone.body).toEqual({
        itemNotFound: { code: 404, message: `Port id ${ghost} could not be found.` },
      });
      const netGone = await nova('POST', `/servers/${web2}/os-interface`, {
        body: { interfaceAttachment: { net_id: ghost } },
      });
      expect(netGone.body.itemNotFound.message).toBe(`Network ${ghost} could not be found.`);
      const altNet = network('alt-private');
      expect(
        (
          await nova('POST', `/servers/${web2}/os-interface`, {
            body: { interfaceAttachment: { net_id: altNet.id } },
          })
        ).status,
      ).toBe(404);
      const web1Port = os.fixtures.ports.find((p) => p.serverId === web1)!;
      const notHere = await nova('GET', `/servers/${web2}/os-interface/${web1Port.id}`);
      expect(notHere.body.itemNotFound.message).toBe(
        `Instance ${web2} does not have a port with id ${web1Port.id}`,
      );
      const unknown = await nova('GET', `/servers/${web2}/os-interface/${ghost}`);
      expect(unknown.body.itemNotFound.message).toBe(`Port id ${ghost} could not be found.`);
      const detachOther = await nova('DELETE', `/servers/${web2}/os-interface/${web1Port.id}`);
      expect(detachOther.body).toEqual({
        itemNotFound: { code: 404, message: `Port ${web1Port.id} is not attached` },
      });
      const detachUnknown = await nova('DELETE', `/servers/${web2}/os-interface/${ghost}`);
      expect(detachUnknown.status).toBe(404);
      expect(os.state.interfacesOf(web1).map((p) => p.id)).toEqual([web1Port.id]);
    });

    it('a reader may list but not attach or detach (403 policy)', async () => {
      const viewer = os.credentials.users.find((u) => u.name === 'viewer')!;
      const res = await login(os, passwordBody({ id: viewer.id, password: viewer.password }));
      const readerToken = res.headers.get('x-subject-token')!;
      expect((await call(os, readerToken, 'GET', `/servers/${web1}/os-interface`)).status).toBe(
        200,
      );
      const denied = await call(os, readerToken, 'POST', `/servers/${web1}/os-interface`, {
        body: { interfaceAttachment: { net_id: network('private').id } },
      });
      expect(denied.body).toEqual({
        forbidden: {
          code: 403,
          message:
            "Policy doesn't allow os_compute_api:os-attach-interfaces:create to be performed.",
        },
      });
      const port = os.fixtures.ports.find((p) => p.serverId === web1)!;
      const detach = await call(
        os,
        readerToken,
        'DELETE',
        `/servers/${web1}/os-interface/${port.id}`,
      );
      expect(detach.body.forbidden.message).toMatch(/os-attach-interfaces:delete/);
    });

    it('automatic attach uses the project’s only network (alt project)', async () => {
      const alt = os.credentials.users.find((u) => u.name === 'alt_demo')!;
      const res = await login(os, passwordBody({ id: alt.id, password: alt.password }));
      const altToken = res.headers.get('x-subject-token')!;
      const altServer = server('alt-1').id;
      const attach = await call(os, altToken, 'POST', `/servers/${altServer}/os-interface`, {
        body: { interfaceAttachment: {} },
      });
      expect(attach.status).toBe(200);
      expect(attach.body.interfaceAttachment.net_id).toBe(network('alt-private').id);
      expect(attach.body.interfaceAttachment.fixed_ips[0].ip_address).toBe('172.16.5.2');
      // The demo project's free port is invisible to alt_demo.
      const hidden = await call(os, altToken, 'POST', `/servers/${altServer}/os-interface`, {
        body: { interfaceAttachment: { port_id: freePort().id } },
      });
      expect(hidden.status).toBe(404);
    });
  });

  describe('faults', () => {
    it('when: after: the attach happened but the answer was lost', async () => {
      os.setFaults([{ operationId: 'attachServerInterface', kind: 'reset', when: 'after' }]);
      await expect(
        nova('POST', `/servers/${web2}/os-interface`, {
          body: { interfaceAttachment: { net_id: network('storage').id } },
        }),
      ).rejects.toThrow();
      os.setFaults([]);
      const ports = os.state.interfacesOf(web2);
      expect(ports).toHaveLength(1);
      expect(os.requests.at(-1)).toMatchObject({
        operationId: 'attachServerInterface',
        fault: 'reset',
      });
      const list = await nova('GET', `/servers/${web2}/os-interface`);
      expect(list.body.interfaceAttachments.map((a: { port_id: string }) => a.port_id)).toEqual([
        ports[0]!.id,
      ]);
      await nova('DELETE', `/servers/${web2}/os-interface/${ports[0]!.id}`);
      await wait(60);
      expect(os.state.interfacesOf(web2)).toEqual([]);
    });

    it('a 503 before the operation changes nothing and uses Nova’s fault shape', async () => {
      os.setFaults([
        { operationId: 'attachServerInterface', kind: 'status', status: 503, retryAfter: 7 },
      ]);
      const res = await nova('POST', `/servers/${web2}/os-interface`, {
        body: { interfaceAttachment: { net_id: network('storage').id } },
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(res.body.serviceUnavailable.code).toBe(503);
      expect(os.state.interfacesOf(web2)).toEqual([]);
      const token503 = await (async () => {
        os.setFaults([{ operationId: 'createToken', kind: 'status', status: 500 }]);
        return login(os, keystoneTokenRequest({ authUrl: os.authUrl, ...os.credentials.password }));
      })();
      expect(token503.status).toBe(500);
      expect(token503.body.error.code).toBe(500);
      os.setFaults([]);
    });
  });
});

describe('OpenStack emulator: clock, lifetime and range options', () => {
  let now = new Date('2026-11-22T10:00:00Z');
  let os: Handle;

  beforeAll(async () => {
    os = await startEmulator('openstack', {
      seed: 7,
      now: () => now,
      tokenLifetimeSeconds: 60,
      microversions: { min: '2.1', max: '2.104' },
      regions: ['RegionOne', 'RegionThree'],
    });
  });
  afterEach(() => expectConformant(os));
  afterAll(async () => {
    await os.close();
  });

  it('tokens expire on the emulator clock (401 from the middleware), a new login works', async () => {
    const first = await login(
      os,
      keystoneTokenRequest({ authUrl: os.authUrl, ...os.credentials.password }),
    );
    expect(first.body.token.expires_at).toBe('2026-11-22T10:01:00.000000Z');
    expect(
      first.body.token.catalog[0].endpoints.map((e: { region: string }) => e.region),
    ).toContain('RegionThree');
    const tok = first.headers.get('x-subject-token')!;
    const web1 = os.fixtures.servers[0]!.id;
    expect((await call(os, tok, 'GET', `/servers/${web1}/os-interface`)).status).toBe(200);
    now = new Date('2026-11-22T10:01:00Z');
    const expired = await call(os, tok, 'GET', `/servers/${web1}/os-interface`);
    expect(expired.status).toBe(401);
    expect(expired.body.error.title).toBe('Unauthorized');
    const again = await login(
      os,
      keystoneTokenRequest({ authUrl: os.authUrl, ...os.credentials.password }),
    );
    expect(
      (
        await call(
          os,
          again.headers.get('x-subject-token')!,
          'GET',
          `/servers/${web1}/os-interface`,
        )
      ).status,
    ).toBe(200);
  });

  it('advertises the configured range; from 2.102 undeclared query parameters are 400', async () => {
    const doc = await (await fetch(os.computeVersionUrl)).json();
    expect(doc.versions[1]).toMatchObject({ version: '2.104', min_version: '2.1' });
    const res = await login(
      os,
      keystoneTokenRequest({ authUrl: os.authUrl, ...os.credentials.password }),
    );
    const tok = res.headers.get('x-subject-token')!;
    const web1 = os.fixtures.servers[0]!.id;
    const older = await call(os, tok, 'GET', `/servers/${web1}/os-interface?limit=10`, {
      version: 'compute 2.101',
    });
    expect(older.status).toBe(200);
    const strict = await call(os, tok, 'GET', `/servers/${web1}/os-interface?limit=10`, {
      version: 'compute 2.102',
    });
    expect(strict.status).toBe(400);
    expect(strict.body.badRequest.message).toBe(
      "Invalid input for query parameters limit. Value: 10. Additional properties are not allowed ('limit' was unexpected)",
    );
  });

  it('reset() rebuilds tokens and ports from the seed', async () => {
    const before = os.fixtures.servers.map((s) => s.id);
    os.reset();
    expect(os.state.tokens.size).toBe(0);
    expect(os.fixtures.servers.map((s) => s.id)).toEqual(before);
  });
});
