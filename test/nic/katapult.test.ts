// The NIC API over the Katapult client against the Katapult emulator (real HTTP): create + attach
// + task, detach + task (+ delete), lost answers with ifAbsent, task failure, refusals.
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
import { createKatapultClient, type KatapultClient } from '../../src/providers/katapult.js';

const FAST = { initialDelayMs: 10, maxDelayMs: 40, timeoutMs: 5_000 };
const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('NIC API on Katapult (emulator)', () => {
  let kat: EmulatorHandleFor<'katapult'>;
  let client: KatapultClient;
  let vm: string;
  let network: string;

  beforeAll(async () => {
    kat = await startEmulator('katapult', { seed: 'nic-katapult', asyncDelayMs: 30 });
    client = createKatapultClient({
      token: kat.credentials.token,
      endpoint: kat.url,
      maxRetries: 0,
    });
    vm = kat.fixtures.virtualMachines[1]!.id; // no NIC at the start
    network = kat.fixtures.networks[1]!.id;
  });
  afterEach(() => {
    expect(kat.conformanceViolations).toEqual([]);
    kat.reset();
  });
  afterAll(async () => {
    await kat.close();
  });

  const nicsOnNetwork = () => kat.state.nicsOf(vm).filter((n) => n.networkId === network);

  it('creates, attaches (task), lists, shows, waits, detaches and deletes a NIC', async () => {
    const progress: (string | null)[] = [];
    const nic = await attachInterface(client, {
      serverId: vm,
      networkId: network,
      ...FAST,
      onProgress: (p) => progress.push(p.state),
    });
    expect(nic).toMatchObject({
      provider: 'katapult',
      serverId: vm,
      networkId: network,
      subnetId: null,
      state: 'active',
      rawState: 'attached',
    });
    expect(nic.mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    // The default speed profile is the sheet's 1gbps permalink.
    expect(nic.raw.speed_profile.permalink).toBe('1gbps');
    expect(progress).toContain('completed');

    const listed = await listInterfaces(client, { serverId: vm });
    expect(listed).toEqual([nic]);
    expect(await getInterface(client, { serverId: vm, interfaceId: nic.id })).toEqual(nic);
    await expect(
      waitForInterface(client, { serverId: vm, interfaceId: nic.id, until: 'active', ...FAST }),
    ).resolves.toMatchObject({ reason: 'reached', polls: 1 });

    const detached = await detachInterface(client, { serverId: vm, interfaceId: nic.id, ...FAST });
    expect(detached).toMatchObject({ outcome: 'detached', deleted: false });
    const after = await getInterface(client, { serverId: vm, interfaceId: nic.id });
    expect(after.state).toBe('detached');
    await expect(
      waitForInterface(client, { serverId: vm, interfaceId: nic.id, until: 'detached', ...FAST }),
    ).resolves.toMatchObject({ reason: 'reached', interface: { state: 'detached' } });

    const deleted = await detachInterface(client, {
      serverId: vm,
      interfaceId: nic.id,
      deleteNic: true,
      ...FAST,
    });
    expect(deleted).toMatchObject({ outcome: 'detached', deleted: true });
    expect(kat.state.networkInterfaces.has(nic.id)).toBe(false);
    await expect(
      waitForInterface(client, { serverId: vm, interfaceId: nic.id, until: 'gone', ...FAST }),
    ).resolves.toMatchObject({ reason: 'reached', interface: null });
  });

  it('takes a speed profile by ID and a virtual network', async () => {
    const profile = kat.fixtures.speedProfiles[1]!;
    const vnet = kat.fixtures.virtualNetworks[0]!.id;
    const nic = await attachInterface(client, {
      serverId: vm,
      virtualNetworkId: vnet,
      speedProfile: profile.id,
      ...FAST,
    });
    expect(nic.networkId).toBe(vnet);
    expect(nic.raw.speed_profile.id).toBe(profile.id);
  });

  it('ifAbsent adopts a detached NIC on the network instead of creating another', async () => {
    const nic = await attachInterface(client, { serverId: vm, networkId: network, ...FAST });
    await detachInterface(client, { serverId: vm, interfaceId: nic.id, ...FAST });
    const again = await attachInterface(client, {
      serverId: vm,
      networkId: network,
      ifAbsent: true,
      ...FAST,
    });
    expect(again).toMatchObject({ id: nic.id, state: 'active' });
    expect(nicsOnNetwork()).toHaveLength(1);
  });

  const lostAnswers = [
    ['createVirtualMachineNetworkInterface', 'reset'],
    ['createVirtualMachineNetworkInterface', 'truncate'],
    ['createVirtualMachineNetworkInterface', 'html'],
    ['attachVirtualMachineNetworkInterface', 'reset'],
    ['attachVirtualMachineNetworkInterface', 'truncate'],
    ['attachVirtualMachineNetworkInterface', 'html'],
  ] as const;
  for (const [operationId, kind] of lostAnswers) {
    it(`ifAbsent ends with exactly one NIC after a lost ${operationId} answer (${kind})`, async () => {
      kat.setFaults([{ operationId, kind, when: 'after' }]);
      const nic = await attachInterface(client, {
        serverId: vm,
        networkId: network,
        ifAbsent: true,
        ...FAST,
      });
      expect(kat.requests.some((r) => r.fault === kind)).toBe(true);
      expect(nic.state).toBe('active');
      expect(nicsOnNetwork()).toHaveLength(1);
      expect(nicsOnNetwork()[0]!).toMatchObject({ id: nic.id, state: 'attached' });
    });
  }

  it('a failed attach task surfaces as a WaitError with the task and its status', async () => {
    const slow = await startEmulator('katapult', { seed: 'nic-katapult', asyncDelayMs: 5_000 });
    try {
      const slowClient = createKatapultClient({
        token: slow.credentials.token,
        endpoint: slow.url,
      });
      const error = await attachInterface(slowClient, {
        serverId: vm,
        networkId: network,
        ...FAST,
        // The platform fails the task while the NIC API waits for it.
        sleep: async (ms) => {
          for (const task of slow.state.tasks.values()) {
            if (task.status === 'pending' || task.status === 'running') task.status = 'failed';
          }
          await pause(ms);
        },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WaitError);
      expect(error).toMatchObject({
        kind: 'wait',
        reason: 'failed',
        lastState: 'failed',
        providerCode: 'task_failed',
        provider: 'katapult',
        operation: 'getTask',
      });
      expect((error as WaitError).providerReason).toMatch(/Attach network interface.*failed/);
      expect((error as WaitError).jobId).toMatch(/^task_/);
      // The NIC this attach created is not left behind.
      expect(slow.state.nicsOf(vm).filter((n) => n.networkId === network)).toHaveLength(0);
      expect(slow.conformanceViolations).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('refuses inputs Katapult cannot take before anything is sent', async () => {
    const cases = [
      [{ networkId: network, fixedIp: '10.0.0.5' }, 'fixedIp'],
      [{ portId: 'port-1' }, 'portId'],
      [{ networkId: network, tag: 'x' }, 'tag'],
      [{ networkId: network, securityGroups: ['sg'] }, 'securityGroups'],
      [{ subnetId: 'subnet-1' }, 'subnetId'],
      [{ networkId: network, virtualNetworkId: 'vnet_1' }, 'networkId|virtualNetworkId'],
    ] as const;
    for (const [extra, path] of cases) {
      const error = await attachInterface(client, { serverId: vm, ...extra }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ provider: 'katapult', issues: [{ path }] });
    }
    await expect(
      detachInterface(client, { serverId: vm, interfaceId: 'vmnet_x', huaweiApi: 'v1' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(kat.requests).toEqual([]);
  });

  it('a missing NIC is a 404 ApiError on detach unless ifPresent; detaching a detached NIC too', async () => {
    const error = await detachInterface(client, {
      serverId: vm,
      interfaceId: 'vmnet_missing',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 'virtual_machine_network_interface_not_found',
    });
    await expect(
      detachInterface(client, { serverId: vm, interfaceId: 'vmnet_missing', ifPresent: true }),
    ).resolves.toMatchObject({ outcome: 'absent' });

    const nic = await attachInterface(client, { serverId: vm, networkId: network, ...FAST });
    await detachInterface(client, { serverId: vm, interfaceId: nic.id, ...FAST });
    await expect(
      detachInterface(client, { serverId: vm, interfaceId: nic.id, ...FAST }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      detachInterface(client, { serverId: vm, interfaceId: nic.id, ifPresent: true, ...FAST }),
    ).resolves.toMatchObject({ outcome: 'absent' });
    // A NIC of another VM is not this VM's.
    const other = kat.fixtures.networkInterfaces[0]!.id;
    await expect(getInterface(client, { serverId: vm, interfaceId: other })).rejects.toMatchObject({
      status: 404,
      code: 'InterfaceNotFound',
    });
  });

  it('a wait for active times out on a detached NIC with the last state', async () => {
    const nic = await attachInterface(client, { serverId: vm, networkId: network, ...FAST });
    await detachInterface(client, { serverId: vm, interfaceId: nic.id, ...FAST });
    let t = 0;
    const error = await waitForInterface(client, {
      serverId: vm,
      interfaceId: nic.id,
      until: 'active',
      timeoutMs: 300,
      initialDelayMs: 100,
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      reason: 'timeout',
      lastState: 'detached',
      rawState: 'detached',
      polls: 3,
    });
  });
});
