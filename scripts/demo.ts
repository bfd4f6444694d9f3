// `npm run demo`: the whole NIC lifecycle on all five providers, offline. Starts the five emulators
// on 127.0.0.1 (free ports), then for each provider runs attach -> wait until active -> list ->
// detach (waiting until it has left the server) through the typed client and the NIC API, and
// prints a summary table. Exits 1 when any step fails, printing the typed error's one-line message.
//
//   npm run demo
//   npm run demo -- --delay=1000          emulated asynchronous work takes 1 s instead of 300 ms
//   npm run demo -- --bad-secret=huawei   that provider's client gets a wrong secret: its row fails
//                                         with the typed AuthError and the demo exits 1
import { performance } from 'node:perf_hooks';
import { isCloudNicError, type ProviderKey } from '../src/core/errors.js';
import { startEmulators, type EmulatorSet } from '../src/emulators/index.js';
import {
  attachInterface,
  detachInterface,
  listInterfaces,
  waitForInterface,
  type AttachInterfaceInput,
  type NetworkInterface,
  type NicClient,
  type PollOptions,
} from '../src/nic/index.js';
import { createHuaweiClient } from '../src/providers/huawei.js';
import { createKatapultClient } from '../src/providers/katapult.js';
import { createOpenStackClient } from '../src/providers/openstack.js';
import { createRackspaceClient } from '../src/providers/rackspace.js';
import { createScpClient } from '../src/providers/scp.js';

const PROVIDERS = ['scp', 'huawei', 'openstack', 'rackspace', 'katapult'] as const;

/** One provider's part of the demo: its client and what to attach where. */
interface Scenario {
  provider: ProviderKey;
  client: NicClient;
  serverId: string;
  serverName: string;
  /** The network (SCP: subnet) part of the attach input. */
  attach: Pick<AttachInterfaceInput, 'networkId' | 'subnetId'>;
}

interface Row {
  provider: string;
  server: string;
  nicId: string;
  mac: string;
  ips: string;
  state: string;
  ms: string;
}

interface DemoArgs {
  asyncDelayMs: number;
  /** The provider whose client gets a wrong secret (to show a failure), if any. */
  badSecret?: ProviderKey;
}

function parseArgs(argv: string[]): DemoArgs {
  const value = (name: string) =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  for (const arg of argv) {
    if (!/^--(delay|bad-secret)=/.test(arg)) {
      throw new TypeError(`unknown argument ${arg} (known: --delay=<ms>, --bad-secret=<provider>)`);
    }
  }
  const delay = value('delay');
  const asyncDelayMs = delay === undefined ? 300 : Number(delay);
  if (!Number.isFinite(asyncDelayMs) || asyncDelayMs < 0) {
    throw new TypeError(`--delay must be a number of milliseconds (got ${delay})`);
  }
  const badSecret = value('bad-secret');
  if (badSecret !== undefined && !(PROVIDERS as readonly string[]).includes(badSecret)) {
    throw new TypeError(`--bad-secret must be one of ${PROVIDERS.join(', ')} (got ${badSecret})`);
  }
  return { asyncDelayMs, ...(badSecret ? { badSecret: badSecret as ProviderKey } : {}) };
}

function scenarios(
  emulators: EmulatorSet<(typeof PROVIDERS)[number]>,
  badSecret: ProviderKey | undefined,
): Scenario[] {
  const { scp, huawei, openstack, rackspace, katapult } = emulators;
  /** The real secret, or a wrong one for the provider chosen with --bad-secret. */
  const secret = (provider: ProviderKey, real: string) =>
    provider === badSecret ? `wrong-${real.slice(0, 6)}` : real;
  const scpServer = scp.fixtures.servers[1]!;
  const huaweiServer = huawei.fixtures.servers[0]!;
  const osServer = openstack.fixtures.servers[1]!;
  const rsServer = rackspace.fixtures.servers[1]!;
  const vm = katapult.fixtures.virtualMachines[1]!;
  return [
    {
      provider: 'scp',
      client: createScpClient({
        endpoint: scp.url,
        accessKey: scp.credentials.accessKey,
        secretKey: secret('scp', scp.credentials.secretKey),
      }),
      serverId: scpServer.id,
      serverName: scpServer.name,
      attach: { subnetId: scp.fixtures.subnets[0]!.id },
    },
    {
      provider: 'huawei',
      client: createHuaweiClient({
        endpoint: huawei.url,
        accessKey: huawei.credentials.accessKey,
        secretKey: secret('huawei', huawei.credentials.secretKey),
        projectId: huawei.credentials.projectId,
      }),
      serverId: huaweiServer.id,
      serverName: huaweiServer.name,
      attach: { networkId: huawei.fixtures.networks[0]!.id },
    },
    {
      provider: 'openstack',
      client: createOpenStackClient({
        authUrl: openstack.authUrl,
        ...openstack.credentials.password,
        password: secret('openstack', openstack.credentials.password.password),
        region: 'RegionOne',
      }),
      serverId: osServer.id,
      serverName: osServer.name,
      attach: { networkId: openstack.fixtures.networks[0]!.id },
    },
    {
      provider: 'rackspace',
      client: createRackspaceClient({
        identityUrl: rackspace.identityUrl,
        username: rackspace.credentials.apiKey.username,
        apiKey: secret('rackspace', rackspace.credentials.apiKey.apiKey),
        region: 'dfw',
      }),
      serverId: rsServer.id,
      serverName: rsServer.name,
      attach: { networkId: rackspace.fixtures.networks[2]!.id },
    },
    {
      provider: 'katapult',
      client: createKatapultClient({
        endpoint: katapult.url,
        token: secret('katapult', katapult.credentials.token),
      }),
      serverId: vm.id,
      serverName: vm.name,
      attach: { networkId: katapult.fixtures.networks[1]!.id },
    },
  ];
}

/** attach -> wait until active -> list -> detach (and wait until it has left). */
async function lifecycle(s: Scenario, poll: PollOptions): Promise<NetworkInterface> {
  const attached = await attachInterface(s.client, {
    serverId: s.serverId,
    ...s.attach,
    wait: false,
    ...poll,
  });
  const ready = await waitForInterface(s.client, {
    serverId: s.serverId,
    interfaceId: attached.id,
    until: 'active',
    ...poll,
  });
  const nic = ready.interface ?? attached;
  const listed = await listInterfaces(s.client, { serverId: s.serverId });
  if (!listed.some((i) => i.id === nic.id)) {
    throw new Error(`${s.provider}: interface ${nic.id} is active but not listed on the server`);
  }
  const detached = await detachInterface(s.client, {
    serverId: s.serverId,
    interfaceId: nic.id,
    wait: true,
    ...(s.provider === 'katapult' ? { deleteNic: true } : {}),
    ...poll,
  });
  if (detached.outcome !== 'detached') {
    throw new Error(`${s.provider}: detach of ${nic.id} ended ${detached.outcome}`);
  }
  return nic;
}

function oneLineMessage(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\s+/g, ' ').trim();
}

function table(rows: Row[]): string {
  const head: Row = {
    provider: 'provider',
    server: 'server',
    nicId: 'NIC id',
    mac: 'MAC',
    ips: 'IPs',
    state: 'state',
    ms: 'time',
  };
  const keys = Object.keys(head) as (keyof Row)[];
  const all = [head, ...rows];
  const width = (k: keyof Row) => Math.max(...all.map((r) => r[k].length));
  const line = (r: Row) =>
    keys.map((k) => (k === 'ms' ? r[k].padStart(width(k)) : r[k].padEnd(width(k)))).join('  ');
  const rule = keys.map((k) => '-'.repeat(width(k))).join('  ');
  return [line(head), rule, ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  const { asyncDelayMs, badSecret } = parseArgs(process.argv.slice(2));
  const poll: PollOptions = { initialDelayMs: 50, maxDelayMs: 500, timeoutMs: 30_000 };
  const emulators = await startEmulators(PROVIDERS, { seed: 'cloud-nic-demo', asyncDelayMs });
  const rows: Row[] = [];
  const failures: string[] = [];
  try {
    console.log(
      `Five emulators on 127.0.0.1 (asynchronous work takes ${asyncDelayMs} ms):\n${PROVIDERS.map(
        (p) => `  ${p.padEnd(9)} ${emulators[p].url}`,
      ).join('\n')}\n`,
    );
    for (const s of scenarios(emulators, badSecret)) {
      const started = performance.now();
      try {
        const nic = await lifecycle(s, poll);
        rows.push({
          provider: s.provider,
          server: s.serverName,
          nicId: nic.id,
          mac: nic.mac ?? '-',
          ips: nic.ipAddresses.join(', ') || '-',
          state: `${nic.state} -> detached`,
          ms: `${Math.round(performance.now() - started)} ms`,
        });
      } catch (error) {
        const message = oneLineMessage(error);
        failures.push(`${s.provider}: ${message}`);
        rows.push({
          provider: s.provider,
          server: s.serverName,
          nicId: '-',
          mac: '-',
          ips: '-',
          state: isCloudNicError(error) ? `FAILED (${error.kind})` : 'FAILED',
          ms: `${Math.round(performance.now() - started)} ms`,
        });
      }
    }
    const violations = PROVIDERS.flatMap((p) =>
      emulators[p].conformanceViolations.map(
        (v) => `${p}: ${v.operationId} ${v.status} ${v.errors[0]}`,
      ),
    );
    for (const v of violations) failures.push(`response does not match the spec: ${v}`);
    console.log(table(rows));
  } finally {
    await emulators.close();
  }
  if (failures.length > 0) {
    console.error(`\n${failures.length} failure(s):`);
    for (const f of failures) console.error(`  ${f}`);
    return 1;
  }
  console.log(
    '\nEvery provider: attached, waited until active, listed, detached; every answer matched its spec.',
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`demo failed: ${oneLineMessage(error)}`);
    process.exitCode = 1;
  },
);
