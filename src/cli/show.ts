// `cloud-nic show`: one interface of a server.
import { getInterface } from '../nic/index.js';
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
import { interfaceDetails, printJson } from './output.js';

export const showCommand: Command = {
  name: 'show',
  summary: 'show one network interface of a server',
  options: {
    ...CONNECTION_OPTIONS,
    ...OUTPUT_OPTIONS,
    server: { type: 'string', short: 's' },
    interface: { type: 'string', short: 'i' },
    'huawei-api': { type: 'string' },
  },
  help: `Usage: cloud-nic show --provider <name> --server <id> --interface <id> [options]

Shows one interface (port ID; Rackspace VIF ID; Katapult NIC ID). An interface the server does
not have is an API error (exit 5) with code 404.

Options:
  -s, --server <id>       the server (Katapult: virtual machine ID) (required)
  -i, --interface <id>    the interface (required)
  --huawei-api <v1|nova>  huawei: which API to read (default v1)

${CONNECTION_HELP}
${OUTPUT_HELP}

${PROVIDER_ENV_HELP}`,

  async run(values, io) {
    const provider = providerOf(values, 'show');
    const output = outputOf(values, 'show');
    const serverId = requireValue(values, 'server', 'show');
    const interfaceId = requireValue(values, 'interface', 'show');
    const huaweiApi = huaweiApiOf(values, 'show');
    const client = connect(provider, values, io);
    const iface = await getInterface(client, {
      serverId,
      interfaceId,
      ...(huaweiApi ? { huaweiApi } : {}),
    });
    if (output === 'json') printJson(io, iface);
    else io.stdout(interfaceDetails(iface));
    return EXIT.ok;
  },
};
