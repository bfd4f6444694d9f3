// Bounded load with faults, per provider: 1,000 attaches (one per distinct server and network)
// and their detaches through ONE typed client with 64 calls in flight, against one emulator that
// injects faults at fixed seeded probabilities:
//   - the attach POST: connection reset or an HTML 502 page AFTER the NIC was created (answer lost);
//   - every GET: 503 with `Retry-After: 0` before the operation runs;
//   - every request: 429 with `Retry-After: 0` before the operation runs.
// Then the emulator's state is the truth it is reconciled against: every NIC the client believes it
// created exists exactly once; the only other NICs are those of attaches that ended with a
// maybe-sent error, each found exactly once by listing through the client; no (server, network)
// has two NICs; the attach POST reached the API exactly once per attach. Every injected 429/503 was
// retried exactly once and nothing else was. After the detaches no NIC of the run is left.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startEmulator,
  type EmulatorHandle,
  type FaultRule,
  type HuaweiEmulatorOptions,
} from '../../src/emulators/index.js';
import type { ProviderKey } from '../../src/core/errors.js';
import type { RetryInfo } from '../../src/core/resilient-fetch.js';
import { createHuaweiClient, type HuaweiClient } from '../../src/providers/huawei.js';
import { createKatapultClient, type KatapultClient } from '../../src/providers/katapult.js';
import { createOpenStackClient, type OpenStackClient } from '../../src/providers/openstack.js';
import { createRackspaceClient, type RackspaceClient } from '../../src/providers/rackspace.js';
import { createScpClient, type ScpClient } from '../../src/providers/scp.js';
import {
  fixedClock,
  faultCounts,
  isMaybeSent,
  logOf,
  mapBounded,
  pollUntil,
  sleep,
} from '../helpers/e2e.js';
import { expectConformant } from '../helpers/response-conformance.js';

const SERVERS = 100;
const NETWORKS = 10;
const CONCURRENCY = 64;
const LOAD_ASYNC_DELAY_MS = 4;
const PROBABILITY = { lostAnswer: 0.02, html: 0.02, busy: 0.03, throttled: 0.03 } as const;
/** Retries allowed per call: with p = 0.03 per attempt, running out is a 1e-11 event. */
const CLIENT_RELIABILITY = { maxRetries: 6, baseDelayMs: 1, maxDelayMs: 50 } as const;

/** Deterministic, well-formed UUIDs for fixtures. */
const uuid = (kind: number, n: number) =>
  `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

interface Target {
  serverId: string;
  networkId: string;
}
/** A NIC of the run as the emulator's state holds it. */
interface StateNic extends Target {
  id: string;
}

/** What one provider needs for the run; the run itself is the same for all. */
interface LoadDriver<C> {
  provider: ProviderKey;
  /** The POST that creates a NIC (faults after it lose the answer of a call that happened). */
  attachOperation: string;
  start(faults: FaultRule[]): Promise<EmulatorHandle>;
  client(handle: EmulatorHandle, onRetry: (info: RetryInfo) => void): C;
  targets(handle: EmulatorHandle): Target[];
  /** Attaches through the typed client (waiting for jobs/tasks); resolves with the NIC's id. */
  attach(client: C, target: Target): Promise<string>;
  /** The NICs of a server on a network, listed through the typed client. */
  list(client: C, target: Target): Promise<string[]>;
  /** Detaches (and for Katapult deletes) a NIC; `attached` is false for a never-attached one. */
  detach(client: C, target: Target, nicId: string, attached: boolean): Promise<void>;
  /** Every NIC on the fixture servers, from the emulator's state, asynchronous work applied. */
  stateNics(handle: EmulatorHandle): StateNic[];
}

function faultRules(attachOperation: string): FaultRule[] {
  return [
    {
      operationId: attachOperation,
      kind: 'reset',
      when: 'after',
      probability: PROBABILITY.lostAnswer,
    },
    { operationId: attachOperation, kind: 'html', when: 'after', probability: PROBABILITY.html },
    {
      method: 'GET',
      kind: 'status',
      status: 503,
      when: 'before',
      probability: PROBABILITY.busy,
      retryAfter: 0,
    },
    {
      kind: 'status',
      status: 429,
      when: 'before',
      probability: PROBABILITY.throttled,
      retryAfter: 0,
    },
  ];
}

const grid = (servers: string[], networks: string[]): Target[] =>
  servers.flatMap((serverId) => networks.map((networkId) => ({ serverId, networkId })));

// ----- SCP -----

const scpDriver: LoadDriver<ScpClient> = {
  provider: 'scp',
  attachOperation: 'createServerInterface',
  start: (faults) =>
    startEmulator('scp', {
      seed: 'load-scp',
      now: fixedClock,
      asyncDelayMs: LOAD_ASYNC_DELAY_MS,
      faults,
      fixtures: {
        servers: Array.from({ length: SERVERS }, (_, n) => ({ id: uuid(1, n), name: `vm-${n}` })),
        subnets: Array.from({ length: NETWORKS }, (_, n) => ({
          id: (0xa0 + n).toString(16).padStart(32, '0'),
          name: `subnet-${n}`,
          cidr: `10.${n}.0.0/24`,
        })),
        ports: [],
      },
    }) as Promise<EmulatorHandle>,
  client: (handle, onRetry) => {
    const { credentials } = handle as unknown as {
      credentials: { accessKey: string; secretKey: string };
    };
    return createScpClient({
      endpoint: handle.url,
      ...credentials,
      now: fixedClock,
      onRetry,
      ...CLIENT_RELIABILITY,
    });
  },
  targets: (handle) => {
    const f = handle.fixtures as { servers: { id: string }[]; subnets: { id: string }[] };
    return grid(
      f.servers.map((s) => s.id),
      f.subnets.map((s) => s.id),
    );
  },
  async attach(client, t) {
    const { data } = await client.POST('/v1/servers/{server_id}/interfaces', {
      params: { path: { server_id: t.serverId } },
      body: { subnet_id: t.networkId },
    });
    // Wait until the port is ACTIVE, as a caller would before using it.
    await pollUntil(
      async () =>
        (
          await client.GET('/v1/servers/{server_id}/interfaces/{port_id}', {
            params: { path: { server_id: t.serverId, port_id: data!.port_id } },
          })
        ).data!,
      (view) => view.interfaces[0]?.port_state === 'ACTIVE',
      { intervalMs: LOAD_ASYNC_DELAY_MS },
    );
    return data!.port_id;
  },
  async list(client, t) {
    const { data } = await client.GET('/v1/servers/{server_id}/interfaces', {
      params: { path: { server_id: t.serverId } },
    });
    return data!.interfaces.filter((i) => i.subnet_id === t.networkId).map((i) => i.port_id);
  },
  async detach(client, t, id) {
    await client.DELETE('/v1/servers/{server_id}/interfaces/{port_id}', {
      params: { path: { server_id: t.serverId, port_id: id } },
    });
  },
  stateNics: (handle) => {
    const state = handle.state as {
      settle(): void;
      ports: Map<string, { id: string; serverId: string | null; subnetId: string }>;
    };
    state.settle();
    return [...state.ports.values()]
      .filter((p) => p.serverId !== null)
      .map((p) => ({ id: p.id, serverId: p.serverId!, networkId: p.subnetId }));
  },
};

// ----- Katapult -----

const KATAPULT_NICS = '/virtual_machines/virtual_machine/network_interfaces';
const KATAPULT_NIC = '/virtual_machine_network_interfaces/virtual_machine_network_interface';

async function katapultTask(client: KatapultClient, id: string): Promise<void> {
  await pollUntil(
    async () => (await client.GET('/tasks/task', { params: { query: { 'task[id]': id } } })).data!,
    (t) => t.task.status === 'completed',
    { intervalMs: LOAD_ASYNC_DELAY_MS, what: `task ${id}` },
  );
}

const katapultDriver: LoadDriver<KatapultClient> = {
  provider: 'katapult',
  attachOperation: 'createVirtualMachineNetworkInterface',
  start: (faults) =>
    startEmulator('katapult', {
      seed: 'load-katapult',
      now: fixedClock,
      asyncDelayMs: LOAD_ASYNC_DELAY_MS,
      rateLimitPerMinute: 10_000_000,
      faults,
      fixtures: {
        virtualMachines: Array.from({ length: SERVERS }, (_, n) => ({
          id: `vm_load${n}`,
          name: `load-${n}`,
          fqdn: `load-${n}.acme.example`,
        })),
        networks: Array.from({ length: NETWORKS }, (_, n) => ({
          id: `netw_load${n}`,
          name: `Network ${n}`,
          permalink: `load-${n}`,
        })),
        networkInterfaces: [],
      },
    }) as Promise<EmulatorHandle>,
  client: (handle, onRetry) =>
    createKatapultClient({
      endpoint: handle.url,
      token: (handle.credentials as { token: string }).token,
      now: fixedClock,
      onRetry,
      ...CLIENT_RELIABILITY,
    }),
  targets: (handle) => {
    const f = handle.fixtures as { virtualMachines: { id: string }[]; networks: { id: string }[] };
    return grid(
      f.virtualMachines.map((v) => v.id),
      f.networks.map((n) => n.id),
    );
  },
  async attach(client, t) {
    const { data } = await client.POST(KATAPULT_NICS, {
      body: {
        virtual_machine: { id: t.serverId },
        network: { id: t.networkId },
        speed_profile: { permalink: '1gbps' },
      },
    });
    const id = data!.virtual_machine_network_interface.id;
    const { data: attach } = await client.POST(`${KATAPULT_NIC}/attach`, {
      body: { virtual_machine_network_interface: { id } },
    });
    await katapultTask(client, attach!.task.id);
    return id;
  },
  async list(client, t) {
    const { data } = await client.GET(KATAPULT_NICS, {
      params: { query: { 'virtual_machine[id]': t.serverId, per_page: 100 } },
    });
    return data!.virtual_machine_network_interfaces
      .filter((n) => n.network?.id === t.networkId)
      .map((n) => n.id);
  },
  async detach(client, _t, id, attached) {
    if (attached) {
      const { data } = await client.POST(`${KATAPULT_NIC}/detach`, {
        body: { virtual_machine_network_interface: { id } },
      });
      await katapultTask(client, data!.task.id);
    }
    await client.DELETE(KATAPULT_NIC, { body: { virtual_machine_network_interface: { id } } });
  },
  stateNics: (handle) => {
    const state = handle.state as {
      settle(): void;
      networkInterfaces: Map<
        string,
        { id: string; virtualMachineId: string; networkId: string | null }
      >;
    };
    state.settle();
    return [...state.networkInterfaces.values()].map((n) => ({
      id: n.id,
      serverId: n.virtualMachineId,
      networkId: n.networkId ?? '',
    }));
  },
};

// ----- Huawei (native v1 batch calls, jobs polled) -----

const HUAWEI_PROJECT = '0123456789abcdef0123456789abcdef';

async function huaweiJob(client: HuaweiClient, jobId: string) {
  const { value } = await pollUntil(
    async () =>
      (
        await client.GET('/v1/{project_id}/jobs/{job_id}', {
          params: { path: { project_id: HUAWEI_PROJECT, job_id: jobId } },
        })
      ).data!,
    (job) => job.status === 'SUCCESS' || job.status === 'FAIL',
    { intervalMs: LOAD_ASYNC_DELAY_MS, what: `job ${jobId}` },
  );
  if (value.status !== 'SUCCESS') throw new Error(`job ${jobId} failed: ${value.fail_reason}`);
  return value;
}

const huaweiDriver: LoadDriver<HuaweiClient> = {
  provider: 'huawei',
  attachOperation: 'batchAddServerNics',
  start: (faults) => {
    const options: HuaweiEmulatorOptions = {
      seed: 'load-huawei',
      now: fixedClock,
      asyncDelayMs: LOAD_ASYNC_DELAY_MS,
      faults,
      fixtures: {
        projects: [HUAWEI_PROJECT, 'fedcba9876543210fedcba9876543210'],
        networks: Array.from({ length: NETWORKS }, (_, n) => ({
          id: uuid(2, n),
          projectId: HUAWEI_PROJECT,
          name: `subnet-${n}`,
          subnetId: uuid(3, n),
          cidr: `10.${n}.0.0/24`,
        })),
        securityGroups: [{ id: uuid(4, 0), projectId: HUAWEI_PROJECT, name: 'default' }],
        servers: Array.from({ length: SERVERS }, (_, n) => ({
          id: uuid(1, n),
          projectId: HUAWEI_PROJECT,
          name: `ecs-${n}`,
          maxNics: NETWORKS + 2,
        })),
        ports: [],
      },
    };
    return startEmulator('huawei', options) as Promise<EmulatorHandle>;
  },
  client: (handle, onRetry) => {
    const c = handle.credentials as { accessKey: string; secretKey: string; projectId: string };
    return createHuaweiClient({
      endpoint: handle.url,
      accessKey: c.accessKey,
      secretKey: c.secretKey,
      projectId: c.projectId,
      now: fixedClock,
      onRetry,
      ...CLIENT_RELIABILITY,
    });
  },
  targets: (handle) => {
    const f = handle.fixtures as { servers: { id: string }[]; networks: { id: string }[] };
    return grid(
      f.servers.map((s) => s.id),
      f.networks.map((n) => n.id),
    );
  },
  async attach(client, t) {
    const { data } = await client.POST('/v1/{project_id}/cloudservers/{server_id}/nics', {
      params: { path: { project_id: HUAWEI_PROJECT, server_id: t.serverId } },
      body: { nics: [{ subnet_id: t.networkId }] },
    });
    const job = await huaweiJob(client, data!.job_id);
    return job.entities!.sub_jobs![0]!.entities!.nic_id!;
  },
  async list(client, t) {
    const { data } = await client.GET('/v1/{project_id}/cloudservers/{server_id}/os-interface', {
      params: { path: { project_id: HUAWEI_PROJECT, server_id: t.serverId } },
    });
    return (data!.interfaceAttachments ?? [])
      .filter((n) => n.net_id === t.networkId)
      .map((n) => n.port_id!);
  },
  async detach(client, t, id) {
    const { data } = await client.POST('/v1/{project_id}/cloudservers/{server_id}/nics/delete', {
      params: { path: { project_id: HUAWEI_PROJECT, server_id: t.serverId } },
      body: { nics: [{ id }] },
    });
    await huaweiJob(client, data!.job_id);
  },
  stateNics: (handle) => {
    const state = handle.state as {
      settle(): void;
      ports: Map<string, { id: string; serverId: string | null; networkId: string }>;
    };
    state.settle();
    return [...state.ports.values()]
      .filter((p) => p.serverId !== null)
      .map((p) => ({ id: p.id, serverId: p.serverId!, networkId: p.networkId }));
  },
};

// ----- OpenStack -----

const OS_PROJECT = 'abcdefabcdefabcdefabcdefabcdef01';
const OS_PASSWORD = 'load-test-password';

const openstackDriver: LoadDriver<OpenStackClient> = {
  provider: 'openstack',
  attachOperation: 'attachServerInterface',
  start: (faults) =>
    startEmulator('openstack', {
      seed: 'load-openstack',
      now: fixedClock,
      asyncDelayMs: LOAD_ASYNC_DELAY_MS,
      faults,
      credentials: {
        projects: [{ id: OS_PROJECT, name: 'load', domainId: 'default' }],
        users: [
          {
            id: 'f'.repeat(32),
            name: 'loader',
            domainId: 'default',
            password: OS_PASSWORD,
            defaultProjectId: OS_PROJECT,
            roles: ['member', 'reader'],
          },
        ],
        applicationCredentials: [],
      },
      fixtures: {
        servers: Array.from({ length: SERVERS }, (_, n) => ({
          id: uuid(1, n),
          name: `vm-${n}`,
          projectId: OS_PROJECT,
          vmState: 'active',
          taskState: null,
          locked: false,
        })),
        networks: Array.from({ length: NETWORKS }, (_, n) => ({
          id: uuid(2, n),
          name: `net-${n}`,
          projectId: OS_PROJECT,
          subnetId: uuid(3, n),
          cidr: `10.${n}.0.0/24`,
        })),
        ports: [],
      },
    }) as Promise<EmulatorHandle>,
  client: (handle, onRetry) =>
    createOpenStackClient({
      authUrl: (handle as unknown as { authUrl: string }).authUrl,
      username: 'loader',
      userDomainName: 'Default',
      password: OS_PASSWORD,
      projectName: 'load',
      projectDomainName: 'Default',
      region: 'RegionOne',
      now: fixedClock,
      onRetry,
      ...CLIENT_RELIABILITY,
    }),
  targets: (handle) => {
    const f = handle.fixtures as { servers: { id: string }[]; networks: { id: string }[] };
    return grid(
      f.servers.map((s) => s.id),
      f.networks.map((n) => n.id),
    );
  },
  async attach(client, t) {
    const { data } = await client.POST('/servers/{server_id}/os-interface', {
      params: { path: { server_id: t.serverId } },
      body: { interfaceAttachment: { net_id: t.networkId } },
    });
    const portId = data!.interfaceAttachment.port_id;
    // The port answers DOWN first: wait until Neutron reports it ACTIVE.
    await pollUntil(
      async () =>
        (
          await client.GET('/servers/{server_id}/os-interface/{port_id}', {
            params: { path: { server_id: t.serverId, port_id: portId } },
          })
        ).data!,
      (view) => view.interfaceAttachment.port_state === 'ACTIVE',
      { intervalMs: LOAD_ASYNC_DELAY_MS },
    );
    return portId;
  },
  async list(client, t) {
    const { data } = await client.GET('/servers/{server_id}/os-interface', {
      params: { path: { server_id: t.serverId } },
    });
    return data!.interfaceAttachments.filter((a) => a.net_id === t.networkId).map((a) => a.port_id);
  },
  async detach(client, t, id) {
    await client.DELETE('/servers/{server_id}/os-interface/{port_id}', {
      params: { path: { server_id: t.serverId, port_id: id } },
    });
  },
  stateNics: (handle) => {
    const state = handle.state as {
      settle(): void;
      ports: Map<string, { id: string; serverId: string | null; networkId: string }>;
    };
    state.settle();
    return [...state.ports.values()]
      .filter((p) => p.serverId !== null)
      .map((p) => ({ id: p.id, serverId: p.serverId!, networkId: p.networkId }));
  },
};

// ----- Rackspace -----

const rackspaceDriver: LoadDriver<RackspaceClient> = {
  provider: 'rackspace',
  attachOperation: 'createVirtualInterface',
  start: (faults) =>
    startEmulator('rackspace', {
      seed: 'load-rackspace',
      now: fixedClock,
      asyncDelayMs: LOAD_ASYNC_DELAY_MS,
      rateLimits: { GET: 10_000_000, POST: 10_000_000, DELETE: 10_000_000 },
      faults,
      fixtures: {
        servers: Array.from({ length: SERVERS }, (_, n) => ({
          id: uuid(1, n),
          name: `vm-${n}`,
          status: 'ACTIVE' as const,
        })),
        networks: Array.from({ length: NETWORKS }, (_, n) => ({
          id: uuid(2, n),
          label: `isolated-${n}`,
          cidr: `10.${n}.0.0/24`,
        })),
        virtualInterfaces: [],
      },
    }) as Promise<EmulatorHandle>,
  client: (handle, onRetry) => {
    const { apiKey } = handle.credentials as { apiKey: { username: string; apiKey: string } };
    return createRackspaceClient({
      identityUrl: (handle as unknown as { identityUrl: string }).identityUrl,
      ...apiKey,
      region: 'dfw',
      now: fixedClock,
      onRetry,
      ...CLIENT_RELIABILITY,
    });
  },
  targets: (handle) => {
    const f = handle.fixtures as { servers: { id: string }[]; networks: { id: string }[] };
    return grid(
      f.servers.map((s) => s.id),
      f.networks.map((n) => n.id),
    );
  },
  async attach(client, t) {
    const { data } = await client.POST('/servers/{server_id}/os-virtual-interfacesv2', {
      params: { path: { server_id: t.serverId } },
      body: { virtual_interface: { network_id: t.networkId } },
    });
    const id = data!.virtual_interfaces[0]!.id;
    // Ready means listed on the server.
    await pollUntil(
      async () => await rackspaceDriver.list(client, t),
      (ids) => ids.includes(id),
      { intervalMs: LOAD_ASYNC_DELAY_MS },
    );
    return id;
  },
  async list(client, t) {
    const { data } = await client.GET('/servers/{server_id}/os-virtual-interfacesv2', {
      params: { path: { server_id: t.serverId } },
    });
    return data!.virtual_interfaces
      .filter((v) => v.ip_addresses.some((a) => a.network_id === t.networkId))
      .map((v) => v.id);
  },
  async detach(client, t, id) {
    await client.DELETE('/servers/{server_id}/os-virtual-interfacesv2/{interface_id}', {
      params: { path: { server_id: t.serverId, interface_id: id } },
    });
  },
  stateNics: (handle) => {
    const state = handle.state as {
      settle(): void;
      virtualInterfaces: Map<string, { id: string; serverId: string; networkId: string }>;
    };
    state.settle();
    return [...state.virtualInterfaces.values()].map((v) => ({
      id: v.id,
      serverId: v.serverId,
      networkId: v.networkId,
    }));
  },
};

// ----- the run -----

const key = (t: Target) => `${t.serverId} ${t.networkId}`;

interface RunReport {
  provider: ProviderKey;
  attaches: number;
  detaches: number;
  operations: number;
  requests: number;
  faults: Record<string, number>;
  retries: number;
  maybeSent: number;
  attachMs: number;
  detachMs: number;
}

async function runLoad<C>(driver: LoadDriver<C>, started: EmulatorHandle[]): Promise<RunReport> {
  const handle = await driver.start(faultRules(driver.attachOperation));
  started.push(handle);
  const retries: RetryInfo[] = [];
  const client = driver.client(handle, (info) => retries.push(info));
  const targets = driver.targets(handle);
  expect(targets).toHaveLength(SERVERS * NETWORKS);

  // Attach phase.
  const attachStarted = performance.now();
  const outcomes = await mapBounded(targets, CONCURRENCY, (t) => driver.attach(client, t));
  const attachMs = Math.round(performance.now() - attachStarted);
  const believed = new Map<string, Target>();
  const maybeSent: Target[] = [];
  const definite: unknown[] = [];
  outcomes.forEach((outcome, i) => {
    const target = targets[i]!;
    if (outcome.status === 'fulfilled') believed.set(outcome.value, target);
    else if (isMaybeSent(outcome.reason)) maybeSent.push(target);
    else definite.push(outcome.reason);
  });
  expect(definite).toEqual([]);
  expect(believed.size + maybeSent.length).toBe(targets.length);

  // Reconcile against the emulator's state once asynchronous work is done.
  await sleep(LOAD_ASYNC_DELAY_MS * 4);
  const nics = driver.stateNics(handle);
  const byTarget = new Map<string, StateNic[]>();
  for (const nic of nics) byTarget.set(key(nic), [...(byTarget.get(key(nic)) ?? []), nic]);
  // No (server, network) holds two NICs: no attach was ever sent twice.
  expect([...byTarget.values()].filter((group) => group.length > 1)).toEqual([]);
  // Every NIC the client believes it created exists exactly once, where it was asked for.
  const byId = new Map<string, StateNic[]>();
  for (const nic of nics) byId.set(nic.id, [...(byId.get(nic.id) ?? []), nic]);
  const misplaced = [...believed].filter(
    ([id, target]) => byId.get(id)?.length !== 1 || key(byId.get(id)![0]!) !== key(target),
  );
  expect(misplaced).toEqual([]);
  // The only other NICs are those of maybe-sent attaches: one each, found by listing.
  const unaccounted = nics.filter((n) => !believed.has(n.id));
  expect(unaccounted.map(key).sort()).toEqual(maybeSent.map(key).sort());
  const listed = await mapBounded(maybeSent, CONCURRENCY, (t) => driver.list(client, t));
  const recovered = new Map<string, Target>();
  listed.forEach((outcome, i) => {
    expect(outcome.status).toBe('fulfilled');
    const ids = (outcome as PromiseFulfilledResult<string[]>).value;
    expect(ids).toHaveLength(1);
    recovered.set(ids[0]!, maybeSent[i]!);
  });
  // The attach POST reached the API once per attach (throttled attempts never ran).
  const attachPosts = logOf(handle, driver.attachOperation, 'POST');
  expect(attachPosts.filter((r) => r.fault !== 'status')).toHaveLength(targets.length);

  // Detach phase: everything the run created, recovered NICs included.
  const toDetach = [
    ...[...believed].map(([id, t]) => ({ id, t, attached: true })),
    ...[...recovered].map(([id, t]) => ({ id, t, attached: false })),
  ];
  const detachStarted = performance.now();
  const detached = await mapBounded(toDetach, CONCURRENCY, (d) =>
    driver.detach(client, d.t, d.id, d.attached),
  );
  const detachMs = Math.round(performance.now() - detachStarted);
  expect(detached.filter((d) => d.status === 'rejected')).toEqual([]);
  await pollUntil(
    async () => driver.stateNics(handle),
    (left) => left.length === 0,
    { timeoutMs: 5_000, what: 'every NIC of the run to be gone' },
  );

  // Faults: each kind was injected; every 429/503 was retried once, nothing else was.
  const faults = faultCounts(handle) as Record<string, number>;
  const byStatus = (status: number) =>
    handle.requests.filter((r) => r.fault === 'status' && r.status === status).length;
  const lostAnswers = attachPosts.filter((r) => r.fault === 'reset' || r.fault === 'html').length;
  expect(byStatus(429)).toBeGreaterThan(0);
  expect(byStatus(503)).toBeGreaterThan(0);
  expect(faults.reset ?? 0).toBeGreaterThan(0);
  expect(faults.html ?? 0).toBeGreaterThan(0);
  expect(retries).toHaveLength(faults.status ?? 0);
  expect(
    retries.every((r) => r.reason === 'status' && (r.status === 429 || r.status === 503)),
  ).toBe(true);
  expect(maybeSent).toHaveLength(lostAnswers);
  expectConformant(handle);

  return {
    provider: driver.provider,
    attaches: targets.length,
    detaches: toDetach.length,
    operations: targets.length + toDetach.length,
    requests: handle.requests.length,
    faults,
    retries: retries.length,
    maybeSent: maybeSent.length,
    attachMs,
    detachMs,
  };
}

function print(report: RunReport): void {
  const faults = Object.entries(report.faults)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  console.log(
    `[load] ${report.provider.padEnd(9)} operations ${report.operations} (attach ${report.attaches}, detach ${report.detaches}), ` +
      `requests ${report.requests}, faults injected ${faults}, retries ${report.retries}, ` +
      `maybe-sent ${report.maybeSent}, attach ${report.attachMs} ms, detach ${report.detachMs} ms`,
  );
}

describe(`bounded load with faults: ${SERVERS * NETWORKS} attaches per provider, ${CONCURRENCY} in flight`, () => {
  const started: EmulatorHandle[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((h) => h.close()));
  });

  const drivers = [scpDriver, huaweiDriver, openstackDriver, rackspaceDriver, katapultDriver];
  for (const driver of drivers as LoadDriver<unknown>[]) {
    it(`${driver.provider}: no duplicate, no lost NIC, every maybe-sent attach reconciled`, async () => {
      const report = await runLoad(driver, started);
      print(report);
      expect(report.operations).toBeGreaterThanOrEqual(2 * SERVERS * NETWORKS);
      expect(report.maybeSent).toBeGreaterThan(0);
    }, 120_000);
  }
});
