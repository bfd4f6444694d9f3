// Public and provider-facing types of the emulator framework. A provider emulator is a plain
// `EmulatorDefinition` object (spec document + meta operations + handlers + error shapes); the
// framework turns it into a running HTTP server and an `EmulatorHandle`.
import type { IncomingHttpHeaders } from 'node:http';
import type { Clock } from './clock.js';
import type { RandomSource, Seed } from './random.js';

/** What the framework needs from `generated/<provider>.meta.ts` operations. */
export interface OperationMeta {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly authenticated: boolean;
  readonly successStatuses: readonly number[];
  readonly requestBody: { readonly required: boolean; readonly contentType: string } | null;
  /** Path-level servers: only their URL path is honoured (the emulator has one host). */
  readonly servers: readonly { readonly url: string; readonly variables?: object }[] | null;
}

export type FaultKind = 'latency' | 'status' | 'reset' | 'html' | 'truncate';

/**
 * A fault injected into matching requests.
 * - `latency`: wait `ms` (default 1000), then go on normally.
 * - `status`: answer `status` (default 503) with the provider's error body; 429, 413 and 503 also
 *   carry `Retry-After: retryAfter` (seconds, default 1).
 * - `reset`: destroy the socket without answering.
 * - `html`: answer an HTML error page with `status` (default 502), like a proxy in front of the API.
 * - `truncate`: send the headers (with the full Content-Length) and part of the JSON body, then
 *   destroy the socket.
 * `when: 'before'` (default) hits before the operation runs (no state change); `when: 'after'`
 * runs the operation (state changes) and then hits the response: the client sees a failure for
 * a call that did happen.
 */
export interface FaultRule {
  /** Only requests routed to this operation. */
  operationId?: string;
  /** Only this HTTP method. */
  method?: string;
  /** How many matching requests the rule hits; default 1 (unlimited when `probability` is set). */
  times?: number;
  /** Hit each matching request with this chance (0..1), drawn from the seeded generator. */
  probability?: number;
  kind: FaultKind;
  when?: 'before' | 'after';
  /** `latency`: milliseconds to wait. */
  ms?: number;
  /** `status` / `html` / `truncate` before the operation: the status to answer. */
  status?: number;
  /** Seconds for `Retry-After` on 429/413/503 status faults. */
  retryAfter?: number;
}

/** One request as the emulator saw and answered it. */
export interface RequestLogEntry {
  method: string;
  /** Path and query as received. */
  path: string;
  operationId: string | undefined;
  /** Status sent, or undefined when the socket was reset before any answer. */
  status: number | undefined;
  /** The injected fault that hit this request, if any. */
  fault?: FaultKind;
  /** `exempt`: a fault shaped the answer; `unchecked`: no operation matched (404/405/413). */
  conformance: 'ok' | 'violation' | 'exempt' | 'unchecked';
}

/** A response the emulator sent that does not match the spec (a bug in the emulator). */
export interface ConformanceViolation {
  provider: string;
  operationId: string;
  method: string;
  path: string;
  status: number;
  errors: string[];
}

/** Options every emulator accepts. All optional. */
export interface EmulatorOptions {
  /** Port on 127.0.0.1; default 0 (a free port). */
  port?: number;
  /** Emulator clock (signature windows, version dates, rate-limit minutes, response times). */
  now?: Clock;
  /** Seed for ids, MACs, request ids and fault probabilities; default random. */
  seed?: Seed;
  /** How long asynchronous transitions take (real milliseconds); default 50. */
  asyncDelayMs?: number;
  /** Fault rules active from the start. */
  faults?: FaultRule[];
  /** Largest request body accepted, in bytes; default 1 MiB. */
  maxBodyBytes?: number;
  /** Called for every conformance violation (they are also kept in `handle.conformanceViolations`). */
  onViolation?: (violation: ConformanceViolation) => void;
}

/** A running emulator. */
export interface EmulatorHandle<Credentials = unknown, Fixtures = unknown, State = unknown> {
  provider: string;
  /** Base URL of the API (origin + the path of the spec's server), e.g. `http://127.0.0.1:4321/core/v1`. */
  url: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  port: number;
  /** Base URL of one operation (differs from `url` for operations with their own server). */
  urlFor(operationId: string): string;
  credentials: Credentials;
  fixtures: Fixtures;
  /** Live state; tests may read it (e.g. count NICs per server). */
  readonly state: State;
  requests: RequestLogEntry[];
  conformanceViolations: ConformanceViolation[];
  /** Replaces the fault rules. */
  setFaults(rules: FaultRule[]): void;
  /** Back to the seeded fixtures: state, request log, violations and fault rules from options. */
  reset(): void;
  /** Closes the listener and every connection; resolves within about a second. */
  close(): Promise<void>;
}

/** A request as handlers see it. */
export interface EmulatorRequest {
  /** Sequence number within this emulator. */
  seq: number;
  method: string;
  /** Path and query exactly as received (`req.url`). */
  rawUrl: string;
  /** `http://<Host header><rawUrl>`: what a client signed. */
  absoluteUrl: string;
  /** Decoded path without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** One header value (joined with `, ` if repeated), case-insensitive name. */
  header(name: string): string | undefined;
  /** Path parameters by their spec names, decoded. */
  params: Record<string, string>;
  rawBody: Buffer;
  /** Parsed JSON body (undefined when there is none). */
  body: unknown;
  /** Parameters as validated against the spec (coerced to their schema types, defaults filled). */
  parameters: {
    path: Record<string, unknown>;
    query: Record<string, unknown>;
    header: Record<string, unknown>;
  };
  operation: OperationMeta | undefined;
  /** Scratch space for hooks (e.g. the authenticated token). */
  locals: Record<string, unknown>;
}

/** What a handler answers. `body` is sent as JSON; leave it undefined for an empty body. */
export interface EmulatorReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Where a validation problem is. */
export type IssueLocation = 'path' | 'query' | 'header' | 'body';

/** One problem ajv found in a request, located for the provider's error format. */
export interface ValidationIssue {
  location: IssueLocation;
  /** Parameter name (absent for the body). */
  name?: string;
  /** Path inside the value: body keys/indices, or `[]` for a whole parameter. */
  path: (string | number)[];
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

/** The world an emulator builds from its options: reset() builds it again. */
export interface EmulatorWorld<Credentials = unknown, Fixtures = unknown, State = unknown> {
  credentials: Credentials;
  fixtures: Fixtures;
  state: State;
}

/** What hooks and handlers get besides the request. */
export interface EmulatorContext<
  Options extends EmulatorOptions = EmulatorOptions,
  World extends EmulatorWorld = EmulatorWorld,
> {
  provider: string;
  options: Options;
  /** Current credentials, fixtures and state (replaced by reset()). */
  world: World;
  /** The emulator clock. */
  now(): Date;
  random: RandomSource;
  asyncDelayMs: number;
  /** Base URL of the API; empty string until the server listens. */
  url: string;
  origin: string;
}

export type Handler<O extends EmulatorOptions, W extends EmulatorWorld> = (
  req: EmulatorRequest,
  ctx: EmulatorContext<O, W>,
) => EmulatorReply | Promise<EmulatorReply>;

/** The provider's error bodies for conditions the framework detects. */
export interface ProviderErrors<O extends EmulatorOptions, W extends EmulatorWorld> {
  notFound(req: EmulatorRequest, ctx: EmulatorContext<O, W>): EmulatorReply;
  methodNotAllowed(
    req: EmulatorRequest,
    allowed: string[],
    ctx: EmulatorContext<O, W>,
  ): EmulatorReply;
  payloadTooLarge(req: EmulatorRequest, limit: number, ctx: EmulatorContext<O, W>): EmulatorReply;
  invalidJson(req: EmulatorRequest, message: string, ctx: EmulatorContext<O, W>): EmulatorReply;
  invalidRequest(
    req: EmulatorRequest,
    issues: ValidationIssue[],
    ctx: EmulatorContext<O, W>,
  ): EmulatorReply;
  /** Body of an injected `status` fault (500, 502, 503, 504, 429, 413 ...). */
  fault(req: EmulatorRequest, status: number, ctx: EmulatorContext<O, W>): EmulatorReply;
  /** A handler threw: the emulator's own bug, answered as the provider's 500. */
  internal(req: EmulatorRequest, error: unknown, ctx: EmulatorContext<O, W>): EmulatorReply;
}

/** Everything that makes one provider's emulator. */
export interface EmulatorDefinition<
  O extends EmulatorOptions = EmulatorOptions,
  W extends EmulatorWorld = EmulatorWorld,
> {
  provider: string;
  /** `generated/<p>.document.ts`: the OpenAPI document (validation and conformance). */
  document: Record<string, unknown>;
  /** `generated/<p>.meta.ts` `operations`: routing. */
  operations: Readonly<Record<string, OperationMeta>>;
  /** Path prefix of the API; default: the path of the document's first server. */
  basePath?: string;
  /** Builds credentials, fixtures and state (at start and on reset()). */
  setup(options: O, random: RandomSource, now: Date): W;
  errors: ProviderErrors<O, W>;
  /** After routing, before the body is parsed: authentication, rate limits. A reply ends the request. */
  authenticate?(
    req: EmulatorRequest,
    ctx: EmulatorContext<O, W>,
  ): EmulatorReply | undefined | Promise<EmulatorReply | undefined>;
  /** After the body is parsed, before validation (e.g. fill lookups from the path). A reply ends it. */
  prepare?(req: EmulatorRequest, ctx: EmulatorContext<O, W>): EmulatorReply | undefined;
  /** Headers added to every response of a routed or unrouted request (faults included). */
  responseHeaders?(
    req: EmulatorRequest,
    reply: EmulatorReply,
    ctx: EmulatorContext<O, W>,
  ): Record<string, string>;
  /** One handler per operationId of `operations`. */
  handlers: Record<string, Handler<O, W>>;
  /**
   * Extra properties for the handle once the server listens (e.g. the base URLs of services
   * mounted beside the main API: Keystone's `authUrl`). Typed on the handle by the registry.
   */
  handleExtras?(handle: EmulatorHandle): Record<string, unknown>;
}
