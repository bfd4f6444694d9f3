// Rackspace emulator: Identity v2.0 tokens and the Cloud Servers `os-virtual-interfacesv2`
// extension behind Repose (token check, rate limits), as `specs/rackspace.yaml` and part B of the
// Nova and Rackspace fact sheet describe them. One server plays both services:
//   /identity/v2.0/tokens                      Identity (`handle.identityUrl`)
//   /servers-api/v2/123456/servers/{id}/...    Cloud Servers v2 (`handle.computeUrl`)
//
// Assumptions where Rackspace documents nothing (kept in one place):
// - The tenant is the spec's default account number `123456` (the compute base path is fixed when
//   the server starts); every configured user belongs to it.
// - The catalog lists the legacy `cloudServers` (v1.0, no region) entry first and
//   `cloudServersOpenStack` with one endpoint per region (default DFW, ORD, IAD), all pointing at
//   this emulator: a client that picks the first `compute` entry reaches the v1.0 URL, which
//   answers 404.
// - Bad credentials are 401 `unauthorized` (API key: "Username or api key is invalid.", password:
//   "Unable to authenticate user with credentials provided."); a disabled user is 403; a tenant
//   other than the user's is 401. Tokens live `tokenLifetimeSeconds` (default 24 hours) on the
//   emulator clock; authenticating again returns the same token while it has more than an hour
//   left, a new one after that (Rackspace's customisation).
// - A missing, unknown or expired token on Cloud Servers is 401 `unauthorized` (JSON).
// - Rate limits (Repose): accepted requests are counted per token (`rateLimitScope: 'account'`
//   counts per user) over a sliding minute of the emulator clock: GET 25 and POST 4 per minute on
//   `/servers/{id}/os-virtual-interfacesv2` by default (`rateLimits`; DELETE is not limited unless
//   configured). Over the limit: 413 `overLimit` with `retryAt` and `Retry-After` (seconds until
//   the oldest counted request leaves the window). Refused requests are not counted.
// - Create answers 200 (`createStatus`; 201 and 202 are allowed too, and after a 202 the VIF is
//   listed only `asyncDelayMs` later). Delete answers 200 with an empty body, as the API reference
//   shows (`deleteStatus`: 204 as the getting-started guide shows, or 202 with the VIF gone
//   `asyncDelayMs` later). Chosen because fog accepts only 200 and gophercloud 200 or 204.
// - One VIF per network per server (409 `conflictingRequest`); a server still building is 409
//   `buildInProgress`; an unknown server, network or VIF is 404 `itemNotFound`. Addresses: the
//   lowest free IPv4 of the network, plus an EUI-64 IPv6 address on PublicNet. MACs are upper case.
import type { components } from '../../generated/rackspace.js';
import { document } from '../../generated/rackspace.document.js';
import { operations as specOperations } from '../../generated/rackspace.meta.js';
import {
  allocateIpv4,
  createRandom,
  monotonicMs,
  parseCidr,
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
  isoSeconds,
  jsonschemaWording,
  mountUnder,
  novaFault,
  prefixedServerPath,
  tellingIssue,
  valueAt,
} from './openstack-common.js';

type Schemas = components['schemas'];
type VirtualInterface = Schemas['VirtualInterface'];

/** Path prefix of Identity; the spec's `createToken` server adds `/v2.0`. */
export const RACKSPACE_IDENTITY_PREFIX = '/identity';
/** Path prefix of Cloud Servers; the spec's server adds `/v2/{tenant_id}`. */
export const RACKSPACE_COMPUTE_PREFIX = '/servers-api';
/** The one tenant (account number) this emulator serves: the spec's default. */
export const RACKSPACE_TENANT_ID = '123456';

const SERVER = (document.servers as { url: string; variables?: object }[])[0]!;
const COMPUTE_BASE = prefixedServerPath(RACKSPACE_COMPUTE_PREFIX, SERVER, {
  tenant_id: RACKSPACE_TENANT_ID,
});
const operations: Record<string, OperationMeta> = Object.fromEntries(
  Object.entries(specOperations).map(([id, op]) => [id, mountUnder(RACKSPACE_IDENTITY_PREFIX, op)]),
);

/** Well-known network ids (Rackspace's network list). */
export const PUBLIC_NET_ID = '00000000-0000-0000-0000-000000000000';
export const SERVICE_NET_ID = '11111111-1111-1111-1111-111111111111';

// ----- public types -----

export interface RackspaceUser {
  id: string;
  username: string;
  apiKey: string;
  password: string;
  /** Upper case, e.g. `DFW`. */
  defaultRegion: string;
  /** A disabled user cannot authenticate (403). */
  enabled?: boolean;
}

export interface RackspaceEmulatorCredentials {
  tenantId: string;
  users: RackspaceUser[];
  /** The first user, in the shape `rackspaceTokenRequest` takes (with `apiKey`). */
  apiKey: { username: string; apiKey: string };
  /** The first user, in the shape `rackspaceTokenRequest` takes (with `password`). */
  password: { username: string; password: string };
}

export interface RackspaceServerFixture {
  id: string;
  name: string;
  /** `BUILD` refuses new VIFs with 409 `buildInProgress`. */
  status: 'ACTIVE' | 'BUILD';
}
export interface RackspaceNetworkFixture {
  id: string;
  /** `public`, `private` or an isolated network's name. */
  label: string;
  cidr: string;
  /** IPv6 /64 prefix (four groups) for EUI-64 addresses, e.g. PublicNet's. */
  ipv6Prefix?: string;
}
export interface RackspaceVifFixture {
  id: string;
  serverId: string;
  networkId: string;
  ipAddress: string;
  macAddress?: string;
}
export interface RackspaceFixtures {
  servers: RackspaceServerFixture[];
  networks: RackspaceNetworkFixture[];
  virtualInterfaces: RackspaceVifFixture[];
}

export interface RackspaceEmulatorOptions extends EmulatorOptions {
  /** Replace the seeded users. */
  credentials?: { users?: RackspaceUser[] };
  /** Replace the seeded servers, networks and VIFs (each separately). */
  fixtures?: Partial<RackspaceFixtures>;
  /** Token lifetime on the emulator clock; default 86400 seconds. */
  tokenLifetimeSeconds?: number;
  /** Requests per minute on the VIF path per method; default `{ GET: 25, POST: 4 }`. */
  rateLimits?: Partial<Record<'GET' | 'POST' | 'DELETE', number>>;
  /** Count rate limits per token (default) or per account (user). */
  rateLimitScope?: 'token' | 'account';
  /** Create status; default 200. */
  createStatus?: 200 | 201 | 202;
  /** Delete status; default 200. */
  deleteStatus?: 200 | 202 | 204;
  /** Regions of `cloudServersOpenStack`; default `['DFW', 'ORD', 'IAD']`. */
  regions?: string[];
}

export interface RackspaceTokenRecord {
  id: string;
  userId: string;
  method: 'APIKEY' | 'PASSWORD';
  expiresAt: Date;
}

export interface RackspaceVifRecord {
  id: string;
  serverId: string;
  networkId: string;
  macAddress: string;
  addresses: string[];
  /** After a 202 create: monotonic ms from which the VIF is listed. */
  listedFromMs?: number;
  /** After a 202 delete: monotonic ms of the delete; gone `asyncDelayMs` later. */
  deleteStartedMs?: number;
}

export interface RackspaceState {
  servers: Map<string, RackspaceServerFixture>;
  networks: Map<string, RackspaceNetworkFixture>;
  virtualInterfaces: Map<string, RackspaceVifRecord>;
  tokens: Map<string, RackspaceTokenRecord>;
  /** Accepted request times (emulator clock ms) per rate-limit key. */
  rateWindows: Map<string, number[]>;
  /** VIFs of a server as the list call shows them (due transitions applied first). */
  interfacesOf(serverId: string): RackspaceVifRecord[];
  settle(): void;
  requestIds: RandomSource;
}

export type RackspaceWorld = EmulatorWorld<
  RackspaceEmulatorCredentials,
  RackspaceFixtures,
  RackspaceState
>;
type Ctx = EmulatorContext<RackspaceEmulatorOptions, RackspaceWorld>;

/** URLs the Rackspace emulator adds to its handle. */
export interface RackspaceUrls {
  /** Identity v2.0 root (`.../v2.0`); POST `/tokens` under it. */
  identityUrl: string;
  /** Cloud Servers v2 base, as `cloudServersOpenStack`'s `publicURL`. */
  computeUrl: string;
}

const DEFAULT_LIMITS = { GET: 25, POST: 4 } as const;
const DEFAULT_TOKEN_LIFETIME_S = 86_400;
const REUSE_MARGIN_MS = 60 * 60 * 1000;
const DEFAULT_REGIONS = ['DFW', 'ORD', 'IAD'];
const MAC_PREFIX = 'bc:76:4e';
const WINDOW_MS = 60_000;

// ----- fixtures and state -----

function defaultFixtures(random: RandomSource): RackspaceFixtures {
  const networks: RackspaceNetworkFixture[] = [
    {
      id: PUBLIC_NET_ID,
      label: 'public',
      cidr: '162.242.219.0/24',
      ipv6Prefix: '2001:4802:7800:2',
    },
    { id: SERVICE_NET_ID, label: 'private', cidr: '10.176.64.0/20' },
    { id: random.uuid(), label: 'backend', cidr: '192.168.3.0/24' },
  ];
  const servers: RackspaceServerFixture[] = [
    { id: random.uuid(), name: 'web-1', status: 'ACTIVE' },
    { id: random.uuid(), name: 'worker-1', status: 'ACTIVE' },
    { id: random.uuid(), name: 'build-1', status: 'BUILD' },
  ];
  const [web, worker] = servers as [RackspaceServerFixture, RackspaceServerFixture];
  const virtualInterfaces: RackspaceVifFixture[] = [
    { id: random.uuid(), serverId: web.id, networkId: PUBLIC_NET_ID, ipAddress: '162.242.219.31' },
    { id: random.uuid(), serverId: web.id, networkId: SERVICE_NET_ID, ipAddress: '10.176.66.14' },
    {
      id: random.uuid(),
      serverId: worker.id,
      networkId: SERVICE_NET_ID,
      ipAddress: '10.176.66.15',
    },
  ];
  return { servers, networks, virtualInterfaces };
}

/** The EUI-64 interface address of `mac` under a /64 `prefix`. */
function eui64(prefix: string, mac: string): string {
  const b = mac.split(':').map((h) => parseInt(h, 16));
  const bytes = [b[0]! ^ 0x02, b[1]!, b[2]!, 0xff, 0xfe, b[3]!, b[4]!, b[5]!];
  const groups = [0, 2, 4, 6].map((i) => ((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return `${prefix}:${groups.join(':')}`;
}

function setup(options: RackspaceEmulatorOptions, random: RandomSource): RackspaceWorld {
  const users = options.credentials?.users ?? [
    {
      id: String(100_000 + random.int(900_000)),
      username: 'demoauthor',
      apiKey: random.hex(32),
      password: `Pw-${random.alnum(16)}`,
      defaultRegion: 'DFW',
    },
    {
      id: String(100_000 + random.int(900_000)),
      username: 'formeruser',
      apiKey: random.hex(32),
      password: `Pw-${random.alnum(16)}`,
      defaultRegion: 'DFW',
      enabled: false,
    },
  ];
  const first = users[0];
  const credentials: RackspaceEmulatorCredentials = {
    tenantId: RACKSPACE_TENANT_ID,
    users,
    apiKey: { username: first?.username ?? '', apiKey: first?.apiKey ?? '' },
    password: { username: first?.username ?? '', password: first?.password ?? '' },
  };
  const seeded = defaultFixtures(random);
  const fixtures: RackspaceFixtures = {
    servers: options.fixtures?.servers ?? seeded.servers,
    networks: options.fixtures?.networks ?? seeded.networks,
    virtualInterfaces: options.fixtures?.virtualInterfaces ?? seeded.virtualInterfaces,
  };
  for (const network of fixtures.networks) parseCidr(network.cidr);
  const networks = new Map(fixtures.networks.map((n) => [n.id, { ...n }]));
  const virtualInterfaces = new Map<string, RackspaceVifRecord>(
    fixtures.virtualInterfaces.map((v) => {
      const macAddress = (v.macAddress ?? random.mac(MAC_PREFIX)).toUpperCase();
      const prefix = networks.get(v.networkId)?.ipv6Prefix;
      return [
        v.id,
        {
          id: v.id,
          serverId: v.serverId,
          networkId: v.networkId,
          macAddress,
          addresses: [v.ipAddress, ...(prefix ? [eui64(prefix, macAddress)] : [])],
        },
      ];
    }),
  );
  const delay = options.asyncDelayMs ?? 50;
  const state: RackspaceState = {
    servers: new Map(fixtures.servers.map((s) => [s.id, { ...s }])),
    networks,
    virtualInterfaces,
    tokens: new Map(),
    rateWindows: new Map(),
    requestIds: createRandom(random.hex(16)),
    settle() {
      const now = monotonicMs();
      for (const vif of [...virtualInterfaces.values()]) {
        if (vif.listedFromMs !== undefined && now >= vif.listedFromMs) delete vif.listedFromMs;
        if (vif.deleteStartedMs !== undefined && now - vif.deleteStartedMs >= delay) {
          virtualInterfaces.delete(vif.id);
        }
      }
    },
    interfacesOf(serverId) {
      state.settle();
      return [...virtualInterfaces.values()].filter(
        (v) => v.serverId === serverId && v.listedFromMs === undefined,
      );
    },
  };
  return { credentials, fixtures, state };
}

// ----- views and replies -----

function vifView(vif: RackspaceVifRecord, state: RackspaceState): VirtualInterface {
  const network = state.networks.get(vif.networkId);
  return {
    id: vif.id,
    mac_address: vif.macAddress,
    ip_addresses: vif.addresses.map((address) => ({
      address,
      network_id: vif.networkId,
      network_label: network?.label ?? vif.networkId,
    })),
  };
}

const isIdentity = (req: EmulatorRequest) =>
  req.operation?.operationId === 'createToken' ||
  req.path.startsWith(`${RACKSPACE_IDENTITY_PREFIX}/`);

const NO_TOKEN =
  "No valid token provided. Please use the 'X-Auth-Token' header with a valid token.";

// ----- authentication and rate limits (Repose) -----

interface Caller {
  token: RackspaceTokenRecord;
}

function authenticate(req: EmulatorRequest, ctx: Ctx): EmulatorReply | undefined {
  const op = req.operation!;
  if (!op.authenticated) return undefined;
  const { state } = ctx.world;
  const id = req.header('x-auth-token');
  const token = id ? state.tokens.get(id) : undefined;
  const now = ctx.now().getTime();
  if (!token || token.expiresAt.getTime() <= now) return novaFault(401, NO_TOKEN);
  req.locals.caller = { token } satisfies Caller;

  const method = op.method as 'GET' | 'POST' | 'DELETE';
  const limits = { ...DEFAULT_LIMITS, ...(ctx.options.rateLimits ?? {}) } as Partial<
    Record<'GET' | 'POST' | 'DELETE', number>
  >;
  const limit = limits[method];
  if (limit === undefined) return undefined;
  const who =
    ctx.options.rateLimitScope === 'account' ? `user:${token.userId}` : `token:${token.id}`;
  const key = `${who}:${method}`;
  const recent = (state.rateWindows.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
  if (recent.length >= limit) {
    state.rateWindows.set(key, recent);
    const retryAt = recent[0]! + WINDOW_MS;
    const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
    return {
      ...novaFault(413, 'OverLimit Retry...', {
        details: `Rate limit of ${limit} ${method} requests per minute on /servers/{server_id}/os-virtual-interfacesv2 reached`,
        retryAt: isoSeconds(new Date(retryAt)),
      }),
      headers: { 'retry-after': String(seconds) },
    };
  }
  recent.push(now);
  state.rateWindows.set(key, recent);
  return undefined;
}

function responseHeaders(
  req: EmulatorRequest,
  _reply: EmulatorReply,
  ctx: Ctx,
): Record<string, string> {
  if (isIdentity(req)) return {};
  return { 'x-compute-request-id': `req-${ctx.world.state.requestIds.uuid()}` };
}

function invalidRequest(req: EmulatorRequest, issues: ValidationIssue[]): EmulatorReply {
  const auth = valueAt(req.body, ['auth']) as Record<string, unknown> | undefined;
  if (isIdentity(req) && auth?.tenantId !== undefined && auth?.tenantName !== undefined) {
    return novaFault(400, 'Invalid request. Specify tenantId OR tenantName, not both.');
  }
  const issue = tellingIssue(issues) ?? issues[0]!;
  const details =
    issue.location === 'body'
      ? jsonschemaWording(issue, req.body).text
      : `${issue.location} parameter ${issue.name}: ${issue.message}`;
  return novaFault(400, isIdentity(req) ? 'Invalid json request body' : 'Malformed request body', {
    details,
  });
}

// ----- handlers -----

type RsHandler = (req: EmulatorRequest, ctx: Ctx) => EmulatorReply;

function serverCall(
  fn: (req: EmulatorRequest, ctx: Ctx, server: RackspaceServerFixture) => EmulatorReply,
): RsHandler {
  return (req, ctx) => {
    ctx.world.state.settle();
    const server = ctx.world.state.servers.get(String(req.params.server_id));
    if (!server) return novaFault(404, 'Instance could not be found');
    return fn(req, ctx, server);
  };
}

const handlers: Record<string, RsHandler> = {
  createToken(req, ctx) {
    const { credentials, state } = ctx.world;
    const auth = (req.body as Schemas['CreateTokenRequest']).auth as Record<string, unknown>;
    const apiKey = auth['RAX-KSKEY:apiKeyCredentials'] as Schemas['ApiKeyCredentials'] | undefined;
    const password = auth.passwordCredentials as Schemas['PasswordCredentials'] | undefined;
    const username = apiKey?.username ?? password!.username;
    const user = credentials.users.find((u) => u.username === username);
    const valid = apiKey ? user?.apiKey === apiKey.apiKey : user?.password === password!.password;
    if (!user || !valid) {
      return novaFault(
        401,
        apiKey
          ? 'Username or api key is invalid.'
          : 'Unable to authenticate user with credentials provided.',
      );
    }
    if (user.enabled === false) return novaFault(403, `User '${user.username}' is disabled.`);
    const tenant = (auth.tenantId ?? auth.tenantName) as string | undefined;
    if (tenant !== undefined && tenant !== credentials.tenantId) {
      return novaFault(
        401,
        `Token doesn't belong to Tenant with ${auth.tenantId !== undefined ? 'Id' : 'Name'}: '${tenant}'`,
      );
    }
    const now = ctx.now();
    const method = apiKey ? 'APIKEY' : 'PASSWORD';
    let token = [...state.tokens.values()].find(
      (t) => t.userId === user.id && t.expiresAt.getTime() - now.getTime() > REUSE_MARGIN_MS,
    );
    if (!token) {
      const lifetime = (ctx.options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_S) * 1000;
      token = {
        id: ctx.random.hex(32),
        userId: user.id,
        method,
        expiresAt: new Date(now.getTime() + lifetime),
      };
      state.tokens.set(token.id, token);
    }
    const tenantId = credentials.tenantId;
    const computeUrl = `${ctx.origin}${COMPUTE_BASE}`;
    const versionRoot = `${ctx.origin}${RACKSPACE_COMPUTE_PREFIX}`;
    const regions = ctx.options.regions ?? DEFAULT_REGIONS;
    const body: Schemas['CreateTokenResponse'] = {
      access: {
        token: {
          id: token.id,
          expires: token.expiresAt.toISOString(),
          tenant: { id: tenantId, name: tenantId },
          'RAX-AUTH:authenticatedBy': [method],
        },
        serviceCatalog: [
          {
            name: 'cloudServers',
            type: 'compute',
            endpoints: [
              {
                tenantId,
                publicURL: `${versionRoot}/v1.0/${tenantId}`,
                versionId: '1.0',
                versionInfo: `${versionRoot}/v1.0`,
                versionList: `${versionRoot}/`,
              },
            ],
          },
          {
            name: 'cloudServersOpenStack',
            type: 'compute',
            endpoints: regions.map((region) => ({
              region: region.toUpperCase(),
              tenantId,
              publicURL: computeUrl,
              versionId: '2',
              versionInfo: `${versionRoot}/v2`,
              versionList: `${versionRoot}/`,
            })),
          },
        ],
        user: {
          id: user.id,
          name: user.username,
          roles: [
            {
              id: '6',
              name: 'compute:default',
              description: 'A Role that allows a user access to keystone Service methods',
              tenantId,
            },
            { id: '3', name: 'identity:user-admin', description: 'User Admin Role.' },
          ],
          'RAX-AUTH:defaultRegion': user.defaultRegion,
          'RAX-AUTH:domainId': tenantId,
        },
      },
    };
    return { status: 200, body };
  },

  listVirtualInterfaces: serverCall((_req, ctx, server) => ({
    status: 200,
    body: {
      virtual_interfaces: ctx.world.state
        .interfacesOf(server.id)
        .map((v) => vifView(v, ctx.world.state)),
    } satisfies Schemas['VirtualInterfaceList'],
  })),

  createVirtualInterface: serverCall((req, ctx, server) => {
    const { state } = ctx.world;
    const networkId = (req.body as Schemas['CreateVirtualInterfaceRequest']).virtual_interface
      .network_id;
    if (server.status === 'BUILD') {
      return novaFault(409, 'Server is still being built', {}, 'buildInProgress');
    }
    const network = state.networks.get(networkId);
    if (!network) return novaFault(404, `Network ${networkId} could not be found`);
    const existing = [...state.virtualInterfaces.values()].some(
      (v) =>
        v.serverId === server.id && v.networkId === networkId && v.deleteStartedMs === undefined,
    );
    if (existing) {
      return novaFault(409, `Server already has a virtual interface on network ${networkId}`);
    }
    const taken = new Set(
      [...state.virtualInterfaces.values()]
        .filter((v) => v.networkId === networkId)
        .flatMap((v) => v.addresses),
    );
    const ip = allocateIpv4(network.cidr, taken);
    if (!ip) return novaFault(409, `No more IP addresses available on network ${networkId}`);
    const macAddress = ctx.random.mac(MAC_PREFIX).toUpperCase();
    const status = ctx.options.createStatus ?? 200;
    const vif: RackspaceVifRecord = {
      id: ctx.random.uuid(),
      serverId: server.id,
      networkId,
      macAddress,
      addresses: [ip, ...(network.ipv6Prefix ? [eui64(network.ipv6Prefix, macAddress)] : [])],
      ...(status === 202 ? { listedFromMs: monotonicMs() + ctx.asyncDelayMs } : {}),
    };
    state.virtualInterfaces.set(vif.id, vif);
    return {
      status,
      body: {
        virtual_interfaces: [vifView(vif, state)],
      } satisfies Schemas['CreateVirtualInterfaceResponse'],
    };
  }),

  deleteVirtualInterface: serverCall((req, ctx, server) => {
    const { state } = ctx.world;
    const vif = state.virtualInterfaces.get(String(req.params.interface_id));
    if (!vif || vif.serverId !== server.id || vif.listedFromMs !== undefined) {
      return novaFault(404, 'Virtual interface could not be found');
    }
    const status = ctx.options.deleteStatus ?? 200;
    if (status === 202) vif.deleteStartedMs ??= monotonicMs();
    else state.virtualInterfaces.delete(vif.id);
    return { status };
  }),
};

// ----- definition -----

export const definition: EmulatorDefinition<RackspaceEmulatorOptions, RackspaceWorld> & {
  handleExtras(handle: EmulatorHandle): RackspaceUrls;
} = {
  provider: 'rackspace',
  document,
  operations,
  basePath: COMPUTE_BASE,
  setup,
  authenticate,
  responseHeaders,
  handlers,
  handleExtras: (handle) => ({
    identityUrl: handle.urlFor('createToken'),
    computeUrl: handle.url,
  }),
  errors: {
    notFound: (req) =>
      novaFault(404, isIdentity(req) ? 'Resource not found' : 'The resource could not be found.'),
    methodNotAllowed: () =>
      novaFault(405, 'The method specified is not allowed for this resource.'),
    payloadTooLarge: () => novaFault(413, 'Request is too large.'),
    invalidJson: (req, detail) =>
      novaFault(400, isIdentity(req) ? 'Invalid json request body' : 'Malformed request body', {
        details: detail,
      }),
    invalidRequest: (req, issues) => invalidRequest(req, issues),
    fault: (req, status) =>
      isIdentity(req) && status === 500
        ? novaFault(500, 'Service is not available', {}, 'identityFault')
        : novaFault(status, faultText(status)),
    internal: (req, error) =>
      novaFault(
        500,
        isIdentity(req) ? 'Service is not available' : 'Fault!',
        {
          details: error instanceof Error ? error.message : String(error),
        },
        isIdentity(req) ? 'identityFault' : 'computeFault',
      ),
  },
};
