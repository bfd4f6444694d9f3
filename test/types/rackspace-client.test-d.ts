// Type-level checks of the Rackspace client: the spec's paths, parameters and bodies are enforced
// by the compiler, and so are the mutually exclusive credential forms.
import { describe, expectTypeOf, it } from 'vitest';
import {
  createRackspaceClient,
  type RackspaceClient,
  type RackspaceRegion,
} from '../../src/providers/rackspace.js';

declare const client: RackspaceClient;
const server_id = '7b2c4d1e-9f3a-4c6b-8e5d-0a1b2c3d4e5f';
const interface_id = '045f195f-3347-487b-8e80-8ee3390eda56';
const network_id = '1f7920d3-0e63-4fec-a1cb-f7916671e8eb';

describe('RackspaceClient types', () => {
  it('accepts correct calls and types the answers', async () => {
    const created = await client.POST('/servers/{server_id}/os-virtual-interfacesv2', {
      params: { path: { server_id } },
      body: { virtual_interface: { network_id } },
    });
    expectTypeOf(created.data!.virtual_interfaces[0]!.mac_address).toEqualTypeOf<string>();
    await client.GET('/servers/{server_id}/os-virtual-interfacesv2', {
      params: { path: { server_id } },
    });
    await client.DELETE('/servers/{server_id}/os-virtual-interfacesv2/{interface_id}', {
      params: { path: { server_id, interface_id } },
    });
    expectTypeOf(client.provider).toEqualTypeOf<'rackspace'>();
    expectTypeOf<RackspaceRegion>().toEqualTypeOf<'ord' | 'dfw' | 'iad' | 'lon' | 'syd' | 'hkg'>();
  });

  it('rejects a wrong path parameter name', async () => {
    await client.DELETE('/servers/{server_id}/os-virtual-interfacesv2/{interface_id}', {
      // @ts-expect-error `vif_id` is not the spec's name (`interface_id`)
      params: { path: { server_id, vif_id: interface_id } },
    });
  });

  it('rejects a body without its required field', async () => {
    await client.POST('/servers/{server_id}/os-virtual-interfacesv2', {
      params: { path: { server_id } },
      // @ts-expect-error `network_id` is required
      body: { virtual_interface: {} },
    });
  });

  it('rejects a body mixing mutually exclusive fields', async () => {
    await client.POST('/tokens', {
      body: {
        // @ts-expect-error an API key and a password exclude each other
        auth: {
          'RAX-KSKEY:apiKeyCredentials': { username: 'demo', apiKey: 'k' },
          passwordCredentials: { username: 'demo', password: 'p' },
        },
      },
    });
    await client.POST('/tokens', {
      body: {
        // @ts-expect-error tenantId and tenantName exclude each other
        auth: {
          'RAX-KSKEY:apiKeyCredentials': { username: 'demo', apiKey: 'k' },
          tenantId: '1',
          tenantName: '1',
        },
      },
    });
  });

  it('options: one secret at a time, regions from the spec', () => {
    expectTypeOf(
      createRackspaceClient({ username: 'demo', apiKey: 'k', region: 'lon' }),
    ).toEqualTypeOf<RackspaceClient>();
    createRackspaceClient({ username: 'demo', password: 'p' });
    // @ts-expect-error an API key and a password exclude each other
    createRackspaceClient({ username: 'demo', apiKey: 'k', password: 'p' });
    // @ts-expect-error not a Rackspace region
    createRackspaceClient({ username: 'demo', apiKey: 'k', region: 'fra' });
  });
});
