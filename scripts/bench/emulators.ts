// Emulator throughput: attach and detach operations per second against each provider's emulator
// (`startEmulator`, transitions set to 0 ms), made through the typed cloud-nic clients, so each
// operation is a signed or token-authenticated, validated round trip that the emulator verifies,
// routes, validates against the spec and answers with state changes. Baseline: plain fetch round
// trips per second on the canned loopback server (the cost of HTTP alone on this machine).
import { availableEmulators, startEmulator } from '../../src/emulators/index.js';
import type { ProviderKey } from '../../src/core/errors.js';
import { createHuaweiClient } from '../../src/providers/huawei.js';
import { createKatapultClient } from '../../src/providers/katapult.js';
import {
  createOpenStackClient,
  type OpenStackClientOptions,
} from '../../src/providers/openstack.js';
import {
  createRackspaceClient,
  type RackspaceClientOptions,
} from '../../src/providers/rackspace.js';
import { createScpClient } from '../../src/providers/scp.js';
import { startCannedServer } from './canned-server.js';
import type { BenchRow } from './report.js';
import { interleavedThroughput, throughput, type BenchProfile } from './stats.js';

type CallResult = { error?: unknown; response: Response; data?: unknown };

/** Lets the emulator's 0 ms transitions (timers) run. */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Repeats a call while the emulator reports a transition still running (409/406/422 with
 * asyncDelayMs 0 last one timer tick); any other failure stops the bench.
 */
async function settle<T extends CallResult>(call: () => Promise<T>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const result = await call();
    if (result.response.ok) return result;
    if (![406, 409, 422].includes(result.response.status)) {
      throw new Error(`${what}: ${result.response.status} ${JSON.stringify(result.error)}`);
    }
    await tick();
  }
  throw new Error(`${what}: still refused after 200 attempts`);
}

/** One attach + detach cycle per call (two operations), per provider. */
async function cycleFor(
  provider: ProviderKey,
): Promise<{ cycle: () => Promise<void>; close: () => Promise<void> } | undefined> {
  const common = { seed: 'bench', asyncDelayMs: 0 };
  const reliability = { throwOnError: false, maxRetries: 0 } as const;
  if (provider === 'scp') {
    const emu = await startEmulator('scp', common);
    const client = createScpClient({ endpoint: emu.url, ...emu.credentials, ...reliability });
    const server = emu.fixtures.servers[1]!.id;
    const subnet = emu.fixtures.subnets[0]!.id;
    return {
      cycle: async () => {
        const created = await settle(
          () =>
            client.POST('/v1/servers/{server_id}/interfaces', {
              params: { path: { server_id: server } },
              body: { subnet_id: subnet },
            }),
          'scp attach',
        );
        const port = (created.data as { port_id: string }).port_id;
        await settle(
          () =>
            client.DELETE('/v1/servers/{server_id}/interfaces/{port_id}', {
              params: { path: { server_id: server, port_id: port } },
            }),
          'scp detach',
        );
      },
      close: () => emu.close(),
    };
  }
  if (provider === 'huawei') {
    const emu = await startEmulator('huawei', common);
    const { accessKey, secretKey, projectId } = emu.credentials;
    const client = createHuaweiClient({
      endpoint: emu.url,
      accessKey,
      secretKey,
      projectId,
      ...reliability,
    });
    const server = emu.fixtures.servers.find((s) => s.projectId === projectId && !s.locked)!.id;
    const network = emu.fixtures.networks.find((n) => n.projectId === projectId)!.id;
    const path = { project_id: projectId, server_id: server };
    return {
      cycle: async () => {
        const attached = await settle(
          () =>
            client.POST('/v2.1/{project_id}/servers/{server_id}/os-interface', {
              params: { path },
              body: { interfaceAttachment: { net_id: network } },
            }),
          'huawei attach',
        );
        const port = (attached.data as { interfaceAttachment: { port_id: string } })
          .interfaceAttachment.port_id;
        await settle(
          () =>
            client.DELETE('/v2.1/{project_id}/servers/{server_id}/os-interface/{port_id}', {
              params: { path: { ...path, port_id: port } },
            }),
          'huawei detach',
        );
      },
      close: () => emu.close(),
    };
  }
  if (provider === 'openstack') {
    const emu = await startEmulator('openstack', common);
    const client = createOpenStackClient({
      authUrl: emu.authUrl,
      ...emu.credentials.password,
      region: 'RegionOne',
      ...reliability,
    } as OpenStackClientOptions);
    const server = emu.fixtures.servers[1]!.id;
    const network = emu.fixtures.networks[0]!.id;
    return {
      cycle: async () => {
        const attached = await settle(
          () =>
            client.POST('/servers/{server_id}/os-interface', {
              params: { path: { server_id: server } },
              body: { interfaceAttachment: { net_id: network } },
            }),
          'openstack attach',
        );
        const port = (attached.data as { interfaceAttachment: { port_id: string } })
          .interfaceAttachment.port_id;
        await settle(
          () =>
            client.DELETE('/servers/{server_id}/os-interface/{port_id}', {
              params: { path: { server_id: server, port_id: port } },
            }),
          'openstack detach',
        );
      },
      close: () => emu.close(),
    };
  }
  if (provider === 'rackspace') {
    const emu = await startEmulator('rackspace', {
      ...common,
      rateLimits: { GET: 1e9, POST: 1e9 },
    });
    const client = createRackspaceClient({
      identityUrl: emu.identityUrl,
      ...emu.credentials.apiKey,
      region: 'dfw',
      ...reliability,
    } as RackspaceClientOptions);
    const server = emu.fixtures.servers[1]!.id;
    const network = emu.fixtures.networks[2]!.id;
    return {
      cycle: async () => {
        const created = await settle(
          () =>
            client.POST('/servers/{server_id}/os-virtual-interfacesv2', {
              params: { path: { server_id: server } },
              body: { virtual_interface: { network_id: network } },
            }),
          'rackspace attach',
        );
        const vif = (created.data as { virtual_interfaces: { id: string }[] })
          .virtual_interfaces[0]!.id;
        await settle(
          () =>
            client.DELETE('/servers/{server_id}/os-virtual-interfacesv2/{interface_id}', {
              params: { path: { server_id: server, interface_id: vif } },
            }),
          'rackspace detach',
        );
      },
      close: () => emu.close(),
    };
  }
  if (provider === 'katapult') {
    const emu = await startEmulator('katapult', { ...common, rateLimitPerMinute: 1e9 });
    const client = createKatapultClient({
      endpoint: emu.url,
      token: emu.credentials.token,
      ...reliability,
    });
    const vm = emu.fixtures.virtualMachines[1]!.id;
    const created = await settle(
      () =>
        client.POST('/virtual_machines/virtual_machine/network_interfaces', {
          body: {
            virtual_machine: { id: vm },
            virtual_network: { id: emu.fixtures.virtualNetworks[0]!.id },
            speed_profile: { permalink: emu.fixtures.speedProfiles[0]!.permalink },
          },
        }),
      'katapult create',
    );
    const nic = (created.data as { virtual_machine_network_interface: { id: string } })
      .virtual_machine_network_interface.id;
    const body = { virtual_machine_network_interface: { id: nic } };
    const base = '/virtual_machine_network_interfaces/virtual_machine_network_interface' as const;
    return {
      cycle: async () => {
        await settle(() => client.POST(`${base}/attach`, { body }), 'katapult attach');
        await settle(() => client.POST(`${base}/detach`, { body }), 'katapult detach');
      },
      close: () => emu.close(),
    };
  }
  return undefined;
}

async function plainFetchBaseline(profile: BenchProfile): Promise<number> {
  const server = await startCannedServer();
  try {
    const url = `${server.base('scp')}/v1/servers/x/interfaces`;
    const body = JSON.stringify({ subnet_id: 'x' });
    const { opsPerSec } = await throughput(
      async () => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        await res.text();
      },
      profile,
      { batch: 20 },
    );
    return opsPerSec;
  } finally {
    await server.close();
  }
}

export async function benchEmulators(
  profile: BenchProfile,
  plainFetchRoundTrips?: number,
): Promise<{ rows: BenchRow[]; skipped: string[] }> {
  const baseline = plainFetchRoundTrips ?? (await plainFetchBaseline(profile));
  const rows: BenchRow[] = [];
  const skipped: string[] = [];
  const available = new Set(availableEmulators());
  for (const provider of ['scp', 'huawei', 'openstack', 'rackspace', 'katapult'] as const) {
    const setup = available.has(provider) ? await cycleFor(provider) : undefined;
    if (!setup) {
      skipped.push(provider);
      continue;
    }
    try {
      await setup.cycle();
      const { cycles } = await interleavedThroughput({ cycles: setup.cycle }, profile, {
        batch: 10,
      });
      const opsPerSec = cycles! * 2;
      rows.push({
        section: 'emulator',
        subject: `${provider} emulator`,
        value: opsPerSec,
        baselineValue: baseline,
        unit: 'ops/s',
        baseline: 'plain fetch round trips on the canned server',
        ratio: opsPerSec / baseline,
        goal: null,
        met: null,
      });
    } finally {
      await setup.close();
    }
  }
  return { rows, skipped };
}
