// Rewriting requests in middleware: the token providers move calls onto the endpoint their
// identity service's catalog names and resend them after re-authentication, over the same bytes.
import { carryRequestOptions, TextBodyRequest } from '../core/request-options.js';

/**
 * One-entry memo of a pure string function: a client passes the same base URL on every call, and
 * parsing it each time shows up in the per-call cost.
 */
export function memoizeLast(fn: (input: string) => string): (input: string) => string {
  let lastInput: string | undefined;
  let lastOutput = '';
  return (input) => {
    if (input !== lastInput) {
      lastOutput = fn(input);
      lastInput = input;
    }
    return lastOutput;
  };
}

/** A base URL as `Request` spells it (lower-case host, no default port), without trailing `/`. */
export const normalizeBaseUrl = memoizeLast((base: string): string => {
  try {
    return new URL(base).href.replace(/\/+$/, '');
  } catch {
    return base.replace(/\/+$/, '');
  }
});

/** The part of `url` after `base` (path and query), or null when `url` is not under `base`. */
export function pathAfterBase(url: string, base: string): string | null {
  const root = normalizeBaseUrl(base);
  if (!url.startsWith(root)) return null;
  const next = url.charAt(root.length);
  return next === '' || next === '/' || next === '?' || next === '#'
    ? url.slice(root.length)
    : null;
}

/** `base` (trailing slashes dropped) followed by `rest` (path and query from {@link pathAfterBase}). */
export function joinBase(base: string, rest: string): string {
  return `${base.replace(/\/+$/, '')}${rest}`;
}

/** Parses body text as JSON; undefined when absent or not JSON. */
export function jsonOfBody(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A copy of `request` with another URL and extra headers, over the given body text, carrying the
 * per-call options. Credentialed requests never follow redirects (`redirect: 'manual'`), so a token
 * is never replayed to another host.
 */
export function rebuildRequest(
  request: Request,
  changes: { url?: string; headers?: Readonly<Record<string, string>>; body: string | null },
): Request {
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(changes.headers ?? {})) headers.set(name, value);
  const method = request.method.toUpperCase();
  const init: RequestInit = {
    method,
    headers,
    signal: request.signal,
    redirect: 'manual',
  };
  if (changes.body !== null && method !== 'GET' && method !== 'HEAD') init.body = changes.body;
  return carryRequestOptions(request, new TextBodyRequest(changes.url ?? request.url, init));
}
