// `cloud-nic attach`: attach a network to a server and (by default) wait until it is up.
import { attachInterface, type AttachInterfaceInput } from '../nic/index.js';
import {
  CONNECTION_HELP,
  CONNECTION_OPTIONS,
  OUTPUT_HELP,
  OUTPUT_OPTIONS,
  TIMEOUT_OPTION,
  connect,
  huaweiApiOf,
  outputOf,
  providerOf,
  requireValue,
  stringValue,
  timeoutOf,
  type Command,
} from './common.js';
import { PROVIDER_ENV_HELP } from './env.js';
import { EXIT } from './exit.js';
import { createProgress, interfaceDetails, printJson } from './output.js';

export const attachCommand: Command = {
  name: 'attach',
  summary: 'attach a network (or port) to a server and wait until the interface is active',
  options: {
    ...CONNECTION_OPTIONS,
    ...OUTPUT_OPTIONS,
    ...TIMEOUT_OPTION,
    server: { type: 'string', short: 's' },
    network: { type: 'string' },
    subnet: { type: 'string' },
    port: { type: 'string' },
    'fixed-ip': { type: 'string' },
    tag: { type: 'string' },
    'security-group': { type: 'string', multiple: true },
    'virtual-network': { type: 'string' },
    'speed-profile': { type: 'string' },
    'huawei-api': { type: 'string' },
    'if-absent': { type: 'boolean' },
    'no-wait': { type: 'boolean' },
  },
  help: `Usage: cloud-nic attach --provider <name> --server <id> <target> [options]

Attaches a network to a server with the provider's own flow (Huawei job, Katapult create +
attach + task) and waits until the interface is active. Prints the interface.

Target (which ones a provider takes is checked before anything is sent):
  --network <id>          network: huawei (VPC subnet network ID), openstack, rackspace, katapult
  --subnet <id>           subnet: scp
  --port <id>             existing port: scp, huawei, openstack
  --virtual-network <id>  katapult virtual network
Options:
  -s, --server <id>       the server (Katapult: virtual machine ID) (required)
  --fixed-ip <ip>         fixed IP of the new port: scp (with --subnet), huawei, openstack (with --network)
  --tag <tag>             device tag: openstack (microversion 2.49+)
  --security-group <id>   security group of the new NIC, repeatable: huawei (v1 API)
  --speed-profile <p>     katapult speed profile permalink or nsp_ ID (default 1gbps)
  --huawei-api <v1|nova>  huawei: native v1 batch API (default) or Nova-compatible v2.1
  --if-absent             reuse an interface already attached to the same network/subnet/port,
                          and reconcile a lost answer by listing (never creates a second NIC)
  --no-wait               return once the provider's flow is done, without waiting for active
  --timeout <seconds>     give up waiting after this long (default 300)

${CONNECTION_HELP}
${OUTPUT_HELP}

${PROVIDER_ENV_HELP}`,

  async run(values, io) {
    const provider = providerOf(values, 'attach');
    const output = outputOf(values, 'attach');
    const serverId = requireValue(values, 'server', 'attach');
    const timeoutMs = timeoutOf(values, 'attach');
    const huaweiApi = huaweiApiOf(values, 'attach');
    const groups = values['security-group'];
    const client = connect(provider, values, io);
    const progress = createProgress(io);
    const input: AttachInterfaceInput = {
      serverId,
      onProgress: progress.onProgress,
      ...(stringValue(values, 'network') !== undefined
        ? { networkId: stringValue(values, 'network') }
        : {}),
      ...(stringValue(values, 'subnet') !== undefined
        ? { subnetId: stringValue(values, 'subnet') }
        : {}),
      ...(stringValue(values, 'port') !== undefined ? { portId: stringValue(values, 'port') } : {}),
      ...(stringValue(values, 'fixed-ip') !== undefined
        ? { fixedIp: stringValue(values, 'fixed-ip') }
        : {}),
      ...(stringValue(values, 'tag') !== undefined ? { tag: stringValue(values, 'tag') } : {}),
      ...(Array.isArray(groups) ? { securityGroups: groups } : {}),
      ...(stringValue(values, 'virtual-network') !== undefined
        ? { virtualNetworkId: stringValue(values, 'virtual-network') }
        : {}),
      ...(stringValue(values, 'speed-profile') !== undefined
        ? { speedProfile: stringValue(values, 'speed-profile') }
        : {}),
      ...(huaweiApi ? { huaweiApi } : {}),
      ...(values['if-absent'] ? { ifAbsent: true } : {}),
      ...(values['no-wait'] ? { wait: false } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    };
    try {
      const iface = await attachInterface(client, input);
      progress.done();
      if (output === 'json') printJson(io, iface);
      else io.stdout(interfaceDetails(iface));
      return EXIT.ok;
    } finally {
      progress.done();
    }
  },
};
