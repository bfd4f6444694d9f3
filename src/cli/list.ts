// `cloud-nic list`: the interfaces of a server.
import { listInterfaces } from '../nic/index.js';
import {
  CONNECTION_HELP,
  CONNECTION_OPTIONS,
  OUTPUT_HELP,
  OUTPUT_OPTIONS,
  connect,
  huaweiApiOf,
  outputOf,
  providerOf,
  requireValue,
  type Command,
} from './common.js';
import { PROVIDER_ENV_HELP } from './env.js';
import { EXIT } from './exit.js';
import { interfacesTable, printJson } from './output.js';

export const listCommand: Command = {
  name: 'list',
  summary: 'list the network interfaces of a server',
  options: {
    ...CONNECTION_OPTIONS,
    ...OUTPUT_OPTIONS,
    server: { type: 'string', short: 's' },
    'huawei-api': { type: 'string' },
  },
  help: `Usage: cloud-nic list --provider <name> --server <id> [options]

Lists the network interfaces of a server (Katapult: detached NICs of the VM too), one normalized
row each: ID, state, provider state, MAC, addresses, network, subnet.

Options:
  -s, --server <id>       the server (Katapult: virtual machine ID) (required)
  --huawei-api <v1|nova>  huawei: which API to read (default v1)

${CONNECTION_HELP}
${OUTPUT_HELP}

${PROVIDER_ENV_HELP}`,

  async run(values, io) {
    const provider = providerOf(values, 'list');
    const output = outputOf(values, 'list');
    const serverId = requireValue(values, 'server', 'list');
    const huaweiApi = huaweiApiOf(values, 'list');
    const client = connect(provider, values, io);
    const interfaces = await listInterfaces(client, {
      serverId,
      ...(huaweiApi ? { huaweiApi } : {}),
    });
    if (output === 'json') printJson(io, interfaces);
    else io.stdout(interfacesTable(interfaces));
    return EXIT.ok;
  },
};
