// Credentials and endpoints of each provider, from flags or from each ecosystem's usual
// environment variables (flags win). Secrets may be given as flags, but the environment is safer:
// flags show up in shell history and process lists.
import type { ProviderKey } from '../core/errors.js';
import type { NicClientOptionsMap } from '../nic/index.js';
import { UsageError } from './exit.js';

/** Flags that carry connection settings (all strings). */
export interface ConnectionFlags {
  endpoint?: string;
  'auth-url'?: string;
  region?: string;
  environment?: string;
  'access-key'?: string;
  'secret-key'?: string;
  'account-id'?: string;
  'project-id'?: string;
  'project-name'?: string;
  'security-token'?: string;
  username?: string;
  password?: string;
  'api-key'?: string;
  'user-domain-name'?: string;
  'project-domain-name'?: string;
  'os-interface'?: string;
  'application-credential-id'?: string;
  'application-credential-secret'?: string;
  token?: string;
}

/** The environment variable that can point the command at another endpoint (e.g. an emulator). */
export const ENDPOINT_ENV: Record<ProviderKey, string> = {
  scp: 'CLOUD_NIC_SCP_ENDPOINT',
  huawei: 'CLOUD_NIC_HUAWEI_ENDPOINT',
  openstack: 'CLOUD_NIC_OPENSTACK_ENDPOINT',
  rackspace: 'CLOUD_NIC_RACKSPACE_ENDPOINT',
  katapult: 'CLOUD_NIC_KATAPULT_ENDPOINT',
};

/** Rackspace has no usual variable for its identity URL; this one points it at an emulator. */
export const RACKSPACE_AUTH_URL_ENV = 'CLOUD_NIC_RACKSPACE_AUTH_URL';

/** The variables each provider reads, for help texts. */
export const PROVIDER_ENV_HELP = `Credentials (flags win over the environment; the environment is safer for secrets,
since flags end up in shell history and process lists):
  scp        SCP_ACCESS_KEY, SCP_SECRET_KEY, SCP_REGION, SCP_ENVIRONMENT, SCP_ACCOUNT_ID
             (--access-key, --secret-key, --region, --environment, --account-id)
  huawei     HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID,
             HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_REGION
             (--access-key, --secret-key, --project-id, --security-token, --region)
  openstack  OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME or OS_PROJECT_ID,
             OS_USER_DOMAIN_NAME, OS_PROJECT_DOMAIN_NAME (both default to Default; or the
             _DOMAIN_ID forms), OS_REGION_NAME,
             OS_INTERFACE, or OS_APPLICATION_CREDENTIAL_ID with OS_APPLICATION_CREDENTIAL_SECRET
             (--auth-url, --username, --password, --project-name, --project-id, --user-domain-name,
             --project-domain-name, --region, --os-interface, --application-credential-id,
             --application-credential-secret)
  rackspace  RAX_USERNAME (or OS_USERNAME), RAX_API_KEY, RAX_REGION
             (--username, --api-key or --password, --region, --auth-url for the identity URL)
  katapult   KATAPULT_API_TOKEN (--token)
Endpoints: --endpoint (or ${Object.values(ENDPOINT_ENV).join(', ')})
points a provider at another base URL, e.g. an emulator from 'cloud-nic emulate'.`;

const pick = (...values: (string | undefined)[]): string | undefined =>
  values.find((v) => v !== undefined && v !== '');

function missing(provider: ProviderKey, what: string[]): never {
  throw new UsageError(`missing ${provider} credentials: set ${what.join(', ')}`);
}

/** The client options of `provider` from flags and environment. */
export function clientOptionsFor<P extends ProviderKey>(
  provider: P,
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
): NicClientOptionsMap[P] {
  const endpoint = pick(flags.endpoint, env[ENDPOINT_ENV[provider]]);
  const withEndpoint = endpoint !== undefined ? { endpoint } : {};
  switch (provider) {
    case 'scp': {
      const accessKey = pick(flags['access-key'], env.SCP_ACCESS_KEY);
      const secretKey = pick(flags['secret-key'], env.SCP_SECRET_KEY);
      if (!accessKey || !secretKey) {
        missing(provider, ['SCP_ACCESS_KEY and SCP_SECRET_KEY (or --access-key and --secret-key)']);
      }
      const region = pick(flags.region, env.SCP_REGION);
      const environment = pick(flags.environment, env.SCP_ENVIRONMENT);
      const accountId = pick(flags['account-id'], env.SCP_ACCOUNT_ID);
      return {
        accessKey,
        secretKey,
        ...(region ? { region } : {}),
        ...(environment ? { environment } : {}),
        ...(accountId ? { accountId } : {}),
        ...withEndpoint,
      } satisfies NicClientOptionsMap['scp'] as NicClientOptionsMap[P];
    }
    case 'huawei': {
      const accessKey = pick(flags['access-key'], env.HUAWEICLOUD_SDK_AK);
      const secretKey = pick(flags['secret-key'], env.HUAWEICLOUD_SDK_SK);
      const projectId = pick(flags['project-id'], env.HUAWEICLOUD_SDK_PROJECT_ID);
      if (!accessKey || !secretKey || !projectId) {
        missing(provider, [
          'HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK and HUAWEICLOUD_SDK_PROJECT_ID (or --access-key, --secret-key, --project-id)',
        ]);
      }
      const region = pick(flags.region, env.HUAWEICLOUD_REGION);
      if (!region && !endpoint) {
        missing(provider, ['HUAWEICLOUD_REGION (or --region, or --endpoint)']);
      }
      const securityToken = pick(flags['security-token'], env.HUAWEICLOUD_SDK_SECURITY_TOKEN);
      return {
        accessKey,
        secretKey,
        projectId,
        ...(region ? { region } : {}),
        ...(securityToken ? { securityToken } : {}),
        ...withEndpoint,
      } satisfies NicClientOptionsMap['huawei'] as NicClientOptionsMap[P];
    }
    case 'openstack':
      return openstackOptions(flags, env, withEndpoint) as NicClientOptionsMap[P];
    case 'rackspace': {
      const username = pick(flags.username, env.RAX_USERNAME, env.OS_USERNAME);
      const apiKey = pick(flags['api-key'], env.RAX_API_KEY);
      const password = pick(flags.password);
      if (!username || (!apiKey && !password)) {
        missing(provider, [
          'RAX_USERNAME (or OS_USERNAME) and RAX_API_KEY (or --username, --api-key)',
        ]);
      }
      const region = pick(flags.region, env.RAX_REGION)?.toLowerCase();
      const identityUrl = pick(flags['auth-url'], env[RACKSPACE_AUTH_URL_ENV]);
      const secret = apiKey ? { apiKey } : { password: password! };
      return {
        username,
        ...secret,
        ...(region ? { region: region as NicClientOptionsMap['rackspace']['region'] } : {}),
        ...(identityUrl ? { identityUrl } : {}),
        ...withEndpoint,
      } as NicClientOptionsMap[P];
    }
    case 'katapult': {
      const token = pick(flags.token, env.KATAPULT_API_TOKEN);
      if (!token) missing(provider, ['KATAPULT_API_TOKEN (or --token)']);
      return {
        token,
        ...withEndpoint,
      } satisfies NicClientOptionsMap['katapult'] as NicClientOptionsMap[P];
    }
    default:
      throw new UsageError(`unknown provider ${String(provider)}`);
  }
}

function openstackOptions(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
  withEndpoint: { endpoint?: string },
): NicClientOptionsMap['openstack'] {
  const authUrl = pick(flags['auth-url'], env.OS_AUTH_URL);
  if (!authUrl) missing('openstack', ['OS_AUTH_URL (or --auth-url)']);
  const region = pick(flags.region, env.OS_REGION_NAME);
  // `publicURL`-style values (Keystone v2 habits) name the same interfaces.
  const iface = pick(flags['os-interface'], env.OS_INTERFACE)?.replace(/URL$/, '');
  const connection = {
    authUrl,
    ...(region ? { region } : {}),
    ...(iface ? { interface: iface as 'public' | 'internal' | 'admin' } : {}),
    ...withEndpoint,
  };
  const appId = pick(flags['application-credential-id'], env.OS_APPLICATION_CREDENTIAL_ID);
  const appSecret = pick(
    flags['application-credential-secret'],
    env.OS_APPLICATION_CREDENTIAL_SECRET,
  );
  if (appId || appSecret) {
    if (!appId || !appSecret) {
      missing('openstack', [
        'both OS_APPLICATION_CREDENTIAL_ID and OS_APPLICATION_CREDENTIAL_SECRET',
      ]);
    }
    return {
      ...connection,
      applicationCredentialId: appId,
      applicationCredentialSecret: appSecret,
    };
  }
  const username = pick(flags.username, env.OS_USERNAME);
  const password = pick(flags.password, env.OS_PASSWORD);
  if (!username || !password) {
    missing('openstack', [
      'OS_USERNAME and OS_PASSWORD (or --username, --password), or an application credential',
    ]);
  }
  // Domains by name (default `Default`, as devstack and most openrc files) or by ID.
  const userDomainName = pick(flags['user-domain-name'], env.OS_USER_DOMAIN_NAME);
  const userDomainId = userDomainName ? undefined : pick(env.OS_USER_DOMAIN_ID);
  const userDomain = userDomainId
    ? { userDomainId }
    : { userDomainName: userDomainName ?? 'Default' };
  const projectId = pick(flags['project-id'], env.OS_PROJECT_ID);
  const projectName = pick(flags['project-name'], env.OS_PROJECT_NAME);
  const projectDomainName = pick(flags['project-domain-name'], env.OS_PROJECT_DOMAIN_NAME);
  const projectDomainId = projectDomainName ? undefined : pick(env.OS_PROJECT_DOMAIN_ID);
  const project = projectId
    ? { projectId }
    : projectName
      ? projectDomainId
        ? { projectName, projectDomainId }
        : { projectName, projectDomainName: projectDomainName ?? 'Default' }
      : {};
  return { ...connection, username, ...userDomain, password, ...project };
}
