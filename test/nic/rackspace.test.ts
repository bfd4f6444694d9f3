// The NIC API over the Rackspace client (Identity v2.0 + Cloud Servers) against the Rackspace
// emulator (real HTTP): one virtual interface per network, by network only.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ValidationError } from '../../src/core/errors.js';
import { startEmulator, type EmulatorHandleFor } from '../../src/emulators/index.js';
import {
  attachInterface,
  detachInterface,
  getInterface,
  listInterfaces,
  waitForInterface,
} from '../../src/nic/index.js';
import { createRackspaceClient, type RackspaceClient } from '../../src/providers/rackspace.js';

const FAST = { initialDelayMs: 10, maxDelayMs: 40, timeoutMs: 5_000 };
const LIMITS = { rateLimits: { GET: 10_000, POST: 10_000, DELETE: 10_000 } };

describe('NIC API on Rackspace (emulator)', () => {
  let rs: EmulatorHandleFor<'rackspace'>;
  let client: RackspaceClient;
  let server: string;
  let network: string;

  beforeAll(async () => {
    rs = await startEmulator('rackspace', { seed: 'nic-rackspace', asyncDelayMs: 30, ...LIMITS });
    client = createRackspaceClient({
      identityUrl: rs.identityUrl,
      ...rs.credentials.apiKey,
      region: 'dfw',
      maxRetries: 0,
    });
    server = rs.fixtures.servers[1]!.id;
    network = rs.fixtures.networks[2]!.id; // an isolated network
  });
  afterEach(() => {
    expect(rs.conformanceViolations).toEqual([]);
    rs.reset();
  });
  afterAll(async () => {
    await rs.close();
  });

  const onNetwork = () => rs.state.interfacesOf(server).filter((v) => v.networkId === network);

  it('creates a VIF on the network, lists, shows, waits, deletes and waits until gone', async () => {
    const nic = await attachInterface(client, { serverId: server, networkId: network, ...FAST });
    expect(nic).toMatchObject({
      provider: 'rackspace',
      serverId: server,
      networkId: network,
      subnetId: null,
      state: 'active',
      rawState: null,
    });
    // Rackspace spells MACs in upper case; the NIC API does not.
    expect(nic.raw.mac_address).toMatch(/[A-F0-9]{2}(:[A-F0-9]{2}){5}/);
    expect(nic.mac).toBe(nic.raw.mac_address.toLowerCase());
    expect(nic.ipAddresses.length).toBeGreaterThan(0);

    expect((await listInterfaces(client, { serverId: server })).map((i) => i.id)).toContain(nic.id);
    expect(await getInterface(client, { serverId: server, interfaceId: nic.id })).toEqual(nic);
    await expect(
      waitForInterface(client, { serverId: server, interfaceId: nic.id, until: 'active', ...FAST }),
    ).resolves.toMatchObject({ reason: 'reached' });

    const result = await detachInterface(client, {
      serverId: server,
      interfaceId: nic.id,
      wait: true,
      ...FAST,
    });
    expect(result).toMatchObject({ outcome: 'detached', deleted: false });
    expect(onNetwork()).toHaveLength(0);
  });

  it('ifAbsent returns the VIF already on the network (Rackspace allows one per network)', async () => {
    const first = await attachInterface(client, { serverId: server, networkId: network, ...FAST });
    const again = await attachInterface(client, {
      serverId: server,
      networkId: network,
      ifAbsent: true,
      ...FAST,
    });
    expect(again.id).toBe(first.id);
    // Without ifAbsent the provider refuses a second VIF on the network.
    await expect(
      attachInterface(client, { serverId: server, networkId: network, ...FAST }),
    ).rejects.toMatchObject({ status: 409 });
    expect(onNetwork()).toHaveLength(1);
  });

  for (const kind of ['reset', 'truncate', 'html'] as const) {
    it(`ifAbsent reconciles a lost create answer (${kind}): one VIF`, async () => {
      rs.setFaults([{ operationId: 'createVirtualInterface', kind, when: 'after' }]);
      const nic = await attachInterface(client, {
        serverId: server,
        networkId: network,
        ifAbsent: true,
        ...FAST,
      });
      expect(rs.requests.some((r) => r.fault === kind)).toBe(true);
      expect(onNetwork().map((v) => v.id)).toEqual([nic.id]);
    });
  }

  it('refuses a fixed IP, a port, a tag and security groups before anything is sent', async () => {
    const cases = [
      [{ networkId: network, fixedIp: '192.168.3.9' }, 'fixedIp'],
      [{ portId: 'port-1' }, 'portId'],
      [{ networkId: network, tag: 'x' }, 'tag'],
      [{ networkId: network, securityGroups: ['sg'] }, 'securityGroups'],
      [{ subnetId: 's' }, 'subnetId'],
    ] as const;
    for (const [extra, path] of cases) {
      const error = await attachInterface(client, { serverId: server, ...extra }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ provider: 'rackspace', issues: [{ path }] });
      expect((error as Error).message).toContain('rackspace');
    }
    expect(rs.requests).toEqual([]);
  });

  it('a delete of an unknown VIF is a 404 ApiError unless ifPresent', async () => {
    const missing = '9e1f2a3b-0000-4000-8000-00000000abcd';
    const error = await detachInterface(client, { serverId: server, interfaceId: missing }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404 });
    await expect(
      detachInterface(client, { serverId: server, interfaceId: missing, ifPresent: true }),
    ).resolves.toMatchObject({ outcome: 'absent' });
    await expect(
      getInterface(client, { serverId: server, interfaceId: missing }),
    ).rejects.toMatchObject({ status: 404, code: 'InterfaceNotFound' });
  });

  it('a wait for gone on a listed VIF times out with the last state', async () => {
    const nic = await attachInterface(client, { serverId: server, networkId: network, ...FAST });
    let t = 0;
    const error = await waitForInterface(client, {
      serverId: server,
      interfaceId: nic.id,
      until: 'gone',
      timeoutMs: 30,
      initialDelayMs: 20,
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'timeout', lastState: 'active', polls: 3 });
  });
});
