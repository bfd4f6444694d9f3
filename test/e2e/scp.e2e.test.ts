// SCP end to end: the typed SCP client (HMAC signing, Scp-Api-Version selection, retries) against
// the SCP emulator over loopback HTTP. Every test ends with the emulator's answers conformant.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, ValidationError, VersionError } from '../../src/core/errors.js';
import { startEmulator, type EmulatorHandleFor } from '../../src/emulators/index.js';
import { createScpClient, type ScpClientOptions } from '../../src/providers/scp.js';
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

const LIST = '/v1/servers/{server_id}/interfaces';
const ONE = '/v1/servers/{server_id}/interfaces/{port_id}';

describe('SCP e2e: typed client against the emulator', () => {
  let scp: EmulatorHandleFor<'scp'>;
  /** web-2: no interface at the start. */
  let server: string;
  let subnet: string;

  beforeAll(async () => {
    scp = await startEmulator('scp', {
      seed: 'e2e-scp',
      now: fixedClock,
      asyncDelayMs: ASYNC_DELAY_MS,
    });
  });
  beforeEach(() => {
    scp.reset();
    server = scp.fixtures.servers[1]!.id;
    subnet = scp.fixtures.subnets[0]!.id;
  });
  afterEach(() => {
    expectConformant(scp);
  });
  afterAll(async () => {
    await scp.close();
  });

  const client = (overrides: Partial<ScpClientOptions> = {}) =>
    createScpClient({
      endpoint: scp.url,
      accessKey: scp.credentials.accessKey,
      secretKey: scp.credentials.secretKey,
      now: fixedClock,
      ...FAST_RETRIES,
      ...overrides,
    });
  const path = (server_id: string) => ({ params: { path: { server_id } } });
  const onePath = (server_id: string, port_id: string) => ({
    params: { path: { server_id, port_id } },
  });

  describe('lifecycle', () => {
    it('attaches on a subnet, lists, shows until ACTIVE, detaches and confirms it is gone', async () => {
      const scpClient = client();
      const { data: created } = await scpClient.POST(LIST, {
        ...path(server),
        body: { subnet_id: subnet },
      });
      expect(created).toMatchObject({
        subnet_id: subnet,
        fixed_ips: [{ ip_address: expect.stringMatching(/^192\.169\.3\.\d+$/) }],
        mac_addr: expect.stringMatching(/^fa:16:3e(:[0-9a-f]{2}){3}$/),
      });
      const portId = created!.port_id;

      const { data: listed } = await scpClient.GET(LIST, path(server));
      expect(listed!.interfaces.map((i) => i.port_id)).toEqual([portId]);

      const { value: shown } = await pollUntil(
        async () => (await scpClient.GET(ONE, onePath(server, portId))).data!,
        (view) => view.interfaces[0]?.port_state === 'ACTIVE',
        { what: 'the port to be ACTIVE' },
      );
      expect(shown.interfaces[0]).toEqual(created);

      const deleted = await scpClient.DELETE(ONE, onePath(server, portId));
      expect(deleted.response.status).toBe(200);
      await pollUntil(
        async () => (await scpClient.GET(LIST, path(server))).data!.interfaces,
        (interfaces) => interfaces.length === 0,
        { what: 'the port to leave the list' },
      );
      expectApiError(await caught(scpClient.GET(ONE, onePath(server, portId))), {
        status: 404,
        code: null,
        message: `port ${portId} is not attached to server ${server}`,
        requestId: false,
        operation: 'showServerInterface',
      });
      // The port the attach created is deleted, not only unbound.
      expect(scp.state.ports.has(portId)).toBe(false);
    });

    it('attaches an existing port and a fixed IP; detaching the existing port only unbinds it', async () => {
      const scpClient = client();
      const free = scp.fixtures.ports.find((p) => p.serverId === null)!;
      const { data: byPort } = await scpClient.POST(LIST, {
        ...path(server),
        body: { port_id: free.id },
      });
      expect(byPort!.port_id).toBe(free.id);
      const { data: fixed } = await scpClient.POST(LIST, {
        ...path(server),
        body: { subnet_id: subnet, fixed_ips: [{ ip_address: '192.169.3.77' }] },
      });
      expect(fixed!.fixed_ips).toEqual([{ ip_address: '192.169.3.77' }]);
      const { data: listed } = await scpClient.GET(LIST, path(server));
      expect(listed!.interfaces.map((i) => i.port_id).sort()).toEqual(
        [free.id, fixed!.port_id].sort(),
      );

      await scpClient.DELETE(ONE, onePath(server, free.id));
      await scpClient.DELETE(ONE, onePath(server, fixed!.port_id));
      await pollUntil(
        async () => (await scpClient.GET(LIST, path(server))).data!.interfaces,
        (interfaces) => interfaces.length === 0,
      );
      expect(scp.state.ports.get(free.id)?.serverId).toBeNull();
      expect(scp.state.ports.has(fixed!.port_id)).toBe(false);
    });
  });

  describe('documented errors surface as typed errors', () => {
    it('404 for an unknown server, subnet or port', async () => {
      const scpClient = client();
      const unknown = '00000000-0000-4000-8000-000000000000';
      expectApiError(await caught(scpClient.GET(LIST, path(unknown))), {
        status: 404,
        code: null,
        message: `server ${unknown} does not exist`,
        requestId: false,
        operation: 'listServerInterfaces',
      });
      expectApiError(
        await caught(
          scpClient.POST(LIST, { ...path(server), body: { subnet_id: 'f'.repeat(32) } }),
        ),
        {
          status: 404,
          code: null,
          message: `subnet ${'f'.repeat(32)} does not exist`,
          requestId: false,
          operation: 'createServerInterface',
        },
      );
      expectApiError(
        await caught(scpClient.POST(LIST, { ...path(server), body: { port_id: unknown } })),
        { status: 404, code: null, message: `port ${unknown} does not exist`, requestId: false },
      );
      expectApiError(await caught(scpClient.DELETE(ONE, onePath(server, unknown))), {
        status: 404,
        code: null,
        message: 'is not attached to server',
        requestId: false,
        operation: 'deleteServerInterface',
      });
    });

    it('409 for an IP in use, a port attached elsewhere and a second detach', async () => {
      const scpClient = client();
      const used = scp.fixtures.ports.find((p) => p.serverId !== null)!;
      expectApiError(
        await caught(
          scpClient.POST(LIST, {
            ...path(server),
            body: { subnet_id: used.subnetId, fixed_ips: [{ ip_address: used.ipAddress }] },
          }),
        ),
        {
          status: 409,
          code: null,
          message: `IP address ${used.ipAddress} is already in use`,
          requestId: false,
        },
      );
      expectApiError(
        await caught(scpClient.POST(LIST, { ...path(server), body: { port_id: used.id } })),
        {
          status: 409,
          code: null,
          message: `port ${used.id} is attached to another server`,
          requestId: false,
        },
      );
      const { data } = await scpClient.POST(LIST, { ...path(server), body: { subnet_id: subnet } });
      await scpClient.DELETE(ONE, onePath(server, data!.port_id));
      expectApiError(await caught(scpClient.DELETE(ONE, onePath(server, data!.port_id))), {
        status: 409,
        code: null,
        message: 'is already being detached',
        requestId: false,
      });
    });

    it('400 validation list for a fixed IP outside the subnet', async () => {
      const error = expectApiError(
        await caught(
          client().POST(LIST, {
            ...path(server),
            body: { subnet_id: subnet, fixed_ips: [{ ip_address: '10.1.2.3' }] },
          }),
        ),
        {
          status: 400,
          code: 'value_error.ip_not_in_subnet',
          message: 'body.fixed_ips.0.ip_address: 10.1.2.3 is not a host address of subnet',
          requestId: false,
        },
      );
      expect(Array.isArray(error.body)).toBe(true);
    });

    it('refuses a body the spec forbids before sending anything', async () => {
      const error = await caught(
        client().POST(LIST, {
          ...path(server),
          // @ts-expect-error subnet_id and port_id exclude each other
          body: { subnet_id: subnet, port_id: scp.fixtures.ports[2]!.id },
        }),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(scp.requests).toEqual([]);
    });

    it('403 for an operation the key may not call, 409 when the subnet is full', async () => {
      const restricted = await startEmulator('scp', {
        seed: 'e2e-scp-restricted',
        now: fixedClock,
        forbiddenOperations: ['deleteServerInterface'],
        fixtures: {
          servers: [{ id: '6f1b7d0e-9a4c-4f3e-8a51-2b7c9d0e1f2a', name: 'tiny-1' }],
          subnets: [{ id: 'a'.repeat(32), name: 'tiny', cidr: '10.9.9.0/30' }],
          ports: [],
        },
      });
      try {
        const scpClient = createScpClient({
          endpoint: restricted.url,
          accessKey: restricted.credentials.accessKey,
          secretKey: restricted.credentials.secretKey,
          now: fixedClock,
        });
        const tiny = restricted.fixtures.servers[0]!.id;
        const { data } = await scpClient.POST(LIST, {
          ...path(tiny),
          body: { subnet_id: 'a'.repeat(32) },
        });
        expectApiError(
          await caught(
            scpClient.POST(LIST, { ...path(tiny), body: { subnet_id: 'a'.repeat(32) } }),
          ),
          { status: 409, code: null, message: 'has no free IP address', requestId: false },
        );
        expectApiError(await caught(scpClient.DELETE(ONE, onePath(tiny, data!.port_id))), {
          status: 403,
          code: null,
          message: 'may not call deleteServerInterface',
          requestId: false,
        });
        expectConformant(restricted);
      } finally {
        await restricted.close();
      }
    });
  });

  describe('authentication', () => {
    it('a wrong secret key or an unknown access key is an AuthError; nothing is changed', async () => {
      for (const overrides of [
        { secretKey: 'wrong-secret' },
        { accessKey: 'emu-ak-unknown' },
      ] as Partial<ScpClientOptions>[]) {
        const error = expectApiError(
          await caught(
            client(overrides).POST(LIST, { ...path(server), body: { subnet_id: subnet } }),
          ),
          {
            type: AuthError,
            status: 401,
            code: null,
            message: /^Unauthorized: (signature does not match|unknown access key)$/,
            requestId: false,
          },
        );
        expect(error.kind).toBe('auth');
        expect(JSON.stringify(error)).not.toContain(scp.credentials.secretKey);
      }
      expect(scp.state.interfacesOf(server)).toEqual([]);
    });

    it('a client clock outside the accepted window is an AuthError', async () => {
      const late = new Date(fixedClock().getTime() + 20 * 60 * 1000);
      expectApiError(await caught(client({ now: () => late }).GET(LIST, path(server))), {
        type: AuthError,
        status: 401,
        code: null,
        message: 'Scp-Timestamp is outside the accepted time window',
        requestId: false,
      });
    });
  });

  describe('version selection', () => {
    it('sends the CURRENT version by default and a pinned SUPPORTED one when asked', async () => {
      const recorder = recordingFetch();
      await client({ fetch: recorder.fetch }).GET(LIST, path(server));
      await client({ fetch: recorder.fetch, apiVersion: '1.2' }).GET(LIST, path(server));
      await client({ fetch: recorder.fetch, apiVersion: { listServerInterfaces: '1.2' } }).GET(
        LIST,
        path(server),
      );
      expect(recorder.sent.map((r) => r.headers['scp-api-version'])).toEqual([
        'virtualserver 1.3',
        'virtualserver 1.2',
        'virtualserver 1.2',
      ]);
      expect(logOf(scp, 'listServerInterfaces').map((r) => r.status)).toEqual([200, 200, 200]);
    });

    it('refuses a pin past its Not Before date, or unknown, before sending anything', async () => {
      for (const pin of ['1.1', '1.0', '9.9']) {
        const error = await caught(client({ apiVersion: pin }).GET(LIST, path(server)));
        expect(error).toBeInstanceOf(VersionError);
        expect((error as VersionError).requested).toBe(pin);
        expect((error as VersionError).usable).toEqual(['1.3', '1.2']);
      }
      expect(scp.requests).toEqual([]);
    });

    it('surfaces the server refusing a version the client still believed in, then learns from the version document', async () => {
      const retired = await startEmulator('scp', {
        seed: 'e2e-scp-retired',
        now: fixedClock,
        versions: [
          { version: '1.3', status: 'CURRENT', notBefore: null },
          { version: '1.2', status: 'DEPRECATED', notBefore: '2026-10-31' },
        ],
      });
      try {
        const scpClient = createScpClient({
          endpoint: retired.url,
          accessKey: retired.credentials.accessKey,
          secretKey: retired.credentials.secretKey,
          now: fixedClock,
          apiVersion: '1.2',
        });
        const target = retired.fixtures.servers[1]!.id;
        const refused = expectApiError(await caught(scpClient.GET(LIST, path(target))), {
          status: 400,
          code: 'value_error.api_version',
          message: 'virtualserver 1.2 is DEPRECATED and no longer supported',
          requestId: false,
        });
        expect(refused.providerMessage).toContain('supported: virtualserver 1.3');

        const tables = await scpClient.refreshVersions();
        expect(tables.listServerInterfaces).toContainEqual({
          version: '1.2',
          status: 'DEPRECATED',
          notBefore: '2026-10-31',
        });
        const sentBefore = retired.requests.length;
        const local = await caught(scpClient.GET(LIST, path(target)));
        expect(local).toBeInstanceOf(VersionError);
        expect((local as VersionError).usable).toEqual(['1.3']);
        expect(retired.requests).toHaveLength(sentBefore);
        expectConformant(retired);
      } finally {
        await retired.close();
      }
    });
  });

  describe('faults', () => {
    describeFaults({
      handle: () => scp,
      attachOperation: 'createServerInterface',
      readOperation: 'listServerInterfaces',
      async attach({ onRetry, timeoutMs }) {
        const { data } = await client({ onRetry }).POST(LIST, {
          ...path(server),
          body: { subnet_id: subnet },
          ...(timeoutMs ? { timeoutMs } : {}),
        });
        return data!.port_id;
      },
      async read({ onRetry }) {
        const { data } = await client({ onRetry }).GET(LIST, path(server));
        return data!.interfaces.map((i) => i.port_id);
      },
      async createdNics() {
        await sleep(ASYNC_DELAY_MS);
        return scp.state.interfacesOf(server).map((p) => p.id);
      },
    });
  });
});
