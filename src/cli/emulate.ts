// `cloud-nic emulate`: local emulators of the providers' NIC APIs on 127.0.0.1, for trying the
// command and testing scripts without cloud accounts. It prints the URLs, the emulators' own
// generated test credentials (printing them is the point: they open nothing but these local
// servers) and the environment to export, then serves until SIGINT or SIGTERM.
import { PROVIDER_KEYS, type ProviderKey } from '../core/errors.js';
import { availableEmulators, startEmulator, type EmulatorHandle } from '../emulators/index.js';
import { OUTPUT_HELP, OUTPUT_OPTIONS, outputOf, stringValue, type Command } from './common.js';
import { ENDPOINT_ENV, RACKSPACE_AUTH_URL_ENV } from './env.js';
import { EXIT, UsageError } from './exit.js';
import { printJson } from './output.js';

type Json = Record<string, unknown>;

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** The environment that points `cloud-nic` (and the usual tools) at one emulator. */
export function emulatorEnvironment(
  provider: ProviderKey,
  handle: EmulatorHandle,
): Record<string, string> {
  const c = (handle.credentials ?? {}) as Json;
  const env: Record<string, string | undefined> = {};
  switch (provider) {
    case 'scp':
      env.SCP_ACCESS_KEY = str(c.accessKey);
      env.SCP_SECRET_KEY = str(c.secretKey);
      env[ENDPOINT_ENV.scp] = handle.url;
      break;
    case 'huawei':
      env.HUAWEICLOUD_SDK_AK = str(c.accessKey);
      env.HUAWEICLOUD_SDK_SK = str(c.secretKey);
      env.HUAWEICLOUD_SDK_PROJECT_ID = str(c.projectId);
      env[ENDPOINT_ENV.huawei] = handle.url;
      break;
    case 'katapult':
      env.KATAPULT_API_TOKEN = str(c.token);
      env[ENDPOINT_ENV.katapult] = handle.url;
      break;
    case 'openstack': {
      const login = (c.password ?? {}) as Json;
      const urls = handle as EmulatorHandle & { authUrl?: string };
      env.OS_AUTH_URL = urls.authUrl;
      env.OS_USERNAME = str(login.username);
      env.OS_PASSWORD = str(login.password);
      env.OS_USER_DOMAIN_NAME = str(login.userDomainName);
      env.OS_PROJECT_NAME = str(login.projectName);
      env.OS_PROJECT_DOMAIN_ID = str(login.projectDomainId);
      // The emulator's catalog has several regions: name the first.
      env.OS_REGION_NAME = 'RegionOne';
      break;
    }
    case 'rackspace': {
      const login = (c.apiKey ?? {}) as Json;
      const urls = handle as EmulatorHandle & { identityUrl?: string };
      env.RAX_USERNAME = str(login.username);
      env.RAX_API_KEY = str(login.apiKey);
      env.RAX_REGION = 'DFW';
      env[RACKSPACE_AUTH_URL_ENV] = urls.identityUrl;
      break;
    }
  }
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

/** Shell-safe single quoting. */
const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

export const emulateCommand: Command = {
  name: 'emulate',
  summary: 'run local emulators of the providers (loopback) until interrupted',
  options: {
    ...OUTPUT_OPTIONS,
    provider: { type: 'string', short: 'p' },
    port: { type: 'string' },
    seed: { type: 'string' },
  },
  help: `Usage: cloud-nic emulate [--provider all|<name>] [--port N] [--seed S]

Starts local emulators of the providers' NIC APIs on 127.0.0.1 and prints, for each, its URL,
its generated test credentials and the environment variables that point cloud-nic at it; then
serves until SIGINT (Ctrl-C) or SIGTERM and closes them. The emulators check signatures and
tokens, validate requests against the specs and keep state like the real services.

Options:
  -p, --provider <name>   all (default: every emulator this build has) or one provider
  --port <N>              listen on this port (with several emulators: N, N+1, ...); default: free ports
  --seed <S>              seed of the generated ids and credentials (same seed, same values)
${OUTPUT_HELP}`,

  async run(values, io) {
    const output = outputOf(values, 'emulate');
    const which = stringValue(values, 'provider') ?? 'all';
    const available = availableEmulators();
    let providers: ProviderKey[];
    if (which === 'all') providers = available;
    else if (!(PROVIDER_KEYS as readonly string[]).includes(which)) {
      throw new UsageError(
        `unknown provider '${which}' (all, ${PROVIDER_KEYS.join(', ')})`,
        'emulate',
      );
    } else if (!available.includes(which as ProviderKey)) {
      throw new UsageError(
        `no ${which} emulator in this build (available: ${available.join(', ')})`,
        'emulate',
      );
    } else providers = [which as ProviderKey];
    const portText = stringValue(values, 'port');
    const port = portText === undefined ? 0 : Number(portText);
    if (!Number.isInteger(port) || port < 0 || port + providers.length - 1 > 65535) {
      throw new UsageError(`--port must be a port number (got '${portText}')`, 'emulate');
    }
    const seed = stringValue(values, 'seed');

    const handles: [ProviderKey, EmulatorHandle][] = [];
    const closeAll = () => Promise.all(handles.map(([, h]) => h.close()));
    try {
      for (const [index, provider] of providers.entries()) {
        const handle = (await startEmulator(provider, {
          port: port === 0 ? 0 : port + index,
          ...(seed !== undefined ? { seed } : {}),
        })) as EmulatorHandle;
        handles.push([provider, handle]);
      }
    } catch (error) {
      await closeAll();
      throw error;
    }

    const report = handles.map(([provider, handle]) => ({
      provider,
      url: handle.url,
      credentials: handle.credentials,
      env: emulatorEnvironment(provider, handle),
      fixtures: handle.fixtures,
    }));
    if (output === 'json') printJson(io, { emulators: report });
    else {
      for (const entry of report) {
        io.stdout(`${entry.provider}: ${entry.url}\n`);
        io.stdout(`  credentials: ${JSON.stringify(entry.credentials)}\n`);
        for (const [name, value] of Object.entries(entry.env)) {
          io.stdout(`  export ${name}=${quote(value)}\n`);
        }
      }
      io.stdout('Serving until SIGINT (Ctrl-C) or SIGTERM.\n');
    }

    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await closeAll();
    if (output !== 'json') io.stderr('emulators closed\n');
    return EXIT.ok;
  },
};
