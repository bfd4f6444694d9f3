// Samsung Cloud Platform v2 Virtual Server client: the typed openapi-fetch client of specs/scp.yaml
// with HMAC request signing and per-operation API-version selection wired in.
import type { Client } from 'openapi-fetch';
import type { components, paths } from '../../generated/scp.js';
import {
  operations,
  requestBodyValidators,
  scpApiVersions,
  scpService,
  servers,
  type OperationId,
} from '../../generated/scp.meta.js';
import { requireAccessKey, requireHeaderValue } from '../auth/inputs.js';
import { errorFromResponse } from '../core/error-body.js';
import { ValidationError, type ValidationIssue } from '../core/errors.js';
import { Secret, type SecretLike } from '../core/redact.js';
import { assertCredentialSafeUrl } from '../core/secure-url.js';
import type { ScpVersionEntry, ScpVersionWarning } from '../versions/scp-versions.js';
import {
  createProviderClient,
  expandServerUrl,
  type CommonClientOptions,
  pickCommonOptions,
} from './client-kit.js';
import { createScpMiddleware, createScpVersionStore } from './scp-middleware.js';

export type { ScpVersionEntry, ScpVersionWarning } from '../versions/scp-versions.js';

export type ScpOperationId = OperationId;
/** The operations that carry `Scp-Api-Version` (all but the unsigned version document). */
export type ScpVersionedOperationId = Exclude<OperationId, 'listServiceVersions'>;
/** `Accept-Language` values the spec allows. */
export type ScpAcceptLanguage = components['parameters']['AcceptLanguage'];
/** Version lifecycle per operation, newest version first. */
export type ScpVersionTables = Readonly<
  Partial<Record<ScpVersionedOperationId, readonly ScpVersionEntry[]>>
>;

/** The operation whose answer is the service's version document. */
const DISCOVERY_OPERATION = 'listServiceVersions' satisfies OperationId;
const SERVICE = scpService ?? 'virtualserver';
const DEFAULT_ACCEPT_LANGUAGE: ScpAcceptLanguage = 'en-US';
/** How many recent signatures are kept (in memory only) to scrub them from errors. */
const RECENT_SIGNATURES = 32;

export interface ScpEndpointOptions {
  /** Region, e.g. `kr-west1` (the spec's default). */
  region?: string;
  /** Environment code `s`, `g` or `e` (the spec's default is `e`). */
  environment?: string;
}

/**
 * The Virtual Server base URL from the spec's server template,
 * `https://virtualserver.{region}.{environment}.samsungsdscloud.com`. Values outside the spec's
 * enums are a ValidationError.
 */
export function scpEndpoint(options: ScpEndpointOptions = {}): string {
  const server = servers[0];
  return expandServerUrl(
    server,
    { region: options.region, environment: options.environment },
    'scp',
  );
}

export interface ScpClientOptions extends CommonClientOptions, ScpEndpointOptions {
  /** Access key of an SCP v2 access-key pair (sent as `Scp-AccessKey` and signed). */
  accessKey: string | Secret;
  /** Secret key of the pair (the HMAC key; never sent). */
  secretKey: string | Secret;
  /** Sent as `Scp-AccountId` and signed; left out (and signed as empty) when not set. */
  accountId?: string;
  /** `Accept-Language` of every call (default `en-US`); a call's own header wins. */
  acceptLanguage?: ScpAcceptLanguage;
  /**
   * Pin the API version: one version for every operation (`'1.3'`), or per operationId
   * (`{ createServerInterface: '1.2' }`, unlisted operations use the CURRENT version). A pin the
   * lifecycle refuses (PLANNED, or DEPRECATED past its Not Before date) throws a VersionError
   * before anything is sent. A call may also pin itself with its own `Scp-Api-Version` header.
   */
  apiVersion?: string | Partial<Record<ScpVersionedOperationId, string>>;
  /** Told when a chosen version's Not Before date is near or past (once per version state). */
  onVersionWarning?: (warning: ScpVersionWarning) => void;
  /** How close a Not Before date must be to warn (default 90 days, SCP's own default). */
  warnWithinDays?: number;
}

/**
 * The SCP client: openapi-fetch's `Client` over the spec's paths, plus
 * - `provider`: always `'scp'`;
 * - `refreshVersions()`: reads the service's version document (`GET /`, unsigned), merges it into
 *   the version tables and resolves to the refreshed tables (an error answer throws its ApiError);
 * - `versionTables()`: a copy of the tables version selection currently uses.
 *
 * Any successful `GET /` through the client refreshes the tables the same way.
 */
export type ScpClient = Client<paths> & {
  readonly provider: 'scp';
  refreshVersions(): Promise<ScpVersionTables>;
  versionTables(): ScpVersionTables;
};

function credential(value: unknown, name: string, issues: ValidationIssue[]): Secret | undefined {
  if (value instanceof Secret) {
    if (value.isEmpty) issues.push({ path: name, message: 'must not be empty' });
    return value;
  }
  if (typeof value !== 'string' || value === '') {
    issues.push({ path: name, message: 'is required (a non-empty string or Secret)' });
    return undefined;
  }
  return new Secret(value);
}

function checkPins(apiVersion: ScpClientOptions['apiVersion'], issues: ValidationIssue[]): void {
  if (apiVersion === undefined) return;
  const versioned = Object.keys(scpApiVersions ?? {});
  const checkVersion = (path: string, version: unknown) => {
    if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) {
      issues.push({ path, message: 'must be a version like 1.3 (major.minor, no "v")' });
    }
  };
  if (typeof apiVersion === 'string') {
    checkVersion('apiVersion', apiVersion);
    return;
  }
  if (typeof apiVersion !== 'object' || apiVersion === null) {
    issues.push({
      path: 'apiVersion',
      message: 'must be a version or a map of operationId to version',
    });
    return;
  }
  for (const [operationId, version] of Object.entries(apiVersion)) {
    if (!versioned.includes(operationId)) {
      issues.push({
        path: `apiVersion.${operationId}`,
        message: `is not a versioned operation (known: ${versioned.join(', ')})`,
      });
    } else {
      checkVersion(`apiVersion.${operationId}`, version);
    }
  }
}

/** Creates the SCP Virtual Server client. Invalid options throw a ValidationError. */
export function createScpClient(options: ScpClientOptions): ScpClient {
  const {
    accessKey: rawAccessKey,
    secretKey: rawSecretKey,
    accountId,
    region,
    environment,
    acceptLanguage = DEFAULT_ACCEPT_LANGUAGE,
    apiVersion,
    onVersionWarning,
    warnWithinDays,
    ...common
  } = options;

  const issues: ValidationIssue[] = [];
  const accessKey = credential(rawAccessKey, 'accessKey', issues);
  const secretKey = credential(rawSecretKey, 'secretKey', issues);
  if (accessKey && !accessKey.isEmpty) {
    try {
      requireAccessKey(accessKey.reveal());
    } catch {
      issues.push({
        path: 'accessKey',
        message: 'must be printable ASCII without spaces or commas',
      });
    }
  }
  if (accountId !== undefined) {
    try {
      requireHeaderValue(accountId, 'accountId');
    } catch {
      issues.push({ path: 'accountId', message: 'must be a string without CR, LF or NUL' });
    }
  }
  if (typeof acceptLanguage !== 'string' || !/^[A-Za-z0-9*,;=.\- ]+$/.test(acceptLanguage)) {
    issues.push({ path: 'acceptLanguage', message: 'must be a language tag such as en-US' });
  }
  checkPins(apiVersion, issues);
  if (warnWithinDays !== undefined && !(Number.isFinite(warnWithinDays) && warnWithinDays >= 0)) {
    issues.push({ path: 'warnWithinDays', message: 'must be a non-negative number of days' });
  }
  const known: SecretLike[] = [accessKey, secretKey, accountId].filter(
    (s): s is Secret | string => s !== undefined && s !== '',
  );
  if (issues.length) throw new ValidationError({ provider: 'scp', issues, secrets: known });

  const recentSignatures: string[] = [];
  const secrets = (): readonly SecretLike[] => [...known, ...recentSignatures];
  const now = common.now ?? (() => new Date());
  const versions = createScpVersionStore(scpApiVersions ?? {});
  const baseUrl = common.endpoint ?? scpEndpoint({ region, environment });
  // The kit checks this too, but without the credentials to scrub from its message.
  assertCredentialSafeUrl(baseUrl, 'endpoint', { provider: 'scp', secrets: known });

  const client = createProviderClient<paths>({
    provider: 'scp',
    baseUrl,
    operations,
    validators: requestBodyValidators,
    options: pickCommonOptions(options),
    secrets,
    middleware: [
      createScpMiddleware({
        operations,
        discoveryOperationId: DISCOVERY_OPERATION,
        service: SERVICE,
        accessKey: accessKey!,
        secretKey: secretKey!,
        accountId,
        acceptLanguage,
        pinned: apiVersion as string | Readonly<Record<string, string>> | undefined,
        warnWithinDays,
        onVersionWarning,
        now,
        versions,
        onSigned(signature) {
          recentSignatures.push(signature);
          if (recentSignatures.length > RECENT_SIGNATURES) recentSignatures.shift();
        },
      }),
    ],
  });

  const versionTables = (): ScpVersionTables => versions.tables() as ScpVersionTables;

  async function refreshVersions(): Promise<ScpVersionTables> {
    const { error, response } = await client.GET('/');
    if (!response.ok) {
      // Only reached with throwOnError: false (otherwise the client already threw).
      throw errorFromResponse(
        {
          provider: 'scp',
          operation: DISCOVERY_OPERATION,
          method: 'GET',
          url: response.url || `${baseUrl.replace(/\/$/, '')}/`,
          secrets: secrets(),
          now: now().getTime(),
        },
        response,
        typeof error === 'string' ? error : JSON.stringify(error ?? ''),
      );
    }
    return versionTables();
  }

  return Object.defineProperties(client, {
    provider: { value: 'scp', enumerable: true },
    refreshVersions: { value: refreshVersions, enumerable: true },
    versionTables: { value: versionTables, enumerable: true },
  }) as ScpClient;
}
