/**
 * Per-call reliability options, carried on the `Request` object itself.
 *
 * openapi-fetch copies every per-call init key it does not know onto the `Request` it builds, so
 *
 *     client.POST('/servers/{server_id}/os-interface', { params, body, timeoutMs: 120_000, maxRetries: 0 })
 *
 * arrives at the resilient fetch as `request.timeoutMs` / `request.maxRetries`. The global
 * `RequestInit` augmentation below makes those keys type-check in every openapi-fetch call.
 *
 * A middleware that returns a *new* `Request` (for example to add a signature header) drops these
 * properties: build it with {@link carryRequestOptions}`(old, new)` to keep them.
 */
import type { ProviderKey } from './errors.js';

declare global {
  interface RequestInit {
    /** cloud-nic: timeout of each attempt in ms for this call (overrides the client's). */
    timeoutMs?: number;
    /** cloud-nic: retries allowed for this call (0 = one attempt only). */
    maxRetries?: number;
  }
}

/** The per-call options the resilient fetch reads from a request. */
export interface RequestReliabilityOptions {
  timeoutMs?: number;
  maxRetries?: number;
}

/** Names the error context of a request for error messages (set by the provider clients). */
export interface RequestContext {
  provider?: ProviderKey;
  /** operationId from the spec. */
  operation?: string;
}

const CONTEXT = Symbol.for('cloud-nic.requestContext');

type Carrier = Request & {
  timeoutMs?: unknown;
  maxRetries?: unknown;
  [CONTEXT]?: RequestContext;
};

function nonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && !Number.isNaN(value) && value >= 0 ? value : undefined;
}

/** Reads `timeoutMs` / `maxRetries` set on a request (ignores invalid values). */
export function readRequestOptions(request: Request): RequestReliabilityOptions {
  const r = request as Carrier;
  const out: RequestReliabilityOptions = {};
  const timeoutMs = nonNegative(r.timeoutMs);
  const maxRetries = nonNegative(r.maxRetries);
  if (timeoutMs !== undefined) out.timeoutMs = timeoutMs;
  if (maxRetries !== undefined) out.maxRetries = Math.floor(maxRetries);
  return out;
}

/** Sets per-call options on a request (what openapi-fetch does for init keys). */
export function setRequestOptions<R extends Request>(
  request: R,
  options: RequestReliabilityOptions,
): R {
  const r = request as unknown as Carrier;
  if (options.timeoutMs !== undefined) r.timeoutMs = options.timeoutMs;
  if (options.maxRetries !== undefined) r.maxRetries = options.maxRetries;
  return request;
}

/** Attaches provider/operation names to a request, for the errors the resilient fetch raises. */
export function setRequestContext<R extends Request>(request: R, context: RequestContext): R {
  const r = request as unknown as Carrier;
  r[CONTEXT] = { ...r[CONTEXT], ...context };
  return request;
}

export function getRequestContext(request: Request): RequestContext {
  return { ...(request as Carrier)[CONTEXT] };
}

/**
 * Copies the per-call options and context from the request a middleware received to the one it
 * returns, and returns the new request: `return carryRequestOptions(request, new Request(...))`.
 */
export function carryRequestOptions<R extends Request>(from: Request, to: R): R {
  if ((from as Request) === to) return to;
  const src = from as Carrier;
  const dst = to as unknown as Carrier;
  if (src.timeoutMs !== undefined && dst.timeoutMs === undefined) dst.timeoutMs = src.timeoutMs;
  if (src.maxRetries !== undefined && dst.maxRetries === undefined) dst.maxRetries = src.maxRetries;
  if (src[CONTEXT] !== undefined) dst[CONTEXT] = { ...src[CONTEXT], ...dst[CONTEXT] };
  return to;
}

const BODY_TEXT = Symbol.for('cloud-nic.bodyText');

const NO_CALLER_SIGNAL = Symbol.for('cloud-nic.noCallerSignal');

type BodyCarrier = Request & { [BODY_TEXT]?: string | null; [NO_CALLER_SIGNAL]?: true };

type RequestClass = new (input: RequestInfo | URL, init?: RequestInit) => Request;

let textBodyRequestClass: RequestClass | undefined;

/**
 * The `Request` class the clients hand to openapi-fetch (its `Request` option). It remembers the
 * serialized body it was built with, so validation, signing and the resilient fetch read that
 * text instead of cloning the body stream: on Node each clone tees the stream, which costs more
 * CPU than the rest of a loopback round trip. Built from another request without a new body, it
 * knows that request's text; a body it cannot see as text (a stream, bytes) stays unknown.
 *
 * The subclass is made on first use: on Node, touching `Request` loads the whole fetch
 * implementation (about 20 ms), which importing cloud-nic should not cost a program that never
 * sends a request. `new TextBodyRequest(...)` returns an instance of it, and `instanceof
 * TextBodyRequest` holds for any `Request`.
 */
export const TextBodyRequest = function TextBodyRequest(
  input: RequestInfo | URL,
  init?: RequestInit,
): Request {
  textBodyRequestClass ??= class extends Request {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(input, init);
      const body = init?.body;
      let text: string | null | undefined;
      if (typeof body === 'string') text = body;
      else if (body !== undefined && body !== null) text = undefined;
      else if (input instanceof Request) text = (input as BodyCarrier)[BODY_TEXT];
      else text = null;
      if (text !== undefined) (this as BodyCarrier)[BODY_TEXT] = text;
      // Without a signal of the caller's (given here, or followed from the input request), nothing
      // outside can abort this request: the resilient fetch then has no abort to listen for.
      const followsCaller =
        (init?.signal !== undefined && init.signal !== null) ||
        (input instanceof Request && !(input as BodyCarrier)[NO_CALLER_SIGNAL]);
      if (!followsCaller) (this as BodyCarrier)[NO_CALLER_SIGNAL] = true;
    }
  };
  return new textBodyRequestClass(input, init);
} as unknown as RequestClass;

Object.defineProperty(TextBodyRequest, Symbol.hasInstance, {
  value: (value: unknown) => value instanceof Request,
});

/**
 * False only for a request known to have no caller's signal behind it (a `TextBodyRequest` built
 * without one), whose `signal` therefore never aborts; true when it may.
 */
export function mayBeAborted(request: Request): boolean {
  return !(request as BodyCarrier)[NO_CALLER_SIGNAL];
}

/** The body text a request was built with (`null`: no body), or `undefined` when not known. */
export function knownBodyText(request: Request): string | null | undefined {
  return (request as BodyCarrier)[BODY_TEXT];
}

/**
 * The body exactly as it will be sent (`null` without one): the text the request remembers, else
 * its bytes read from a clone (a body given as bytes or a stream may not be valid UTF-8).
 */
export async function requestBodyAsSent(
  request: Request,
): Promise<string | Uint8Array<ArrayBuffer> | null> {
  const known = knownBodyText(request);
  if (known !== undefined) return known;
  return request.body === null ? null : new Uint8Array(await request.clone().arrayBuffer());
}

/** The body of a request as text (`null` without one), from what it remembers or a clone. */
export async function requestBodyText(request: Request): Promise<string | null> {
  const known = knownBodyText(request);
  if (known !== undefined) return known;
  return request.body === null ? null : request.clone().text();
}
