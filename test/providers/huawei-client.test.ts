// The Huawei ECS client against a purpose-built local API gateway + ECS stand-in: every signed
// request is verified server-side with `verifyHuaweiSignature` over what actually arrived (method,
// raw path and query, headers, raw body bytes), with the gateway's clock and 15-minute skew rule.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import util from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  formatSdkDate,
  verifyHuaweiSignature,
  type HuaweiVerifyResult,
} from '../../src/auth/huawei-signature.js';
import {
  ApiError,
  AuthError,
  NetworkError,
  TimeoutError,
  ValidationError,
  VersionError,
} from '../../src/core/errors.js';
import { Secret } from '../../src/core/redact.js';
import {
  clearHuaweiVersionCache,
  createHuaweiClient,
  huaweiEndpoint,
  huaweiMicroversionRange,
  type HuaweiClientOptions,
} from '../../src/providers/huawei.js';

// Canary credentials: none of these strings may ever show up in an error or in the client.
const AK = 'AKCANARYq7Zx81Lw';
const SK = 'SKCANARY-3f9e1d2c-only-for-hmac';
const TEMP_AK = 'TMPAKCANARYm4Kp2';
const TEMP_SK = 'TMPSKCANARY-b71c0a9e-temporary';
const TOKEN = 'STSCANARY-gQpjbi1ub3J0aC00-token-55e1';
const WRONG_SK = 'WRONGSKCANARY-9a8b7c6d';
const CANARIES = [AK, SK, TEMP_AK, TEMP_SK, TOKEN, WRONG_SK];

const KEYS: Record<string, string> = { [AK]: SK, [TEMP_AK]: TEMP_SK };
const TOKENS: Record<string, string> = { [TEMP_AK]: TOKEN };

const PROJECT = '77b6a44cba5143ab91d13ab9a8ff44fd';
const SERVER = '9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31';
const MISSING_SERVER = '00000000-0000-4000-8000-000000000404';
const PRIMARY_PORT = '11111111-2222-4333-8444-555555555555';
const PORT = 'ce531f90-199f-48c0-816c-13e38010b442';
const NET = '3cb9bc59-5699-4588-a4b1-b87f96708bc6';
const SUBNET_NET = 'a0f8b1c2-3d4e-4f5a-8b6c-7d8e9f0a1b2c';
const ADD_JOB = 'ff80808288d41e1b018990260955686a';
const DELETE_JOB = 'ff80808288d41e1b01899026aa55aa55';
const MINUTE = 60_000;
/** The gateway's clock. Clients get it (or a skewed copy) as their `now`. */
const SERVER_NOW = Date.UTC(2026, 10, 3, 9, 30, 0);
const REQUIRED_SIGNED = ['content-type', 'host', 'x-project-id', 'x-sdk-date'];

interface Received {
  method: string;
  /** The request target exactly as it arrived (path and query). */
  target: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  verify?: HuaweiVerifyResult;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
interface Fault {
  match: (r: Received) => boolean;
  times: number;
  action: 'hang' | 'destroy' | Reply | ((r: Received) => Reply);
}

// ---- the stand-in server ----------------------------------------------------------------------

const received: Received[] = [];
let faults: Fault[] = [];
/** The microversion range the endpoint serves and advertises in its version document. */
let currentRange = { min: '2.1', max: '2.60' };
const jobPolls = new Map<string, number>();
let requestSeq = 0;
let server: http.Server;
let base = '';

function fault(match: (r: Received) => boolean, action: Fault['action'], times = 1): void {
  faults.push({ match, action, times });
}

const isV21 = (r: Received) => r.path.startsWith('/v2.1/');
const signedRequests = () => received.filter((r) => r.path !== '/');
const discoveries = () => received.filter((r) => r.path === '/');

function send(res: http.ServerResponse, reply: Reply): void {
  const requestId = `req-${++requestSeq}`;
  const headers: Record<string, string> = { 'X-Request-Id': requestId, ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'Content-Type': 'application/json', ...headers }).end(text);
}

/** What the API gateway answers when the AK/SK check fails (flat APIG body). */
function gatewayReject(reason: string, accessKey?: string): Reply {
  return {
    status: 401,
    body: {
      error_code: 'APIGW.0301',
      error_msg: `Incorrect IAM authentication information: verify aksk signature fail (${reason}), Access=${accessKey ?? '?'}`,
      request_id: 'apig-0301-request',
    },
  };
}

/** Checks what the gateway checks; undefined when the request may pass. */
function authenticate(r: Received): Reply | undefined {
  const v = r.verify!;
  if (!v.ok) return gatewayReject(v.reason, v.accessKey);
  for (const name of REQUIRED_SIGNED) {
    if (!v.signedHeaders.includes(name)) return gatewayReject(`${name} not signed`, v.accessKey);
  }
  const token = r.headers['x-security-token'];
  const expected = TOKENS[v.accessKey];
  if (expected !== undefined) {
    if (token !== expected || !v.signedHeaders.includes('x-security-token')) {
      return gatewayReject('temporary credential without a valid signed token', v.accessKey);
    }
  } else if (token !== undefined) {
    return gatewayReject('security token given for a permanent access key', v.accessKey);
  }
  const project = r.path.split('/')[2];
  if (r.headers['x-project-id'] !== project) return gatewayReject('X-Project-Id', v.accessKey);
  return undefined;
}

function versionDocument(): Reply {
  const range = currentRange;
  return {
    status: 200,
    body: {
      versions: [
        { id: 'v2.0', links: [], min_version: '', status: 'SUPPORTED', updated: '', version: '' },
        {
          id: 'v2.1',
          links: [],
          min_version: range.min,
          status: 'CURRENT',
          updated: '2013-07-23T11:33:21Z',
          version: range.max,
        },
      ],
    },
  };
}

const cmp = (a: string, b: string) => {
  const [am, an] = a.split('.').map(Number) as [number, number];
  const [bm, bn] = b.split('.').map(Number) as [number, number];
  return am - bm || an - bn;
};

const NOVA_IFACE = {
  port_state: 'ACTIVE',
  fixed_ips: [{ ip_address: '192.168.1.23', subnet_id: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9' }],
  port_id: PORT,
  net_id: NET,
  mac_addr: 'fa:16:3e:63:75:b2',
};

function route(r: Received): Reply {
  const parts = r.path.split('/').slice(1);
  const [version, , kind, serverId, sub, ...rest] = parts;
  if (serverId === MISSING_SERVER) {
    return {
      status: 404,
      body: {
        error: { code: 'Ecs.0114', message: `Instance[${MISSING_SERVER}] could not be found.` },
      },
    };
  }
  const json = r.body.length
    ? (JSON.parse(r.body.toString('utf8')) as Record<string, unknown>)
    : {};
  if (version === 'v1' && kind === 'cloudservers' && sub === 'nics') {
    if (rest[0] === 'delete' && r.method === 'POST') {
      const nics = json.nics as { id: string }[];
      if (nics.some((n) => n.id === PRIMARY_PORT)) {
        return {
          status: 403,
          body: { error: { code: 'Ecs.0041', message: 'The primary NIC cannot be deleted.' } },
        };
      }
      return { status: 200, body: { job_id: DELETE_JOB } };
    }
    if (rest.length === 0 && r.method === 'POST') return { status: 200, body: { job_id: ADD_JOB } };
  }
  if (version === 'v1' && kind === 'cloudservers' && sub === 'os-interface' && r.method === 'GET') {
    return {
      status: 200,
      body: {
        attachableQuantity: { free_nic: 10 },
        interfaceAttachments: [
          { ...NOVA_IFACE, delete_on_termination: false, driver_mode: 'virtio', min_rate: 0 },
        ],
      },
    };
  }
  if (version === 'v1' && kind === 'jobs' && r.method === 'GET') {
    const jobId = serverId!;
    const polls = (jobPolls.get(jobId) ?? 0) + 1;
    jobPolls.set(jobId, polls);
    const status = polls === 1 ? 'INIT' : polls === 2 ? 'RUNNING' : 'SUCCESS';
    return {
      status: 200,
      body: {
        job_id: jobId,
        job_type: 'batchAddNics',
        status,
        begin_time: '2026-11-03T09:30:01.000Z',
        end_time: status === 'SUCCESS' ? '2026-11-03T09:30:09.000Z' : '',
        error_code: null,
        fail_reason: null,
        entities: {
          sub_jobs_total: 1,
          sub_jobs: [
            { status, job_id: 'ff8080828a', entities: { server_id: SERVER, nic_id: PORT } },
          ],
        },
      },
    };
  }
  if (version === 'v2.1' && kind === 'servers' && sub === 'os-interface') {
    const legacy = r.headers['x-openstack-nova-api-version'] as string | undefined;
    const modern = r.headers['openstack-api-version'] as string | undefined;
    const asked = legacy ?? modern?.replace(/^compute /, '');
    if (
      (legacy === undefined) !== (modern === undefined) ||
      (modern && modern !== `compute ${legacy}`)
    ) {
      return { status: 400, body: { badRequest: { code: 400, message: 'inconsistent headers' } } };
    }
    const range = currentRange;
    if (asked && (cmp(asked, range.min) < 0 || cmp(asked, range.max) > 0)) {
      return notAcceptable(asked, range);
    }
    const echo = {
      'X-OpenStack-Nova-API-Version': asked ?? '2.1',
      'OpenStack-API-Version': `compute ${asked ?? '2.1'}`,
    };
    if (rest.length === 0 && r.method === 'GET') {
      return { status: 200, body: { interfaceAttachments: [NOVA_IFACE] }, headers: echo };
    }
    if (rest.length === 0 && r.method === 'POST') {
      return {
        status: 200,
        body: { interfaceAttachment: { ...NOVA_IFACE, port_state: 'DOWN' } },
        headers: echo,
      };
    }
    if (rest.length === 1 && r.method === 'GET') {
      return { status: 200, body: { interfaceAttachment: NOVA_IFACE }, headers: echo };
    }
    if (rest.length === 1 && r.method === 'DELETE') return { status: 202, headers: echo };
  }
  return { status: 404, body: { error: { code: 'Ecs.0000', message: 'no such route' } } };
}

function notAcceptable(asked: string, range: { min: string; max: string }): Reply {
  return {
    status: 406,
    body: {
      computeFault: {
        code: 406,
        message: `Version ${asked} is not supported by the API. Minimum is ${range.min} and maximum is ${range.max}.`,
      },
    },
  };
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const target = req.url ?? '/';
  const url = new URL(target, `http://${req.headers.host}`);
  const r: Received = {
    method: req.method ?? '',
    target,
    path: url.pathname,
    headers: req.headers,
    body: Buffer.concat(chunks),
  };
  received.push(r);

  if (r.path !== '/') {
    r.verify = await verifyHuaweiSignature({
      method: r.method,
      url,
      headers: req.headers,
      body: r.body,
      lookupSecretKey: (ak) => KEYS[ak],
      now: SERVER_NOW,
    });
    const rejection = authenticate(r);
    if (rejection) return send(res, rejection);
  }

  const f = faults.find((x) => x.times > 0 && x.match(r));
  if (f) {
    f.times--;
    if (f.action === 'hang') return; // never answers; closed in afterAll
    if (f.action === 'destroy') {
      req.socket.destroy();
      return;
    }
    return send(res, typeof f.action === 'function' ? f.action(r) : f.action);
  }
  if (r.path === '/' && r.method === 'GET') return send(res, versionDocument());
  return send(res, route(r));
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(599).end(String(error));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let sleeps: number[] = [];
beforeEach(() => {
  received.length = 0;
  faults = [];
  currentRange = { min: '2.1', max: '2.60' };
  jobPolls.clear();
  sleeps = [];
  clearHuaweiVersionCache();
});
afterEach(() => {
  // A test that leaves a fault unused set it up wrongly.
  expect(faults.filter((f) => f.times > 0 && f.action !== 'hang')).toEqual([]);
});

function makeClient(extra: Partial<HuaweiClientOptions> = {}) {
  return createHuaweiClient({
    accessKey: AK,
    secretKey: SK,
    projectId: PROJECT,
    endpoint: base,
    now: () => new Date(SERVER_NOW),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
}

const nicsPath = '/v1/{project_id}/cloudservers/{server_id}/nics' as const;
const p = (server_id = SERVER) => ({ path: { project_id: PROJECT, server_id } });

function expectVerified(r: Received | undefined): void {
  expect(r?.verify).toMatchObject({ ok: true });
}

// ---- tests --------------------------------------------------------------------------------------

describe('endpoint and options', () => {
  it('builds the endpoint from the spec server template', () => {
    expect(huaweiEndpoint('cn-east-3')).toBe('https://ecs.cn-east-3.myhuaweicloud.com');
    expect(huaweiEndpoint()).toBe('https://ecs.cn-north-4.myhuaweicloud.com');
    expect(() => huaweiEndpoint('cn east/3')).toThrow(ValidationError);
    const client = createHuaweiClient({
      accessKey: AK,
      secretKey: SK,
      projectId: PROJECT,
      region: 'ap-southeast-1',
    });
    expect(client.baseUrl).toBe('https://ecs.ap-southeast-1.myhuaweicloud.com');
    expect(client.provider).toBe('huawei');
    expect(client.projectId).toBe(PROJECT);
    // endpoint overrides region
    expect(makeClient({ region: 'cn-east-3' }).baseUrl).toBe(base);
  });

  it('refuses bad options before anything is sent', () => {
    const good = { accessKey: AK, secretKey: SK, projectId: PROJECT, endpoint: base };
    const bad: [Partial<HuaweiClientOptions>, string][] = [
      [{ endpoint: 'http://ecs.cn-north-4.myhuaweicloud.com' }, 'endpoint'],
      [{ endpoint: undefined }, 'region'],
      [{ accessKey: 'has space' }, 'accessKey'],
      [{ accessKey: '' }, 'accessKey'],
      [{ secretKey: new Secret('') }, 'secretKey'],
      [{ securityToken: 'x\ny' }, 'securityToken'],
      [{ projectId: 'a/b' }, 'projectId'],
      [{ microversion: 'latest' }, 'microversion'],
    ];
    for (const [override, path] of bad) {
      let error: unknown;
      try {
        createHuaweiClient({ ...good, ...override } as HuaweiClientOptions);
      } catch (e) {
        error = e;
      }
      expect(error, path).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path).toBe(path);
      expectNoCanary(error);
    }
    // A fixed microversion outside the spec's range is a VersionError.
    expect(huaweiMicroversionRange).toMatchObject({ min: '2.1', max: '2.1' });
    expect(() => makeClient({ microversion: '2.60' })).toThrow(VersionError);
    expect(received).toHaveLength(0);
  });
});

describe('signing', () => {
  it('signs content-type;host;x-project-id;x-sdk-date over what is sent', async () => {
    const client = makeClient();
    const body = { nics: [{ subnet_id: SUBNET_NET, security_groups: [{ id: 'sg-1' }] }] };
    const { data, response } = await client.POST(nicsPath, { params: p(), body });
    expect(response.status).toBe(200);
    expect(data).toEqual({ job_id: ADD_JOB });

    const [r] = received;
    expectVerified(r);
    expect(r!.verify).toMatchObject({
      accessKey: AK,
      signedHeaders: ['content-type', 'host', 'x-project-id', 'x-sdk-date'],
      sdkDate: formatSdkDate(new Date(SERVER_NOW)),
    });
    expect(r!.target).toBe(`/v1/${PROJECT}/cloudservers/${SERVER}/nics`);
    expect(r!.headers.host).toBe(new URL(base).host);
    expect(r!.headers['x-project-id']).toBe(PROJECT);
    expect(r!.headers['x-sdk-date']).toBe('20261103T093000Z');
    expect(r!.headers['content-type']).toBe('application/json');
    expect(r!.headers['x-security-token']).toBeUndefined();
    expect(r!.body.toString('utf8')).toBe(JSON.stringify(body));
    // v1 calls never carry a microversion
    expect(r!.headers['openstack-api-version']).toBeUndefined();
    expect(r!.headers['x-openstack-nova-api-version']).toBeUndefined();
  });

  it('matches the official Node SDK signer on a received request', async () => {
    const client = makeClient();
    await client.POST(nicsPath, { params: p(), body: { nics: [{ port_id: PORT }] } });
    const [r] = received;
    const sdk = AKSKSigner.sign(
      {
        method: r!.method,
        endpoint: `http://${r!.headers.host}${r!.path}`,
        headers: {
          'Content-Type': r!.headers['content-type'],
          'X-Project-Id': r!.headers['x-project-id'],
          'X-Sdk-Date': r!.headers['x-sdk-date'],
        },
        queryParams: {},
        data: JSON.parse(r!.body.toString('utf8')),
      } as never,
      { getAk: () => AK, getSk: () => SK } as never,
    ) as Record<string, string>;
    expect(sdk.Authorization).toBe(r!.headers.authorization);
  });

  it('signs the Content-Type actually sent (charset parameter, GET default)', async () => {
    const client = makeClient();
    await client.POST(nicsPath, {
      params: p(),
      body: { nics: [{ port_id: PORT }] },
      headers: { 'Content-Type': 'application/json;charset=UTF-8' },
    });
    await client.GET('/v1/{project_id}/cloudservers/{server_id}/os-interface', { params: p() });
    const [post, get] = received;
    expectVerified(post);
    expectVerified(get);
    expect(post!.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(get!.headers['content-type']).toBe('application/json');
    expect(get!.body.byteLength).toBe(0);
  });

  it('sends and signs X-Security-Token with temporary credentials', async () => {
    const client = makeClient({
      accessKey: new Secret(TEMP_AK),
      secretKey: new Secret(TEMP_SK),
      securityToken: new Secret(TOKEN),
    });
    const { data } = await client.GET('/v1/{project_id}/jobs/{job_id}', {
      params: { path: { project_id: PROJECT, job_id: ADD_JOB } },
    });
    expect(data?.status).toBe('INIT');
    const [r] = received;
    expectVerified(r);
    expect(r!.headers['x-security-token']).toBe(TOKEN);
    expect(r!.verify).toMatchObject({
      signedHeaders: ['content-type', 'host', 'x-project-id', 'x-sdk-date', 'x-security-token'],
    });
  });

  it('a wrong secret key gets AuthError APIGW.0301 from the gateway body', async () => {
    const client = makeClient({ secretKey: WRONG_SK });
    const error = await client
      .GET('/v1/{project_id}/cloudservers/{server_id}/os-interface', { params: p() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      status: 401,
      code: 'APIGW.0301',
      provider: 'huawei',
      operation: 'listServerInterfaces',
      requestId: expect.stringMatching(/^req-\d+$/),
    });
    expect((error as AuthError).providerMessage).toContain('signature-mismatch');
    expectNoCanary(error);
  });

  it('the gateway rejects an X-Sdk-Date more than 15 minutes off its clock', async () => {
    const at = (offsetMs: number) => makeClient({ now: () => new Date(SERVER_NOW + offsetMs) });
    const path = '/v1/{project_id}/cloudservers/{server_id}/os-interface' as const;
    for (const offset of [16 * MINUTE, -16 * MINUTE]) {
      const error = await at(offset)
        .GET(path, { params: p() })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthError);
      expect(error).toMatchObject({ status: 401, code: 'APIGW.0301' });
      expect((error as AuthError).providerMessage).toContain('clock-skew');
    }
    for (const offset of [14 * MINUTE, -14 * MINUTE]) {
      const { response } = await at(offset).GET(path, { params: p() });
      expect(response.status).toBe(200);
    }
    expect(received.map((r) => r.verify?.ok)).toEqual([false, false, true, true]);
  });
});

describe('native v1 lifecycle', () => {
  it('add NICs, poll the job, list, delete, poll again', async () => {
    const client = makeClient();
    const added = await client.POST(nicsPath, {
      params: p(),
      body: { nics: [{ subnet_id: SUBNET_NET, ip_address: '192.168.1.23' }, { port_id: PORT }] },
    });
    expect(added.data?.job_id).toBe(ADD_JOB);

    const states: string[] = [];
    for (let i = 0; i < 3; i++) {
      const job = await client.GET('/v1/{project_id}/jobs/{job_id}', {
        params: { path: { project_id: client.projectId, job_id: added.data!.job_id } },
      });
      states.push(job.data!.status);
    }
    expect(states).toEqual(['INIT', 'RUNNING', 'SUCCESS']);

    const listed = await client.GET('/v1/{project_id}/cloudservers/{server_id}/os-interface', {
      params: p(),
    });
    expect(listed.data?.interfaceAttachments.map((i) => i.port_id)).toEqual([PORT]);
    expect(listed.data?.attachableQuantity?.free_nic).toBe(10);

    const deleted = await client.POST('/v1/{project_id}/cloudservers/{server_id}/nics/delete', {
      params: p(),
      body: { nics: [{ id: PORT }] },
    });
    expect(deleted.data?.job_id).toBe(DELETE_JOB);
    const job = await client.GET('/v1/{project_id}/jobs/{job_id}', {
      params: { path: { project_id: PROJECT, job_id: DELETE_JOB } },
    });
    expect(job.data?.status).toBe('INIT');

    expect(received).toHaveLength(7);
    for (const r of received) expectVerified(r);
    expect(discoveries()).toHaveLength(0);
  });

  it('ECS error bodies become ApiError with code, message and request id', async () => {
    const client = makeClient();
    const missing = await client
      .GET('/v1/{project_id}/cloudservers/{server_id}/os-interface', { params: p(MISSING_SERVER) })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).not.toBeInstanceOf(AuthError);
    expect(missing).toMatchObject({
      status: 404,
      code: 'Ecs.0114',
      providerMessage: `Instance[${MISSING_SERVER}] could not be found.`,
      requestId: expect.stringMatching(/^req-\d+$/),
      operation: 'listServerInterfaces',
    });

    const primary = await client
      .POST('/v1/{project_id}/cloudservers/{server_id}/nics/delete', {
        params: p(),
        body: { nics: [{ id: PRIMARY_PORT }] },
      })
      .catch((e: unknown) => e);
    expect(primary).toBeInstanceOf(ApiError);
    expect(primary).toMatchObject({ status: 403, code: 'Ecs.0041' });
  });

  it('throwOnError: false hands error responses back', async () => {
    const client = makeClient({ throwOnError: false });
    const { data, error, response } = await client.GET(
      '/v1/{project_id}/cloudservers/{server_id}/os-interface',
      { params: p(MISSING_SERVER) },
    );
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ error: { code: 'Ecs.0114' } });
  });
});

describe('validation', () => {
  it('a body mixing the two NIC forms is refused and nothing is sent', async () => {
    const client = makeClient();
    const error = await client
      .POST(nicsPath, {
        params: p(),
        // @ts-expect-error port_id and subnet_id are mutually exclusive
        body: { nics: [{ port_id: PORT, subnet_id: SUBNET_NET }] },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).operation).toBe('batchAddServerNics');
    expect(received).toHaveLength(0);
  });

  // openapi-fetch's body type widens the spec's one-element tuple to an array, so only the
  // validator derived from the spec (`maxItems: 1`) can catch this one.
  it('a fixed_ips list of two on the Nova attach is refused and nothing is sent', async () => {
    const client = makeClient({ microversion: 'negotiate' });
    const error = await client
      .POST('/v2.1/{project_id}/servers/{server_id}/os-interface', {
        params: p(),
        body: {
          interfaceAttachment: {
            net_id: NET,
            fixed_ips: [{ ip_address: '10.0.0.5' }, { ip_address: '10.0.0.6' }],
          },
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(received).toHaveLength(0);
  });

  it("a project_id other than the client's is refused and nothing is sent", async () => {
    const client = makeClient();
    const error = await client
      .GET('/v1/{project_id}/cloudservers/{server_id}/os-interface', {
        params: { path: { project_id: 'ffffffffffffffffffffffffffffffff', server_id: SERVER } },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toBe('params.path.project_id');
    expect(received).toHaveLength(0);
  });
});

describe('retries and timeouts', () => {
  const listPath = '/v1/{project_id}/cloudservers/{server_id}/os-interface' as const;

  it('GET: 503 then 200 is retried, each attempt signed', async () => {
    fault((r) => r.method === 'GET', {
      status: 503,
      body: { error_code: 'APIGW.0404', error_msg: 'busy' },
    });
    const { data } = await makeClient().GET(listPath, { params: p() });
    expect(data?.interfaceAttachments).toHaveLength(1);
    expect(received).toHaveLength(2);
    for (const r of received) expectVerified(r);
    expect(sleeps).toHaveLength(1);
  });

  it('POST: not retried after 503', async () => {
    fault((r) => r.method === 'POST', {
      status: 503,
      body: { error: { code: 'Ecs.0500', message: 'down' } },
    });
    const error = await makeClient()
      .POST(nicsPath, { params: p(), body: { nics: [{ port_id: PORT }] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'Ecs.0500' });
    expect(received).toHaveLength(1);
    expect(sleeps).toHaveLength(0);
  });

  it('POST: 429 with Retry-After is retried after the delay asked for', async () => {
    fault((r) => r.method === 'POST', {
      status: 429,
      headers: { 'Retry-After': '2' },
      body: { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached' },
    });
    const { data } = await makeClient().POST(nicsPath, {
      params: p(),
      body: { nics: [{ port_id: PORT }] },
    });
    expect(data?.job_id).toBe(ADD_JOB);
    expect(received).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
    for (const r of received) expectVerified(r);
    expect(received[1]!.body.equals(received[0]!.body)).toBe(true);
  });

  it('a request that gets no answer in time is a TimeoutError', async () => {
    fault(() => true, 'hang');
    const error = await makeClient({ timeoutMs: 50, maxRetries: 0 })
      .GET(listPath, { params: p() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ provider: 'huawei', operation: 'listServerInterfaces' });
  });

  it('a dropped connection is a NetworkError', async () => {
    fault(() => true, 'destroy');
    const error = await makeClient()
      .POST(nicsPath, { params: p(), body: { nics: [{ port_id: PORT }] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).maybeSent).toBe(true);
  });
});

describe('Nova-compatible v2.1 calls and microversions', () => {
  const listPath = '/v2.1/{project_id}/servers/{server_id}/os-interface' as const;
  const onePath = '/v2.1/{project_id}/servers/{server_id}/os-interface/{port_id}' as const;
  const versionOf = (r: Received | undefined) => [
    r?.headers['x-openstack-nova-api-version'],
    r?.headers['openstack-api-version'],
  ];

  it('by default sends no microversion header and reads no version document', async () => {
    const { data } = await makeClient().GET(listPath, { params: p() });
    expect(data?.interfaceAttachments[0]?.port_id).toBe(PORT);
    expect(discoveries()).toHaveLength(0);
    expect(versionOf(received[0])).toEqual([undefined, undefined]);
    expectVerified(received[0]);
  });

  it('negotiate: unsigned GET /, cached per endpoint, min(spec max, server max) on v2.1 only', async () => {
    const client = makeClient({ microversion: 'negotiate' });
    const attached = await client.POST(listPath, {
      params: p(),
      body: { interfaceAttachment: { net_id: NET, fixed_ips: [{ ip_address: '192.168.1.23' }] } },
    });
    expect(attached.data?.interfaceAttachment.port_state).toBe('DOWN');
    const shown = await client.GET(onePath, { params: { path: { ...p().path, port_id: PORT } } });
    expect(shown.data?.interfaceAttachment.port_state).toBe('ACTIVE');
    const listed = await client.GET(listPath, { params: p() });
    expect(listed.data?.interfaceAttachments).toHaveLength(1);
    const detached = await client.DELETE(onePath, {
      params: { path: { ...p().path, port_id: PORT } },
    });
    expect(detached.response.status).toBe(202);
    // Another client of the same endpoint uses the cached document.
    await makeClient({ microversion: 'negotiate' }).GET(listPath, { params: p() });
    // v1 calls carry no microversion even in negotiate mode.
    await client.GET('/v1/{project_id}/cloudservers/{server_id}/os-interface', { params: p() });

    const [discovery, ...rest] = received;
    expect(discovery!.path).toBe('/');
    expect(discovery!.headers.authorization).toBeUndefined();
    expect(discovery!.headers['x-sdk-date']).toBeUndefined();
    expect(discovery!.headers['x-project-id']).toBeUndefined();
    expect(discoveries()).toHaveLength(1);
    const expected = huaweiMicroversionRange!.max; // min(spec max 2.1, server max 2.60)
    expect(rest.filter(isV21).map(versionOf)).toEqual(
      Array(5).fill([expected, `compute ${expected}`]),
    );
    expect(versionOf(rest.at(-1))).toEqual([undefined, undefined]);
    for (const r of rest) expectVerified(r);
  });

  it('a fixed microversion is sent on v2.1 calls without discovery', async () => {
    await makeClient({ microversion: '2.1' }).GET(listPath, { params: p() });
    expect(discoveries()).toHaveLength(0);
    expect(versionOf(received[0])).toEqual(['2.1', 'compute 2.1']);
  });

  it('406: renegotiates once (version document again, re-signed resend) and succeeds', async () => {
    let clock = SERVER_NOW;
    const client = makeClient({
      microversion: 'negotiate',
      now: () => new Date((clock += 1000)),
    });
    await client.GET(listPath, { params: p() }); // fills the cache
    received.length = 0;
    // A node that briefly refuses the version (e.g. during a rolling upgrade).
    fault(isV21, notAcceptable('2.1', { min: '2.1', max: '2.60' }));
    const { data } = await client.GET(listPath, { params: p() });
    expect(data?.interfaceAttachments).toHaveLength(1);
    expect(received.map((r) => `${r.method} ${r.path === '/' ? '/' : 'v2.1'}`)).toEqual([
      'GET v2.1',
      'GET /',
      'GET v2.1',
    ]);
    const [first, , resent] = received;
    expectVerified(first);
    expectVerified(resent);
    expect(resent!.headers['x-sdk-date']).not.toBe(first!.headers['x-sdk-date']);
    expect(versionOf(resent)).toEqual(['2.1', 'compute 2.1']);
  });

  it('406 then a version document with no common range: VersionError, nothing resent', async () => {
    const client = makeClient({ microversion: 'negotiate' });
    await client.GET(listPath, { params: p() });
    received.length = 0;
    currentRange = { min: '2.5', max: '2.60' }; // the region dropped 2.1-2.4
    const error = await client.GET(listPath, { params: p() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionError);
    expect(error).toMatchObject({
      minimum: '2.5',
      maximum: '2.60',
      operation: 'novaListServerInterfaces',
    });
    expect(received.map((r) => r.path === '/')).toEqual([false, true]);
  });

  it('a second 406 after renegotiating is a VersionError', async () => {
    fault(isV21, notAcceptable('2.1', { min: '2.2', max: '2.60' }), 2);
    const error = await makeClient({ microversion: 'negotiate', throwOnError: false })
      .GET(listPath, { params: p() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionError);
    expect(error).toMatchObject({ status: 406, requested: '2.1', minimum: '2.2', maximum: '2.60' });
    expect(received.map((r) => r.path === '/')).toEqual([true, false, true, false]);
  });

  it('a 406 to a fixed microversion is a VersionError without renegotiation', async () => {
    fault(isV21, notAcceptable('2.1', { min: '2.5', max: '2.60' }));
    const error = await makeClient({ microversion: '2.1' })
      .DELETE('/v2.1/{project_id}/servers/{server_id}/os-interface/{port_id}', {
        params: { path: { ...p().path, port_id: PORT } },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionError);
    expect(error).toMatchObject({ status: 406, requested: '2.1', minimum: '2.5' });
    expect(received).toHaveLength(1);
  });

  it('a failed discovery is an ApiError and is not cached', async () => {
    fault((r) => r.path === '/', {
      status: 500,
      body: { error_code: 'APIGW.0101', error_msg: 'boom' },
    });
    const client = makeClient({ microversion: 'negotiate', maxRetries: 0 });
    const error = await client.GET(listPath, { params: p() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 500, operation: 'listComputeVersions' });
    const { response } = await client.GET(listPath, { params: p() });
    expect(response.status).toBe(200);
    expect(received.map((r) => r.path === '/')).toEqual([true, true, false]);
  });
});

// ---- canaries -----------------------------------------------------------------------------------

function views(value: unknown): string[] {
  return [
    value instanceof Error ? value.message : '',
    String(value),
    JSON.stringify(value) ?? '',
    util.inspect(value, { depth: 10 }),
  ];
}

function expectNoCanary(value: unknown): void {
  for (const view of views(value)) {
    for (const canary of CANARIES) expect(view).not.toContain(canary);
  }
}

describe('credentials never leak', () => {
  const temp = () =>
    makeClient({ accessKey: TEMP_AK, secretKey: TEMP_SK, securityToken: TOKEN, maxRetries: 0 });
  const listPath = '/v1/{project_id}/cloudservers/{server_id}/os-interface' as const;

  it('not through the client object', () => {
    for (const client of [temp(), makeClient({ secretKey: new Secret(WRONG_SK) })]) {
      const shown = [util.inspect(client, { depth: 10 }), JSON.stringify(client)];
      for (const view of shown) for (const canary of CANARIES) expect(view).not.toContain(canary);
    }
  });

  it('not through any error path', async () => {
    const errors: unknown[] = [];
    const capture = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (e: unknown) => e,
      );

    // validation
    errors.push(
      await capture(
        temp().POST(nicsPath, {
          params: p(),
          body: { nics: [{ port_id: TOKEN, subnet_id: TEMP_AK }], [TEMP_SK]: 1 } as never,
        }),
      ),
    );
    // 401 from the gateway, whose message names the access key
    errors.push(await capture(makeClient({ secretKey: WRONG_SK }).GET(listPath, { params: p() })));
    errors.push(
      await capture(
        makeClient({ accessKey: TEMP_AK, secretKey: TEMP_SK, securityToken: WRONG_SK }).GET(
          listPath,
          { params: p() },
        ),
      ),
    );
    // 403 and 500 bodies echoing the credentials back
    const echo = (status: number) => (r: Received) => ({
      status,
      body: {
        error: {
          code: 'Ecs.9999',
          message: `received Authorization: ${r.headers.authorization} token ${r.headers['x-security-token']}`,
        },
        authorization: r.headers.authorization,
        token: r.headers['x-security-token'],
        echo: `${TEMP_AK}/${TEMP_SK}`,
      },
    });
    fault(() => true, echo(403));
    errors.push(await capture(temp().GET(listPath, { params: p() })));
    fault(() => true, echo(500));
    errors.push(
      await capture(temp().POST(nicsPath, { params: p(), body: { nics: [{ port_id: PORT }] } })),
    );
    // timeout and network errors
    fault(() => true, 'hang');
    errors.push(await capture(temp().GET(listPath, { params: p(), timeoutMs: 50 })));
    fault(() => true, 'destroy');
    errors.push(await capture(temp().GET(listPath, { params: p() })));
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    errors.push(await capture(temp().GET(listPath, { params: p(), baseUrl: closedUrl })));
    // version refusal
    fault(isV21, (r) => ({
      ...notAcceptable('2.1', { min: '2.5', max: '2.60' }),
      headers: { 'X-Echo': String(r.headers.authorization) },
    }));
    errors.push(
      await capture(
        makeClient({
          accessKey: TEMP_AK,
          secretKey: TEMP_SK,
          securityToken: TOKEN,
          microversion: '2.1',
        }).GET('/v2.1/{project_id}/servers/{server_id}/os-interface', { params: p() }),
      ),
    );

    expect(errors.map((e) => (e as Error).constructor.name)).toEqual([
      'ValidationError',
      'AuthError',
      'AuthError',
      'ApiError',
      'ApiError',
      'TimeoutError',
      'NetworkError',
      'NetworkError',
      'VersionError',
    ]);
    for (const error of errors) expectNoCanary(error);
  });
});
