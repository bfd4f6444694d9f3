// Huawei Cloud ECS emulator: the NICs of servers through the native v1 batch API (jobs) and the
// discarded Nova-compatible v2.1 API (microversions), behind an emulated API gateway that checks
// AK/SK `SDK-HMAC-SHA256` signatures, as `specs/huawei.yaml` and the Huawei fact sheet describe.
//
// Assumptions where Huawei documents nothing (kept in one place; the spec says which codes and
// messages are illustrative):
// - Gateway: every signed call is verified over the request as received (method, raw path and
//   query, headers, body bytes, Host). Unknown AK, bad or missing Authorization, a missing or
//   unsigned `X-Sdk-Date`, a date more than 15 minutes off the emulator clock, a bad signature,
//   and a missing or wrong `X-Security-Token` for a temporary AK (or one sent with a permanent
//   AK) are all 401 `APIGW.0301` in the flat gateway body. Unknown paths and wrong methods are
//   404 `APIG.0101`, an oversized body 413 `APIG.0201`, throttling 429 `APIG.0308` (codes other
//   than APIGW.0301 are illustrative). Every answer carries `X-Request-Id`.
// - Projects: each AK belongs to one project. A `project_id` in the path (or an `X-Project-Id`
//   header) other than the AK's project is 403: the caller has no access there, whether or not
//   the project exists. Servers, networks, ports and jobs belong to one project; another
//   project's server or job is 404 like an unknown one.
// - v1 batch calls answer 200 `{job_id}` after the synchronous checks (server exists: else 404
//   `Ecs.0114`; not locked: else 409; no primary NIC in a delete: else 403). The job reads `INIT`
//   for the first half of `asyncDelayMs`, then `RUNNING`, and is decided when `asyncDelayMs` has
//   passed: each NIC is a sub-job that succeeds or fails on its own (unknown subnet, security
//   group or port, port in use, IP outside the subnet or taken, no IPv6 on the subnet, NIC limit
//   reached, NIC not attached); the job is `FAIL` when any sub-job failed, with the first
//   failure's `error_code`/`fail_reason`, and the NICs of the sub-jobs that succeeded stay.
//   Added NICs appear in the lists only when the job succeeds, with `port_state` `DOWN`, and
//   read `ACTIVE` a further `asyncDelayMs` later (Huawei documents DOWN right after an attach).
//   Removed NICs leave the lists when the job ends. Failure codes: `Ecs.0114` for a NIC that is
//   not attached (the spec's example), `Ecs.0000` (illustrative) for the rest.
// - v2.1: attach answers 200 at once with `port_state` `DOWN`, `ACTIVE` after `asyncDelayMs`;
//   detach answers 202 and the port leaves the list after `asyncDelayMs` (a second detach
//   meanwhile is 409). Errors follow upstream Nova's mapping (port or network not found 404;
//   port or fixed IP in use, locked server 409; NIC limit 403; no free IP or a bad IP 400).
//   Requesting a fixed IPv6 address on attach is 400 (use `ipv6_enable` of the v1 call).
// - A port created by an attach (v1 `subnet_id`, v2.1 `net_id`) has `delete_on_termination`
//   true and is deleted on detach; an existing port attached by `port_id` is only unbound.
// - Microversions (v2.1 only): the range is `microversions` (default 2.1 to 2.60, the
//   illustrative maximum of the spec's example; Huawei publishes none). `OpenStack-API-Version:
//   compute X` wins over `X-OpenStack-Nova-API-Version: X`; `latest` is the maximum; none is 2.1.
//   A version outside the range is 406 (Nova's `computeFault` with "Version X is not supported
//   by the API. Minimum is A and maximum is B."), a malformed one 400. Answers to a v2.1 call
//   echo the version served in both headers plus `Vary`. NIC answers are the same at every
//   version (Huawei documents no microversion-dependent NIC field).
import { verifyHuaweiSignature } from '../auth/huawei-signature.js';
import { timingSafeEqualString } from '../auth/hmac.js';
import type { components } from '../../generated/huawei.js';
import { document } from '../../generated/huawei.document.js';
import { operations } from '../../generated/huawei.meta.js';
import {
  DEFAULT_ASYNC_DELAY_MS,
  STATUS_TEXT,
  allocateIpv4,
  asyncPhase,
  createRandom,
  ipv4InCidr,
  monotonicMs,
  parseCidr,
  type EmulatorContext,
  type EmulatorDefinition,
  type EmulatorOptions,
  type EmulatorReply,
  type EmulatorRequest,
  type EmulatorWorld,
  type RandomSource,
  type ValidationIssue,
} from './framework/index.js';
import { novaFault } from './openstack-common.js';

type Schemas = components['schemas'];
type JobStatus = Schemas['JobStatus'];

// ----- public types -----

/** One accepted AK/SK pair and the project it belongs to. */
export interface HuaweiKeyPair {
  accessKey: string;
  secretKey: string;
  projectId: string;
  /** Set for a temporary pair: requests must then send it as `X-Security-Token`. */
  securityToken?: string;
}

export interface HuaweiEmulatorCredentials extends HuaweiKeyPair {
  /** A temporary pair of the same project (with a security token). */
  temporary: HuaweiKeyPair & { securityToken: string };
  /** A permanent pair of the second project (`fixtures.projects[1]`). */
  otherProject: HuaweiKeyPair;
  /** Every accepted pair: this one, `temporary`, `otherProject`, then `extraKeys`. */
  keys: HuaweiKeyPair[];
}

export interface HuaweiNetworkFixture {
  /** Network ID: `subnet_id` of `batchAddServerNics`, `net_id` everywhere else (a UUID). */
  id: string;
  projectId: string;
  name: string;
  /** ID of the IPv4 subnet, shown as `fixed_ips[].subnet_id`. */
  subnetId: string;
  /** IPv4 CIDR addresses come from, e.g. `192.168.0.0/24`. */
  cidr: string;
  /** IPv6 of the subnet, when it has one (`ipv6_enable`): a `/64` such as `2407:c080:1::/64`. */
  ipv6?: { subnetId: string; cidr: string };
}
export interface HuaweiSecurityGroupFixture {
  id: string;
  projectId: string;
  name: string;
}
export interface HuaweiServerFixture {
  id: string;
  projectId: string;
  name: string;
  /** A locked server refuses NIC changes with 409. */
  locked?: boolean;
  /** Most NICs the server can have; default 12. */
  maxNics?: number;
}
export interface HuaweiPortFixture {
  id: string;
  networkId: string;
  ipAddress: string;
  /** Server the port is a NIC of, or null for a free (`DOWN`) port to attach by `port_id`. */
  serverId: string | null;
  /** The server's primary NIC (cannot be removed). */
  primary?: boolean;
  macAddress?: string;
  deleteOnTermination?: boolean;
}
export interface HuaweiFixtures {
  /** Project IDs; the first is the main credentials' project. */
  projects: string[];
  networks: HuaweiNetworkFixture[];
  securityGroups: HuaweiSecurityGroupFixture[];
  servers: HuaweiServerFixture[];
  ports: HuaweiPortFixture[];
}

export interface HuaweiEmulatorOptions extends EmulatorOptions {
  /** The main permanent pair; generated from the seed when left out (project: the first one). */
  credentials?: Partial<Omit<HuaweiKeyPair, 'securityToken'>>;
  /** More accepted pairs (their projects should be in `fixtures.projects`). */
  extraKeys?: HuaweiKeyPair[];
  /** Accepted distance between `X-Sdk-Date` and the emulator clock; default 15 minutes. */
  maxClockSkewMs?: number;
  /** Microversion range of the v2.1 API; default `{ min: '2.1', max: '2.60' }`. */
  microversions?: { min: string; max: string };
  /** Operations the keys may not call (403), to test permission errors. */
  forbiddenOperations?: string[];
  /** Replaces seeded lists (each separately). */
  fixtures?: Partial<HuaweiFixtures>;
}

export interface HuaweiPortRecord {
  id: string;
  projectId: string;
  networkId: string;
  ipAddress: string;
  ipv6Address?: string;
  macAddress: string;
  serverId: string | null;
  primary: boolean;
  deleteOnTermination: boolean;
  securityGroupIds: string[];
  /** Monotonic ms from which a bound port reads `ACTIVE` (-Infinity: from the start). */
  activeAtMs: number;
  /** Order of binding to the current server (the lists are sorted by it). */
  boundSeq: number;
  /** PCI slot in the guest while bound (`0000:00:<slot>.0`). */
  pciSlot: number;
  /** Monotonic ms a v2.1 detach started; the port leaves `asyncDelayMs` later. */
  detachStartedMs?: number;
}

export interface HuaweiSubJobRecord {
  id: string;
  kind: 'addNic' | 'deleteNic';
  /** For adds: the body entry; for deletes: `{ id }`. */
  request: Schemas['BatchAddServerNic'] | Schemas['NicRef'];
  /** Port the sub-job concerns (for adds: reserved at creation, shown once it succeeded). */
  nicId: string;
  /** MAC reserved for a new port. */
  macAddress: string;
  status: JobStatus;
  errorCode: string | null;
  failReason: string | null;
}

export interface HuaweiJobRecord {
  id: string;
  projectId: string;
  serverId: string;
  type: 'batchAddNics' | 'batchDeleteNics';
  /** Monotonic ms the job was created (drives its progress). */
  startedMs: number;
  /** Emulator-clock time the job was created. */
  beginTime: Date;
  endTime?: Date;
  status: JobStatus;
  subJobs: HuaweiSubJobRecord[];
  errorCode: string | null;
  failReason: string | null;
}

export interface HuaweiServerRecord {
  id: string;
  projectId: string;
  name: string;
  locked: boolean;
  maxNics: number;
}

export interface HuaweiState {
  projects: Set<string>;
  servers: Map<string, HuaweiServerRecord>;
  networks: Map<string, HuaweiNetworkFixture>;
  securityGroups: Map<string, HuaweiSecurityGroupFixture>;
  ports: Map<string, HuaweiPortRecord>;
  jobs: Map<string, HuaweiJobRecord>;
  /** NICs of a server right now, in attach order (due jobs and detaches applied first). */
  interfacesOf(serverId: string): HuaweiPortRecord[];
  /** `ACTIVE` or `DOWN`, as the lists show the port now. */
  portState(port: HuaweiPortRecord): 'ACTIVE' | 'DOWN';
  /** Applies jobs and detaches whose time has come. */
  settle(): void;
  /** Request IDs (a stream of its own, so ids of resources do not depend on polling). */
  requestIds: RandomSource;
}

export type HuaweiWorld = EmulatorWorld<HuaweiEmulatorCredentials, HuaweiFixtures, HuaweiState>;
type Ctx = EmulatorContext<HuaweiEmulatorOptions, HuaweiWorld>;

const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;
const DEFAULT_MICROVERSIONS = { min: '2.1', max: '2.60' } as const;
const DEFAULT_MAX_NICS = 12;
const MAC_PREFIX = 'fa:16:3e';
const FIRST_PCI_SLOT = 0x0c;

/** Documented ECS codes (`Ecs.0005` bad body, `Ecs.0114` not found) and the spec's illustrative one. */
const ECS_BAD_REQUEST = 'Ecs.0005';
const ECS_NOT_FOUND = 'Ecs.0114';
const ECS_GENERIC = 'Ecs.0000';
const APIGW_AUTH = 'APIGW.0301';

// ----- fixtures and state -----

function defaultFixtures(random: RandomSource): HuaweiFixtures {
  const projects = [random.hex(32), random.hex(32)];
  const [main, other] = projects as [string, string];
  const networks: HuaweiNetworkFixture[] = [
    {
      id: random.uuid(),
      projectId: main,
      name: 'subnet-app',
      subnetId: random.uuid(),
      cidr: '192.168.0.0/24',
      ipv6: { subnetId: random.uuid(), cidr: '2407:c080:11f0:2c::/64' },
    },
    {
      id: random.uuid(),
      projectId: main,
      name: 'subnet-db',
      subnetId: random.uuid(),
      cidr: '10.0.1.0/24',
    },
    {
      id: random.uuid(),
      projectId: other,
      name: 'subnet-other',
      subnetId: random.uuid(),
      cidr: '172.16.0.0/24',
    },
  ];
  const securityGroups: HuaweiSecurityGroupFixture[] = [
    { id: random.uuid(), projectId: main, name: 'default' },
    { id: random.uuid(), projectId: main, name: 'sg-web' },
    { id: random.uuid(), projectId: other, name: 'default' },
  ];
  const servers: HuaweiServerFixture[] = [
    { id: random.uuid(), projectId: main, name: 'web-1' },
    { id: random.uuid(), projectId: main, name: 'db-1' },
    { id: random.uuid(), projectId: main, name: 'locked-1', locked: true },
    { id: random.uuid(), projectId: other, name: 'other-1' },
  ];
  const [app, db, otherNet] = networks as [
    HuaweiNetworkFixture,
    HuaweiNetworkFixture,
    HuaweiNetworkFixture,
  ];
  const [web, dbServer, locked, otherServer] = servers as [
    HuaweiServerFixture,
    HuaweiServerFixture,
    HuaweiServerFixture,
    HuaweiServerFixture,
  ];
  const ports: HuaweiPortFixture[] = [
    {
      id: random.uuid(),
      networkId: app.id,
      ipAddress: '192.168.0.11',
      serverId: web.id,
      primary: true,
    },
    {
      id: random.uuid(),
      networkId: db.id,
      ipAddress: '10.0.1.11',
      serverId: dbServer.id,
      primary: true,
    },
    { id: random.uuid(), networkId: app.id, ipAddress: '192.168.0.12', serverId: dbServer.id },
    {
      id: random.uuid(),
      networkId: app.id,
      ipAddress: '192.168.0.13',
      serverId: locked.id,
      primary: true,
    },
    { id: random.uuid(), networkId: app.id, ipAddress: '192.168.0.14', serverId: locked.id },
    {
      id: random.uuid(),
      networkId: otherNet.id,
      ipAddress: '172.16.0.11',
      serverId: otherServer.id,
      primary: true,
    },
    // A free port, for attaching an existing port.
    { id: random.uuid(), networkId: app.id, ipAddress: '192.168.0.50', serverId: null },
  ];
  return { projects, networks, securityGroups, servers, ports };
}

const MICROVERSION = /^(\d+)\.(\d+)$/;

function compareMicroversions(a: string, b: string): number {
  const [, amaj, amin] = MICROVERSION.exec(a)!;
  const [, bmaj, bmin] = MICROVERSION.exec(b)!;
  return Number(amaj) - Number(bmaj) || Number(amin) - Number(bmin);
}

function microversionRange(options: HuaweiEmulatorOptions): { min: string; max: string } {
  const range = options.microversions ?? DEFAULT_MICROVERSIONS;
  if (!MICROVERSION.test(range.min) || !MICROVERSION.test(range.max)) {
    throw new TypeError('microversions.min and .max must look like "2.1"');
  }
  if (compareMicroversions(range.min, range.max) > 0) {
    throw new TypeError('microversions.min must not be above microversions.max');
  }
  return range;
}

function setup(options: HuaweiEmulatorOptions, random: RandomSource): HuaweiWorld {
  microversionRange(options);
  const seeded = defaultFixtures(random);
  const fixtures: HuaweiFixtures = {
    projects: options.fixtures?.projects ?? seeded.projects,
    networks: options.fixtures?.networks ?? seeded.networks,
    securityGroups: options.fixtures?.securityGroups ?? seeded.securityGroups,
    servers: options.fixtures?.servers ?? seeded.servers,
    ports: options.fixtures?.ports ?? seeded.ports,
  };
  if (fixtures.projects.length === 0) throw new TypeError('fixtures.projects must not be empty');
  for (const network of fixtures.networks) parseCidr(network.cidr);

  const accessKey = () => random.hex(20).toUpperCase();
  const main: HuaweiKeyPair = {
    accessKey: options.credentials?.accessKey ?? accessKey(),
    secretKey: options.credentials?.secretKey ?? random.alnum(40),
    projectId: options.credentials?.projectId ?? fixtures.projects[0]!,
  };
  const temporary = {
    accessKey: accessKey(),
    secretKey: random.alnum(40),
    projectId: main.projectId,
    securityToken: random.alnum(96),
  };
  const otherProject: HuaweiKeyPair = {
    accessKey: accessKey(),
    secretKey: random.alnum(40),
    projectId: fixtures.projects[1] ?? random.hex(32),
  };
  const credentials: HuaweiEmulatorCredentials = {
    ...main,
    temporary,
    otherProject,
    keys: [main, temporary, otherProject, ...(options.extraKeys ?? [])],
  };

  const networks = new Map(fixtures.networks.map((n) => [n.id, { ...n }]));
  const delay = options.asyncDelayMs ?? DEFAULT_ASYNC_DELAY_MS;
  const ports = new Map<string, HuaweiPortRecord>();
  for (const p of fixtures.ports) {
    const network = networks.get(p.networkId);
    if (!network) throw new TypeError(`port ${p.id}: unknown network ${p.networkId}`);
    ports.set(p.id, {
      id: p.id,
      projectId: network.projectId,
      networkId: p.networkId,
      ipAddress: p.ipAddress,
      macAddress: p.macAddress ?? random.mac(MAC_PREFIX),
      serverId: p.serverId,
      primary: p.primary ?? false,
      deleteOnTermination: p.deleteOnTermination ?? false,
      securityGroupIds: [],
      activeAtMs: -Infinity,
      boundSeq: ports.size + 1,
      pciSlot: 0,
    });
  }
  for (const port of ports.values()) {
    if (port.serverId !== null) port.pciSlot = freePciSlot(ports, port.serverId, port.id);
  }

  const jobs = new Map<string, HuaweiJobRecord>();
  const state: HuaweiState = {
    projects: new Set(fixtures.projects),
    servers: new Map(
      fixtures.servers.map((s) => [
        s.id,
        {
          id: s.id,
          projectId: s.projectId,
          name: s.name,
          locked: s.locked ?? false,
          maxNics: s.maxNics ?? DEFAULT_MAX_NICS,
        },
      ]),
    ),
    networks,
    securityGroups: new Map(fixtures.securityGroups.map((g) => [g.id, { ...g }])),
    ports,
    jobs,
    requestIds: createRandom(random.hex(16)),
    settle() {
      const now = monotonicMs();
      // Everything due by now, in the order it fell due.
      const due: { at: number; apply: () => void }[] = [];
      for (const port of ports.values()) {
        const started = port.detachStartedMs;
        if (started !== undefined && now - started >= delay) {
          due.push({ at: started + delay, apply: () => finishDetach(state, port) });
        }
      }
      for (const job of jobs.values()) {
        if (job.status === 'SUCCESS' || job.status === 'FAIL') continue;
        if (now - job.startedMs >= delay) {
          due.push({ at: job.startedMs + delay, apply: () => finishJob(state, job, delay) });
        } else {
          job.status = asyncPhase(job.startedMs, delay, now) === 'running' ? 'RUNNING' : 'INIT';
          for (const sub of job.subJobs) sub.status = job.status;
        }
      }
      due.sort((a, b) => a.at - b.at).forEach((d) => d.apply());
    },
    portState(port) {
      return port.serverId !== null && monotonicMs() >= port.activeAtMs ? 'ACTIVE' : 'DOWN';
    },
    interfacesOf(serverId) {
      state.settle();
      return [...ports.values()]
        .filter((p) => p.serverId === serverId)
        .sort((a, b) => a.boundSeq - b.boundSeq);
    },
  };
  return { credentials, fixtures, state };
}

/** Makes `port` a NIC of `serverId`: last in the lists, on the lowest free PCI slot. */
function bindPort(state: HuaweiState, port: HuaweiPortRecord, serverId: string): void {
  let seq = 0;
  for (const p of state.ports.values()) seq = Math.max(seq, p.boundSeq);
  port.serverId = serverId;
  port.boundSeq = seq + 1;
  port.pciSlot = freePciSlot(state.ports, serverId, port.id);
}

function freePciSlot(
  ports: Map<string, HuaweiPortRecord>,
  serverId: string,
  except: string,
): number {
  const used = new Set(
    [...ports.values()]
      .filter((p) => p.serverId === serverId && p.id !== except)
      .map((p) => p.pciSlot),
  );
  let slot = FIRST_PCI_SLOT;
  while (used.has(slot)) slot++;
  return slot;
}

function finishDetach(state: HuaweiState, port: HuaweiPortRecord): void {
  delete port.detachStartedMs;
  unbind(state, port);
}

function unbind(state: HuaweiState, port: HuaweiPortRecord): void {
  if (port.deleteOnTermination) {
    state.ports.delete(port.id);
    return;
  }
  port.serverId = null;
  port.activeAtMs = Infinity;
}

/** Ports of a network's addresses, for allocation. */
function takenIps(state: HuaweiState, networkId: string): Set<string> {
  const taken = new Set<string>();
  for (const p of state.ports.values()) if (p.networkId === networkId) taken.add(p.ipAddress);
  return taken;
}

function attachedCount(state: HuaweiState, serverId: string): number {
  let n = 0;
  for (const p of state.ports.values()) if (p.serverId === serverId) n++;
  return n;
}

/** The next free IPv6 host of a /64 (`prefix::2`, `prefix::3`, ...). */
function allocateIpv6(state: HuaweiState, network: HuaweiNetworkFixture): string {
  const base = network.ipv6!.cidr.split('/')[0]!.replace(/::$/, '');
  const taken = new Set([...state.ports.values()].map((p) => p.ipv6Address));
  for (let n = 2; ; n++) {
    const address = `${base}::${n.toString(16)}`;
    if (!taken.has(address)) return address;
  }
}

type SubJobOutcome = { ok: true } | { ok: false; code: string; reason: string };
const fail = (reason: string, code = ECS_GENERIC): SubJobOutcome => ({ ok: false, code, reason });

function runAddNic(
  state: HuaweiState,
  job: HuaweiJobRecord,
  sub: HuaweiSubJobRecord,
  activeAtMs: number,
): SubJobOutcome {
  const server = state.servers.get(job.serverId);
  if (!server) return fail(`server ${job.serverId} no longer exists`, ECS_NOT_FOUND);
  if (attachedCount(state, server.id) >= server.maxNics) {
    return fail(`the server already has the most NICs it can take (${server.maxNics})`);
  }
  const entry = sub.request as Schemas['BatchAddServerNic'];
  if (entry.port_id !== undefined) {
    const port = state.ports.get(entry.port_id);
    if (!port || port.projectId !== job.projectId)
      return fail(`port ${entry.port_id} does not exist`);
    if (port.serverId !== null) return fail(`port ${port.id} is in use (not DOWN)`);
    bindPort(state, port, server.id);
    port.activeAtMs = activeAtMs;
    return { ok: true };
  }
  const onSubnet = entry as Schemas['BatchAddServerNicOnSubnet'];
  const network = state.networks.get(onSubnet.subnet_id);
  if (!network || network.projectId !== job.projectId) {
    return fail(`subnet ${onSubnet.subnet_id} does not exist`);
  }
  const groups = onSubnet.security_groups?.map((g) => g.id) ?? [];
  const unknownGroup = groups.find(
    (id) => state.securityGroups.get(id)?.projectId !== job.projectId,
  );
  if (unknownGroup !== undefined) return fail(`security group ${unknownGroup} does not exist`);
  if (onSubnet.ipv6_enable && !network.ipv6) return fail(`subnet ${network.id} has no IPv6`);
  const taken = takenIps(state, network.id);
  let ip = onSubnet.ip_address;
  if (ip !== undefined) {
    if (!ipv4InCidr(ip, network.cidr)) return fail(`${ip} is not in subnet ${network.cidr}`);
    if (taken.has(ip)) return fail(`IP address ${ip} is already in use`);
  } else {
    ip = allocateIpv4(network.cidr, taken);
    if (ip === undefined) return fail(`subnet ${network.id} has no free IP address`);
  }
  const defaultGroup = [...state.securityGroups.values()].find(
    (g) => g.projectId === job.projectId && g.name === 'default',
  );
  const port: HuaweiPortRecord = {
    id: sub.nicId,
    projectId: job.projectId,
    networkId: network.id,
    ipAddress: ip,
    ...(onSubnet.ipv6_enable ? { ipv6Address: allocateIpv6(state, network) } : {}),
    macAddress: sub.macAddress,
    serverId: null,
    primary: false,
    deleteOnTermination: true,
    securityGroupIds: groups.length > 0 ? groups : defaultGroup ? [defaultGroup.id] : [],
    activeAtMs,
    boundSeq: 0,
    pciSlot: 0,
  };
  state.ports.set(port.id, port);
  bindPort(state, port, server.id);
  return { ok: true };
}

function runDeleteNic(
  state: HuaweiState,
  job: HuaweiJobRecord,
  sub: HuaweiSubJobRecord,
): SubJobOutcome {
  const port = state.ports.get(sub.nicId);
  if (!port || port.serverId !== job.serverId) {
    return fail('the NIC is not attached to the server', ECS_NOT_FOUND);
  }
  delete port.detachStartedMs;
  unbind(state, port);
  return { ok: true };
}

function finishJob(state: HuaweiState, job: HuaweiJobRecord, delay: number): void {
  const doneMs = job.startedMs + delay;
  for (const sub of job.subJobs) {
    const outcome =
      sub.kind === 'addNic'
        ? runAddNic(state, job, sub, doneMs + delay)
        : runDeleteNic(state, job, sub);
    sub.status = outcome.ok ? 'SUCCESS' : 'FAIL';
    sub.errorCode = outcome.ok ? null : outcome.code;
    sub.failReason = outcome.ok ? null : outcome.reason;
  }
  const failed = job.subJobs.find((s) => s.status === 'FAIL');
  job.status = failed ? 'FAIL' : 'SUCCESS';
  job.errorCode = failed?.errorCode ?? null;
  job.failReason = failed?.failReason ?? null;
  job.endTime = new Date(job.beginTime.getTime() + delay);
}

// ----- views -----

function fixedIps(state: HuaweiState, port: HuaweiPortRecord): Schemas['InterfaceFixedIp'][] {
  const network = state.networks.get(port.networkId);
  const ips = [{ ip_address: port.ipAddress, subnet_id: network?.subnetId ?? port.networkId }];
  if (port.ipv6Address && network?.ipv6) {
    ips.push({ ip_address: port.ipv6Address, subnet_id: network.ipv6.subnetId });
  }
  return ips;
}

function novaView(state: HuaweiState, port: HuaweiPortRecord): Schemas['NovaInterfaceAttachment'] {
  return {
    port_state: state.portState(port),
    fixed_ips: fixedIps(state, port),
    port_id: port.id,
    net_id: port.networkId,
    mac_addr: port.macAddress,
  };
}

function nativeView(state: HuaweiState, port: HuaweiPortRecord): Schemas['ServerInterface'] {
  return {
    ...novaView(state, port),
    delete_on_termination: port.deleteOnTermination,
    driver_mode: 'virtio',
    min_rate: 0,
    multiqueue_num: 1,
    pci_address: `0000:00:${port.pciSlot.toString(16).padStart(2, '0')}.0`,
  };
}

function jobView(job: HuaweiJobRecord, delay: number): Schemas['Job'] {
  const final = job.status === 'SUCCESS' || job.status === 'FAIL';
  const subBegin = new Date(job.beginTime.getTime() + Math.min(1, delay));
  return {
    status: job.status,
    entities: {
      sub_jobs_total: job.subJobs.length,
      sub_jobs: job.subJobs.map((sub) => ({
        status: sub.status,
        entities: {
          server_id: job.serverId,
          // A new NIC's ID is known once it exists; a removed NIC's from the start.
          ...(sub.kind === 'deleteNic' || sub.status === 'SUCCESS' ? { nic_id: sub.nicId } : {}),
          ...(sub.failReason !== null ? { errorcode_message: sub.failReason } : {}),
        },
        job_id: sub.id,
        job_type: sub.kind,
        begin_time: subBegin.toISOString(),
        ...(final && job.endTime ? { end_time: job.endTime.toISOString() } : {}),
        error_code: sub.errorCode,
        fail_reason: sub.failReason,
      })),
    },
    job_id: job.id,
    job_type: job.type,
    begin_time: job.beginTime.toISOString(),
    ...(final && job.endTime ? { end_time: job.endTime.toISOString() } : {}),
    error_code: job.errorCode,
    fail_reason: job.failReason,
  };
}

// ----- error bodies -----

const isNova = (req: EmulatorRequest) => req.operation?.operationId.startsWith('nova') === true;

function requestId(req: EmulatorRequest, ctx: Ctx): string {
  req.locals.requestId ??= ctx.world.state.requestIds.hex(32);
  return req.locals.requestId as string;
}

function gatewayError(
  req: EmulatorRequest,
  ctx: Ctx,
  status: number,
  code: string,
  message: string,
): EmulatorReply {
  return {
    status,
    body: {
      error_code: code,
      error_msg: message,
      request_id: requestId(req, ctx),
    } satisfies Schemas['ApiGatewayError'],
  };
}

function ecsError(
  status: number,
  code: string,
  message: string,
  details?: Schemas['EcsErrorDetail'][],
): EmulatorReply {
  return {
    status,
    body: {
      error: { code, message, ...(details && details.length > 0 ? { details } : {}) },
    } satisfies Schemas['EcsError'],
  };
}

/** An error of the operation's family: a Nova fault for v2.1 calls, an ECS error otherwise. */
function serviceError(req: EmulatorRequest, status: number, ecsCode: string, message: string) {
  return isNova(req) ? novaFault(status, message) : ecsError(status, ecsCode, message);
}

const serverNotFound = (req: EmulatorRequest, serverId: string) =>
  isNova(req)
    ? novaFault(404, `Instance ${serverId} could not be found.`)
    : ecsError(404, ECS_NOT_FOUND, `Instance[${serverId}] could not be found.`);

const MICROVERSION_HEADERS = new Set(['openstack-api-version', 'x-openstack-nova-api-version']);

function describeIssue(issue: ValidationIssue): string {
  const where =
    issue.location === 'body'
      ? ['body', ...issue.path].join('.')
      : `${issue.location} ${issue.name ?? ''}${issue.path.length ? `.${issue.path.join('.')}` : ''}`;
  return `${where}: ${issue.message}`;
}

function invalidRequest(req: EmulatorRequest, issues: ValidationIssue[]): EmulatorReply {
  if (isNova(req)) {
    const versionIssue = issues.find(
      (i) => i.location === 'header' && MICROVERSION_HEADERS.has((i.name ?? '').toLowerCase()),
    );
    if (versionIssue) {
      const value = req.header(versionIssue.name!) ?? '';
      return novaFault(
        400,
        `API Version String ${value} is of invalid format. Must be of format MajorNum.MinorNum.`,
      );
    }
    const field = issues[0]?.location === 'body' ? 'interfaceAttachment' : issues[0]?.name;
    return novaFault(
      400,
      `Invalid input for field/attribute ${field}. ${issues.map(describeIssue).join('; ')}`,
    );
  }
  const inBody = issues.some((i) => i.location === 'body');
  return ecsError(
    400,
    ECS_BAD_REQUEST,
    inBody ? 'request body is illegal.' : 'request parameter is illegal.',
    issues.map((i) => ({ code: ECS_BAD_REQUEST, message: describeIssue(i) })),
  );
}

// ----- gateway: authentication and project scope -----

function findKey(ctx: Ctx, accessKey: string): HuaweiKeyPair | undefined {
  return ctx.world.credentials.keys.find((k) => k.accessKey === accessKey);
}

const AUTH_PREFIX = 'Incorrect IAM authentication information: ';

/** IAM action names of the v2.1 calls (upstream Nova policy names). */
const NOVA_POLICIES: Record<string, string> = {
  novaListServerInterfaces: 'os_compute_api:os-attach-interfaces:list',
  novaShowServerInterface: 'os_compute_api:os-attach-interfaces:show',
  novaAttachServerInterface: 'os_compute_api:os-attach-interfaces:create',
  novaDetachServerInterface: 'os_compute_api:os-attach-interfaces:delete',
};

async function authenticate(req: EmulatorRequest, ctx: Ctx): Promise<EmulatorReply | undefined> {
  const op = req.operation;
  if (!op?.authenticated) return undefined;
  const refuse = (why: string) => gatewayError(req, ctx, 401, APIGW_AUTH, AUTH_PREFIX + why);
  const result = await verifyHuaweiSignature({
    method: req.method,
    url: req.absoluteUrl,
    headers: req.headers,
    body: req.rawBody,
    lookupSecretKey: (ak) => findKey(ctx, ak)?.secretKey,
    now: ctx.now(),
    maxClockSkewMs: ctx.options.maxClockSkewMs ?? DEFAULT_MAX_SKEW_MS,
  });
  if (!result.ok) {
    // The verifier's messages never contain a secret or the expected signature.
    return refuse(
      result.reason === 'signature-mismatch' ? 'verify aksk signature fail' : result.message,
    );
  }
  const key = findKey(ctx, result.accessKey)!;
  const token = req.header('x-security-token');
  if (key.securityToken !== undefined) {
    if (token === undefined || !timingSafeEqualString(token, key.securityToken)) {
      return refuse('the X-Security-Token of the temporary access key is missing or wrong');
    }
  } else if (token !== undefined) {
    return refuse('an X-Security-Token was sent with a permanent access key');
  }
  req.locals.key = key;

  const projectId = req.params.project_id;
  const headerProject = req.header('x-project-id');
  if (projectId !== key.projectId || (headerProject !== undefined && headerProject !== projectId)) {
    const message =
      projectId !== key.projectId
        ? `The access key has no permission in project ${projectId}.`
        : `X-Project-Id ${headerProject} does not match the project ${projectId} of the URL.`;
    return serviceError(req, 403, ECS_GENERIC, message);
  }
  if (ctx.options.forbiddenOperations?.includes(op.operationId)) {
    const action = NOVA_POLICIES[op.operationId] ?? `ecs:${op.operationId}`;
    return serviceError(req, 403, ECS_GENERIC, `Policy doesn't allow ${action} to be performed.`);
  }
  return undefined;
}

// ----- microversions (v2.1) -----

/** The version a v2.1 request asks for, or the reply refusing it. Headers are already well-formed. */
function resolveMicroversion(req: EmulatorRequest, ctx: Ctx): string | EmulatorReply {
  const range = microversionRange(ctx.options);
  const modern = req.header('openstack-api-version');
  const legacy = req.header('x-openstack-nova-api-version');
  const requested = modern !== undefined ? modern.replace(/^compute\s+/, '') : legacy;
  if (requested === undefined) return '2.1';
  const version = requested === 'latest' ? range.max : requested;
  if (
    compareMicroversions(version, range.min) < 0 ||
    compareMicroversions(version, range.max) > 0
  ) {
    return novaFault(
      406,
      `Version ${version} is not supported by the API. Minimum is ${range.min} and maximum is ${range.max}.`,
    );
  }
  return version;
}

// ----- handlers -----

type HuaweiHandler = (req: EmulatorRequest, ctx: Ctx) => EmulatorReply;

/** Settles due work and looks the server up in the path's project. */
function serverCall(
  fn: (req: EmulatorRequest, ctx: Ctx, server: HuaweiServerRecord) => EmulatorReply,
): HuaweiHandler {
  return (req, ctx) => {
    if (isNova(req)) {
      const version = resolveMicroversion(req, ctx);
      if (typeof version !== 'string') return version;
      req.locals.microversion = version;
    }
    const { state } = ctx.world;
    state.settle();
    const serverId = String(req.params.server_id);
    const server = state.servers.get(serverId);
    if (!server || server.projectId !== req.params.project_id) return serverNotFound(req, serverId);
    return fn(req, ctx, server);
  };
}

const locked = (req: EmulatorRequest, server: HuaweiServerRecord) =>
  serviceError(req, 409, ECS_GENERIC, `Instance ${server.id} is locked`);

function createJob(
  ctx: Ctx,
  server: HuaweiServerRecord,
  type: HuaweiJobRecord['type'],
  subJobs: Omit<HuaweiSubJobRecord, 'id' | 'status' | 'errorCode' | 'failReason'>[],
): EmulatorReply {
  const job: HuaweiJobRecord = {
    id: ctx.random.hex(32),
    projectId: server.projectId,
    serverId: server.id,
    type,
    startedMs: monotonicMs(),
    beginTime: ctx.now(),
    status: 'INIT',
    subJobs: subJobs.map((s) => ({
      ...s,
      id: ctx.random.hex(32),
      status: 'INIT',
      errorCode: null,
      failReason: null,
    })),
    errorCode: null,
    failReason: null,
  };
  ctx.world.state.jobs.set(job.id, job);
  return { status: 200, body: { job_id: job.id } satisfies Schemas['JobCreatedResponse'] };
}

function attachedPort(ctx: Ctx, req: EmulatorRequest, server: HuaweiServerRecord) {
  const port = ctx.world.state.ports.get(String(req.params.port_id));
  return port && port.serverId === server.id ? port : undefined;
}

const notAttached = (portId: string) => novaFault(404, `Port ${portId} is not attached`);

const handlers: Record<string, HuaweiHandler> = {
  listComputeVersions(_req, ctx) {
    const range = microversionRange(ctx.options);
    return {
      status: 200,
      body: {
        versions: [
          {
            id: 'v2.0',
            links: [{ href: `${ctx.origin}/v2/`, rel: 'self' }],
            min_version: '',
            status: 'SUPPORTED',
            updated: '2011-01-21T11:33:21Z',
            version: '',
          },
          {
            id: 'v2.1',
            links: [{ href: `${ctx.origin}/v2.1/`, rel: 'self' }],
            min_version: range.min,
            status: 'CURRENT',
            updated: '2013-07-23T11:33:21Z',
            version: range.max,
          },
        ],
      } satisfies Schemas['ComputeVersionList'],
    };
  },

  // ----- native v1 -----

  listServerInterfaces: serverCall((_req, ctx, server) => {
    const { state } = ctx.world;
    const nics = state.interfacesOf(server.id);
    return {
      status: 200,
      body: {
        attachableQuantity: { free_nic: Math.max(0, server.maxNics - nics.length) },
        interfaceAttachments: nics.map((p) => nativeView(state, p)),
      } satisfies Schemas['ServerInterfaceList'],
    };
  }),

  batchAddServerNics: serverCall((req, ctx, server) => {
    if (server.locked) return locked(req, server);
    const body = req.body as Schemas['BatchAddServerNicsRequest'];
    return createJob(
      ctx,
      server,
      'batchAddNics',
      body.nics.map((entry) => ({
        kind: 'addNic' as const,
        request: entry,
        nicId: entry.port_id ?? ctx.random.uuid(),
        macAddress: ctx.random.mac(MAC_PREFIX),
      })),
    );
  }),

  batchDeleteServerNics: serverCall((req, ctx, server) => {
    if (server.locked) return locked(req, server);
    const { state } = ctx.world;
    const body = req.body as Schemas['BatchDeleteServerNicsRequest'];
    const primary = body.nics.find((n) => {
      const port = state.ports.get(n.id);
      return port?.primary === true && port.serverId === server.id;
    });
    if (primary) {
      return ecsError(
        403,
        ECS_GENERIC,
        `The primary NIC ${primary.id} of the server cannot be deleted.`,
      );
    }
    return createJob(
      ctx,
      server,
      'batchDeleteNics',
      body.nics.map((n) => ({
        kind: 'deleteNic' as const,
        request: n,
        nicId: n.id,
        macAddress: '',
      })),
    );
  }),

  showJob(req, ctx) {
    const { state } = ctx.world;
    state.settle();
    const job = state.jobs.get(String(req.params.job_id));
    if (!job || job.projectId !== req.params.project_id) {
      return ecsError(404, ECS_GENERIC, `Job[${req.params.job_id}] could not be found.`);
    }
    return { status: 200, body: jobView(job, ctx.asyncDelayMs) };
  },

  // ----- Nova-compatible v2.1 -----

  novaListServerInterfaces: serverCall((_req, ctx, server) => {
    const { state } = ctx.world;
    return {
      status: 200,
      body: {
        interfaceAttachments: state.interfacesOf(server.id).map((p) => novaView(state, p)),
      } satisfies Schemas['NovaInterfaceAttachmentList'],
    };
  }),

  novaAttachServerInterface: serverCall((req, ctx, server) => {
    const { state } = ctx.world;
    if (server.locked) return locked(req, server);
    const attachment = (req.body as Schemas['NovaAttachServerInterfaceRequest'])
      .interfaceAttachment;
    const full = () =>
      attachedCount(state, server.id) >= server.maxNics
        ? novaFault(
            403,
            `Maximum number of ports exceeded (the server takes ${server.maxNics} NICs).`,
          )
        : undefined;
    const activeAtMs = monotonicMs() + ctx.asyncDelayMs;
    if ('port_id' in attachment && attachment.port_id !== undefined) {
      const port = state.ports.get(attachment.port_id);
      if (!port || port.projectId !== server.projectId) {
        return novaFault(404, `Port id ${attachment.port_id} could not be found.`);
      }
      if (port.serverId !== null) return novaFault(409, `Port ${port.id} is still in use.`);
      const refused = full();
      if (refused) return refused;
      bindPort(state, port, server.id);
      port.activeAtMs = activeAtMs;
      return { status: 200, body: { interfaceAttachment: novaView(state, port) } };
    }
    const byNetwork = attachment as Schemas['NovaAttachByNetwork'];
    const network = state.networks.get(byNetwork.net_id);
    if (!network || network.projectId !== server.projectId) {
      return novaFault(404, `Network ${byNetwork.net_id} could not be found.`);
    }
    const refused = full();
    if (refused) return refused;
    const taken = takenIps(state, network.id);
    const wanted = byNetwork.fixed_ips?.[0]?.ip_address;
    let ip: string | undefined;
    if (wanted !== undefined) {
      if (wanted.includes(':')) {
        return novaFault(
          400,
          `Fixed IPv6 address ${wanted} cannot be requested on attach; use ipv6_enable of the v1 batch call.`,
        );
      }
      if (!ipv4InCidr(wanted, network.cidr)) {
        return novaFault(
          400,
          `Fixed IP address ${wanted} is not in subnet ${network.subnetId} (${network.cidr}).`,
        );
      }
      if (taken.has(wanted)) {
        return novaFault(
          409,
          `Fixed IP address ${wanted} is already in use on network ${network.id}.`,
        );
      }
      ip = wanted;
    } else {
      ip = allocateIpv4(network.cidr, taken);
      if (ip === undefined) {
        return novaFault(400, `No fixed IP addresses available for network: ${network.id}`);
      }
    }
    const defaultGroup = [...state.securityGroups.values()].find(
      (g) => g.projectId === server.projectId && g.name === 'default',
    );
    const port: HuaweiPortRecord = {
      id: ctx.random.uuid(),
      projectId: server.projectId,
      networkId: network.id,
      ipAddress: ip,
      macAddress: ctx.random.mac(MAC_PREFIX),
      serverId: null,
      primary: false,
      deleteOnTermination: true,
      securityGroupIds: defaultGroup ? [defaultGroup.id] : [],
      activeAtMs,
      boundSeq: 0,
      pciSlot: 0,
    };
    state.ports.set(port.id, port);
    bindPort(state, port, server.id);
    return { status: 200, body: { interfaceAttachment: novaView(state, port) } };
  }),

  novaShowServerInterface: serverCall((req, ctx, server) => {
    const port = attachedPort(ctx, req, server);
    if (!port) return notAttached(String(req.params.port_id));
    return { status: 200, body: { interfaceAttachment: novaView(ctx.world.state, port) } };
  }),

  novaDetachServerInterface: serverCall((req, ctx, server) => {
    if (server.locked) return locked(req, server);
    const port = attachedPort(ctx, req, server);
    if (!port) return notAttached(String(req.params.port_id));
    if (port.primary) {
      return novaFault(403, `The primary NIC ${port.id} of the server cannot be detached.`);
    }
    if (port.detachStartedMs !== undefined) {
      return novaFault(409, `Port ${port.id} is already being detached.`);
    }
    port.detachStartedMs = monotonicMs();
    return { status: 202 };
  }),
};

function responseHeaders(
  req: EmulatorRequest,
  _reply: EmulatorReply,
  ctx: Ctx,
): Record<string, string> {
  const headers: Record<string, string> = { 'x-request-id': requestId(req, ctx) };
  const version = req.locals.microversion as string | undefined;
  if (version !== undefined) {
    headers['x-openstack-nova-api-version'] = version;
    headers['openstack-api-version'] = `compute ${version}`;
    headers.vary = 'OpenStack-API-Version, X-OpenStack-Nova-API-Version';
  }
  return headers;
}

export const definition: EmulatorDefinition<HuaweiEmulatorOptions, HuaweiWorld> = {
  provider: 'huawei',
  document,
  operations,
  setup,
  authenticate,
  responseHeaders,
  handlers,
  errors: {
    notFound: (req, ctx) =>
      gatewayError(
        req,
        ctx,
        404,
        'APIG.0101',
        'The API does not exist or has not been published in the environment.',
      ),
    methodNotAllowed: (req, _allowed, ctx) =>
      gatewayError(
        req,
        ctx,
        404,
        'APIG.0101',
        'The API does not exist or has not been published in the environment.',
      ),
    payloadTooLarge: (req, limit, ctx) =>
      gatewayError(
        req,
        ctx,
        413,
        'APIG.0201',
        `Request entity too large: the limit is ${limit} bytes.`,
      ),
    invalidJson: (req) =>
      isNova(req)
        ? novaFault(400, 'Malformed request body')
        : ecsError(400, ECS_BAD_REQUEST, 'request body is illegal.'),
    invalidRequest: (req, issues) => invalidRequest(req, issues),
    fault: (req, status, ctx) => {
      if (status === 429) {
        return gatewayError(
          req,
          ctx,
          429,
          'APIG.0308',
          'The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute',
        );
      }
      if (status === 401)
        return gatewayError(req, ctx, 401, APIGW_AUTH, `${AUTH_PREFIX}injected fault`);
      const text = status >= 500 ? 'System error.' : (STATUS_TEXT[status] ?? `HTTP ${status}`);
      return serviceError(req, status, ECS_GENERIC, text);
    },
    internal: (req, error) =>
      serviceError(
        req,
        500,
        ECS_GENERIC,
        `System error: ${error instanceof Error ? error.message : String(error)}`,
      ),
  },
};
