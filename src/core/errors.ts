/**
 * The one error hierarchy users catch.
 *
 *     CloudNicError                 kind        nothing/something was sent?
 *     ├── ValidationError           validation  nothing was sent
 *     ├── ApiError                  api         the provider answered with an error status
 *     │   └── AuthError             auth        ... and the answer means "credential rejected"
 *     ├── VersionError              version     an API version/microversion is refused or unusable
 *     ├── TimeoutError              timeout     no complete answer in time (maybeSent: true)
 *     ├── NetworkError              network     the connection failed (maybeSent tells)
 *     ├── ResponseBodyError         response-body  the answer's body was cut off or is not JSON
 *     └── WaitError (cloud-nic/nic)  wait       a wait stopped short of its target
 *
 * `AuthError extends ApiError`, so `catch (e) { if (e instanceof ApiError) ... }` sees auth
 * failures too (with their status and provider code); test `instanceof AuthError` first to treat
 * them apart. `kind` carries the same information as a plain string for code that cannot use
 * `instanceof` (errors that crossed a realm or were serialized).
 *
 * Every field is sanitized when the error is built: known secret values (passed as `secrets`, never
 * stored) and credential-shaped fragments are replaced by `[redacted]`, and URLs lose the values of
 * sensitive query parameters. `message`, `String(err)`, `JSON.stringify(err)` and
 * `util.inspect(err)` are therefore safe to log.
 */
import { redactJson, redactText, redactUrl, type SecretLike } from './redact.js';

export type ProviderKey = 'scp' | 'huawei' | 'openstack' | 'rackspace' | 'katapult';

export const PROVIDER_KEYS: readonly ProviderKey[] = [
  'scp',
  'huawei',
  'openstack',
  'rackspace',
  'katapult',
];

export type ErrorKind =
  | 'validation'
  | 'api'
  | 'auth'
  | 'version'
  | 'timeout'
  | 'network'
  | 'response-body'
  // Raised by the NIC layer (src/nic/errors.ts): a wait that stopped short of its target.
  | 'wait';

/** Where an error happened. All fields optional: fill in what is known. */
export interface ErrorContext {
  provider?: ProviderKey;
  /** The operationId from the provider's spec, e.g. `createServerInterface`. */
  operation?: string;
  /** HTTP method, upper-case. */
  method?: string;
  /** Request URL; stored with sensitive query values redacted. */
  url?: string | URL;
  /**
   * Credential values that must not appear in anything the error stores (message, body, URL,
   * cause). Used while building the error and then dropped.
   */
  secrets?: readonly SecretLike[];
}

const MAX_MESSAGE_DETAIL = 300;

/** Collapses whitespace to single spaces and caps the length, so messages stay one line. */
export function oneLine(text: string, max = MAX_MESSAGE_DETAIL): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
}

/** `katapult post:x (POST /core/v1/...)`, or as much of it as is known. */
function where(ctx: { provider?: string; operation?: string; method?: string; url?: string }) {
  const parts: string[] = [];
  if (ctx.provider) parts.push(ctx.provider);
  if (ctx.operation) parts.push(ctx.operation);
  const call = [ctx.method, ctx.url ? pathOf(ctx.url) : undefined].filter(Boolean).join(' ');
  if (call) parts.push(ctx.operation ? `(${call})` : call);
  return parts.join(' ');
}

/** Copies an error chain, scrubbing messages; returns the original when nothing needed hiding. */
function sanitizeCause(
  cause: unknown,
  secrets: readonly SecretLike[] | undefined,
  depth = 0,
): unknown {
  if (!(cause instanceof Error) || depth > 4) return cause;
  const inner = (cause as { cause?: unknown }).cause;
  const cleanInner = inner === undefined ? undefined : sanitizeCause(inner, secrets, depth + 1);
  const cleanMessage = redactText(cause.message, secrets);
  if (cleanMessage === cause.message && cleanInner === inner) return cause;
  const copy = new Error(
    cleanMessage,
    cleanInner === undefined ? undefined : { cause: cleanInner },
  );
  copy.name = cause.name;
  const code = (cause as { code?: unknown }).code;
  if (code !== undefined) (copy as { code?: unknown }).code = code;
  copy.stack = `${copy.name}: ${cleanMessage}`;
  return copy;
}

/**
 * Sets each field that has a value, in the order given; an absent optional field stays off the
 * error (and out of its JSON) rather than being present as `undefined`.
 */
function assignDefined<T extends object>(target: T, fields: Partial<T>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
}

/** `after 1 attempt`, `after 3 attempts`. */
function afterAttempts(attempts: number): string {
  return `after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
}

const MAY_HAVE_ACTED = 'the request may have been acted upon';

function setName(ctor: { prototype: Error }, name: string): void {
  // On the prototype (not a field), so the stack header V8 captures in the constructor uses it.
  Object.defineProperty(ctor.prototype, 'name', {
    value: name,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

export interface CloudNicErrorOptions extends ErrorContext {
  cause?: unknown;
}

/** Sanitizes a caller-written complete message (used as is, without the context prefix). */
function ownMessage(message: string, secrets: readonly SecretLike[] | undefined): string {
  return oneLine(redactText(message, secrets), 1000);
}

/** Base class of every error cloud-nic throws on purpose. */
export class CloudNicError extends Error {
  readonly kind: ErrorKind;
  declare readonly provider?: ProviderKey;
  declare readonly operation?: string;
  declare readonly method?: string;
  /** The request URL with sensitive query values redacted. */
  declare readonly url?: string;

  /**
   * @param detail what went wrong; prefixed with provider, operation, method and path.
   * @param fullMessage a complete message to use instead of the generated one.
   */
  constructor(
    kind: ErrorKind,
    detail: string,
    options: CloudNicErrorOptions = {},
    fullMessage?: string,
  ) {
    const url = options.url === undefined ? undefined : redactUrl(options.url, options.secrets);
    const method = options.method?.toUpperCase();
    const head = where({ ...options, method, url });
    const message =
      fullMessage !== undefined && fullMessage.trim() !== ''
        ? ownMessage(fullMessage, options.secrets)
        : redactText(head ? `${head}: ${detail}` : detail, options.secrets);
    const cause = sanitizeCause(options.cause, options.secrets);
    super(message, cause === undefined ? undefined : { cause });
    this.kind = kind;
    assignDefined<CloudNicError>(this, {
      provider: options.provider,
      operation: options.operation,
      method,
      url,
    });
  }

  /** Plain data for logs and JSON: every public field, no stack, no cause. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined && key !== 'stack' && key !== 'cause') out[key] = value;
    }
    return out;
  }
}
setName(CloudNicError, 'CloudNicError');

export interface ValidationIssue {
  /** Where the problem is, e.g. `body.interfaceAttachment.fixed_ips` or `baseUrl`. */
  path: string;
  message: string;
}

export interface ValidationErrorInit extends CloudNicErrorOptions {
  issues: readonly ValidationIssue[];
  /** A complete message to use instead of the generated one (still redacted). */
  message?: string;
}

/** The request was refused before anything was sent. */
export class ValidationError extends CloudNicError {
  readonly issues: ValidationIssue[];

  constructor(init: ValidationErrorInit) {
    const { issues, message, ...options } = init;
    const clean = issues.map((i) => ({
      path: redactText(String(i.path), options.secrets),
      message: redactText(String(i.message), options.secrets),
    }));
    const first = clean[0];
    const summary = first
      ? `${first.path ? `${first.path}: ` : ''}${oneLine(first.message)}${
          clean.length > 1 ? ` (and ${clean.length - 1} more)` : ''
        }`
      : 'no details';
    super('validation', `invalid request, nothing was sent: ${summary}`, options, message);
    this.issues = clean;
  }
}
setName(ValidationError, 'ValidationError');

export interface ApiErrorInit extends CloudNicErrorOptions {
  status: number;
  /** The provider's own error code as text, e.g. `Ecs.0114`, `itemNotFound`, `APIGW.0301`. */
  code?: string;
  /** The provider's error message (or a summary of a non-JSON body). */
  message: string;
  requestId?: string;
  retryAfterMs?: number;
  /** Parsed body with secrets redacted, or a capped text excerpt. */
  body?: unknown;
}

/** The provider answered with an error status. */
export class ApiError extends CloudNicError {
  readonly status: number;
  declare readonly code?: string;
  /** The provider's message alone (the `message` property is the full one-line summary). */
  readonly providerMessage: string;
  declare readonly requestId?: string;
  declare readonly retryAfterMs?: number;
  declare readonly body?: unknown;

  constructor(init: ApiErrorInit, kind: ErrorKind = 'api') {
    const { status, code: rawCode, message, requestId, retryAfterMs, body, ...options } = init;
    const providerMessage = oneLine(redactText(message, options.secrets));
    const code = rawCode === undefined ? undefined : redactText(rawCode, options.secrets);
    const extra: string[] = [];
    if (requestId) extra.push(`request id ${requestId}`);
    if (retryAfterMs !== undefined) extra.push(`retry after ${retryAfterMs} ms`);
    const statusPart = `HTTP ${status}${code ? ` ${code}` : ''}`;
    // Bodies with nothing to say get a status summary as their message: do not repeat it.
    const main =
      !code && providerMessage.startsWith(`HTTP ${status}`)
        ? providerMessage
        : `${statusPart}${providerMessage ? `: ${providerMessage}` : ''}`;
    const detail = `${main}${extra.length ? ` [${extra.join(', ')}]` : ''}`;
    super(kind, detail, options);
    this.status = status;
    this.providerMessage = providerMessage;
    assignDefined<ApiError>(this, {
      code,
      requestId: requestId === undefined ? undefined : redactText(requestId, options.secrets),
      retryAfterMs,
      body: body === undefined ? undefined : redactJson(body, options.secrets),
    });
  }
}
setName(ApiError, 'ApiError');

/**
 * The provider rejected the credential: any 401, and provider auth codes on other statuses
 * (Katapult `invalid_api_token` 403, `missing_api_token` 400, ...). It is an {@link ApiError}.
 */
export class AuthError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'auth');
  }
}
setName(AuthError, 'AuthError');

export interface VersionErrorInit extends CloudNicErrorOptions {
  /** A complete message to use instead of the generated one (still redacted). */
  message?: string;
  /** The version asked for, e.g. `virtualserver 1.0` or `2.70`. */
  requested: string;
  /** Versions that would be accepted, when known (may be empty). */
  usable: readonly string[];
  /** Lowest and highest accepted version, when the server states a range (Nova 406). */
  minimum?: string;
  maximum?: string;
  /** Set when the refusal came from the server. */
  status?: number;
  code?: string;
  requestId?: string;
  /** Why the version cannot be used (deprecated past its Not Before date, out of range ...). */
  reason?: string;
}

/** An API version or microversion was refused by the server or is known to be unusable. */
export class VersionError extends CloudNicError {
  readonly requested: string;
  readonly usable: string[];
  declare readonly minimum?: string;
  declare readonly maximum?: string;
  declare readonly status?: number;
  declare readonly code?: string;
  declare readonly requestId?: string;

  constructor(init: VersionErrorInit) {
    const {
      message,
      requested,
      usable,
      minimum,
      maximum,
      status,
      code,
      requestId,
      reason,
      ...options
    } = init;
    const parts = [`version ${requested} is not usable`];
    if (status !== undefined) parts.push(`(HTTP ${status}${code ? ` ${code}` : ''})`);
    if (reason) parts.push(`: ${oneLine(reason)}`);
    if (minimum !== undefined || maximum !== undefined)
      parts.push(`; accepted range ${minimum ?? '?'} to ${maximum ?? '?'}`);
    if (usable.length) parts.push(`; usable: ${usable.join(', ')}`);
    super('version', parts.join(' ').replace(/ ([:;])/g, '$1'), options, message);
    this.requested = requested;
    this.usable = [...usable];
    assignDefined<VersionError>(this, { minimum, maximum, status, code, requestId });
  }
}
setName(VersionError, 'VersionError');

export interface TimeoutErrorInit extends CloudNicErrorOptions {
  timeoutMs: number;
  attempts: number;
  /** Default true. */
  maybeSent?: boolean;
}

/** No complete answer arrived within the per-attempt timeout. */
export class TimeoutError extends CloudNicError {
  readonly timeoutMs: number;
  /** How many attempts were made in total. */
  readonly attempts: number;
  /** Always true: the request may have reached the server and been acted upon. */
  readonly maybeSent: boolean;

  constructor(init: TimeoutErrorInit) {
    const { timeoutMs, attempts, maybeSent: sent, ...options } = init;
    const maybeSent = sent ?? true;
    super(
      'timeout',
      `no complete response within ${timeoutMs} ms per attempt, ${afterAttempts(attempts)}${
        maybeSent ? `; ${MAY_HAVE_ACTED}` : ''
      }`,
      options,
    );
    this.timeoutMs = timeoutMs;
    this.attempts = attempts;
    this.maybeSent = maybeSent;
  }
}
setName(TimeoutError, 'TimeoutError');

export interface NetworkErrorInit extends CloudNicErrorOptions {
  code: string;
  maybeSent: boolean;
  attempts: number;
  /** The underlying error's message chain. */
  detail?: string;
}

/** The connection failed (refused, reset, closed, DNS ...). `cause` holds the underlying error. */
export class NetworkError extends CloudNicError {
  /** System or undici code: `ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`, `ENOTFOUND` ... */
  readonly code: string;
  /** False only when nothing can have reached a server (connection refused, DNS failure). */
  readonly maybeSent: boolean;
  readonly attempts: number;

  constructor(init: NetworkErrorInit) {
    const { code, maybeSent, attempts, detail, ...options } = init;
    super(
      'network',
      `network error ${code}${detail ? ` (${oneLine(detail)})` : ''} ${afterAttempts(attempts)}; ${
        maybeSent ? MAY_HAVE_ACTED : 'the request did not reach the server'
      }`,
      options,
    );
    this.code = code;
    this.maybeSent = maybeSent;
    this.attempts = attempts;
  }
}
setName(NetworkError, 'NetworkError');

export type ResponseBodyProblem = 'truncated' | 'invalid-json';

export interface ResponseBodyErrorInit extends CloudNicErrorOptions {
  status: number;
  reason: ResponseBodyProblem;
  contentType?: string;
  bytesReceived: number;
  attempts: number;
  /** Text of an error-status body; stored capped and redacted. */
  excerpt?: string;
}

/**
 * The server answered (so it may have acted) but the body was cut off mid-transfer or is not the
 * JSON its Content-Type promised.
 */
export class ResponseBodyError extends CloudNicError {
  readonly status: number;
  readonly reason: ResponseBodyProblem;
  declare readonly contentType?: string;
  readonly bytesReceived: number;
  readonly attempts: number;
  readonly maybeSent: true = true;
  /** A short, redacted excerpt of an error-status body; never set for 2xx bodies. */
  declare readonly excerpt?: string;

  constructor(init: ResponseBodyErrorInit) {
    const { status, reason, contentType, bytesReceived, attempts, excerpt, ...options } = init;
    const what =
      reason === 'truncated'
        ? `body was cut off after ${bytesReceived} bytes`
        : `body is not valid JSON (${contentType ?? 'no content type'}, ${bytesReceived} bytes)`;
    super(
      'response-body',
      `HTTP ${status} response ${what} ${afterAttempts(attempts)}; ${MAY_HAVE_ACTED}`,
      options,
    );
    this.status = status;
    this.reason = reason;
    this.bytesReceived = bytesReceived;
    this.attempts = attempts;
    assignDefined<ResponseBodyError>(this, {
      contentType,
      excerpt:
        excerpt === undefined ? undefined : oneLine(redactText(excerpt, options.secrets), 200),
    });
  }
}
setName(ResponseBodyError, 'ResponseBodyError');

/** True for any error cloud-nic raised on purpose (works across bundled copies via `kind`). */
export function isCloudNicError(value: unknown): value is CloudNicError {
  return value instanceof CloudNicError;
}
