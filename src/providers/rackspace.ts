/**
 * Rackspace Cloud Servers (`os-virtual-interfacesv2`) with Identity v2.0 tokens:
 * `createRackspaceClient(options)` returns the openapi-fetch client typed by
 * `generated/rackspace.ts`, with authentication, the catalog's Cloud Servers endpoint, retries
 * (413 with `Retry-After` is a rate limit: retried, also for POST) and timeouts wired in.
 *
 *     const servers = createRackspaceClient({ username: 'demo', apiKey, region: 'dfw' });
 *     const { data } = await servers.POST('/servers/{server_id}/os-virtual-interfacesv2', {
 *       params: { path: { server_id } },
 *       body: { virtual_interface: { network_id } },
 *     });
 */
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/rackspace.js';
import { operations, requestBodyValidators, servers } from '../../generated/rackspace.meta.js';
import {
  RACKSPACE_IDENTITY_URL,
  RACKSPACE_LONDON_IDENTITY_URL,
  rackspaceCredentialSecrets,
  rackspaceIdentityUrl,
  rackspaceTokenRequest,
  type RackspaceCredentials,
} from '../auth/rackspace-identity.js';
import { ValidationError } from '../core/errors.js';
import {
  createProviderClient,
  expandServerUrl,
  pickCommonOptions,
  type CommonClientOptions,
} from './client-kit.js';
import { createRackspaceMiddleware, createRackspaceSession } from './rackspace-middleware.js';

export {
  RACKSPACE_IDENTITY_URL,
  RACKSPACE_LONDON_IDENTITY_URL,
  type RackspaceCredentials,
} from '../auth/rackspace-identity.js';

const provider = 'rackspace' as const;

/** Rackspace regions, from the spec's server variable `region`. */
export type RackspaceRegion = (typeof servers)[0]['variables']['region']['enum'][number];
export const RACKSPACE_REGIONS: readonly RackspaceRegion[] = servers[0].variables.region.enum;

/** Options besides the credentials. */
export interface RackspaceConnectionOptions extends CommonClientOptions {
  /**
   * Cloud Servers base URL (`https://dfw.servers.api.rackspacecloud.com/v2/123456`); by default
   * the catalog's `cloudServersOpenStack` endpoint for `region`.
   */
  endpoint?: string;
  /** Region of the Cloud Servers endpoint; default: the user's default region from Identity. */
  region?: RackspaceRegion;
  /**
   * Identity v2.0 URL (default {@link RACKSPACE_IDENTITY_URL}, the US one; UK accounts use
   * {@link RACKSPACE_LONDON_IDENTITY_URL}).
   */
  identityUrl?: string;
  /** Renew a token this long before it expires (default 2 minutes). */
  tokenRefreshMarginMs?: number;
}

export type RackspaceClientOptions = RackspaceConnectionOptions & RackspaceCredentials;

/** The typed Cloud Servers client, plus `provider` (always `'rackspace'`). */
export type RackspaceClient = Client<paths> & { readonly provider: 'rackspace' };

/** Where requests go until the catalog is known; `.invalid` never resolves, so nothing leaks. */
const CATALOG_PLACEHOLDER = 'https://cloud-servers-from-identity-catalog.invalid';

/** A Cloud Servers base URL from the spec's server: `https://{region}.servers.../v2/{tenant_id}`. */
export function rackspaceEndpoint(values: { region: RackspaceRegion; tenantId: string }): string {
  return expandServerUrl(
    servers[0],
    { region: values.region, tenant_id: values.tenantId },
    provider,
  );
}

/** Creates the Rackspace Cloud Servers client (see the module comment for an example). */
export function createRackspaceClient(options: RackspaceClientOptions): RackspaceClient {
  const raw = options as unknown as RackspaceConnectionOptions & Record<string, unknown>;
  const common = pickCommonOptions(raw);
  const credentialSecrets = rackspaceCredentialSecrets(raw);
  if (
    raw.region !== undefined &&
    !(RACKSPACE_REGIONS as readonly string[]).includes(String(raw.region))
  ) {
    throw new ValidationError({
      provider,
      issues: [{ path: 'region', message: `must be one of ${RACKSPACE_REGIONS.join(', ')}` }],
    });
  }
  const identityUrl = rackspaceIdentityUrl(raw.identityUrl ?? RACKSPACE_IDENTITY_URL);
  const body = rackspaceTokenRequest(options);
  const baseUrl = raw.endpoint ?? CATALOG_PLACEHOLDER;

  // Token calls: the same spec and kit, without the session middleware.
  const plain = createProviderClient<paths>({
    provider,
    baseUrl: identityUrl,
    operations,
    validators: requestBodyValidators,
    options: { ...common, throwOnError: true },
    secrets: () => session.secrets(),
    middleware: [],
  });
  const session = createRackspaceSession({
    client: plain,
    identityUrl,
    body,
    ...(raw.region !== undefined ? { region: raw.region } : {}),
    ...(raw.endpoint !== undefined ? { endpoint: raw.endpoint } : {}),
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
      createRackspaceMiddleware({
        session,
        clientBaseUrl: baseUrl,
        rebase: raw.endpoint === undefined,
      }),
    ],
  });
  Object.defineProperty(client, 'provider', { value: provider, enumerable: true });
  return client as RackspaceClient;
}
