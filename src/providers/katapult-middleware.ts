// Katapult's openapi-fetch middleware: the API token as a bearer credential, and lookup query
// parameters (`virtual_machine[id]`) sent with their brackets percent-encoded.
import type { Middleware } from 'openapi-fetch';
import { ValidationError } from '../core/errors.js';
import type { Secret } from '../core/redact.js';
import {
  carryRequestOptions,
  requestBodyAsSent,
  TextBodyRequest,
} from '../core/request-options.js';
import { createOperationLookup, type OperationInfo } from './client-kit.js';

export interface KatapultMiddlewareOptions {
  /** The spec's operations (generated/katapult.meta.ts). */
  operations: Readonly<Record<string, OperationInfo>>;
  /** The API token, sent as `Authorization: Bearer <token>`. */
  token: Secret;
}

/**
 * Percent-encodes `[` and `]` in a URL's query. openapi-fetch writes query parameter names as
 * given (`virtual_machine[id]=...`), and URLs keep brackets literal in the query, though RFC 3986
 * reserves them; Krystal's own clients send `virtual_machine%5Bid%5D=...`, which Rack decodes to
 * the same lookup. Returns the URL unchanged when there is nothing to encode.
 */
export function encodeQueryBrackets(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const hash = url.indexOf('#', q);
  const end = hash === -1 ? url.length : hash;
  const query = url.slice(q + 1, end);
  if (!/[[\]]/.test(query)) return url;
  const encoded = query.replace(/\[/g, '%5B').replace(/\]/g, '%5D');
  return `${url.slice(0, q + 1)}${encoded}${url.slice(end)}`;
}

/** The same request at another URL, with its headers, body, signal and per-call options. */
async function withUrl(request: Request, url: string): Promise<Request> {
  const hasBody = request.body !== null && !['GET', 'HEAD'].includes(request.method);
  const rebuilt = new TextBodyRequest(url, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? ((await requestBodyAsSent(request)) ?? undefined) : undefined,
    redirect: request.redirect,
    signal: request.signal,
  });
  return carryRequestOptions(request, rebuilt);
}

export function createKatapultMiddleware(options: KatapultMiddlewareOptions): Middleware {
  const lookup = createOperationLookup(options.operations);
  return {
    async onRequest({ request, schemaPath }) {
      const operation = lookup(request.method, schemaPath);
      if (!operation) {
        throw new ValidationError({
          provider: 'katapult',
          method: request.method,
          url: request.url,
          issues: [
            { path: 'path', message: `${schemaPath} is not an operation of the Katapult spec` },
          ],
        });
      }
      const encodedUrl = encodeQueryBrackets(request.url);
      const outgoing = encodedUrl === request.url ? request : await withUrl(request, encodedUrl);
      if (operation.authenticated) {
        outgoing.headers.set('Authorization', `Bearer ${options.token.reveal()}`);
      } else {
        outgoing.headers.delete('Authorization');
      }
      return outgoing === request ? undefined : outgoing;
    },
  };
}
