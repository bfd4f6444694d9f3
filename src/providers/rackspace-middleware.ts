/**
 * The Rackspace session and its openapi-fetch middleware: Identity v2.0 token reuse and renewal,
 * the Cloud Servers endpoint from the catalog (requests are moved onto it), `X-Auth-Token` on
 * every authenticated call, and one re-authentication + resend after a 401.
 */
import type { Client, Middleware } from 'openapi-fetch';
import type { paths } from '../../generated/rackspace.js';
import { operations } from '../../generated/rackspace.meta.js';
import {
  requestRackspaceToken,
  selectCloudServersEndpoint,
  type RackspaceToken,
  type RackspaceTokenRequest,
} from '../auth/rackspace-identity.js';
import { createTokenCache } from '../auth/token-cache.js';
import { ValidationError } from '../core/errors.js';
import type { Secret } from '../core/redact.js';
import { requestBodyText } from '../core/request-options.js';
import { assertCredentialSafeUrl } from '../core/secure-url.js';
import { createOperationLookup } from './client-kit.js';
import { joinBase, normalizeBaseUrl, pathAfterBase, rebuildRequest } from './request-rewrite.js';

const provider = 'rackspace' as const;

export interface RackspaceSessionToken extends RackspaceToken {
  /** The Cloud Servers URL chosen from the catalog (absent when the user gave `endpoint`). */
  readonly computeEndpoint?: string;
}

export interface RackspaceSessionOptions {
  /** A client without provider middleware, for `createToken`. */
  client: Client<paths>;
  identityUrl: string;
  body: RackspaceTokenRequest;
  /** Region (any case); falls back to the user's default region from Identity. */
  region?: string;
  /** The Cloud Servers base URL chosen by the user; otherwise the catalog's. */
  endpoint?: string;
  credentialSecrets: readonly Secret[];
  now?: () => Date;
  refreshMarginMs?: number;
}

export interface RackspaceSession {
  readonly identityUrl: string;
  endpoint(): Promise<string>;
  token(): Promise<RackspaceSessionToken>;
  renewToken(rejected: RackspaceSessionToken): Promise<RackspaceSessionToken>;
  secrets(): readonly Secret[];
}

export function createRackspaceSession(options: RackspaceSessionOptions): RackspaceSession {
  const cache = createTokenCache<RackspaceSessionToken>({
    now: options.now,
    refreshMarginMs: options.refreshMarginMs,
    async acquire() {
      const issued = await requestRackspaceToken(options.client, options.identityUrl, options.body);
      if (options.endpoint !== undefined) return issued;
      const region = options.region ?? issued.defaultRegion;
      if (!region) {
        throw new ValidationError({
          provider,
          issues: [
            { path: 'region', message: 'is required: the user has no default region in Identity' },
          ],
        });
      }
      const computeEndpoint = selectCloudServersEndpoint(issued.catalog, region);
      assertCredentialSafeUrl(computeEndpoint, 'catalog Cloud Servers endpoint', {
        provider,
        secrets: [issued.token],
      });
      return { ...issued, computeEndpoint };
    },
  });
  return {
    identityUrl: options.identityUrl,
    async endpoint() {
      if (options.endpoint !== undefined) return options.endpoint;
      const current = await cache.get();
      return current.computeEndpoint!;
    },
    token: () => cache.get(),
    renewToken: (rejected) => cache.renew(rejected),
    secrets: () => [...options.credentialSecrets, ...cache.issuedTokens()],
  };
}

interface CallState {
  token: RackspaceSessionToken;
  /** Path and query after the base, when the request was moved onto the catalog endpoint. */
  rest: string | null;
  body: string | null;
}

export interface RackspaceMiddlewareOptions {
  session: RackspaceSession;
  clientBaseUrl: string;
  /** True when `clientBaseUrl` is a placeholder: requests move onto the session's endpoint. */
  rebase: boolean;
}

/**
 * The middleware: `createToken` goes to Identity without a token; every other operation gets
 * `X-Auth-Token` and the catalog endpoint; a 401 renews the token once and resends.
 */
export function createRackspaceMiddleware(options: RackspaceMiddlewareOptions): Middleware {
  const { session } = options;
  const lookup = createOperationLookup(operations);
  const clientBase = normalizeBaseUrl(options.clientBaseUrl);
  const calls = new WeakMap<Request, CallState>();

  const urlFor = (request: Request, state: CallState, endpoint: string) =>
    state.rest === null ? request.url : joinBase(endpoint, state.rest);

  return {
    async onRequest({ request, schemaPath, options: fetchOptions }) {
      const operation = lookup(request.method, schemaPath);
      const base = normalizeBaseUrl(fetchOptions.baseUrl);
      const rest = base === clientBase ? pathAfterBase(request.url, base) : null;
      const body = await requestBodyText(request);

      if (operation && !operation.authenticated) {
        if (rest === null) return undefined;
        return rebuildRequest(request, { url: joinBase(session.identityUrl, rest), body });
      }

      const endpoint = await session.endpoint();
      const state: CallState = {
        token: await session.token(),
        rest: options.rebase ? rest : null,
        body,
      };
      const url = urlFor(request, state, endpoint);
      // The client's own base URL was checked when it was created; anything else is checked here.
      if (url !== request.url || base !== clientBase) {
        assertCredentialSafeUrl(url, 'request URL', { provider, secrets: session.secrets() });
      }
      // Same URL: the token is set in place (the clients never follow redirects, see client-kit).
      const next = url === request.url ? request : rebuildRequest(request, { url, body });
      next.headers.set('X-Auth-Token', state.token.token.reveal());
      calls.set(next, state);
      return next === request ? undefined : next;
    },

    async onResponse({ request, response, options: fetchOptions }) {
      const state = calls.get(request);
      if (!state) return undefined;
      calls.delete(request);
      if (response.status !== 401) return undefined;
      state.token = await session.renewToken(state.token);
      const endpoint = state.token.computeEndpoint ?? (await session.endpoint());
      const next = rebuildRequest(request, {
        url: urlFor(request, state, endpoint),
        headers: { 'X-Auth-Token': state.token.token.reveal() },
        body: state.body,
      });
      return (fetchOptions.fetch as (input: Request) => Promise<Response>)(next);
    },
  };
}
