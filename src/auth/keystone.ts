/**
 * Keystone v3 token acquisition for OpenStack compute: the token request body (password or
 * application credential), reading the answer (token in `X-Subject-Token`, expiry and catalog in
 * the body), choosing the compute endpoint from the catalog, and the compute version root used for
 * microversion discovery. Everything here is pure except {@link requestKeystoneToken}, which makes
 * the spec's typed `createToken` call through a client it is given.
 */
import type { Client } from 'openapi-fetch';
import type { components, paths } from '../../generated/openstack.js';
import { AuthError, ValidationError, type ValidationIssue } from '../core/errors.js';
import { Secret, type SecretLike } from '../core/redact.js';
import { assertCredentialSafeUrl } from '../core/secure-url.js';
import type { IssuedToken } from './token-cache.js';

export type KeystoneTokenRequest = components['schemas']['TokenRequest'];
export type KeystoneTokenResponse = components['schemas']['TokenResponse'];
export type KeystoneCatalogEntry = components['schemas']['CatalogEntry'];
export type KeystoneInterface = components['schemas']['CatalogEndpoint']['interface'];

// The user, by ID or by name within a domain (each form forbids the others' keys).
type UserById = { userId: string; username?: never; userDomainId?: never; userDomainName?: never };
type UserByName = { userId?: never; username: string } & (
  | { userDomainId: string; userDomainName?: never }
  | { userDomainName: string; userDomainId?: never }
);
/** A Keystone user: `userId`, or `username` with `userDomainId` or `userDomainName`. */
export type KeystoneUser = UserById | UserByName;

type NoProject = {
  projectId?: never;
  projectName?: never;
  projectDomainId?: never;
  projectDomainName?: never;
};
/**
 * The project to scope a password token to: `projectId`, or `projectName` with its domain. Leave
 * all out to get the user's default project (Keystone's choice).
 */
export type KeystoneProject =
  | NoProject
  | { projectId: string; projectName?: never; projectDomainId?: never; projectDomainName?: never }
  | ({ projectId?: never; projectName: string } & (
      | { projectDomainId: string; projectDomainName?: never }
      | { projectDomainName: string; projectDomainId?: never }
    ));

type NoApplicationCredential = {
  applicationCredentialId?: never;
  applicationCredentialName?: never;
  applicationCredentialSecret?: never;
};

/** Password authentication (method `password`), optionally scoped to a project. */
export type KeystonePasswordCredentials = {
  /** Keystone's URL, e.g. `https://keystone.example.com:5000/v3` (`/v3` is added when missing). */
  authUrl: string;
  password: SecretLike;
  token?: never;
} & KeystoneUser &
  KeystoneProject &
  NoApplicationCredential;

/** Application-credential authentication: by ID, or by name plus the owning user. No scope. */
export type KeystoneApplicationCredentials = {
  authUrl: string;
  applicationCredentialSecret: SecretLike;
  password?: never;
  token?: never;
} & NoProject &
  (
    | ({ applicationCredentialId: string; applicationCredentialName?: never } & {
        userId?: never;
        username?: never;
        userDomainId?: never;
        userDomainName?: never;
      })
    | ({ applicationCredentialName: string; applicationCredentialId?: never } & KeystoneUser)
  );

export type KeystoneCredentials = KeystonePasswordCredentials | KeystoneApplicationCredentials;

/** A Keystone token and what the client needs from its answer. */
export interface KeystoneToken extends IssuedToken {
  /** The project the token is scoped to, when it is project-scoped. */
  readonly projectId?: string;
  /** The service catalog (empty for an unscoped token). */
  readonly catalog: readonly KeystoneCatalogEntry[];
}

const provider = 'openstack' as const;

type Loose = Record<string, unknown>;

function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** The secret credential values of a credentials object, for redaction. */
export function keystoneCredentialSecrets(credentials: Loose): Secret[] {
  const out: Secret[] = [];
  for (const key of ['password', 'applicationCredentialSecret', 'token']) {
    const value = credentials[key];
    if (typeof value === 'string' || value instanceof Secret) out.push(Secret.from(value));
  }
  return out;
}

/**
 * Normalises Keystone's URL to the v3 root the spec's `createToken` server describes
 * (`https://{identityHost}/v3`) and checks it may receive credentials (https, or http to loopback).
 */
export function keystoneAuthUrl(authUrl: string): string {
  const parsed = assertCredentialSafeUrl(authUrl, 'authUrl', { provider });
  if (parsed.search || parsed.hash) {
    throw new ValidationError({
      provider,
      issues: [{ path: 'authUrl', message: 'must not have a query or fragment' }],
    });
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  if (/\/v2(\.0)?$/.test(path)) {
    throw new ValidationError({
      provider,
      issues: [
        { path: 'authUrl', message: 'points at Keystone v2.0; cloud-nic needs Keystone v3' },
      ],
    });
  }
  const v3 = /\/v3$/.test(path) ? path : `${path}/v3`;
  return `${parsed.origin}${v3}`;
}

function userReference(c: Loose, issues: ValidationIssue[], where: string) {
  if (given(c.userId)) {
    for (const key of ['username', 'userDomainId', 'userDomainName'])
      if (given(c[key])) issues.push({ path: key, message: 'must not be given with userId' });
    return { id: String(c.userId) };
  }
  if (!given(c.username)) {
    issues.push({ path: 'userId', message: `or username is required ${where}` });
    return undefined;
  }
  if (given(c.userDomainId) && given(c.userDomainName)) {
    issues.push({ path: 'userDomainName', message: 'must not be given with userDomainId' });
  }
  if (!given(c.userDomainId) && !given(c.userDomainName)) {
    issues.push({ path: 'userDomainName', message: 'or userDomainId is required with username' });
  }
  const domain = given(c.userDomainId)
    ? { id: String(c.userDomainId) }
    : { name: String(c.userDomainName) };
  return { name: String(c.username), domain };
}

function secretValue(value: unknown, path: string, issues: ValidationIssue[]): string {
  const text = value instanceof Secret ? value.reveal() : value;
  if (typeof text !== 'string' || text === '') {
    issues.push({ path, message: 'is required (a non-empty string or Secret)' });
    return '';
  }
  return text;
}

/**
 * Builds the `createToken` body for password or application-credential authentication. Refuses
 * (ValidationError, nothing sent) a mix of methods or incomplete user/project references; the
 * error never contains a credential value.
 */
export function keystoneTokenRequest(credentials: KeystoneCredentials): KeystoneTokenRequest {
  const c = credentials as unknown as Loose;
  const issues: ValidationIssue[] = [];
  const appCred = ['applicationCredentialId', 'applicationCredentialName'].some((k) => given(c[k]));
  const fail = () => {
    throw new ValidationError({
      provider,
      operation: 'createToken',
      issues,
      secrets: keystoneCredentialSecrets(c),
    });
  };

  if (appCred || given(c.applicationCredentialSecret)) {
    if (given(c.password))
      issues.push({
        path: 'password',
        message: 'must not be given with an application credential',
      });
    for (const key of ['projectId', 'projectName', 'projectDomainId', 'projectDomainName']) {
      if (given(c[key]))
        issues.push({
          path: key,
          message: 'must not be given: an application credential is bound to its project',
        });
    }
    const secret = secretValue(
      c.applicationCredentialSecret,
      'applicationCredentialSecret',
      issues,
    );
    let credential: components['schemas']['ApplicationCredential'] | undefined;
    if (given(c.applicationCredentialId)) {
      if (given(c.applicationCredentialName))
        issues.push({
          path: 'applicationCredentialName',
          message: 'must not be given with applicationCredentialId',
        });
      for (const key of ['userId', 'username', 'userDomainId', 'userDomainName'])
        if (given(c[key]))
          issues.push({ path: key, message: 'is only used with applicationCredentialName' });
      credential = { id: String(c.applicationCredentialId), secret };
    } else if (given(c.applicationCredentialName)) {
      const user = userReference(c, issues, 'with applicationCredentialName');
      if (user) credential = { name: String(c.applicationCredentialName), secret, user };
    } else {
      issues.push({
        path: 'applicationCredentialId',
        message: 'or applicationCredentialName is required with applicationCredentialSecret',
      });
    }
    if (issues.length || !credential) fail();
    return {
      auth: {
        identity: { methods: ['application_credential'], application_credential: credential! },
      },
    };
  }

  const password = secretValue(c.password, 'password', issues);
  const user = userReference(c, issues, 'for password authentication');
  let scope: components['schemas']['ProjectScope'] | undefined;
  if (given(c.projectId)) {
    for (const key of ['projectName', 'projectDomainId', 'projectDomainName'])
      if (given(c[key])) issues.push({ path: key, message: 'must not be given with projectId' });
    scope = { project: { id: String(c.projectId) } };
  } else if (given(c.projectName)) {
    if (given(c.projectDomainId) && given(c.projectDomainName))
      issues.push({ path: 'projectDomainName', message: 'must not be given with projectDomainId' });
    if (!given(c.projectDomainId) && !given(c.projectDomainName))
      issues.push({
        path: 'projectDomainName',
        message: 'or projectDomainId is required with projectName',
      });
    const domain = given(c.projectDomainId)
      ? { id: String(c.projectDomainId) }
      : { name: String(c.projectDomainName) };
    scope = { project: { name: String(c.projectName), domain } };
  } else if (given(c.projectDomainId) || given(c.projectDomainName)) {
    issues.push({ path: 'projectName', message: 'is required with a project domain' });
  }
  if (issues.length || !user) fail();
  const userWithPassword = { ...user!, password } as components['schemas']['PasswordUser'];
  const auth: components['schemas']['PasswordAuth'] = {
    identity: { methods: ['password'], password: { user: userWithPassword } },
  };
  if (scope) auth.scope = scope;
  return { auth };
}

/** Reads a Keystone/Rackspace timestamp (`2026-01-01T00:00:00.000000Z`); null when unreadable. */
export function parseTokenExpiry(value: unknown): Date | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/**
 * The token from a `createToken` answer: the `X-Subject-Token` header, `expires_at`, the catalog
 * and the project. A missing header or body is an {@link AuthError}.
 */
export function parseKeystoneToken(
  subjectToken: string | null,
  body: KeystoneTokenResponse | undefined,
  status = 201,
): KeystoneToken {
  if (!subjectToken) {
    throw new AuthError({
      provider,
      operation: 'createToken',
      status,
      message: 'Keystone answered without an X-Subject-Token header, so no token was issued',
    });
  }
  const token = new Secret(subjectToken);
  if (!body || typeof body !== 'object' || !body.token) {
    throw new AuthError({
      provider,
      operation: 'createToken',
      status,
      message: 'Keystone answered without a token description in the body',
      secrets: [token],
    });
  }
  const out: { -readonly [K in keyof KeystoneToken]: KeystoneToken[K] } = {
    token,
    expiresAt: parseTokenExpiry(body.token.expires_at),
    catalog: Array.isArray(body.token.catalog) ? body.token.catalog : [],
  };
  const issuedAt = parseTokenExpiry(body.token.issued_at);
  if (out.expiresAt && issuedAt) out.lifetimeMs = out.expiresAt.getTime() - issuedAt.getTime();
  if (body.token.project?.id) out.projectId = body.token.project.id;
  return out;
}

export interface ComputeEndpointSelection {
  /** Endpoint interface (default `public`). */
  interface?: KeystoneInterface;
  /** Region ID (`region_id`, or the older `region`); needed when the catalog has several. */
  region?: string;
}

/**
 * The compute URL from a Keystone catalog: service `type: compute`, then the endpoint with the
 * wanted interface and region. The error lists what the catalog offers when nothing matches.
 */
export function selectComputeEndpoint(
  catalog: readonly KeystoneCatalogEntry[],
  selection: ComputeEndpointSelection = {},
): string {
  const wanted = selection.interface ?? 'public';
  const region = selection.region;
  const fail = (message: string, path = 'region'): never => {
    throw new ValidationError({
      provider,
      message: `openstack: ${message}`,
      issues: [{ path, message }],
    });
  };
  if (catalog.length === 0) {
    fail(
      'the Keystone token has no service catalog (an unscoped token?): give projectId or projectName',
      'projectId',
    );
  }
  const compute = catalog.filter((entry) => entry.type === 'compute');
  if (compute.length === 0) {
    const types = [...new Set(catalog.map((e) => e.type))].sort().join(', ');
    fail(`the Keystone catalog has no compute service (service types: ${types || 'none'})`, 'type');
  }
  const endpoints = compute.flatMap((entry) => entry.endpoints ?? []);
  const regionOf = (e: (typeof endpoints)[number]) => e.region_id ?? e.region ?? undefined;
  const describe = endpoints
    .map((e) => `${e.interface}/${regionOf(e) ?? '(no region)'}`)
    .sort()
    .join(', ');
  const byInterface = endpoints.filter((e) => e.interface === wanted);
  const matches =
    region === undefined ? byInterface : byInterface.filter((e) => regionOf(e) === region);
  const urls = [...new Set(matches.map((e) => e.url))];
  if (urls.length === 1) return urls[0]!;
  if (urls.length === 0) {
    return fail(
      `no compute endpoint with interface ${wanted}${
        region === undefined ? '' : ` in region ${region}`
      } in the Keystone catalog; it has: ${describe || 'no compute endpoints'}`,
      region === undefined ? 'interface' : 'region',
    );
  }
  const regions = [...new Set(matches.map((e) => regionOf(e) ?? '(no region)'))].sort();
  return fail(
    `the Keystone catalog has several ${wanted} compute endpoints (regions: ${regions.join(
      ', ',
    )}): choose one with the region option`,
  );
}

/**
 * The unversioned compute root that serves the version document (`GET /`), from a catalog URL:
 * `https://host:8774/v2.1/<project>` -> `https://host:8774/`, `https://host/compute/v2.1` ->
 * `https://host/compute/`. A URL without a version segment is returned as the root itself.
 */
export function computeVersionRoot(endpoint: string): string {
  const url = new URL(endpoint);
  const segments = url.pathname.split('/');
  let cut = -1;
  for (let i = segments.length - 1; i >= 0; i--) {
    if (/^v2(\.\d+)?$/.test(segments[i] ?? '')) {
      cut = i;
      break;
    }
  }
  const kept = cut === -1 ? segments : segments.slice(0, cut);
  const path = `${kept.join('/').replace(/\/+$/, '')}/`;
  return `${url.origin}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * Performs the spec's `createToken` (POST `{authUrl}/auth/tokens`) through a typed client built
 * from `generated/openstack.ts` and returns the token. `authUrl` must be the v3 root (see
 * {@link keystoneAuthUrl}). Error answers arrive as the client's typed errors (AuthError for 401).
 */
export async function requestKeystoneToken(
  client: Client<paths>,
  authUrl: string,
  body: KeystoneTokenRequest,
): Promise<KeystoneToken> {
  const { data, response } = await client.POST('/auth/tokens', { baseUrl: authUrl, body });
  if (!response.ok) {
    throw new AuthError({
      provider,
      operation: 'createToken',
      status: response.status,
      message: `Keystone refused to issue a token (HTTP ${response.status})`,
    });
  }
  return parseKeystoneToken(response.headers.get('X-Subject-Token'), data, response.status);
}
