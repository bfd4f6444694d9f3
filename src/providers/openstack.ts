/**
 * OpenStack Nova (`os-interface`) with Keystone v3 tokens: `createOpenStackClient(options)` returns
 * the openapi-fetch client typed by `generated/openstack.ts`, with authentication, the catalog's
 * compute endpoint, microversion negotiation, retries and timeouts wired in.
 *
 *     const nova = createOpenStackClient({
 *       authUrl: 'https://keystone.example.com:5000/v3',
 *       username: 'demo', userDomainName: 'Default', password,
 *       projectName: 'demo', projectDomainName: 'Default',
 *       region: 'RegionOne',
 *     });
 *     const { data } = await nova.GET('/servers/{server_id}/os-interface', {
 *       params: { path: { server_id } },
 *     });
 */
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/openstack.js';
import {
  microversions,
  operations,
  requestBodyValidators,
  servers,
} from '../../generated/openstack.meta.js';
import {
  keystoneAuthUrl,
  keystoneCredentialSecrets,
  keystoneTokenRequest,
  type KeystoneApplicationCredentials,
  type KeystoneCredentials,
  type KeystoneInterface,
  type KeystonePasswordCredentials,
} from '../auth/keystone.js';
import { ValidationError, VersionError, type ValidationIssue } from '../core/errors.js';
import { Secret, type SecretLike } from '../core/redact.js';
import { compareMicroversions, isMicroversion } from '../versions/microversions.js';
import {
  createProviderClient,
  expandServerUrl,
  pickCommonOptions,
  type CommonClientOptions,
  type ServerTemplate,
} from './client-kit.js';
import { createOpenStackMiddleware, createOpenStackSession } from './openstack-middleware.js';

export type {
  KeystoneApplicationCredentials,
  KeystoneCredentials,
  KeystoneInterface,
  KeystonePasswordCredentials,
} from '../auth/keystone.js';

const provider = 'openstack' as const;

/** The compute microversion range this library's spec describes (`x-openstack-microversions`). */
export const OPENSTACK_MICROVERSIONS = {
  min: microversions!.min,
  max: microversions!.max,
} as const;

/** Options besides the credentials. */
export interface OpenStackConnectionOptions extends CommonClientOptions {
  /**
   * Compute base URL (e.g. `https://nova.example.com:8774/v2.1`); by default the catalog's
   * compute endpoint is used. Required with a ready `token`.
   */
  endpoint?: string;
  /** Region ID of the compute endpoint in the catalog; needed when there are several regions. */
  region?: string;
  /** Catalog endpoint interface (default `public`). */
  interface?: KeystoneInterface;
  /**
   * `negotiate` (default): the highest microversion both the server (its version document) and
   * the spec support. Or a fixed `2.X` within the spec's range.
   */
  microversion?: 'negotiate' | `${number}.${number}`;
  /** Renew a token this long before it expires (default 2 minutes). */
  tokenRefreshMarginMs?: number;
}

/** A token obtained elsewhere, used until compute rejects it (it cannot be renewed). */
export type OpenStackReadyToken = {
  token: SecretLike;
  /** The compute base URL the token is for. */
  endpoint: string;
  authUrl?: never;
  password?: never;
  applicationCredentialSecret?: never;
};

/** Keystone password or application credentials, or a ready token with its endpoint. */
export type OpenStackCredentials = KeystoneCredentials | OpenStackReadyToken;

export type OpenStackClientOptions = OpenStackConnectionOptions & OpenStackCredentials;

/**
 * The typed Nova client, plus:
 * - `provider`: always `'openstack'`;
 * - `microversion()`: resolves to the microversion calls are made at (negotiating when needed);
 * - `computeEndpoint()`: resolves to the compute base URL (authenticating when needed).
 * The token itself is never exposed.
 */
export type OpenStackClient = Client<paths> & {
  readonly provider: 'openstack';
  microversion(): Promise<string>;
  computeEndpoint(): Promise<string>;
};

/** Where requests go until the catalog is known; `.invalid` never resolves, so nothing leaks. */
const CATALOG_PLACEHOLDER = 'https://compute-from-keystone-catalog.invalid';

/**
 * A compute base URL from the spec's servers: `https://{computeHost}/v2.1`, or with
 * `/{projectId}` when a project ID is given. `computeHost` is the host, optional port and path
 * prefix (`nova.example.com:8774`, `cloud.example.com/compute`).
 */
export function openstackEndpoint(values: { computeHost: string; projectId?: string }): string {
  const host = values.computeHost;
  let parsed: URL | undefined;
  try {
    parsed = new URL(`https://${host}`);
  } catch {
    parsed = undefined;
  }
  if (
    !parsed ||
    !host ||
    parsed.username ||
    parsed.password ||
    parsed.search ||
    parsed.hash ||
    /[\s?#@\\]/.test(host)
  ) {
    throw new ValidationError({
      provider,
      issues: [{ path: 'computeHost', message: 'must be a host, optional :port and path prefix' }],
    });
  }
  // The host part may hold ':' and '/', which expandServerUrl refuses in a variable: put it in
  // the template first, then expand the remaining variables (projectId) the usual way.
  const server: ServerTemplate = values.projectId === undefined ? servers[0] : servers[1];
  const { computeHost: _host, ...variables } = server.variables;
  const cleanHost = `${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
  return expandServerUrl(
    { url: server.url.replace('{computeHost}', cleanHost), variables },
    { projectId: values.projectId },
    provider,
  );
}

function checkMicroversionOption(value: unknown): string {
  if (value === undefined || value === 'negotiate') return 'negotiate';
  if (typeof value !== 'string' || !isMicroversion(value)) {
    throw new ValidationError({
      provider,
      issues: [{ path: 'microversion', message: "must be 'negotiate' or a version like '2.70'" }],
    });
  }
  const { min, max } = OPENSTACK_MICROVERSIONS;
  if (compareMicroversions(value, min) < 0 || compareMicroversions(value, max) > 0) {
    throw new VersionError({
      provider,
      requested: value,
      usable: [],
      minimum: min,
      maximum: max,
      reason: 'outside the microversion range the spec describes',
    });
  }
  return value;
}

/** Creates the OpenStack Nova client (see the module comment for an example). */
export function createOpenStackClient(options: OpenStackClientOptions): OpenStackClient {
  const raw = options as unknown as OpenStackConnectionOptions & Record<string, unknown>;
  const common = pickCommonOptions(raw);
  const microversion = checkMicroversionOption(raw.microversion);
  const credentialSecrets = keystoneCredentialSecrets(raw);
  const issues: ValidationIssue[] = [];

  let token: Secret | undefined;
  let identity: { authUrl: string; body: ReturnType<typeof keystoneTokenRequest> } | undefined;
  if (raw.token !== undefined) {
    for (const key of ['authUrl', 'password', 'applicationCredentialSecret'])
      if (raw[key] !== undefined)
        issues.push({ path: key, message: 'must not be given with a ready token' });
    if (!(typeof raw.token === 'string' || raw.token instanceof Secret) || String(raw.token) === '')
      issues.push({ path: 'token', message: 'must be a non-empty string or Secret' });
    if (raw.endpoint === undefined)
      issues.push({ path: 'endpoint', message: 'is required with a ready token' });
    if (!issues.length) token = Secret.from(raw.token as SecretLike);
  } else if (typeof raw.authUrl !== 'string' || raw.authUrl === '') {
    issues.push({
      path: 'authUrl',
      message: 'is required (Keystone v3 URL), unless a ready token and endpoint are given',
    });
  } else {
    identity = {
      authUrl: keystoneAuthUrl(raw.authUrl),
      body: keystoneTokenRequest(raw as unknown as KeystoneCredentials),
    };
  }
  if (token && token.isEmpty)
    issues.push({ path: 'token', message: 'must be a non-empty string or Secret' });
  if (issues.length) throw new ValidationError({ provider, issues, secrets: credentialSecrets });

  const baseUrl = raw.endpoint ?? CATALOG_PLACEHOLDER;
  // Token and version-document calls: the same spec and kit, without the session middleware.
  const plain = createProviderClient<paths>({
    provider,
    baseUrl: identity?.authUrl ?? baseUrl,
    operations,
    validators: requestBodyValidators,
    options: { ...common, throwOnError: true },
    secrets: () => session.secrets(),
    middleware: [],
  });
  const session = createOpenStackSession({
    ...(identity
      ? {
          identity: {
            client: plain,
            authUrl: identity.authUrl,
            body: identity.body,
            selection: {
              ...(raw.interface !== undefined ? { interface: raw.interface } : {}),
              ...(raw.region !== undefined ? { region: raw.region } : {}),
            },
          },
        }
      : {}),
    ...(token ? { token } : {}),
    ...(raw.endpoint !== undefined ? { endpoint: raw.endpoint } : {}),
    microversion,
    specRange: OPENSTACK_MICROVERSIONS,
    versionClient: plain,
    credentialSecrets,
    ...(common.now ? { now: common.now } : {}),
    ...(raw.tokenRefreshMarginMs !== undefined
      ? { refreshMarginMs: raw.tokenRefreshMarginMs }
      : {}),
  });

  const client = createProviderClient<paths>({
    provider,
    baseUrl,
    operations,
    validators: requestBodyValidators,
    options: common,
    secrets: () => session.secrets(),
    middleware: [
      createOpenStackMiddleware({
        session,
        clientBaseUrl: baseUrl,
        rebase: raw.endpoint === undefined,
        ...(common.now ? { now: common.now } : {}),
      }),
    ],
  });

  Object.defineProperty(client, 'provider', { value: provider, enumerable: true });
  return Object.assign(client, {
    microversion: async () => session.microversion(await session.endpoint()),
    computeEndpoint: () => session.endpoint(),
  }) as OpenStackClient;
}
