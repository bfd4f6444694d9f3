// Katapult end to end: the typed Katapult client (bearer token, bracketed lookups, retries) against
// the Katapult emulator over loopback HTTP. Every test ends with the emulator's answers conformant.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, NetworkError, ValidationError } from '../../src/core/errors.js';
import { startEmulator, type EmulatorHandleFor } from '../../src/emulators/index.js';
import { createKatapultClient, type KatapultClientOptions } from '../../src/providers/katapult.js';
import {
  ASYNC_DELAY_MS,
  FAST_RETRIES,
  caught,
  describeFaults,
  expectApiError,
  fixedClock,
  logOf,
  pollUntil,
  retryRecorder,
  sleep,
} from '../helpers/e2e.js';
import { expectConformant } from '../helpers/response-conformance.js';

const NICS = '/virtual_machines/virtual_machine/network_interfaces';
const NIC = '/virtual_machine_network_interfaces/virtual_machine_network_interface';
const ATTACH = '/virtual_machine_network_interfaces/virtual_machine_network_interface/attach';
const DETACH = '/virtual_machine_network_interfaces/virtual_machine_network_interface/detach';
const BY_NETWORK = '/virtual_machines/virtual_machine/networks/network/interface';
const TASK = '/tasks/task';
const READ_ONLY_TOKEN = 'kat-e2e-read-only-token';
const SLOW_TOKEN = 'kat-e2e-two-per-minute-token';

describe('Katapult e2e: typed client against the emulator', () => {
  let katapult: EmulatorHandleFor<'katapult'>;
  /** quiet-orange-fox: no NIC at the start. */
  let vm: string;
  let network: string;

  beforeAll(async () => {
    katapult = await startEmulator('katapult', {
      seed: 'e2e-katapult',
      now: fixedClock,
      asyncDelayMs: ASYNC_DELAY_MS,
      rateLimitPerMinute: 100_000,
      credentials: {
        tokens: [
          { token: READ_ONLY_TOKEN, scopes: ['virtual_machines:read'] },
          { token: SLOW_TOKEN, scopes: ['virtual_machines'], rateLimit: 2 },
        ],
      },
    });
  });
  beforeEach(() => {
    katapult.reset();
    vm = katapult.fixtures.virtualMachines[1]!.id;
    network = katapult.fixtures.networks[1]!.id;
  });
  afterEach(() => {
    expectConformant(katapult);
  });
  afterAll(async () => {
    await katapult.close();
  });

  const client = (overrides: Partial<KatapultClientOptions> = {}) =>
    createKatapultClient({
      endpoint: katapult.url,
      token: katapult.credentials.token,
      now: fixedClock,
      ...FAST_RETRIES,
      ...overrides,
    });
  const createBody = (networkId = network, vmId = vm) => ({
    body: {
      virtual_machine: { id: vmId },
      network: { id: networkId },
      speed_profile: { permalink: '1gbps' },
    },
  });
  const nicBody = (id: string) => ({ body: { virtual_machine_network_interface: { id } } });
  const showQuery = (id: string) => ({
    params: { query: { 'virtual_machine_network_interface[id]': id } },
  });
  const listQuery = (id = vm) => ({ params: { query: { 'virtual_machine[id]': id } } });

  describe('lifecycle', () => {
    it('creates, attaches (task polled), lists, waits until attached, detaches, deletes, confirms gone', async () => {
      const k = client();
      const { data: created } = await k.POST(NICS, createBody());
      const nic = created!.virtual_machine_network_interface;
      expect(nic).toMatchObject({
        id: expect.stringMatching(/^vmnet_/),
        virtual_machine: { id: vm },
        network: { id: network },
        state: 'detached',
        speed_profile: { permalink: '1gbps' },
      });

      const { data: attach } = await k.POST(ATTACH, nicBody(nic.id));
      expect(attach!.task.status).toBe('pending');
      const { value: task } = await pollUntil(
        async () =>
          (await k.GET(TASK, { params: { query: { 'task[id]': attach!.task.id } } })).data!,
        (t) => t.task.status === 'completed',
        { what: 'the attach task' },
      );
      expect(task.task.progress).toBe(100);
      const { value: shown } = await pollUntil(
        async () => (await k.GET(NIC, showQuery(nic.id))).data!,
        (view) => view.virtual_machine_network_interface.state === 'attached',
        { what: 'the NIC to be attached' },
      );
      expect(shown.virtual_machine_network_interface.mac_address).toBe(nic.mac_address);

      const { data: listed } = await k.GET(NICS, listQuery());
      expect(listed!.virtual_machine_network_interfaces.map((n) => n.id)).toEqual([nic.id]);
      expect(listed!.pagination.total).toBe(1);
      const { data: byNetwork } = await k.GET(BY_NETWORK, {
        params: { query: { 'virtual_machine[id]': vm, 'network[id]': network } },
      });
      expect(byNetwork!.virtual_machine_network_interface.id).toBe(nic.id);

      const { data: detach } = await k.POST(DETACH, nicBody(nic.id));
      await pollUntil(
        async () =>
          (await k.GET(TASK, { params: { query: { 'task[id]': detach!.task.id } } })).data!,
        (t) => t.task.status === 'completed',
      );
      await pollUntil(
        async () => (await k.GET(NIC, showQuery(nic.id))).data!,
        (view) => view.virtual_machine_network_interface.state === 'detached',
      );
      const { data: deleted } = await k.DELETE(NIC, nicBody(nic.id));
      expect(deleted!.virtual_machine_network_interface.id).toBe(nic.id);

      expectApiError(await caught(k.GET(NIC, showQuery(nic.id))), {
        status: 404,
        code: 'virtual_machine_network_interface_not_found',
        message: 'No virtual machine network interface was found',
        requestId: true,
        operation: 'getVirtualMachineNetworkInterface',
      });
      expect((await k.GET(NICS, listQuery())).data!.virtual_machine_network_interfaces).toEqual([]);
      expect(katapult.state.networkInterfaces.has(nic.id)).toBe(false);
    });

    it('creates a NIC on a virtual network, looked up by permalink and fqdn', async () => {
      const k = client();
      const fqdn = katapult.fixtures.virtualMachines[1]!.fqdn;
      const { data } = await k.POST(NICS, {
        body: {
          virtual_machine: { fqdn },
          virtual_network: { id: katapult.fixtures.virtualNetworks[0]!.id },
          speed_profile: { permalink: '10gbps' },
        },
      });
      expect(data!.virtual_machine_network_interface).toMatchObject({
        virtual_machine: { id: vm },
        network: null,
        virtual_network: { id: katapult.fixtures.virtualNetworks[0]!.id },
        speed_profile: { permalink: '10gbps' },
      });
      const { data: listed } = await k.GET(NICS, {
        params: { query: { 'virtual_machine[fqdn]': fqdn } },
      });
      expect(listed!.virtual_machine_network_interfaces).toHaveLength(1);
    });
  });

  describe('documented errors surface as typed errors', () => {
    it('404 for an unknown virtual machine, network, virtual network, speed profile, NIC and task', async () => {
      const k = client();
      const cases: [() => Promise<unknown>, string, string][] = [
        [
          () => k.GET(NICS, listQuery('vm_unknown')),
          'virtual_machine_not_found',
          'virtual machine',
        ],
        [() => k.POST(NICS, createBody('netw_unknown')), 'network_not_found', 'network'],
        [
          () =>
            k.POST(NICS, {
              body: {
                virtual_machine: { id: vm },
                virtual_network: { id: 'vnet_unknown' },
                speed_profile: { permalink: '1gbps' },
              },
            }),
          'virtual_network_not_found',
          'virtual network',
        ],
        [
          () =>
            k.POST(NICS, {
              body: {
                virtual_machine: { id: vm },
                network: { id: network },
                speed_profile: { permalink: '40gbps' },
              },
            }),
          'network_speed_profile_not_found',
          'network speed profile',
        ],
        [
          () => k.POST(ATTACH, nicBody('vmnet_unknown')),
          'virtual_machine_network_interface_not_found',
          'virtual machine network interface',
        ],
        [
          () => k.DELETE(NIC, nicBody('vmnet_unknown')),
          'virtual_machine_network_interface_not_found',
          'virtual machine network interface',
        ],
        [
          () => k.GET(TASK, { params: { query: { 'task[id]': 'task_unknown' } } }),
          'task_not_found',
          'task',
        ],
      ];
      for (const [call, code, words] of cases) {
        expectApiError(await caught(call()), {
          status: 404,
          code,
          message: `No ${words} was found matching any of the criteria provided in the arguments`,
          requestId: /^[0-9a-f-]{36}$/,
        });
      }
      expect(katapult.state.nicsOf(vm)).toEqual([]);
    });

    it('406 for a virtual machine in the trash and for a second task while one runs', async () => {
      const k = client();
      const trashed = katapult.fixtures.virtualMachines.find((v) => v.trashed)!.id;
      const inTrash = expectApiError(await caught(k.GET(NICS, listQuery(trashed))), {
        status: 406,
        code: 'object_in_trash',
        message: 'The object found is in the trash',
        requestId: true,
      });
      expect(inTrash.body).toMatchObject({
        error: { detail: { trash_object: { object_id: trashed } } },
      });
      expectApiError(await caught(k.POST(NICS, createBody(network, trashed))), {
        status: 406,
        code: 'object_in_trash',
        message: 'in the trash',
        requestId: true,
      });

      const { data } = await k.POST(NICS, createBody());
      const id = data!.virtual_machine_network_interface.id;
      await k.POST(ATTACH, nicBody(id));
      expectApiError(await caught(k.POST(ATTACH, nicBody(id))), {
        status: 406,
        code: 'task_queueing_error',
        message: 'is already running for this network interface',
        requestId: true,
        operation: 'attachVirtualMachineNetworkInterface',
      });
    });

    it('422 for attaching an attached NIC or detaching a detached one; 409 for deleting an attached one', async () => {
      const k = client();
      const { data } = await k.POST(NICS, createBody());
      const id = data!.virtual_machine_network_interface.id;
      expectApiError(await caught(k.POST(DETACH, nicBody(id))), {
        status: 422,
        code: 'virtual_machine_network_interface_already_detached',
        message: 'already detached',
        requestId: true,
      });
      await k.POST(ATTACH, nicBody(id));
      await pollUntil(
        async () => (await k.GET(NIC, showQuery(id))).data!,
        (v) => v.virtual_machine_network_interface.state === 'attached',
      );
      expectApiError(await caught(k.POST(ATTACH, nicBody(id))), {
        status: 422,
        code: 'virtual_machine_network_interface_already_attached',
        message: 'already attached',
        requestId: true,
      });
      expectApiError(await caught(k.DELETE(NIC, nicBody(id))), {
        status: 409,
        code: 'deletion_restricted',
        message: 'Network interface must be detached before it can be deleted',
        requestId: true,
        operation: 'deleteVirtualMachineNetworkInterface',
      });
    });

    it('refuses an ambiguous or empty lookup before sending anything', async () => {
      const k = client();
      const error = await caught(
        k.POST(NICS, {
          body: {
            // @ts-expect-error a lookup takes exactly one key
            virtual_machine: { id: vm, fqdn: 'x.example' },
            network: { id: network },
            speed_profile: { permalink: '1gbps' },
          },
        }),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(katapult.requests).toEqual([]);
    });

    it('429 rate_limit_reached once the token used its requests of the minute', async () => {
      const k = client({ token: SLOW_TOKEN, maxRetries: 1 });
      await k.GET(NICS, listQuery());
      await k.GET(NICS, listQuery());
      const { onRetry, retries } = retryRecorder();
      const limited = expectApiError(
        await caught(client({ token: SLOW_TOKEN, maxRetries: 1, onRetry }).GET(NICS, listQuery())),
        {
          status: 429,
          code: 'rate_limit_reached',
          message: 'You have reached the rate limit',
          requestId: true,
        },
      );
      expect(limited.body).toMatchObject({ error: { detail: { total_permitted: 2 } } });
      expect(retries.map((r) => r.status)).toEqual([429]);
    });
  });

  describe('authentication', () => {
    it('an unknown token is an AuthError (403 invalid_api_token); nothing is created', async () => {
      const error = expectApiError(
        await caught(client({ token: 'kat-not-a-real-token' }).POST(NICS, createBody())),
        {
          type: AuthError,
          status: 403,
          code: 'invalid_api_token',
          message: 'The API token provided was not valid',
          requestId: true,
        },
      );
      expect(String(error)).not.toContain('kat-not-a-real-token');
      expect(katapult.state.nicsOf(vm)).toEqual([]);
    });

    it('a token without the scope is an AuthError (403 scope_not_granted); reads still work', async () => {
      const k = client({ token: READ_ONLY_TOKEN });
      expect((await k.GET(NICS, listQuery())).data!.virtual_machine_network_interfaces).toEqual([]);
      expectApiError(await caught(k.POST(NICS, createBody())), {
        type: AuthError,
        status: 403,
        code: 'scope_not_granted',
        message: 'scopes: virtual_machines, virtual_machines:network_interfaces',
        requestId: true,
      });
    });
  });

  describe('version selection', () => {
    it('has no API versions to select: the one Core v1 base path serves every call', async () => {
      await client().GET(NICS, listQuery());
      expect(katapult.url).toMatch(/\/core\/v1$/);
      expect(logOf(katapult, 'listVirtualMachineNetworkInterfaces')[0]!.path).toMatch(
        /^\/core\/v1\/virtual_machines\/virtual_machine\/network_interfaces\?virtual_machine%5Bid%5D=/,
      );
    });
  });

  describe('faults', () => {
    describeFaults({
      handle: () => katapult,
      attachOperation: 'createVirtualMachineNetworkInterface',
      readOperation: 'listVirtualMachineNetworkInterfaces',
      async attach({ onRetry, timeoutMs }) {
        const { data } = await client({ onRetry }).POST(NICS, {
          ...createBody(),
          ...(timeoutMs ? { timeoutMs } : {}),
        });
        return data!.virtual_machine_network_interface.id;
      },
      async read({ onRetry }) {
        const { data } = await client({ onRetry }).GET(NICS, listQuery());
        return data!.virtual_machine_network_interfaces.map((n) => n.id);
      },
      async createdNics() {
        await sleep(ASYNC_DELAY_MS);
        return katapult.state.nicsOf(vm).map((n) => n.id);
      },
    });

    it('does not repeat the attach POST after a reset: one task runs and the NIC ends attached', async () => {
      const k = client();
      const { data } = await k.POST(NICS, createBody());
      const id = data!.virtual_machine_network_interface.id;
      katapult.setFaults([
        { operationId: 'attachVirtualMachineNetworkInterface', kind: 'reset', when: 'after' },
      ]);
      const error = await caught(k.POST(ATTACH, nicBody(id)));
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as NetworkError).maybeSent).toBe(true);
      expect(logOf(katapult, 'attachVirtualMachineNetworkInterface')).toHaveLength(1);
      expect([...katapult.state.tasks.values()].filter((t) => t.nicId === id)).toHaveLength(1);
      await pollUntil(
        async () => (await k.GET(NIC, showQuery(id))).data!,
        (v) => v.virtual_machine_network_interface.state === 'attached',
      );
    });
  });
});
