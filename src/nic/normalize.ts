// Turns each provider's interface object into the one `NetworkInterface` shape.
import type { components as KatapultComponents } from '../../generated/katapult.js';
import type { components as RackspaceComponents } from '../../generated/rackspace.js';
import type { components as ScpComponents } from '../../generated/scp.js';
import type { NetworkInterface, NicState, RawInterfaceMap } from './types.js';

/**
 * A MAC address as six lower-case colon-separated pairs (`fa:16:3e:4c:2c:30`), from any common
 * spelling (`FE:ED:FA:00:08:93`, `fe-ed-fa-00-08-93`, `feed.fa00.0893`, `feedfa000893`); null when
 * absent or not a 48-bit MAC.
 */
export function normalizeMac(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const hex = value.trim().toLowerCase();
  let digits: string;
  if (/^[0-9a-f]{1,2}([:-][0-9a-f]{1,2}){5}$/.test(hex)) {
    digits = hex
      .split(/[:-]/)
      .map((p) => p.padStart(2, '0'))
      .join('');
  } else if (/^[0-9a-f]{4}(\.[0-9a-f]{4}){2}$/.test(hex) || /^[0-9a-f]{12}$/.test(hex)) {
    digits = hex.replace(/\./g, '');
  } else {
    return null;
  }
  return digits.match(/../g)!.join(':');
}

/** Neutron/Nova port statuses (SCP, Huawei and OpenStack all report them as `port_state`). */
export function normalizePortState(value: unknown): NicState {
  switch (typeof value === 'string' ? value.trim().toUpperCase() : '') {
    case 'ACTIVE':
      return 'active';
    case 'BUILD':
      return 'building';
    case 'DOWN':
      return 'down';
    case 'ERROR':
      return 'error';
    default:
      return 'unknown';
  }
}

/** Katapult NIC states seen on the wire: `attached`, `detached` (and once `_none`). */
export function normalizeKatapultState(value: unknown): NicState {
  switch (typeof value === 'string' ? value.trim().toLowerCase() : '') {
    case 'attached':
      return 'active';
    case 'detached':
      return 'detached';
    default:
      return 'unknown';
  }
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

export function fromScp(
  serverId: string,
  raw: ScpComponents['schemas']['InterfaceResponse'],
): NetworkInterface<'scp'> {
  return {
    provider: 'scp',
    id: raw.port_id,
    serverId,
    mac: normalizeMac(raw.mac_addr),
    ipAddresses: (raw.fixed_ips ?? []).map((ip) => ip.ip_address),
    networkId: null,
    subnetId: text(raw.subnet_id),
    state: normalizePortState(raw.port_state),
    rawState: text(raw.port_state),
    raw,
  };
}

/** Huawei's and OpenStack's interfaces share Nova's attachment shape. */
function fromNovaShaped<P extends 'huawei' | 'openstack'>(
  provider: P,
  serverId: string,
  raw: RawInterfaceMap[P],
): NetworkInterface<P> {
  return {
    provider,
    id: raw.port_id,
    serverId,
    mac: normalizeMac(raw.mac_addr),
    ipAddresses: (raw.fixed_ips ?? []).map((ip) => ip.ip_address),
    networkId: text(raw.net_id),
    subnetId: text(raw.fixed_ips?.[0]?.subnet_id),
    state: normalizePortState(raw.port_state),
    rawState: text(raw.port_state),
    raw,
  };
}

export function fromHuawei(serverId: string, raw: RawInterfaceMap['huawei']) {
  return fromNovaShaped('huawei', serverId, raw);
}

export function fromOpenStack(serverId: string, raw: RawInterfaceMap['openstack']) {
  return fromNovaShaped('openstack', serverId, raw);
}

/** A Rackspace VIF has no state: one the server lists is attached. */
export function fromRackspace(
  serverId: string,
  raw: RackspaceComponents['schemas']['VirtualInterface'],
): NetworkInterface<'rackspace'> {
  return {
    provider: 'rackspace',
    id: raw.id,
    serverId,
    mac: normalizeMac(raw.mac_address),
    ipAddresses: (raw.ip_addresses ?? []).map((ip) => ip.address),
    networkId: text(raw.ip_addresses?.[0]?.network_id),
    subnetId: null,
    state: 'active',
    rawState: null,
    raw,
  };
}

export function fromKatapult(
  raw: KatapultComponents['schemas']['VirtualMachineNetworkInterface'],
  serverId?: string,
): NetworkInterface<'katapult'> {
  return {
    provider: 'katapult',
    id: raw.id,
    serverId: text(raw.virtual_machine?.id) ?? serverId ?? '',
    mac: normalizeMac(raw.mac_address),
    ipAddresses: (raw.ip_addresses ?? []).map((ip) => ip.address),
    networkId: text(raw.network?.id) ?? text(raw.virtual_network?.id),
    subnetId: null,
    state: normalizeKatapultState(raw.state),
    rawState: text(raw.state),
    raw,
  };
}
