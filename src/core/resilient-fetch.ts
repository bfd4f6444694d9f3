/**
 * A `fetch` with per-attempt timeouts and safe retries, to pass as openapi-fetch's `fetch` option
 * (it runs beneath the middleware, so each attempt re-sends the signed request unchanged).
 *
 * Retry policy:
 * - GET, HEAD, PUT, DELETE, OPTIONS (idempotent): network failures (refused, reset, socket
 *   closed ...), per-attempt timeouts, 429, 413 with a retry hint, 502, 503, 504, bodies cut off
 *   mid-transfer, 2xx bodies that are not the JSON their Content-Type promises.
 * - POST, PATCH: only when the server provably did not act: 429, 413 with a retry hint, and
 *   ECONNREFUSED. Never after a timeout, a reset or a 5xx: the NIC may exist, so the caller gets
 *   `TimeoutError` / `NetworkError` / `ResponseBodyError` with `maybeSent: true`.
 * - A 413 without `Retry-After` (or Rackspace `retryAt`, Nova `retryAfter`) is a size or quota
 *   refusal that no retry can fix, so it is returned at once.
 *
 * Delays: exponential backoff with full jitter (`random() * min(maxDelayMs, baseDelayMs * 2^n)`),
 * or exactly the server's `Retry-After`. When the server asks for longer than `maxDelayMs`, the
 * response is returned unretried so the caller sees the 429/413 with its `retryAfterMs`.
 * When retries run out on a retryable status, the last response is returned (the client layer
 * turns it into an `ApiError`); timeouts and network failures throw after the last attempt.
 *
 * Every response body is read completely inside the attempt (so the timeout covers it and a
 * connection dying mid-body is seen here) and handed on as a new `Response` over the buffered
 * bytes, with the same status and headers.
 */
import { NetworkError, ResponseBodyError, TimeoutError, type ProviderKey } from './errors.js';
import { BufferedResponse } from './buffered-response.js';
import { parseProviderError, parseRetryAfter } from './error-body.js';
import { redactUrl, type SecretLike } from './redact.js';
import {
  carryRequestOptions,
  getRequestContext,
  knownBodyText,
  mayBeAborted,
  readRequestOptions,
  setRequestOptions,
} from './request-options.js';

export type RetryReason = 'status' | 'network' | 'timeout' | 'truncated-body' | 'invalid-json';

export interface RetryInfo {
  /** The attempt that just failed (1-based). */
  attempt: number;
  /** Total attempts allowed for this call (maxRetries + 1). */
  maxAttempts: number;
  /** How long the fetch waits before the next attempt. */
  delayMs: number;
  reason: RetryReason;
  /** The status that triggered the retry, for reason `status` (and body problems). */
  status?: number;
  /** The network error code, for reason `network`. */
  code?: string;
  /** The server's requested delay, when it gave one. */
  retryAfterMs?: number;
  method: string;
  /** Request URL with sensitive query values redacted. */
  url: string;
  provider?: ProviderKey;
}

export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

export interface ResilientFetchOptions {
  /**
   * The fetch that sends each attempt, given a fresh `Request` per attempt (body, headers and
   * per-call options included, the attempt's signal on it). Default: `globalThis.fetch`, read at
   * call time and called as `fetch(request, { body, signal })` over the buffered body.
   */
  fetch?: FetchLike;
  /** Timeout of each attempt (headers and body) in ms; 0 or Infinity disables. Default 30 000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** Backoff base in ms. Default 200. */
  baseDelayMs?: number;
  /** Upper bound of any single delay, and of an acceptable `Retry-After`. Default 20 000. */
  maxDelayMs?: number;
  /** Source of jitter in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Waits between attempts. Default: a timer. An abort of the call interrupts it either way. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock in ms since epoch, for HTTP-date `Retry-After`. Default `Date.now`. */
  now?: () => number;
  /** Called before each wait; exceptions thrown here are ignored. */
  onRetry?: (info: RetryInfo) => void;
  /** Provider named in errors and retry info (a request's own context wins). */
  provider?: ProviderKey;
  /** Credential values to keep out of the errors this fetch throws (a function for rotating tokens). */
  secrets?: readonly SecretLike[] | (() => readonly SecretLike[]);
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_BASE_DELAY_MS = 200;
export const DEFAULT_MAX_DELAY_MS = 20_000;

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const IDEMPOTENT_RETRY_STATUSES = new Set([413, 429, 502, 503, 504]);
const UNSAFE_RETRY_STATUSES = new Set([413, 429]);
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

// Failures before any byte reached a server.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
// Transient failures worth another try of an idempotent request.
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
/** Only this failure lets POST/PATCH be retried: nothing can have reached a server. */
const UNSAFE_RETRYABLE_CODES = new Set(['ECONNREFUSED']);

/** True for methods that may be repeated without changing the result. */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

function errorCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 6) return undefined;
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && e.code) return e.code;
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const c = errorCode(inner, depth + 1);
      if (c) return c;
    }
  }
  return errorCode(e.cause, depth + 1);
}

function errorMessages(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let i = 0; i < 4 && e instanceof Error; i++) {
    if (!parts.includes(e.message)) parts.push(e.message);
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(': ');
}

/** Describes a failure thrown by fetch, or undefined when it is not a network failure. */
function classifyNetworkError(
  error: unknown,
): { code: string; maybeSent: boolean; retryable: boolean; unsafeRetryable: boolean } | undefined {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : '';
  if (!code && message !== 'fetch failed' && message !== 'terminated') return undefined;
  const c = code ?? 'UNKNOWN_NETWORK_ERROR';
  return {
    code: c,
    maybeSent: !NOT_SENT_CODES.has(c),
    retryable: RETRYABLE_CODES.has(c),
    unsafeRetryable: UNSAFE_RETRYABLE_CODES.has(c),
  };
}

function isJsonContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  const media = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || media.endsWith('+json');
}

// One decoder for the module: decoding is stateless without `stream: true`.
const utf8 = new TextDecoder('utf-8');

/** The body parsed as JSON, or `undefined` when it is not valid JSON. */
function parseJson(bytes: Uint8Array): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(utf8.decode(bytes)) };
  } catch {
    return undefined;
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

async function readBody(response: Response): Promise<{ bytes: Uint8Array; error?: unknown }> {
  if (!response.body) return { bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
    }
    return { bytes: concat(chunks, total) };
  } catch (error) {
    return { bytes: concat(chunks, total), error };
  }
}

/** A response equal to the original but over the buffered bytes (and their JSON, if parsed). */
function rebuildResponse(
  original: Response,
  bytes: Uint8Array,
  method: string,
  parsed?: { value: unknown },
): Response {
  const noBody = method === 'HEAD' || NULL_BODY_STATUSES.has(original.status);
  return new BufferedResponse(original, noBody ? null : (bytes as Uint8Array<ArrayBuffer>), parsed);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

async function abortableSleep(
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  ms: number,
  signal: AbortSignal,
): Promise<void> {
  if (signal.aborted) throw abortReason(signal);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms, signal), aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

/**
 * The bytes of a request's body. Bodies given as strings, bytes, forms or blobs are ready at once;
 * a caller's abort still ends the wait for a body streamed from elsewhere.
 */
async function readRequestBody(request: Request, signal: AbortSignal): Promise<ArrayBuffer> {
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([request.arrayBuffer(), aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

type AttemptOutcome =
  | { kind: 'response'; response: Response; bytes: Uint8Array; bodyError?: unknown }
  | { kind: 'timeout' }
  | { kind: 'network'; error: unknown };

function nonNegative(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && !Number.isNaN(value) && value >= 0 ? value : fallback;
}

/**
 * Creates the retrying, timing-out fetch. Per call, `timeoutMs` and `maxRetries` set on the
 * request (openapi-fetch copies them from the call's init, see `request-options.ts`) override the
 * options given here.
 */
export function createResilientFetch(
  options: ResilientFetchOptions = {},
): (input: Request | string | URL, init?: RequestInit) => Promise<Response> {
  const defaults = {
    timeoutMs: nonNegative(options.timeoutMs, DEFAULT_TIMEOUT_MS),
    maxRetries: Math.floor(nonNegative(options.maxRetries, DEFAULT_MAX_RETRIES)),
    baseDelayMs: nonNegative(options.baseDelayMs, DEFAULT_BASE_DELAY_MS),
    maxDelayMs: nonNegative(options.maxDelayMs, DEFAULT_MAX_DELAY_MS),
  };
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const secrets = (): readonly SecretLike[] =>
    typeof options.secrets === 'function' ? options.secrets() : (options.secrets ?? []);

  const backoff = (attempt: number): number => {
    const cap = Math.min(defaults.maxDelayMs, defaults.baseDelayMs * 2 ** (attempt - 1));
    const r = Math.min(Math.max(random(), 0), 1);
    return Math.floor(r * cap);
  };

  return async function resilientFetch(input, init) {
    let request: Request;
    let forwardInit: RequestInit | undefined;
    if (input instanceof Request) {
      request = input;
      if (init) {
        // openapi-fetch passes runtime extensions (e.g. an undici dispatcher) here.
        const { signal: _ignored, ...rest } = init;
        forwardInit = rest;
      }
    } else {
      request = setRequestOptions(new Request(input, init), {
        timeoutMs: init?.timeoutMs,
        maxRetries: init?.maxRetries,
      });
    }

    const perCall = readRequestOptions(request);
    const timeoutMs = perCall.timeoutMs ?? defaults.timeoutMs;
    const maxAttempts = (perCall.maxRetries ?? defaults.maxRetries) + 1;
    const method = request.method.toUpperCase();
    const idempotent = isIdempotentMethod(method);
    const callerSignal = request.signal;
    // Listening for the caller's abort costs two event-listener calls per attempt; a request that
    // no caller's signal can abort is spared them.
    const linkCaller = mayBeAborted(request);
    const context = getRequestContext(request);
    const provider = context.provider ?? options.provider;
    const errorContext = () => ({
      provider,
      operation: context.operation,
      method,
      url: request.url,
      secrets: secrets(),
    });
    const timed = timeoutMs > 0 && Number.isFinite(timeoutMs);

    if (callerSignal.aborted) throw abortReason(callerSignal);
    // The body is read once and every attempt sends these bytes (like a plain `fetch(request)`,
    // this uses up the request's own body). Cloning the request per attempt instead tees its body
    // stream and pipes it through one more proxy stream, which on a fast network costs as much CPU
    // as the rest of the round trip.
    // A request built by the clients remembers its body text: nothing to read then.
    const known = knownBodyText(request);
    const bodyBytes =
      known !== undefined
        ? known
        : request.body === null
          ? null
          : await readRequestBody(request, callerSignal);

    /** Sends one attempt under `signal`. */
    const send = (signal: AbortSignal): Promise<Response> => {
      const attemptInit: RequestInit =
        bodyBytes === null ? { signal } : { body: bodyBytes, signal };
      if (options.fetch) {
        // A custom fetch gets a self-contained Request per attempt: same URL, method, headers and
        // modes as the caller's, over the buffered bytes, with the per-call options carried.
        return options.fetch(
          carryRequestOptions(request, new Request(request, attemptInit)),
          forwardInit,
        );
      }
      // `globalThis.fetch` (read at call time) builds its own Request from the caller's and this
      // init (body and signal replaced, everything else copied): one Request per attempt instead
      // of two, and no stream piping the body from one to the other.
      return globalThis.fetch(
        request,
        forwardInit ? { ...forwardInit, ...attemptInit } : attemptInit,
      );
    };

    const runAttempt = async (): Promise<AttemptOutcome> => {
      const controller = new AbortController();
      let timedOut = false;
      const timer = timed
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new DOMException(`Timed out after ${timeoutMs} ms`, 'TimeoutError'));
          }, timeoutMs)
        : undefined;
      const onCallerAbort = linkCaller
        ? () => controller.abort(abortReason(callerSignal))
        : undefined;
      if (onCallerAbort) callerSignal.addEventListener('abort', onCallerAbort, { once: true });
      try {
        let response: Response;
        try {
          response = await send(controller.signal);
        } catch (error) {
          if (callerSignal.aborted) throw abortReason(callerSignal);
          if (timedOut || (error instanceof DOMException && error.name === 'TimeoutError'))
            return { kind: 'timeout' };
          return { kind: 'network', error };
        }
        const { bytes, error } = await readBody(response);
        if (error !== undefined) {
          if (callerSignal.aborted) throw abortReason(callerSignal);
          if (timedOut) return { kind: 'timeout' };
          return { kind: 'response', response, bytes, bodyError: error };
        }
        return { kind: 'response', response, bytes };
      } finally {
        if (timer !== undefined) clearTimeout(timer);
        if (onCallerAbort) callerSignal.removeEventListener('abort', onCallerAbort);
      }
    };

    for (let attempt = 1; ; attempt++) {
      if (callerSignal.aborted) throw abortReason(callerSignal);
      const outcome = await runAttempt();
      const canRetry = attempt < maxAttempts;

      const retry = async (
        reason: RetryReason,
        extra: { status?: number; code?: string; retryAfterMs?: number },
      ) => {
        const delayMs = extra.retryAfterMs ?? backoff(attempt);
        if (options.onRetry) {
          try {
            options.onRetry({
              attempt,
              maxAttempts,
              delayMs,
              reason,
              ...extra,
              method,
              url: redactUrl(request.url, secrets()),
              provider,
            });
          } catch {
            // a logging callback must not break the call
          }
        }
        await abortableSleep(sleep, delayMs, callerSignal);
      };

      if (outcome.kind === 'timeout') {
        if (idempotent && canRetry) {
          await retry('timeout', {});
          continue;
        }
        throw new TimeoutError({
          ...errorContext(),
          timeoutMs,
          attempts: attempt,
          maybeSent: true,
        });
      }

      if (outcome.kind === 'network') {
        const info = classifyNetworkError(outcome.error);
        if (!info) throw outcome.error;
        const retryable = idempotent ? info.retryable : info.unsafeRetryable;
        if (retryable && canRetry) {
          await retry('network', { code: info.code });
          continue;
        }
        throw new NetworkError({
          ...errorContext(),
          cause: outcome.error,
          code: info.code,
          maybeSent: info.maybeSent,
          attempts: attempt,
          detail: errorMessages(outcome.error),
        });
      }

      const { response, bytes, bodyError } = outcome;
      const status = response.status;
      const contentType = response.headers.get('content-type');
      const bodyProblem = (reason: 'truncated' | 'invalid-json') =>
        new ResponseBodyError({
          ...errorContext(),
          cause: bodyError,
          status,
          reason,
          contentType: contentType ?? undefined,
          bytesReceived: bytes.byteLength,
          attempts: attempt,
          // Error bodies help debugging; success bodies may hold credentials (tokens).
          excerpt: status >= 400 ? utf8.decode(bytes.subarray(0, 400)) : undefined,
        });

      const retryStatuses = idempotent ? IDEMPOTENT_RETRY_STATUSES : UNSAFE_RETRY_STATUSES;
      if (retryStatuses.has(status)) {
        let retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
        if (retryAfterMs === undefined && bytes.byteLength > 0 && bodyError === undefined) {
          retryAfterMs = parseProviderError({
            status,
            headers: response.headers,
            bodyText: utf8.decode(bytes),
            now: now(),
          }).retryAfterMs;
        }
        const hinted = retryAfterMs !== undefined;
        const tooLong = hinted && (retryAfterMs as number) > defaults.maxDelayMs;
        if (!tooLong && (status !== 413 || hinted) && canRetry) {
          await retry('status', { status, retryAfterMs });
          continue;
        }
        if (bodyError !== undefined) throw bodyProblem('truncated');
        return rebuildResponse(response, bytes, method);
      }

      if (bodyError !== undefined) {
        if (idempotent && canRetry) {
          await retry('truncated-body', { status, code: errorCode(bodyError) });
          continue;
        }
        throw bodyProblem('truncated');
      }

      // A success that says JSON must be JSON (a cut-off body may still end cleanly at a chunk).
      let parsed: { value: unknown } | undefined;
      if (
        status >= 200 &&
        status < 300 &&
        method !== 'HEAD' &&
        bytes.byteLength > 0 &&
        isJsonContentType(contentType)
      ) {
        parsed = parseJson(bytes);
        if (parsed === undefined) {
          if (idempotent && canRetry) {
            await retry('invalid-json', { status });
            continue;
          }
          throw bodyProblem('invalid-json');
        }
      }

      return rebuildResponse(response, bytes, method, parsed);
    }
  };
}
