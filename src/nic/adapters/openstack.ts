// OpenStack Nova `os-interface`: attach answers 200 as soon as the port is bound, usually still
// `DOWN`; the NIC API then polls show until `port_state` is `ACTIVE` (the spec's x-async hint).
// Detach answers 202 and the compute host does the work later: `wait` polls until it is gone.
import type { components } from '../../../generated/openstack.js';
import type { NicAdapter } from '../adapter.js';
import { expectData, requireData } from '../call.js';
import { fromOpenStack } from '../normalize.js';

const provider = 'openstack' as const;
const LIST = '/servers/{server_id}/os-interface' as const;
const ITEM = '/servers/{server_id}/os-interface/{port_id}' as const;

type Attachment = components['schemas']['InterfaceAttachmentRequest'];
type FixedIp = components['schemas']['RequestedFixedIp'];

export const openstackAdapter: NicAdapter<'openstack'> = {
  provider,

  async list(client, serverId) {
    const data = await requireData(
      provider,
      'listServerInterfaces',
      client.GET(LIST, { params: { path: { server_id: serverId } } }),
    );
    return data.interfaceAttachments.map((raw) => fromOpenStack(serverId, raw));
  },

  async get(client, serverId, interfaceId) {
    const data = await requireData(
      provider,
      'showServerInterface',
      client.GET(ITEM, { params: { path: { server_id: serverId, port_id: interfaceId } } }),
    );
    return fromOpenStack(serverId, data.interfaceAttachment);
  },

  async attach(client, input) {
    const tag = input.tag !== undefined ? { tag: input.tag } : {};
    const interfaceAttachment: Attachment = input.portId
      ? { port_id: input.portId, ...tag }
      : {
          net_id: input.networkId!,
          ...(input.fixedIp
            ? { fixed_ips: [{ ip_address: input.fixedIp }] satisfies [FixedIp] }
            : {}),
          ...tag,
        };
    const data = await requireData(
      provider,
      'attachServerInterface',
      client.POST(LIST, {
        params: { path: { server_id: input.serverId } },
        body: { interfaceAttachment },
      }),
    );
    return fromOpenStack(input.serverId, data.interfaceAttachment);
  },

  matches(iface, input) {
    if (input.portId) return iface.id === input.portId;
    return (
      iface.networkId === input.networkId &&
      (input.fixedIp === undefined || iface.ipAddresses.includes(input.fixedIp))
    );
  },

  reconcileWindowMs: () => 0,

  async detach(client, input) {
    await expectData(
      provider,
      'detachServerInterface',
      client.DELETE(ITEM, {
        params: { path: { server_id: input.serverId, port_id: input.interfaceId } },
      }),
    );
    return { outcome: 'detaching', deleted: false };
  },

  detachedTarget: () => 'gone',
};
