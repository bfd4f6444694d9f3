// The provider-neutral NIC model: which clients the NIC API takes, the one interface shape it
// returns, and the inputs of its functions. Provider shapes are imported from `generated/`.
import type { components as HuaweiComponents } from '../../generated/huawei.js';
import type { components as KatapultComponents } from '../../generated/katapult.js';
import type { components as OpenStackComponents } from '../../generated/openstack.js';
import type { components as RackspaceComponents } from '../../generated/rackspace.js';
import type { components as ScpComponents } from '../../generated/scp.js';
import type { ProviderKey } from '../core/errors.js';
import type { HuaweiClient } from '../providers/huawei.js';
import type { KatapultClient } from '../providers/katapult.js';
import type { OpenStackClient } from '../providers/openstack.js';
import type { RackspaceClient } from '../providers/rackspace.js';
import type { ScpClient } from '../providers/scp.js';

/** The client of each provider, by provider key. */
export interface NicClientMap {
  scp: ScpClient;
  huawei: HuaweiClient;
  openstack: OpenStackClient;
  rackspace: RackspaceClient;
  katapult: KatapultClient;
}

/** Any of the five clients; the NIC API tells them apart by `client.provider`. */
export type NicClient = NicClientMap[ProviderKey];

/** The provider's own interface object, as the NIC API read it. */
export interface RawInterfaceMap {
  scp: ScpComponents['schemas']['InterfaceResponse'];
  /** The native v1 list entry, or the Nova-compatible v2.1 object with `huaweiApi: 'nova'`. */
  huawei:
    | HuaweiComponents['schemas']['ServerInterface']
    | HuaweiComponents['schemas']['NovaInterfaceAttachment'];
  openstack: OpenStackComponents['schemas']['InterfaceAttachment'];
  rackspace: RackspaceComponents['schemas']['VirtualInterface'];
  katapult: KatapultComponents['schemas']['VirtualMachineNetworkInterface'];
}

/**
 * Normalized interface states:
 * - `active`: attached and up (Nova/Neutron `ACTIVE`, Katapult `attached`, any listed Rackspace VIF);
 * - `building`: being set up (`BUILD`);
 * - `down`: attached but not (yet) up (`DOWN`, the usual state right after an attach);
 * - `detached`: exists but is attached to nothing (Katapult `detached`);
 * - `error`: the provider reports a failure (`ERROR`);
 * - `unknown`: anything else (`N/A`, Katapult `_none`, values no source documents).
 */
export type NicState = 'active' | 'building' | 'down' | 'detached' | 'error' | 'unknown';

/** One network interface of a server, the same shape for every provider. */
export interface NetworkInterface<P extends ProviderKey = ProviderKey> {
  provider: P;
  /** What names the interface in the other calls: SCP/Huawei/OpenStack port ID, Rackspace VIF ID, Katapult NIC ID. */
  id: string;
  /** The server (Katapult: virtual machine) it belongs to. */
  serverId: string;
  /** Lower-case, colon-separated (`fa:16:3e:4c:2c:30`), or null when unknown. */
  mac: string | null;
  /** Every address of the interface (IPv4 and IPv6), in the provider's order. */
  ipAddresses: string[];
  /** Network ID (Huawei/OpenStack `net_id`, Rackspace `network_id`, Katapult network or virtual network), or null. */
  networkId: string | null;
  /** Subnet ID (SCP `subnet_id`, first `fixed_ips[].subnet_id` on Huawei/OpenStack), or null. */
  subnetId: string | null;
  state: NicState;
  /** The provider's own state value, or null when it has none (Rackspace). */
  rawState: string | null;
  /** The provider's object. */
  raw: RawInterfaceMap[P];
}

/** A progress report while polling (for logs and progress indicators). */
export interface PollProgress {
  /** What is being waited for, e.g. `interface port-1 to be active` or `Huawei job 8a2...`. */
  waitingFor: string;
  /** Polls made so far. */
  polls: number;
  elapsedMs: number;
  /** The last state seen (normalized interface state, or the job/task status). */
  state: string | null;
}

/** Timing of every wait (exponential backoff up to a deadline); all optional. */
export interface PollOptions {
  /** Give up after this long (default 300 000 ms). */
  timeoutMs?: number;
  /** First delay between polls (default 500 ms); each next delay is `factor` times longer. */
  initialDelayMs?: number;
  /** Longest delay between polls (default 10 000 ms). */
  maxDelayMs?: number;
  /** Growth of the delay (default 2). */
  factor?: number;
  /** Clock in ms (default `Date.now`), for tests. */
  now?: () => number;
  /** Waits between polls (default a timer; an abort of `signal` ends it), for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Stops the wait (rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Called after every poll. */
  onProgress?: (progress: PollProgress) => void;
}

/** The inputs `attachInterface` knows; which provider takes which is in `NIC_INPUTS`. */
export interface AttachInterfaceInput extends PollOptions {
  /** The server (Katapult: virtual machine ID). */
  serverId: string;
  /**
   * Network to attach: OpenStack and Huawei `net_id` (Huawei's v1 call names the same ID
   * `subnet_id`: it is the VPC subnet's network ID), Rackspace `network_id`, Katapult network ID.
   */
  networkId?: string;
  /** SCP subnet to create the new port on. */
  subnetId?: string;
  /** An existing port to attach (SCP, Huawei, OpenStack). */
  portId?: string;
  /** A fixed IP for the new port; needs `subnetId` (SCP) or `networkId` (Huawei, OpenStack). */
  fixedIp?: string;
  /** Device tag of the attachment (OpenStack only, microversion 2.49 or later). */
  tag?: string;
  /** Security group IDs of the new NIC (Huawei native API only). */
  securityGroups?: readonly string[];
  /** Katapult virtual network ID, instead of `networkId`. */
  virtualNetworkId?: string;
  /**
   * Katapult speed profile of the new NIC: a permalink (default `1gbps`) or an ID (`nsp_...`).
   */
  speedProfile?: string;
  /**
   * Huawei only: `'v1'` (default) uses the native batch API and its job; `'nova'` the
   * Nova-compatible v2.1 `os-interface` calls (which Huawei marks as discarded).
   */
  huaweiApi?: 'v1' | 'nova';
  /**
   * Idempotent attach: return an interface already attached to the same network/subnet or port
   * instead of creating a second one; and when the attach call fails in a way that may have
   * reached the provider, look for the interface it created before giving up.
   */
  ifAbsent?: boolean;
  /** Wait until the interface is `active` (default true). The provider's job or task is always awaited. */
  wait?: boolean;
}

export interface ListInterfacesInput {
  serverId: string;
  /** Huawei only: which API to read (default `'v1'`). */
  huaweiApi?: 'v1' | 'nova';
}

export interface GetInterfaceInput {
  serverId: string;
  interfaceId: string;
  /** Huawei only: which API to read (default `'v1'`). */
  huaweiApi?: 'v1' | 'nova';
}

export interface DetachInterfaceInput extends PollOptions {
  serverId: string;
  interfaceId: string;
  /**
   * Wait until the interface has left the server (`gone`; Katapult: `detached`). Default false,
   * except that the Huawei v1 job and the Katapult task are always awaited.
   */
  wait?: boolean;
  /** Katapult only: delete the NIC after it is detached. */
  deleteNic?: boolean;
  /** Nothing to detach is success (`outcome: 'absent'`) instead of a 404 `ApiError`. */
  ifPresent?: boolean;
  /** Huawei only: `'v1'` (default, batch delete and job) or `'nova'` (v2.1 detach). */
  huaweiApi?: 'v1' | 'nova';
}

export interface DetachResult<P extends ProviderKey = ProviderKey> {
  provider: P;
  serverId: string;
  interfaceId: string;
  /**
   * `detached`: the interface has left the server (the provider confirmed or the wait saw it);
   * `detaching`: the provider accepted the detach and finishes it in the background;
   * `absent`: there was nothing to detach (only with `ifPresent`).
   */
  outcome: 'detached' | 'detaching' | 'absent';
  /** Katapult with `deleteNic`: the NIC was deleted. */
  deleted: boolean;
}

/** What `waitForInterface` waits for. */
export type WaitTarget = 'active' | 'detached' | 'gone';

export interface WaitForInterfaceInput extends PollOptions {
  serverId: string;
  interfaceId: string;
  until: WaitTarget;
  /** Huawei only: which API to read (default `'v1'`). */
  huaweiApi?: 'v1' | 'nova';
}

/** How a successful wait ended. */
export interface WaitResult<P extends ProviderKey = ProviderKey> {
  reason: 'reached';
  until: WaitTarget;
  /** The interface as last seen; null when it is gone. */
  interface: NetworkInterface<P> | null;
  polls: number;
  elapsedMs: number;
}
