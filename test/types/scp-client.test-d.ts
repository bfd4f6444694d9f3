// Type-level checks of the SCP client: the spec's paths, parameters and body forms are enforced.
import { describe, expectTypeOf, it } from 'vitest';
import { createScpClient, type ScpClient, type ScpVersionTables } from '../../src/providers/scp.js';

declare const client: ScpClient;
const path = { server_id: '2a9be312-5d4b-4bc8-b2ae-35100fa9241f' };

describe('SCP client types', () => {
  it('accepts a correct call and types its answer', async () => {
    const { data } = await client.POST('/v1/servers/{server_id}/interfaces', {
      params: { path },
      body: {
        subnet_id: '78b2ee3f074145c580ab6abac4821f97',
        fixed_ips: [{ ip_address: '10.0.0.5' }],
      },
    });
    expectTypeOf(data).toEqualTypeOf<
      | {
          fixed_ips: { ip_address: string }[];
          mac_addr: string;
          port_id: string;
          port_state: string;
          subnet_id: string;
          static_nat?: {
            external_ip_address: string;
            id: string;
            state: string;
            publicip_id?: string | null;
          } | null;
          private_static_nat?: {
            external_ip_address: string;
            id: string;
            state: string;
            private_nat_ip_id?: string | null;
          } | null;
        }
      | undefined
    >();
    await client.POST('/v1/servers/{server_id}/interfaces', {
      params: { path },
      body: { port_id: '91424c08-0b26-49fb-9808-ed042292ceef' },
    });
    const list = await client.GET('/v1/servers/{server_id}/interfaces', {
      params: {
        path,
        header: { 'Accept-Language': 'ko-KR', 'Scp-Api-Version': 'virtualserver 1.2' },
      },
    });
    expectTypeOf(list.data?.interfaces[0]?.port_id).toEqualTypeOf<string | undefined>();
    const versions = await client.GET('/');
    expectTypeOf(versions.data?.versions[0]?.status).toEqualTypeOf<
      'CURRENT' | 'SUPPORTED' | 'DEPRECATED' | 'PLANNED' | undefined
    >();
  });

  it('exposes the provider key and the version members', () => {
    expectTypeOf(client.provider).toEqualTypeOf<'scp'>();
    expectTypeOf(client.refreshVersions).returns.toEqualTypeOf<Promise<ScpVersionTables>>();
    expectTypeOf(client.versionTables).returns.toEqualTypeOf<ScpVersionTables>();
    expectTypeOf(createScpClient).returns.toEqualTypeOf<ScpClient>();
  });

  it('rejects a wrong path parameter name', async () => {
    await client.DELETE('/v1/servers/{server_id}/interfaces/{port_id}', {
      // @ts-expect-error `portId` is not a path parameter (it is `port_id`)
      params: { path: { server_id: 's', portId: 'p' } },
    });
  });

  it('rejects a body missing its required field', async () => {
    await client.POST('/v1/servers/{server_id}/interfaces', {
      params: { path },
      // @ts-expect-error a body with fixed_ips needs subnet_id
      body: { fixed_ips: [{ ip_address: '10.0.0.5' }] },
    });
  });

  it('rejects a body mixing the mutually exclusive forms', async () => {
    await client.POST('/v1/servers/{server_id}/interfaces', {
      params: { path },
      // @ts-expect-error subnet_id and port_id cannot be sent together
      body: { subnet_id: '78b2ee3f074145c580ab6abac4821f97', port_id: 'p' },
    });
    await client.POST('/v1/servers/{server_id}/interfaces', {
      params: { path },
      // @ts-expect-error fixed_ips cannot be sent with port_id
      body: { port_id: 'p', fixed_ips: [{ ip_address: '10.0.0.5' }] },
    });
  });

  it('checks the options', () => {
    createScpClient({
      accessKey: 'a',
      secretKey: 's',
      apiVersion: { createServerInterface: '1.2' },
    });
    // @ts-expect-error listServiceVersions has no API version to pin
    createScpClient({ accessKey: 'a', secretKey: 's', apiVersion: { listServiceVersions: '1.3' } });
    // @ts-expect-error the spec allows en-US and ko-KR only
    createScpClient({ accessKey: 'a', secretKey: 's', acceptLanguage: 'fr-FR' });
    // @ts-expect-error secretKey is required
    createScpClient({ accessKey: 'a' });
  });
});
