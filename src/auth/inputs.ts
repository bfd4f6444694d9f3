/**
 * Input checks shared by the signers. Every failure is a `TypeError` whose message names the field
 * and, for anything secret, never its value.
 */

/** RFC 9110 `token`: the grammar of HTTP methods and header names. */
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Characters that cannot appear in a header value on the wire (CR, LF, NUL). */
const FORBIDDEN_IN_HEADER_VALUE = /[\r\n\0]/;

export function isHttpToken(value: string): boolean {
  return HTTP_TOKEN.test(value);
}

/** True for the methods clients send (checked first: cheaper than the token pattern). */
function isCommonMethod(method: string): boolean {
  return (
    method === 'GET' ||
    method === 'POST' ||
    method === 'PUT' ||
    method === 'DELETE' ||
    method === 'PATCH' ||
    method === 'HEAD'
  );
}

export function requireMethod(method: unknown): string {
  if (typeof method !== 'string' || !(isCommonMethod(method) || isHttpToken(method))) {
    throw new TypeError('method must be an HTTP method token such as "GET" or "POST"');
  }
  return method;
}

/** A non-empty secret string. The message never includes the value. */
export function requireSecret(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`${field} must be a non-empty string`);
  }
  return value;
}

/**
 * A non-empty access key that fits in a header value and in the comma-separated Authorization
 * parameters: printable ASCII without spaces or commas.
 */
export function requireAccessKey(value: unknown, field = 'accessKey'): string {
  if (typeof value !== 'string' || !/^[\x21-\x2b\x2d-\x7e]+$/.test(value)) {
    throw new TypeError(
      `${field} must be a non-empty string of printable ASCII without spaces or commas`,
    );
  }
  return value;
}

/** True for a string that can travel as a header value (may be empty). */
export function isHeaderValue(value: unknown): value is string {
  return typeof value === 'string' && !FORBIDDEN_IN_HEADER_VALUE.test(value);
}

/** A string that can travel as a header value (may be empty). */
export function requireHeaderValue(value: unknown, field: string): string {
  if (!isHeaderValue(value)) {
    throw new TypeError(`${field} must be a string without CR, LF or NUL characters`);
  }
  return value;
}

/** What the signers read from an absolute URL, exactly as WHATWG `URL` reports it. */
export interface UrlParts {
  /** Lower-case host, with the port unless it is the scheme's default. */
  readonly host: string;
  /** Percent-encoded path, at least `/`. */
  readonly pathname: string;
  /** `?` and the query, or `''` when there is none. */
  readonly search: string;
  /**
   * True when the path holds only RFC 3986 unreserved characters and `/`, and the query only
   * unreserved characters, `=` and `&`: nothing in them is escaped, so percent-decoding the path
   * segments, keys and values (split at the first `=`) gives them back unchanged. False when
   * unknown.
   */
  readonly plain: boolean;
}

/**
 * An authority WHATWG keeps as written: either a host of DNS labels of `a-z 0-9` joined by single
 * hyphens, the last one starting with a letter (so it is neither an IPv4 address nor subject to
 * IDNA/punycode processing), or an IPv4 address in its canonical form (four decimal parts of
 * 0-255 without leading zeros, e.g. `127.0.0.1`: emulators and private clouds); then an optional
 * port without leading zeros.
 */
const DNS_LABEL = '[a-z0-9]+(?:-[a-z0-9]+)*';
const LAST_DNS_LABEL = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
const IPV4_PART = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const CANONICAL_IPV4 = String.raw`(?:${IPV4_PART}\.){3}${IPV4_PART}`;
const SIMPLE_AUTHORITY = String.raw`(?:${CANONICAL_IPV4}|(?:${DNS_LABEL}\.)*${LAST_DNS_LABEL})(?::[1-9][0-9]{0,4})?`;

/** RFC 3986 unreserved characters, as the body of a character class. */
const UNRESERVED = String.raw`A-Za-z0-9\-._~`;
/** RFC 3986 sub-delimiters but `'` (which some parsers escape in queries), plus `:` and `@`. */
const SUB_DELIMS = '!$&()*+,;=:@';

/**
 * Both patterns below match `http(s)` URLs that WHATWG parsing leaves exactly as written, apart
 * from what `simpleUrlParts` checks afterwards (port range, dot segments, `%`): lower-case scheme
 * and authority, no fragment, no space or control character.
 *
 * PLAIN_HTTP_URL: the path is made of unreserved characters and `/` (no segment starts with a
 * dot, so there are no dot segments), the query of unreserved characters, `=` and `&` (the usual
 * shape of REST calls: ids in the path, simple query).
 */
const PLAIN_HTTP_URL = new RegExp(
  String.raw`^https?://${SIMPLE_AUTHORITY}(?:/(?!\.)[${UNRESERVED}]*)*(?:\?[${UNRESERVED}=&]*)?$`,
);

/** SIMPLE_HTTP_URL: path and query may also hold escapes and sub-delimiters, never rewritten. */
const SIMPLE_HTTP_URL = new RegExp(
  String.raw`^https?://${SIMPLE_AUTHORITY}` +
    String.raw`(?:/[${UNRESERVED}${SUB_DELIMS}/%]*)?(?:\?[${UNRESERVED}${SUB_DELIMS}/?%]*)?$`,
);

/** A `%` that does not start an escape (`%XY`). */
const BARE_PERCENT = /%(?![0-9A-Fa-f]{2})/;

/** An escaped dot, which could make a `.`/`..` segment that URL parsing removes. */
const ESCAPED_DOT = /%2e/i;

/**
 * The parts of `text` without running the URL parser, when `text` is an `http(s)` URL in one of
 * the simple canonical forms above (the usual case for URLs a client builds); `undefined` for
 * anything else, which must then go through `new URL`. Whenever it answers, host, pathname and
 * search equal what `new URL(text)` reports (tested against it).
 */
export function simpleUrlParts(text: string): UrlParts | undefined {
  const plain = PLAIN_HTTP_URL.test(text);
  if (!plain && !SIMPLE_HTTP_URL.test(text)) return undefined;
  const https = text.charCodeAt(4) === 0x73; // "https:" rather than "http:"
  const hostStart = https ? 8 : 7;
  let queryStart = text.indexOf('?', hostStart);
  if (queryStart < 0) queryStart = text.length;
  let pathStart = text.indexOf('/', hostStart);
  if (pathStart < 0 || pathStart > queryStart) pathStart = queryStart;
  const host = text.slice(hostStart, pathStart);
  const colon = host.indexOf(':');
  if (colon >= 0) {
    // URL parsing drops the scheme's default port and refuses ports above 65535.
    const port = host.slice(colon + 1);
    if (port === (https ? '443' : '80') || Number(port) > 65535) return undefined;
  }
  const pathname = pathStart < queryStart ? text.slice(pathStart, queryStart) : '/';
  // Dot segments are resolved by URL parsing (PLAIN_HTTP_URL excludes them already).
  if (!plain && pathname.includes('/.')) return undefined;
  const search = text.slice(queryStart);
  // URL parsing reports an empty query ("?" alone) as no query.
  if (search === '?') return undefined;
  if (!plain) {
    // A stray `%` is left to the parser, and so is an escaped dot.
    if (pathname.includes('%') && (BARE_PERCENT.test(pathname) || ESCAPED_DOT.test(pathname))) {
      return undefined;
    }
    if (search.includes('%') && BARE_PERCENT.test(search)) return undefined;
  }
  return { host, pathname, search, plain };
}

/**
 * Checks an absolute URL with a host (string or `URL`) and returns its parts. The parts are plain
 * strings, so a `URL` the caller mutates later cannot change a signature being computed.
 */
export function absoluteUrlParts(url: unknown, field = 'url'): UrlParts {
  if (typeof url === 'string') {
    const simple = simpleUrlParts(url);
    if (simple) return simple;
  }
  const parsed = parseAbsoluteUrl(url, field);
  return { host: parsed.host, pathname: parsed.pathname, search: parsed.search, plain: false };
}

/**
 * Checks that `url` is an absolute URL with a host (string or `URL`), and returns the text to sign
 * as sent: the string itself, or a `URL`'s `href`.
 */
export function requireAbsoluteUrl(url: unknown, field = 'url'): string {
  if (typeof url === 'string' && simpleUrlParts(url)) return url;
  const parsed = parseAbsoluteUrl(url, field);
  return typeof url === 'string' ? url : parsed.href;
}

/** The WHATWG parse of `url` (a string, or a `URL` read as it is now), refusing hostless URLs. */
function parseAbsoluteUrl(url: unknown, field: string): URL {
  let parsed: URL;
  if (url instanceof URL) {
    parsed = url;
  } else if (typeof url === 'string' && url.length > 0) {
    try {
      parsed = new URL(url);
    } catch {
      throw new TypeError(`${field} must be an absolute URL (scheme://host/path)`);
    }
  } else {
    throw new TypeError(`${field} must be an absolute URL string or a URL object`);
  }
  if (parsed.host === '') {
    throw new TypeError(`${field} must be an absolute URL with a host`);
  }
  return parsed;
}
