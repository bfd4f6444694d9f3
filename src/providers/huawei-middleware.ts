// openapi-fetch middleware of the Huawei ECS client: AK/SK request signing (`SDK-HMAC-SHA256`)
// and the compute microversion of the Nova-compatible v2.1 calls (none, fixed or negotiated from
// the unsigned version document, with one renegotiation after a 406).
import type { Middleware } from 'openapi-fetch';
import { formatSdkDate, signHuawei } from '../auth/huawei-signature.js';
import { errorFromResponse, parseProviderError } from '../core/error-body.js';
import { ResponseBodyError, ValidationError, VersionError } from '../core/errors.js';
import type { Secret, SecretLike } from '../core/redact.js';
import {
  carryRequestOptions,
  knownBodyText,
  requestBodyAsSent,
  setRequestContext,
  TextBodyRequest,
} from '../core/request-options.js';
import { assertCredentialSafeUrl } from '../core/secure-url.js';
import {
  assertFieldsAllowed,
  microversionHeaders,
  negotiateMicroversion,
  rangeFromNotAcceptable,
  rangeFromVersionDocument,
  type ComputeVersionDocument,
  type MicroversionRange,
} from '../versions/microversions.js';
import { createOperationLookup, type OperationInfo } from './client-kit.js';
import { normalizeBaseUrl } from './request-rewrite.js';

const PROVIDER = 'huawei' as const;

/** The headers the client signs besides `host` and `x-sdk-date` (names as sent). */
const CONTENT_TYPE = 'Content-Type';
const PROJECT_ID = 'X-Project-Id';
const SDK_DATE = 'X-Sdk-Date';
const SECURITY_TOKEN = 'X-Security-Token';
/**
 * Content-Type of requests without a body. Huawei's SDKs declare `application/json` for every
 * call (GET included) and the signed header set always names `content-type`, so it is always sent.
 */
const DEFAULT_CONTENT_TYPE = 'application/json';

export interface HuaweiCredentials {
  accessKey: Secret;
  secretKey: Secret;
  /** Security token of a temporary AK/SK pair. */
  securityToken?: Secret;
  /** Sent (and signed) as `X-Project-Id`; calls must use the same `project_id` in their path. */
  projectId: string;
}

/** How the v2.1 calls choose their compute microversion. */
export type HuaweiMicroversionMode =
  { kind: 'none' } | { kind: 'fixed'; version: string } | { kind: 'negotiate' };

/** An operation of the spec as the generated meta describes it. */
export interface HuaweiOperationInfo extends OperationInfo {
  /** Header parameters the spec declares (the v2.1 calls list the microversion headers). */
  readonly headerParameters: readonly string[];
}

export interface HuaweiMiddlewareConfig {
  credentials: HuaweiCredentials;
  operations: Readonly<Record<string, HuaweiOperationInfo>>;
  /** Base URL of the client; the version document is `GET {baseUrl}/` (cached per base URL). */
  baseUrl: string;
  microversion: HuaweiMicroversionMode;
  /**
   * The range this library's spec describes and its header names (generated meta
   * `microversions`); null when the spec has none, and then no call carries a microversion.
   */
  clientRange: (MicroversionRange & { service: string; headers: readonly string[] }) | null;
  /** Request fields that need a minimum microversion, per operationId (generated meta). */
  requestMicroversionFields?: Readonly<
    Partial<Record<string, readonly { pointer: string; min: string }[]>>
  >;
  /** Signing clock. */
  now: () => Date;
  secrets: () => readonly SecretLike[];
}

/**
 * Signs `request` in place: sets `X-Project-Id`, `X-Sdk-Date` (from `date`), `X-Security-Token`
 * when the credentials are temporary, a `Content-Type` when none is set, and the `Authorization`
 * over `content-type;host;x-project-id;x-sdk-date` (plus `x-security-token`), the exact body bytes,
 * the host the URL names and the path and query of `request.url`. Returns the signed header list.
 */
export async function signHuaweiRequest(
  request: Request,
  body: string | Uint8Array | undefined,
  credentials: HuaweiCredentials,
  date: Date,
): Promise<string> {
  const headers = request.headers;
  if (!headers.has(CONTENT_TYPE)) headers.set(CONTENT_TYPE, DEFAULT_CONTENT_TYPE);
  headers.set(PROJECT_ID, credentials.projectId);
  headers.delete(SECURITY_TOKEN);
  if (credentials.securityToken) headers.set(SECURITY_TOKEN, credentials.securityToken.reveal());
  const sdkDate = formatSdkDate(date);
  headers.set(SDK_DATE, sdkDate);
  const signed: Record<string, string> = {
    [CONTENT_TYPE]: headers.get(CONTENT_TYPE)!,
    [PROJECT_ID]: credentials.projectId,
  };
  if (credentials.securityToken) signed[SECURITY_TOKEN] = credentials.securityToken.reveal();
  const signature = await signHuawei({
    method: request.method,
    url: request.url,
    headers: signed,
    body,
    accessKey: credentials.accessKey.reveal(),
    secretKey: credentials.secretKey.reveal(),
    date: sdkDate,
  });
  headers.set('Authorization', signature.authorization);
  return signature.signedHeaders;
}

// Version documents per endpoint, shared by every client of this module (`GET /` is unsigned,
// so its answer does not depend on the credentials).
const versionCache = new Map<string, Promise<MicroversionRange | null>>();

/** Forgets the cached version documents (of one endpoint, or all): the next call fetches again. */
export function clearHuaweiVersionCache(baseUrl?: string): void {
  if (baseUrl === undefined) versionCache.clear();
  else versionCache.delete(baseUrl);
}

type FetchFn = (input: Request, init?: RequestInit) => Promise<Response>;

/** Fetches and parses the unsigned version document `GET {baseUrl}/`. */
async function fetchVersionRange(
  config: HuaweiMiddlewareConfig,
  fetch: FetchFn,
  origin: Request,
  baseUrl: string,
): Promise<MicroversionRange | null> {
  const operation = 'listComputeVersions';
  const url = `${baseUrl.replace(/\/+$/, '')}/`;
  const request = setRequestContext(
    carryRequestOptions(
      origin,
      new Request(url, {
        method: 'GET',
        headers: { Accept: 'application/json' },
        signal: origin.signal,
      }),
    ),
    { provider: PROVIDER, operation },
  );
  const response = await fetch(request);
  const text = await response.text();
  const context = {
    provider: PROVIDER,
    operation,
    method: 'GET',
    url,
    secrets: config.secrets(),
  };
  if (!response.ok) {
    throw errorFromResponse({ ...context, now: config.now().getTime() }, response, text);
  }
  let document: ComputeVersionDocument;
  try {
    document = JSON.parse(text) as ComputeVersionDocument;
  } catch {
    throw new ResponseBodyError({
      ...context,
      status: response.status,
      reason: 'invalid-json',
      contentType: response.headers.get('content-type') ?? undefined,
      bytesReceived: new TextEncoder().encode(text).byteLength,
      attempts: 1,
    });
  }
  return typeof document === 'object' && document !== null
    ? rangeFromVersionDocument(document)
    : null;
}

interface CallState {
  operation: OperationInfo;
  /** The microversion sent, or null when none was. */
  version: string | null;
  /** True when this client chose the version (not a header the caller passed). */
  managed: boolean;
  /** The endpoint of the call and the cache entry the version came from (negotiate mode). */
  baseUrl: string;
  cacheEntry?: Promise<MicroversionRange | null>;
  body: string | Uint8Array | undefined;
}

/**
 * The Huawei middleware. On the way out, for every operation the spec marks authenticated: checks
 * that the path's `project_id` is the client's, sets the microversion headers of v2.1 calls and
 * signs. Unauthenticated operations (version discovery) pass untouched. On the way back, a 406 to
 * a v2.1 call sent with a microversion this client chose is renegotiated once in negotiate mode
 * (version document fetched again, version chosen again, request re-signed and resent through
 * `options.fetch`); any other 406 to a microversioned call, or a second one, is a VersionError.
 */
export function createHuaweiMiddleware(config: HuaweiMiddlewareConfig): Middleware {
  const lookup = createOperationLookup(config.operations);
  const clientRange = config.clientRange;
  const versionHeaders = clientRange?.headers ?? [];
  const versionHeaderNames = new Set(versionHeaders.map((h) => h.toLowerCase()));
  const calls = new WeakMap<Request, CallState>();
  const clientBase = normalizeBaseUrl(config.baseUrl);

  // The v2.1 calls are the authenticated operations that declare a microversion header (found
  // once here, not on every call).
  const microversioned = new Set(
    Object.values(config.operations)
      .filter(
        (op) =>
          op.authenticated &&
          op.headerParameters.some((h) => versionHeaderNames.has(h.toLowerCase())),
      )
      .map((op) => op.operationId),
  );

  const errorContext = (request: Request, operation: OperationInfo) => ({
    provider: PROVIDER,
    operation: operation.operationId,
    method: request.method,
    url: request.url,
    secrets: config.secrets(),
  });

  /** The cached (or a fresh) version document promise of an endpoint. */
  const rangeEntry = (
    fetch: FetchFn,
    origin: Request,
    baseUrl: string,
  ): Promise<MicroversionRange | null> => {
    let entry = versionCache.get(baseUrl);
    if (!entry) {
      entry = fetchVersionRange(config, fetch, origin, baseUrl);
      versionCache.set(baseUrl, entry);
      // A failed discovery is not cached: the next call tries again.
      entry.catch(() => {
        if (versionCache.get(baseUrl) === entry) versionCache.delete(baseUrl);
      });
    }
    return entry;
  };

  /** The microversion of a v2.1 call to `baseUrl` (the client's, or a per-call override). */
  const chooseVersion = async (
    fetch: FetchFn,
    origin: Request,
    operation: OperationInfo,
    baseUrl: string,
  ): Promise<{ version: string | null; entry?: Promise<MicroversionRange | null> }> => {
    const mode = config.microversion;
    if (mode.kind === 'none' || clientRange === null) return { version: null };
    if (mode.kind === 'fixed') return { version: mode.version };
    const entry = rangeEntry(fetch, origin, baseUrl);
    const server = await entry;
    // An endpoint that advertises no microversions serves its base version without a header.
    if (server === null) return { version: null, entry };
    try {
      return { version: negotiateMicroversion(clientRange, server, PROVIDER), entry };
    } catch (error) {
      if (!(error instanceof VersionError)) throw error;
      throw new VersionError({
        ...errorContext(origin, operation),
        requested: `${clientRange.min}-${clientRange.max}`,
        usable: [],
        minimum: server.min,
        maximum: server.max,
        reason: `the endpoint offers compute microversions ${server.min} to ${server.max}, this client ${clientRange.min} to ${clientRange.max}; nothing was sent`,
      });
    }
  };

  const setVersionHeaders = (request: Request, version: string | null) => {
    for (const name of versionHeaders) request.headers.delete(name);
    if (version === null || clientRange === null) return;
    const values = microversionHeaders(version, clientRange.service);
    for (const [name, value] of Object.entries(values)) {
      if (versionHeaderNames.has(name.toLowerCase())) request.headers.set(name, value);
    }
  };

  const versionRefused = async (
    request: Request,
    response: Response,
    state: CallState,
    renegotiated: boolean,
  ): Promise<VersionError> => {
    const text = await response.clone().text();
    const context = errorContext(request, state.operation);
    const built = errorFromResponse({ ...context, now: config.now().getTime() }, response, text);
    if (built instanceof VersionError && !renegotiated) return built;
    const parsed = parseProviderError({
      status: response.status,
      headers: response.headers,
      bodyText: text,
      provider: PROVIDER,
      secrets: context.secrets,
    });
    const range = rangeFromNotAcceptable(parsed.message);
    return new VersionError({
      ...context,
      requested: state.version ?? 'none',
      usable: [],
      minimum: range?.min,
      maximum: range?.max,
      status: response.status,
      code: parsed.code,
      requestId: parsed.requestId,
      reason: renegotiated
        ? `refused again after renegotiating the microversion: ${parsed.message}`
        : parsed.message,
    });
  };

  return {
    async onRequest({ request, schemaPath, params, options }) {
      const operation = lookup(request.method, schemaPath);
      // Unauthenticated operations are never signed and get no credential headers.
      if (operation && !operation.authenticated) return undefined;

      const pathProject = (params as { path?: Record<string, unknown> } | undefined)?.path
        ?.project_id;
      if (pathProject !== undefined && pathProject !== config.credentials.projectId) {
        throw new ValidationError({
          provider: PROVIDER,
          operation: operation?.operationId,
          method: request.method,
          url: request.url,
          secrets: config.secrets(),
          issues: [
            {
              path: 'params.path.project_id',
              message: `must be the client's projectId (${config.credentials.projectId}), which is also sent as X-Project-Id`,
            },
          ],
        });
      }

      // A per-call `baseUrl` bypasses the check the client made on its endpoint.
      if (normalizeBaseUrl(options.baseUrl) !== clientBase) {
        assertCredentialSafeUrl(request.url, 'baseUrl', {
          provider: PROVIDER,
          operation: operation?.operationId,
          method: request.method,
          secrets: config.secrets(),
        });
      }

      // The text the request remembers, without a turn of the event loop when it has one.
      const body = knownBodyText(request) ?? (await requestBodyAsSent(request)) ?? undefined;
      if (operation && microversioned.has(operation.operationId)) {
        const callerChose = versionHeaders.some((h) => request.headers.has(h));
        const baseUrl = options.baseUrl || config.baseUrl;
        const state: CallState = {
          operation,
          version: null,
          managed: !callerChose,
          body,
          baseUrl,
        };
        if (callerChose) {
          state.version = versionHeaders.map((h) => request.headers.get(h)).find(Boolean) ?? null;
        } else {
          const fetch = options.fetch as FetchFn;
          const chosen = await chooseVersion(fetch, request, operation, baseUrl);
          state.version = chosen.version;
          state.cacheEntry = chosen.entry;
          setVersionHeaders(request, chosen.version);
          const fields = config.requestMicroversionFields?.[operation.operationId];
          if (fields?.length) {
            const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
            const parsed: unknown = text ? JSON.parse(text) : undefined;
            assertFieldsAllowed(fields, parsed, chosen.version, {
              provider: PROVIDER,
              operation: operation.operationId,
            });
          }
        }
        if (state.version !== null) calls.set(request, state);
      }

      await signHuaweiRequest(request, body, config.credentials, config.now());
      return undefined;
    },

    async onResponse({ request, response, options }) {
      if (response.status !== 406) return undefined;
      const state = calls.get(request);
      if (!state) return undefined;
      if (!state.managed || config.microversion.kind !== 'negotiate') {
        throw await versionRefused(request, response, state, false);
      }

      // Renegotiate once: the cached document may be stale (the region was upgraded or rolled
      // back), so fetch it again, choose again and resend the same call, re-signed.
      const fetch = options.fetch as FetchFn;
      if (state.cacheEntry && versionCache.get(state.baseUrl) === state.cacheEntry) {
        versionCache.delete(state.baseUrl);
      }
      const chosen = await chooseVersion(fetch, request, state.operation, state.baseUrl);
      const headers = new Headers(request.headers);
      const retry = carryRequestOptions(
        request,
        new TextBodyRequest(request.url, {
          method: request.method,
          headers,
          body: state.body as BodyInit | undefined,
          signal: request.signal,
          redirect: request.redirect,
        }),
      );
      setVersionHeaders(retry, chosen.version);
      await signHuaweiRequest(retry, state.body, config.credentials, config.now());
      const second = await fetch(retry);
      if (second.status === 406 && chosen.version !== null) {
        throw await versionRefused(
          retry,
          second,
          { ...state, version: chosen.version, cacheEntry: chosen.entry },
          true,
        );
      }
      return second;
    },
  };
}
