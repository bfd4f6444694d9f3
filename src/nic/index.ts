/**
 * `cloud-nic/nic`: one API to attach, list, read, detach and wait for network interfaces over
 * any of the five clients (told apart by `client.provider`), returning one normalized
 * {@link NetworkInterface}.
 *
 *     const scp = createScpClient({ accessKey, secretKey });
 *     const nic = await attachInterface(scp, { serverId, subnetId, ifAbsent: true });
 *     // nic.state === 'active'; nic.mac, nic.ipAddresses ...
 *     await detachInterface(scp, { serverId, interfaceId: nic.id, wait: true });
 *
 * Inputs a provider cannot take are refused with a ValidationError before anything is sent (see
 * {@link NIC_INPUTS}); waits end with a {@link WaitError} that says why (`timeout` with the last
 * state seen, `failed` with the provider's reason, `gone`).
 */
import { ValidationError, PROVIDER_KEYS, type ProviderKey } from '../core/errors.js';
import type { NicAdapter, ReadOptions } from './adapter.js';
import { huaweiAdapter } from './adapters/huawei.js';
import { katapultAdapter } from './adapters/katapult.js';
import { openstackAdapter } from './adapters/openstack.js';
import { rackspaceAdapter } from './adapters/rackspace.js';
import { scpAdapter } from './adapters/scp.js';
import { isNotFound, mayHaveBeenSent } from './errors.js';
import {
  validateAttachInput,
  validateDetachInput,
  validateReadInput,
  validateWaitInput,
} from './inputs.js';
import type {
  AttachInterfaceInput,
  DetachInterfaceInput,
  DetachResult,
  GetInterfaceInput,
  ListInterfacesInput,
  NetworkInterface,
  NicClient,
  WaitForInterfaceInput,
  WaitResult,
  WaitTarget,
} from './types.js';
import { pollOptionsOf, pollUntil, type FlowPollOptions } from './wait.js';

export type * from './types.js';
export type { ReadOptions } from './adapter.js';
export {
  INTERFACE_NOT_FOUND,
  WaitError,
  interfaceNotFound,
  isNotFound,
  mayHaveBeenSent,
  type WaitErrorInit,
  type WaitFailure,
} from './errors.js';
export { NIC_DETACH_INPUTS, NIC_INPUTS, NIC_TARGETS, type ProviderInput } from './inputs.js';
export { normalizeKatapultState, normalizeMac, normalizePortState } from './normalize.js';
export { DEFAULT_KATAPULT_SPEED_PROFILE } from './adapters/katapult.js';
export {
  DEFAULT_FACTOR,
  DEFAULT_INITIAL_DELAY_MS,
  DEFAULT_MAX_DELAY_MS,
  DEFAULT_TIMEOUT_MS,
  backoffDelay,
} from './wait.js';
export * from './clients.js';
export * from './versions.js';

/** An adapter with its provider erased, for the dispatch below (each is checked on its own). */
type AnyAdapter = NicAdapter<ProviderKey> & {
  list(client: NicClient, serverId: string, options: ReadOptions): Promise<NetworkInterface[]>;
};

const ADAPTERS: { [P in ProviderKey]: NicAdapter<P> } = {
  scp: scpAdapter,
  huawei: huaweiAdapter,
  openstack: openstackAdapter,
  rackspace: rackspaceAdapter,
  katapult: katapultAdapter,
};

type ProviderOf<C extends NicClient> = C['provider'];

function adapterOf(client: NicClient): AnyAdapter {
  const provider = (client as { provider?: unknown } | null | undefined)?.provider;
  if (typeof provider !== 'string' || !(PROVIDER_KEYS as readonly string[]).includes(provider)) {
    throw new ValidationError({
      issues: [
        {
          path: 'client',
          message: `must be a cloud-nic client (createScpClient, createHuaweiClient, createOpenStackClient, createRackspaceClient or createKatapultClient); its provider is ${String(provider)}`,
        },
      ],
    });
  }
  return ADAPTERS[provider as ProviderKey] as unknown as AnyAdapter;
}

const readOptions = (input: { huaweiApi?: 'v1' | 'nova' }): ReadOptions =>
  input.huaweiApi ? { huaweiApi: input.huaweiApi } : {};

/** Every interface of a server. */
export async function listInterfaces<C extends NicClient>(
  client: C,
  input: ListInterfacesInput,
): Promise<NetworkInterface<ProviderOf<C>>[]> {
  const adapter = adapterOf(client);
  validateReadInput(adapter.provider, 'listInterfaces', input, false);
  return (await adapter.list(client, input.serverId, readOptions(input))) as NetworkInterface<
    ProviderOf<C>
  >[];
}

/** One interface of a server; an `ApiError` with status 404 when the server does not have it. */
export async function getInterface<C extends NicClient>(
  client: C,
  input: GetInterfaceInput,
): Promise<NetworkInterface<ProviderOf<C>>> {
  const adapter = adapterOf(client);
  validateReadInput(adapter.provider, 'getInterface', input, true);
  return (await adapter.get(
    client as never,
    input.serverId,
    input.interfaceId,
    readOptions(input),
  )) as NetworkInterface<ProviderOf<C>>;
}

function describeTarget(serverId: string, interfaceId: string, until: WaitTarget): string {
  const goal = until === 'active' ? 'be active' : until === 'detached' ? 'be detached' : 'be gone';
  return `interface ${interfaceId} of server ${serverId} to ${goal}`;
}

async function waitWith(
  adapter: AnyAdapter,
  client: NicClient,
  target: { serverId: string; interfaceId: string; until: WaitTarget; read: ReadOptions },
  poll: FlowPollOptions,
): Promise<WaitResult> {
  const { serverId, interfaceId, until, read } = target;
  const outcome = await pollUntil<NetworkInterface | null>(
    {
      provider: adapter.provider,
      waitingFor: describeTarget(serverId, interfaceId, until),
      async check() {
        let iface: NetworkInterface;
        try {
          iface = await adapter.get(client as never, serverId, interfaceId, read);
        } catch (error) {
          if (!isNotFound(error)) throw error;
          return until === 'active'
            ? { kind: 'failed', reason: 'gone', state: 'gone' }
            : { kind: 'done', value: null, state: 'gone' };
        }
        if (until === 'active') {
          if (iface.state === 'active') return { kind: 'done', value: iface, state: iface.state };
          if (iface.state === 'error') {
            return {
              kind: 'failed',
              reason: 'failed',
              state: iface.state,
              rawState: iface.rawState,
              providerReason: `the provider reports the interface as ${iface.rawState ?? 'failed'}`,
            };
          }
        } else if (until === 'detached' && iface.state === 'detached') {
          return { kind: 'done', value: iface, state: iface.state };
        }
        return { kind: 'pending', state: iface.state, rawState: iface.rawState };
      },
    },
    poll,
  );
  return {
    reason: 'reached',
    until,
    interface: outcome.value,
    polls: outcome.polls,
    elapsedMs: outcome.elapsedMs,
  };
}

/**
 * Polls an interface (exponential backoff, deadline `timeoutMs`) until it is `active`, `detached`
 * (a detached Katapult NIC, or gone elsewhere) or `gone`. Resolves with `reason: 'reached'`;
 * rejects with a {@link WaitError}: `timeout` (with the last state seen), `failed` (the provider
 * reports an error state) or `gone` (it disappeared while waiting for `active`).
 */
export async function waitForInterface<C extends NicClient>(
  client: C,
  input: WaitForInterfaceInput,
): Promise<WaitResult<ProviderOf<C>>> {
  const adapter = adapterOf(client);
  validateWaitInput(adapter.provider, input);
  return (await waitWith(
    adapter,
    client,
    {
      serverId: input.serverId,
      interfaceId: input.interfaceId,
      until: input.until,
      read: readOptions(input),
    },
    pollOptionsOf(input),
  )) as WaitResult<ProviderOf<C>>;
}

/**
 * After an attach failed in a way that may have reached the provider: look for what it created
 * (for as long as the provider may take to show it) instead of sending a second attach. Nothing
 * found: the original failure stands.
 */
async function reconcile(
  adapter: AnyAdapter,
  client: NicClient,
  input: AttachInterfaceInput,
  poll: FlowPollOptions,
  failure: unknown,
): Promise<NetworkInterface> {
  const windowMs = adapter.reconcileWindowMs(input, poll);
  const now = poll.now ?? Date.now;
  const deadlineAt = Math.min(poll.deadlineAt ?? Infinity, now() + windowMs);
  try {
    const found = await pollUntil<NetworkInterface>(
      {
        provider: adapter.provider,
        waitingFor: `the interface of a possibly-sent attach to server ${input.serverId} to be listed`,
        async check() {
          const list = await adapter.list(client, input.serverId, readOptions(input));
          const match = list.find((i) => adapter.matches(i as never, input));
          return match
            ? { kind: 'done', value: match, state: match.state }
            : { kind: 'pending', state: null };
        },
      },
      { ...poll, deadlineAt },
    );
    return found.value;
  } catch {
    throw failure;
  }
}

/**
 * Attaches a network (SCP: subnet; or an existing port where the provider has ports) to a server
 * with the provider's own flow, then (unless `wait: false`) waits until the interface is active:
 * - SCP: `createServerInterface` by subnet (optional fixed IP) or by port;
 * - Huawei: `batchAddServerNics`, its job polled to SUCCESS/FAIL, the new NIC read from the list
 *   (`huaweiApi: 'nova'`: the v2.1 `os-interface` attach);
 * - OpenStack: `os-interface` attach, then show polled until `port_state` is ACTIVE;
 * - Rackspace: a virtual interface on the network;
 * - Katapult: create the NIC (speed profile `1gbps` unless given), attach it, poll the task, read it.
 *
 * With `ifAbsent: true` an interface already attached to the same network/subnet or port is
 * returned instead of creating a second one, and an attach whose answer was lost is reconciled by
 * listing, so a retried script never creates a duplicate.
 */
export async function attachInterface<C extends NicClient>(
  client: C,
  input: AttachInterfaceInput,
): Promise<NetworkInterface<ProviderOf<C>>> {
  const adapter = adapterOf(client);
  validateAttachInput(adapter.provider, input);
  const poll = pollOptionsOf(input);
  const read = readOptions(input);
  const adopt = (iface: NetworkInterface) =>
    adapter.adopt ? adapter.adopt(client as never, iface as never, input, poll) : iface;

  let iface: NetworkInterface | undefined;
  if (input.ifAbsent) {
    const existing = (await adapter.list(client, input.serverId, read)).find((i) =>
      adapter.matches(i as never, input),
    );
    if (existing) iface = await adopt(existing);
  }
  if (!iface) {
    try {
      iface = await adapter.attach(client as never, input, poll);
    } catch (error) {
      if (!input.ifAbsent || !mayHaveBeenSent(error)) throw error;
      iface = await adopt(await reconcile(adapter, client, input, poll, error));
    }
  }
  if (input.wait === false || iface.state === 'active') {
    return iface as NetworkInterface<ProviderOf<C>>;
  }
  const result = await waitWith(
    adapter,
    client,
    { serverId: input.serverId, interfaceId: iface.id, until: 'active', read },
    poll,
  );
  return result.interface as NetworkInterface<ProviderOf<C>>;
}

/**
 * Detaches an interface with the provider's flow: SCP delete; Huawei batch delete and its job
 * (`huaweiApi: 'nova'`: v2.1 detach); OpenStack detach; Rackspace delete; Katapult detach and its
 * task (and the NIC deleted with `deleteNic: true`). With `wait: true` it also waits until the
 * interface has left the server. Nothing to detach is an `ApiError` 404 unless `ifPresent: true`.
 */
export async function detachInterface<C extends NicClient>(
  client: C,
  input: DetachInterfaceInput,
): Promise<DetachResult<ProviderOf<C>>> {
  const adapter = adapterOf(client);
  validateDetachInput(adapter.provider, input);
  const poll = pollOptionsOf(input);
  const base = {
    provider: adapter.provider as ProviderOf<C>,
    serverId: input.serverId,
    interfaceId: input.interfaceId,
  };
  let step;
  try {
    step = await adapter.detach(client as never, input, poll);
  } catch (error) {
    if (input.ifPresent && isNotFound(error)) {
      return { ...base, outcome: 'absent', deleted: false };
    }
    throw error;
  }
  if (input.wait && step.outcome === 'detaching') {
    await waitWith(
      adapter,
      client,
      {
        serverId: input.serverId,
        interfaceId: input.interfaceId,
        until: adapter.detachedTarget(input),
        read: readOptions(input),
      },
      poll,
    );
    step = { ...step, outcome: 'detached' as const };
  }
  return { ...base, ...step };
}
