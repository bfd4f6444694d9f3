// The NIC API over the Huawei client against the Huawei emulator (real HTTP): the native v1 batch
// API with job polling (default), the Nova-compatible v2.1 flow, job failures, lost answers.
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
import { createHuaweiClient, type HuaweiClient } from '../../src/providers/huawei.js';

const FAST = { initialDelayMs: 10, maxDelayMs: 40, timeoutMs: 5_000 };

describe('NIC API on Huawei (emulator)', () => {
  let hw: EmulatorHandleFor<'huawei'>;
  let client: HuaweiClient;
  let server: string;
  let network: string;
  let primaryPort: string;

  beforeAll(async () => {
    hw = await startEmulator('huawei', { seed: 'nic-huawei', asyncDelayMs: 30 });
    const { accessKey, secretKey, projectId } = hw.credentials;
    client = createHuaweiClient({
      accessKey,
      secretKey,
      projectId,
      endpoint: hw.url,
      maxRetries: 0,
    });
    server = hw.fixtures.servers[0]!.id; // web-1: only its primary NIC
    network = hw.fixtures.networks[1]!.id; // subnet-db
    primaryPort = hw.fixtures.ports.find((p) => p.serverId === server && p.primary)!.id;
  });
  afterEach(() => {
    expect(hw.conformanceViolations).toEqual([]);
    hw.reset();
  });
  afterAll(async () => {
    await hw.close();
  });

  const onNetwork = () => hw.state.interfacesOf(server).filter((p) => p.networkId === network);

  it('v1: batch add, job, NIC found in the list, wait until ACTIVE; batch delete and its job', async () => {
    const states: (string | null)[] = [];
    const nic = await attachInterface(client, {
      serverId: server,
      networkId: network,
      fixedIp: '10.0.1.40',
      securityGroups: [hw.fixtures.securityGroups[1]!.id],
      ...FAST,
      onProgress: (p) => states.push(p.state),
    });
    expect(nic).toMatchObject({
      provider: 'huawei',
      serverId: server,
      networkId: network,
      subnetId: hw.fixtures.networks[1]!.subnetId,
      ipAddresses: ['10.0.1.40'],
      state: 'active',
      rawState: 'ACTIVE',
    });
    // The job was polled to SUCCESS, then the NIC (DOWN at first) until ACTIVE.
    expect(states).toContain('SUCCESS');
    expect(hw.requests.map((r) => r.operationId)).toContain('showJob');
    expect(hw.state.ports.get(nic.id)!.securityGroupIds).toEqual([
      hw.fixtures.securityGroups[1]!.id,
    ]);

    const listed = await listInterfaces(client, { serverId: server });
    expect(listed.map((i) => i.id)).toEqual([primaryPort, nic.id]);
    expect(await getInterface(client, { serverId: server, interfaceId: nic.id })).toEqual(nic);

    const result = await detachInterface(client, {
      serverId: server,
      interfaceId: nic.id,
      ...FAST,
    });
    expect(result).toMatchObject({ outcome: 'detached', deleted: false });
    expect(onNetwork()).toHaveLength(0);
    await expect(
      waitForInterface(client, { serverId: server, interfaceId: nic.id, until: 'gone', ...FAST }),
    ).resolves.toMatchObject({ reason: 'reached', interface: null });
  });

  it('nova: v2.1 attach (DOWN, then polled to ACTIVE), show, list and detach', async () => {
    const nic = await attachInterface(client, {
      serverId: server,
      networkId: network,
      huaweiApi: 'nova',
      ...FAST,
    });
    expect(nic.state).toBe('active');
    expect(hw.requests.map((r) => r.operationId)).toEqual(
      expect.arrayContaining(['novaAttachServerInterface', 'novaShowServerInterface']),
    );
    const shown = await getInterface(client, {
      serverId: server,
      interfaceId: nic.id,
      huaweiApi: 'nova',
    });
    expect(shown.raw).not.toHaveProperty('pci_address');
    expect(
      (await listInterfaces(client, { serverId: server, huaweiApi: 'nova' })).map((i) => i.id),
    ).toContain(nic.id);
    const result = await detachInterface(client, {
      serverId: server,
      interfaceId: nic.id,
      huaweiApi: 'nova',
      wait: true,
      ...FAST,
    });
    expect(result.outcome).toBe('detached');
    expect(onNetwork()).toHaveLength(0);
  });

  it('a job FAIL surfaces as a WaitError with fail_reason and error_code', async () => {
    const error = await attachInterface(client, {
      serverId: server,
      networkId: network,
      fixedIp: '192.168.0.99', // not in the subnet
      ...FAST,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitError);
    expect(error).toMatchObject({
      kind: 'wait',
      reason: 'failed',
      lastState: 'FAIL',
      provider: 'huawei',
      providerCode: 'Ecs.0000',
    });
    expect((error as WaitError).providerReason).toMatch(/192\.168\.0\.99 is not in subnet/);
    expect((error as WaitError).jobId).toBeTruthy();
    expect((error as Error).message).toMatch(/failed: Ecs\.0000: 192\.168\.0\.99/);
    expect(onNetwork()).toHaveLength(0);
  });

  it('ifAbsent returns the NIC already on the network', async () => {
    const first = await attachInterface(client, { serverId: server, networkId: network, ...FAST });
    const again = await attachInterface(client, {
      serverId: server,
      networkId: network,
      ifAbsent: true,
      ...FAST,
    });
    expect(again.id).toBe(first.id);
    expect(onNetwork()).toHaveLength(1);
  });

  for (const kind of ['reset', 'truncate', 'html'] as const) {
    it(`ifAbsent waits out the job of a lost batch-add answer (${kind}): one NIC`, async () => {
      hw.setFaults([{ operationId: 'batchAddServerNics', kind, when: 'after' }]);
      const nic = await attachInterface(client, {
        serverId: server,
        networkId: network,
        ifAbsent: true,
        ...FAST,
      });
      expect(hw.requests.some((r) => r.fault === kind)).toBe(true);
      expect(onNetwork()).toHaveLength(1);
      expect(onNetwork()[0]!.id).toBe(nic.id);
      expect(nic.state).toBe('active');
    });
  }

  it('ifAbsent with the nova API reconciles a lost attach answer too', async () => {
    hw.setFaults([{ operationId: 'novaAttachServerInterface', kind: 'reset', when: 'after' }]);
    const nic = await attachInterface(client, {
      serverId: server,
      networkId: network,
      huaweiApi: 'nova',
      ifAbsent: true,
      ...FAST,
    });
    expect(onNetwork().map((p) => p.id)).toEqual([nic.id]);
  });

  it('refuses inputs Huawei cannot take before anything is sent', async () => {
    const cases = [
      [{ subnetId: 'x' }, 'subnetId'],
      [{ networkId: network, tag: 'web' }, 'tag'],
      [{ networkId: network, speedProfile: '1gbps' }, 'speedProfile'],
      [{ networkId: network, huaweiApi: 'nova', securityGroups: ['sg'] }, 'securityGroups'],
      [{ portId: primaryPort, securityGroups: ['sg'] }, 'securityGroups'],
      [{ networkId: network, huaweiApi: 'v3' }, 'huaweiApi'],
    ] as const;
    for (const [extra, path] of cases) {
      const error = await attachInterface(client, {
        serverId: server,
        ...(extra as object),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ provider: 'huawei', issues: [{ path }] });
    }
    expect(hw.requests).toEqual([]);
  });

  it('detach: not attached is a 404 ApiError unless ifPresent; the primary NIC is refused', async () => {
    const missing = '5f0c6a3e-0000-4000-8000-000000000001';
    const error = await detachInterface(client, { serverId: server, interfaceId: missing }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'InterfaceNotFound' });
    await expect(
      detachInterface(client, { serverId: server, interfaceId: missing, ifPresent: true }),
    ).resolves.toMatchObject({ outcome: 'absent' });
    await expect(
      detachInterface(client, { serverId: server, interfaceId: primaryPort, ...FAST }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('a wait for gone on an attached NIC times out with the last state', async () => {
    let t = 0;
    const error = await waitForInterface(client, {
      serverId: server,
      interfaceId: primaryPort,
      until: 'gone',
      timeoutMs: 50,
      initialDelayMs: 20,
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'timeout', lastState: 'active', timeoutMs: 50 });
  });
});
