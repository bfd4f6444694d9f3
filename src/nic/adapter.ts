// The contract every provider adapter (src/nic/adapters/<p>.ts) fulfils, so the NIC API can run
// the same flows (idempotent attach, reconciliation, waits) over all five clients.
import type { ProviderKey } from '../core/errors.js';
import type {
  AttachInterfaceInput,
  DetachInterfaceInput,
  NetworkInterface,
  NicClientMap,
  PollOptions,
} from './types.js';

/** Which API an adapter call reads or writes (only Huawei has two). */
export interface ReadOptions {
  huaweiApi?: 'v1' | 'nova';
}

/** What a provider's detach call achieved before any optional wait. */
export interface DetachStep {
  /** `detached`: confirmed gone; `detaching`: accepted, finishing in the background; `absent`: nothing to do. */
  outcome: 'detached' | 'detaching' | 'absent';
  deleted: boolean;
}

export interface NicAdapter<P extends ProviderKey> {
  readonly provider: P;
  /** Every interface the server has (Katapult: detached NICs of the VM too). */
  list(
    client: NicClientMap[P],
    serverId: string,
    options: ReadOptions,
  ): Promise<NetworkInterface<P>[]>;
  /** One interface; an ApiError 404 when the server does not have it. */
  get(
    client: NicClientMap[P],
    serverId: string,
    interfaceId: string,
    options: ReadOptions,
  ): Promise<NetworkInterface<P>>;
  /**
   * Sends the attach and follows the provider's own flow to a usable interface (Huawei job,
   * Katapult create + attach + task). The input has been validated.
   */
  attach(
    client: NicClientMap[P],
    input: AttachInterfaceInput,
    poll: PollOptions,
  ): Promise<NetworkInterface<P>>;
  /** True when `iface` is an attachment of what `input` asks for (network/subnet or port). */
  matches(iface: NetworkInterface<P>, input: AttachInterfaceInput): boolean;
  /**
   * Takes an existing matching interface into use for an idempotent attach (Katapult: attaches a
   * detached NIC). Default: the interface as it is.
   */
  adopt?(
    client: NicClientMap[P],
    iface: NetworkInterface<P>,
    input: AttachInterfaceInput,
    poll: PollOptions,
  ): Promise<NetworkInterface<P>>;
  /**
   * How long an attach whose answer was lost may take to show up in the list (Huawei: its job
   * runs after the answer). Zero: one look is enough.
   */
  reconcileWindowMs(input: AttachInterfaceInput, poll: PollOptions): number;
  /** Sends the detach (and the provider's own job/task flow). A 404 propagates as ApiError. */
  detach(
    client: NicClientMap[P],
    input: DetachInterfaceInput,
    poll: PollOptions,
  ): Promise<DetachStep>;
  /** What a finished detach leaves: the interface gone, or (Katapult) a detached NIC. */
  detachedTarget(input: DetachInterfaceInput): 'gone' | 'detached';
}
