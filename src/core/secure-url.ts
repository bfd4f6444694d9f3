/**
 * Credentials travel only over https, except to this machine (the emulators listen on loopback).
 */
import { ValidationError, type ErrorContext } from './errors.js';
import { redactUrl } from './redact.js';

/**
 * True for `localhost`, any 127.0.0.0/8 address and `::1` (also as an IPv4-mapped address).
 * Expects a hostname as the WHATWG URL parser gives it (`new URL(...).hostname`): IPv4 in dotted
 * decimal, IPv6 compressed, lower case and in brackets, so no other spelling needs matching.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (host === 'localhost' || host === '::1') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255) && v4[1] === '127';
  // IPv4-mapped loopback, as the parser writes it: ::ffff:7f00:1 (127.0.0.1).
  const mapped = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(host);
  return mapped?.[1] !== undefined && parseInt(mapped[1], 16) >> 8 === 127;
}

/**
 * Checks that credentials may be sent to `url`: the scheme must be https, or http to a loopback
 * host, and the URL must not embed a user name or password. Returns the parsed URL; throws a
 * {@link ValidationError} (nothing was sent) otherwise.
 *
 * @param what names the setting in the error, e.g. `baseUrl` or `identity.authUrl`.
 */
export function assertCredentialSafeUrl(
  url: string | URL,
  what: string,
  context: Omit<ErrorContext, 'url'> = {},
): URL {
  const fail = (message: string): never => {
    throw new ValidationError({ ...context, issues: [{ path: what, message }] });
  };
  let parsed: URL;
  try {
    parsed = url instanceof URL ? url : new URL(String(url));
  } catch {
    return fail(`is not an absolute URL: ${redactUrl(String(url), context.secrets)}`);
  }
  // Only an error shows the URL: redacting it on every call would cost more than the check.
  const shown = () => redactUrl(parsed.href, context.secrets);
  if (parsed.username || parsed.password) {
    fail(`must not embed credentials in the URL (${shown()})`);
  }
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return parsed;
  if (parsed.protocol === 'http:') {
    fail(
      `credentials may be sent over plain http only to loopback addresses (localhost, 127.0.0.0/8, [::1]); use https (${shown()})`,
    );
  }
  return fail(`unsupported scheme ${parsed.protocol} for a credentialed endpoint (${shown()})`);
}

/** Like {@link assertCredentialSafeUrl} but answers instead of throwing. */
export function isCredentialSafeUrl(url: string | URL): boolean {
  try {
    assertCredentialSafeUrl(url, 'url');
    return true;
  } catch {
    return false;
  }
}
