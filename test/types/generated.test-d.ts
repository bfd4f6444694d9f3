// Type-level tests of the generated types through a bare openapi-fetch client: calls written
// against the specs compile, wrong ones do not (vitest typecheck fails on a missing error).
import createClient from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import type { components as ScpComponents, paths as ScpPaths } from '../../generated/scp.js';
import type { paths as HuaweiPaths } from '../../generated/huawei.js';
import type {
  components as OpenStackComponents,
  paths as OpenStackPaths,
} from '../../generated/openstack.js';
import type { paths as RackspacePaths } from '../../generated/rackspace.js';
import type { paths as KatapultPaths } from '../../generated/katapult.js';

const scp = createClient<ScpPaths>({
  baseUrl: 'https://virtualserver.kr-west1.e.samsungsdscloud.com',
});
const huawei = createClient<HuaweiPaths>({ baseUrl: 'https://ecs.cn-north-4.myhuaweicloud.com' });
const openstack = createClient<OpenStackPaths>({ baseUrl: 'https://compute.example.com/v2.1' });
const rackspace = createClient<RackspacePaths>({
  baseUrl: 'https://dfw.servers.api.rackspacecloud.com/v2/1',
});
const katapult = createClient<KatapultPaths>({ baseUrl: 'https://api.katapult.io/core/v1' });

const server_id = '2a9be312-5d4b-4bc8-b2ae-35100fa9241f';
const port_id = 'ce531f90-199f-48c0-816c-13e38010b442';
const net_id = '3cb9bc59-5699-4588-a4b1-b87f96708bc6';

describe('calls written against the specs compile', () => {
  it('SCP', () => {
    void scp.POST('/v1/servers/{server_id}/interfaces', {
      params: { path: { server_id } },
      body: { subnet_id: 'subnet-1', fixed_ips: [{ ip_address: '192.168.0.4' }] },
    });
    void scp.GET('/v1/servers/{server_id}/interfaces/{port_id}', {
      params: { path: { server_id, port_id } },
    });
    type Created = ScpComponents['schemas']['InterfaceResponse'];
    expectTypeOf<Created['mac_addr']>().toEqualTypeOf<string>();
  });

  it('OpenStack', () => {
    void openstack.POST('/servers/{server_id}/os-interface', {
      params: { path: { server_id } },
      body: {
        interfaceAttachment: { net_id, fixed_ips: [{ ip_address: '10.0.0.5' }], tag: 'public' },
      },
    });
    void openstack.DELETE('/servers/{server_id}/os-interface/{port_id}', {
      params: { path: { server_id, port_id } },
    });
    expectTypeOf<
      OpenStackComponents['schemas']['InterfaceAttachment']['port_state']
    >().toMatchTypeOf<string>();
  });

  it('Huawei, Rackspace, Katapult', () => {
    void huawei.POST('/v1/{project_id}/cloudservers/{server_id}/nics', {
      params: {
        path: { project_id: 'p', server_id },
        header: { 'X-Sdk-Date': '20260101T000000Z' },
      },
      body: { nics: [{ subnet_id: net_id }] },
    });
    void rackspace.POST('/servers/{server_id}/os-virtual-interfacesv2', {
      params: { path: { server_id } },
      body: { virtual_interface: { network_id: net_id } },
    });
    void katapult.POST('/virtual_machines/virtual_machine/network_interfaces', {
      body: {
        virtual_machine: { id: 'vm_1' },
        virtual_network: { id: 'vnet_1' },
        speed_profile: { permalink: '1gbps' },
      },
    });
  });
});

describe('wrong calls do not compile', () => {
  // Each call stays on one line (prettier-ignore) so that @ts-expect-error covers all of it.
  it('wrong path parameter names', () => {
    // prettier-ignore
    // @ts-expect-error serverId is not the spec's name (server_id)
    void scp.GET('/v1/servers/{server_id}/interfaces', { params: { path: { serverId: server_id } } });
    // prettier-ignore
    // @ts-expect-error portId is not the spec's name (port_id)
    void openstack.GET('/servers/{server_id}/os-interface/{port_id}', { params: { path: { server_id, portId: port_id } } });
    // prettier-ignore
    // @ts-expect-error interface_id is missing
    void rackspace.DELETE('/servers/{server_id}/os-virtual-interfacesv2/{interface_id}', { params: { path: { server_id } } });
  });

  it('a missing required body field', () => {
    // prettier-ignore
    // @ts-expect-error the interfaceAttachment wrapper is required
    void huawei.POST('/v2.1/{project_id}/servers/{server_id}/os-interface', { params: { path: { project_id: 'p', server_id }, header: { 'X-Sdk-Date': '20260101T000000Z' } }, body: {} });
    // prettier-ignore
    // @ts-expect-error network_id is required
    void rackspace.POST('/servers/{server_id}/os-virtual-interfacesv2', { params: { path: { server_id } }, body: { virtual_interface: {} } });
    // prettier-ignore
    // @ts-expect-error speed_profile is required
    void katapult.POST('/virtual_machines/virtual_machine/network_interfaces', { body: { virtual_machine: { id: 'vm_1' }, virtual_network: { id: 'vnet_1' } } });
  });

  it('bodies mixing mutually exclusive fields', () => {
    // prettier-ignore
    // @ts-expect-error port_id and net_id together
    void openstack.POST('/servers/{server_id}/os-interface', { params: { path: { server_id } }, body: { interfaceAttachment: { port_id, net_id } } });
    // prettier-ignore
    // @ts-expect-error fixed_ips only with net_id
    void openstack.POST('/servers/{server_id}/os-interface', { params: { path: { server_id } }, body: { interfaceAttachment: { port_id, fixed_ips: [{ ip_address: '10.0.0.5' }] } } });
    // Two fixed IPs: maxItems 1 becomes a one-element tuple in the generated schema type. (openapi-fetch's
    // body parameter widens tuples to arrays, so this one is checked on the schema type itself.)
    type AttachBody = OpenStackComponents['schemas']['AttachServerInterfaceRequest'];
    // prettier-ignore
    // @ts-expect-error two fixed IPs
    const twoIps: AttachBody = { interfaceAttachment: { net_id, fixed_ips: [{ ip_address: '10.0.0.5' }, { ip_address: '10.0.0.6' }] } };
    void twoIps;
    // prettier-ignore
    // @ts-expect-error subnet_id and port_id together
    void scp.POST('/v1/servers/{server_id}/interfaces', { params: { path: { server_id } }, body: { subnet_id: 's', port_id } });
    // prettier-ignore
    // @ts-expect-error a Katapult lookup with two keys
    void katapult.POST('/virtual_machines/virtual_machine/network_interfaces', { body: { virtual_machine: { id: 'vm_1', fqdn: 'a.example.com' }, virtual_network: { id: 'vnet_1' }, speed_profile: { permalink: '1gbps' } } });
    // prettier-ignore
    // @ts-expect-error a non-string ip_address
    void scp.POST('/v1/servers/{server_id}/interfaces', { params: { path: { server_id } }, body: { subnet_id: 's', fixed_ips: [{ ip_address: 3232235778 }] } });
  });
});
