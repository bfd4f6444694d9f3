// Huawei Cloud ECS. Default: the native v1 API, which Huawei recommends: `batchAddServerNics` /
// `batchDeleteServerNics` answer with a job, polled with `showJob` until SUCCESS or FAIL, and the
// new NIC is then read from `listServerInterfaces`. With `huaweiApi: 'nova'`: the Nova-compatible
// v2.1 `os-interface` calls (marked discarded by Huawei), which answer at once.
import type { components } from '../../../generated/huawei.js';
import type { HuaweiClient } from '../../providers/huawei.js';
import type { NicAdapter, ReadOptions } from '../adapter.js';
import { expectData, requireData } from '../call.js';
import { interfaceNotFound } from '../errors.js';
import { fromHuawei } from '../normalize.js';
import type { NetworkInterface, PollOptions } from '../types.js';
import { pollUntil } from '../wait.js';

const provider = 'huawei' as const;
const V1_LIST = '/v1/{project_id}/cloudservers/{server_id}/os-interface' as const;
const V1_ADD = '/v1/{project_id}/cloudservers/{server_id}/nics' as const;
const V1_DELETE = '/v1/{project_id}/cloudservers/{server_id}/nics/delete' as const;
const JOB = '/v1/{project_id}/jobs/{job_id}' as const;
const NOVA_LIST = '/v2.1/{project_id}/servers/{server_id}/os-interface' as const;
const NOVA_ITEM = '/v2.1/{project_id}/servers/{server_id}/os-interface/{port_id}' as const;

type Schemas = components['schemas'];
type Job = Schemas['Job'];

const useNova = (options: ReadOptions) => options.huaweiApi === 'nova';

async function listV1(client: HuaweiClient, serverId: string) {
  const data = await requireData(
    provider,
    'listServerInterfaces',
    client.GET(V1_LIST, {
      params: { path: { project_id: client.projectId, server_id: serverId } },
    }),
  );
  return data.interfaceAttachments.map((raw) => fromHuawei(serverId, raw));
}

/** The first failure a job reports: its own, or that of its first failed sub-job. */
function jobFailure(job: Job): { reason: string; code?: string } {
  const sub = job.entities?.sub_jobs?.find((s) => s.status === 'FAIL');
  const reason =
    job.fail_reason ?? sub?.fail_reason ?? sub?.entities?.errorcode_message ?? 'the job failed';
  const code = job.error_code ?? sub?.error_code ?? undefined;
  return { reason, ...(code ? { code } : {}) };
}

/** Polls a job until SUCCESS (resolves with it) or FAIL (rejects with a WaitError `failed`). */
async function awaitJob(
  client: HuaweiClient,
  jobId: string,
  what: string,
  poll: PollOptions,
): Promise<Job> {
  const outcome = await pollUntil<Job>(
    {
      provider,
      operation: 'showJob',
      jobId,
      waitingFor: `Huawei job ${jobId} (${what})`,
      async check() {
        const job = await requireData(
          provider,
          'showJob',
          client.GET(JOB, { params: { path: { project_id: client.projectId, job_id: jobId } } }),
        );
        if (job.status === 'SUCCESS') return { kind: 'done', value: job, state: job.status };
        if (job.status === 'FAIL') {
          const failure = jobFailure(job);
          return {
            kind: 'failed',
            reason: 'failed',
            state: job.status,
            providerReason: failure.reason,
            ...(failure.code ? { providerCode: failure.code } : {}),
          };
        }
        return { kind: 'pending', state: job.status };
      },
    },
    poll,
  );
  return outcome.value;
}

export const huaweiAdapter: NicAdapter<'huawei'> = {
  provider,

  async list(client, serverId, options) {
    if (!useNova(options)) return listV1(client, serverId);
    const data = await requireData(
      provider,
      'novaListServerInterfaces',
      client.GET(NOVA_LIST, {
        params: { path: { project_id: client.projectId, server_id: serverId } },
      }),
    );
    return data.interfaceAttachments.map((raw) => fromHuawei(serverId, raw));
  },

  async get(client, serverId, interfaceId, options) {
    if (useNova(options)) {
      const data = await requireData(
        provider,
        'novaShowServerInterface',
        client.GET(NOVA_ITEM, {
          params: {
            path: { project_id: client.projectId, server_id: serverId, port_id: interfaceId },
          },
        }),
      );
      return fromHuawei(serverId, data.interfaceAttachment);
    }
    // The native API has no per-NIC read: find it in the server's list.
    const found = (await listV1(client, serverId)).find((i) => i.id === interfaceId);
    if (!found) throw interfaceNotFound(provider, serverId, interfaceId, 'listServerInterfaces');
    return found;
  },

  async attach(client, input, poll) {
    const path = { project_id: client.projectId, server_id: input.serverId };
    if (input.huaweiApi === 'nova') {
      const interfaceAttachment: Schemas['NovaInterfaceAttachmentCreate'] = input.portId
        ? { port_id: input.portId }
        : {
            net_id: input.networkId!,
            ...(input.fixedIp
              ? {
                  fixed_ips: [{ ip_address: input.fixedIp }] satisfies [
                    Schemas['NovaFixedIpRequest'],
                  ],
                }
              : {}),
          };
      const data = await requireData(
        provider,
        'novaAttachServerInterface',
        client.POST(NOVA_LIST, { params: { path }, body: { interfaceAttachment } }),
      );
      return fromHuawei(input.serverId, data.interfaceAttachment);
    }

    const nic: Schemas['BatchAddServerNic'] = input.portId
      ? { port_id: input.portId }
      : {
          subnet_id: input.networkId!,
          ...(input.fixedIp ? { ip_address: input.fixedIp } : {}),
          ...(input.securityGroups?.length
            ? { security_groups: input.securityGroups.map((id) => ({ id })) }
            : {}),
        };
    // What the server has before, to tell the new NIC apart if the job does not name it.
    const before = new Set((await listV1(client, input.serverId)).map((i) => i.id));
    const created = await requireData(
      provider,
      'batchAddServerNics',
      client.POST(V1_ADD, { params: { path }, body: { nics: [nic] } }),
    );
    const job = await awaitJob(client, created.job_id, `add a NIC to ${input.serverId}`, poll);
    const named = job.entities?.sub_jobs?.find((s) => s.entities?.nic_id)?.entities?.nic_id;
    const wanted = input.portId ?? named;
    const isNew = (i: NetworkInterface<'huawei'>) =>
      wanted !== undefined ? i.id === wanted : !before.has(i.id) && i.networkId === input.networkId;
    // The NIC is listed once the job has succeeded; allow the list a moment to catch up.
    const found = await pollUntil<NetworkInterface<'huawei'>>(
      {
        provider,
        operation: 'listServerInterfaces',
        waitingFor: `the NIC of job ${created.job_id} to be listed`,
        async check() {
          const match = (await listV1(client, input.serverId)).find(isNew);
          return match
            ? { kind: 'done', value: match, state: match.state }
            : { kind: 'pending', state: null };
        },
      },
      poll,
    );
    return found.value;
  },

  matches(iface, input) {
    if (input.portId) return iface.id === input.portId;
    return (
      iface.networkId === input.networkId &&
      (input.fixedIp === undefined || iface.ipAddresses.includes(input.fixedIp))
    );
  },

  // A lost v1 answer: the job runs on, and its NIC is listed only when it succeeds.
  reconcileWindowMs: (input, poll) =>
    input.huaweiApi === 'nova' ? 0 : Math.min(poll.timeoutMs ?? 300_000, 300_000),

  async detach(client, input, poll) {
    const path = { project_id: client.projectId, server_id: input.serverId };
    if (input.huaweiApi === 'nova') {
      await expectData(
        provider,
        'novaDetachServerInterface',
        client.DELETE(NOVA_ITEM, { params: { path: { ...path, port_id: input.interfaceId } } }),
      );
      return { outcome: 'detaching', deleted: false };
    }
    // The batch call accepts any port and fails only in its job: check first, so "not attached"
    // is the same typed 404 as everywhere else.
    const attached = (await listV1(client, input.serverId)).some((i) => i.id === input.interfaceId);
    if (!attached) {
      throw interfaceNotFound(provider, input.serverId, input.interfaceId, 'batchDeleteServerNics');
    }
    const created = await requireData(
      provider,
      'batchDeleteServerNics',
      client.POST(V1_DELETE, { params: { path }, body: { nics: [{ id: input.interfaceId }] } }),
    );
    await awaitJob(client, created.job_id, `remove NIC ${input.interfaceId}`, poll);
    return { outcome: 'detached', deleted: false };
  },

  detachedTarget: () => 'gone',
};
