// Client overhead: round trips per second of each provider's signed, validated client against
// bare openapi-fetch and plain fetch making the same call (same path, body and answer), all on
// one loopback server with keep-alive. The call is each provider's attach, a POST with a JSON
// body: it goes through body validation, signing (SCP, Huawei) or token handling, and the
// resilient fetch, which is the whole per-call cost of a cloud-nic client.
import createClient from 'openapi-fetch';
import type { paths as HuaweiPaths } from '../../generated/huawei.js';
import type { paths as KatapultPaths } from '../../generated/katapult.js';
import type { paths as OpenStackPaths } from '../../generated/openstack.js';
import type { paths as RackspacePaths } from '../../generated/rackspace.js';
import type { paths as ScpPaths } from '../../generated/scp.js';
import { builtModule } from './built.js';
import { startCannedServer } from './canned-server.js';
import type { BenchRow } from './report.js';
import { interleavedRounds, median, medianRatio, type BenchProfile } from './stats.js';

const SERVER = '6b6a4a4b-2f4e-4c3a-8e2b-6a5f2a0e8b11';
const PROJECT = '77b6a44cba5143ab91d13ab9a8ff44fd';
const PORT = 'ce531f90-199f-48c0-816c-13e38010b442';

/** One provider's call three ways. Each function performs one round trip and reads the answer. */
interface Contender {
  provider: string;
  operation: string;
  client: () => Promise<unknown>;
  bare: () => Promise<unknown>;
  plain: () => Promise<unknown>;
}

/** Fails loudly if a call did not get its canned success (a broken bench must not look fast). */
function ok<T extends { error?: unknown; response: Response }>(result: T): T {
  if (!result.response.ok || result.error !== undefined) {
    throw new Error(`call failed: ${result.response.status} ${JSON.stringify(result.error)}`);
  }
  return result;
}

function plainPost(url: string, body: unknown): () => Promise<unknown> {
  const text = JSON.stringify(body);
  return async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    if (!res.ok) throw new Error(`plain fetch failed: ${res.status}`);
    return res.json();
  };
}

async function contenders(base: (provider: string) => string): Promise<Contender[]> {
  // The compiled package (dist/), as users run it: not the TypeScript sources through tsx.
  const { createScpClient } = await builtModule<typeof import('../../src/scp.js')>('scp');
  const { createHuaweiClient } = await builtModule<typeof import('../../src/huawei.js')>('huawei');
  const { createOpenStackClient } =
    await builtModule<typeof import('../../src/openstack.js')>('openstack');
  const { createRackspaceClient } =
    await builtModule<typeof import('../../src/rackspace.js')>('rackspace');
  const { createKatapultClient } =
    await builtModule<typeof import('../../src/katapult.js')>('katapult');
  const scpBody = { subnet_id: '78b2ee3f074145c580ab6abac4821f97' };
  const scp = createScpClient({
    endpoint: base('scp'),
    accessKey: 'bench-access-key',
    secretKey: 'bench-secret-key',
  });
  const scpBare = createClient<ScpPaths>({ baseUrl: base('scp') });
  const scpPath = { params: { path: { server_id: SERVER } }, body: scpBody };

  const nicBody = { interfaceAttachment: { port_id: PORT } };
  const huawei = createHuaweiClient({
    endpoint: base('huawei'),
    accessKey: 'QTWAOYTTINDUT2QVKYUC',
    secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
    projectId: PROJECT,
  });
  const huaweiBare = createClient<HuaweiPaths>({ baseUrl: base('huawei') });
  const huaweiCall = {
    params: { path: { project_id: PROJECT, server_id: SERVER } },
    body: nicBody,
  };

  const openstack = createOpenStackClient({ endpoint: base('openstack'), token: 'bench-token' });
  const openstackBare = createClient<OpenStackPaths>({ baseUrl: base('openstack') });
  const openstackCall = { params: { path: { server_id: SERVER } }, body: nicBody };

  const rackspaceBody = {
    virtual_interface: { network_id: '1f7920d3-0e63-4fec-a1cb-f7916671e8eb' },
  };
  const rackspace = createRackspaceClient({
    endpoint: base('rackspace'),
    identityUrl: base('rackspace'),
    username: 'bench',
    apiKey: 'bench-api-key',
  });
  const rackspaceBare = createClient<RackspacePaths>({ baseUrl: base('rackspace') });
  const rackspaceCall = { params: { path: { server_id: SERVER } }, body: rackspaceBody };

  const katapultBody = {
    virtual_machine: { id: 'vm_abc123' },
    virtual_network: { id: 'vnet_abc123' },
    speed_profile: { permalink: '1gbps' },
  };
  const katapult = createKatapultClient({ endpoint: base('katapult'), token: 'bench-token' });
  const katapultBare = createClient<KatapultPaths>({ baseUrl: base('katapult') });
  const katapultPath = '/virtual_machines/virtual_machine/network_interfaces' as const;

  return [
    {
      provider: 'scp',
      operation: 'createServerInterface',
      client: async () => ok(await scp.POST('/v1/servers/{server_id}/interfaces', scpPath)),
      bare: async () => ok(await scpBare.POST('/v1/servers/{server_id}/interfaces', scpPath)),
      plain: plainPost(`${base('scp')}/v1/servers/${SERVER}/interfaces`, scpBody),
    },
    {
      provider: 'huawei',
      operation: 'novaAttachServerInterface',
      client: async () =>
        ok(await huawei.POST('/v2.1/{project_id}/servers/{server_id}/os-interface', huaweiCall)),
      bare: async () =>
        ok(
          await huaweiBare.POST('/v2.1/{project_id}/servers/{server_id}/os-interface', {
            ...huaweiCall,
            // The spec declares the header the signer adds; bare openapi-fetch must pass it.
            params: { ...huaweiCall.params, header: { 'X-Sdk-Date': '20261120T083000Z' } },
          }),
        ),
      plain: plainPost(`${base('huawei')}/v2.1/${PROJECT}/servers/${SERVER}/os-interface`, nicBody),
    },
    {
      provider: 'openstack',
      operation: 'attachServerInterface',
      client: async () =>
        ok(await openstack.POST('/servers/{server_id}/os-interface', openstackCall)),
      bare: async () =>
        ok(await openstackBare.POST('/servers/{server_id}/os-interface', openstackCall)),
      plain: plainPost(`${base('openstack')}/servers/${SERVER}/os-interface`, nicBody),
    },
    {
      provider: 'rackspace',
      operation: 'createVirtualInterface',
      client: async () =>
        ok(await rackspace.POST('/servers/{server_id}/os-virtual-interfacesv2', rackspaceCall)),
      bare: async () =>
        ok(await rackspaceBare.POST('/servers/{server_id}/os-virtual-interfacesv2', rackspaceCall)),
      plain: plainPost(
        `${base('rackspace')}/servers/${SERVER}/os-virtual-interfacesv2`,
        rackspaceBody,
      ),
    },
    {
      provider: 'katapult',
      operation: 'createVirtualMachineNetworkInterface',
      client: async () => ok(await katapult.POST(katapultPath, { body: katapultBody })),
      bare: async () => ok(await katapultBare.POST(katapultPath, { body: katapultBody })),
      plain: plainPost(`${base('katapult')}${katapultPath}`, katapultBody),
    },
  ];
}

export async function benchClients(
  profile: BenchProfile,
): Promise<{ rows: BenchRow[]; plainFetchRoundTrips: number }> {
  const server = await startCannedServer();
  const rows: BenchRow[] = [];
  const plainRates: number[] = [];
  try {
    for (const c of await contenders(server.base)) {
      // One call each first: a wrong canned answer or a client error stops the bench here.
      await c.client();
      await c.bare();
      await c.plain();
      const rounds = await interleavedRounds(
        { client: c.client, bare: c.bare, plain: c.plain },
        profile,
        { batch: 20 },
      );
      const client = median(rounds.client!);
      const plain = median(rounds.plain!);
      const ratio = medianRatio(rounds.client!, rounds.bare!);
      plainRates.push(plain);
      rows.push({
        section: 'client',
        unit: 'round trips/s',
        subject: `${c.provider} client (${c.operation})`,
        value: client,
        baselineValue: median(rounds.bare!),
        baseline: 'bare openapi-fetch, same call',
        ratio,
        goal: '>= 0.9x bare openapi-fetch',
        met: ratio >= 0.9,
        note: `plain fetch on the same server: ${Math.round(plain)} round trips/s (client ${medianRatio(rounds.client!, rounds.plain!).toFixed(2)}x of it)`,
      });
    }
  } finally {
    await server.close();
  }
  plainRates.sort((a, b) => a - b);
  return { rows, plainFetchRoundTrips: plainRates[plainRates.length >> 1]! };
}
