// Katapult (Krystal) Core API v1 emulator: NICs of virtual machines, attach/detach tasks, bearer
// tokens with scopes, apia-style lookups and error envelopes, per-token rate limits, as
// `specs/katapult.yaml` and the Katapult fact sheet describe them.
//
// Assumptions where Krystal documents nothing (listed in README.md too):
// - A new NIC is `detached`; attach/detach tasks go pending -> running -> completed within
//   `asyncDelayMs` and the NIC changes state when its task completes. A second attach/detach
//   while a task runs is 406 `task_queueing_error`.
// - Deleting an attached NIC (or one with a running task) is 409 `deletion_restricted`.
// - A wrong method on a known path is 404 `route_not_found`, as apia routes by method and path.
// - A query lookup with no key at all (e.g. no `virtual_machine[...]`) is 400 `invalid_argument`
//   `missing_lookup_value`; the object's id in place of the path placeholder is not emulated.
// - The rate-limit window is the emulator clock's minute; 429 carries no Retry-After (none seen).
import type { components } from '../../generated/katapult.js';
import { document } from '../../generated/katapult.document.js';
import { operations } from '../../generated/katapult.meta.js';
import {
  STATUS_TEXT,
  asyncPhase,
  atPointer,
  createRandom,
  deref,
  monotonicMs,
  type EmulatorContext,
  type EmulatorDefinition,
  type EmulatorOptions,
  type EmulatorReply,
  type EmulatorRequest,
  type EmulatorWorld,
  type OperationMeta,
  type RandomSource,
  type ValidationIssue,
} from './framework/index.js';

type Schemas = components['schemas'];
type Nic = Schemas['VirtualMachineNetworkInterface'];
type Task = Schemas['Task'];

export interface KatapultToken {
  token: string;
  /** Scope names as in the spec (`virtual_machines`, `virtual_machines:read`, `tasks` ...). */
  scopes: string[];
  /** Requests per minute; default `rateLimitPerMinute`. */
  rateLimit?: number;
}

export interface KatapultCredentials {
  /** A token holding every scope the spec names. */
  token: string;
  /** Every accepted token, the full-access one first. */
  tokens: KatapultToken[];
}

export interface KatapultVirtualMachine {
  id: string;
  name: string;
  fqdn: string;
  /** In the trash: NIC calls on it answer 406 `object_in_trash`. */
  trashed?: boolean;
}
export interface KatapultNetwork {
  id: string;
  name: string;
  permalink: string;
}
export interface KatapultVirtualNetwork {
  id: string;
  name: string;
}
export interface KatapultSpeedProfile {
  id: string;
  name: string;
  permalink: string;
}
export interface KatapultNicFixture {
  id: string;
  virtualMachineId: string;
  networkId: string | null;
  virtualNetworkId: string | null;
  speedProfileId: string;
  state: 'attached' | 'detached';
  ipAddresses: { id: string; address: string }[];
  macAddress?: string;
}
export interface KatapultFixtures {
  virtualMachines: KatapultVirtualMachine[];
  networks: KatapultNetwork[];
  virtualNetworks: KatapultVirtualNetwork[];
  speedProfiles: KatapultSpeedProfile[];
  networkInterfaces: KatapultNicFixture[];
}

export interface KatapultEmulatorOptions extends EmulatorOptions {
  /** `token`: the full-access token (generated when left out); `tokens`: extra limited tokens. */
  credentials?: { token?: string; tokens?: KatapultToken[] };
  /** Default per-token limit of requests per minute; default 1000. */
  rateLimitPerMinute?: number;
  /** Replaces seeded lists (each separately). */
  fixtures?: Partial<KatapultFixtures>;
}

export interface KatapultNicRecord {
  id: string;
  virtualMachineId: string;
  name: string;
  networkId: string | null;
  virtualNetworkId: string | null;
  speedProfileId: string;
  macAddress: string;
  state: 'attached' | 'detached';
  ipAddresses: { id: string; address: string }[];
}

export interface KatapultTaskRecord {
  id: string;
  name: string;
  action: 'attach' | 'detach';
  nicId: string;
  status: Task['status'];
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Monotonic ms the task was queued (drives its progress). */
  queuedMs: number;
}

export interface KatapultState {
  virtualMachines: Map<string, KatapultVirtualMachine>;
  networks: Map<string, KatapultNetwork>;
  virtualNetworks: Map<string, KatapultVirtualNetwork>;
  speedProfiles: Map<string, KatapultSpeedProfile>;
  networkInterfaces: Map<string, KatapultNicRecord>;
  tasks: Map<string, KatapultTaskRecord>;
  /** NICs of a virtual machine (tasks due by now applied first). */
  nicsOf(virtualMachineId: string): KatapultNicRecord[];
  /** Advances tasks whose time has come. */
  settle(): void;
  /** Requests counted per token in the current minute. */
  rateWindows: Map<string, { minute: number; count: number }>;
  requestIds: RandomSource;
}

export type KatapultWorld = EmulatorWorld<KatapultCredentials, KatapultFixtures, KatapultState>;
type Ctx = EmulatorContext<KatapultEmulatorOptions, KatapultWorld>;

const DEFAULT_RATE_LIMIT = 1000;
const MAC_PREFIX = 'ee:3c:91';
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

// ----- spec-derived facts -----

type Json = Record<string, unknown>;

function operationNode(op: OperationMeta): { node: Json; pointer: string } {
  const esc = op.path.replace(/~/g, '~0').replace(/\//g, '~1');
  const pointer = `#/paths/${esc}/${op.method.toLowerCase()}`;
  return { node: atPointer(document, pointer) as Json, pointer };
}

/** The Bearer scopes an operation accepts (any one is enough). */
function acceptedScopes(op: OperationMeta): string[] {
  const security = (operationNode(op).node.security ?? document.security ?? []) as Json[];
  return [...new Set(security.flatMap((req) => (req.Bearer as string[] | undefined) ?? []))];
}

const ALL_SCOPES = [...new Set(Object.values(operations).flatMap(acceptedScopes))];

/** Property names of an object schema or of every branch of a `oneOf` of object schemas. */
function objectKeys(schema: Json): string[] {
  const branches = Array.isArray(schema.oneOf) ? (schema.oneOf as Json[]) : [schema];
  return [
    ...new Set(
      branches.flatMap((b) => {
        const { node } = deref(document, b, '');
        return Object.entries((node?.properties ?? {}) as Json)
          .filter(([, v]) => v !== false)
          .map(([k]) => k);
      }),
    ),
  ];
}

interface ArgumentFacts {
  /** Body lookups: argument name -> its keys (`virtual_machine` -> [id, fqdn]). */
  bodyLookups: Map<string, string[]>;
  /** Query lookups: argument name -> its keys, from `name[key]` parameters. */
  queryLookups: Map<string, string[]>;
  /** First required body argument (named when the body is missing). */
  firstRequired: string | undefined;
}

function argumentFacts(op: OperationMeta): ArgumentFacts {
  const { node } = operationNode(op);
  const bodyLookups = new Map<string, string[]>();
  const queryLookups = new Map<string, string[]>();
  let firstRequired: string | undefined;
  const rb = node.requestBody ? deref(document, node.requestBody, '').node : undefined;
  const schemaRef = (rb?.content as Json | undefined)?.['application/json'] as Json | undefined;
  if (schemaRef?.schema) {
    const root = deref(document, schemaRef.schema, '').node;
    const branches = Array.isArray(root.oneOf)
      ? (root.oneOf as Json[]).map((b) => deref(document, b, '').node)
      : [root];
    firstRequired = (branches[0]?.required as string[] | undefined)?.[0];
    for (const branch of branches) {
      for (const [name, prop] of Object.entries((branch.properties ?? {}) as Json)) {
        if (prop === false) continue;
        const target = deref(document, prop, '').node;
        const keys = objectKeys(target);
        if (keys.length > 0) bodyLookups.set(name, keys);
      }
    }
  }
  for (const raw of (node.parameters ?? []) as Json[]) {
    const param = deref(document, raw, '').node;
    const m = /^(\w+)\[(\w+)\]$/.exec(String(param.name));
    if (param.in !== 'query' || !m) continue;
    queryLookups.set(m[1]!, [...(queryLookups.get(m[1]!) ?? []), m[2]!]);
  }
  return { bodyLookups, queryLookups, firstRequired };
}

const FACTS = new Map<string, ArgumentFacts>(
  Object.values(operations).map((op) => [op.operationId, argumentFacts(op)]),
);

// ----- error replies -----

function kError(
  status: number,
  code: string,
  description: string,
  detail: Json = {},
): EmulatorReply {
  return { status, body: { error: { code, description, detail } } };
}

function argumentId(req: EmulatorRequest, name: string) {
  return `CoreAPI/Endpoints/${req.operation?.operationId ?? 'Unknown'}/${name}`;
}

const ISSUE_TEXT: Record<string, string> = {
  missing_lookup_value:
    'No value has been provided for a lookup argument set. One option must be provided.',
  ambiguous_lookup_values:
    'More than one value has been provided for a lookup argument set. Only one option may be provided.',
  invalid_scalar: 'The value provided was not of the type expected.',
  validation_error: 'The value provided did not pass validation.',
};

function invalidArgument(
  req: EmulatorRequest,
  name: string,
  issue: 'missing_lookup_value' | 'ambiguous_lookup_values' | 'invalid_scalar' | 'validation_error',
  errors: string[] = [],
): EmulatorReply {
  return kError(400, 'invalid_argument', `The '${name}' argument is invalid`, {
    path: [name],
    index: null,
    issue,
    issue_description: ISSUE_TEXT[issue] ?? null,
    errors,
    argument: { id: argumentId(req, name), name, description: null },
  });
}

function missingArgument(name: string): EmulatorReply {
  return kError(
    400,
    'missing_required_argument',
    `The '${name}' argument is required but has not been provided`,
    { path: [name], argument: { name, description: null } },
  );
}

const notFound = (kind: string, words: string) =>
  kError(
    404,
    `${kind}_not_found`,
    `No ${words} was found matching any of the criteria provided in the arguments`,
  );

// ----- fixtures and state -----

function defaultFixtures(random: RandomSource): KatapultFixtures {
  const id = (prefix: string) => `${prefix}_${random.alnum(16)}`;
  const virtualMachines = [
    { id: id('vm'), name: 'bitter-beautiful-mango', fqdn: 'bitter-beautiful-mango.acme.example' },
    { id: id('vm'), name: 'quiet-orange-fox', fqdn: 'quiet-orange-fox.acme.example' },
    { id: id('vm'), name: 'old-crimson-owl', fqdn: 'old-crimson-owl.acme.example', trashed: true },
  ];
  const networks = [
    { id: id('netw'), name: 'Public Network', permalink: 'uk-lon-01-public' },
    { id: id('netw'), name: 'Private Network', permalink: 'uk-lon-01-private' },
  ];
  const virtualNetworks = [{ id: id('vnet'), name: 'Backend' }];
  const speedProfiles = [
    { id: id('nsp'), name: '1 Gbps', permalink: '1gbps' },
    { id: id('nsp'), name: '10 Gbps', permalink: '10gbps' },
  ];
  const networkInterfaces: KatapultNicFixture[] = [
    {
      id: id('vmnet'),
      virtualMachineId: virtualMachines[0]!.id,
      networkId: networks[0]!.id,
      virtualNetworkId: null,
      speedProfileId: speedProfiles[1]!.id,
      state: 'attached',
      ipAddresses: [
        { id: id('ip'), address: '185.198.188.41' },
        { id: id('ip'), address: '2a03:2800:100::41' },
      ],
    },
  ];
  return { virtualMachines, networks, virtualNetworks, speedProfiles, networkInterfaces };
}

function setup(options: KatapultEmulatorOptions, random: RandomSource): KatapultWorld {
  const full: KatapultToken = {
    token: options.credentials?.token ?? `kat-${random.alnum(40)}`,
    scopes: ALL_SCOPES,
  };
  const credentials: KatapultCredentials = {
    token: full.token,
    tokens: [
      full,
      ...(options.credentials?.tokens ?? []).map((t) => ({ ...t, scopes: [...t.scopes] })),
    ],
  };
  const seeded = defaultFixtures(random);
  const fixtures: KatapultFixtures = {
    virtualMachines: options.fixtures?.virtualMachines ?? seeded.virtualMachines,
    networks: options.fixtures?.networks ?? seeded.networks,
    virtualNetworks: options.fixtures?.virtualNetworks ?? seeded.virtualNetworks,
    speedProfiles: options.fixtures?.speedProfiles ?? seeded.speedProfiles,
    networkInterfaces: options.fixtures?.networkInterfaces ?? seeded.networkInterfaces,
  };
  const delay = options.asyncDelayMs ?? 50;
  const virtualMachines = new Map(fixtures.virtualMachines.map((v) => [v.id, { ...v }]));
  const networks = new Map(fixtures.networks.map((n) => [n.id, { ...n }]));
  const virtualNetworks = new Map(fixtures.virtualNetworks.map((n) => [n.id, { ...n }]));
  const nicName = (
    f: { networkId: string | null; virtualNetworkId: string | null },
    vmId: string,
  ) =>
    `${(f.networkId ? networks.get(f.networkId)?.name : virtualNetworks.get(f.virtualNetworkId ?? '')?.name) ?? 'Network'} on ${virtualMachines.get(vmId)?.name ?? vmId}`;
  const networkInterfaces = new Map<string, KatapultNicRecord>(
    fixtures.networkInterfaces.map((f) => [
      f.id,
      {
        id: f.id,
        virtualMachineId: f.virtualMachineId,
        name: nicName(f, f.virtualMachineId),
        networkId: f.networkId,
        virtualNetworkId: f.virtualNetworkId,
        speedProfileId: f.speedProfileId,
        macAddress: f.macAddress ?? random.mac(MAC_PREFIX),
        state: f.state,
        ipAddresses: f.ipAddresses.map((ip) => ({ ...ip })),
      },
    ]),
  );
  const tasks = new Map<string, KatapultTaskRecord>();
  const state: KatapultState = {
    virtualMachines,
    networks,
    virtualNetworks,
    speedProfiles: new Map(fixtures.speedProfiles.map((s) => [s.id, { ...s }])),
    networkInterfaces,
    tasks,
    rateWindows: new Map(),
    requestIds: createRandom(random.hex(16)),
    settle() {
      const nowSec = seconds((options.now ?? (() => new Date()))());
      const nowMs = monotonicMs();
      for (const task of tasks.values()) {
        if (task.status === 'completed' || task.status === 'failed') continue;
        const phase = asyncPhase(task.queuedMs, delay, nowMs);
        if (phase === 'pending') continue;
        task.startedAt ??= nowSec;
        task.status = phase;
        if (phase === 'completed') {
          task.finishedAt = nowSec;
          const nic = networkInterfaces.get(task.nicId);
          if (nic) nic.state = task.action === 'attach' ? 'attached' : 'detached';
        }
      }
    },
    nicsOf(virtualMachineId) {
      state.settle();
      return [...networkInterfaces.values()].filter((n) => n.virtualMachineId === virtualMachineId);
    },
  };
  return { credentials, fixtures, state };
}

// ----- views -----

function nicView(nic: KatapultNicRecord, state: KatapultState): Nic {
  const vm = state.virtualMachines.get(nic.virtualMachineId);
  const network = nic.networkId ? state.networks.get(nic.networkId) : undefined;
  const vnet = nic.virtualNetworkId ? state.virtualNetworks.get(nic.virtualNetworkId) : undefined;
  const sp = state.speedProfiles.get(nic.speedProfileId);
  return {
    id: nic.id,
    virtual_machine: { id: nic.virtualMachineId, name: vm?.name ?? nic.virtualMachineId },
    name: nic.name,
    network: network ? { id: network.id, name: network.name } : null,
    virtual_network: vnet ? { id: vnet.id, name: vnet.name } : null,
    mac_address: nic.macAddress,
    state: nic.state,
    ip_addresses: nic.ipAddresses.map((ip) => ({ ...ip })),
    speed_profile: {
      id: nic.speedProfileId,
      name: sp?.name ?? nic.speedProfileId,
      permalink: sp?.permalink ?? nic.speedProfileId,
    },
  };
}

function taskView(task: KatapultTaskRecord): Task {
  return {
    id: task.id,
    name: task.name,
    status: task.status,
    created_at: task.createdAt,
    started_at: task.startedAt,
    finished_at: task.finishedAt,
    progress: task.status === 'completed' ? 100 : task.status === 'running' ? 50 : 0,
  };
}

// ----- authentication, rate limits, headers -----

interface RateInfo {
  limit: number;
  remaining: number;
}

function authenticate(req: EmulatorRequest, ctx: Ctx): EmulatorReply | undefined {
  const op = req.operation!;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '');
  if (!match) {
    return kError(
      400,
      'missing_api_token',
      'No API token was provided in the Authorization header. Ensure a token is provided prefixed with Bearer',
    );
  }
  const token = ctx.world.credentials.tokens.find((t) => t.token === match[1]);
  if (!token) {
    return kError(
      403,
      'invalid_api_token',
      'The API token provided was not valid (it may not exist or have expired)',
      { details: null },
    );
  }
  const limit = token.rateLimit ?? ctx.options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT;
  const minute = Math.floor(ctx.now().getTime() / 60_000);
  const windows = ctx.world.state.rateWindows;
  const window = windows.get(token.token);
  const current = window && window.minute === minute ? window : { minute, count: 0 };
  current.count += 1;
  windows.set(token.token, current);
  req.locals.rate = { limit, remaining: Math.max(0, limit - current.count) } satisfies RateInfo;
  if (current.count > limit) {
    return kError(
      429,
      'rate_limit_reached',
      'You have reached the rate limit for this type of request',
      {
        total_permitted: limit,
      },
    );
  }
  const accepted = acceptedScopes(op);
  if (accepted.length > 0 && !accepted.some((s) => token.scopes.includes(s))) {
    return kError(
      403,
      'scope_not_granted',
      'The scope required for this endpoint has not been granted to the authenticating identity',
      { scopes: accepted },
    );
  }
  return undefined;
}

function responseHeaders(
  req: EmulatorRequest,
  reply: EmulatorReply,
  ctx: Ctx,
): Record<string, string> {
  const defaultLimit = ctx.options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT;
  const rate = (req.locals.rate as RateInfo | undefined) ?? {
    limit: defaultLimit,
    remaining: defaultLimit,
  };
  return {
    'x-ratelimit-permitted': String(rate.limit),
    'x-ratelimit-remaining': String(rate.remaining),
    'x-request-id': ctx.world.state.requestIds.uuid(),
    ...(reply.status >= 400 && reply.body !== undefined ? { 'x-api-schema': 'json-error' } : {}),
  };
}

// ----- lookups (apia argument sets) -----

/** Lookup problems first, as apia resolves argument sets before validating the rest. */
function prepare(req: EmulatorRequest): EmulatorReply | undefined {
  const facts = FACTS.get(req.operation!.operationId)!;
  for (const [name, keys] of facts.queryLookups) {
    const given = keys.filter((k) => (req.query.get(`${name}[${k}]`) ?? '') !== '');
    if (given.length === 0) return invalidArgument(req, name, 'missing_lookup_value');
    if (given.length > 1) return invalidArgument(req, name, 'ambiguous_lookup_values');
  }
  if (req.body && typeof req.body === 'object' && !Array.isArray(req.body)) {
    for (const [name, keys] of facts.bodyLookups) {
      const value = (req.body as Json)[name];
      if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
      const given = keys.filter(
        (k) => (value as Json)[k] !== undefined && (value as Json)[k] !== null,
      );
      if (given.length === 0) return invalidArgument(req, name, 'missing_lookup_value');
      if (given.length > 1) return invalidArgument(req, name, 'ambiguous_lookup_values');
    }
  }
  return undefined;
}

function invalidRequest(req: EmulatorRequest, issues: ValidationIssue[]): EmulatorReply {
  const facts = FACTS.get(req.operation!.operationId)!;
  const missing = issues.find(
    (i) => i.location === 'body' && i.keyword === 'required' && i.path.length === 0,
  );
  if (missing) {
    const name =
      (missing.params as { missingProperty?: string }).missingProperty ?? facts.firstRequired;
    return missingArgument(name ?? 'body');
  }
  const first = issues[0]!;
  const name =
    first.location === 'body' ? String(first.path[0] ?? 'body') : (first.name ?? 'argument');
  const scalar = issues.some(
    (i) => i.keyword === 'type' && (i.name === name || i.path[0] === name),
  );
  const errors = [
    ...new Set(
      issues.map(
        (i) =>
          `${[i.name, ...i.path].filter((p) => p !== undefined).join('.') || 'body'} ${i.message}`,
      ),
    ),
  ];
  return invalidArgument(req, name, scalar ? 'invalid_scalar' : 'validation_error', errors);
}

function findVm(state: KatapultState, lookup: { id?: unknown; fqdn?: unknown }) {
  return [...state.virtualMachines.values()].find((vm) =>
    lookup.id !== undefined ? vm.id === lookup.id : vm.fqdn === lookup.fqdn,
  );
}
function findNetwork(state: KatapultState, lookup: { id?: unknown; permalink?: unknown }) {
  return [...state.networks.values()].find((n) =>
    lookup.id !== undefined ? n.id === lookup.id : n.permalink === lookup.permalink,
  );
}
function findSpeedProfile(state: KatapultState, lookup: { id?: unknown; permalink?: unknown }) {
  return [...state.speedProfiles.values()].find((s) =>
    lookup.id !== undefined ? s.id === lookup.id : s.permalink === lookup.permalink,
  );
}

function queryLookup(req: EmulatorRequest, name: string, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = req.query.get(`${name}[${key}]`);
    if (value) out[key] = value;
  }
  return out;
}

function trashed(vm: KatapultVirtualMachine, ctx: Ctx): EmulatorReply {
  return kError(
    406,
    'object_in_trash',
    'The object found is in the trash and therefore cannot be manipulated through the API. It should be restored in order to run this operation.',
    {
      trash_object: {
        id: `trsh_${vm.id.replace(/^vm_/, '')}`,
        keep_until: seconds(ctx.now()) + 7 * 86_400,
        object_id: vm.id,
        object_type: 'VirtualMachine',
      },
    },
  );
}

function nicFromBody(req: EmulatorRequest, ctx: Ctx) {
  const lookup = (req.body as Schemas['NetworkInterfaceLookupRequest'])
    .virtual_machine_network_interface;
  return ctx.world.state.networkInterfaces.get(lookup.id);
}

const nicNotFound = () =>
  notFound('virtual_machine_network_interface', 'virtual machine network interface');

function startTask(ctx: Ctx, nic: KatapultNicRecord, action: 'attach' | 'detach'): EmulatorReply {
  const { state } = ctx.world;
  const running = [...state.tasks.values()].find(
    (t) => t.nicId === nic.id && (t.status === 'pending' || t.status === 'running'),
  );
  if (running) {
    return kError(
      406,
      'task_queueing_error',
      'This error means that a background task that was needed to complete your request could not be queued',
      { details: `Task ${running.id} is already running for this network interface` },
    );
  }
  if (action === 'attach' && nic.state === 'attached') {
    return kError(
      422,
      'virtual_machine_network_interface_already_attached',
      'This network interface is already attached to the virtual machine',
    );
  }
  if (action === 'detach' && nic.state !== 'attached') {
    return kError(
      422,
      'virtual_machine_network_interface_already_detached',
      'This network interface is already detached from the virtual machine',
    );
  }
  const task: KatapultTaskRecord = {
    id: `task_${ctx.random.alnum(16)}`,
    name: action === 'attach' ? 'Attach network interface' : 'Detach network interface',
    action,
    nicId: nic.id,
    status: 'pending',
    createdAt: seconds(ctx.now()),
    startedAt: null,
    finishedAt: null,
    queuedMs: monotonicMs(),
  };
  state.tasks.set(task.id, task);
  return {
    status: 200,
    body: {
      virtual_machine_network_interface: nicView(nic, state),
      task: taskView(task),
    } satisfies Schemas['NetworkInterfaceTaskResponse'],
  };
}

// ----- handlers -----

type KHandler = (req: EmulatorRequest, ctx: Ctx) => EmulatorReply;

const settled =
  (fn: KHandler): KHandler =>
  (req, ctx) => {
    ctx.world.state.settle();
    return fn(req, ctx);
  };

const handlers: Record<string, KHandler> = {
  listVirtualMachineNetworkInterfaces: settled((req, ctx) => {
    const { state } = ctx.world;
    const vm = findVm(state, queryLookup(req, 'virtual_machine', ['id', 'fqdn']));
    if (!vm) return notFound('virtual_machine', 'virtual machine');
    if (vm.trashed) return trashed(vm, ctx);
    const page = Number(req.parameters.query.page ?? 1);
    const perPage = Number(req.parameters.query.per_page ?? 30);
    const all = state.nicsOf(vm.id);
    const items = all.slice((page - 1) * perPage, page * perPage).map((nic) => {
      const full = nicView(nic, state);
      return {
        id: full.id,
        name: full.name,
        network: full.network,
        virtual_network: full.virtual_network,
        ip_addresses: full.ip_addresses,
      };
    });
    return {
      status: 200,
      body: {
        pagination: {
          current_page: page,
          total_pages: Math.max(1, Math.ceil(all.length / perPage)),
          total: all.length,
          per_page: perPage,
          large_set: false,
        },
        virtual_machine_network_interfaces: items,
      } satisfies Schemas['NetworkInterfaceListResponse'],
    };
  }),

  createVirtualMachineNetworkInterface: settled((req, ctx) => {
    const { state } = ctx.world;
    const body = req.body as Json;
    const vm = findVm(state, body.virtual_machine as Json);
    if (!vm) return notFound('virtual_machine', 'virtual machine');
    if (vm.trashed) return trashed(vm, ctx);
    let networkId: string | null = null;
    let virtualNetworkId: string | null = null;
    if (body.network) {
      const network = findNetwork(state, body.network as Json);
      if (!network) return notFound('network', 'network');
      networkId = network.id;
    } else {
      const vnet = state.virtualNetworks.get(String((body.virtual_network as Json).id));
      if (!vnet) return notFound('virtual_network', 'virtual network');
      virtualNetworkId = vnet.id;
    }
    const sp = findSpeedProfile(state, body.speed_profile as Json);
    if (!sp) return notFound('network_speed_profile', 'network speed profile');
    const netName = networkId
      ? state.networks.get(networkId)!.name
      : state.virtualNetworks.get(virtualNetworkId!)!.name;
    const nic: KatapultNicRecord = {
      id: `vmnet_${ctx.random.alnum(16)}`,
      virtualMachineId: vm.id,
      name: `${netName} on ${vm.name}`,
      networkId,
      virtualNetworkId,
      speedProfileId: sp.id,
      macAddress: ctx.random.mac(MAC_PREFIX),
      state: 'detached',
      ipAddresses: [],
    };
    state.networkInterfaces.set(nic.id, nic);
    return {
      status: 200,
      body: {
        virtual_machine_network_interface: nicView(nic, state),
      } satisfies Schemas['NetworkInterfaceResponse'],
    };
  }),

  getVirtualMachineNetworkInterfaceByNetwork: settled((req, ctx) => {
    const { state } = ctx.world;
    const vm = findVm(state, queryLookup(req, 'virtual_machine', ['id', 'fqdn']));
    if (!vm) return notFound('virtual_machine', 'virtual machine');
    if (vm.trashed) return trashed(vm, ctx);
    const network = findNetwork(state, queryLookup(req, 'network', ['id', 'permalink']));
    if (!network) return notFound('network', 'network');
    const nic = state.nicsOf(vm.id).find((n) => n.networkId === network.id);
    if (!nic) return nicNotFound();
    return { status: 200, body: { virtual_machine_network_interface: nicView(nic, state) } };
  }),

  getVirtualMachineNetworkInterface: settled((req, ctx) => {
    const nic = ctx.world.state.networkInterfaces.get(
      String(req.query.get('virtual_machine_network_interface[id]')),
    );
    if (!nic) return nicNotFound();
    return {
      status: 200,
      body: { virtual_machine_network_interface: nicView(nic, ctx.world.state) },
    };
  }),

  deleteVirtualMachineNetworkInterface: settled((req, ctx) => {
    const { state } = ctx.world;
    const nic = nicFromBody(req, ctx);
    if (!nic) return nicNotFound();
    const busy = [...state.tasks.values()].some(
      (t) => t.nicId === nic.id && (t.status === 'pending' || t.status === 'running'),
    );
    if (nic.state === 'attached' || busy) {
      return kError(
        409,
        'deletion_restricted',
        'Object cannot be deleted as long as dependent objects exist',
        {
          errors: [
            busy
              ? 'A task is still running for this network interface'
              : 'Network interface must be detached before it can be deleted',
          ],
        },
      );
    }
    const view = nicView(nic, state);
    state.networkInterfaces.delete(nic.id);
    return { status: 200, body: { virtual_machine_network_interface: view } };
  }),

  attachVirtualMachineNetworkInterface: settled((req, ctx) => {
    const nic = nicFromBody(req, ctx);
    return nic ? startTask(ctx, nic, 'attach') : nicNotFound();
  }),

  detachVirtualMachineNetworkInterface: settled((req, ctx) => {
    const nic = nicFromBody(req, ctx);
    return nic ? startTask(ctx, nic, 'detach') : nicNotFound();
  }),

  getTask: settled((req, ctx) => {
    const task = ctx.world.state.tasks.get(String(req.query.get('task[id]')));
    if (!task) return notFound('task', 'task');
    return { status: 200, body: { task: taskView(task) } satisfies Schemas['TaskResponse'] };
  }),
};

function faultBody(status: number, limit: number): EmulatorReply {
  if (status === 429) {
    return kError(
      429,
      'rate_limit_reached',
      'You have reached the rate limit for this type of request',
      {
        total_permitted: limit,
      },
    );
  }
  if (status === 503) {
    return kError(
      503,
      'service_unavailable',
      'The service is currently unavailable, please try again later',
    );
  }
  if (status === 500) return kError(500, 'unhandled_exception', 'An internal error occurred');
  const text = STATUS_TEXT[status] ?? `HTTP ${status}`;
  return kError(status, text.toLowerCase().replace(/\W+/g, '_'), text);
}

export const definition: EmulatorDefinition<KatapultEmulatorOptions, KatapultWorld> = {
  provider: 'katapult',
  document,
  operations,
  setup,
  authenticate,
  prepare,
  responseHeaders,
  handlers,
  errors: {
    notFound: (req) =>
      kError(404, 'route_not_found', `No route matches '${req.path}' for ${req.method}`, {
        path: req.path,
        method: req.method,
      }),
    methodNotAllowed: (req) =>
      kError(404, 'route_not_found', `No route matches '${req.path}' for ${req.method}`, {
        path: req.path,
        method: req.method,
      }),
    payloadTooLarge: (_req, limit) =>
      kError(413, 'payload_too_large', `The request body is larger than ${limit} bytes`),
    invalidJson: (_req, detail) =>
      kError(400, 'invalid_json_body', 'The JSON body provided with this request is invalid', {
        details: detail,
      }),
    invalidRequest,
    fault: (_req, status, ctx) =>
      faultBody(status, ctx.options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT),
    internal: (_req, error) =>
      kError(500, 'unhandled_exception', 'An internal error occurred', {
        class: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
      }),
  },
};
