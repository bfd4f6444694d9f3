// `cloud-nic detach`: detach an interface from a server.
import { detachInterface } from '../nic/index.js';
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
  timeoutOf,
  type Command,
} from './common.js';
import { PROVIDER_ENV_HELP } from './env.js';
import { EXIT } from './exit.js';
import { createProgress, printJson } from './output.js';

export const detachCommand: Command = {
  name: 'detach',
  summary: 'detach a network interface from a server',
  options: {
    ...CONNECTION_OPTIONS,
    ...OUTPUT_OPTIONS,
    ...TIMEOUT_OPTION,
    server: { type: 'string', short: 's' },
    interface: { type: 'string', short: 'i' },
    wait: { type: 'boolean', short: 'w' },
    'delete-nic': { type: 'boolean' },
    'if-present': { type: 'boolean' },
    'huawei-api': { type: 'string' },
  },
  help: `Usage: cloud-nic detach --provider <name> --server <id> --interface <id> [options]

Detaches an interface with the provider's flow (SCP delete; Huawei batch delete and its job;
OpenStack detach; Rackspace delete; Katapult detach and its task). Prints the outcome:
detached, detaching (accepted, finishing in the background) or absent.

Options:
  -s, --server <id>       the server (Katapult: virtual machine ID) (required)
  -i, --interface <id>    the interface (required)
  -w, --wait              wait until the interface has left the server
  --delete-nic            katapult: delete the NIC after detaching it
  --if-present            nothing to detach is success ('absent') instead of a 404 (exit 5)
  --huawei-api <v1|nova>  huawei: native v1 batch API (default) or Nova-compatible v2.1
  --timeout <seconds>     give up waiting after this long (default 300)

${CONNECTION_HELP}
${OUTPUT_HELP}

${PROVIDER_ENV_HELP}`,

  async run(values, io) {
    const provider = providerOf(values, 'detach');
    const output = outputOf(values, 'detach');
    const serverId = requireValue(values, 'server', 'detach');
    const interfaceId = requireValue(values, 'interface', 'detach');
    const timeoutMs = timeoutOf(values, 'detach');
    const huaweiApi = huaweiApiOf(values, 'detach');
    const client = connect(provider, values, io);
    const progress = createProgress(io);
    try {
      const result = await detachInterface(client, {
        serverId,
        interfaceId,
        onProgress: progress.onProgress,
        ...(values.wait ? { wait: true } : {}),
        ...(values['delete-nic'] ? { deleteNic: true } : {}),
        ...(values['if-present'] ? { ifPresent: true } : {}),
        ...(huaweiApi ? { huaweiApi } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      });
      progress.done();
      if (output === 'json') printJson(io, result);
      else {
        const deleted = result.deleted ? ' (NIC deleted)' : '';
        io.stdout(
          `${result.outcome}: interface ${result.interfaceId} of server ${result.serverId}${deleted}\n`,
        );
      }
      return EXIT.ok;
    } finally {
      progress.done();
    }
  },
};
