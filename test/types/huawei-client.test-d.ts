// Type-level checks of the Huawei client: calls written against the spec compile without the
// headers the client manages, wrong ones do not (vitest typecheck fails on an unused directive).
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../generated/huawei.js';
import { createHuaweiClient, type HuaweiClient } from '../../src/providers/huawei.js';

const client: HuaweiClient = createHuaweiClient({
  accessKey: 'AK',
  secretKey: 'SK',
  projectId: '77b6a44cba5143ab91d13ab9a8ff44fd',
  region: 'cn-north-4',
});
const project_id = client.projectId;
const server_id = '9a1b7c2e-6f3d-4e58-b0a4-2c8d7e6f5a31';
const port_id = 'ce531f90-199f-48c0-816c-13e38010b442';
const net_id = '3cb9bc59-5699-4588-a4b1-b87f96708bc6';
const nics = '/v1/{project_id}/cloudservers/{server_id}/nics';
const nova = '/v2.1/{project_id}/servers/{server_id}/os-interface';

describe('Huawei client types', () => {
  it('has the provider members', () => {
    expectTypeOf(client.provider).toEqualTypeOf<'huawei'>();
    expectTypeOf(client.projectId).toEqualTypeOf<string>();
    expectTypeOf(client.baseUrl).toEqualTypeOf<string>();
  });

  it('correct calls compile without X-Sdk-Date and type their answers', async () => {
    const added = await client.POST(nics, {
      params: { path: { project_id, server_id } },
      body: { nics: [{ subnet_id: net_id, security_groups: [{ id: 'sg' }] }, { port_id }] },
    });
    expectTypeOf(added.data).toEqualTypeOf<
      components['schemas']['JobCreatedResponse'] | undefined
    >();
    const job = await client.GET('/v1/{project_id}/jobs/{job_id}', {
      params: { path: { project_id, job_id: 'ff80808288d41e1b018990260955686a' } },
    });
    expectTypeOf(job.data!.status).toEqualTypeOf<'INIT' | 'RUNNING' | 'SUCCESS' | 'FAIL'>();
    const attached = await client.POST(nova, {
      params: { path: { project_id, server_id } },
      body: { interfaceAttachment: { net_id, fixed_ips: [{ ip_address: '10.0.0.5' }] } },
    });
    expectTypeOf(attached.data!.interfaceAttachment.port_id).toEqualTypeOf<string>();
    // A caller may still pass a managed header or a microversion header.
    void client.DELETE('/v2.1/{project_id}/servers/{server_id}/os-interface/{port_id}', {
      params: {
        path: { project_id, server_id, port_id },
        header: { 'X-OpenStack-Nova-API-Version': '2.1', 'X-Sdk-Date': '20261103T093000Z' },
      },
    });
  });

  it('a wrong path parameter name does not compile', () => {
    void client.GET('/v1/{project_id}/cloudservers/{server_id}/os-interface', {
      // @ts-expect-error serverId is not a path parameter (server_id is)
      params: { path: { project_id, serverId: server_id } },
    });
  });

  it('a body without a required field does not compile', () => {
    void client.POST('/v1/{project_id}/cloudservers/{server_id}/nics/delete', {
      params: { path: { project_id, server_id } },
      // @ts-expect-error each NIC to delete needs its id
      body: { nics: [{}] },
    });
    void client.POST(nics, {
      params: { path: { project_id, server_id } },
      // @ts-expect-error nics is required
      body: {},
    });
  });

  it('a body mixing mutually exclusive fields does not compile', () => {
    void client.POST(nics, {
      params: { path: { project_id, server_id } },
      // @ts-expect-error a NIC is either a new one on a subnet or an existing port
      body: { nics: [{ subnet_id: net_id, port_id }] },
    });
    void client.POST(nova, {
      params: { path: { project_id, server_id } },
      // @ts-expect-error port_id and net_id cannot both be given
      body: { interfaceAttachment: { net_id, port_id } },
    });
  });

  it('the options want credentials and a project', () => {
    // @ts-expect-error secretKey and projectId are missing
    void createHuaweiClient({ accessKey: 'AK', region: 'cn-north-4' });
  });
});
