// Type-level checks of the OpenStack client: the spec's paths, parameters and bodies are enforced
// by the compiler, and so are the mutually exclusive forms of the options.
import { describe, expectTypeOf, it } from 'vitest';
import {
  createOpenStackClient,
  type OpenStackClient,
  type OpenStackClientOptions,
} from '../../src/providers/openstack.js';

declare const client: OpenStackClient;
const server_id = '8a9e6f1c-3b2d-4f5e-9c7a-1d2e3f4a5b6c';
const port_id = 'ce531f90-199f-48c0-816c-13e38010b442';
const net_id = '3cb9bc59-5699-4588-a4b1-b87f96708bc6';

describe('OpenStackClient types', () => {
  it('accepts correct calls and types the answers', async () => {
    const listed = await client.GET('/servers/{server_id}/os-interface', {
      params: { path: { server_id } },
    });
    expectTypeOf(listed.data!.interfaceAttachments[0]!.port_state).toEqualTypeOf<
      'ACTIVE' | 'BUILD' | 'DOWN' | 'ERROR' | 'N/A'
    >();
    await client.POST('/servers/{server_id}/os-interface', {
      params: { path: { server_id } },
      body: {
        interfaceAttachment: { net_id, fixed_ips: [{ ip_address: '192.168.1.3' }], tag: 'x' },
      },
    });
    await client.POST('/servers/{server_id}/os-interface', {
      params: { path: { server_id }, header: { 'OpenStack-API-Version': 'compute 2.70' } },
      body: { interfaceAttachment: { port_id } },
      timeoutMs: 60_000,
    });
    await client.DELETE('/servers/{server_id}/os-interface/{port_id}', {
      params: { path: { server_id, port_id } },
    });
    expectTypeOf(client.provider).toEqualTypeOf<'openstack'>();
    expectTypeOf(client.microversion).returns.resolves.toEqualTypeOf<string>();
    expectTypeOf(client.computeEndpoint).returns.resolves.toEqualTypeOf<string>();
  });

  it('rejects a wrong path parameter name', async () => {
    await client.GET('/servers/{server_id}/os-interface/{port_id}', {
      // @ts-expect-error `portId` is not the spec's name (`port_id`)
      params: { path: { server_id, portId: port_id } },
    });
  });

  it('rejects a body without its required field', async () => {
    await client.POST('/servers/{server_id}/os-interface', {
      params: { path: { server_id } },
      // @ts-expect-error `interfaceAttachment` is required
      body: {},
    });
    await client.POST('/servers/{server_id}/os-interface', {
      params: { path: { server_id } },
      // @ts-expect-error a fixed IP needs `ip_address`
      body: { interfaceAttachment: { net_id, fixed_ips: [{}] } },
    });
  });

  it('rejects a body mixing mutually exclusive fields', async () => {
    await client.POST('/servers/{server_id}/os-interface', {
      params: { path: { server_id } },
      // @ts-expect-error `port_id` and `net_id` exclude each other
      body: { interfaceAttachment: { port_id, net_id } },
    });
    await client.POST('/servers/{server_id}/os-interface', {
      params: { path: { server_id } },
      // @ts-expect-error `fixed_ips` needs `net_id`, not `port_id`
      body: { interfaceAttachment: { port_id, fixed_ips: [{ ip_address: '10.0.0.1' }] } },
    });
  });

  it('options: one credential form at a time', () => {
    const authUrl = 'https://keystone.example.com/v3';
    expectTypeOf(
      createOpenStackClient({
        authUrl,
        username: 'demo',
        userDomainName: 'Default',
        password: 'p',
        projectId: 'x',
        microversion: '2.70',
      }),
    ).toEqualTypeOf<OpenStackClient>();
    createOpenStackClient({ token: 't', endpoint: 'https://nova.example.com/v2.1' });
    createOpenStackClient({
      authUrl,
      applicationCredentialId: 'a',
      applicationCredentialSecret: 's',
    });
    const mixedUser = { authUrl, userId: 'u', username: 'demo', userDomainId: 'd', password: 'p' };
    // @ts-expect-error userId and username exclude each other
    createOpenStackClient(mixedUser);
    const mixedMethods = {
      authUrl,
      userId: 'u',
      password: 'p',
      applicationCredentialId: 'a',
      applicationCredentialSecret: 's',
    };
    // @ts-expect-error a password and an application credential exclude each other
    createOpenStackClient(mixedMethods);
    // @ts-expect-error a ready token needs its endpoint
    createOpenStackClient({ token: 't' });
    const scopedAppCred = {
      authUrl,
      applicationCredentialId: 'a',
      applicationCredentialSecret: 's',
      projectId: 'p',
    };
    // @ts-expect-error an application credential is bound to its project
    createOpenStackClient(scopedAppCred);
    const options: OpenStackClientOptions = { token: 't', endpoint: 'https://n/v2.1' };
    expectTypeOf(options).toMatchTypeOf<OpenStackClientOptions>();
  });
});
