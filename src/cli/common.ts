// What every command shares: its description, argument parsing (node:util parseArgs, strict),
// the connection flags, `--output`, `--timeout`, and building the provider's client.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PROVIDER_KEYS, type ProviderKey } from '../core/errors.js';
import { createNicClient, type NicClient } from '../nic/index.js';
import { clientOptionsFor, type ConnectionFlags } from './env.js';
import { UsageError } from './exit.js';
import type { CliIo, OutputFormat } from './output.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

/** One sub-command: its help text and what it does. */
export interface Command {
  name: string;
  /** One line for `cloud-nic --help`. */
  summary: string;
  /** Full text of `cloud-nic <name> --help`. */
  help: string;
  options: OptionSpec;
  run(values: ParsedValues, io: CliIo): Promise<number>;
}

export const HELP_OPTION: OptionSpec = { help: { type: 'boolean', short: 'h' } };

export const OUTPUT_OPTIONS: OptionSpec = {
  output: { type: 'string', short: 'o' },
};

/** Flags that choose the provider and how to reach it. */
export const CONNECTION_OPTIONS: OptionSpec = {
  provider: { type: 'string', short: 'p' },
  endpoint: { type: 'string' },
  'auth-url': { type: 'string' },
  region: { type: 'string' },
  environment: { type: 'string' },
  'access-key': { type: 'string' },
  'secret-key': { type: 'string' },
  'account-id': { type: 'string' },
  'project-id': { type: 'string' },
  'project-name': { type: 'string' },
  'security-token': { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  'api-key': { type: 'string' },
  'user-domain-name': { type: 'string' },
  'project-domain-name': { type: 'string' },
  'os-interface': { type: 'string' },
  'application-credential-id': { type: 'string' },
  'application-credential-secret': { type: 'string' },
  token: { type: 'string' },
};

export const CONNECTION_HELP = `Connection:
  -p, --provider <name>   scp, huawei, openstack, rackspace or katapult (required)
  --endpoint <url>        API base URL instead of the provider's (e.g. an emulator)
  --auth-url <url>        OpenStack Keystone URL, Rackspace identity URL
  --region, --environment, --access-key, --secret-key, --account-id, --project-id,
  --project-name, --security-token, --username, --password, --api-key, --user-domain-name,
  --project-domain-name, --os-interface, --application-credential-id,
  --application-credential-secret, --token
                          credentials as flags (the environment variables below are safer)`;

export const OUTPUT_HELP = `Output:
  -o, --output <format>   table (default) or json (one JSON document on stdout, for scripts)
  -h, --help              this help`;

/** Parses one command's arguments; mistakes become a UsageError naming the command. */
export function parseCommand(command: Command, argv: string[]): ParsedValues {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { ...command.options, ...HELP_OPTION },
      strict: true,
      allowPositionals: false,
    });
    return values as ParsedValues;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\s+/g, ' ').trim(), command.name);
  }
}

export function stringValue(values: ParsedValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A required string flag (`--server` ...). */
export function requireValue(values: ParsedValues, name: string, command: string): string {
  const value = stringValue(values, name);
  if (value === undefined || value.trim() === '') {
    throw new UsageError(`--${name} is required`, command);
  }
  return value;
}

export function providerOf(values: ParsedValues, command: string): ProviderKey {
  const provider = stringValue(values, 'provider');
  if (provider === undefined) {
    throw new UsageError(`--provider is required (one of ${PROVIDER_KEYS.join(', ')})`, command);
  }
  if (!(PROVIDER_KEYS as readonly string[]).includes(provider)) {
    throw new UsageError(
      `unknown provider '${provider}' (one of ${PROVIDER_KEYS.join(', ')})`,
      command,
    );
  }
  return provider as ProviderKey;
}

export function outputOf(values: ParsedValues, command: string): OutputFormat {
  const output = stringValue(values, 'output') ?? 'table';
  if (output !== 'table' && output !== 'json') {
    throw new UsageError(`--output must be table or json (got '${output}')`, command);
  }
  return output;
}

/** `--timeout <seconds>` as milliseconds, or undefined. */
export function timeoutOf(values: ParsedValues, command: string): number | undefined {
  const raw = stringValue(values, 'timeout');
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(seconds)) {
    throw new UsageError(`--timeout must be a number of seconds (got '${raw}')`, command);
  }
  return Math.round(seconds * 1000);
}

export const TIMEOUT_OPTION: OptionSpec = { timeout: { type: 'string' } };

/** The provider's client from flags and environment. */
export function connect(provider: ProviderKey, values: ParsedValues, io: CliIo): NicClient {
  const flags: ConnectionFlags = {};
  for (const name of Object.keys(CONNECTION_OPTIONS)) {
    const value = stringValue(values, name);
    if (value !== undefined && name !== 'provider') {
      (flags as Record<string, string>)[name] = value;
    }
  }
  return createNicClient(provider, clientOptionsFor(provider, flags, io.env) as never);
}

/** Huawei's `--huawei-api v1|nova`, refused for other providers by the NIC API itself. */
export function huaweiApiOf(values: ParsedValues, command: string): 'v1' | 'nova' | undefined {
  const api = stringValue(values, 'huawei-api');
  if (api === undefined) return undefined;
  if (api !== 'v1' && api !== 'nova') {
    throw new UsageError(`--huawei-api must be v1 or nova (got '${api}')`, command);
  }
  return api;
}
