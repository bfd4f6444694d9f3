import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandleFor } from '../../src/emulators/index.js';
import { expectConformant } from '../helpers/response-conformance.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Katapult emulator', () => {
  let kat: EmulatorHandleFor<'katapult'>;
  let vm: string;
  const READ_ONLY = 'read-only-token';
  const TASKS_ONLY = 'tasks-only-token';

  beforeAll(async () => {
    kat = await startEmulator('katapult', {
      seed: 'katapult-test',
      asyncDelayMs: 150,
      credentials: {
        tokens: [
          { token: READ_ONLY, scopes: ['virtual_machines:read'] },
          { token: TASKS_ONLY, scopes: ['tasks:read'] },
        ],
      },
    });
    vm = kat.fixtures.virtualMachines[1]!.id; // quiet-orange-fox: no NIC at the start
  });
  afterEach(() => {
    expectConformant(kat);
  });
  afterAll(async () => {
    await kat.close();
  });

  async function call(
    method: string,
    path: string,
    body?: unknown,
    token: string | null = kat.credentials.token,
  ) {
    const headers: Record<string, string> = {};
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${kat.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: await res.json() };
  }
  const list = (query: string, token?: string | null) =>
    call('GET', `/virtual_machines/virtual_machine/network_interfaces?${query}`, undefined, token);
  const nicBody = (id: string) => ({ virtual_machine_network_interface: { id } });
  const create = () =>
    call('POST', '/virtual_machines/virtual_machine/network_interfaces', {
      virtual_machine: { id: vm },
      virtual_network: { id: kat.fixtures.virtualNetworks[0]!.id },
      speed_profile: { permalink: '1gbps' },
    });

  it('serves under /core/v1 with rate-limit and request-id headers on every response', async () => {
    expect(kat.url).toMatch(/\/core\/v1$/);
    const ok = await list(`virtual_machine%5Bid%5D=${vm}`);
    expect(ok.status).toBe(200);
    const missing = await call('GET', '/nowhere');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('route_not_found');
    for (const res of [ok, missing]) {
      expect(res.headers.get('x-ratelimit-permitted')).toBe('1000');
      expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(missing.headers.get('x-api-schema')).toBe('json-error');
    expect(ok.headers.get('x-api-schema')).toBeNull();
  });

  describe('tokens and scopes', () => {
    it('missing token -> 400 missing_api_token; unknown token -> 403 invalid_api_token', async () => {
      const none = await list(`virtual_machine%5Bid%5D=${vm}`, null);
      expect(none.status).toBe(400);
      expect(none.body.error.code).toBe('missing_api_token');
      const bad = await list(`virtual_machine%5Bid%5D=${vm}`, 'nope');
      expect(bad.status).toBe(403);
      expect(bad.body.error).toEqual({
        code: 'invalid_api_token',
        description: expect.any(String),
        detail: { details: null },
      });
    });

    it('any one accepted scope is enough; none -> 403 scope_not_granted listing them', async () => {
      expect((await list(`virtual_machine%5Bid%5D=${vm}`, READ_ONLY)).status).toBe(200);
      const denied = await call(
        'POST',
        '/virtual_machines/virtual_machine/network_interfaces',
        {
          virtual_machine: { id: vm },
          network: { permalink: 'uk-lon-01-public' },
          speed_profile: { permalink: '1gbps' },
        },
        READ_ONLY,
      );
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('scope_not_granted');
      expect(denied.body.error.detail.scopes).toEqual([
        'virtual_machines',
        'virtual_machines:network_interfaces',
      ]);
      const tasks = await list(`virtual_machine%5Bid%5D=${vm}`, TASKS_ONLY);
      expect(tasks.status).toBe(403);
      expect(kat.state.nicsOf(vm)).toEqual([]);
    });
  });

  describe('lookups', () => {
    it('query lookups: one key works, two are ambiguous, none is missing', async () => {
      const fqdn = kat.fixtures.virtualMachines[1]!.fqdn;
      expect((await list(`virtual_machine%5Bfqdn%5D=${fqdn}`)).status).toBe(200);
      const two = await list(`virtual_machine%5Bid%5D=${vm}&virtual_machine%5Bfqdn%5D=${fqdn}`);
      expect(two.status).toBe(400);
      expect(two.body.error).toMatchObject({
        code: 'invalid_argument',
        detail: { issue: 'ambiguous_lookup_values', path: ['virtual_machine'] },
      });
      const none = await list('page=1');
      expect(none.status).toBe(400);
      expect(none.body.error.detail.issue).toBe('missing_lookup_value');
      const unknown = await list('virtual_machine%5Bid%5D=vm_nothere');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('virtual_machine_not_found');
    });

    it('body lookups, missing arguments, bad JSON', async () => {
      const path = '/virtual_machines/virtual_machine/network_interfaces';
      const ambiguous = await call('POST', path, {
        virtual_machine: { id: vm },
        network: { id: kat.fixtures.networks[0]!.id, permalink: 'uk-lon-01-public' },
        speed_profile: { permalink: '1gbps' },
      });
      expect(ambiguous.status).toBe(400);
      expect(ambiguous.body.error.detail).toMatchObject({
        issue: 'ambiguous_lookup_values',
        path: ['network'],
      });
      const empty = await call('POST', path, {
        virtual_machine: {},
        network: { permalink: 'uk-lon-01-public' },
        speed_profile: { permalink: '1gbps' },
      });
      expect(empty.body.error.detail).toMatchObject({
        issue: 'missing_lookup_value',
        path: ['virtual_machine'],
      });
      const noSpeed = await call('POST', path, {
        virtual_machine: { id: vm },
        network: { permalink: 'uk-lon-01-public' },
      });
      expect(noSpeed.status).toBe(400);
      expect(noSpeed.body.error).toMatchObject({
        code: 'missing_required_argument',
        detail: { path: ['speed_profile'] },
      });
      const badJson = await call('POST', path, '{"virtual_machine":');
      expect(badJson.status).toBe(400);
      expect(badJson.body.error.code).toBe('invalid_json_body');
      const unknownProfile = await call('POST', path, {
        virtual_machine: { id: vm },
        network: { permalink: 'uk-lon-01-public' },
        speed_profile: { permalink: '100gbps' },
      });
      expect(unknownProfile.status).toBe(404);
      expect(unknownProfile.body.error.code).toBe('network_speed_profile_not_found');
      const trashed = await call('POST', path, {
        virtual_machine: { id: kat.fixtures.virtualMachines[2]!.id },
        network: { permalink: 'uk-lon-01-public' },
        speed_profile: { permalink: '1gbps' },
      });
      expect(trashed.status).toBe(406);
      expect(trashed.body.error.code).toBe('object_in_trash');
    });
  });

  describe('NIC lifecycle', () => {
    it('create (detached) -> attach -> poll the task -> attached -> 422 -> detach -> delete', async () => {
      const created = await create();
      expect(created.status).toBe(200);
      const nic = created.body.virtual_machine_network_interface;
      expect(nic).toMatchObject({ state: 'detached', virtual_machine: { id: vm }, network: null });
      expect(nic.id).toMatch(/^vmnet_/);

      const attach = await call(
        'POST',
        '/virtual_machine_network_interfaces/virtual_machine_network_interface/attach',
        nicBody(nic.id),
      );
      expect(attach.status).toBe(200);
      expect(attach.body.task).toMatchObject({ status: 'pending', started_at: null, progress: 0 });
      expect(attach.body.virtual_machine_network_interface.state).toBe('detached');
      const again = await call(
        'POST',
        '/virtual_machine_network_interfaces/virtual_machine_network_interface/attach',
        nicBody(nic.id),
      );
      expect(again.status).toBe(406); // a task is still running for it
      expect(again.body.error.code).toBe('task_queueing_error');

      const seen = new Set<string>();
      let task = attach.body.task;
      for (let i = 0; i < 100 && task.status !== 'completed'; i++) {
        await wait(10);
        task = (await call('GET', `/tasks/task?task%5Bid%5D=${task.id}`)).body.task;
        seen.add(task.status);
      }
      expect(task.status).toBe('completed');
      expect(seen.has('running') || seen.has('pending')).toBe(true);
      expect(task.finished_at).toEqual(expect.any(Number));

      const shown = await call(
        'GET',
        `/virtual_machine_network_interfaces/virtual_machine_network_interface?virtual_machine_network_interface%5Bid%5D=${nic.id}`,
      );
      expect(shown.body.virtual_machine_network_interface.state).toBe('attached');
      expect(kat.state.nicsOf(vm).map((n) => n.state)).toEqual(['attached']);

      const already = await call(
        'POST',
        '/virtual_machine_network_interfaces/virtual_machine_network_interface/attach',
        nicBody(nic.id),
      );
      expect(already.status).toBe(422);
      expect(already.body.error.code).toBe('virtual_machine_network_interface_already_attached');

      const restricted = await call(
        'DELETE',
        '/virtual_machine_network_interfaces/virtual_machine_network_interface',
        nicBody(nic.id),
      );
      expect(restricted.status).toBe(409);
      expect(restricted.body.error.code).toBe('deletion_restricted');

      const detach = await call(
        'POST',
        '/virtual_machine_network_interfaces/virtual_machine_network_interface/detach',
        nicBody(nic.id),
      );
      expect(detach.status).toBe(200);
      await wait(200);
      expect(kat.state.nicsOf(vm)[0]!.state).toBe('detached');
      const twice = await call(
        'POST',
        '/virtual_machine_network_interfaces/virtual_machine_network_interface/detach',
        nicBody(nic.id),
      );
      expect(twice.status).toBe(422);
      expect(twice.body.error.code).toBe('virtual_machine_network_interface_already_detached');

      const deleted = await call(
        'DELETE',
        '/virtual_machine_network_interfaces/virtual_machine_network_interface',
        nicBody(nic.id),
      );
      expect(deleted.status).toBe(200);
      expect(deleted.body.virtual_machine_network_interface.id).toBe(nic.id);
      expect(kat.state.nicsOf(vm)).toEqual([]);
      const gone = await call(
        'GET',
        `/virtual_machine_network_interfaces/virtual_machine_network_interface?virtual_machine_network_interface%5Bid%5D=${nic.id}`,
      );
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe('virtual_machine_network_interface_not_found');
    });

    it('lists with pagination and finds a NIC by network', async () => {
      const owner = kat.fixtures.virtualMachines[0]!;
      const page = await list(`virtual_machine%5Bid%5D=${owner.id}&per_page=1`);
      expect(page.body.pagination).toEqual({
        current_page: 1,
        total_pages: 1,
        total: 1,
        per_page: 1,
        large_set: false,
      });
      expect(page.body.virtual_machine_network_interfaces[0].ip_addresses).toHaveLength(2);
      const byNetwork = await call(
        'GET',
        `/virtual_machines/virtual_machine/networks/network/interface?virtual_machine%5Bfqdn%5D=${owner.fqdn}&network%5Bpermalink%5D=uk-lon-01-public`,
      );
      expect(byNetwork.status).toBe(200);
      expect(byNetwork.body.virtual_machine_network_interface.state).toBe('attached');
      const none = await call(
        'GET',
        `/virtual_machines/virtual_machine/networks/network/interface?virtual_machine%5Bid%5D=${owner.id}&network%5Bpermalink%5D=uk-lon-01-private`,
      );
      expect(none.status).toBe(404);
    });

    it('a reset after create still leaves exactly one NIC (fault when: after)', async () => {
      kat.setFaults([
        { operationId: 'createVirtualMachineNetworkInterface', kind: 'reset', when: 'after' },
      ]);
      await expect(create()).rejects.toThrow();
      expect(kat.state.nicsOf(vm)).toHaveLength(1);
      kat.setFaults([]);
      const nic = kat.state.nicsOf(vm)[0]!;
      await call(
        'DELETE',
        '/virtual_machine_network_interfaces/virtual_machine_network_interface',
        nicBody(nic.id),
      );
      expect(kat.state.nicsOf(vm)).toEqual([]);
    });
  });

  it('429 rate_limit_reached past the per-minute limit, per token, on the emulator clock', async () => {
    let now = new Date('2026-11-22T10:00:00Z');
    const limited = await startEmulator('katapult', {
      seed: 2,
      rateLimitPerMinute: 3,
      now: () => now,
    });
    try {
      const url = `${limited.url}/virtual_machines/virtual_machine/network_interfaces?virtual_machine%5Bid%5D=${limited.fixtures.virtualMachines[0]!.id}`;
      const get = () =>
        fetch(url, { headers: { authorization: `Bearer ${limited.credentials.token}` } });
      const remaining: (string | null)[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await get();
        expect(res.status).toBe(200);
        remaining.push(res.headers.get('x-ratelimit-remaining'));
      }
      expect(remaining).toEqual(['2', '1', '0']);
      const over = await get();
      expect(over.status).toBe(429);
      expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(over.headers.get('x-api-schema')).toBe('json-error');
      expect(await over.json()).toEqual({
        error: {
          code: 'rate_limit_reached',
          description: expect.any(String),
          detail: { total_permitted: 3 },
        },
      });
      now = new Date('2026-11-22T10:01:00Z');
      expect((await get()).status).toBe(200);
      expect(limited.conformanceViolations).toEqual([]);
    } finally {
      await limited.close();
    }
  });
});
