// The NIC API over the SCP client against the SCP emulator (real HTTP): every function, the
// idempotent attach under lost answers, typed refusals before sending, and wait outcomes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ValidationError } from '../../src/core/errors.js';
import { startEmulator, type EmulatorHandleFor } from '../../src/emulators/index.js';
import {
  WaitError,
  attachInterface,
  detachInterface,
  getInterface,
  listInterfaces,
  waitForInterface,
} from '../../src/nic/index.js';
import { createScpClient, type ScpClient } from '../../src/providers/scp.js';

const FAST = { initialDelayMs: 10, maxDelayMs: 40, timeoutMs: 5_000 };

describe('NIC API on SCP (emulator)', () => {
  let scp: EmulatorHandleFor<'scp'>;
  let client: ScpClient;
  let server: string;
  let subnet: string;
  let freePort: string;

  beforeAll(async () => {
    scp = await startEmulator('scp', { seed: 'nic-scp', asyncDelayMs: 30 });
    client = createScpClient({ ...scp.credentials, endpoint: scp.url, maxRetries: 0 });
    server = scp.fixtures.servers[1]!.id; // no interface at the start
    subnet = scp.fixtures.subnets[0]!.id;
    freePort = scp.fixtures.ports.find((p) => p.serverId === null)!.id;
  });
  afterEach(() => {
    expect(scp.conformanceViolations).toEqual([]);
    scp.reset();
  });
  afterAll(async () => {
    await scp.close();
  });

  const onSubnet = () => scp.state.interfacesOf(server).filter((p) => p.subnetId === subnet);

  it('attaches by subnet with a fixed IP, lists, shows, waits, detaches and waits until gone', async () => {
    const nic = await attachInterface(client, {
      serverId: server,
      subnetId: subnet,
      fixedIp: '192.169.3.77',
      ...FAST,
    });
    expect(nic).toMatchObject({
      provider: 'scp',
      serverId: server,
      ipAddresses: ['192.169.3.77'],
      subnetId: subnet,
      networkId: null,
      state: 'active',
      rawState: 'ACTIVE',
    });
    expect(nic.mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(nic.raw.port_id).toBe(nic.id);

    const listed = await listInterfaces(client, { serverId: server });
    expect(listed.map((i) => i.id)).toEqual([nic.id]);
    expect(await getInterface(client, { serverId: server, interfaceId: nic.id })).toEqual(nic);
    const waited = await waitForInterface(client, {
      serverId: server,
      interfaceId: nic.id,
      until: 'active',
      ...FAST,
    });
    expect(waited).toMatchObject({ reason: 'reached', until: 'active', polls: 1 });

    const detached = await detachInterface(client, {
      serverId: server,
      interfaceId: nic.id,
      wait: true,
      ...FAST,
    });
    expect(detached).toEqual({
      provider: 'scp',
      serverId: server,
      interfaceId: nic.id,
      outcome: 'detached',
      deleted: false,
    });
    expect(await listInterfaces(client, { serverId: server })).toEqual([]);
  });

  it('attaches an existing port, and detach without wait reports detaching', async () => {
    const nic = await attachInterface(client, { serverId: server, portId: freePort, ...FAST });
    expect(nic.id).toBe(freePort);
    const result = await detachInterface(client, { serverId: server, interfaceId: freePort });
    expect(result.outcome).toBe('detaching');
    const gone = await waitForInterface(client, {
      serverId: server,
      interfaceId: freePort,
      until: 'gone',
      ...FAST,
    });
    expect(gone).toMatchObject({ reason: 'reached', interface: null });
  });

  it('ifAbsent returns the interface already on the subnet instead of a second one', async () => {
    const first = await attachInterface(client, { serverId: server, subnetId: subnet, ...FAST });
    const posts = () => scp.requests.filter((r) => r.method === 'POST').length;
    const before = posts();
    const again = await attachInterface(client, {
      serverId: server,
      subnetId: subnet,
      ifAbsent: true,
      ...FAST,
    });
    expect(again.id).toBe(first.id);
    expect(posts()).toBe(before);
    expect(onSubnet()).toHaveLength(1);
  });

  for (const kind of ['reset', 'truncate', 'html'] as const) {
    it(`ifAbsent reconciles an attach whose answer was lost (${kind} after the work)`, async () => {
      scp.setFaults([{ operationId: 'createServerInterface', kind, when: 'after' }]);
      const nic = await attachInterface(client, {
        serverId: server,
        subnetId: subnet,
        ifAbsent: true,
        ...FAST,
      });
      expect(scp.requests.some((r) => r.fault === kind)).toBe(true);
      expect(onSubnet()).toHaveLength(1);
      expect(onSubnet()[0]!.id).toBe(nic.id);
      // A retried script finds it too.
      const retried = await attachInterface(client, {
        serverId: server,
        subnetId: subnet,
        ifAbsent: true,
        ...FAST,
      });
      expect(retried.id).toBe(nic.id);
      expect(onSubnet()).toHaveLength(1);
    });
  }

  it('without ifAbsent a lost answer is the typed possibly-sent error', async () => {
    scp.setFaults([{ operationId: 'createServerInterface', kind: 'reset', when: 'after' }]);
    const error = await attachInterface(client, { serverId: server, subnetId: subnet }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'network', maybeSent: true });
  });

  it('refuses inputs SCP cannot take before anything is sent', async () => {
    const cases = [
      [{ networkId: 'net-1' }, 'networkId'],
      [{ subnetId: subnet, tag: 'x' }, 'tag'],
      [{ subnetId: subnet, securityGroups: ['sg'] }, 'securityGroups'],
      [{ subnetId: subnet, speedProfile: '1gbps' }, 'speedProfile'],
      [{ subnetId: subnet, huaweiApi: 'nova' }, 'huaweiApi'],
      [{ portId: freePort, fixedIp: '192.169.3.9' }, 'fixedIp'],
      [{ subnetId: subnet, portId: freePort }, 'subnetId|portId'],
      [{}, 'subnetId|portId'],
    ] as const;
    for (const [extra, path] of cases) {
      const error = await attachInterface(client, { serverId: server, ...extra }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).provider).toBe('scp');
      expect((error as ValidationError).issues[0]!.path).toBe(path);
      expect((error as Error).message).toContain(path);
    }
    const detachError = await detachInterface(client, {
      serverId: server,
      interfaceId: freePort,
      deleteNic: true,
    }).catch((e: unknown) => e);
    expect(detachError).toBeInstanceOf(ValidationError);
    expect((detachError as Error).message).toMatch(/deleteNic: is not accepted by scp/);
    expect(scp.requests).toEqual([]);
  });

  it('reports a 404 on detach as ApiError unless ifPresent', async () => {
    const missing = '00000000-1111-2222-3333-444444444444';
    const error = await detachInterface(client, { serverId: server, interfaceId: missing }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    const absent = await detachInterface(client, {
      serverId: server,
      interfaceId: missing,
      ifPresent: true,
    });
    expect(absent.outcome).toBe('absent');
    await expect(
      getInterface(client, { serverId: server, interfaceId: missing }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('a wait that cannot be reached times out with the last state seen (injected clock)', async () => {
    const nic = await attachInterface(client, { serverId: server, subnetId: subnet, ...FAST });
    let t = 0;
    const sleeps: number[] = [];
    const error = await waitForInterface(client, {
      serverId: server,
      interfaceId: nic.id,
      until: 'gone',
      timeoutMs: 1_000,
      now: () => t,
      sleep: async (ms) => {
        sleeps.push(ms);
        t += ms;
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitError);
    expect(error).toMatchObject({
      kind: 'wait',
      reason: 'timeout',
      lastState: 'active',
      rawState: 'ACTIVE',
      polls: 3,
      provider: 'scp',
    });
    expect(sleeps).toEqual([500, 500]);
    expect((error as Error).message).toMatch(/last state active/);
  });

  it('a wait for active on an interface that disappears ends with reason gone', async () => {
    const nic = await attachInterface(client, { serverId: server, subnetId: subnet, ...FAST });
    await detachInterface(client, { serverId: server, interfaceId: nic.id, wait: true, ...FAST });
    await expect(
      waitForInterface(client, { serverId: server, interfaceId: nic.id, until: 'active', ...FAST }),
    ).rejects.toMatchObject({ reason: 'gone' });
  });
});
