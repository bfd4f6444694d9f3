/**
 * RFC 3986 percent-encoding helpers used by the Huawei canonical request.
 *
 * `encodeURIComponent` is not suitable: it leaves `! ' ( ) *` unencoded, while the signing
 * algorithm keeps only the unreserved set `A-Z a-z 0-9 - . _ ~` and escapes every other byte of the
 * UTF-8 form as `%XY` with UPPERCASE hex.
 */
import { utf8Encode } from './hmac.js';

const UPPER_HEX = '0123456789ABCDEF';

function isUnreservedByte(b: number): boolean {
  return (
    (b >= 0x41 && b <= 0x5a) || // A-Z
    (b >= 0x61 && b <= 0x7a) || // a-z
    (b >= 0x30 && b <= 0x39) || // 0-9
    b === 0x2d || // -
    b === 0x2e || // .
    b === 0x5f || // _
    b === 0x7e // ~
  );
}

/** Only RFC 3986 unreserved characters: such text encodes, and decodes, to itself. */
const UNRESERVED_ONLY = /^[A-Za-z0-9\-._~]*$/;

/**
 * True when `text` is made of unreserved characters only, so that percent-decoding it and
 * re-encoding it with `encodeRfc3986` gives it back unchanged (the common case of UUIDs, hex ids
 * and plain query values, which can then skip the byte-level work).
 */
export function isUnreservedOnly(text: string): boolean {
  return UNRESERVED_ONLY.test(text);
}

/**
 * Percent-encodes a string (as UTF-8) or raw bytes, leaving only RFC 3986 unreserved characters
 * as they are. Hex digits are upper-case. Lone surrogates in a string become U+FFFD first.
 */
export function encodeRfc3986(input: string | Uint8Array): string {
  if (typeof input === 'string' && UNRESERVED_ONLY.test(input)) return input;
  const bytes = typeof input === 'string' ? utf8Encode(input) : input;
  let out = '';
  for (const b of bytes) {
    out += isUnreservedByte(b)
      ? String.fromCharCode(b)
      : '%' + UPPER_HEX[b >> 4]! + UPPER_HEX[b & 15]!;
  }
  return out;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return -1;
}

/**
 * Percent-decodes one URL component to bytes, once.
 *
 * Lenient like Python's `urllib.parse.unquote`: a `%` not followed by two hex digits stays a
 * literal `%` (and is later re-encoded as `%25`); nothing throws, and byte sequences that are not
 * valid UTF-8 are kept exactly. With `plusAsSpace` (query components), `+` decodes to a space, as
 * in `application/x-www-form-urlencoded`, `URLSearchParams` and Go's `url.ParseQuery`.
 */
export function percentDecodeToBytes(component: string, plusAsSpace = false): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < component.length; i++) {
    const c = component.charCodeAt(i);
    if (c === 0x25 && i + 2 < component.length) {
      const hi = hexValue(component.charCodeAt(i + 1));
      const lo = hexValue(component.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out.push((hi << 4) | lo);
        i += 2;
        continue;
      }
    }
    if (plusAsSpace && c === 0x2b) {
      out.push(0x20);
      continue;
    }
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    // A non-ASCII character written literally (only possible with hand-built strings: URL
    // serializers escape them). Take its UTF-8 form, keeping surrogate pairs together.
    let end = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && end < component.length) {
      const next = component.charCodeAt(end);
      if (next >= 0xdc00 && next <= 0xdfff) end++;
    }
    for (const b of utf8Encode(component.slice(i, end))) out.push(b);
    i = end - 1;
  }
  return Uint8Array.from(out);
}

const lossyDecoder = new TextDecoder('utf-8');

/** Decodes UTF-8 bytes to a string; invalid sequences become U+FFFD (only used for ordering). */
export function utf8DecodeLossy(bytes: Uint8Array): string {
  return lossyDecoder.decode(bytes);
}

/** Orders strings by UTF-16 code units, like `Array.prototype.sort()` without a comparator. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
