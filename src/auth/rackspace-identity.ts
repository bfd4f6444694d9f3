/**
 * Rackspace Identity v2.0 token acquisition: the `createToken` body (API key or password, optional
 * tenant), reading the answer (`access.token.id`, `access.token.expires`), and choosing the Cloud
 * Servers v2 endpoint (`cloudServersOpenStack`, by region) from the service catalog. Pure except
 * {@link requestRackspaceToken}, which makes the spec's typed call through a client it is given.
 */
import type { Client } from 'openapi-fetch';
import type { components, paths } from '../../generated/rackspace.js';
import { operations } from '../../generated/rackspace.meta.js';
import { AuthError, ValidationError, type ValidationIssue } from '../core/errors.js';
import { Secret, type SecretLike } from '../core/redact.js';
import { assertCredentialSafeUrl } from '../core/secure-url.js';
import { parseTokenExpiry } from './keystone.js';
import type { IssuedToken } from './token-cache.js';

export type RackspaceTokenRequest = components['schemas']['CreateTokenRequest'];
export type RackspaceTokenResponse = components['schemas']['CreateTokenResponse'];
export type RackspaceCatalogService = components['schemas']['CatalogService'];

const provider = 'rackspace' as const;

/** Identity endpoints from the spec's `createToken` servers: the US one (default) and London's. */
export const RACKSPACE_IDENTITY_URL: string = operations.createToken.servers[0].url;
export const RACKSPACE_LONDON_IDENTITY_URL: string = operations.createToken.servers[1].url;

/** The catalog name of Cloud Servers v2 (the legacy v1.0 service is `cloudServers`). */
export const CLOUD_SERVERS_SERVICE_NAME = 'cloudServersOpenStack';

/** Rackspace credentials: a user name with an API key or a password, optionally a tenant. */
export type RackspaceCredentials = {
  username: string;
  /** Scope the token to this tenant (the account number). */
  tenantId?: string;
} & ({ apiKey: SecretLike; password?: never } | { password: SecretLike; apiKey?: never });

/** A Rackspace token and what the client needs from its answer. */
export interface RackspaceToken extends IssuedToken {
  readonly tenantId?: string;
  /** The user's default region (`RAX-AUTH:defaultRegion`), upper case, when given. */
  readonly defaultRegion?: string;
  readonly catalog: readonly RackspaceCatalogService[];
}

/** The secret values of a credentials object, for redaction. */
export function rackspaceCredentialSecrets(credentials: Record<string, unknown>): Secret[] {
  const out: Secret[] = [];
  for (const key of ['apiKey', 'password']) {
    const value = credentials[key];
    if (typeof value === 'string' || value instanceof Secret) out.push(Secret.from(value));
  }
  return out;
}

/** Checks an identity URL (https, or http to loopback) and removes a trailing slash. */
export function rackspaceIdentityUrl(identityUrl: string = RACKSPACE_IDENTITY_URL): string {
  const parsed = assertCredentialSafeUrl(identityUrl, 'identityUrl', { provider });
  if (parsed.search || parsed.hash) {
    throw new ValidationError({
      provider,
      issues: [{ path: 'identityUrl', message: 'must not have a query or fragment' }],
    });
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/**
 * Builds the `createToken` body: `RAX-KSKEY:apiKeyCredentials` for an API key, otherwise
 * `passwordCredentials`, plus `tenantId` when given. Refuses (ValidationError, nothing sent) both
 * or neither secret; the error never contains a credential value.
 */
export function rackspaceTokenRequest(credentials: RackspaceCredentials): RackspaceTokenRequest {
  const c = credentials as unknown as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const reveal = (v: unknown) => (v instanceof Secret ? v.reveal() : v);
  const apiKey = reveal(c.apiKey);
  const password = reveal(c.password);
  if (typeof c.username !== 'string' || c.username === '')
    issues.push({ path: 'username', message: 'is required' });
  if (apiKey !== undefined && password !== undefined)
    issues.push({ path: 'password', message: 'must not be given with apiKey' });
  const secret = apiKey ?? password;
  if (typeof secret !== 'string' || secret === '')
    issues.push({
      path: 'apiKey',
      message: 'or password is required (a non-empty string or Secret)',
    });
  if (c.tenantId !== undefined && (typeof c.tenantId !== 'string' || c.tenantId === ''))
    issues.push({ path: 'tenantId', message: 'must be a non-empty string' });
  if (issues.length) {
    throw new ValidationError({
      provider,
      operation: 'createToken',
      issues,
      secrets: rackspaceCredentialSecrets(c),
    });
  }
  const username = c.username as string;
  const tenant = c.tenantId === undefined ? {} : { tenantId: c.tenantId as string };
  const auth: components['schemas']['TokenAuth'] =
    apiKey !== undefined
      ? {
          'RAX-KSKEY:apiKeyCredentials': { username, apiKey: apiKey as string },
          ...tenant,
        }
      : { passwordCredentials: { username, password: password as string }, ...tenant };
  return { auth };
}

/** The token from a `createToken` answer (`access.token.id`, `expires`, tenant, catalog). */
export function parseRackspaceToken(
  body: RackspaceTokenResponse | undefined,
  status = 200,
): RackspaceToken {
  const id = body?.access?.token?.id;
  if (typeof id !== 'string' || id === '') {
    throw new AuthError({
      provider,
      operation: 'createToken',
      status,
      message: 'Rackspace Identity answered without access.token.id, so no token was issued',
    });
  }
  const access = body!.access;
  const out: { -readonly [K in keyof RackspaceToken]: RackspaceToken[K] } = {
    token: new Secret(id),
    expiresAt: parseTokenExpiry(access.token.expires),
    catalog: Array.isArray(access.serviceCatalog) ? access.serviceCatalog : [],
  };
  if (access.token.tenant?.id) out.tenantId = access.token.tenant.id;
  const region = access.user?.['RAX-AUTH:defaultRegion'];
  if (region) out.defaultRegion = region;
  return out;
}

/**
 * The Cloud Servers v2 `publicURL` for a region (case-insensitive): the catalog entry named
 * `cloudServersOpenStack`, never the legacy `cloudServers`. The error lists the regions offered.
 */
export function selectCloudServersEndpoint(
  catalog: readonly RackspaceCatalogService[],
  region: string,
): string {
  const service = catalog.find((s) => s.name === CLOUD_SERVERS_SERVICE_NAME);
  const fail = (message: string): never => {
    throw new ValidationError({
      provider,
      message: `rackspace: ${message}`,
      issues: [{ path: 'region', message }],
    });
  };
  if (!service) {
    const names = catalog.map((s) => s.name).sort();
    return fail(
      `the service catalog has no ${CLOUD_SERVERS_SERVICE_NAME} entry (services: ${
        names.join(', ') || 'none'
      })`,
    );
  }
  const wanted = region.toUpperCase();
  const match = service.endpoints.find((e) => e.region?.toUpperCase() === wanted);
  if (!match) {
    const regions = service.endpoints.map((e) => e.region ?? '(no region)').sort();
    return fail(
      `${CLOUD_SERVERS_SERVICE_NAME} has no endpoint in region ${wanted} (regions: ${
        regions.join(', ') || 'none'
      })`,
    );
  }
  return match.publicURL;
}

/**
 * Performs the spec's `createToken` (POST `{identityUrl}/tokens`) through a typed client built from
 * `generated/rackspace.ts` and returns the token. Error answers arrive as the client's typed errors.
 */
export async function requestRackspaceToken(
  client: Client<paths>,
  identityUrl: string,
  body: RackspaceTokenRequest,
): Promise<RackspaceToken> {
  const { data, response } = await client.POST('/tokens', { baseUrl: identityUrl, body });
  if (!response.ok) {
    throw new AuthError({
      provider,
      operation: 'createToken',
      status: response.status,
      message: `Rackspace Identity refused to issue a token (HTTP ${response.status})`,
    });
  }
  return parseRackspaceToken(data, response.status);
}
