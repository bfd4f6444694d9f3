// The NIC API over the OpenStack client (Keystone v3 + Nova) against the OpenStack emulator (real
// HTTP): os-interface attach then show polled until ACTIVE, detach then wait until gone.
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
import { createOpenStackClient, type OpenStackClient } from '../../src/providers/openstack.js';

const FAST = { initialDelayMs: 10, maxDelayMs: 40, timeoutMs: 5_000 };

describe('NIC API on OpenStack (emulator)', () => {
  let os: EmulatorHandleFor<'openstack'>;
  let client: OpenStackClient;
  let server: string;
  let network: string;
  let subnet: string;

  beforeAll(async () => {
    os = await startEmulator('openstack', { seed: 'nic-openstack', asyncDelayMs: 40 });
    client = createOpenStackClient({
      authUrl: os.authUrl,
      ...os.credentials.password,
      region: 'RegionOne',
      maxRetries: 0,
    });
    server = os.fixtures.servers[1]!.id;
    network = os.fixtures.networks[1]!.id;
    subnet = os.fixtures.networks[1]!.subnetId;
  });
  afterEach(() => {
    expect(os.conformanceViolations).toEqual([]);
    os.reset();
  });
  afterAll(async () => {
    await os.close();
  });

  const onNetwork = () => os.state.interfacesOf(server).filter((p) => p.networkId === network);

  it('attaches by network with a fixed IP and a tag, and polls show until ACTIVE', async () => {
    const states: (string | null)[] = [];
    const nic = await attachInterface(client, {
      serverId: server,
      networkId: network,
      fixedIp: '10.20.0.50',
      tag: 'storage',
      ...FAST,
      onProgress: (p) => states.push(p.state),
    });
    expect(nic).toMatchObject({
      provider: 'openstack',
      serverId: server,
      networkId: network,
      subnetId: subnet,
      ipAddresses: ['10.20.0.50'],
      state: 'active',
      rawState: 'ACTIVE',
    });
    expect(nic.raw.tag).toBe('storage');
    // The port starts DOWN (see the wait: false test); whether the first poll still sees DOWN
    // depends on scheduling, so only the end state is asserted here.
    expect(states.at(-1)).toBe('active');
    const shows = os.requests.filter((r) => r.operationId === 'showServerInterface');
    expect(shows.length).toBeGreaterThanOrEqual(1);

    expect((await listInterfaces(client, { serverId: server })).map((i) => i.id)).toContain(nic.id);
    expect(await getInterface(client, { serverId: server, interfaceId: nic.id })).toEqual(nic);

    const result = await detachInterface(client, {
      serverId: server,
      interfaceId: nic.id,
      wait: true,
      ...FAST,
    });
    expect(result).toMatchObject({ outcome: 'detached' });
    expect(onNetwork()).toHaveLength(0);
  });

  it('attach with wait: false returns the DOWN port; waitForInterface then reaches active', async () => {
    const nic = await attachInterface(client, {
      serverId: server,
      networkId: network,
      wait: false,
    });
    expect(nic.state).toBe('down');
    const result = await waitForInterface(client, {
      serverId: server,
      interfaceId: nic.id,
      until: 'active',
      ...FAST,
    });
    expect(result.reason).toBe('reached');
    expect(result.interface?.state).toBe('active');
    expect(result.polls).toBeGreaterThan(1);
    // Detach without wait: accepted (202), the port leaves later.
    const detached = await detachInterface(client, { serverId: server, interfaceId: nic.id });
    expect(detached.outcome).toBe('detaching');
    await expect(
      waitForInterface(client, {
        serverId: server,
        interfaceId: nic.id,
        until: 'detached',
        ...FAST,
      }),
    ).resolves.toMatchObject({ reason: 'reached', interface: null });
  });

  for (const kind of ['reset', 'truncate', 'html'] as const) {
    it(`ifAbsent reconciles a lost attach answer (${kind}): one port on the network`, async () => {
      os.setFaults([{ operationId: 'attachServerInterface', kind, when: 'after' }]);
      const nic = await attachInterface(client, {
        serverId: server,
        networkId: network,
        ifAbsent: true,
        ...FAST,
      });
      expect(os.requests.some((r) => r.fault === kind)).toBe(true);
      expect(onNetwork().map((p) => p.id)).toEqual([nic.id]);
      expect(nic.state).toBe('active');
    });
  }

  it('refuses inputs Nova cannot take before anything is sent (no token call either)', async () => {
    const cases = [
      [{ subnetId: subnet }, 'subnetId'],
      [{ networkId: network, securityGroups: ['sg'] }, 'securityGroups'],
      [{ networkId: network, virtualNetworkId: 'v' }, 'virtualNetworkId'],
      [{ networkId: network, portId: 'p' }, 'networkId|portId'],
    ] as const;
    for (const [extra, path] of cases) {
      const error = await attachInterface(client, { serverId: server, ...extra }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ provider: 'openstack', issues: [{ path }] });
    }
    expect(os.requests).toEqual([]);
  });

  it('a detach of a port the server does not have is a 404 ApiError unless ifPresent', async () => {
    const missing = '0d6b1a52-9d3a-4c7e-8f00-000000000042';
    const error = await detachInterface(client, { serverId: server, interfaceId: missing }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'itemNotFound' });
    await expect(
      detachInterface(client, { serverId: server, interfaceId: missing, ifPresent: true }),
    ).resolves.toMatchObject({ outcome: 'absent' });
  });

  it('a wait for active that outlasts its deadline reports the last state (DOWN)', async () => {
    const nic = await attachInterface(client, {
      serverId: server,
      networkId: network,
      wait: false,
    });
    let t = 0;
    const error = await waitForInterface(client, {
      serverId: server,
      interfaceId: nic.id,
      until: 'active',
      timeoutMs: 0,
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      reason: 'timeout',
      lastState: 'down',
      rawState: 'DOWN',
      polls: 1,
    });
  });
});
