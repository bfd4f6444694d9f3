// Client overhead: round trips per second of each provider's signed, validated client against
// bare openapi-fetch and plain fetch making the same call (same path, body, request headers and
// answer), all on one loopback server with keep-alive. The call is each provider's attach, a POST with a JSON
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
import type { FetchLike } from '../../src/core/resilient-fetch.js';
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

function plainPost(
  url: string,
  body: unknown,
  wire: Record<string, string>,
): () => Promise<unknown> {
  const text = JSON.stringify(body);
  const headers = { ...wire, 'content-type': 'application/json' };
  return async () => {
    const res = await fetch(url, { method: 'POST', headers, body: text });
    if (!res.ok) throw new Error(`plain fetch failed: ${res.status}`);
    return res.json();
  };
}

/** A fetch for one probe call that records the request headers the client sends. */
function recordingFetch(sink: Headers[]): FetchLike {
  return (input, init) => {
    sink.push(new Headers(input.headers));
    return fetch(input, init);
  };
}

/**
 * The headers a cloud-nic client puts on the wire for one call (auth, signature, version, language;
 * not `content-type`, which openapi-fetch sets itself). Bare openapi-fetch gets the same ones as
 * static headers, so both sides send the same request and the loopback server, which runs in this
 * same thread, parses the same bytes: the ratio is then the client's own cost (validation, signing,
 * version selection, retries bookkeeping) rather than the server's cost of reading auth headers.
 */
async function wireHeaders(
  call: (fetch: FetchLike) => Promise<unknown>,
): Promise<Record<string, string>> {
  const seen: Headers[] = [];
  await call(recordingFetch(seen));
  // The last request is the call itself (token or version discovery may come first).
  const headers = Object.fromEntries(seen.at(-1) ?? []);
  delete headers['content-type'];
  return headers;
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
  const scpPath = '/v1/servers/{server_id}/interfaces' as const;
  const scpCall = { params: { path: { server_id: SERVER } }, body: scpBody };
  const makeScp = (fetch?: FetchLike) =>
    createScpClient({
      endpoint: base('scp'),
      accessKey: 'bench-access-key',
      secretKey: 'bench-secret-key',
      fetch,
    });
  const scp = makeScp();
  const scpHeaders = await wireHeaders(async (f) => ok(await makeScp(f).POST(scpPath, scpCall)));
  const scpBare = createClient<ScpPaths>({ baseUrl: base('scp'), headers: scpHeaders });

  const nicBody = { interfaceAttachment: { port_id: PORT } };
  const huaweiPath = '/v2.1/{project_id}/servers/{server_id}/os-interface' as const;
  const huaweiCall = {
    params: { path: { project_id: PROJECT, server_id: SERVER } },
    body: nicBody,
  };
  const makeHuawei = (fetch?: FetchLike) =>
    createHuaweiClient({
      endpoint: base('huawei'),
      accessKey: 'QTWAOYTTINDUT2QVKYUC',
      secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
      projectId: PROJECT,
      fetch,
    });
  const huawei = makeHuawei();
  const huaweiHeaders = await wireHeaders(async (f) =>
    ok(await makeHuawei(f).POST(huaweiPath, huaweiCall)),
  );
  const huaweiBare = createClient<HuaweiPaths>({ baseUrl: base('huawei'), headers: huaweiHeaders });
  const huaweiBareCall = {
    ...huaweiCall,
    // The spec declares the header the signer adds, so the typed call must name it.
    params: { ...huaweiCall.params, header: { 'X-Sdk-Date': huaweiHeaders['x-sdk-date']! } },
  };

  const openstackPath = '/servers/{server_id}/os-interface' as const;
  const openstackCall = { params: { path: { server_id: SERVER } }, body: nicBody };
  const makeOpenStack = (fetch?: FetchLike) =>
    createOpenStackClient({ endpoint: base('openstack'), token: 'bench-token', fetch });
  const openstack = makeOpenStack();
  const openstackHeaders = await wireHeaders(async (f) =>
    ok(await makeOpenStack(f).POST(openstackPath, openstackCall)),
  );
  const openstackBare = createClient<OpenStackPaths>({
    baseUrl: base('openstack'),
    headers: openstackHeaders,
  });

  const rackspacePath = '/servers/{server_id}/os-virtual-interfacesv2' as const;
  const rackspaceBody = {
    virtual_interface: { network_id: '1f7920d3-0e63-4fec-a1cb-f7916671e8eb' },
  };
  const rackspaceCall = { params: { path: { server_id: SERVER } }, body: rackspaceBody };
  const makeRackspace = (fetch?: FetchLike) =>
    createRackspaceClient({
      endpoint: base('rackspace'),
      identityUrl: base('rackspace'),
      username: 'bench',
      apiKey: 'bench-api-key',
      fetch,
    });
  const rackspace = makeRackspace();
  const rackspaceHeaders = await wireHeaders(async (f) =>
    ok(await makeRackspace(f).POST(rackspacePath, rackspaceCall)),
  );
  const rackspaceBare = createClient<RackspacePaths>({
    baseUrl: base('rackspace'),
    headers: rackspaceHeaders,
  });

  const katapultPath = '/virtual_machines/virtual_machine/network_interfaces' as const;
  const katapultCall = {
    body: {
      virtual_machine: { id: 'vm_abc123' },
      virtual_network: { id: 'vnet_abc123' },
      speed_profile: { permalink: '1gbps' },
    },
  };
  const makeKatapult = (fetch?: FetchLike) =>
    createKatapultClient({ endpoint: base('katapult'), token: 'bench-token', fetch });
  const katapult = makeKatapult();
  const katapultHeaders = await wireHeaders(async (f) =>
    ok(await makeKatapult(f).POST(katapultPath, katapultCall)),
  );
  const katapultBare = createClient<KatapultPaths>({
    baseUrl: base('katapult'),
    headers: katapultHeaders,
  });

  return [
    {
      provider: 'scp',
      operation: 'createServerInterface',
      client: async () => ok(await scp.POST(scpPath, scpCall)),
      bare: async () => ok(await scpBare.POST(scpPath, scpCall)),
      plain: plainPost(`${base('scp')}/v1/servers/${SERVER}/interfaces`, scpBody, scpHeaders),
    },
    {
      provider: 'huawei',
      operation: 'novaAttachServerInterface',
      client: async () => ok(await huawei.POST(huaweiPath, huaweiCall)),
      bare: async () => ok(await huaweiBare.POST(huaweiPath, huaweiBareCall)),
      plain: plainPost(
        `${base('huawei')}/v2.1/${PROJECT}/servers/${SERVER}/os-interface`,
        nicBody,
        huaweiHeaders,
      ),
    },
    {
      provider: 'openstack',
      operation: 'attachServerInterface',
      client: async () => ok(await openstack.POST(openstackPath, openstackCall)),
      bare: async () => ok(await openstackBare.POST(openstackPath, openstackCall)),
      plain: plainPost(
        `${base('openstack')}/servers/${SERVER}/os-interface`,
        nicBody,
        openstackHeaders,
      ),
    },
    {
      provider: 'rackspace',
      operation: 'createVirtualInterface',
      client: async () => ok(await rackspace.POST(rackspacePath, rackspaceCall)),
      bare: async () => ok(await rackspaceBare.POST(rackspacePath, rackspaceCall)),
      plain: plainPost(
        `${base('rackspace')}/servers/${SERVER}/os-virtual-interfacesv2`,
        rackspaceBody,
        rackspaceHeaders,
      ),
    },
    {
      provider: 'katapult',
      operation: 'createVirtualMachineNetworkInterface',
      client: async () => ok(await katapult.POST(katapultPath, katapultCall)),
      bare: async () => ok(await katapultBare.POST(katapultPath, katapultCall)),
      plain: plainPost(`${base('katapult')}${katapultPath}`, katapultCall.body, katapultHeaders),
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
        baseline: 'bare openapi-fetch, same call and headers',
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
