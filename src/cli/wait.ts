// `cloud-nic wait`: wait until an interface is active, detached or gone.
import { waitForInterface, type WaitTarget } from '../nic/index.js';
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
import { EXIT, UsageError } from './exit.js';
import { createProgress, interfaceDetails, printJson } from './output.js';

const TARGETS: readonly WaitTarget[] = ['active', 'detached', 'gone'];

export const waitCommand: Command = {
  name: 'wait',
  summary: 'wait until an interface is active, detached or gone',
  options: {
    ...CONNECTION_OPTIONS,
    ...OUTPUT_OPTIONS,
    ...TIMEOUT_OPTION,
    server: { type: 'string', short: 's' },
    interface: { type: 'string', short: 'i' },
    until: { type: 'string', short: 'u' },
    'huawei-api': { type: 'string' },
  },
  help: `Usage: cloud-nic wait --provider <name> --server <id> --interface <id> [--until active] [options]

Polls the interface with exponential backoff until it reaches the target. A wait that fails (the
provider reports an error state, the interface disappears) or times out exits with 8 and says
why, with the last state seen.

Options:
  -s, --server <id>       the server (Katapult: virtual machine ID) (required)
  -i, --interface <id>    the interface (required)
  -u, --until <target>    active (default), detached (a detached Katapult NIC, or gone) or gone
  --timeout <seconds>     give up after this long (default 300)
  --huawei-api <v1|nova>  huawei: which API to read (default v1)

${CONNECTION_HELP}
${OUTPUT_HELP}

${PROVIDER_ENV_HELP}`,

  async run(values, io) {
    const provider = providerOf(values, 'wait');
    const output = outputOf(values, 'wait');
    const serverId = requireValue(values, 'server', 'wait');
    const interfaceId = requireValue(values, 'interface', 'wait');
    const until = (stringValue(values, 'until') ?? 'active') as WaitTarget;
    if (!TARGETS.includes(until)) {
      throw new UsageError(`--until must be one of ${TARGETS.join(', ')} (got '${until}')`, 'wait');
    }
    const timeoutMs = timeoutOf(values, 'wait');
    const huaweiApi = huaweiApiOf(values, 'wait');
    const client = connect(provider, values, io);
    const progress = createProgress(io);
    try {
      const result = await waitForInterface(client, {
        serverId,
        interfaceId,
        until,
        onProgress: progress.onProgress,
        ...(huaweiApi ? { huaweiApi } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      });
      progress.done();
      if (output === 'json') printJson(io, result);
      else {
        io.stdout(
          `reached: interface ${interfaceId} is ${until} (${result.polls} poll${result.polls === 1 ? '' : 's'}, ${result.elapsedMs} ms)\n`,
        );
        if (result.interface) io.stdout(interfaceDetails(result.interface));
      }
      return EXIT.ok;
    } finally {
      progress.done();
    }
  },
};
