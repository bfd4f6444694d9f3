// Samsung Cloud Platform v2 Virtual Server emulator: network interfaces of servers, HMAC request
// signatures, `Scp-Api-Version` lifecycle and the version-discovery document, as `specs/scp.yaml`
// and the SCP fact sheet describe them.
//
// Assumptions where SCP documents nothing (kept in one place, listed in README.md):
// - `Scp-Timestamp` is accepted within ±15 minutes of the emulator clock (`timestampToleranceMs`).
// - A refused `Scp-Api-Version` (unknown, PLANNED, or DEPRECATED with its Not Before date reached,
//   dates read in Korea time) is answered 400 with the spec's validation-error list.
// - 401/403/404/409 bodies are `{ "message": "..." }` (the spec models them as a free object).
// - `Scp-ClientType` other than `Openapi` is refused with 401.
// - A detach (`DELETE`) answers 200 at once and the port leaves the list after `asyncDelayMs`
//   (the spec's x-async hint); a second detach meanwhile is a 409. A port the emulator created
//   from a subnet is deleted on detach; a pre-existing port is only unbound.
// - An update (202) is applied after `asyncDelayMs`.
import { verifyScpSignature } from '../auth/scp-signature.js';
import type { components } from '../../generated/scp.js';
import { document } from '../../generated/scp.document.js';
import { operations, scpApiVersions } from '../../generated/scp.meta.js';
import {
  DEFAULT_ASYNC_DELAY_MS,
  STATUS_TEXT,
  allocateIpv4,
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

type Schemas = components['schemas'];
type InterfaceView = Schemas['InterfaceResponse'];
type ValidationErrorModel = Schemas['ValidationErrorModel'];

export interface ScpVersionEntry {
  version: string;
  status: 'CURRENT' | 'SUPPORTED' | 'DEPRECATED' | 'PLANNED';
  notBefore: string | null;
}

export interface ScpServerFixture {
  id: string;
  name: string;
}
export interface ScpSubnetFixture {
  id: string;
  name: string;
  /** IPv4 CIDR the subnet hands addresses out of, e.g. `192.169.3.0/24`. */
  cidr: string;
}
export interface ScpPortFixture {
  id: string;
  subnetId: string;
  ipAddress: string;
  /** Server the port is attached to, or null for a free port (attach it with `port_id`). */
  serverId: string | null;
  macAddress?: string;
  staticNat?: Schemas['PublicStaticNat'];
}
export interface ScpFixtures {
  servers: ScpServerFixture[];
  subnets: ScpSubnetFixture[];
  ports: ScpPortFixture[];
}

export interface ScpCredentials {
  accessKey: string;
  secretKey: string;
}

export interface ScpEmulatorOptions extends EmulatorOptions {
  /** The accepted key pair; generated from the seed when left out. */
  credentials?: Partial<ScpCredentials>;
  /** Accepted distance between `Scp-Timestamp` and the emulator clock; default 15 minutes. */
  timestampToleranceMs?: number;
  /** One version table for every operation instead of the spec's `x-scp-api-versions`. */
  versions?: ScpVersionEntry[];
  /** Operations the key may not call (answered 403), to test permission errors. */
  forbiddenOperations?: string[];
  /** Replaces the seeded servers, subnets and ports (each list separately). */
  fixtures?: Partial<ScpFixtures>;
}

export interface ScpPortRecord {
  id: string;
  subnetId: string;
  ipAddress: string;
  macAddress: string;
  serverId: string | null;
  /** Created by an attach on a subnet: deleted (not just unbound) when detached. */
  ownedByAttach: boolean;
  staticNat?: Schemas['PublicStaticNat'];
  /** Monotonic ms when a detach started; the port goes away `asyncDelayMs` later. */
  detachStartedMs?: number;
  /** An accepted update, applied `asyncDelayMs` after `startedMs`. */
  pendingUpdate?: { subnetId: string; ipAddress: string; startedMs: number };
}

export interface ScpState {
  servers: Map<string, ScpServerFixture>;
  subnets: Map<string, ScpSubnetFixture>;
  ports: Map<string, ScpPortRecord>;
  /** Ports attached to a server right now (finished detaches and updates applied first). */
  interfacesOf(serverId: string): ScpPortRecord[];
  /** Applies asynchronous changes whose time has come. */
  settle(): void;
}

export type ScpWorld = EmulatorWorld<ScpCredentials, ScpFixtures, ScpState>;
type Ctx = EmulatorContext<ScpEmulatorOptions, ScpWorld>;

const DEFAULT_TOLERANCE_MS = 15 * 60 * 1000;
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;
const MAC_PREFIX = 'fa:16:3e';

// ----- fixtures and state -----

function defaultFixtures(random: RandomSource): ScpFixtures {
  const subnets = [
    { id: random.hex(32), name: 'subnet-app', cidr: '192.169.3.0/24' },
    { id: random.hex(32), name: 'subnet-db', cidr: '10.10.20.0/24' },
  ];
  const servers = [
    { id: random.uuid(), name: 'web-1' },
    { id: random.uuid(), name: 'web-2' },
    { id: random.uuid(), name: 'db-1' },
  ];
  const ports: ScpPortFixture[] = [
    {
      id: random.uuid(),
      subnetId: subnets[0]!.id,
      ipAddress: '192.169.3.2',
      serverId: servers[0]!.id,
      staticNat: {
        external_ip_address: '182.197.61.81',
        id: random.hex(32),
        publicip_id: random.hex(32),
        state: 'ACTIVE',
      },
    },
    {
      id: random.uuid(),
      subnetId: subnets[1]!.id,
      ipAddress: '10.10.20.7',
      serverId: servers[2]!.id,
    },
    // A free port, for attaching an existing port.
    { id: random.uuid(), subnetId: subnets[0]!.id, ipAddress: '192.169.3.50', serverId: null },
  ];
  return { servers, subnets, ports };
}

function setup(options: ScpEmulatorOptions, random: RandomSource): ScpWorld {
  const credentials: ScpCredentials = {
    accessKey: options.credentials?.accessKey ?? `emu-ak-${random.hex(20)}`,
    secretKey: options.credentials?.secretKey ?? `emu-sk-${random.hex(40)}`,
  };
  const seeded = defaultFixtures(random);
  const fixtures: ScpFixtures = {
    servers: options.fixtures?.servers ?? seeded.servers,
    subnets: options.fixtures?.subnets ?? seeded.subnets,
    ports: options.fixtures?.ports ?? seeded.ports,
  };
  for (const subnet of fixtures.subnets) parseCidr(subnet.cidr);
  const delay = options.asyncDelayMs ?? DEFAULT_ASYNC_DELAY_MS;
  const ports = new Map<string, ScpPortRecord>(
    fixtures.ports.map((p) => [
      p.id,
      {
        id: p.id,
        subnetId: p.subnetId,
        ipAddress: p.ipAddress,
        macAddress: p.macAddress ?? random.mac(MAC_PREFIX),
        serverId: p.serverId,
        ownedByAttach: false,
        ...(p.staticNat ? { staticNat: p.staticNat } : {}),
      },
    ]),
  );
  const state: ScpState = {
    servers: new Map(fixtures.servers.map((s) => [s.id, { ...s }])),
    subnets: new Map(fixtures.subnets.map((s) => [s.id, { ...s }])),
    ports,
    settle() {
      const now = monotonicMs();
      for (const port of [...ports.values()]) {
        if (port.pendingUpdate && now - port.pendingUpdate.startedMs >= delay) {
          port.subnetId = port.pendingUpdate.subnetId;
          port.ipAddress = port.pendingUpdate.ipAddress;
          delete port.pendingUpdate;
        }
        if (port.detachStartedMs !== undefined && now - port.detachStartedMs >= delay) {
          if (port.ownedByAttach) ports.delete(port.id);
          else {
            port.serverId = null;
            delete port.detachStartedMs;
          }
        }
      }
    },
    interfacesOf(serverId) {
      state.settle();
      return [...ports.values()].filter((p) => p.serverId === serverId);
    },
  };
  return { credentials, fixtures, state };
}

// ----- replies -----

const message = (status: number, text: string): EmulatorReply => ({
  status,
  body: { message: text },
});

const validationErrors = (errors: ValidationErrorModel[]): EmulatorReply => ({
  status: 400,
  body: errors,
});

function issueToModel(issue: ValidationIssue): ValidationErrorModel {
  const loc = [issue.location, ...(issue.name ? [issue.name] : []), ...issue.path];
  const missing = (issue.params as { missingProperty?: string }).missingProperty;
  return {
    loc: missing && issue.location === 'body' ? [...loc, missing] : loc,
    msg: issue.message,
    type_: `value_error.${issue.keyword.replace(/\W+/g, '_')}`,
    ctx: Object.keys(issue.params).length > 0 ? issue.params : null,
  };
}

function view(port: ScpPortRecord): InterfaceView {
  return {
    fixed_ips: [{ ip_address: port.ipAddress }],
    mac_addr: port.macAddress,
    port_id: port.id,
    port_state: 'ACTIVE',
    subnet_id: port.subnetId,
    ...(port.staticNat ? { static_nat: port.staticNat } : {}),
  };
}

// ----- version lifecycle -----

function seoulDay(date: Date): number {
  return Math.floor((date.getTime() + SEOUL_OFFSET_MS) / 86_400_000);
}
function isoDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

function versionTable(operationId: string, ctx: Ctx): readonly ScpVersionEntry[] {
  return ctx.options.versions ?? scpApiVersions?.[operationId as keyof typeof scpApiVersions] ?? [];
}

/** A 400 when the requested `Scp-Api-Version` cannot be called today, else undefined. */
function refuseVersion(req: EmulatorRequest, ctx: Ctx): EmulatorReply | undefined {
  const requested = req.header('scp-api-version');
  if (requested === undefined) return undefined; // the CURRENT version answers
  const version = requested.replace(/^\S+\s+/, '');
  const table = versionTable(req.operation!.operationId, ctx);
  const entry = table.find((e) => e.version === version);
  const usable = table
    .filter(
      (e) =>
        e.status !== 'PLANNED' &&
        !(e.status === 'DEPRECATED' && e.notBefore && isoDay(e.notBefore) <= seoulDay(ctx.now())),
    )
    .map((e) => e.version);
  let why: string | undefined;
  if (!entry) why = 'is not a version of this API';
  else if (entry.status === 'PLANNED') why = 'is PLANNED and cannot be called yet';
  else if (!usable.includes(entry.version)) {
    why = `is DEPRECATED and no longer supported since its Not Before date ${entry.notBefore}`;
  }
  if (!why) return undefined;
  return validationErrors([
    {
      loc: ['header', 'Scp-Api-Version'],
      msg: `${requested} ${why}; supported: ${usable.map((v) => `virtualserver ${v}`).join(', ')}`,
      type_: 'value_error.api_version',
      ctx: { requested, supported: usable },
    },
  ]);
}

// ----- authentication -----

async function authenticate(req: EmulatorRequest, ctx: Ctx): Promise<EmulatorReply | undefined> {
  if (!req.operation?.authenticated) return undefined;
  const names = ['Scp-AccessKey', 'Scp-Signature', 'Scp-Timestamp', 'Scp-ClientType'];
  const missing = names.filter((n) => !req.header(n));
  if (missing.length > 0) return message(401, `Unauthorized: missing header ${missing.join(', ')}`);
  const accessKey = req.header('scp-accesskey')!;
  const timestamp = req.header('scp-timestamp')!;
  const clientType = req.header('scp-clienttype')!;
  const { credentials } = ctx.world;
  if (accessKey !== credentials.accessKey) return message(401, 'Unauthorized: unknown access key');
  if (clientType !== 'Openapi') return message(401, 'Unauthorized: Scp-ClientType must be Openapi');
  const tolerance = ctx.options.timestampToleranceMs ?? DEFAULT_TOLERANCE_MS;
  if (
    !/^\d{1,16}$/.test(timestamp) ||
    Math.abs(Number(timestamp) - ctx.now().getTime()) > tolerance
  ) {
    return message(401, 'Unauthorized: Scp-Timestamp is outside the accepted time window');
  }
  const valid = await verifyScpSignature({
    method: req.method,
    url: req.absoluteUrl,
    timestamp,
    accessKey,
    accountId: req.header('scp-accountid') ?? '',
    clientType,
    secretKey: credentials.secretKey,
    signature: req.header('scp-signature')!,
  });
  if (!valid) return message(401, 'Unauthorized: signature does not match');
  if (ctx.options.forbiddenOperations?.includes(req.operation.operationId)) {
    return message(403, `Forbidden: the access key may not call ${req.operation.operationId}`);
  }
  return undefined;
}

// ----- handlers -----

type ScpHandler = (req: EmulatorRequest, ctx: Ctx) => EmulatorReply;

/** Version check, settling of async work and the server lookup every interface call shares. */
function serverCall(
  fn: (req: EmulatorRequest, ctx: Ctx, server: ScpServerFixture) => EmulatorReply,
): ScpHandler {
  return (req, ctx) => {
    const refused = refuseVersion(req, ctx);
    if (refused) return refused;
    ctx.world.state.settle();
    const server = ctx.world.state.servers.get(String(req.params.server_id));
    if (!server) return message(404, `Not Found: server ${req.params.server_id} does not exist`);
    return fn(req, ctx, server);
  };
}

function attachedPort(req: EmulatorRequest, ctx: Ctx, serverId: string) {
  const port = ctx.world.state.ports.get(String(req.params.port_id));
  return port && port.serverId === serverId ? port : undefined;
}

function takenIps(state: ScpState, subnetId: string, except?: string): Set<string> {
  const taken = new Set<string>();
  for (const p of state.ports.values()) {
    if (p.id === except) continue;
    if (p.subnetId === subnetId) taken.add(p.ipAddress);
    if (p.pendingUpdate?.subnetId === subnetId) taken.add(p.pendingUpdate.ipAddress);
  }
  return taken;
}

const handlers: Record<string, ScpHandler> = {
  listServiceVersions(_req, ctx) {
    const table = ctx.options.versions ?? scpApiVersions?.createServerInterface ?? [];
    return {
      status: 200,
      body: {
        versions: table.map((e) => ({
          id: `v${e.version}`,
          links: [{ href: `${ctx.url}/`, rel: 'self' }],
          not_before: e.notBefore,
          status: e.status,
        })),
      } satisfies Schemas['ServiceVersionList'],
    };
  },

  listServerInterfaces: serverCall((_req, ctx, server) => ({
    status: 200,
    body: {
      interfaces: ctx.world.state.interfacesOf(server.id).map(view),
    } satisfies Schemas['ServerInterfaceListResponse'],
  })),

  createServerInterface: serverCall((req, ctx, server) => {
    const { state } = ctx.world;
    const body = req.body as Schemas['ServerInterfaceCreateRequest'];
    if ('port_id' in body && body.port_id) {
      const port = state.ports.get(body.port_id);
      if (!port) return message(404, `Not Found: port ${body.port_id} does not exist`);
      if (port.serverId !== null) {
        return message(
          409,
          port.serverId === server.id
            ? `Conflict: port ${port.id} is already attached to this server`
            : `Conflict: port ${port.id} is attached to another server`,
        );
      }
      port.serverId = server.id;
      return { status: 200, body: view(port) };
    }
    const bySubnet = body as Schemas['ServerInterfaceCreateBySubnet'];
    const subnet = state.subnets.get(bySubnet.subnet_id);
    if (!subnet) return message(404, `Not Found: subnet ${bySubnet.subnet_id} does not exist`);
    const taken = takenIps(state, subnet.id);
    const wanted = bySubnet.fixed_ips?.[0]?.ip_address;
    let ip: string | undefined;
    if (wanted !== undefined) {
      if (!ipv4InCidr(wanted, subnet.cidr)) {
        return validationErrors([
          {
            loc: ['body', 'fixed_ips', 0, 'ip_address'],
            msg: `${wanted} is not a host address of subnet ${subnet.id} (${subnet.cidr})`,
            type_: 'value_error.ip_not_in_subnet',
            ctx: { cidr: subnet.cidr },
          },
        ]);
      }
      if (taken.has(wanted)) {
        return message(
          409,
          `Conflict: IP address ${wanted} is already in use on subnet ${subnet.id}`,
        );
      }
      ip = wanted;
    } else {
      ip = allocateIpv4(subnet.cidr, taken);
      if (!ip) return message(409, `Conflict: subnet ${subnet.id} has no free IP address`);
    }
    const port: ScpPortRecord = {
      id: ctx.random.uuid(),
      subnetId: subnet.id,
      ipAddress: ip,
      macAddress: ctx.random.mac(MAC_PREFIX),
      serverId: server.id,
      ownedByAttach: true,
    };
    state.ports.set(port.id, port);
    return { status: 200, body: view(port) };
  }),

  showServerInterface: serverCall((req, ctx, server) => {
    const port = attachedPort(req, ctx, server.id);
    if (!port)
      return message(
        404,
        `Not Found: port ${req.params.port_id} is not attached to server ${server.id}`,
      );
    return {
      status: 200,
      body: { interfaces: [view(port)] } satisfies Schemas['ServerInterfaceListResponse'],
    };
  }),

  updateServerInterface: serverCall((req, ctx, server) => {
    const { state } = ctx.world;
    const port = attachedPort(req, ctx, server.id);
    if (!port)
      return message(
        404,
        `Not Found: port ${req.params.port_id} is not attached to server ${server.id}`,
      );
    const body = req.body as Schemas['ServerInterfaceUpdateRequest'];
    if (body.subnet_id === undefined && body.fixed_ip_address === undefined) {
      return { status: 202 };
    }
    const subnetId = body.subnet_id ?? port.pendingUpdate?.subnetId ?? port.subnetId;
    const subnet = state.subnets.get(subnetId);
    if (!subnet) {
      return validationErrors([
        {
          loc: ['body', 'subnet_id'],
          msg: `subnet ${subnetId} does not exist`,
          type_: 'value_error.subnet_not_found',
          ctx: null,
        },
      ]);
    }
    const taken = takenIps(state, subnet.id, port.id);
    let ip = body.fixed_ip_address;
    if (ip !== undefined) {
      const problem = !ipv4InCidr(ip, subnet.cidr)
        ? `${ip} is not a host address of subnet ${subnet.id} (${subnet.cidr})`
        : taken.has(ip)
          ? `${ip} is already in use on subnet ${subnet.id}`
          : undefined;
      if (problem) {
        return validationErrors([
          {
            loc: ['body', 'fixed_ip_address'],
            msg: problem,
            type_: 'value_error.fixed_ip',
            ctx: null,
          },
        ]);
      }
    } else {
      ip = allocateIpv4(subnet.cidr, taken);
      if (!ip) {
        return validationErrors([
          {
            loc: ['body', 'subnet_id'],
            msg: `subnet ${subnet.id} has no free IP address`,
            type_: 'value_error.subnet_full',
            ctx: null,
          },
        ]);
      }
    }
    port.pendingUpdate = { subnetId: subnet.id, ipAddress: ip, startedMs: monotonicMs() };
    return { status: 202 };
  }),

  deleteServerInterface: serverCall((req, ctx, server) => {
    const port = attachedPort(req, ctx, server.id);
    if (!port)
      return message(
        404,
        `Not Found: port ${req.params.port_id} is not attached to server ${server.id}`,
      );
    if (port.detachStartedMs !== undefined) {
      return message(409, `Conflict: port ${port.id} is already being detached`);
    }
    port.detachStartedMs = monotonicMs();
    return { status: 200 };
  }),
};

export const definition: EmulatorDefinition<ScpEmulatorOptions, ScpWorld> = {
  provider: 'scp',
  document,
  operations,
  setup,
  authenticate,
  handlers,
  errors: {
    notFound: (req) => message(404, `Not Found: no route for ${req.method} ${req.path}`),
    methodNotAllowed: (req, allowed) =>
      message(405, `Method Not Allowed: ${req.method} (allowed: ${allowed.join(', ')})`),
    payloadTooLarge: (_req, limit) => message(413, `Request body larger than ${limit} bytes`),
    invalidJson: (_req, detail) =>
      validationErrors([
        {
          loc: ['body'],
          msg: `JSON decode error: ${detail}`,
          type_: 'value_error.jsondecode',
          ctx: null,
        },
      ]),
    invalidRequest: (_req, issues) => {
      const unique = new Map(issues.map(issueToModel).map((m) => [JSON.stringify(m), m]));
      return validationErrors([...unique.values()]);
    },
    fault: (_req, status) => message(status, STATUS_TEXT[status] ?? `HTTP ${status}`),
    internal: (_req, error) =>
      message(
        500,
        `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`,
      ),
  },
};
