/**
 * Turns a provider's error response into `{ code, message, requestId, retryAfterMs, body }`.
 *
 * Error bodies differ per provider and per layer (gateway, auth middleware, service), and proxies
 * in front of them answer with HTML or plain text, so nothing here trusts the shape:
 * - SCP: `ValidationErrorModel[]` (`[{loc, msg, type_}]`) on 400, otherwise unknown;
 * - Huawei ECS: `{"error": {code, message, details?}}`; Huawei API gateway (auth, throttling):
 *   flat `{error_code, error_msg, request_id}`;
 * - Nova: `{"<faultName>": {code, message, retryAfter?}}`; keystonemiddleware 401:
 *   `{"error": {code, title, message}}`;
 * - Rackspace: `{"<faultName>": {code, message, details?, retryAt?}}`, plain text from Repose;
 * - Katapult: `{"error": {code, description, detail}}`;
 * - anything else: HTML error pages, plain text, empty bodies, JSON cut off mid-way.
 */
import {
  ApiError,
  AuthError,
  VersionError,
  oneLine,
  type ErrorContext,
  type ProviderKey,
} from './errors.js';
import {
  headerEntries,
  redactJson,
  redactText,
  type HeaderSource,
  type SecretLike,
} from './redact.js';

export interface ParsedProviderError {
  /** The provider's error code as text (`Ecs.0114`, `itemNotFound`, `APIGW.0301` ...). */
  code?: string;
  /** A one-line human message; never empty. */
  message: string;
  requestId?: string;
  /** From `Retry-After` (seconds or HTTP date), Nova `retryAfter` or Rackspace `retryAt`. */
  retryAfterMs?: number;
  /** The parsed JSON body with secrets redacted, a capped text excerpt, or undefined if empty. */
  body: unknown;
}

export interface ParseProviderErrorInput {
  status: number;
  headers?: HeaderSource;
  bodyText: string;
  /** The provider that answered (the shapes are recognised whatever it is). */
  provider?: ProviderKey;
  /** Clock for HTTP-date `Retry-After` and `retryAt` (ms since epoch); default `Date.now()`. */
  now?: number;
  /** Credential values to scrub from the message and body. */
  secrets?: readonly SecretLike[];
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** `HTTP 503 Service Unavailable`. */
export function statusSummary(status: number): string {
  const text = STATUS_TEXT[status];
  return text ? `HTTP ${status} ${text}` : `HTTP ${status}`;
}

/** Longest body excerpt kept when the body is not JSON. */
export const MAX_BODY_EXCERPT = 2000;
const MAX_MESSAGE = 300;

/**
 * Parses a `Retry-After` value: delay seconds (`120`) or an HTTP date. Returns milliseconds from
 * `now` (never negative), or undefined when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  return parseRetryAt(text, now);
}

/** An absolute time (HTTP date or ISO 8601, e.g. Rackspace `retryAt`) as ms from `now`. */
export function parseRetryAt(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string' || !/[a-z]|-/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

const REQUEST_ID_HEADERS = [
  'x-openstack-request-id',
  'x-compute-request-id',
  'x-request-id',
  'request-id',
  'x-trace-id',
];

function headerMap(headers: HeaderSource | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const [k, v] of headerEntries(headers)) {
    const key = k.toLowerCase();
    if (!map.has(key)) map.set(key, v);
  }
  return map;
}

/** The request id a provider put in its response headers, if any. */
export function requestIdFromHeaders(headers: HeaderSource | undefined): string | undefined {
  const map = headerMap(headers);
  for (const name of REQUEST_ID_HEADERS) {
    const value = map.get(name)?.trim();
    if (value) return value;
  }
  return undefined;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[ref.toLowerCase()] ?? m;
  });
}

function stripTags(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' '),
  );
}

/** True when a body looks like an HTML (or XML) page rather than text or JSON. */
export function looksLikeMarkup(bodyText: string, contentType?: string): boolean {
  if (contentType && /\b(html|xml)\b/i.test(contentType)) return true;
  return /^\s*<(!doctype|html|head|body|title|h[1-6]|\?xml|center|p|div)\b/i.test(bodyText);
}

/**
 * A one-line summary of an HTML error page: its `<title>`, else its first heading, else its text,
 * with tags stripped, entities decoded, whitespace collapsed and the length capped.
 */
export function summarizeHtml(html: string, max = MAX_MESSAGE): string {
  const pick = (re: RegExp) => {
    const m = re.exec(html);
    return m?.[1] ? oneLine(stripTags(m[1]), max) : '';
  };
  return (
    pick(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/i) ||
    pick(/<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]\s*>/i) ||
    oneLine(stripTags(html), max)
  );
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A Nova/Rackspace fault member (`{"itemNotFound": {code, message}}`). */
function isFault(v: unknown): v is Record<string, Json> {
  return isObject(v) && ('message' in v || 'code' in v);
}

/** Item of SCP `ValidationErrorModel[]` (or FastAPI `detail[]`): `loc: msg`. */
function validationItem(item: unknown): string | undefined {
  if (!isObject(item)) return text(item);
  const msg = text(item.msg) ?? text(item.message) ?? text(item.description);
  if (!msg) return undefined;
  const loc = Array.isArray(item.loc)
    ? item.loc.map((p) => String(p)).join('.')
    : (text(item.loc) ?? text(item.path) ?? text(item.field));
  return loc ? `${loc}: ${msg}` : msg;
}

function validationList(items: Json[]): { code?: string; message?: string } {
  const lines = items.map(validationItem).filter((s): s is string => Boolean(s));
  const first = items.find(isObject);
  const code = first ? (text(first.type_) ?? text(first.type) ?? text(first.code)) : undefined;
  return { code, message: lines.length ? lines.join('; ') : undefined };
}

/** Extra detail worth a few words after the main message (Katapult `detail`, Huawei `details`). */
function detailSummary(detail: unknown): string | undefined {
  if (typeof detail === 'string') return text(detail);
  if (Array.isArray(detail)) {
    const parts = detail
      .map((d) => (isObject(d) ? (text(d.message) ?? text(d.code)) : text(d)))
      .filter((s): s is string => Boolean(s));
    return parts.length ? parts.join('; ') : undefined;
  }
  if (!isObject(detail)) return undefined;
  const parts: string[] = [];
  const errors = detail.errors;
  if (Array.isArray(errors)) parts.push(...errors.map(text).filter((s): s is string => !!s));
  const scopes = detail.scopes;
  if (Array.isArray(scopes) && scopes.length)
    parts.push(`scopes: ${scopes.map(String).join(', ')}`);
  for (const key of ['issue_description', 'details', 'message'] as const) {
    const t = text(detail[key]);
    if (t) parts.push(t);
  }
  return parts.length ? parts.join('; ') : undefined;
}

function withDetail(message: string | undefined, detail: string | undefined): string | undefined {
  if (!detail || detail === message) return message;
  return message ? `${message} (${detail})` : detail;
}

interface Extracted {
  code?: string;
  message?: string;
  requestId?: string;
  retryAfterMs?: number;
}

/** Reads code/message out of every JSON error shape the providers use. */
function fromJson(json: Json, now: number): Extracted {
  if (Array.isArray(json)) return validationList(json);
  if (typeof json === 'string') return { message: text(json) };
  if (!isObject(json)) return {};

  const requestId = text(json.request_id) ?? text(json.requestId) ?? text(json['request-id']);

  // Huawei API gateway: {"error_code": "APIGW.0301", "error_msg": "...", "request_id": "..."}
  if ('error_code' in json || 'error_msg' in json) {
    return { code: text(json.error_code), message: text(json.error_msg), requestId };
  }

  const error = json.error;
  if (isObject(error)) {
    // keystone {code: 401, title, message}; Huawei ECS {code: "Ecs.0005", message, details?};
    // Katapult {code: "virtual_machine_not_found", description, detail}
    const code =
      typeof error.code === 'number' && text(error.title) ? text(error.title) : text(error.code);
    const message =
      text(error.message) ?? text(error.description) ?? text(error.msg) ?? text(error.title);
    return {
      code,
      message: withDetail(message, detailSummary(error.detail ?? error.details)),
      requestId: requestId ?? text(error.request_id) ?? text(error.requestId),
    };
  }
  if (typeof error === 'string') {
    // OAuth style {"error": "invalid_token", "error_description": "..."}
    const description = text(json.error_description);
    return description
      ? { code: text(error), message: description, requestId }
      : { code: text(json.code), message: text(error), requestId };
  }

  // FastAPI-style {"detail": [...]} or {"detail": "..."}
  if (Array.isArray(json.detail) && !('message' in json)) {
    return { ...validationList(json.detail), requestId };
  }

  // Flat {code, message}
  const flatMessage =
    text(json.message) ?? text(json.msg) ?? text(json.description) ?? text(json.error_message);
  if (flatMessage !== undefined || (text(json.code) !== undefined && !hasFaultShape(json))) {
    return {
      code: text(json.code) ?? text(json.errorCode),
      message: withDetail(flatMessage ?? text(json.detail), detailSummary(json.details)),
      requestId,
    };
  }

  // Nova / Rackspace fault: {"itemNotFound": {"code": 404, "message": "...", "details": "..."}}
  const faultKey = Object.keys(json).find((k) => isFault(json[k]));
  if (faultKey !== undefined) {
    const inner = json[faultKey] as Record<string, Json>;
    const innerCode = text(inner.code);
    // A textual inner code (Huawei-like) is more specific than the fault name.
    const code = innerCode && !/^\d+$/.test(innerCode) ? innerCode : faultKey;
    let retryAfterMs: number | undefined;
    const retryAfter = inner.retryAfter;
    if (typeof retryAfter === 'number' && retryAfter >= 0) retryAfterMs = retryAfter * 1000;
    else if (typeof retryAfter === 'string') retryAfterMs = parseRetryAfter(retryAfter, now);
    if (retryAfterMs === undefined) retryAfterMs = parseRetryAt(inner.retryAt, now);
    return {
      code,
      message: withDetail(
        text(inner.message) ?? text(inner.description),
        detailSummary(inner.details),
      ),
      requestId: requestId ?? text(inner.request_id),
      retryAfterMs,
    };
  }

  if (typeof json.detail === 'string') return { message: text(json.detail), requestId };
  return { requestId };
}

function hasFaultShape(json: Record<string, Json>): boolean {
  return Object.values(json).some(isFault);
}

/** Pulls code and message out of JSON that does not parse (cut off mid-way). */
function salvage(bodyText: string): Extracted {
  const str = (names: string) => {
    const re = new RegExp(`"(?:${names})"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`);
    const m = re.exec(bodyText);
    if (!m?.[1]) return undefined;
    try {
      return text(JSON.parse(`"${m[1]}"`));
    } catch {
      return text(m[1]);
    }
  };
  const code =
    str('error_code|code') ??
    /"(?:error_code|code)"\s*:\s*(\d+)/.exec(bodyText)?.[1] ??
    /^\s*\{\s*"([A-Za-z]+)"\s*:\s*\{/.exec(bodyText)?.[1];
  return {
    code,
    message: str('error_msg|message|description|msg|title'),
    requestId: str('request_id|requestId'),
  };
}

function looksLikeJson(bodyText: string, contentType: string | undefined): boolean {
  if (contentType && /[/+]json\b/i.test(contentType)) return true;
  return /^\s*[[{]/.test(bodyText);
}

/**
 * Parses an error response of any provider into code, message, request id, retry delay and a
 * redacted body. Never throws.
 */
export function parseProviderError(input: ParseProviderErrorInput): ParsedProviderError {
  const { status, bodyText = '', secrets } = input;
  const now = input.now ?? Date.now();
  const headers = headerMap(input.headers);
  const contentType = headers.get('content-type');
  const fallback = statusSummary(status);

  let extracted: Extracted = {};
  let body: unknown;
  const trimmed = bodyText.trim();

  if (trimmed === '') {
    body = undefined;
  } else {
    let parsed: { ok: true; value: Json } | { ok: false } = { ok: false };
    if (looksLikeJson(trimmed, contentType) || /^"/.test(trimmed)) {
      try {
        parsed = { ok: true, value: JSON.parse(trimmed) as Json };
      } catch {
        parsed = { ok: false };
      }
    }
    if (parsed.ok) {
      extracted = fromJson(parsed.value, now);
      body = redactJson(parsed.value, secrets);
    } else {
      const excerpt =
        trimmed.length > MAX_BODY_EXCERPT ? `${trimmed.slice(0, MAX_BODY_EXCERPT)}…` : trimmed;
      body = redactText(excerpt, secrets);
      if (looksLikeJson(trimmed, contentType) && !looksLikeMarkup(trimmed)) {
        const s = salvage(trimmed);
        extracted = {
          ...s,
          message: s.message
            ? `${s.message} (response body is incomplete JSON)`
            : `${fallback} (response body is not valid JSON)`,
        };
      } else if (looksLikeMarkup(trimmed, contentType)) {
        extracted = { message: summarizeHtml(trimmed) };
      } else {
        extracted = { message: oneLine(trimmed, MAX_MESSAGE) };
      }
    }
  }

  const headerRetry = parseRetryAfter(headers.get('retry-after'), now);
  const retryAfterMs = headerRetry ?? extracted.retryAfterMs;
  const requestId = requestIdFromHeaders(input.headers) ?? extracted.requestId;
  const message = oneLine(redactText(extracted.message || fallback, secrets), MAX_MESSAGE);

  const out: ParsedProviderError = { message, body };
  if (extracted.code !== undefined) out.code = redactText(extracted.code, secrets);
  if (requestId !== undefined) out.requestId = redactText(requestId, secrets);
  if (retryAfterMs !== undefined) out.retryAfterMs = retryAfterMs;
  return out;
}

/**
 * Provider codes that mean "the credential was rejected", whatever the HTTP status
 * (401 is always an auth failure and needs no entry).
 */
export const AUTH_ERROR_CODES: Readonly<Record<ProviderKey, readonly string[]>> = {
  // Katapult (apia authenticator): missing token is a 400, the others 403.
  katapult: [
    'missing_api_token',
    'invalid_api_token',
    'unauthorized_network_for_api_token',
    'invalid_capabilities_token',
    'scope_not_granted',
  ],
  // Huawei API gateway: signature verification failed.
  huawei: ['APIGW.0301'],
  openstack: [],
  rackspace: [],
  scp: [],
};

/** True when a parsed error means the credential was rejected (see {@link AUTH_ERROR_CODES}). */
export function isAuthFailure(status: number, code: string | undefined, provider?: ProviderKey) {
  if (status === 401) return true;
  if (code === undefined) return false;
  const lists = provider ? [AUTH_ERROR_CODES[provider]] : Object.values(AUTH_ERROR_CODES);
  return lists.some((list) => list.includes(code));
}

// Nova: 406 "Version 3.7 is not supported by the API. Minimum is 2.1 and maximum is 3.5."
const NOVA_VERSION_RANGE =
  /Version (\S+) is not supported by the API\. Minimum is (\S+?) and maximum is (\S+?)\.?$/;
// Nova: 400 "API Version String X is of invalid format. Must be of format MajorNum.MinorNum."
const NOVA_VERSION_FORMAT = /API Version String (\S+) is of invalid format/;

export interface ErrorResponseContext extends ErrorContext {
  /** Clock for HTTP-date `Retry-After` (ms since epoch). */
  now?: number;
}

/**
 * Builds the error to throw for a non-2xx response: {@link AuthError} for 401 and provider auth
 * codes, {@link VersionError} when Nova-style APIs refuse the requested microversion, otherwise
 * {@link ApiError}.
 */
export function errorFromResponse(
  context: ErrorResponseContext,
  response: Pick<Response, 'status' | 'headers'> & { url?: string },
  bodyText: string,
): ApiError | VersionError {
  const { now, ...ctx } = context;
  const parsed = parseProviderError({
    status: response.status,
    headers: response.headers,
    bodyText,
    provider: ctx.provider,
    now,
    secrets: ctx.secrets,
  });
  const options = { ...ctx, url: ctx.url ?? (response.url || undefined) };

  if (ctx.provider === 'openstack' || ctx.provider === 'huawei') {
    const range = response.status === 406 ? NOVA_VERSION_RANGE.exec(parsed.message) : undefined;
    const format = response.status === 400 ? NOVA_VERSION_FORMAT.exec(parsed.message) : undefined;
    if (range?.[1] || format?.[1]) {
      return new VersionError({
        ...options,
        requested: (range?.[1] ?? format?.[1]) as string,
        usable: [],
        minimum: range?.[2],
        maximum: range?.[3],
        status: response.status,
        code: parsed.code,
        requestId: parsed.requestId,
        reason: parsed.message,
      });
    }
  }

  const details = {
    ...options,
    status: response.status,
    code: parsed.code,
    message: parsed.message,
    requestId: parsed.requestId,
    retryAfterMs: parsed.retryAfterMs,
    body: parsed.body,
  };
  // An identity service refusing to issue a token (Keystone, Rackspace Identity: a disabled user,
  // MFA required) rejects the credential whatever the status; elsewhere a 403 is only a policy.
  const tokenRefused = ctx.operation === 'createToken' && response.status === 403;
  return tokenRefused || isAuthFailure(response.status, parsed.code, ctx.provider)
    ? new AuthError(details)
    : new ApiError(details);
}
