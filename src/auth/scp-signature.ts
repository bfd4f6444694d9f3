/**
 * Samsung Cloud Platform v2 request signature (`Scp-Signature` header).
 *
 *     Scp-Signature = base64( HMAC-SHA256( key = UTF-8(secretKey),
 *                       method + url + timestamp + accessKey + accountId + clientType ) )
 *
 * The six fields are concatenated with no separator. Neither the body nor any header other than
 * these values is covered. `url` is the absolute URL exactly as sent (scheme, host, optional port,
 * percent-encoded path and query): it is signed byte for byte, never decoded or re-encoded, so the
 * same string must be used to sign and to send. Samsung's Go SDK fills `accountId` with an empty
 * string and `clientType` with `Openapi` (capital O only; the v1 spelling `OpenApi` differs and
 * would change the signature).
 */
import { hmacSha256, hmacSha256IfReady, timingSafeEqualString, toBase64 } from './hmac.js';
import {
  requireAbsoluteUrl,
  requireAccessKey,
  requireHeaderValue,
  requireMethod,
  requireSecret,
  simpleUrlParts,
} from './inputs.js';

/** The `Scp-ClientType` value the official SDK sends and signs. */
export const SCP_DEFAULT_CLIENT_TYPE = 'Openapi';

/** Everything that is signed (no secret). */
export interface ScpStringToSignInput {
  /** HTTP method exactly as sent, normally upper-case. */
  method: string;
  /** The absolute URL exactly as sent, already percent-encoded. A `URL` is signed as its `href`. */
  url: string | URL;
  /** Epoch milliseconds, the value of the `Scp-Timestamp` header. */
  timestamp: string | number;
  accessKey: string;
  /** Value of `Scp-AccountId`; the official clients send an empty string. Default `''`. */
  accountId?: string;
  /** Value of `Scp-ClientType`. Default `Openapi`. */
  clientType?: string;
}

export interface ScpSignInput extends ScpStringToSignInput {
  secretKey: string;
}

export interface ScpVerifyInput extends ScpSignInput {
  /** The received `Scp-Signature` header value. */
  signature: string;
}

/** Formats the timestamp as a plain decimal string (never exponent notation). */
function timestampString(timestamp: unknown): string {
  if (typeof timestamp === 'number') {
    if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
      throw new TypeError('timestamp must be a non-negative integer number of epoch milliseconds');
    }
    // Safe integers are below 1e21, so String() writes them in plain decimal, like toFixed(0).
    return String(timestamp);
  }
  if (typeof timestamp !== 'string' || !/^[0-9]+$/.test(timestamp)) {
    throw new TypeError('timestamp must be a string of decimal digits (epoch milliseconds)');
  }
  return timestamp;
}

function urlString(url: unknown): string {
  // A URL in the simple canonical form holds no space or control character: nothing to check.
  if (typeof url === 'string' && simpleUrlParts(url)) return url;
  const text = requireAbsoluteUrl(url);
  // Whitespace and control characters cannot be sent literally: fetch would escape them, and the
  // signature would then cover different bytes from the ones on the wire.
  if (/[\x00-\x20\x7f]/.test(text)) {
    throw new TypeError('url must be percent-encoded as sent (no spaces or control characters)');
  }
  return text;
}

/** The exact string that is HMAC'd: method + url + timestamp + accessKey + accountId + clientType. */
export function scpStringToSign(input: ScpStringToSignInput): string {
  if (input === null || typeof input !== 'object') {
    throw new TypeError('scpStringToSign expects an object argument');
  }
  const method = requireMethod(input.method);
  const url = urlString(input.url);
  const timestamp = timestampString(input.timestamp);
  const accessKey = requireAccessKey(input.accessKey);
  const accountId = requireHeaderValue(input.accountId ?? '', 'accountId');
  const clientType = requireHeaderValue(input.clientType ?? SCP_DEFAULT_CLIENT_TYPE, 'clientType');
  if (clientType === '') throw new TypeError('clientType must be a non-empty string');
  return method + url + timestamp + accessKey + accountId + clientType;
}

/** Computes the `Scp-Signature` header value (44 characters of standard, padded base64). */
export async function signScp(input: ScpSignInput): Promise<string> {
  const message = scpStringToSign(input);
  const secretKey = requireSecret(input.secretKey, 'secretKey');
  return signatureOf(secretKey, message) ?? toBase64(await hmacSha256(secretKey, message));
}

/**
 * The base64 signature, synchronously once `node:crypto` is loaded (the first `hmacSha256` call
 * loads it); `undefined` otherwise.
 */
function signatureOf(secretKey: string, message: string): string | undefined {
  return hmacSha256IfReady(secretKey, message, 'base64');
}

/**
 * Checks a received `Scp-Signature` against the request fields, comparing in constant time.
 * Resolves to `false` (never throws) when request-derived fields are malformed, since they come
 * from the network; throws a `TypeError` only for a missing or invalid `secretKey`.
 */
export async function verifyScpSignature(input: ScpVerifyInput): Promise<boolean> {
  if (input === null || typeof input !== 'object') {
    throw new TypeError('verifyScpSignature expects an object argument');
  }
  const secretKey = requireSecret(input.secretKey, 'secretKey');
  if (typeof input.signature !== 'string' || input.signature.length === 0) return false;
  let message: string;
  try {
    message = scpStringToSign(input);
  } catch {
    return false;
  }
  const expected =
    signatureOf(secretKey, message) ?? toBase64(await hmacSha256(secretKey, message));
  return timingSafeEqualString(input.signature, expected);
}
