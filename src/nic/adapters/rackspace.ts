// Rackspace Cloud Servers `os-virtual-interfacesv2`: one virtual interface per network, created
// by network ID (addresses are assigned by Rackspace); it has no state and no per-VIF read, so a
// VIF the server lists is attached. Deleting a VIF detaches the network.
import { ResponseBodyError } from '../../core/errors.js';
import type { NicAdapter } from '../adapter.js';
import { expectData, requireData } from '../call.js';
import { interfaceNotFound } from '../errors.js';
import { fromRackspace } from '../normalize.js';

const provider = 'rackspace' as const;
const LIST = '/servers/{server_id}/os-virtual-interfacesv2' as const;
const ITEM = '/servers/{server_id}/os-virtual-interfacesv2/{interface_id}' as const;

export const rackspaceAdapter: NicAdapter<'rackspace'> = {
  provider,

  async list(client, serverId) {
    const data = await requireData(
      provider,
      'listVirtualInterfaces',
      client.GET(LIST, { params: { path: { server_id: serverId } } }),
    );
    return data.virtual_interfaces.map((raw) => fromRackspace(serverId, raw));
  },

  async get(client, serverId, interfaceId, options) {
    const found = (await this.list(client, serverId, options)).find((i) => i.id === interfaceId);
    if (!found) throw interfaceNotFound(provider, serverId, interfaceId, 'listVirtualInterfaces');
    return found;
  },

  async attach(client, input) {
    const data = await requireData(
      provider,
      'createVirtualInterface',
      client.POST(LIST, {
        params: { path: { server_id: input.serverId } },
        body: { virtual_interface: { network_id: input.networkId! } },
      }),
    );
    // The answer is a one-element list, even for one VIF.
    const [created] = data.virtual_interfaces;
    if (!created) {
      // An accepted create without the interface: it may exist, so this is a possibly-sent failure.
      throw new ResponseBodyError({
        provider,
        operation: 'createVirtualInterface',
        status: 200,
        reason: 'invalid-json',
        bytesReceived: 0,
        attempts: 1,
      });
    }
    return fromRackspace(input.serverId, created);
  },

  matches(iface, input) {
    return iface.raw.ip_addresses.some((ip) => ip.network_id === input.networkId);
  },

  reconcileWindowMs: () => 0,

  async detach(client, input) {
    await expectData(
      provider,
      'deleteVirtualInterface',
      client.DELETE(ITEM, {
        params: { path: { server_id: input.serverId, interface_id: input.interfaceId } },
      }),
    );
    return { outcome: 'detaching', deleted: false };
  },

  detachedTarget: () => 'gone',
};
