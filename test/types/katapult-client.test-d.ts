// Type-level checks of the Katapult client: the spec's paths, lookups and body forms are enforced.
// Katapult's paths have no path parameters (lookups travel in the query or body), so the
// "wrong parameter name" check is made on a lookup query parameter.
import { describe, expectTypeOf, it } from 'vitest';
import { createKatapultClient, type KatapultClient } from '../../src/providers/katapult.js';

declare const client: KatapultClient;
const LIST = '/virtual_machines/virtual_machine/network_interfaces' as const;

describe('Katapult client types', () => {
  it('accepts a correct call and types its answer', async () => {
    const { data } = await client.POST(LIST, {
      body: {
        virtual_machine: { id: 'vm_WNGeJJrnNqnT3tTU' },
        network: { permalink: 'uk-lon-01-public' },
        speed_profile: { permalink: '1gbps' },
      },
    });
    expectTypeOf(data?.virtual_machine_network_interface.state).toEqualTypeOf<string | undefined>();
    const list = await client.GET(LIST, {
      params: { query: { 'virtual_machine[fqdn]': 'mango.acme.example', page: 2 } },
    });
    expectTypeOf(list.data?.virtual_machine_network_interfaces[0]?.id).toEqualTypeOf<
      string | undefined
    >();
    const attach = await client.POST(
      '/virtual_machine_network_interfaces/virtual_machine_network_interface/attach',
      { body: { virtual_machine_network_interface: { id: 'vmnet_KxKhb8M7jpN8hTBL' } } },
    );
    expectTypeOf(attach.data?.task.status).toEqualTypeOf<
      'pending' | 'running' | 'completed' | 'failed' | undefined
    >();
  });

  it('exposes the provider key', () => {
    expectTypeOf(client.provider).toEqualTypeOf<'katapult'>();
    expectTypeOf(createKatapultClient).returns.toEqualTypeOf<KatapultClient>();
  });

  it('rejects a wrong parameter name', async () => {
    await client.GET(LIST, {
      // @ts-expect-error the lookup keys are id and fqdn, not name
      params: { query: { 'virtual_machine[name]': 'mango' } },
    });
    // @ts-expect-error the path is literal: the lookup is not a path segment
    await client.GET('/virtual_machines/{virtual_machine}/network_interfaces', {});
  });

  it('rejects a body missing its required field', async () => {
    await client.POST(LIST, {
      // @ts-expect-error speed_profile is required
      body: { virtual_machine: { id: 'vm_1' }, virtual_network: { id: 'vnet_1' } },
    });
  });

  it('rejects bodies mixing mutually exclusive fields', async () => {
    await client.POST(LIST, {
      body: {
        // @ts-expect-error a lookup takes exactly one of id and fqdn
        virtual_machine: { id: 'vm_1', fqdn: 'mango.acme.example' },
        virtual_network: { id: 'vnet_1' },
        speed_profile: { permalink: '1gbps' },
      },
    });
    await client.POST(LIST, {
      // @ts-expect-error network and virtual_network cannot be sent together
      body: {
        virtual_machine: { id: 'vm_1' },
        network: { id: 'netw_1' },
        virtual_network: { id: 'vnet_1' },
        speed_profile: { permalink: '1gbps' },
      },
    });
  });

  it('checks the options', () => {
    createKatapultClient({ token: 'token', endpoint: 'http://127.0.0.1:8080/core/v1' });
    // @ts-expect-error token is required
    createKatapultClient({});
  });
});
