// SCP v2 Virtual Server: attach by subnet (new port, optional fixed IP) or by existing port; the
// port is usable when the answer comes back. Detach answers 200 and the port leaves the list
// afterwards (the spec's x-async hint), so `wait` polls until it is gone.
import type { components } from '../../../generated/scp.js';
import type { NicAdapter } from '../adapter.js';
import { expectData, requireData } from '../call.js';
import { interfaceNotFound } from '../errors.js';
import { fromScp } from '../normalize.js';

const provider = 'scp' as const;
const LIST = '/v1/servers/{server_id}/interfaces' as const;
const ITEM = '/v1/servers/{server_id}/interfaces/{port_id}' as const;

type CreateBody = components['schemas']['ServerInterfaceCreateRequest'];
type FixedIp = components['schemas']['InterfaceAttachmentFixedIp'];

export const scpAdapter: NicAdapter<'scp'> = {
  provider,

  async list(client, serverId) {
    const data = await requireData(
      provider,
      'listServerInterfaces',
      client.GET(LIST, { params: { path: { server_id: serverId } } }),
    );
    return data.interfaces.map((raw) => fromScp(serverId, raw));
  },

  async get(client, serverId, interfaceId) {
    const data = await requireData(
      provider,
      'showServerInterface',
      client.GET(ITEM, { params: { path: { server_id: serverId, port_id: interfaceId } } }),
    );
    // The show answer is the list wrapper holding the requested port (see the spec).
    const raw = data.interfaces.find((i) => i.port_id === interfaceId) ?? data.interfaces[0];
    if (!raw) throw interfaceNotFound(provider, serverId, interfaceId, 'showServerInterface');
    return fromScp(serverId, raw);
  },

  async attach(client, input) {
    const body: CreateBody = input.portId
      ? { port_id: input.portId }
      : {
          subnet_id: input.subnetId!,
          ...(input.fixedIp
            ? { fixed_ips: [{ ip_address: input.fixedIp }] satisfies [FixedIp] }
            : {}),
        };
    const raw = await requireData(
      provider,
      'createServerInterface',
      client.POST(LIST, { params: { path: { server_id: input.serverId } }, body }),
    );
    return fromScp(input.serverId, raw);
  },

  matches(iface, input) {
    if (input.portId) return iface.id === input.portId;
    return (
      iface.subnetId === input.subnetId &&
      (input.fixedIp === undefined || iface.ipAddresses.includes(input.fixedIp))
    );
  },

  reconcileWindowMs: () => 0,

  async detach(client, input) {
    await expectData(
      provider,
      'deleteServerInterface',
      client.DELETE(ITEM, {
        params: { path: { server_id: input.serverId, port_id: input.interfaceId } },
      }),
    );
    return { outcome: 'detaching', deleted: false };
  },

  detachedTarget: () => 'gone',
};
