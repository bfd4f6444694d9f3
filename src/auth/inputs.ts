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

export function requireMethod(method: unknown): string {
  if (typeof method !== 'string' || !isHttpToken(method)) {
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

/** A string that can travel as a header value (may be empty). */
export function requireHeaderValue(value: unknown, field: string): string {
  if (typeof value !== 'string' || FORBIDDEN_IN_HEADER_VALUE.test(value)) {
    throw new TypeError(`${field} must be a string without CR, LF or NUL characters`);
  }
  return value;
}

/** Parses an absolute URL with a host (string or `URL`); returns a copy the caller cannot mutate. */
export function requireAbsoluteUrl(url: unknown, field = 'url'): URL {
  let parsed: URL;
  if (url instanceof URL) {
    parsed = new URL(url.href);
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
