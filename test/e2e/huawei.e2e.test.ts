// Huawei end to end: the typed ECS client (AK/SK SDK-HMAC-SHA256 signing, native v1 jobs, the
// Nova-compatible v2.1 calls and their microversions, retries) against the Huawei emulator over
// loopback HTTP. Every test ends with the emulator's answers conformant.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, ValidationError, VersionError } from '../../src/core/errors.js';
import {
  startEmulator,
  type EmulatorHandleFor,
  type HuaweiEmulatorOptions,
} from '../../src/emulators/index.js';
import {
  clearHuaweiVersionCache,
  createHuaweiClient,
  type HuaweiClient,
  type HuaweiClientOptions,
} from '../../src/providers/huawei.js';
import {
  ASYNC_DELAY_MS,
  FAST_RETRIES,
  caught,
  describeFaults,
  expectApiError,
  fixedClock,
  logOf,
  pollUntil,
  recordingFetch,
  sleep,
  type FaultHarness,
} from '../helpers/e2e.js';
import { expectConformant } from '../helpers/response-conformance.js';

const NICS = '/v1/{project_id}/cloudservers/{server_id}/os-interface';
const ADD = '/v1/{project_id}/cloudservers/{server_id}/nics';
const REMOVE = '/v1/{project_id}/cloudservers/{server_id}/nics/delete';
const JOB = '/v1/{project_id}/jobs/{job_id}';
const NOVA = '/v2.1/{project_id}/servers/{server_id}/os-interface';
const NOVA_ONE = '/v2.1/{project_id}/servers/{server_id}/os-interface/{port_id}';
const REQUEST_ID = /^[0-9a-f]{32}$/;

describe('Huawei e2e: typed client against the emulator', () => {
  let hw: EmulatorHandleFor<'huawei'>;
  /** web-1: only its primary NIC at the start. */
  let server: string;
  /** `subnet-app` (192.168.0.0/24, with IPv6). */
  let network: string;
  let project: string;
  let fixturePorts: Set<string>;

  beforeAll(async () => {
    hw = await startEmulator('huawei', {
      seed: 'e2e-huawei',
      now: fixedClock,
      asyncDelayMs: ASYNC_DELAY_MS,
    });
  });
  beforeEach(() => {
    hw.reset();
    clearHuaweiVersionCache();
    project = hw.credentials.projectId;
    server = hw.fixtures.servers[0]!.id;
    network = hw.fixtures.networks[0]!.id;
    fixturePorts = new Set(hw.fixtures.ports.map((p) => p.id));
  });
  afterEach(() => {
    expectConformant(hw);
  });
  afterAll(async () => {
    await hw.close();
  });

  const client = (
    overrides: Partial<HuaweiClientOptions> = {},
    handle: EmulatorHandleFor<'huawei'> = hw,
  ) =>
    createHuaweiClient({
      endpoint: handle.url,
      accessKey: handle.credentials.accessKey,
      secretKey: handle.credentials.secretKey,
      projectId: handle.credentials.projectId,
      now: fixedClock,
      ...FAST_RETRIES,
      ...overrides,
    });
  const serverPath = (server_id = server, project_id = project) => ({
    params: { path: { project_id, server_id } },
  });
  const portPath = (port_id: string, server_id = server) => ({
    params: { path: { project_id: project, server_id, port_id } },
  });
  const created = () =>
    hw.state
      .interfacesOf(server)
      .map((p) => p.id)
      .filter((id) => !fixturePorts.has(id));

  /** Polls a job until it is decided, as a user's wait loop would. */
  const waitForJob = async (ecs: HuaweiClient, job_id: string) =>
    (
      await pollUntil(
        async () =>
          (await ecs.GET(JOB, { params: { path: { project_id: project, job_id } } })).data!,
        (job) => job.status === 'SUCCESS' || job.status === 'FAIL',
        { what: `job ${job_id}` },
      )
    ).value;

  describe('lifecycle', () => {
    it('native v1: batch add (job polled), list, wait until ACTIVE, batch delete (job polled), gone', async () => {
      const ecs = client();
      const { data: accepted } = await ecs.POST(ADD, {
        ...serverPath(),
        body: { nics: [{ subnet_id: network }] },
      });
      const added = await waitForJob(ecs, accepted!.job_id);
      expect(added).toMatchObject({ status: 'SUCCESS', job_type: 'batchAddNics' });
      const nicId = added.entities!.sub_jobs![0]!.entities!.nic_id!;

      const { value: listed } = await pollUntil(
        async () => (await ecs.GET(NICS, serverPath())).data!,
        (list) =>
          list.interfaceAttachments?.find((n) => n.port_id === nicId)?.port_state === 'ACTIVE',
        { what: 'the NIC to be ACTIVE' },
      );
      const nic = listed.interfaceAttachments!.find((n) => n.port_id === nicId)!;
      expect(nic).toMatchObject({
        net_id: network,
        fixed_ips: [{ ip_address: expect.stringMatching(/^192\.168\.0\.\d+$/) }],
        mac_addr: expect.stringMatching(/^fa:16:3e(:[0-9a-f]{2}){3}$/),
        delete_on_termination: true,
      });

      const { data: removal } = await ecs.POST(REMOVE, {
        ...serverPath(),
        body: { nics: [{ id: nicId }] },
      });
      expect((await waitForJob(ecs, removal!.job_id)).status).toBe('SUCCESS');
      const { data: after } = await ecs.GET(NICS, serverPath());
      expect(after!.interfaceAttachments!.map((n) => n.port_id)).not.toContain(nicId);
      expect(hw.state.ports.has(nicId)).toBe(false);
    });

    it('Nova-compatible v2.1: attach (DOWN), show until ACTIVE, list, detach (202), confirm gone', async () => {
      const ecs = client();
      const { data } = await ecs.POST(NOVA, {
        ...serverPath(),
        body: { interfaceAttachment: { net_id: network } },
      });
      const attachment = data!.interfaceAttachment;
      expect(attachment).toMatchObject({ net_id: network, port_state: 'DOWN' });
      await pollUntil(
        async () => (await ecs.GET(NOVA_ONE, portPath(attachment.port_id))).data!,
        (view) => view.interfaceAttachment.port_state === 'ACTIVE',
        { what: 'the port to be ACTIVE' },
      );
      const { data: listed } = await ecs.GET(NOVA, serverPath());
      expect(listed!.interfaceAttachments.map((a) => a.port_id)).toContain(attachment.port_id);
      const detached = await ecs.DELETE(NOVA_ONE, portPath(attachment.port_id));
      expect(detached.response.status).toBe(202);
      await pollUntil(
        async () => (await ecs.GET(NOVA, serverPath())).data!.interfaceAttachments,
        (list) => !list.some((a) => a.port_id === attachment.port_id),
      );
      expectApiError(await caught(ecs.GET(NOVA_ONE, portPath(attachment.port_id))), {
        status: 404,
        code: 'itemNotFound',
        message: `Port ${attachment.port_id} is not attached`,
        requestId: REQUEST_ID,
        operation: 'novaShowServerInterface',
      });
    });

    it('a temporary AK/SK with its security token works like a permanent one', async () => {
      const { temporary } = hw.credentials;
      const ecs = client({
        accessKey: temporary.accessKey,
        secretKey: temporary.secretKey,
        securityToken: temporary.securityToken,
      });
      const { data } = await ecs.GET(NICS, serverPath());
      const primary = hw.fixtures.ports.find((p) => p.serverId === server)!;
      expect(data!.interfaceAttachments!.map((n) => n.port_id)).toEqual([primary.id]);
      // Without its security token the temporary key is refused.
      const { securityToken: _token, ...withoutToken } = temporary;
      expectApiError(await caught(client(withoutToken).GET(NICS, serverPath())), {
        type: AuthError,
        status: 401,
        code: 'APIGW.0301',
        message: 'X-Security-Token of the temporary access key is missing or wrong',
        requestId: REQUEST_ID,
      });
    });
  });

  describe('documented errors surface as typed errors', () => {
    it('v1: 404 Ecs.0114 for an unknown server, 404 for an unknown job, 409 locked, 403 primary NIC', async () => {
      const ecs = client();
      const unknown = '00000000-0000-4000-8000-000000000000';
      expectApiError(
        await caught(
          ecs.POST(ADD, { ...serverPath(unknown), body: { nics: [{ subnet_id: network }] } }),
        ),
        {
          status: 404,
          code: 'Ecs.0114',
          message: `Instance[${unknown}] could not be found.`,
          requestId: REQUEST_ID,
          operation: 'batchAddServerNics',
        },
      );
      expectApiError(
        await caught(
          ecs.GET(JOB, { params: { path: { project_id: project, job_id: 'f'.repeat(32) } } }),
        ),
        {
          status: 404,
          code: 'Ecs.0000',
          message: `Job[${'f'.repeat(32)}] could not be found.`,
          requestId: REQUEST_ID,
        },
      );
      const locked = hw.fixtures.servers.find((s) => s.locked)!.id;
      expectApiError(
        await caught(
          ecs.POST(ADD, { ...serverPath(locked), body: { nics: [{ subnet_id: network }] } }),
        ),
        {
          status: 409,
          code: 'Ecs.0000',
          message: `Instance ${locked} is locked`,
          requestId: REQUEST_ID,
        },
      );
      const primary = hw.fixtures.ports.find((p) => p.serverId === server && p.primary)!.id;
      expectApiError(
        await caught(ecs.POST(REMOVE, { ...serverPath(), body: { nics: [{ id: primary }] } })),
        {
          status: 403,
          code: 'Ecs.0000',
          message: `The primary NIC ${primary} of the server cannot be deleted.`,
          requestId: REQUEST_ID,
        },
      );
      expect(hw.state.jobs.size).toBe(0);
    });

    it('v1: a job whose sub-job fails reads FAIL with its error code and reason', async () => {
      const ecs = client();
      const unknownSubnet = '11111111-2222-4333-8444-555555555555';
      const { data } = await ecs.POST(ADD, {
        ...serverPath(),
        body: { nics: [{ subnet_id: network }, { subnet_id: unknownSubnet }] },
      });
      const job = await waitForJob(ecs, data!.job_id);
      expect(job).toMatchObject({
        status: 'FAIL',
        error_code: 'Ecs.0000',
        fail_reason: `subnet ${unknownSubnet} does not exist`,
      });
      expect(job.entities!.sub_jobs!.map((s) => s.status)).toEqual(['SUCCESS', 'FAIL']);
      // The NIC of the sub-job that succeeded stays.
      expect(created()).toHaveLength(1);
    });

    it('v2.1: Nova faults for an unknown network or port, a port in use, a taken or foreign IP, the primary NIC', async () => {
      const ecs = client();
      const unknown = '00000000-0000-4000-8000-000000000000';
      const inUse = hw.fixtures.ports.find((p) => p.serverId !== null && p.serverId !== server)!;
      const attach = (interfaceAttachment: object) =>
        caught(ecs.POST(NOVA, { ...serverPath(), body: { interfaceAttachment } as never }));
      const cases: [() => Promise<unknown>, number, string, string][] = [
        [
          () => attach({ net_id: unknown }),
          404,
          'itemNotFound',
          `Network ${unknown} could not be found.`,
        ],
        [
          () => attach({ port_id: unknown }),
          404,
          'itemNotFound',
          `Port id ${unknown} could not be found.`,
        ],
        [
          () => attach({ port_id: inUse.id }),
          409,
          'conflictingRequest',
          `Port ${inUse.id} is still in use.`,
        ],
        [
          () => attach({ net_id: inUse.networkId, fixed_ips: [{ ip_address: inUse.ipAddress }] }),
          409,
          'conflictingRequest',
          `Fixed IP address ${inUse.ipAddress} is already in use`,
        ],
        [
          () => attach({ net_id: network, fixed_ips: [{ ip_address: '10.9.9.9' }] }),
          400,
          'badRequest',
          'Fixed IP address 10.9.9.9 is not in subnet',
        ],
        [
          () =>
            caught(
              ecs.DELETE(
                NOVA_ONE,
                portPath(hw.fixtures.ports.find((p) => p.serverId === server && p.primary)!.id),
              ),
            ),
          403,
          'forbidden',
          'of the server cannot be detached.',
        ],
      ];
      for (const [call, status, code, message] of cases) {
        expectApiError(await call(), { status, code, message, requestId: REQUEST_ID });
      }
      expect(created()).toEqual([]);
    });

    it('403 when the key has no permission in the project of the path', async () => {
      const { otherProject } = hw.credentials;
      const ecs = client({ accessKey: otherProject.accessKey, secretKey: otherProject.secretKey });
      expectApiError(await caught(ecs.GET(NICS, serverPath())), {
        status: 403,
        code: 'Ecs.0000',
        message: `The access key has no permission in project ${project}.`,
        requestId: REQUEST_ID,
      });
    });

    it('refuses a body the spec forbids, and a project other than its own, before sending anything', async () => {
      const ecs = client();
      const mixed = await caught(
        ecs.POST(ADD, {
          ...serverPath(),
          // @ts-expect-error port_id and subnet_id exclude each other
          body: { nics: [{ subnet_id: network, port_id: hw.fixtures.ports[6]!.id }] },
        }),
      );
      expect(mixed).toBeInstanceOf(ValidationError);
      const foreign = await caught(ecs.GET(NICS, serverPath(server, 'a'.repeat(32))));
      expect(foreign).toBeInstanceOf(ValidationError);
      expect(hw.requests).toEqual([]);
    });
  });

  describe('authentication', () => {
    it('a wrong secret key is an AuthError (401 APIGW.0301) with the gateway request id', async () => {
      const error = expectApiError(
        await caught(
          client({ secretKey: 'WrongSecretKey0123456789' }).POST(ADD, {
            ...serverPath(),
            body: { nics: [{ subnet_id: network }] },
          }),
        ),
        {
          type: AuthError,
          status: 401,
          code: 'APIGW.0301',
          message: 'Incorrect IAM authentication information: verify aksk signature fail',
          requestId: REQUEST_ID,
        },
      );
      expect(JSON.stringify(error)).not.toContain(hw.credentials.secretKey);
      expect(hw.state.jobs.size).toBe(0);
    });

    it('an unknown access key and a client clock 20 minutes off are AuthErrors', async () => {
      const late = new Date(fixedClock().getTime() + 20 * 60 * 1000);
      for (const overrides of [
        { accessKey: 'UNKNOWNACCESSKEY0000' },
        { now: () => late },
      ] as Partial<HuaweiClientOptions>[]) {
        expectApiError(await caught(client(overrides).GET(NICS, serverPath())), {
          type: AuthError,
          status: 401,
          code: 'APIGW.0301',
          message: 'Incorrect IAM authentication information',
          requestId: REQUEST_ID,
        });
      }
    });
  });

  describe('version selection (v2.1 microversions)', () => {
    it('sends no microversion by default and is served 2.1', async () => {
      const recorder = recordingFetch();
      const { response } = await client({ fetch: recorder.fetch }).GET(NOVA, serverPath());
      expect(recorder.sent[0]!.headers).not.toHaveProperty('x-openstack-nova-api-version');
      expect(response.headers.get('x-openstack-nova-api-version')).toBe('2.1');
    });

    it("negotiates against the emulator's advertised range (2.1 to 2.60): 2.1, the highest the spec knows", async () => {
      const recorder = recordingFetch();
      const ecs = client({ fetch: recorder.fetch, microversion: 'negotiate' });
      await ecs.GET(NOVA, serverPath());
      await ecs.GET(NOVA, serverPath());
      expect(hw.requests.map((r) => r.operationId)).toEqual([
        'listComputeVersions',
        'novaListServerInterfaces',
        'novaListServerInterfaces',
      ]);
      const sent = recorder.sent.filter((r) => r.url.includes('/v2.1/'));
      expect(sent.map((r) => r.headers['openstack-api-version'])).toEqual([
        'compute 2.1',
        'compute 2.1',
      ]);
      expect(sent[0]!.headers['x-openstack-nova-api-version']).toBe('2.1');
      // The version document is read unsigned.
      expect(recorder.sent[0]!.headers).not.toHaveProperty('authorization');
    });

    it('turns a 406 for a version outside the served range into a VersionError with the range', async () => {
      const error = await caught(
        client().GET(NOVA, {
          params: {
            ...serverPath().params,
            header: { 'X-OpenStack-Nova-API-Version': '2.61' },
          },
        }),
      );
      expect(error).toBeInstanceOf(VersionError);
      expect(error).toMatchObject({
        requested: '2.61',
        minimum: '2.1',
        maximum: '2.60',
        status: 406,
        code: 'computeFault',
        requestId: expect.stringMatching(REQUEST_ID),
      });
      expect(() => client({ microversion: '2.2' })).toThrow(VersionError);
    });

    it('refuses to negotiate with an endpoint whose range does not meet the spec, sending nothing signed', async () => {
      const newer = await startEmulator('huawei', {
        seed: 'e2e-huawei-newer',
        now: fixedClock,
        microversions: { min: '2.5', max: '2.60' },
      });
      try {
        const ecs = client({ microversion: 'negotiate' }, newer);
        const error = await caught(
          ecs.GET(NOVA, {
            params: { path: { project_id: newer.credentials.projectId, server_id: server } },
          }),
        );
        expect(error).toBeInstanceOf(VersionError);
        expect(error).toMatchObject({ minimum: '2.5', maximum: '2.60' });
        expect(newer.requests.map((r) => r.operationId)).toEqual(['listComputeVersions']);
        expectConformant(newer);
      } finally {
        await newer.close();
      }
    });

    it('renegotiates once after a 406 when the region moves on, then reports the mismatch', async () => {
      const options: HuaweiEmulatorOptions = { seed: 'e2e-huawei-upgrade', now: fixedClock };
      const region = await startEmulator('huawei', options);
      try {
        const ecs = client({ microversion: 'negotiate' }, region);
        const target = {
          params: {
            path: {
              project_id: region.credentials.projectId,
              server_id: region.fixtures.servers[0]!.id,
            },
          },
        };
        await ecs.GET(NOVA, target);
        // The running emulator reads its options on every request: raise the region's minimum.
        options.microversions = { min: '2.2', max: '2.60' };
        const error = await caught(ecs.GET(NOVA, target));
        expect(error).toBeInstanceOf(VersionError);
        expect(error).toMatchObject({ minimum: '2.2', maximum: '2.60' });
        expect(region.requests.map((r) => [r.operationId, r.status])).toEqual([
          ['listComputeVersions', 200],
          ['novaListServerInterfaces', 200],
          ['novaListServerInterfaces', 406],
          ['listComputeVersions', 200],
        ]);
        expectConformant(region);
      } finally {
        await region.close();
      }
    });
  });

  describe('faults (native v1 batch add)', () => {
    const harness: FaultHarness = {
      handle: () => hw,
      attachOperation: 'batchAddServerNics',
      readOperation: 'listServerInterfaces',
      async attach({ onRetry, timeoutMs }) {
        const ecs = client({ onRetry });
        const { data } = await ecs.POST(ADD, {
          ...serverPath(),
          body: { nics: [{ subnet_id: network }] },
          ...(timeoutMs ? { timeoutMs } : {}),
        });
        const job = await waitForJob(client(), data!.job_id);
        return job.entities!.sub_jobs![0]!.entities!.nic_id!;
      },
      async read({ onRetry }) {
        const { data } = await client({ onRetry }).GET(NICS, serverPath());
        return data!.interfaceAttachments!.map((n) => n.port_id);
      },
      async createdNics() {
        // The job of a lost answer still runs: wait until it is decided.
        await sleep(ASYNC_DELAY_MS * 2);
        hw.state.settle();
        expect([...hw.state.jobs.values()].map((j) => j.status)).not.toContain('RUNNING');
        expect([...hw.state.jobs.values()].map((j) => j.status)).not.toContain('INIT');
        return created();
      },
    };
    describeFaults(harness);

    it('runs exactly one job for a batch add whose answer was lost', async () => {
      hw.setFaults([{ operationId: 'batchAddServerNics', kind: 'reset', when: 'after' }]);
      await caught(harness.attach({ onRetry: () => {} }));
      expect(hw.state.jobs.size).toBe(1);
      expect(logOf(hw, 'batchAddServerNics')).toHaveLength(1);
      expect(await harness.createdNics()).toHaveLength(1);
    });
  });

  describe('faults (Nova-compatible v2.1 attach)', () => {
    describeFaults({
      handle: () => hw,
      attachOperation: 'novaAttachServerInterface',
      readOperation: 'novaListServerInterfaces',
      async attach({ onRetry, timeoutMs }) {
        const { data } = await client({ onRetry }).POST(NOVA, {
          ...serverPath(),
          body: { interfaceAttachment: { net_id: network } },
          ...(timeoutMs ? { timeoutMs } : {}),
        });
        return data!.interfaceAttachment.port_id;
      },
      async read({ onRetry }) {
        const { data } = await client({ onRetry }).GET(NOVA, serverPath());
        return data!.interfaceAttachments.map((a) => a.port_id);
      },
      async createdNics() {
        await sleep(ASYNC_DELAY_MS);
        return created();
      },
    });
  });
});
