// OpenStack emulator: Keystone v3 tokens and Nova's port interfaces (`os-interface`) with
// microversions, behind keystonemiddleware, as `specs/openstack.yaml` and part A of the Nova and
// Rackspace fact sheet describe them. One server plays a devstack-style deployment:
//   /identity/v3/auth/tokens          Keystone (`handle.authUrl` = `<origin>/identity/v3`)
//   /compute/                         Nova's unauthenticated version document
//   /compute/v2.1/servers/{id}/...    Nova (`handle.computeUrl`, the catalog's compute URL)
//
// Assumptions where upstream leaves a choice (kept in one place):
// - Keystone refuses every bad login with the same 401 (unknown or disabled user, wrong password
//   or secret, unknown domain or project, no role on the project), as Keystone hides which part
//   was wrong. A scope sent with an application credential is 401 with Keystone's own message,
//   although the spec's request schema already forbids it. A password login without a scope is
//   scoped to the user's default project. Tokens live `tokenLifetimeSeconds` (default 3600, as
//   Keystone's `[token] expiration`) on the emulator clock; `?nocatalog` drops the catalog.
// - The catalog's `compute` service has a public and an internal endpoint in each of `regions`
//   (default `RegionOne`, `RegionTwo`); all point at this emulator's `/compute/v2.1` (it is one
//   host). An `identity` service points at `/identity/v3`.
// - A missing, unknown or expired token on a compute call is keystonemiddleware's 401 with
//   `WWW-Authenticate: Keystone uri="<origin>/identity"`, before Nova parses the microversion.
// - Servers and networks belong to projects: another project's server is 404 like an unknown one;
//   another project's port or non-shared network is 404 too. A token whose roles lack `member`
//   may list and show but not attach or detach (403 with Nova's policy message).
// - Attach answers 200 with `port_state` `DOWN`; the port reads `ACTIVE` once `asyncDelayMs` has
//   passed. Detach answers 202; the port leaves the list after `asyncDelayMs`: a port Nova created
//   (attach by network) is deleted, an existing port (attach by port) is only unbound. A second
//   detach meanwhile is accepted again (202, nothing changes), since Nova casts it.
// - A detach of a port that exists but is not attached to the server is 404 with the compute
//   host's message ("Port X is not attached"); real Nova may accept it and fail in the background.
// - A requested fixed IP outside the network's subnet is 400 (Nova's InvalidInput); one already
//   held by any port on the network is 409 FixedIpAlreadyInUse naming the server being attached.
//   A full subnet is 400 NoMoreFixedIps.
// - Nova's controller messages for "port and network together" and "fixed IP without network"
//   are used when the spec's `oneOf` refuses such a body; other schema failures read like Nova's
//   (jsonschema's wording of the most telling problem).
// - From microversion 2.102 list and show refuse query parameters the spec does not declare.
import type { components } from '../../generated/openstack.js';
import { document } from '../../generated/openstack.document.js';
import {
  operations as specOperations,
  requestMicroversionFields,
  responseMicroversionFields,
} from '../../generated/openstack.meta.js';
import {
  allocateIpv4,
  atPointer,
  createRandom,
  deref,
  ipv4InCidr,
  monotonicMs,
  parseCidr,
  serverPath,
  type EmulatorContext,
  type EmulatorDefinition,
  type EmulatorHandle,
  type EmulatorOptions,
  type EmulatorReply,
  type EmulatorRequest,
  type EmulatorWorld,
  type OperationMeta,
  type RandomSource,
  type ValidationIssue,
} from './framework/index.js';
import {
  faultText,
  jsonschemaWording,
  mountUnder,
  novaFault,
  pyRepr,
  tellingIssue,
  valueAt,
} from './openstack-common.js';

type Schemas = components['schemas'];
type Attachment = Schemas['InterfaceAttachment'];
type Json = Record<string, unknown>;

// ----- where things are mounted -----

/** Path prefix of Keystone; the spec's `createToken` server adds `/v3`. */
export const OPENSTACK_IDENTITY_PREFIX = '/identity';
/** Path prefix of Nova; the spec's first server adds `/v2.1`, the version root is the prefix. */
export const OPENSTACK_COMPUTE_PREFIX = '/compute';

const operations: Record<string, OperationMeta> = Object.fromEntries(
  Object.entries(specOperations).map(([id, op]) => [
    id,
    mountUnder(
      op.operationId === 'createToken' ? OPENSTACK_IDENTITY_PREFIX : OPENSTACK_COMPUTE_PREFIX,
      op,
    ),
  ]),
);
/** `/compute/v2.1`: the prefix plus the path of the spec's first (project-less) server. */
const COMPUTE_BASE = `${OPENSTACK_COMPUTE_PREFIX}${serverPath((document.servers as { url: string }[])[0]!)}`;

// ----- public types -----

export interface OpenStackDomain {
  id: string;
  name: string;
}
export interface OpenStackProject {
  id: string;
  name: string;
  domainId: string;
}
export interface OpenStackUser {
  id: string;
  name: string;
  domainId: string;
  password: string;
  /** Project a password login without scope is scoped to; the user has `roles` there. */
  defaultProjectId: string;
  /** Projects the user has `roles` on (the default project is always included). */
  projectIds?: string[];
  /** Role names, e.g. `['member', 'reader']`; without `member` attach and detach are 403. */
  roles: string[];
  /** A disabled user cannot log in (401). */
  enabled?: boolean;
}
export interface OpenStackApplicationCredential {
  id: string;
  name: string;
  secret: string;
  userId: string;
  projectId: string;
  /** Roles the credential carries; default: its user's. */
  roles?: string[];
}

export interface OpenStackCredentials {
  domains: OpenStackDomain[];
  projects: OpenStackProject[];
  users: OpenStackUser[];
  applicationCredentials: OpenStackApplicationCredential[];
  /** The first user's password login, in the shape `keystoneTokenRequest` takes (plus authUrl). */
  password: {
    username: string;
    userDomainName: string;
    password: string;
    projectName: string;
    projectDomainId: string;
  };
  /** The first application credential, in the shape `keystoneTokenRequest` takes. */
  applicationCredential: { applicationCredentialId: string; applicationCredentialSecret: string };
}

export interface OpenStackServerFixture {
  id: string;
  name: string;
  projectId: string;
  /** Nova `vm_state`; attach and detach need active, paused or stopped (409 otherwise). */
  vmState: string;
  /** Nova `task_state`; attach and detach need none (409 otherwise). */
  taskState: string | null;
  /** A locked server refuses attach and detach (409 InstanceIsLocked). */
  locked: boolean;
}
export interface OpenStackNetworkFixture {
  id: string;
  name: string;
  /** Owning project, or null for a shared network every project may use. */
  projectId: string | null;
  /** The network's one IPv4 subnet. */
  subnetId: string;
  cidr: string;
}
export interface OpenStackPortFixture {
  id: string;
  networkId: string;
  projectId: string;
  ipAddress: string;
  /** Server the port is attached to, or null for a free port (attach it with `port_id`). */
  serverId: string | null;
  macAddress?: string;
  tag?: string | null;
}
export interface OpenStackFixtures {
  servers: OpenStackServerFixture[];
  networks: OpenStackNetworkFixture[];
  ports: OpenStackPortFixture[];
}

export interface OpenStackEmulatorOptions extends EmulatorOptions {
  /** Replace the seeded domains, projects, users and application credentials (each separately). */
  credentials?: Partial<
    Pick<OpenStackCredentials, 'domains' | 'projects' | 'users' | 'applicationCredentials'>
  >;
  /** Replace the seeded servers, networks and ports (each separately). */
  fixtures?: Partial<OpenStackFixtures>;
  /** The microversion range Nova serves; default 2.1 to 2.96 (2024.1 Caracal, 2024.2 Dalmatian). */
  microversions?: { min?: string; max?: string };
  /** Token lifetime on the emulator clock; default 3600 seconds. */
  tokenLifetimeSeconds?: number;
  /** Regions of the catalog's compute endpoints; default `['RegionOne', 'RegionTwo']`. */
  regions?: string[];
}

export interface OpenStackTokenRecord {
  id: string;
  userId: string;
  projectId: string;
  roles: string[];
  methods: string[];
  issuedAt: Date;
  expiresAt: Date;
}

export interface OpenStackPortRecord {
  id: string;
  networkId: string;
  projectId: string;
  fixedIps: { ip_address: string; subnet_id: string }[];
  macAddress: string;
  serverId: string | null;
  /** Neutron status: `DOWN` until `asyncDelayMs` after an attach, then `ACTIVE`. */
  status: 'ACTIVE' | 'DOWN';
  tag: string | null;
  /** Created by an attach on a network: deleted (not just unbound) when detached. */
  createdByAttach: boolean;
  /** Monotonic ms of the attach; the port goes ACTIVE `asyncDelayMs` later. */
  attachedMs?: number;
  /** Monotonic ms of an accepted detach; the port leaves the server `asyncDelayMs` later. */
  detachStartedMs?: number;
}

export interface OpenStackState {
  servers: Map<string, OpenStackServerFixture>;
  networks: Map<string, OpenStackNetworkFixture>;
  ports: Map<string, OpenStackPortRecord>;
  /** Issued tokens by id (expired ones stay until reset). */
  tokens: Map<string, OpenStackTokenRecord>;
  /** Ports attached to a server right now (due transitions applied first). */
  interfacesOf(serverId: string): OpenStackPortRecord[];
  /** Applies the port transitions whose time has come. */
  settle(): void;
  /** Its own seeded stream, so request ids do not shift the ids of ports and tokens. */
  requestIds: RandomSource;
}

export type OpenStackWorld = EmulatorWorld<OpenStackCredentials, OpenStackFixtures, OpenStackState>;
type Ctx = EmulatorContext<OpenStackEmulatorOptions, OpenStackWorld>;

/** URLs the OpenStack emulator adds to its handle. */
export interface OpenStackUrls {
  /** Keystone v3 root, the `authUrl` (`OS_AUTH_URL`) of clients. */
  authUrl: string;
  /** Nova's v2.1 base, as in the catalog. */
  computeUrl: string;
  /** Nova's unversioned root serving the version document. */
  computeVersionUrl: string;
}

const DEFAULT_MIN = '2.1';
const DEFAULT_MAX = '2.96';
const DEFAULT_TOKEN_LIFETIME_S = 3600;
const DEFAULT_REGIONS = ['RegionOne', 'RegionTwo'];
const MAC_PREFIX = 'fa:16:3e';
const MEMBER_ROLE = 'member';
const VARY = 'OpenStack-API-Version, X-OpenStack-Nova-API-Version';

// ----- microversions -----

const VERSION_PATTERN = /^([1-9]\d*)\.([1-9]\d*|0)$/;

function compareVersions(a: string, b: string): number {
  const [, amaj, amin] = VERSION_PATTERN.exec(a)!;
  const [, bmaj, bmin] = VERSION_PATTERN.exec(b)!;
  return Number(amaj) - Number(bmaj) || Number(amin) - Number(bmin);
}
const atLeast = (version: string, min: string) => compareVersions(version, min) >= 0;

function versionRange(ctx: Ctx): { min: string; max: string } {
  const range = {
    min: ctx.options.microversions?.min ?? DEFAULT_MIN,
    max: ctx.options.microversions?.max ?? DEFAULT_MAX,
  };
  for (const v of [range.min, range.max]) {
    if (!VERSION_PATTERN.test(v)) throw new TypeError(`not a microversion: ${v}`);
  }
  return range;
}

/**
 * The microversion a request asks for, as microversion_parse reads it: the `compute` entry of
 * `OpenStack-API-Version` wins, else `X-OpenStack-Nova-API-Version`, else the minimum.
 */
function requestedVersion(req: EmulatorRequest): string | undefined {
  const modern = req.header('openstack-api-version');
  if (modern !== undefined) {
    for (const entry of modern.split(',')) {
      const [service, ...rest] = entry.trim().split(/\s+/);
      if (service?.toLowerCase() === 'compute') return rest.join(' ');
    }
  }
  return req.header('x-openstack-nova-api-version')?.trim();
}

/** Parses and range-checks the microversion; a fault reply when Nova would refuse it. */
function negotiate(req: EmulatorRequest, ctx: Ctx): string | EmulatorReply {
  const { min, max } = versionRange(ctx);
  const asked = requestedVersion(req);
  if (asked === undefined) return min;
  if (asked.toLowerCase() === 'latest') return max;
  if (!VERSION_PATTERN.test(asked)) {
    return novaFault(
      400,
      `API Version String ${asked} is of invalid format. Must be of format MajorNum.MinorNum.`,
    );
  }
  if (compareVersions(asked, min) < 0 || compareVersions(asked, max) > 0) {
    return novaFault(
      406,
      `Version ${asked} is not supported by the API. Minimum is ${min} and maximum is ${max}.`,
    );
  }
  return asked;
}

/** Removes response fields newer than `version` (the spec's `x-min-microversion` on responses). */
function withoutNewerFields(operationId: string, body: Json, version: string): Json {
  const fields =
    responseMicroversionFields[operationId as keyof typeof responseMicroversionFields] ?? [];
  const drop = (node: unknown, parts: string[]) => {
    if (node === null || typeof node !== 'object') return;
    const [head, ...rest] = parts;
    if (head === undefined) return;
    if (head === '-' && Array.isArray(node)) {
      for (const item of node) drop(item, rest);
    } else if (rest.length === 0) {
      delete (node as Json)[head];
    } else {
      drop((node as Json)[head], rest);
    }
  };
  for (const field of fields) {
    if (!atLeast(version, field.min)) drop(body, field.pointer.split('/').slice(1));
  }
  return body;
}

/** Query parameter names the spec declares for an operation. */
function declaredQueryParameters(op: OperationMeta): Set<string> {
  const esc = op.path.replace(/~/g, '~0').replace(/\//g, '~1');
  const pathItem = atPointer(document, `#/paths/${esc}`) as Json;
  const opNode = (pathItem?.[op.method.toLowerCase()] ?? {}) as Json;
  const names = new Set<string>();
  for (const raw of [
    ...((pathItem?.parameters as unknown[]) ?? []),
    ...((opNode.parameters as unknown[]) ?? []),
  ]) {
    const { node } = deref(document, raw, '');
    if (node?.in === 'query') names.add(String(node.name));
  }
  return names;
}

// ----- Keystone replies -----

function keystoneError(status: number, title: string, message: string, ctx?: Ctx): EmulatorReply {
  return {
    status,
    body: { error: { code: status, title, message } },
    ...(status === 401 && ctx ? { headers: { 'www-authenticate': challenge(ctx) } } : {}),
  };
}
const challenge = (ctx: Ctx) => `Keystone uri="${ctx.origin}${OPENSTACK_IDENTITY_PREFIX}"`;
const AUTH_REQUIRED = 'The request you have made requires authentication.';
const unauthorized = (ctx: Ctx, message = AUTH_REQUIRED) =>
  keystoneError(401, 'Unauthorized', message, ctx);

// ----- fixtures and state -----

function defaultCredentials(random: RandomSource) {
  const domains: OpenStackDomain[] = [{ id: 'default', name: 'Default' }];
  const projects: OpenStackProject[] = [
    { id: random.hex(32), name: 'demo', domainId: 'default' },
    { id: random.hex(32), name: 'alt_demo', domainId: 'default' },
  ];
  const [demo, alt] = projects as [OpenStackProject, OpenStackProject];
  const users: OpenStackUser[] = [
    {
      id: random.hex(32),
      name: 'demo',
      domainId: 'default',
      password: `demo-${random.alnum(16)}`,
      defaultProjectId: demo.id,
      roles: ['member', 'reader'],
    },
    {
      id: random.hex(32),
      name: 'viewer',
      domainId: 'default',
      password: `viewer-${random.alnum(16)}`,
      defaultProjectId: demo.id,
      roles: ['reader'],
    },
    {
      id: random.hex(32),
      name: 'alt_demo',
      domainId: 'default',
      password: `alt-${random.alnum(16)}`,
      defaultProjectId: alt.id,
      roles: ['member', 'reader'],
    },
    {
      id: random.hex(32),
      name: 'retired',
      domainId: 'default',
      password: `retired-${random.alnum(16)}`,
      defaultProjectId: demo.id,
      roles: ['member'],
      enabled: false,
    },
  ];
  const applicationCredentials: OpenStackApplicationCredential[] = [
    {
      id: random.hex(32),
      name: 'monitoring',
      secret: random.alnum(24),
      userId: users[0]!.id,
      projectId: demo.id,
    },
  ];
  return { domains, projects, users, applicationCredentials };
}

function defaultFixtures(random: RandomSource, projects: OpenStackProject[]): OpenStackFixtures {
  const demo = projects[0]!.id;
  const alt = (projects[1] ?? projects[0]!).id;
  const networks: OpenStackNetworkFixture[] = [
    {
      id: random.uuid(),
      name: 'private',
      projectId: demo,
      subnetId: random.uuid(),
      cidr: '192.168.1.0/24',
    },
    {
      id: random.uuid(),
      name: 'storage',
      projectId: demo,
      subnetId: random.uuid(),
      cidr: '10.20.0.0/24',
    },
    {
      id: random.uuid(),
      name: 'alt-private',
      projectId: alt,
      subnetId: random.uuid(),
      cidr: '172.16.5.0/24',
    },
  ];
  const [privateNet, storageNet, altNet] = networks as [
    OpenStackNetworkFixture,
    OpenStackNetworkFixture,
    OpenStackNetworkFixture,
  ];
  const active = { vmState: 'active', taskState: null, locked: false };
  const servers: OpenStackServerFixture[] = [
    { id: random.uuid(), name: 'web-1', projectId: demo, ...active },
    { id: random.uuid(), name: 'web-2', projectId: demo, ...active },
    { id: random.uuid(), name: 'locked-1', projectId: demo, ...active, locked: true },
    {
      id: random.uuid(),
      name: 'build-1',
      projectId: demo,
      ...active,
      vmState: 'building',
      taskState: 'spawning',
    },
    { id: random.uuid(), name: 'alt-1', projectId: alt, ...active },
  ];
  const [web1, , locked] = servers as [
    OpenStackServerFixture,
    OpenStackServerFixture,
    OpenStackServerFixture,
  ];
  const ports: OpenStackPortFixture[] = [
    {
      id: random.uuid(),
      networkId: privateNet.id,
      projectId: demo,
      ipAddress: '192.168.1.10',
      serverId: web1.id,
    },
    {
      id: random.uuid(),
      networkId: storageNet.id,
      projectId: demo,
      ipAddress: '10.20.0.10',
      serverId: locked.id,
    },
    // A free port, for attaching an existing port.
    {
      id: random.uuid(),
      networkId: privateNet.id,
      projectId: demo,
      ipAddress: '192.168.1.20',
      serverId: null,
    },
    {
      id: random.uuid(),
      networkId: altNet.id,
      projectId: alt,
      ipAddress: '172.16.5.10',
      serverId: null,
    },
  ];
  return { servers, networks, ports };
}

function setup(options: OpenStackEmulatorOptions, random: RandomSource): OpenStackWorld {
  const seededCredentials = defaultCredentials(random);
  const domains = options.credentials?.domains ?? seededCredentials.domains;
  const projects = options.credentials?.projects ?? seededCredentials.projects;
  const users = options.credentials?.users ?? seededCredentials.users;
  const applicationCredentials =
    options.credentials?.applicationCredentials ?? seededCredentials.applicationCredentials;
  const first = users[0];
  const firstProject = projects.find((p) => p.id === first?.defaultProjectId);
  const firstAppCred = applicationCredentials[0];
  const credentials: OpenStackCredentials = {
    domains,
    projects,
    users,
    applicationCredentials,
    password: {
      username: first?.name ?? '',
      userDomainName: domains.find((d) => d.id === first?.domainId)?.name ?? '',
      password: first?.password ?? '',
      projectName: firstProject?.name ?? '',
      projectDomainId: firstProject?.domainId ?? '',
    },
    applicationCredential: {
      applicationCredentialId: firstAppCred?.id ?? '',
      applicationCredentialSecret: firstAppCred?.secret ?? '',
    },
  };

  const seeded = defaultFixtures(random, projects);
  const fixtures: OpenStackFixtures = {
    servers: options.fixtures?.servers ?? seeded.servers,
    networks: options.fixtures?.networks ?? seeded.networks,
    ports: options.fixtures?.ports ?? seeded.ports,
  };
  for (const network of fixtures.networks) parseCidr(network.cidr);
  const networks = new Map(fixtures.networks.map((n) => [n.id, { ...n }]));
  const ports = new Map<string, OpenStackPortRecord>(
    fixtures.ports.map((p) => [
      p.id,
      {
        id: p.id,
        networkId: p.networkId,
        projectId: p.projectId,
        fixedIps: [
          { ip_address: p.ipAddress, subnet_id: networks.get(p.networkId)?.subnetId ?? '' },
        ],
        macAddress: p.macAddress ?? random.mac(MAC_PREFIX),
        serverId: p.serverId,
        status: p.serverId ? 'ACTIVE' : 'DOWN',
        tag: p.tag ?? null,
        createdByAttach: false,
      },
    ]),
  );
  const delay = options.asyncDelayMs ?? 50;
  const state: OpenStackState = {
    servers: new Map(fixtures.servers.map((s) => [s.id, { ...s }])),
    networks,
    ports,
    tokens: new Map(),
    requestIds: createRandom(random.hex(16)),
    settle() {
      const now = monotonicMs();
      for (const port of [...ports.values()]) {
        if (port.detachStartedMs !== undefined && now - port.detachStartedMs >= delay) {
          if (port.createdByAttach) {
            ports.delete(port.id);
            continue;
          }
          port.serverId = null;
          port.status = 'DOWN';
          delete port.detachStartedMs;
          delete port.attachedMs;
        }
        if (port.attachedMs !== undefined && port.serverId && now - port.attachedMs >= delay) {
          port.status = 'ACTIVE';
          delete port.attachedMs;
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

// ----- views -----

function attachmentView(port: OpenStackPortRecord): Attachment {
  return {
    fixed_ips: port.fixedIps.map((ip) => ({ ...ip })),
    mac_addr: port.macAddress,
    net_id: port.networkId,
    port_id: port.id,
    port_state: port.status,
    tag: port.tag,
  };
}

function reply(req: EmulatorRequest, status: number, body: Json): EmulatorReply {
  const version = req.locals.microversion as string;
  return { status, body: withoutNewerFields(req.operation!.operationId, body, version) };
}

// ----- authentication (keystonemiddleware) and microversions -----

interface Caller {
  token: OpenStackTokenRecord;
}

function authenticate(req: EmulatorRequest, ctx: Ctx): EmulatorReply | undefined {
  if (!req.operation?.authenticated) return undefined;
  const id = req.header('x-auth-token');
  const token = id ? ctx.world.state.tokens.get(id) : undefined;
  if (!token || token.expiresAt.getTime() <= ctx.now().getTime()) return unauthorized(ctx);
  req.locals.caller = { token } satisfies Caller;
  const version = negotiate(req, ctx);
  if (typeof version !== 'string') return version;
  req.locals.microversion = version;
  return undefined;
}

/** Request fields newer than the microversion, and (2.102+) undeclared query parameters: 400. */
function prepare(req: EmulatorRequest, ctx: Ctx): EmulatorReply | undefined {
  const op = req.operation!;
  if (op.operationId === 'createToken') return refuseScopedApplicationCredential(req, ctx);
  const version = req.locals.microversion as string | undefined;
  if (!version) return undefined;
  const fields =
    requestMicroversionFields[op.operationId as keyof typeof requestMicroversionFields] ?? [];
  for (const field of fields) {
    if (atLeast(version, field.min)) continue;
    const path = field.pointer.split('/').slice(1);
    if (valueAt(req.body, path) === undefined) continue;
    const key = path.pop()!;
    const parent = valueAt(req.body, path);
    return novaFault(
      400,
      `Invalid input for field/attribute ${path[path.length - 1] ?? 'body'}. Value: ${pyRepr(parent)}. Additional properties are not allowed (${pyRepr(key)} was unexpected)`,
    );
  }
  if (op.method === 'GET' && atLeast(version, '2.102')) {
    const declared = declaredQueryParameters(op);
    for (const [name, value] of req.query) {
      if (declared.has(name)) continue;
      return novaFault(
        400,
        `Invalid input for query parameters ${name}. Value: ${value}. Additional properties are not allowed (${pyRepr(name)} was unexpected)`,
      );
    }
  }
  return undefined;
}

/** Keystone answers a scope sent with an application credential with its own 401. */
function refuseScopedApplicationCredential(
  req: EmulatorRequest,
  ctx: Ctx,
): EmulatorReply | undefined {
  const auth = valueAt(req.body, ['auth']) as Json | undefined;
  const methods = valueAt(auth, ['identity', 'methods']);
  if (
    auth?.scope !== undefined &&
    Array.isArray(methods) &&
    methods.includes('application_credential')
  ) {
    return unauthorized(
      ctx,
      'Error authenticating with application credential: Application credentials cannot request a scope.',
    );
  }
  return undefined;
}

function responseHeaders(
  req: EmulatorRequest,
  _reply: EmulatorReply,
  ctx: Ctx,
): Record<string, string> {
  const headers: Record<string, string> = {
    'x-openstack-request-id': `req-${ctx.world.state.requestIds.uuid()}`,
  };
  const version = req.locals.microversion as string | undefined;
  if (version) {
    headers['openstack-api-version'] = `compute ${version}`;
    headers['x-openstack-nova-api-version'] = version;
    headers.vary = VARY;
  }
  return headers;
}

// ----- request errors -----

const isIdentity = (req: EmulatorRequest) =>
  req.operation?.operationId === 'createToken' ||
  req.path === OPENSTACK_IDENTITY_PREFIX ||
  req.path.startsWith(`${OPENSTACK_IDENTITY_PREFIX}/`);

function invalidRequest(req: EmulatorRequest, issues: ValidationIssue[], ctx: Ctx): EmulatorReply {
  if (isIdentity(req)) {
    const issue = tellingIssue(issues) ?? issues[0]!;
    const { text } = jsonschemaWording(issue, req.body);
    const field = issue.path.length > 0 ? issue.path.join('/') : 'auth';
    return keystoneError(400, 'Bad Request', `Invalid input for field '${field}': ${text}`, ctx);
  }
  const header = issues.find((i) => i.location === 'header');
  if (header) {
    return novaFault(
      400,
      `API Version String ${req.header(header.name ?? '') ?? ''} is of invalid format. Must be of format MajorNum.MinorNum.`,
    );
  }
  const telling = tellingIssue(issues);
  const attachment = valueAt(req.body, ['interfaceAttachment']) as Json | undefined;
  if (!telling && attachment && typeof attachment === 'object') {
    // The spec's oneOf states these rules; Nova's controller words them so.
    if (attachment.port_id !== undefined && attachment.net_id !== undefined) {
      return novaFault(400, 'Must not input both network_id and port_id');
    }
    if (attachment.fixed_ips !== undefined && attachment.net_id === undefined) {
      return novaFault(400, 'Must input network_id when request IP address');
    }
  }
  const issue = telling ?? issues[0]!;
  if (issue.location !== 'body') {
    return novaFault(
      400,
      `Invalid input for ${issue.location} parameter ${issue.name}: ${issue.message}`,
    );
  }
  const { field, value, text } = jsonschemaWording(issue, req.body);
  return novaFault(
    400,
    field === undefined
      ? text
      : `Invalid input for field/attribute ${field}. Value: ${pyRepr(value)}. ${text}`,
  );
}

// ----- handlers -----

type OsHandler = (req: EmulatorRequest, ctx: Ctx) => EmulatorReply;

const instanceNotFound = (id: string) => novaFault(404, `Instance ${id} could not be found.`);
const portNotFound = (id: string) => novaFault(404, `Port id ${id} could not be found.`);

/** Settles async work and finds the server in the token's project (404 otherwise). */
function serverCall(
  fn: (
    req: EmulatorRequest,
    ctx: Ctx,
    server: OpenStackServerFixture,
    caller: Caller,
  ) => EmulatorReply,
): OsHandler {
  return (req, ctx) => {
    const { state } = ctx.world;
    state.settle();
    const caller = req.locals.caller as Caller;
    const id = String(req.params.server_id);
    const server = state.servers.get(id);
    if (!server || server.projectId !== caller.token.projectId) return instanceNotFound(id);
    return fn(req, ctx, server, caller);
  };
}

/** Nova's policy check for attach and detach (member role), then lock and state checks. */
function mayChange(
  action: 'create' | 'delete',
  server: OpenStackServerFixture,
  caller: Caller,
): EmulatorReply | undefined {
  if (!caller.token.roles.includes(MEMBER_ROLE)) {
    return novaFault(
      403,
      `Policy doesn't allow os_compute_api:os-attach-interfaces:${action} to be performed.`,
    );
  }
  if (server.locked) return novaFault(409, `Instance ${server.id} is locked`);
  const verb = action === 'create' ? 'attach_interface' : 'detach_interface';
  if (!['active', 'paused', 'stopped'].includes(server.vmState)) {
    return novaFault(
      409,
      `Cannot '${verb}' instance ${server.id} while it is in vm_state ${server.vmState}`,
    );
  }
  if (server.taskState !== null) {
    return novaFault(
      409,
      `Cannot '${verb}' instance ${server.id} while it is in task_state ${server.taskState}`,
    );
  }
  return undefined;
}

const visibleNetwork = (network: OpenStackNetworkFixture | undefined, projectId: string) =>
  network && (network.projectId === null || network.projectId === projectId) ? network : undefined;

function takenIps(state: OpenStackState, networkId: string): Map<string, OpenStackPortRecord> {
  const taken = new Map<string, OpenStackPortRecord>();
  for (const port of state.ports.values()) {
    if (port.networkId !== networkId) continue;
    for (const ip of port.fixedIps) taken.set(ip.ip_address, port);
  }
  return taken;
}

/** A new port on `network` bound to `server` (Nova asks Neutron to create it). */
function createPort(
  ctx: Ctx,
  server: OpenStackServerFixture,
  network: OpenStackNetworkFixture,
  wanted: string | undefined,
  tag: string | null,
): EmulatorReply | OpenStackPortRecord {
  const taken = takenIps(ctx.world.state, network.id);
  let ip = wanted;
  if (ip !== undefined) {
    if (!ipv4InCidr(ip, network.cidr)) {
      return novaFault(400, `Fixed IP ${ip} is not a valid ip address for network ${network.id}.`);
    }
    if (taken.has(ip)) {
      return novaFault(409, `Fixed IP address ${ip} is already in use on instance ${server.id}.`);
    }
  } else {
    ip = allocateIpv4(network.cidr, new Set(taken.keys()));
    if (!ip) return novaFault(400, `No fixed IP addresses available for network: ${network.id}`);
  }
  const port: OpenStackPortRecord = {
    id: ctx.random.uuid(),
    networkId: network.id,
    projectId: server.projectId,
    fixedIps: [{ ip_address: ip, subnet_id: network.subnetId }],
    macAddress: ctx.random.mac(MAC_PREFIX),
    serverId: server.id,
    status: 'DOWN',
    tag,
    createdByAttach: true,
    attachedMs: monotonicMs(),
  };
  ctx.world.state.ports.set(port.id, port);
  return port;
}

const handlers: Record<string, OsHandler> = {
  listComputeVersions(_req, ctx) {
    const { min, max } = versionRange(ctx);
    const root = `${ctx.origin}${OPENSTACK_COMPUTE_PREFIX}`;
    return {
      status: 200,
      body: {
        versions: [
          {
            id: 'v2.0',
            links: [{ href: `${root}/v2/`, rel: 'self' }],
            status: 'DEPRECATED',
            version: '',
            min_version: '',
            updated: '2025-07-04T12:00:00Z',
          },
          {
            id: 'v2.1',
            links: [{ href: `${ctx.origin}${COMPUTE_BASE}/`, rel: 'self' }],
            status: 'CURRENT',
            version: max,
            min_version: min,
            updated: '2013-07-23T11:33:21Z',
          },
        ],
      } satisfies Schemas['ComputeVersionList'],
    };
  },

  createToken(req, ctx) {
    return issueToken(req, ctx);
  },

  listServerInterfaces: serverCall((req, ctx, server) =>
    reply(req, 200, {
      interfaceAttachments: ctx.world.state.interfacesOf(server.id).map(attachmentView),
    } satisfies Schemas['InterfaceAttachmentList']),
  ),

  showServerInterface: serverCall((req, ctx, server) => {
    const id = String(req.params.port_id);
    const port = ctx.world.state.ports.get(id);
    if (!port || port.projectId !== server.projectId) return portNotFound(id);
    if (port.serverId !== server.id) {
      return novaFault(404, `Instance ${server.id} does not have a port with id ${id}`);
    }
    return reply(req, 200, { interfaceAttachment: attachmentView(port) });
  }),

  attachServerInterface: serverCall((req, ctx, server, caller) => {
    const refused = mayChange('create', server, caller);
    if (refused) return refused;
    const { state } = ctx.world;
    const request = (req.body as Schemas['AttachServerInterfaceRequest']).interfaceAttachment;
    const tag = request.tag ?? null;
    if ('port_id' in request && request.port_id) {
      const port = state.ports.get(request.port_id);
      if (!port || port.projectId !== server.projectId) return portNotFound(request.port_id);
      if (port.serverId !== null) return novaFault(409, `Port ${port.id} is still in use.`);
      port.serverId = server.id;
      port.status = 'DOWN';
      port.tag = tag;
      port.attachedMs = monotonicMs();
      return reply(req, 200, { interfaceAttachment: attachmentView(port) });
    }
    let network: OpenStackNetworkFixture | undefined;
    if ('net_id' in request && request.net_id) {
      network = visibleNetwork(state.networks.get(request.net_id), server.projectId);
      if (!network) return novaFault(404, `Network ${request.net_id} could not be found.`);
    } else {
      const available = [...state.networks.values()].filter((n) =>
        visibleNetwork(n, server.projectId),
      );
      if (available.length === 0) {
        return novaFault(
          400,
          `No specific network was requested and none are available for project '${server.projectId}'.`,
        );
      }
      if (available.length > 1) {
        return novaFault(
          400,
          'More than one possible network found. Specify network ID(s) to select which one(s) to connect to.',
        );
      }
      network = available[0]!;
    }
    const wanted = 'fixed_ips' in request ? request.fixed_ips?.[0]?.ip_address : undefined;
    const port = createPort(ctx, server, network, wanted, tag);
    if (!('fixedIps' in port)) return port;
    return reply(req, 200, { interfaceAttachment: attachmentView(port) });
  }),

  detachServerInterface: serverCall((req, ctx, server, caller) => {
    const refused = mayChange('delete', server, caller);
    if (refused) return refused;
    const id = String(req.params.port_id);
    const port = ctx.world.state.ports.get(id);
    if (!port || port.projectId !== server.projectId) return portNotFound(id);
    if (port.serverId !== server.id) return novaFault(404, `Port ${id} is not attached`);
    port.detachStartedMs ??= monotonicMs();
    return { status: 202 };
  }),
};

// ----- Keystone -----

function findDomain(ctx: Ctx, ref: { id?: string; name?: string }): OpenStackDomain | undefined {
  return ctx.world.credentials.domains.find((d) =>
    ref.id !== undefined ? d.id === ref.id : d.name === ref.name,
  );
}

function findUser(
  ctx: Ctx,
  ref: { id?: string; name?: string; domain?: { id?: string; name?: string } },
): OpenStackUser | undefined {
  const { users } = ctx.world.credentials;
  if (ref.id !== undefined) return users.find((u) => u.id === ref.id);
  const domain = ref.domain ? findDomain(ctx, ref.domain) : undefined;
  return domain && users.find((u) => u.name === ref.name && u.domainId === domain.id);
}

function findProject(
  ctx: Ctx,
  ref: { id?: string; name?: string; domain?: { id?: string; name?: string } },
): OpenStackProject | undefined {
  const { projects } = ctx.world.credentials;
  if (ref.id !== undefined) return projects.find((p) => p.id === ref.id);
  const domain = ref.domain ? findDomain(ctx, ref.domain) : undefined;
  return domain && projects.find((p) => p.name === ref.name && p.domainId === domain.id);
}

const userProjects = (user: OpenStackUser) =>
  new Set([user.defaultProjectId, ...(user.projectIds ?? [])]);

function issueToken(req: EmulatorRequest, ctx: Ctx): EmulatorReply {
  const { credentials, state } = ctx.world;
  const auth = (req.body as Schemas['TokenRequest']).auth;
  let user: OpenStackUser | undefined;
  let project: OpenStackProject | undefined;
  let roles: string[];
  let method: string;
  if (auth.identity.methods[0] === 'password') {
    method = 'password';
    const identity = auth.identity as Schemas['PasswordIdentity'];
    const given = identity.password.user as { id?: string; name?: string; password: string };
    user = findUser(ctx, given);
    if (!user || user.enabled === false || user.password !== given.password)
      return unauthorized(ctx);
    const scope = (auth as Schemas['PasswordAuth']).scope;
    project = scope
      ? findProject(ctx, scope.project)
      : findProject(ctx, { id: user.defaultProjectId });
    if (!project || !userProjects(user).has(project.id)) return unauthorized(ctx);
    roles = user.roles;
  } else {
    method = 'application_credential';
    const identity = auth.identity as Schemas['ApplicationCredentialIdentity'];
    const given = identity.application_credential as {
      id?: string;
      name?: string;
      secret: string;
      user?: { id?: string; name?: string; domain?: { id?: string; name?: string } };
    };
    let credential: OpenStackApplicationCredential | undefined;
    if (given.id !== undefined) {
      credential = credentials.applicationCredentials.find((c) => c.id === given.id);
    } else {
      const owner = given.user ? findUser(ctx, given.user) : undefined;
      credential = owner
        ? credentials.applicationCredentials.find(
            (c) => c.name === given.name && c.userId === owner.id,
          )
        : undefined;
    }
    if (!credential || credential.secret !== given.secret) return unauthorized(ctx);
    user = credentials.users.find((u) => u.id === credential!.userId);
    project = credentials.projects.find((p) => p.id === credential!.projectId);
    if (!user || user.enabled === false || !project) return unauthorized(ctx);
    roles = credential.roles ?? user.roles;
  }

  const now = ctx.now();
  const lifetime = (ctx.options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_S) * 1000;
  const record: OpenStackTokenRecord = {
    id: `gAAAAAB${ctx.random.alnum(176)}`,
    userId: user.id,
    projectId: project.id,
    roles: [...roles],
    methods: [method],
    issuedAt: now,
    expiresAt: new Date(now.getTime() + lifetime),
  };
  state.tokens.set(record.id, record);
  const domainOf = (id: string) => ({ id, name: findDomain(ctx, { id })?.name ?? id });
  const keystoneTime = (d: Date) => d.toISOString().replace(/Z$/, '000Z');
  const token: Schemas['Token'] = {
    methods: record.methods,
    user: {
      id: user.id,
      name: user.name,
      domain: domainOf(user.domainId),
      password_expires_at: null,
    },
    project: { id: project.id, name: project.name, domain: domainOf(project.domainId) },
    is_domain: false,
    roles: record.roles.map((name) => ({ id: roleId(name), name })),
    expires_at: keystoneTime(record.expiresAt),
    issued_at: keystoneTime(record.issuedAt),
    audit_ids: [ctx.random.alnum(22)],
  };
  if (!req.query.has('nocatalog')) token.catalog = catalog(ctx);
  return {
    status: 201,
    headers: { 'x-subject-token': record.id, vary: 'X-Auth-Token' },
    body: { token } satisfies Schemas['TokenResponse'],
  };
}

/** Stable role ids (Keystone's are random hex; these only need to be consistent). */
function roleId(name: string): string {
  let h = 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0').repeat(4);
}

function catalog(ctx: Ctx): Schemas['CatalogEntry'][] {
  const regions = ctx.options.regions ?? DEFAULT_REGIONS;
  const computeUrl = `${ctx.origin}${COMPUTE_BASE}`;
  const endpointId = (...parts: string[]) => roleId(parts.join('/'));
  return [
    {
      id: endpointId('service', 'compute'),
      type: 'compute',
      name: 'nova',
      endpoints: regions.flatMap((region) =>
        (['public', 'internal'] as const).map((iface) => ({
          id: endpointId('compute', region, iface),
          interface: iface,
          region,
          region_id: region,
          url: computeUrl,
        })),
      ),
    },
    {
      id: endpointId('service', 'identity'),
      type: 'identity',
      name: 'keystone',
      endpoints: [
        {
          id: endpointId('identity', regions[0] ?? 'RegionOne', 'public'),
          interface: 'public',
          region: regions[0] ?? 'RegionOne',
          region_id: regions[0] ?? 'RegionOne',
          url: `${ctx.origin}${OPENSTACK_IDENTITY_PREFIX}/v3`,
        },
      ],
    },
  ];
}

// ----- definition -----

export const definition: EmulatorDefinition<OpenStackEmulatorOptions, OpenStackWorld> & {
  handleExtras(handle: EmulatorHandle): OpenStackUrls;
} = {
  provider: 'openstack',
  document,
  operations,
  basePath: COMPUTE_BASE,
  setup,
  authenticate,
  prepare,
  responseHeaders,
  handlers,
  handleExtras: (handle) => ({
    authUrl: handle.urlFor('createToken'),
    computeUrl: handle.url,
    computeVersionUrl: `${handle.urlFor('listComputeVersions')}/`,
  }),
  errors: {
    notFound: (req, ctx) =>
      isIdentity(req)
        ? keystoneError(404, 'Not Found', 'The resource could not be found.', ctx)
        : novaFault(404, 'The resource could not be found.'),
    methodNotAllowed: (req, _allowed, ctx) =>
      isIdentity(req)
        ? keystoneError(
            405,
            'Method Not Allowed',
            'The method specified is not allowed for this resource.',
            ctx,
          )
        : novaFault(405, 'The method specified is not allowed for this resource.'),
    payloadTooLarge: (req, _limit, ctx) =>
      isIdentity(req)
        ? keystoneError(413, 'Request Entity Too Large', 'Request is too large.', ctx)
        : novaFault(413, 'Request is too large.'),
    invalidJson: (req, _detail, ctx) =>
      isIdentity(req)
        ? keystoneError(
            400,
            'Bad Request',
            'Expecting to find valid JSON in request body. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.',
            ctx,
          )
        : novaFault(400, 'Malformed request body'),
    invalidRequest,
    fault: (req, status, ctx) =>
      isIdentity(req)
        ? keystoneError(status, faultText(status), faultText(status), ctx)
        : novaFault(status, faultText(status)),
    internal: (req, error, ctx) =>
      isIdentity(req)
        ? keystoneError(
            500,
            'Internal Server Error',
            'An unexpected error prevented the server from fulfilling your request.',
            ctx,
          )
        : novaFault(
            500,
            `Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n<class '${error instanceof Error ? error.name : 'Exception'}'>`,
          ),
  },
};
