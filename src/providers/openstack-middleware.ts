/**
 * The OpenStack session and its openapi-fetch middleware: Keystone token reuse and renewal, the
 * compute endpoint from the catalog (requests are moved onto it), microversion negotiation, and
 * one re-authentication (401) or re-negotiation (406) per call, resent through the client's fetch.
 */
import type { Client, Middleware } from 'openapi-fetch';
import type { paths } from '../../generated/openstack.js';
import {
  operations,
  requestMicroversionFields,
  type OperationId,
} from '../../generated/openstack.meta.js';
import {
  computeVersionRoot,
  requestKeystoneToken,
  selectComputeEndpoint,
  type ComputeEndpointSelection,
  type KeystoneTokenRequest,
} from '../auth/keystone.js';
import { createTokenCache, type IssuedToken } from '../auth/token-cache.js';
import { errorFromResponse } from '../core/error-body.js';
import { ApiError, VersionError } from '../core/errors.js';
import type { Secret } from '../core/redact.js';
import { requestBodyText } from '../core/request-options.js';
import { assertCredentialSafeUrl } from '../core/secure-url.js';
import {
  assertFieldsAllowed,
  microversionHeaders,
  microversionOfResponse,
  negotiateMicroversion,
  rangeFromVersionDocument,
  type MicroversionRange,
} from '../versions/microversions.js';
import { createOperationLookup, type OperationInfo } from './client-kit.js';
import {
  joinBase,
  jsonOfBody,
  memoizeLast,
  normalizeBaseUrl,
  pathAfterBase,
  rebuildRequest,
} from './request-rewrite.js';

/** The fetch openapi-fetch hands to middleware (the client's resilient fetch). */
type MiddlewareFetch = (input: Request) => Promise<Response>;

// ---------------------------------------------------------------------------------------------
// Session

/** The version root of an endpoint (the same endpoint on every call, so parsed once). */
const versionRootOf = memoizeLast(computeVersionRoot);
const provider = 'openstack' as const;

/** A token the session can use, with the compute endpoint chosen from its catalog. */
export interface OpenStackSessionToken extends IssuedToken {
  /** The compute URL from the catalog (absent for a ready-made token). */
  readonly computeEndpoint?: string;
}

export interface OpenStackSessionOptions {
  /** Keystone authentication; absent when a ready token is given. */
  identity?: {
    client: Client<paths>;
    /** Keystone's v3 root. */
    authUrl: string;
    body: KeystoneTokenRequest;
    selection: ComputeEndpointSelection;
  };
  /** A ready token (instead of `identity`); it cannot be renewed. */
  token?: Secret;
  /** The compute endpoint chosen by the user; otherwise the catalog's. */
  endpoint?: string;
  /** `negotiate` or a fixed `2.X`. */
  microversion: string;
  /** The microversion range the spec describes. */
  specRange: MicroversionRange;
  /** A client without provider middleware, for the version document. */
  versionClient: Client<paths>;
  /** Credential values to keep out of errors (besides the tokens the session obtains). */
  credentialSecrets: readonly Secret[];
  now?: () => Date;
  refreshMarginMs?: number;
}

export interface OpenStackSession {
  readonly authUrl?: string;
  /** True when a rejected token can be replaced (Keystone credentials were given). */
  readonly canReauthenticate: boolean;
  /** True when the microversion is negotiated (not fixed). */
  readonly negotiates: boolean;
  /** The fixed microversion, when one was chosen instead of negotiation. */
  readonly fixedMicroversion?: string;
  /** The compute endpoint: the user's, or the catalog's (authenticating first). */
  endpoint(): Promise<string>;
  /** A usable token (authenticating when needed, one authentication at a time). */
  token(): Promise<OpenStackSessionToken>;
  /** A replacement for a token compute rejected. */
  renewToken(rejected: OpenStackSessionToken): Promise<OpenStackSessionToken>;
  /** The microversion for calls to `endpoint` (negotiated once per version root and cached). */
  microversion(endpoint: string): Promise<string>;
  /** Negotiates again after `rejected` got a 406 (reusing a newer result if there is one). */
  renegotiate(endpoint: string, rejected: string): Promise<string>;
  /** Every credential value known to the session, for redaction. */
  secrets(): readonly Secret[];
}

export function createOpenStackSession(options: OpenStackSessionOptions): OpenStackSession {
  const { identity, specRange, versionClient } = options;
  const fixedToken: OpenStackSessionToken | undefined = options.token
    ? { token: options.token, expiresAt: null }
    : undefined;

  const cache = createTokenCache<OpenStackSessionToken>({
    now: options.now,
    refreshMarginMs: options.refreshMarginMs,
    async acquire() {
      if (!identity) throw new TypeError('no Keystone credentials to authenticate with');
      const issued = await requestKeystoneToken(identity.client, identity.authUrl, identity.body);
      if (options.endpoint !== undefined) return issued;
      const computeEndpoint = selectComputeEndpoint(issued.catalog, identity.selection);
      // The token will travel to this URL: https only (loopback excepted).
      assertCredentialSafeUrl(computeEndpoint, 'catalog compute endpoint', {
        provider,
        secrets: [issued.token],
      });
      return { ...issued, computeEndpoint };
    },
  });

  const secrets = (): readonly Secret[] => [
    ...options.credentialSecrets,
    ...(fixedToken ? [fixedToken.token] : []),
    ...cache.issuedTokens(),
  ];

  const versions = new Map<string, Promise<string>>();

  const readVersionDocument = async (root: string) => {
    try {
      return (await versionClient.GET('/', { baseUrl: root })).data;
    } catch (error) {
      // Some deployments serve only the v2.1 document (`GET /v2.1/` -> {"version": {...}}).
      if (error instanceof ApiError && error.status === 404) {
        return (await versionClient.GET('/', { baseUrl: `${root}v2.1` })).data;
      }
      throw error;
    }
  };

  const discover = async (root: string): Promise<string> => {
    const doc = await readVersionDocument(root);
    const range = doc ? rangeFromVersionDocument(doc) : null;
    // No microversions advertised (legacy v2): the server behaves as the minimum.
    if (range === null) return specRange.min;
    return negotiateMicroversion(specRange, range, provider);
  };

  const negotiate = (endpoint: string): Promise<string> => {
    const root = versionRootOf(endpoint);
    let pending = versions.get(root);
    if (!pending) {
      pending = discover(root);
      versions.set(root, pending);
      pending.catch(() => {
        if (versions.get(root) === pending) versions.delete(root);
      });
    }
    return pending;
  };

  const token = (): Promise<OpenStackSessionToken> =>
    fixedToken ? Promise.resolve(fixedToken) : cache.get();

  return {
    ...(identity ? { authUrl: identity.authUrl } : {}),
    canReauthenticate: identity !== undefined,
    negotiates: options.microversion === 'negotiate',
    ...(options.microversion === 'negotiate' ? {} : { fixedMicroversion: options.microversion }),
    async endpoint() {
      if (options.endpoint !== undefined) return options.endpoint;
      const current = await token();
      if (current.computeEndpoint === undefined) {
        throw new TypeError('no compute endpoint: give `endpoint` with a ready token');
      }
      return current.computeEndpoint;
    },
    token,
    renewToken(rejected) {
      return fixedToken ? Promise.resolve(fixedToken) : cache.renew(rejected);
    },
    microversion(endpoint) {
      return options.microversion === 'negotiate'
        ? negotiate(endpoint)
        : Promise.resolve(options.microversion);
    },
    async renegotiate(endpoint, rejected) {
      if (options.microversion !== 'negotiate') return options.microversion;
      const root = versionRootOf(endpoint);
      const cached = versions.get(root);
      if (cached) {
        const value = await cached.catch(() => undefined);
        if (value !== undefined && value !== rejected) return value;
        if (versions.get(root) === cached) versions.delete(root);
      }
      return negotiate(endpoint);
    },
    secrets,
  };
}

// ---------------------------------------------------------------------------------------------
// Middleware

interface CallState {
  operation?: OperationInfo;
  token: OpenStackSessionToken;
  endpoint: string;
  version: string;
  /** The caller set the microversion header on this call: never renegotiate it. */
  explicitVersion: boolean;
  sendsVersion: boolean;
  /** Path and query after the compute base, when the request was moved onto the endpoint. */
  rest: string | null;
  body: string | null;
}

export interface OpenStackMiddlewareOptions {
  session: OpenStackSession;
  /** The base URL the client was created with. */
  clientBaseUrl: string;
  /** True when `clientBaseUrl` is a placeholder: requests move onto the session's endpoint. */
  rebase: boolean;
  now?: () => Date;
}

const MICROVERSION_HEADER = 'OpenStack-API-Version';

function usesMicroversions(operation: OperationInfo | undefined): boolean {
  if (!operation) return true;
  const meta = operations[operation.operationId as OperationId];
  const headers: readonly string[] = meta?.headerParameters ?? [];
  return headers.includes(MICROVERSION_HEADER);
}

/**
 * The middleware: unauthenticated operations (version document, token) go to their own servers
 * without a token; compute operations get the token, both microversion headers and the catalog
 * endpoint, and a body field newer than the microversion is refused before anything is sent.
 */
export function createOpenStackMiddleware(options: OpenStackMiddlewareOptions): Middleware {
  const { session } = options;
  const lookup = createOperationLookup(operations);
  const clientBase = normalizeBaseUrl(options.clientBaseUrl);
  const calls = new WeakMap<Request, CallState>();

  const authHeaders = (state: CallState): Record<string, string> => ({
    'X-Auth-Token': state.token.token.reveal(),
    ...(state.sendsVersion ? microversionHeaders(state.version) : {}),
  });

  const checkFields = (
    operation: OperationInfo | undefined,
    body: string | null,
    version: string,
  ) => {
    if (!operation) return;
    const fields = requestMicroversionFields[operation.operationId as OperationId];
    if (!fields?.length) return;
    assertFieldsAllowed(fields, jsonOfBody(body), version, {
      provider,
      operation: operation.operationId,
    });
  };

  const resend = async (fetch: MiddlewareFetch, request: Request, state: CallState) => {
    const url = state.rest === null ? request.url : joinBase(state.endpoint, state.rest);
    const next = rebuildRequest(request, { url, headers: authHeaders(state), body: state.body });
    return fetch(next);
  };

  const notAcceptable = async (request: Request, response: Response, state: CallState) => {
    const context = {
      provider,
      operation: state.operation?.operationId,
      method: request.method,
      url: request.url,
      secrets: session.secrets(),
    };
    const error = errorFromResponse(
      { ...context, now: options.now?.().getTime() },
      response,
      await response.clone().text(),
    );
    if (error instanceof VersionError) return error;
    return new VersionError({
      ...context,
      requested: state.version,
      usable: [],
      status: 406,
      ...(error.code !== undefined ? { code: error.code } : {}),
      ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
      reason: error.providerMessage,
    });
  };

  return {
    async onRequest({ request, schemaPath, options: fetchOptions }) {
      const operation = lookup(request.method, schemaPath);
      const base = normalizeBaseUrl(fetchOptions.baseUrl);
      // A per-call `baseUrl` means the caller chose where the request goes.
      const rest = base === clientBase ? pathAfterBase(request.url, base) : null;

      if (operation && !operation.authenticated) {
        if (rest === null) return undefined;
        if (operation.operationId === 'createToken') {
          if (!session.authUrl) return undefined;
          const body = await requestBodyText(request);
          return rebuildRequest(request, { url: joinBase(session.authUrl, rest), body });
        }
        const root = versionRootOf(await session.endpoint());
        return rebuildRequest(request, { url: joinBase(root, rest), body: null });
      }

      const body = await requestBodyText(request);
      const explicit = microversionOfResponse(request.headers);
      // A field newer than the microversion is refused before anything (even Keystone) is asked
      // when the version is known up front; a negotiated one needs the endpoint first.
      const known = explicit ?? session.fixedMicroversion;
      if (known !== undefined) checkFields(operation, body, known);
      const endpoint = await session.endpoint();
      const version = known ?? (await session.microversion(endpoint));
      if (known === undefined) checkFields(operation, body, version);
      const state: CallState = {
        token: await session.token(),
        endpoint,
        version,
        explicitVersion: explicit !== null,
        sendsVersion: usesMicroversions(operation),
        rest: options.rebase ? rest : null,
        body,
      };
      if (operation) state.operation = operation;
      const url = state.rest === null ? request.url : joinBase(endpoint, state.rest);
      // The client's own base URL was checked when it was created; anything else is checked here.
      if (url !== request.url || base !== clientBase) {
        assertCredentialSafeUrl(url, 'request URL', { provider, secrets: session.secrets() });
      }
      // Same URL: the headers are set in place (the clients never follow redirects, see
      // client-kit), which spares building a second Request per call.
      const next = url === request.url ? request : rebuildRequest(request, { url, body });
      for (const [name, value] of Object.entries(authHeaders(state))) next.headers.set(name, value);
      calls.set(next, state);
      return next === request ? undefined : next;
    },

    async onResponse({ request, response, options: fetchOptions }) {
      const state = calls.get(request);
      if (!state) return undefined;
      calls.delete(request);
      const fetch = fetchOptions.fetch as MiddlewareFetch;
      let current = response;

      if (current.status === 401 && session.canReauthenticate) {
        state.token = await session.renewToken(state.token);
        if (state.rest !== null && state.token.computeEndpoint !== undefined) {
          state.endpoint = state.token.computeEndpoint;
        }
        current = await resend(fetch, request, state);
      }

      if (current.status === 406 && session.negotiates && !state.explicitVersion) {
        const next = await session.renegotiate(state.endpoint, state.version);
        if (next !== state.version) {
          checkFields(state.operation, state.body, next);
          state.version = next;
          current = await resend(fetch, request, state);
        }
      }

      if (current.status === 406) throw await notAcceptable(request, current, state);
      return current === response ? undefined : current;
    },
  };
}
