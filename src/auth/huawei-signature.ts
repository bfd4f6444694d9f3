/**
 * Huawei Cloud AK/SK request signing, `SDK-HMAC-SHA256` (the default "APIG" signer of the
 * official SDKs and of the signing guide).
 *
 *     CanonicalRequest = Method \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n
 *                        SignedHeaders \n hex(SHA-256(body))
 *     StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(SHA-256(CanonicalRequest))
 *     Signature        = hex(HMAC-SHA256(key = UTF-8(SK), StringToSign))
 *     Authorization    = "SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b;c>, Signature=<hex>"
 *
 * Choices where the official SDKs disagree with each other (all irrelevant for UUID/hex path
 * segments and simple queries, which is what the ECS NIC endpoints use):
 *
 * - Path: the URL's path is split on `/`, then each segment is percent-decoded once and re-encoded
 *   with the RFC 3986 unreserved set (upper-case hex). An already-escaped path from a `URL` is thus
 *   never double-encoded (`%41` -> `A`, `%7E` -> `~`, `%25` stays `%25`), and an escaped slash
 *   `%2F` stays inside its segment as `%2F`. The Python SDK also decodes then re-encodes, but it
 *   decodes the whole path before splitting (so `%2F` becomes a separator there); Go encodes its
 *   already-decoded path the same way; the Node SDK does not decode and double-encodes `%`. The
 *   canonical URI always ends in `/` (only inside the canonical request); an empty path is `/`.
 *   Dot segments are resolved by URL parsing before signing, exactly as `fetch` sends them.
 * - Query: the raw query of the URL is split on `&` (empty parts skipped) and on the first `=`; keys
 *   and values are percent-decoded once (`+` means a space, as the Go and Python SDKs send spaces)
 *   and re-encoded like path segments, so a space is `%20`, `*` is `%2A`. A key without `=` signs as
 *   `k=`. Pairs are sorted by decoded key, then decoded value, in UTF-16 code-unit order (the order
 *   of `Array.prototype.sort`, as in the Node SDK); repeated keys are all kept.
 * - Headers: every header given is signed, plus `host` and `x-sdk-date`. Names are lower-cased,
 *   values trimmed (nothing else is collapsed), lines sorted by name in code-unit order (not
 *   `localeCompare`). Header names containing `_` are left out of the signature, as the Go and
 *   Python SDKs do (gateways commonly drop such headers, so signing them could never verify).
 * - Host: the URL's authority as WHATWG `URL` serializes it: lower-case, default ports (`:443` for
 *   https, `:80` for http) dropped as the Huawei DIS signing page advises and as `fetch` sends the
 *   `Host` header; any other port kept (as Java's `getAuthority()`). A `host` header given by the
 *   caller is signed instead (e.g. when the request goes through a proxy that sets another Host).
 * - Body: hex SHA-256 of the exact bytes sent. If an `X-Sdk-Content-Sha256` header is signed, its
 *   value replaces the body hash (all SDKs do this, e.g. `UNSIGNED-PAYLOAD` for uploads).
 */
import {
  hmacSha256,
  hmacSha256JoinedIfReady,
  isCryptoReady,
  prepareCryptoBackend,
  sha256Hex,
  sha256HexIfReady,
  timingSafeEqualString,
  toHex,
} from './hmac.js';
import {
  absoluteUrlParts,
  isHeaderValue,
  isHttpToken,
  requireAccessKey,
  requireHeaderValue,
  requireMethod,
  requireSecret,
  type UrlParts,
} from './inputs.js';
import {
  compareCodeUnits,
  encodeRfc3986,
  isUnreservedOnly,
  percentDecodeToBytes,
  utf8DecodeLossy,
} from './rfc3986.js';

export const HUAWEI_SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

/** Hex SHA-256 of zero bytes: the payload hash of a request without a body. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const CONTENT_SHA256_HEADER = 'x-sdk-content-sha256';
const SDK_DATE_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Headers as plain objects (values `undefined`/`null` are skipped, arrays joined with `, ` like
 * `Headers` does), a `Headers` instance, or `[name, value]` pairs.
 */
export type HuaweiHeadersInput =
  | Readonly<Record<string, string | readonly string[] | undefined | null>>
  | Headers
  | Iterable<readonly [string, string]>;

/** The exact body bytes sent: a string (sent as UTF-8) or bytes; `undefined`/`null` = no body. */
export type HuaweiBody = string | Uint8Array | ArrayBuffer | ArrayBufferView | null | undefined;

export interface HuaweiRequestInput {
  /** HTTP method exactly as sent (methods are case-sensitive; `fetch` upper-cases the usual ones). */
  method: string;
  /** Absolute URL of the request; path and query are canonicalized as described above. */
  url: string | URL;
  /** Headers to sign besides `host` and `x-sdk-date` (e.g. `Content-Type`, `X-Project-Id`). */
  headers?: HuaweiHeadersInput;
  body?: HuaweiBody;
  /** Signing time: a `Date`, or an already formatted `YYYYMMDDTHHMMSSZ` string. */
  date: Date | string;
}

export interface HuaweiSignInput extends HuaweiRequestInput {
  accessKey: string;
  secretKey: string;
}

export interface HuaweiSignature {
  /** Value for the `Authorization` header. */
  authorization: string;
  /** Value that must be sent as the `X-Sdk-Date` header. */
  sdkDate: string;
  /** Lower-case signed header names joined with `;`, e.g. `content-type;host;x-sdk-date`. */
  signedHeaders: string;
  /** The canonical request that was hashed (useful to compare with a gateway's error message). */
  canonicalRequest: string;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The last Date formatted, by epoch second (signing the same second formats once). */
const lastFormatted = { second: Number.NaN, text: '' };

/** Formats a signing time as `YYYYMMDDTHHMMSSZ` (UTC); a string in that form is checked and kept. */
export function formatSdkDate(date: Date | string): string {
  if (date instanceof Date) {
    const t = date.getTime();
    // Requests signed within the same second share the formatted value.
    const second = Math.floor(t / 1000);
    if (second === lastFormatted.second) return lastFormatted.text;
    const year = date.getUTCFullYear();
    if (Number.isNaN(t) || year < 0 || year > 9999) {
      throw new TypeError('date must be a valid Date between years 0000 and 9999');
    }
    lastFormatted.text =
      pad(year, 4) +
      pad(date.getUTCMonth() + 1) +
      pad(date.getUTCDate()) +
      'T' +
      pad(date.getUTCHours()) +
      pad(date.getUTCMinutes()) +
      pad(date.getUTCSeconds()) +
      'Z';
    lastFormatted.second = second;
    return lastFormatted.text;
  }
  if (typeof date === 'string') {
    // The client formats the date for its X-Sdk-Date header, then signs with that same text:
    // the text formatted last needs no second check.
    const formattedLast = !Number.isNaN(lastFormatted.second) && date === lastFormatted.text;
    if (formattedLast || sdkDateToEpochMs(date) !== undefined) return date;
  }
  throw new TypeError('date must be a Date or a UTC time formatted as YYYYMMDDTHHMMSSZ');
}

/** Milliseconds in 400 Gregorian years (146,097 days): the calendar repeats after that. */
const GREGORIAN_CYCLE_MS = 146_097 * 86_400_000;

/** Epoch milliseconds of a `YYYYMMDDTHHMMSSZ` string, or `undefined` if it is not a real time. */
export function sdkDateToEpochMs(sdkDate: string): number | undefined {
  const m = SDK_DATE_PATTERN.exec(sdkDate);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth =
    month === 2
      ? leap
        ? 29
        : 28
      : month === 4 || month === 6 || month === 9 || month === 11
        ? 30
        : 31;
  if (day > daysInMonth) return undefined;
  // Date.UTC reads years 0-99 as 1900-1999; shifting by one 400-year cycle avoids that.
  return Date.UTC(year + 400, month - 1, day, hour, minute, second) - GREGORIAN_CYCLE_MS;
}

/** A path made of RFC 3986 unreserved characters and slashes only. */
const UNRESERVED_PATH = /^[A-Za-z0-9\-._~/]*$/;

/** Canonical URI of a URL path (`URL.pathname`, escaped or not): see the module comment. */
export function huaweiCanonicalUri(pathname: string): string {
  // Fast path: a path of unreserved characters and slashes is its own canonical form.
  const encoded = UNRESERVED_PATH.test(pathname)
    ? pathname
    : pathname
        .split('/')
        .map((segment) =>
          isUnreservedOnly(segment) ? segment : encodeRfc3986(percentDecodeToBytes(segment)),
        )
        .join('/');
  return withFinalSlash(encoded);
}

/** The canonical URI always ends in `/`. */
function withFinalSlash(path: string): string {
  return path.charCodeAt(path.length - 1) === 0x2f ? path : `${path}/`;
}

/** One query parameter: decoded key and value (the sort order) and its canonical text. */
interface QueryPair {
  key: string;
  value: string;
  text: string;
}

/** `key`, `key=` or `key=value` with unreserved characters only: decoding changes nothing. */
const UNRESERVED_PAIR = /^[A-Za-z0-9\-._~]*(?:=[A-Za-z0-9\-._~]*)?$/;

function queryPair(part: string): QueryPair {
  const eq = part.indexOf('=');
  const key = eq < 0 ? part : part.slice(0, eq);
  const value = eq < 0 ? '' : part.slice(eq + 1);
  if (UNRESERVED_PAIR.test(part)) {
    // Decoding and re-encoding would give the same text back.
    return { key, value, text: eq < 0 ? `${part}=` : part };
  }
  const keyBytes = percentDecodeToBytes(key, true);
  const valueBytes = percentDecodeToBytes(value, true);
  return {
    key: utf8DecodeLossy(keyBytes),
    value: utf8DecodeLossy(valueBytes),
    text: encodeRfc3986(keyBytes) + '=' + encodeRfc3986(valueBytes),
  };
}

const byKeyThenValue = (a: QueryPair, b: QueryPair): number =>
  compareCodeUnits(a.key, b.key) ||
  compareCodeUnits(a.value, b.value) ||
  compareCodeUnits(a.text, b.text);

/** Canonical query string of a raw query (`URL.search`, with or without the leading `?`). */
export function huaweiCanonicalQueryString(search: string): string {
  const pairs = queryParts(search).map(queryPair);
  sortStable(pairs, byKeyThenValue);
  return joinQuery(pairs.map((pair) => pair.text));
}

/**
 * Canonical query string of a plain query (see `UrlParts.plain`: unreserved characters, `=` and
 * `&`), which decoding would leave as it is: its `key=value` parts sorted in place, without
 * decoding or pair objects. `undefined` if a value holds another `=` (which must be escaped).
 */
function plainCanonicalQueryString(search: string): string | undefined {
  if (isSortedPlainQuery(search)) return search.slice(1);
  const parts = queryParts(search);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const eq = part.indexOf('=');
    if (eq < 0) parts[i] = `${part}=`;
    else if (part.indexOf('=', eq + 1) >= 0) return undefined;
  }
  sortStable(parts, byPlainKeyThenValue);
  return joinQuery(parts);
}

/** `comparePlainParts` over two whole `key=value` strings. */
const byPlainKeyThenValue = (a: string, b: string): number =>
  comparePlainParts(a, 0, a.length, b, 0, b.length);

/**
 * True when a plain `?query` is already canonical: non-empty parts, each with exactly one `=`,
 * already in order. Then the canonical query string is the query itself (a common case, checked
 * in place without splitting it).
 */
function isSortedPlainQuery(search: string): boolean {
  if (search.charCodeAt(0) !== 0x3f) return false;
  let previousFrom = -1;
  let previousTo = -1;
  for (let from = 1; from < search.length;) {
    let to = search.indexOf('&', from);
    if (to < 0) to = search.length;
    const eq = search.indexOf('=', from);
    if (eq < 0 || eq >= to) return false;
    const second = search.indexOf('=', eq + 1);
    if (second >= 0 && second < to) return false;
    if (
      previousFrom >= 0 &&
      comparePlainParts(search, previousFrom, previousTo, search, from, to) > 0
    ) {
      return false;
    }
    previousFrom = from;
    previousTo = to;
    from = to + 1;
  }
  // A trailing "&" would leave an empty part; so would "?" alone.
  return search.length > 1 && search.charCodeAt(search.length - 1) !== 0x26;
}

/**
 * Orders two `key=value` parts (`a.slice(aFrom, aTo)` and `b.slice(bFrom, bTo)`, one `=` each,
 * unreserved characters otherwise) by key, then value, in code-unit order, as `byKeyThenValue`
 * orders their pairs: where they first differ, the one whose key ends there (`=`) comes first,
 * otherwise the characters decide; a prefix comes first.
 */
function comparePlainParts(
  a: string,
  aFrom: number,
  aTo: number,
  b: string,
  bFrom: number,
  bTo: number,
): number {
  const n = Math.min(aTo - aFrom, bTo - bFrom);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(aFrom + i);
    const y = b.charCodeAt(bFrom + i);
    if (x !== y) return x === 0x3d ? -1 : y === 0x3d ? 1 : x - y;
  }
  return aTo - aFrom - (bTo - bFrom);
}

/** The non-empty `&`-separated parts of a raw query (with or without the leading `?`). */
function queryParts(search: string): string[] {
  const parts: string[] = [];
  for (let from = search.charCodeAt(0) === 0x3f ? 1 : 0; from < search.length;) {
    let to = search.indexOf('&', from);
    if (to < 0) to = search.length;
    if (to > from) parts.push(search.slice(from, to));
    from = to + 1;
  }
  return parts;
}

/** Canonical texts joined with `&`. */
function joinQuery(texts: readonly string[]): string {
  let out = '';
  for (let i = 0; i < texts.length; i++) out += i === 0 ? texts[i]! : `&${texts[i]!}`;
  return out;
}

/** Arrays longer than this are sorted with `Array.prototype.sort` instead of by insertion. */
const INSERTION_SORT_LIMIT = 16;

/** Sorts in place, stably: by insertion for a few items (cheaper), else `Array.prototype.sort`. */
function sortStable<T>(items: T[], compare: (a: T, b: T) => number): void {
  if (items.length > INSERTION_SORT_LIMIT) {
    items.sort(compare);
    return;
  }
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i;
    for (; j > 0 && compare(items[j - 1]!, item) > 0; j--) items[j] = items[j - 1]!;
    items[j] = item;
  }
}

/** Lower-case hex SHA-256 of the body bytes (the empty-body hash for `undefined`/`null`). */
export async function huaweiPayloadHash(body: HuaweiBody): Promise<string> {
  return payloadHashIfReady(body) ?? sha256Hex(body as NonNullable<HuaweiBody>);
}

/** The payload hash, synchronously when the crypto backend allows it (checks the body's type). */
function payloadHashIfReady(body: HuaweiBody): string | undefined {
  if (body === undefined || body === null) return EMPTY_BODY_SHA256;
  if (typeof body !== 'string' && !(body instanceof ArrayBuffer) && !ArrayBuffer.isView(body)) {
    throw new TypeError('body must be a string, an ArrayBuffer, a typed array, null or undefined');
  }
  return sha256HexIfReady(body);
}

/**
 * Headers to sign as one flat array, `[name, value, name, value, ...]`: no object per header on
 * the signing hot path.
 */
type HeaderList = string[];

/**
 * Calls `visit` with every `[name, value]` of any accepted header container, names as given and
 * values unchecked (record values `undefined`/`null` skipped, arrays joined with `, `).
 */
function forEachHeader(
  headers: HuaweiHeadersInput | undefined,
  visit: (name: unknown, value: unknown) => void,
): void {
  if (headers === undefined || headers === null) return;
  if (typeof headers !== 'object') {
    throw new TypeError('headers must be an object, a Headers instance or [name, value] pairs');
  }
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    for (const [name, value] of headers) visit(name, value);
    return;
  }
  if (Symbol.iterator in headers) {
    for (const pair of headers as Iterable<readonly [string, string]>) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new TypeError('headers pairs must be [name, value] arrays');
      }
      visit(pair[0], pair[1]);
    }
    return;
  }
  const record = headers as Record<string, string | readonly string[] | undefined | null>;
  for (const name of Object.keys(record)) {
    const value = record[name];
    if (value === undefined || value === null) continue;
    visit(name, Array.isArray(value) ? value.join(', ') : value);
  }
}

/**
 * Validated, lower-cased and trimmed headers to sign (names with `_` left out), sorted by name in
 * code-unit order. Kept sorted by insertion: requests carry a handful of headers.
 */
function headersToSign(headers: HuaweiHeadersInput | undefined): HeaderList {
  const out: HeaderList = [];
  if (isPlainRecord(headers)) {
    // The usual case, read directly (same result as forEachHeader, without a callback). A
    // `for...in` loop reads the values by the object's enumeration cache, cheaper than a keyed
    // lookup per name; inherited names are skipped, as Object.keys would.
    for (const name in headers) {
      if (!hasOwn.call(headers, name)) continue;
      const value = headers[name];
      if (value === undefined || value === null) continue;
      addHeaderToSign(out, name, Array.isArray(value) ? value.join(', ') : value);
    }
  } else {
    forEachHeader(headers, (name, value) => addHeaderToSign(out, name, value));
  }
  return out;
}

const hasOwn = Object.prototype.hasOwnProperty;

type HeaderRecord = Readonly<Record<string, string | readonly string[] | undefined | null>>;

/** A record of header values, not `Headers` or pairs (both of which are iterable). */
function isPlainRecord(headers: HuaweiHeadersInput | undefined): headers is HeaderRecord {
  return typeof headers === 'object' && headers !== null && !(Symbol.iterator in headers);
}

function addHeaderToSign(out: HeaderList, name: unknown, value: unknown): void {
  if (typeof name !== 'string' || !isHttpToken(name)) {
    throw new TypeError(`headers: ${JSON.stringify(String(name))} is not a valid header name`);
  }
  if (!isHeaderValue(value)) requireHeaderValue(value, `headers["${name}"]`);
  if (name.includes('_')) return;
  const lower = name.toLowerCase();
  if (!insertHeader(out, lower, (value as string).trim())) {
    throw new TypeError(`headers: "${lower}" is given more than once (names are case-insensitive)`);
  }
}

/** Adds a header to a name-sorted list; `false` (nothing added) if the name is already there. */
function insertHeader(list: HeaderList, name: string, value: string): boolean {
  let at = list.length;
  while (at > 0 && list[at - 2]! > name) at -= 2;
  if (at > 0 && list[at - 2] === name) return false;
  list.push(name, value);
  for (let i = list.length - 1; i > at + 1; i--) list[i] = list[i - 2]!;
  list[at] = name;
  list[at + 1] = value;
  return true;
}

/** The index of `name` in a header list, or -1. */
function indexOfHeader(list: HeaderList, name: string): number {
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return i;
  return -1;
}

type CanonicalResult = { canonicalRequest: string; signedHeaders: string; sdkDate: string };

/**
 * Builds the canonical request over `signed` headers (a header list), in the order given. Synchronous on Node
 * once the crypto backend is loaded (no `await` on the signing hot path); a promise otherwise.
 */
function canonicalRequestOver(
  method: string,
  url: UrlParts,
  signed: HeaderList,
  body: HuaweiBody,
  sdkDate: string,
): CanonicalResult | Promise<CanonicalResult> {
  // A plain URL (see UrlParts) is already canonical but for the query order and the final `/`.
  const path = url.pathname;
  const query =
    (url.plain ? plainCanonicalQueryString(url.search) : undefined) ??
    huaweiCanonicalQueryString(url.search);
  // Built piece by piece so that the string has few parts: hashing it first copies every part
  // into one flat string, at a cost per part (short pieces such as "\nhost:" are joined flat).
  let head = method + '\n';
  if (url.plain) {
    head += path;
    head += path.charCodeAt(path.length - 1) === 0x2f ? '\n' : '/\n';
  } else {
    head += huaweiCanonicalUri(path) + '\n';
  }
  head += query;
  let contentSha: string | undefined;
  let signedHeaders = '';
  for (let i = 0; i < signed.length; i += 2) {
    const name = signed[i]!;
    const value = signed[i + 1]!;
    if (name === CONTENT_SHA256_HEADER && contentSha === undefined) contentSha = value;
    head += '\n' + name + ':';
    head += value;
    signedHeaders += i === 0 ? name : ';' + name;
  }
  head += '\n\n' + signedHeaders + '\n';
  const payloadHash = contentSha ?? payloadHashIfReady(body);
  if (payloadHash !== undefined) {
    return { canonicalRequest: head + payloadHash, signedHeaders, sdkDate };
  }
  return huaweiPayloadHash(body).then((hash) => ({
    canonicalRequest: head + hash,
    signedHeaders,
    sdkDate,
  }));
}

/**
 * The canonical request `signHuawei` hashes for the same input (the given headers plus `host` and
 * `x-sdk-date`), together with the SignedHeaders list and the `X-Sdk-Date` value.
 */
export async function huaweiCanonicalRequest(
  input: HuaweiRequestInput,
): Promise<{ canonicalRequest: string; signedHeaders: string; sdkDate: string }> {
  if (input === null || typeof input !== 'object') {
    throw new TypeError('huaweiCanonicalRequest expects an object argument');
  }
  return canonicalRequestOf(input);
}

/** `huaweiCanonicalRequest`, synchronous when the crypto backend allows it. */
function canonicalRequestOf(input: HuaweiRequestInput): CanonicalResult | Promise<CanonicalResult> {
  const method = requireMethod(input.method);
  const url = absoluteUrlParts(input.url);
  const sdkDate = formatSdkDate(input.date);
  const signed = headersToSign(input.headers);
  const dateAt = indexOfHeader(signed, 'x-sdk-date');
  if (dateAt < 0) {
    insertHeader(signed, 'x-sdk-date', sdkDate);
  } else if (signed[dateAt + 1] !== sdkDate) {
    throw new TypeError('headers["X-Sdk-Date"] differs from date; give only date');
  }
  insertHeader(signed, 'host', url.host); // unless a host header was given
  return canonicalRequestOver(method, url, signed, input.body, sdkDate);
}

/** `SDK-HMAC-SHA256` \n X-Sdk-Date \n hex(SHA-256(canonical request)). */
export async function huaweiStringToSign(
  sdkDate: string,
  canonicalRequest: string,
): Promise<string> {
  return stringToSignIfReady(sdkDate, canonicalRequest) ?? stringToSign(sdkDate, canonicalRequest);
}

async function stringToSign(sdkDate: string, canonicalRequest: string): Promise<string> {
  return `${HUAWEI_SIGNING_ALGORITHM}\n${sdkDate}\n${await sha256Hex(canonicalRequest)}`;
}

function stringToSignIfReady(sdkDate: string, canonicalRequest: string): string | undefined {
  const hash = sha256HexIfReady(canonicalRequest);
  return hash === undefined ? undefined : stringToSignHead(sdkDate) + hash;
}

/** The last string-to-sign head, by X-Sdk-Date (requests of one second share it). */
const lastHead = { sdkDate: '', text: '' };

/**
 * `SDK-HMAC-SHA256` \n X-Sdk-Date \n, the head of the string to sign: one string per second, so
 * that the HMAC can keep its bytes (see `hmacSha256JoinedIfReady`) and a joined string to sign
 * has two parts only.
 */
function stringToSignHead(sdkDate: string): string {
  if (lastHead.sdkDate !== sdkDate) {
    lastHead.text = `${HUAWEI_SIGNING_ALGORITHM}\n${sdkDate}\n`;
    lastHead.sdkDate = sdkDate;
  }
  return lastHead.text;
}

/**
 * Hex signature of a canonical request. On Node (once `node:crypto` is loaded) every digest is
 * computed synchronously; the Web Crypto path awaits each one.
 */
async function signatureOf(
  secretKey: string,
  sdkDate: string,
  canonicalRequest: string,
): Promise<string> {
  return (
    signatureIfReady(secretKey, sdkDate, canonicalRequest) ??
    toHex(await hmacSha256(secretKey, await stringToSign(sdkDate, canonicalRequest)))
  );
}

/** The hex signature, synchronously when the crypto backend allows it; `undefined` otherwise. */
function signatureIfReady(
  secretKey: string,
  sdkDate: string,
  canonicalRequest: string,
): string | undefined {
  const hash = sha256HexIfReady(canonicalRequest);
  // The string to sign is head + hash; its head's bytes are reused while the second lasts.
  return hash === undefined
    ? undefined
    : hmacSha256JoinedIfReady(secretKey, stringToSignHead(sdkDate), hash, 'hex');
}

/**
 * Signs a request. Send `authorization` as `Authorization` and `sdkDate` as `X-Sdk-Date`, plus
 * every header given (with the values given), the exact body bytes, and the URL as given.
 */
export async function signHuawei(input: HuaweiSignInput): Promise<HuaweiSignature> {
  if (input === null || typeof input !== 'object') {
    throw new TypeError('signHuawei expects an object argument');
  }
  const accessKey = requireAccessKey(input.accessKey);
  const secretKey = requireSecret(input.secretKey, 'secretKey');
  // Loads node:crypto on the first call only; afterwards the whole signature is synchronous work.
  if (!isCryptoReady()) await prepareCryptoBackend();
  let canonical = canonicalRequestOf(input);
  if (canonical instanceof Promise) canonical = await canonical;
  const { canonicalRequest, signedHeaders, sdkDate } = canonical;
  const signature =
    signatureIfReady(secretKey, sdkDate, canonicalRequest) ??
    (await signatureOf(secretKey, sdkDate, canonicalRequest));
  return {
    authorization: `${HUAWEI_SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    sdkDate,
    signedHeaders,
    canonicalRequest,
  };
}

/** The three parameters of an `SDK-HMAC-SHA256` Authorization header. */
export interface HuaweiAuthorization {
  accessKey: string;
  /** Header names in the order they were listed. */
  signedHeaders: string[];
  /** Lower-case hex. */
  signature: string;
}

const AUTHORIZATION_PATTERN =
  /^SDK-HMAC-SHA256 +Access=([^\s,]+) *, *SignedHeaders=([^\s,]+) *, *Signature=([0-9A-Fa-f]{64})$/;

/**
 * Parses an Authorization header value; `undefined` if it is not a well-formed `SDK-HMAC-SHA256`
 * header (signed header names must be lower-case HTTP tokens, listed once each).
 */
export function parseHuaweiAuthorization(header: string): HuaweiAuthorization | undefined {
  const m = AUTHORIZATION_PATTERN.exec(header.trim());
  if (!m) return undefined;
  const names = m[2]!.split(';');
  const seen = new Set<string>();
  for (const name of names) {
    if (!isHttpToken(name) || name !== name.toLowerCase() || seen.has(name)) return undefined;
    seen.add(name);
  }
  return { accessKey: m[1]!, signedHeaders: names, signature: m[3]!.toLowerCase() };
}

export type HuaweiVerifyFailureReason =
  | 'missing-authorization'
  | 'bad-format'
  | 'unknown-access-key'
  | 'missing-signed-header'
  | 'clock-skew'
  | 'signature-mismatch';

export type HuaweiVerifyResult =
  | { ok: true; accessKey: string; signedHeaders: string[]; sdkDate: string }
  | {
      ok: false;
      reason: HuaweiVerifyFailureReason;
      /** Human-readable; never contains a secret key or the expected signature. */
      message: string;
      /** The access key the request claimed, when it could be parsed. */
      accessKey?: string;
      /** For `missing-signed-header`: the listed header the request lacks. */
      header?: string;
    };

export interface HuaweiVerifyInput {
  /** The method as received. */
  method: string;
  /** The absolute URL as received, e.g. `new URL(req.url, 'http://' + req.headers.host)`. */
  url: string | URL;
  /** The headers as received (Node's `req.headers` and `Headers` both work). */
  headers: HuaweiHeadersInput;
  /** The body bytes as received. */
  body?: HuaweiBody;
  /** The secret key to check against. With `accessKey`, other access keys are unknown. */
  secretKey?: string;
  accessKey?: string;
  /** Looks up the secret key of an access key; `undefined` means unknown. */
  lookupSecretKey?: (accessKey: string) => string | undefined | Promise<string | undefined>;
  /** When given (or when `maxClockSkewMs` is), X-Sdk-Date must be within the window of `now`. */
  now?: Date | number;
  /** Allowed |X-Sdk-Date - now| in ms. Default 15 minutes, the gateway's documented limit. */
  maxClockSkewMs?: number;
}

const DEFAULT_MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** Received headers, names lower-cased; repeated names joined with `, `. Never throws. */
function receivedHeaders(headers: HuaweiHeadersInput): Map<string, string> {
  const out = new Map<string, string>();
  forEachHeader(headers, (name, value) => {
    if (typeof name !== 'string' || typeof value !== 'string') return;
    const lower = name.toLowerCase();
    const previous = out.get(lower);
    out.set(lower, previous === undefined ? value : `${previous}, ${value}`);
  });
  return out;
}

/**
 * Verifies a received request the way the gateway does: parses `Authorization`, recomputes the
 * signature over exactly the headers listed in SignedHeaders (in the listed order, values taken
 * from the received request) and compares in constant time. A signed `host` missing from the
 * received headers is taken from the URL. Throws a `TypeError` only for a bad call (no key source,
 * invalid method or URL); everything about the request itself is reported in the result.
 */
export async function verifyHuaweiSignature(input: HuaweiVerifyInput): Promise<HuaweiVerifyResult> {
  if (input === null || typeof input !== 'object') {
    throw new TypeError('verifyHuaweiSignature expects an object argument');
  }
  const method = requireMethod(input.method);
  const url = absoluteUrlParts(input.url);
  if (input.secretKey === undefined && typeof input.lookupSecretKey !== 'function') {
    throw new TypeError('verifyHuaweiSignature needs secretKey or lookupSecretKey');
  }
  if (input.secretKey !== undefined) requireSecret(input.secretKey, 'secretKey');
  if (input.accessKey !== undefined) requireAccessKey(input.accessKey);

  let headers: Map<string, string>;
  try {
    headers = receivedHeaders(input.headers);
  } catch {
    return { ok: false, reason: 'bad-format', message: 'headers could not be read' };
  }
  const authorization = headers.get('authorization');
  if (authorization === undefined || authorization.trim() === '') {
    return { ok: false, reason: 'missing-authorization', message: 'no Authorization header' };
  }
  const parsed = parseHuaweiAuthorization(authorization);
  if (!parsed) {
    return {
      ok: false,
      reason: 'bad-format',
      message:
        'Authorization is not "SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<64 hex>"',
    };
  }
  const { accessKey } = parsed;
  if (!parsed.signedHeaders.includes('x-sdk-date')) {
    return {
      ok: false,
      reason: 'bad-format',
      message: 'SignedHeaders must include x-sdk-date',
      accessKey,
    };
  }

  let secretKey: string | undefined;
  if (input.secretKey !== undefined) {
    secretKey =
      input.accessKey === undefined || input.accessKey === accessKey ? input.secretKey : undefined;
  } else {
    const found = await input.lookupSecretKey!(accessKey);
    secretKey = typeof found === 'string' && found.length > 0 ? found : undefined;
  }
  if (secretKey === undefined) {
    return {
      ok: false,
      reason: 'unknown-access-key',
      message: `access key ${accessKey} is not known`,
      accessKey,
    };
  }

  const signed: HeaderList = [];
  for (const name of parsed.signedHeaders) {
    let value = headers.get(name);
    if (value === undefined && name === 'host') value = url.host;
    if (value === undefined) {
      return {
        ok: false,
        reason: 'missing-signed-header',
        message: `signed header ${name} is not in the request`,
        accessKey,
        header: name,
      };
    }
    signed.push(name, value.trim());
  }

  const sdkDate = headers.get('x-sdk-date')!.trim();
  const signedAt = sdkDateToEpochMs(sdkDate);
  if (signedAt === undefined) {
    return {
      ok: false,
      reason: 'bad-format',
      message: 'X-Sdk-Date is not a UTC time formatted as YYYYMMDDTHHMMSSZ',
      accessKey,
    };
  }
  if (input.now !== undefined || input.maxClockSkewMs !== undefined) {
    const now = input.now === undefined ? Date.now() : new Date(input.now).getTime();
    const maxSkew = input.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
    if (!(Math.abs(now - signedAt) <= maxSkew)) {
      return {
        ok: false,
        reason: 'clock-skew',
        message: `X-Sdk-Date ${sdkDate} is more than ${maxSkew} ms away from the server time`,
        accessKey,
      };
    }
  }

  let canonicalRequest: string;
  try {
    ({ canonicalRequest } = await canonicalRequestOver(method, url, signed, input.body, sdkDate));
  } catch {
    return { ok: false, reason: 'bad-format', message: 'the body could not be read', accessKey };
  }
  const expected = await signatureOf(secretKey, sdkDate, canonicalRequest);
  if (!timingSafeEqualString(parsed.signature, expected)) {
    return {
      ok: false,
      reason: 'signature-mismatch',
      message: 'the signature does not match the request',
      accessKey,
    };
  }
  return { ok: true, accessKey, signedHeaders: parsed.signedHeaders, sdkDate };
}
