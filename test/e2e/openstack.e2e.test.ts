// OpenStack end to end: the typed Nova client (Keystone v3 token, catalog endpoint, microversion
// negotiation, retries) against the OpenStack emulator over loopback HTTP. Every test ends with
// the emulator's answers conformant.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, ValidationError, VersionError } from '../../src/core/errors.js';
import {
  startEmulator,
  type EmulatorHandleFor,
  type OpenStackEmulatorOptions,
} from '../../src/emulators/index.js';
import {
  createOpenStackClient,
  type OpenStackClientOptions,
  type OpenStackConnectionOptions,
} from '../../src/providers/openstack.js';
import {
  ASYNC_DELAY_MS,
  FAST_RETRIES,
  caught,
  describeFaults,
  expectApiError,
  fixedClock,
  logOf,
  pollUntil,
  recordingFetch,
  sleep,
} from '../helpers/e2e.js';
import { expectConformant } from '../helpers/response-conformance.js';

const LIST = '/servers/{server_id}/os-interface';
const ONE = '/servers/{server_id}/os-interface/{port_id}';
const REQUEST_ID = /^req-[0-9a-f-]{36}$/;

describe('OpenStack e2e: typed client against the emulator', () => {
  let os: EmulatorHandleFor<'openstack'>;
  /** web-2: no port at the start. */
  let server: string;
  /** `private` (192.168.1.0/24). */
  let network: string;
  let fixturePorts: Set<string>;

  beforeAll(async () => {
    os = await startEmulator('openstack', {
      seed: 'e2e-openstack',
      now: fixedClock,
      asyncDelayMs: ASYNC_DELAY_MS,
    });
  });
  beforeEach(() => {
    os.reset();
    server = os.fixtures.servers[1]!.id;
    network = os.fixtures.networks[0]!.id;
    fixturePorts = new Set(os.fixtures.ports.map((p) => p.id));
  });
  afterEach(() => {
    expectConformant(os);
  });
  afterAll(async () => {
    await os.close();
  });

  /** A fresh client logging in with the demo user's password (member role). */
  const client = (
    overrides: Partial<OpenStackConnectionOptions> = {},
    handle: EmulatorHandleFor<'openstack'> = os,
  ) =>
    createOpenStackClient({
      authUrl: handle.authUrl,
      ...handle.credentials.password,
      region: 'RegionOne',
      now: fixedClock,
      ...FAST_RETRIES,
      ...overrides,
    } as OpenStackClientOptions);
  const path = (server_id: string) => ({ params: { path: { server_id } } });
  const onePath = (server_id: string, port_id: string) => ({
    params: { path: { server_id, port_id } },
  });

  describe('lifecycle', () => {
    it('attaches by network, lists, shows until ACTIVE, detaches and confirms it is gone', async () => {
      const nova = client();
      const { data: created } = await nova.POST(LIST, {
        ...path(server),
        body: { interfaceAttachment: { net_id: network } },
      });
      const attachment = created!.interfaceAttachment;
      expect(attachment).toMatchObject({
        net_id: network,
        port_state: 'DOWN',
        fixed_ips: [{ ip_address: expect.stringMatching(/^192\.168\.1\.\d+$/) }],
        mac_addr: expect.stringMatching(/^fa:16:3e(:[0-9a-f]{2}){3}$/),
        tag: null,
      });
      const portId = attachment.port_id;

      const { value: shown } = await pollUntil(
        async () => (await nova.GET(ONE, onePath(server, portId))).data!,
        (view) => view.interfaceAttachment.port_state === 'ACTIVE',
        { what: 'the port to be ACTIVE' },
      );
      expect(shown.interfaceAttachment).toEqual({ ...attachment, port_state: 'ACTIVE' });

      const { data: listed } = await nova.GET(LIST, path(server));
      expect(listed!.interfaceAttachments.map((a) => a.port_id)).toEqual([portId]);

      const detached = await nova.DELETE(ONE, onePath(server, portId));
      expect(detached.response.status).toBe(202);
      await pollUntil(
        async () => (await nova.GET(LIST, path(server))).data!.interfaceAttachments,
        (attachments) => attachments.length === 0,
        { what: 'the port to leave the server' },
      );
      expectApiError(await caught(nova.GET(ONE, onePath(server, portId))), {
        status: 404,
        code: 'itemNotFound',
        message: `Port id ${portId} could not be found.`,
        requestId: REQUEST_ID,
        operation: 'showServerInterface',
      });
      expect(os.state.ports.has(portId)).toBe(false);
    });

    it('attaches an existing port with a fixed tag using an application credential; detach only unbinds it', async () => {
      const nova = createOpenStackClient({
        authUrl: os.authUrl,
        ...os.credentials.applicationCredential,
        region: 'RegionTwo',
        now: fixedClock,
      });
      const free = os.fixtures.ports.find((p) => p.serverId === null && p.networkId === network)!;
      const { data } = await nova.POST(LIST, {
        ...path(server),
        body: { interfaceAttachment: { port_id: free.id, tag: 'storage' } },
      });
      expect(data!.interfaceAttachment).toMatchObject({ port_id: free.id, tag: 'storage' });
      await nova.DELETE(ONE, onePath(server, free.id));
      await pollUntil(
        async () => (await nova.GET(LIST, path(server))).data!.interfaceAttachments,
        (attachments) => attachments.length === 0,
      );
      expect(os.state.ports.get(free.id)?.serverId).toBeNull();
    });
  });

  describe('documented errors surface as typed errors', () => {
    it('404 itemNotFound for an unknown server, network or port, and a port not on the server', async () => {
      const nova = client();
      const unknown = '00000000-0000-4000-8000-000000000000';
      const cases: [() => Promise<unknown>, string][] = [
        [() => nova.GET(LIST, path(unknown)), `Instance ${unknown} could not be found.`],
        [
          () =>
            nova.POST(LIST, {
              ...path(server),
              body: { interfaceAttachment: { net_id: unknown } },
            }),
          `Network ${unknown} could not be found.`,
        ],
        [
          () =>
            nova.POST(LIST, {
              ...path(server),
              body: { interfaceAttachment: { port_id: unknown } },
            }),
          `Port id ${unknown} could not be found.`,
        ],
        [
          () => nova.GET(ONE, onePath(server, os.fixtures.ports[0]!.id)),
          `Instance ${server} does not have a port with id`,
        ],
        [
          () => nova.DELETE(ONE, onePath(server, os.fixtures.ports[2]!.id)),
          `Port ${os.fixtures.ports[2]!.id} is not attached`,
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

    it('409 conflictingRequest for a locked or building server, a port in use and a fixed IP in use', async () => {
      const nova = client();
      const locked = os.fixtures.servers.find((s) => s.locked)!.id;
      const building = os.fixtures.servers.find((s) => s.vmState === 'building')!.id;
      const inUse = os.fixtures.ports.find((p) => p.serverId !== null)!;
      const attachTo = (serverId: string, interfaceAttachment: object) =>
        caught(
          nova.POST(LIST, {
            ...path(serverId),
            body: { interfaceAttachment } as never,
          }),
        );
      const conflicts: [Promise<unknown>, string][] = [
        [attachTo(locked, { net_id: network }), `Instance ${locked} is locked`],
        [attachTo(building, { net_id: network }), 'while it is in vm_state building'],
        [attachTo(server, { port_id: inUse.id }), `Port ${inUse.id} is still in use.`],
        [
          attachTo(server, { net_id: network, fixed_ips: [{ ip_address: inUse.ipAddress }] }),
          `Fixed IP address ${inUse.ipAddress} is already in use`,
        ],
      ];
      for (const [pending, message] of conflicts) {
        expectApiError(await pending, {
          status: 409,
          code: 'conflictingRequest',
          message,
          requestId: REQUEST_ID,
          operation: 'attachServerInterface',
        });
      }
      expect(os.state.interfacesOf(server)).toEqual([]);
    });

    it('400 badRequest for a fixed IP outside the network and for several candidate networks', async () => {
      const nova = client();
      expectApiError(
        await caught(
          nova.POST(LIST, {
            ...path(server),
            body: {
              interfaceAttachment: { net_id: network, fixed_ips: [{ ip_address: '10.9.9.9' }] },
            },
          }),
        ),
        {
          status: 400,
          code: 'badRequest',
          message: `Fixed IP 10.9.9.9 is not a valid ip address for network ${network}.`,
          requestId: REQUEST_ID,
        },
      );
      expectApiError(
        await caught(nova.POST(LIST, { ...path(server), body: { interfaceAttachment: {} } })),
        {
          status: 400,
          code: 'badRequest',
          message: 'More than one possible network found.',
          requestId: REQUEST_ID,
        },
      );
    });

    it('403 forbidden for a reader; 400 when the subnet is full', async () => {
      const tight = await startEmulator('openstack', {
        seed: 'e2e-openstack-tight',
        now: fixedClock,
        asyncDelayMs: ASYNC_DELAY_MS,
        fixtures: {
          networks: [
            {
              id: '5d3c1f0a-7b2e-4c9d-8e6f-0a1b2c3d4e5f',
              name: 'tiny-shared',
              projectId: null,
              subnetId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
              cidr: '10.9.9.0/30',
            },
          ],
          ports: [],
        },
      });
      try {
        const viewer = tight.credentials.users.find((u) => u.name === 'viewer')!;
        const reader = createOpenStackClient({
          authUrl: tight.authUrl,
          username: viewer.name,
          userDomainName: 'Default',
          password: viewer.password,
          region: 'RegionOne',
          now: fixedClock,
        });
        const target = tight.fixtures.servers[1]!.id;
        expect((await reader.GET(LIST, path(target))).data!.interfaceAttachments).toEqual([]);
        expectApiError(
          await caught(
            reader.POST(LIST, {
              ...path(target),
              body: { interfaceAttachment: { net_id: tight.fixtures.networks[0]!.id } },
            }),
          ),
          {
            status: 403,
            code: 'forbidden',
            message: "Policy doesn't allow os_compute_api:os-attach-interfaces:create",
            requestId: REQUEST_ID,
          },
        );
        // The only network is shared and holds one address: the second attach finds none.
        const member = client({}, tight);
        const tiny = tight.fixtures.networks[0]!.id;
        const attachTiny = () =>
          member.POST(LIST, { ...path(target), body: { interfaceAttachment: { net_id: tiny } } });
        await attachTiny();
        expectApiError(await caught(attachTiny()), {
          status: 400,
          code: 'badRequest',
          message: `No fixed IP addresses available for network: ${tiny}`,
          requestId: REQUEST_ID,
        });
        expectConformant(tight);
      } finally {
        await tight.close();
      }
    });

    it('refuses a body the spec forbids (port and network together) before sending anything', async () => {
      const nova = client();
      const error = await caught(
        nova.POST(LIST, {
          ...path(server),
          // @ts-expect-error port_id and net_id exclude each other
          body: { interfaceAttachment: { port_id: os.fixtures.ports[2]!.id, net_id: network } },
        }),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(os.requests).toEqual([]);
    });
  });

  describe('authentication', () => {
    it('a wrong password is an AuthError from Keystone; nothing reaches Nova', async () => {
      const error = expectApiError(
        await caught(client({ password: 'not-the-password' } as never).GET(LIST, path(server))),
        {
          type: AuthError,
          status: 401,
          code: 'Unauthorized',
          message: 'The request you have made requires authentication.',
          requestId: REQUEST_ID,
          operation: 'createToken',
        },
      );
      expect(JSON.stringify(error)).not.toContain('not-the-password');
      expect(os.requests.map((r) => r.operationId)).toEqual(['createToken']);
    });

    it('a token Nova does not know is an AuthError (keystonemiddleware 401)', async () => {
      const nova = createOpenStackClient({
        token: 'gAAAAAB-not-a-token',
        endpoint: os.computeUrl,
        now: fixedClock,
        microversion: '2.1',
      });
      const error = expectApiError(await caught(nova.GET(LIST, path(server))), {
        type: AuthError,
        status: 401,
        code: 'Unauthorized',
        message: 'The request you have made requires authentication.',
        requestId: REQUEST_ID,
      });
      expect(String(error)).not.toContain('gAAAAAB-not-a-token');
    });
  });

  describe('version selection (microversions)', () => {
    it("negotiates the highest version both sides support from the emulator's version document", async () => {
      const recorder = recordingFetch();
      const nova = client({ fetch: recorder.fetch });
      expect(await nova.microversion()).toBe('2.96');
      const { response } = await nova.GET(LIST, path(server));
      expect(response.headers.get('openstack-api-version')).toBe('compute 2.96');
      const compute = recorder.sent.find((r) => r.url.includes('/os-interface'))!;
      expect(compute.headers['openstack-api-version']).toBe('compute 2.96');
      expect(compute.headers['x-openstack-nova-api-version']).toBe('2.96');
      expect(os.requests.map((r) => r.operationId)).toEqual([
        'createToken',
        'listComputeVersions',
        'listServerInterfaces',
      ]);
    });

    it('turns a 406 for a fixed version above the server maximum into a VersionError with the range', async () => {
      const error = await caught(
        client({ microversion: '2.100' }).POST(LIST, {
          ...path(server),
          body: { interfaceAttachment: { net_id: network } },
        }),
      );
      expect(error).toBeInstanceOf(VersionError);
      expect(error).toMatchObject({
        requested: '2.100',
        minimum: '2.1',
        maximum: '2.96',
        status: 406,
        code: 'computeFault',
        requestId: expect.stringMatching(REQUEST_ID),
      });
      expect(os.state.interfacesOf(server)).toEqual([]);
      expect(() => client({ microversion: '2.999' as never })).toThrow(VersionError);
    });

    it('sends `tag` from 2.49 on and refuses it below before anything is sent', async () => {
      const { data } = await client().POST(LIST, {
        ...path(server),
        body: { interfaceAttachment: { net_id: network, tag: 'data' } },
      });
      expect(data!.interfaceAttachment.tag).toBe('data');

      os.reset();
      const error = await caught(
        client({ microversion: '2.48' }).POST(LIST, {
          ...path(server),
          body: { interfaceAttachment: { net_id: network, tag: 'data' } },
        }),
      );
      expect(error).toBeInstanceOf(VersionError);
      expect(logOf(os, 'attachServerInterface')).toEqual([]);
    });

    it('below 2.70 the answer has no tag; a server capped at 2.48 makes a negotiated tag refused locally', async () => {
      const old = await startEmulator('openstack', {
        seed: 'e2e-openstack-old',
        now: fixedClock,
        microversions: { max: '2.48' },
      });
      try {
        const nova = client({}, old);
        expect(await nova.microversion()).toBe('2.48');
        const target = old.fixtures.servers[1]!.id;
        const net = old.fixtures.networks[0]!.id;
        const { data } = await nova.POST(LIST, {
          ...path(target),
          body: { interfaceAttachment: { net_id: net } },
        });
        expect(data!.interfaceAttachment).not.toHaveProperty('tag');
        const error = await caught(
          nova.POST(LIST, {
            ...path(target),
            body: { interfaceAttachment: { net_id: net, tag: 'data' } },
          }),
        );
        expect(error).toBeInstanceOf(VersionError);
        expect(logOf(old, 'attachServerInterface')).toHaveLength(1);
        expectConformant(old);
      } finally {
        await old.close();
      }
    });

    it('renegotiates once after a 406 when the cloud is rolled back, and the call succeeds', async () => {
      const options: OpenStackEmulatorOptions = { seed: 'e2e-openstack-rollback', now: fixedClock };
      const cloud = await startEmulator('openstack', options);
      try {
        const nova = client({}, cloud);
        expect(await nova.microversion()).toBe('2.96');
        // The running emulator reads its options on every request: roll the cloud back.
        options.microversions = { max: '2.90' };
        const target = cloud.fixtures.servers[1]!.id;
        const { data, response } = await nova.POST(LIST, {
          ...path(target),
          body: { interfaceAttachment: { net_id: cloud.fixtures.networks[0]!.id } },
        });
        expect(response.headers.get('openstack-api-version')).toBe('compute 2.90');
        expect(await nova.microversion()).toBe('2.90');
        expect(
          cloud.requests
            .filter((r) => r.operationId !== 'createToken')
            .map((r) => [r.operationId, r.status]),
        ).toEqual([
          ['listComputeVersions', 200],
          ['attachServerInterface', 406],
          ['listComputeVersions', 200],
          ['attachServerInterface', 200],
        ]);
        expect(cloud.state.interfacesOf(target).map((p) => p.id)).toEqual([
          data!.interfaceAttachment.port_id,
        ]);
        expectConformant(cloud);
      } finally {
        await cloud.close();
      }
    });
  });

  describe('faults', () => {
    describeFaults({
      handle: () => os,
      attachOperation: 'attachServerInterface',
      readOperation: 'listServerInterfaces',
      async attach({ onRetry, timeoutMs }) {
        const { data } = await client({ onRetry }).POST(LIST, {
          ...path(server),
          body: { interfaceAttachment: { net_id: network } },
          ...(timeoutMs ? { timeoutMs } : {}),
        });
        return data!.interfaceAttachment.port_id;
      },
      async read({ onRetry }) {
        const { data } = await client({ onRetry }).GET(LIST, path(server));
        return data!.interfaceAttachments.map((a) => a.port_id);
      },
      async createdNics() {
        await sleep(ASYNC_DELAY_MS);
        return os.state
          .interfacesOf(server)
          .map((p) => p.id)
          .filter((id) => !fixturePorts.has(id));
      },
    });
  });
});
