// Katapult Core v1: a NIC is created on a network (or virtual network) with a speed profile, then
// attached by a background task, as Krystal's own Terraform provider does; the task is polled to
// `completed`/`failed`. Detach is a task too, and the detached NIC stays until it is deleted.
import type { components } from '../../../generated/katapult.js';
import { ApiError } from '../../core/errors.js';
import type { KatapultClient } from '../../providers/katapult.js';
import type { NicAdapter } from '../adapter.js';
import { expectData, requireData } from '../call.js';
import { interfaceNotFound, isNotFound, mayHaveBeenSent } from '../errors.js';
import { fromKatapult } from '../normalize.js';
import type { AttachInterfaceInput, NetworkInterface, PollOptions } from '../types.js';
import { pollUntil } from '../wait.js';

const provider = 'katapult' as const;
const NICS = '/virtual_machines/virtual_machine/network_interfaces' as const;
const NIC = '/virtual_machine_network_interfaces/virtual_machine_network_interface' as const;
const ATTACH = `${NIC}/attach` as const;
const DETACH = `${NIC}/detach` as const;
const TASK = '/tasks/task' as const;
const PER_PAGE = 100;

/** The speed profile of new NICs when none is given (a permalink seen on Katapult's wire). */
export const DEFAULT_KATAPULT_SPEED_PROFILE = '1gbps';

type Schemas = components['schemas'];
type Task = Schemas['Task'];

/** `nsp_...` is a speed profile ID; anything else is taken as a permalink. */
function speedProfileLookup(value: string): Schemas['NetworkSpeedProfileLookup'] {
  return value.startsWith('nsp_') ? { id: value } : { permalink: value };
}

/** Codes Katapult (and its Terraform provider) use for "this NIC is not attached". */
const NOT_ATTACHED = new Set([
  'virtual_machine_network_interface_already_detached',
  'virtual_machine_network_interface_not_attached',
]);

async function readNic(
  client: KatapultClient,
  nicId: string,
): Promise<Schemas['VirtualMachineNetworkInterface']> {
  const data = await requireData(
    provider,
    'getVirtualMachineNetworkInterface',
    client.GET(NIC, { params: { query: { 'virtual_machine_network_interface[id]': nicId } } }),
  );
  return data.virtual_machine_network_interface;
}

/** Polls a task until it is `completed`; `failed` rejects with a WaitError naming the task. */
async function awaitTask(
  client: KatapultClient,
  task: Task,
  what: string,
  poll: PollOptions,
): Promise<Task> {
  if (task.status === 'completed') return task;
  const outcome = await pollUntil<Task>(
    {
      provider,
      operation: 'getTask',
      jobId: task.id,
      waitingFor: `Katapult task ${task.id} (${what})`,
      async check() {
        const data = await requireData(
          provider,
          'getTask',
          client.GET(TASK, { params: { query: { 'task[id]': task.id } } }),
        );
        const current = data.task;
        if (current.status === 'completed') {
          return { kind: 'done', value: current, state: current.status };
        }
        if (current.status === 'failed') {
          return {
            kind: 'failed',
            reason: 'failed',
            state: current.status,
            providerReason: `task "${current.name}" failed (progress ${current.progress}%)`,
            providerCode: 'task_failed',
          };
        }
        return { kind: 'pending', state: current.status };
      },
    },
    poll,
  );
  return outcome.value;
}

/** Attaches an existing NIC and waits for its task; a task already running is waited for instead. */
async function attachExisting(
  client: KatapultClient,
  nic: NetworkInterface<'katapult'>,
  poll: PollOptions,
): Promise<NetworkInterface<'katapult'>> {
  if (nic.state === 'active') return nic;
  try {
    const data = await requireData(
      provider,
      'attachVirtualMachineNetworkInterface',
      client.POST(ATTACH, { body: { virtual_machine_network_interface: { id: nic.id } } }),
    );
    await awaitTask(client, data.task, `attach ${nic.id}`, poll);
  } catch (error) {
    // Another attach (a retried script, a lost answer) is already under way or done: wait for it.
    const busy =
      error instanceof ApiError &&
      (error.code === 'task_queueing_error' ||
        error.code === 'virtual_machine_network_interface_already_attached');
    if (!busy) throw error;
    await pollUntil(
      {
        provider,
        operation: 'getVirtualMachineNetworkInterface',
        waitingFor: `interface ${nic.id} to be attached`,
        async check() {
          const current = fromKatapult(await readNic(client, nic.id), nic.serverId);
          return current.state === 'active'
            ? { kind: 'done', value: current, state: current.state }
            : { kind: 'pending', state: current.state, rawState: current.rawState };
        },
      },
      poll,
    );
  }
  return fromKatapult(await readNic(client, nic.id), nic.serverId);
}

async function deleteNic(client: KatapultClient, nicId: string): Promise<void> {
  await expectData(
    provider,
    'deleteVirtualMachineNetworkInterface',
    client.DELETE(NIC, { body: { virtual_machine_network_interface: { id: nicId } } }),
  );
}

export const katapultAdapter: NicAdapter<'katapult'> = {
  provider,

  async list(client, serverId) {
    const summaries: Schemas['VirtualMachineNetworkInterfaceSummary'][] = [];
    for (let page = 1; ; page += 1) {
      const data = await requireData(
        provider,
        'listVirtualMachineNetworkInterfaces',
        client.GET(NICS, {
          params: { query: { 'virtual_machine[id]': serverId, page, per_page: PER_PAGE } },
        }),
      );
      summaries.push(...data.virtual_machine_network_interfaces);
      const totalPages = data.pagination.total_pages ?? page;
      if (page >= totalPages || data.virtual_machine_network_interfaces.length === 0) break;
    }
    // List entries lack the state and MAC: read each NIC (a VM has a handful).
    const full = await Promise.all(summaries.map((s) => readNic(client, s.id)));
    return full.map((raw) => fromKatapult(raw, serverId));
  },

  async get(client, serverId, interfaceId) {
    const raw = await readNic(client, interfaceId);
    if (raw.virtual_machine?.id && raw.virtual_machine.id !== serverId) {
      throw interfaceNotFound(provider, serverId, interfaceId, 'getVirtualMachineNetworkInterface');
    }
    return fromKatapult(raw, serverId);
  },

  async attach(client, input, poll) {
    const target:
      | Pick<Schemas['CreateNetworkInterfaceOnNetwork'], 'network'>
      | Pick<Schemas['CreateNetworkInterfaceOnVirtualNetwork'], 'virtual_network'> =
      input.virtualNetworkId
        ? { virtual_network: { id: input.virtualNetworkId } }
        : { network: { id: input.networkId! } };
    const body = {
      virtual_machine: { id: input.serverId },
      ...target,
      speed_profile: speedProfileLookup(input.speedProfile ?? DEFAULT_KATAPULT_SPEED_PROFILE),
    } as Schemas['CreateNetworkInterfaceRequest'];
    const created = await requireData(
      provider,
      'createVirtualMachineNetworkInterface',
      client.POST(NICS, { body }),
    );
    const nic = fromKatapult(created.virtual_machine_network_interface, input.serverId);
    try {
      return await attachExisting(client, nic, poll);
    } catch (error) {
      // The NIC this call created would be left detached: remove it, unless the attach may
      // still be going on (then an idempotent retry finds and adopts it).
      if (!mayHaveBeenSent(error)) await deleteNic(client, nic.id).catch(() => undefined);
      throw error;
    }
  },

  matches(iface, input) {
    const wanted = input.virtualNetworkId ?? input.networkId;
    return wanted !== undefined && iface.networkId === wanted;
  },

  adopt(client, iface, _input: AttachInterfaceInput, poll) {
    return attachExisting(client, iface, poll);
  },

  reconcileWindowMs: () => 0,

  async detach(client, input, poll) {
    const nic = await readNic(client, input.interfaceId);
    if (nic.virtual_machine?.id && nic.virtual_machine.id !== input.serverId) {
      throw interfaceNotFound(provider, input.serverId, input.interfaceId, 'detach');
    }
    let outcome: 'detached' | 'absent' = 'detached';
    try {
      const data = await requireData(
        provider,
        'detachVirtualMachineNetworkInterface',
        client.POST(DETACH, { body: { virtual_machine_network_interface: { id: nic.id } } }),
      );
      await awaitTask(client, data.task, `detach ${nic.id}`, poll);
    } catch (error) {
      const notAttached = error instanceof ApiError && NOT_ATTACHED.has(error.code ?? '');
      if (!notAttached || !(input.ifPresent || input.deleteNic)) throw error;
      outcome = 'absent';
    }
    if (input.deleteNic) {
      try {
        await deleteNic(client, nic.id);
      } catch (error) {
        if (!(isNotFound(error) && input.ifPresent)) throw error;
      }
      return { outcome: 'detached', deleted: true };
    }
    return { outcome, deleted: false };
  },

  detachedTarget: (input) => (input.deleteNic ? 'gone' : 'detached'),
};
