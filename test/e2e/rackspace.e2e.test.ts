// Rackspace end to end: the typed Cloud Servers client (Identity v2.0 token, catalog endpoint,
// retries, 413 rate limits) against the Rackspace emulator over loopback HTTP. Every test ends with
// the emulator's answers conformant.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, AuthError, ValidationError } from '../../src/core/errors.js';
import { startEmulator, type EmulatorHandleFor } from '../../src/emulators/index.js';
import {
  createRackspaceClient,
  type RackspaceClientOptions,
  type RackspaceConnectionOptions,
} from '../../src/providers/rackspace.js';
import {
  ASYNC_DELAY_MS,
  FAST_RETRIES,
  NOW,
  caught,
  describeFaults,
  expectApiError,
  fixedClock,
  logOf,
  pollUntil,
  recordingFetch,
  retryRecorder,
  sleep,
} from '../helpers/e2e.js';
import { expectConformant } from '../helpers/response-conformance.js';

const LIST = '/servers/{server_id}/os-virtual-interfacesv2';
const ONE = '/servers/{server_id}/os-virtual-interfacesv2/{interface_id}';
const REQUEST_ID = /^req-[0-9a-f-]{36}$/;
const PUBLIC_NET = '00000000-0000-0000-0000-000000000000';

describe('Rackspace e2e: typed client against the emulator', () => {
  let rs: EmulatorHandleFor<'rackspace'>;
  /** worker-1: only a ServiceNet VIF at the start. */
  let server: string;
  /** The isolated `backend` network (192.168.3.0/24). */
  let network: string;
  let fixtureVifs: Set<string>;

  beforeAll(async () => {
    // Asynchronous create and delete (202): a new VIF is listed, and a deleted one leaves,
    // `asyncDelayMs` later, so waits really poll. Rate limits are lifted here (tested apart).
    rs = await startEmulator('rackspace', {
      seed: 'e2e-rackspace',
      now: fixedClock,
      asyncDelayMs: ASYNC_DELAY_MS,
      createStatus: 202,
      deleteStatus: 202,
      rateLimits: { GET: 10_000, POST: 10_000 },
    });
  });
  beforeEach(() => {
    rs.reset();
    server = rs.fixtures.servers[1]!.id;
    network = rs.fixtures.networks[2]!.id;
    fixtureVifs = new Set(rs.fixtures.virtualInterfaces.map((v) => v.id));
  });
  afterEach(() => {
    expectConformant(rs);
  });
  afterAll(async () => {
    await rs.close();
  });

  const client = (
    overrides: Partial<RackspaceConnectionOptions> & Partial<RackspaceClientOptions> = {},
    handle: EmulatorHandleFor<'rackspace'> = rs,
  ) =>
    createRackspaceClient({
      identityUrl: handle.identityUrl,
      ...handle.credentials.apiKey,
      region: 'dfw',
      now: fixedClock,
      ...FAST_RETRIES,
      ...overrides,
    } as RackspaceClientOptions);
  const path = (server_id: string) => ({ params: { path: { server_id } } });
  const onePath = (server_id: string, interface_id: string) => ({
    params: { path: { server_id, interface_id } },
  });
  const created = () =>
    rs.state
      .interfacesOf(server)
      .map((v) => v.id)
      .filter((id) => !fixtureVifs.has(id));

  describe('lifecycle', () => {
    it('creates a VIF (202), waits until it is listed, shows it, deletes it and confirms it is gone', async () => {
      const servers = client();
      const { data, response } = await servers.POST(LIST, {
        ...path(server),
        body: { virtual_interface: { network_id: network } },
      });
      expect(response.status).toBe(202);
      const vif = data!.virtual_interfaces[0]!;
      expect(vif).toMatchObject({
        mac_address: expect.stringMatching(/^BC:76:4E(:[0-9A-F]{2}){3}$/),
        ip_addresses: [
          {
            address: expect.stringMatching(/^192\.168\.3\.\d+$/),
            network_id: network,
            network_label: 'backend',
          },
        ],
      });

      const { value: listed } = await pollUntil(
        async () => (await servers.GET(LIST, path(server))).data!.virtual_interfaces,
        (vifs) => vifs.some((v) => v.id === vif.id),
        { what: 'the VIF to be listed' },
      );
      expect(listed.find((v) => v.id === vif.id)).toEqual(vif);

      const deleted = await servers.DELETE(ONE, onePath(server, vif.id));
      expect(deleted.response.status).toBe(202);
      await pollUntil(
        async () => (await servers.GET(LIST, path(server))).data!.virtual_interfaces,
        (vifs) => !vifs.some((v) => v.id === vif.id),
        { what: 'the VIF to leave the list' },
      );
      expect(rs.state.virtualInterfaces.has(vif.id)).toBe(false);
      expectApiError(await caught(servers.DELETE(ONE, onePath(server, vif.id))), {
        status: 404,
        code: 'itemNotFound',
        message: 'Virtual interface could not be found',
        requestId: REQUEST_ID,
        operation: 'deleteVirtualInterface',
      });
    });

    it('with the documented 200 create and 200 delete, a VIF is there at once and gone at once', async () => {
      const plain = await startEmulator('rackspace', {
        seed: 'e2e-rackspace-200',
        now: fixedClock,
      });
      try {
        const servers = client({}, plain);
        const target = plain.fixtures.servers[1]!.id;
        const { data, response } = await servers.POST(LIST, {
          ...path(target),
          body: { virtual_interface: { network_id: PUBLIC_NET } },
        });
        expect(response.status).toBe(200);
        const vif = data!.virtual_interfaces[0]!;
        // PublicNet adds an EUI-64 IPv6 address derived from the MAC.
        expect(vif.ip_addresses.map((a) => a.address)).toEqual([
          expect.stringMatching(/^162\.242\.219\.\d+$/),
          expect.stringMatching(/^2001:4802:7800:2:/),
        ]);
        const { data: listed } = await servers.GET(LIST, path(target));
        expect(listed!.virtual_interfaces.map((v) => v.id)).toContain(vif.id);
        const deleted = await servers.DELETE(ONE, onePath(target, vif.id));
        expect(deleted.response.status).toBe(200);
        const { data: after } = await servers.GET(LIST, path(target));
        expect(after!.virtual_interfaces.map((v) => v.id)).not.toContain(vif.id);
        expectConformant(plain);
      } finally {
        await plain.close();
      }
    });
  });

  describe('documented errors surface as typed errors', () => {
    it('404 itemNotFound for an unknown server, network or VIF', async () => {
      const servers = client();
      const unknown = '0f0e0d0c-0b0a-4908-8706-050403020100';
      const cases: [() => Promise<unknown>, string][] = [
        [() => servers.GET(LIST, path(unknown)), 'Instance could not be found'],
        [
          () =>
            servers.POST(LIST, {
              ...path(server),
              body: { virtual_interface: { network_id: unknown } },
            }),
          `Network ${unknown} could not be found`,
        ],
        [
          () => servers.DELETE(ONE, onePath(server, unknown)),
          'Virtual interface could not be found',
        ],
      ];
      for (const [call, message] of cases) {
        expectApiError(await caught(call()), {
          status: 404,
          code: 'itemNotFound',
          message,
          requestId: REQUEST_ID,
        });
      }
    });

    it('409 for a second VIF on the same network and buildInProgress for a server being built', async () => {
      const servers = client();
      const serviceNet = rs.fixtures.virtualInterfaces.find(
        (v) => v.serverId === server,
      )!.networkId;
      expectApiError(
        await caught(
          servers.POST(LIST, {
            ...path(server),
            body: { virtual_interface: { network_id: serviceNet } },
          }),
        ),
        {
          status: 409,
          code: 'conflictingRequest',
          message: `Server already has a virtual interface on network ${serviceNet}`,
          requestId: REQUEST_ID,
          operation: 'createVirtualInterface',
        },
      );
      const building = rs.fixtures.servers.find((s) => s.status === 'BUILD')!.id;
      expectApiError(
        await caught(
          servers.POST(LIST, {
            ...path(building),
            body: { virtual_interface: { network_id: network } },
          }),
        ),
        {
          status: 409,
          code: 'buildInProgress',
          message: 'Server is still being built',
          requestId: REQUEST_ID,
        },
      );
      expect(created()).toEqual([]);
    });

    it('413 overLimit from the rate limiter: retried after Retry-After when affordable, else surfaced', async () => {
      let clock = NOW.getTime();
      const now = () => new Date(clock);
      const limited = await startEmulator('rackspace', {
        seed: 'e2e-rackspace-limits',
        now,
        rateLimits: { POST: 1 },
      });
      try {
        const target = limited.fixtures.servers[1]!.id;
        const nets = limited.fixtures.networks;
        const post = (servers: ReturnType<typeof client>, networkId: string) =>
          servers.POST(LIST, {
            ...path(target),
            body: { virtual_interface: { network_id: networkId } },
          });
        // A client that may wait a minute: its sleep moves the shared clock on.
        const { onRetry, retries } = retryRecorder();
        const patient = client(
          {
            now,
            onRetry,
            maxDelayMs: 120_000,
            sleep: async (ms) => {
              clock += ms;
            },
          },
          limited,
        );
        await post(patient, nets[2]!.id);
        await post(patient, PUBLIC_NET);
        expect(retries).toHaveLength(1);
        expect(retries[0]).toMatchObject({ method: 'POST', status: 413, retryAfterMs: 60_000 });
        expect(logOf(limited, 'createVirtualInterface').map((r) => r.status)).toEqual([
          200, 413, 200,
        ]);

        // A client that will not wait that long gets the 413 with the server's delay (the limiter
        // answers before the request is looked at: this VIF would be a 409 duplicate otherwise).
        const impatient = client({ now }, limited);
        const serviceNet = nets[1]!.id;
        const error = expectApiError(await caught(post(impatient, serviceNet)), {
          status: 413,
          code: 'overLimit',
          message: 'OverLimit Retry... (Rate limit of 1 POST requests per minute',
          requestId: REQUEST_ID,
        });
        expect(error.retryAfterMs).toBe(60_000);
        expect(limited.state.interfacesOf(target).map((v) => v.networkId)).toEqual([
          serviceNet,
          nets[2]!.id,
          PUBLIC_NET,
        ]);
        expectConformant(limited);
      } finally {
        await limited.close();
      }
    });

    it('refuses a body the spec forbids (an extra field, a network id that is no UUID) before sending anything', async () => {
      const servers = client();
      for (const virtual_interface of [
        { network_id: network, ip_address: '192.168.3.9' },
        { network_id: 'backend' },
      ]) {
        const error = await caught(
          servers.POST(LIST, { ...path(server), body: { virtual_interface } }),
        );
        expect(error).toBeInstanceOf(ValidationError);
      }
      expect(rs.requests).toEqual([]);
    });
  });

  describe('authentication', () => {
    it('a wrong API key or password is an AuthError from Identity; nothing reaches Cloud Servers', async () => {
      const { username } = rs.credentials.apiKey;
      for (const [credentials, message] of [
        [{ username, apiKey: 'f'.repeat(32) }, 'Username or api key is invalid.'],
        [
          { username, password: 'Pw-wrong' },
          'Unable to authenticate user with credentials provided.',
        ],
      ] as const) {
        const servers = createRackspaceClient({
          identityUrl: rs.identityUrl,
          ...credentials,
          region: 'dfw',
          now: fixedClock,
        });
        const error = expectApiError(await caught(servers.GET(LIST, path(server))), {
          type: AuthError,
          status: 401,
          code: 'unauthorized',
          message,
          requestId: false,
          operation: 'createToken',
        });
        expect(JSON.stringify(error)).not.toContain('f'.repeat(32));
      }
      expect(rs.requests.map((r) => r.operationId)).toEqual(['createToken', 'createToken']);
    });

    it('a disabled user is refused by Identity (403)', async () => {
      const former = rs.credentials.users.find((u) => u.enabled === false)!;
      const servers = createRackspaceClient({
        identityUrl: rs.identityUrl,
        username: former.username,
        apiKey: former.apiKey,
        region: 'dfw',
        now: fixedClock,
      });
      const error = await caught(servers.GET(LIST, path(server)));
      expect(error).toBeInstanceOf(AuthError);
      expect(error).toMatchObject({
        status: 403,
        code: 'forbidden',
        providerMessage: `User '${former.username}' is disabled.`,
      });
    });

    it('a token Cloud Servers no longer knows is renewed once and the call resent', async () => {
      const servers = client();
      await servers.GET(LIST, path(server));
      rs.state.tokens.clear();
      const { data } = await servers.GET(LIST, path(server));
      expect(data!.virtual_interfaces).toHaveLength(1);
      expect(rs.requests.map((r) => [r.operationId, r.status])).toEqual([
        ['createToken', 200],
        ['listVirtualInterfaces', 200],
        ['listVirtualInterfaces', 401],
        ['createToken', 200],
        ['listVirtualInterfaces', 200],
      ]);
    });
  });

  describe('version selection', () => {
    it('uses the v2 cloudServersOpenStack endpoint of the region, never the legacy v1.0 one', async () => {
      const recorder = recordingFetch();
      await client({ fetch: recorder.fetch, region: 'iad' }).GET(LIST, path(server));
      const compute = recorder.sent.filter((r) => r.url.includes('os-virtual-interfacesv2'));
      expect(compute.map((r) => new URL(r.url).pathname)).toEqual([
        `/servers-api/v2/123456/servers/${server}/os-virtual-interfacesv2`,
      ]);
      // No microversion headers: Cloud Servers v2 has none.
      expect(Object.keys(compute[0]!.headers).filter((h) => /api-version/i.test(h))).toEqual([]);
    });

    it('refuses a region the catalog does not offer, listing the ones it does', async () => {
      const error = await caught(client({ region: 'syd' }).GET(LIST, path(server)));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toContain('regions: DFW, IAD, ORD');
      expect(rs.requests.map((r) => r.operationId)).toEqual(['createToken']);
    });
  });

  describe('faults', () => {
    describeFaults({
      handle: () => rs,
      attachOperation: 'createVirtualInterface',
      readOperation: 'listVirtualInterfaces',
      async attach({ onRetry, timeoutMs }) {
        const { data } = await client({ onRetry }).POST(LIST, {
          ...path(server),
          body: { virtual_interface: { network_id: network } },
          ...(timeoutMs ? { timeoutMs } : {}),
        });
        return data!.virtual_interfaces[0]!.id;
      },
      async read({ onRetry }) {
        const { data } = await client({ onRetry }).GET(LIST, path(server));
        return data!.virtual_interfaces.map((v) => v.id);
      },
      async createdNics() {
        await sleep(ASYNC_DELAY_MS * 2);
        return created();
      },
    });
  });
});
