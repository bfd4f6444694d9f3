// Huawei Cloud ECS client: the spec's operations (native v1 NIC calls with job polling, the
// discarded Nova-compatible v2.1 calls and version discovery), AK/SK-signed, with the compute
// microversion of the v2.1 calls chosen as configured.
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/huawei.js';
import * as meta from '../../generated/huawei.meta.js';
import { requireAccessKey } from '../auth/inputs.js';
import { ValidationError, VersionError } from '../core/errors.js';
import { Secret } from '../core/redact.js';
import { compareMicroversions, isMicroversion } from '../versions/microversions.js';
import {
  createProviderClient,
  expandServerUrl,
  type CommonClientOptions,
  type WithManagedHeaders,
  pickCommonOptions,
} from './client-kit.js';
import {
  clearHuaweiVersionCache,
  createHuaweiMiddleware,
  signHuaweiRequest,
  type HuaweiCredentials,
  type HuaweiMicroversionMode,
} from './huawei-middleware.js';

export { clearHuaweiVersionCache, createHuaweiMiddleware, signHuaweiRequest };
export type { HuaweiCredentials, HuaweiMicroversionMode };

const PROVIDER = 'huawei' as const;

/** Headers the spec requires or offers that the client sets itself on every signed call. */
export type HuaweiManagedHeader = 'X-Sdk-Date' | 'X-Project-Id' | 'X-Security-Token';

/**
 * The spec's paths with the signing headers made optional: the client sets `X-Sdk-Date` (from its
 * clock), `X-Project-Id` (its `projectId`) and `X-Security-Token` (its `securityToken`) on every
 * signed call, replacing any value passed per call.
 */
export type HuaweiPaths = WithManagedHeaders<paths, HuaweiManagedHeader>;

export interface HuaweiClientOptions extends CommonClientOptions {
  /** Access key ID (AK). Kept out of every error; plain strings are wrapped in a `Secret`. */
  accessKey: string | Secret;
  /** Secret access key (SK): the HMAC key of every signature. */
  secretKey: string | Secret;
  /** Security token of a temporary AK/SK pair: sent and signed as `X-Security-Token`. */
  securityToken?: string | Secret;
  /**
   * IAM project ID of the region. Sent (and signed) as `X-Project-Id`, like Huawei's SDKs do; the
   * `project_id` path parameter of every call must be the same (`client.projectId`).
   */
  projectId: string;
  /** Region ID such as `cn-north-4`: the endpoint is the spec's `https://ecs.{region}...`. */
  region?: string;
  /**
   * Compute microversion of the Nova-compatible `/v2.1/` calls (the v1 calls have none):
   * - absent (default): no microversion header, so the service uses 2.1, which is all Huawei
   *   documents for NICs;
   * - `'negotiate'`: read the unsigned version document (`GET /`, cached per endpoint) and use the
   *   highest microversion both the endpoint and this library's spec support; a 406 is
   *   renegotiated once;
   * - `'2.X'`: always this one (it must lie in the spec's range, `huaweiMicroversionRange`).
   * Either way both `X-OpenStack-Nova-API-Version` and `OpenStack-API-Version` are sent.
   */
  microversion?: 'negotiate' | string;
}

/**
 * The typed openapi-fetch client of Huawei ECS, plus:
 * - `provider`: always `'huawei'`;
 * - `baseUrl`: the endpoint the calls go to;
 * - `projectId`: the project the client signs for, to pass as the `project_id` path parameter.
 */
export type HuaweiClient = Client<HuaweiPaths> & {
  readonly provider: 'huawei';
  readonly baseUrl: string;
  readonly projectId: string;
};

/** The compute microversion range this library's spec describes (`x-openstack-microversions`). */
export const huaweiMicroversionRange = meta.microversions;

/**
 * The ECS endpoint of a region, from the spec's server template
 * (`https://ecs.{region}.myhuaweicloud.com`; the spec's default region when none is given).
 */
export function huaweiEndpoint(region?: string): string {
  const server = meta.servers[0];
  return expandServerUrl(server, { region }, PROVIDER);
}

/** The `pattern` of a path parameter in the spec (derived into the metadata). */
function specParameterPattern(name: string): RegExp | undefined {
  const pattern = meta.pathParameterPatterns[name];
  return pattern === undefined ? undefined : new RegExp(pattern);
}

function invalid(path: string, message: string): never {
  throw new ValidationError({ provider: PROVIDER, issues: [{ path, message }] });
}

function secretOption(value: unknown, path: string, optional = false): Secret | undefined {
  if (value === undefined && optional) return undefined;
  if (!(value instanceof Secret) && typeof value !== 'string') {
    invalid(path, 'must be a string or a Secret');
  }
  const secret = Secret.from(value as string | Secret);
  if (secret.isEmpty) invalid(path, 'must not be empty');
  if (/[\r\n\0]/.test(secret.reveal())) invalid(path, 'must not contain CR, LF or NUL');
  return secret;
}

function microversionMode(value: unknown): HuaweiMicroversionMode {
  if (value === undefined) return { kind: 'none' };
  if (value === 'negotiate') return { kind: 'negotiate' };
  if (typeof value !== 'string' || !isMicroversion(value)) {
    invalid('microversion', "must be 'negotiate' or a compute microversion such as '2.1'");
  }
  const range = meta.microversions;
  if (!range) {
    throw new VersionError({
      provider: PROVIDER,
      requested: value,
      usable: [],
      reason: 'the spec describes no compute microversions',
    });
  }
  if (compareMicroversions(value, range.min) < 0 || compareMicroversions(value, range.max) > 0) {
    throw new VersionError({
      provider: PROVIDER,
      requested: value,
      usable: [],
      minimum: range.min,
      maximum: range.max,
      reason: `outside the range this library's spec describes; use 'negotiate' to pick the highest both sides support`,
    });
  }
  return { kind: 'fixed', version: value };
}

/**
 * Creates the Huawei ECS client: every call the spec marks authenticated is signed with
 * `SDK-HMAC-SHA256` (see `huawei-middleware.ts`), request bodies are validated against the spec
 * before anything is sent, error responses become `ApiError`/`AuthError`/`VersionError`, and
 * retries and timeouts come from the shared resilient fetch.
 *
 * Option problems throw a `ValidationError` (a fixed microversion outside the spec's range a
 * `VersionError`) and nothing is sent. Either `region` or `endpoint` is required: the project ID
 * belongs to one region, so no default region is assumed.
 */
export function createHuaweiClient(options: HuaweiClientOptions): HuaweiClient {
  if (typeof options !== 'object' || options === null) {
    invalid('options', 'must be an object');
  }
  const accessKey = secretOption(options.accessKey, 'accessKey')!;
  try {
    requireAccessKey(accessKey.reveal());
  } catch {
    invalid('accessKey', 'must be printable ASCII without spaces or commas');
  }
  const secretKey = secretOption(options.secretKey, 'secretKey')!;
  const securityToken = secretOption(options.securityToken, 'securityToken', true);

  const projectPattern = specParameterPattern('project_id');
  if (typeof options.projectId !== 'string' || options.projectId === '') {
    invalid('projectId', 'is required');
  }
  if (projectPattern && !projectPattern.test(options.projectId)) {
    invalid('projectId', `must match ${projectPattern.source}`);
  }
  if (options.endpoint === undefined && options.region === undefined) {
    invalid('region', 'is required (or give endpoint)');
  }
  const microversion = microversionMode(options.microversion);
  const baseUrl = (options.endpoint ?? huaweiEndpoint(options.region)).replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());

  const credentials: HuaweiCredentials = {
    accessKey,
    secretKey,
    projectId: options.projectId,
    ...(securityToken ? { securityToken } : {}),
  };
  const secrets = () =>
    securityToken ? [accessKey, secretKey, securityToken] : [accessKey, secretKey];

  const client = createProviderClient<HuaweiPaths>({
    provider: PROVIDER,
    baseUrl,
    operations: meta.operations,
    validators: meta.requestBodyValidators,
    options: pickCommonOptions(options),
    secrets,
    middleware: [
      createHuaweiMiddleware({
        credentials,
        operations: meta.operations,
        baseUrl,
        microversion,
        clientRange: meta.microversions,
        requestMicroversionFields: meta.requestMicroversionFields,
        now,
        secrets,
      }),
    ],
  });

  return Object.defineProperties(client, {
    provider: { value: PROVIDER, enumerable: true },
    baseUrl: { value: baseUrl, enumerable: true },
    projectId: { value: options.projectId, enumerable: true },
  }) as HuaweiClient;
}
