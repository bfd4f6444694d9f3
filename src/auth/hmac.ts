/**
 * Crypto backend for request signing: SHA-256 and HMAC-SHA256 that run in Node 20+ and in
 * browsers.
 *
 * - On Node (and runtimes that mimic it, such as Bun and Deno) `node:crypto` is used: its
 *   `createHash`/`createHmac` are synchronous and much faster than Web Crypto for the small inputs
 *   signing deals with. The module is loaded lazily with a dynamic `import('node:crypto')` that only
 *   runs after a Node check, and the loaded module is cached. Browser bundles can therefore mark
 *   `node:crypto` as external: the import is never evaluated there.
 * - Everywhere else `globalThis.crypto.subtle` (Web Crypto) is used.
 *
 * Both paths produce identical bytes (tested). The encoders below do not use Node's `Buffer`.
 *
 * Speed (signing runs once per request): once `node:crypto` is loaded it is kept in a plain
 * variable, so digests need no further `await`; strings go to it as they are (Node encodes them as
 * UTF-8 natively, lone surrogates as U+FFFD like `TextEncoder`), and the `...IfReady` variants
 * answer synchronously so that a signer can do all its hashing without a microtask hop. HMAC with
 * a string key is two one-shot hashes over cached padded key blocks (see `nodeHmac`).
 *
 * A pure-JS SHA-256 resuming from cached HMAC midstates was measured and left out: even fully
 * unrolled it takes about 0.24 µs per 64-byte block, while a native one-shot call costs about
 * 0.3 µs whatever the (short) length, so three JS blocks plus the conversions around them do not
 * beat the two native calls of an HMAC.
 */

/** Bytes or text. Text is always encoded as UTF-8. */
export type BinaryInput = string | Uint8Array | ArrayBuffer | ArrayBufferView;

/** Which implementation computes digests. `auto` picks `node` on Node, `web` elsewhere. */
export type CryptoBackend = 'auto' | 'node' | 'web';

type NodeCrypto = typeof import('node:crypto');

let forcedBackend: CryptoBackend = 'auto';
let nodeCryptoPromise: Promise<NodeCrypto | undefined> | undefined;
/** `node:crypto` once the dynamic import has resolved (undefined before, and off Node). */
let loadedNodeCrypto: NodeCrypto | undefined;
/** Its one-shot `crypto.hash` (Node 20.12+), read once: every digest goes through it. */
let loadedHash: OneShotHash | undefined;

/**
 * Chooses the digest implementation for later calls. Meant for tests and benchmarks (comparing the
 * two paths); applications never need it. `node` throws later if `node:crypto` cannot be loaded.
 */
export function useCryptoBackend(backend: CryptoBackend): void {
  if (backend !== 'auto' && backend !== 'node' && backend !== 'web') {
    throw new TypeError("backend must be 'auto', 'node' or 'web'");
  }
  forcedBackend = backend;
}

/** The backend the next digest will use, after resolving `auto`. */
export async function activeCryptoBackend(): Promise<'node' | 'web'> {
  return (await nodeCryptoOrUndefined()) ? 'node' : 'web';
}

function isNodeLike(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: unknown } } }).process;
  return typeof proc?.versions?.node === 'string';
}

async function loadNodeCrypto(): Promise<NodeCrypto | undefined> {
  if (!isNodeLike()) return undefined;
  nodeCryptoPromise ??= import('node:crypto').then(
    (mod) => {
      const hash = (mod as { hash?: unknown }).hash;
      loadedHash = typeof hash === 'function' ? (hash as OneShotHash) : undefined;
      return (loadedNodeCrypto = mod);
    },
    () => undefined,
  );
  return nodeCryptoPromise;
}

/** `node:crypto` when it is loaded and selected, without waiting; `undefined` otherwise. */
function readyNodeCrypto(): NodeCrypto | undefined {
  return forcedBackend === 'web' ? undefined : loadedNodeCrypto;
}

/** True when the `...IfReady` functions answer (node:crypto loaded and selected). */
export function isCryptoReady(): boolean {
  return readyNodeCrypto() !== undefined;
}

/**
 * Loads the selected backend (`node:crypto` on Node) so that the `...IfReady` functions can answer
 * synchronously from now on. Throws like the digests do when `node` is forced but unavailable.
 */
export async function prepareCryptoBackend(): Promise<void> {
  await nodeCryptoOrUndefined();
}

/** What `node:crypto` takes directly: strings (hashed as UTF-8) and plain byte views. */
function nodeInput(data: BinaryInput): string | Uint8Array {
  return typeof data === 'string' ? data : toBytes(data);
}

/**
 * Output encodings used with Node's one-shot `crypto.hash`; `binary` (latin1) is one character per
 * byte, the cheapest way to get raw digest bytes out of it.
 */
type DigestEncoding = 'hex' | 'base64' | 'binary';

/** Node's one-shot `crypto.hash` (Node 20.12+), or `undefined` on runtimes that lack it. */
type OneShotHash = (
  algorithm: string,
  data: string | Uint8Array,
  encoding: DigestEncoding,
) => string;

/**
 * Lowercase hex SHA-256, synchronously, when `node:crypto` is loaded and selected (see
 * `prepareCryptoBackend`); `undefined` otherwise, in which case use `sha256Hex`.
 */
export function sha256HexIfReady(data: BinaryInput): string | undefined {
  const node = readyNodeCrypto();
  if (!node) return undefined;
  const input = nodeInput(data);
  return loadedHash !== undefined
    ? loadedHash('sha256', input, 'hex')
    : node.createHash('sha256').update(input).digest('hex');
}

/**
 * HMAC-SHA256 as lowercase hex or standard padded base64, synchronously, when `node:crypto` is
 * loaded and selected; `undefined` otherwise, in which case use `hmacSha256`.
 */
export function hmacSha256IfReady(
  key: BinaryInput,
  data: BinaryInput,
  encoding: 'hex' | 'base64',
): string | undefined {
  const node = readyNodeCrypto();
  if (!node) return undefined;
  return nodeHmac(node, key, data, encoding);
}

/** SHA-256 block size in bytes: the length of the padded HMAC key. */
const BLOCK_SIZE = 64;
const DIGEST_SIZE = 32;
/** Messages up to this many bytes reuse the scratch buffer; longer ones get a temporary one. */
const MAX_SCRATCH_BYTES = 64 * 1024;

/**
 * The padded key blocks of the last string secret. A client signs every request with the same
 * secret, and deriving them costs about as much as an HMAC. One entry only, replaced by the next
 * secret; it lives in this module, never on a client or an error.
 */
interface HmacPads {
  secret: string;
  /** (K ^ ipad) followed by room for the message: the input of the inner hash. */
  inner: Uint8Array;
  /** The message area of `inner` (everything after the key block). */
  message: Uint8Array;
  /** (K ^ opad) followed by the 32 bytes of the inner digest: the input of the outer hash. */
  outer: Uint8Array;
  /** The last view of `inner` hashed: signers HMAC messages of one length again and again. */
  view: Uint8Array;
  /**
   * The text whose UTF-8 bytes start the message area (see `hmacSha256JoinedIfReady`); reset
   * whenever anything else writes there.
   */
  head: string | undefined;
  /** The message area after the bytes of `head`. */
  afterHead: Uint8Array;
}

let lastPads: HmacPads | undefined;

function hmacPads(hash: OneShotHash, secret: string): HmacPads {
  if (lastPads?.secret === secret) return lastPads;
  let keyBytes: Uint8Array = utf8Encode(secret);
  // RFC 2104: a key longer than the block is replaced by its hash.
  if (keyBytes.length > BLOCK_SIZE) keyBytes = latin1Bytes(hash('sha256', keyBytes, 'binary'));
  const inner = new Uint8Array(BLOCK_SIZE + 256);
  const outer = new Uint8Array(BLOCK_SIZE + DIGEST_SIZE);
  for (let i = 0; i < BLOCK_SIZE; i++) {
    const k = keyBytes[i] ?? 0;
    inner[i] = k ^ 0x36;
    outer[i] = k ^ 0x5c;
  }
  const message = inner.subarray(BLOCK_SIZE);
  lastPads = { secret, inner, message, outer, view: inner, head: undefined, afterHead: message };
  return lastPads;
}

/** A key block followed by room for `messageBytes`: the cached one, grown if needed. */
function innerBuffer(pads: HmacPads, messageBytes: number): Uint8Array {
  const needed = BLOCK_SIZE + messageBytes;
  if (pads.inner.length >= needed) return pads.inner;
  const grown = new Uint8Array(Math.max(needed, 2 * pads.inner.length));
  grown.set(pads.inner.subarray(0, BLOCK_SIZE));
  // A huge message gets a buffer of its own rather than pinning that much memory.
  if (needed > MAX_SCRATCH_BYTES) return grown;
  pads.inner = grown;
  pads.message = grown.subarray(BLOCK_SIZE);
  pads.view = grown;
  pads.head = undefined;
  return grown;
}

/**
 * HMAC-SHA256 on `node:crypto`. With a string key it is computed as RFC 2104 spells it,
 * H((K ^ opad) || H((K ^ ipad) || m)), with two one-shot `crypto.hash` calls over the cached
 * padded key blocks: about twice as fast as `createHmac` for the short strings signers HMAC, and
 * the same bytes (tested against `createHmac`). Byte keys, and runtimes without `crypto.hash`, use
 * `createHmac`.
 */
function nodeHmac(
  node: NodeCrypto,
  key: BinaryInput,
  data: BinaryInput,
  encoding: DigestEncoding,
): string {
  const hash = loadedHash;
  if (typeof key !== 'string' || hash === undefined) {
    return node
      .createHmac('sha256', typeof key === 'string' ? key : toBytes(key))
      .update(nodeInput(data))
      .digest(encoding);
  }
  const pads = hmacPads(hash, key);
  return outerDigestOf(hash, pads, innerDigestOf(hash, pads, data), encoding);
}

/** H((K ^ opad) || inner digest), the digest copied after the cached key block. */
function outerDigestOf(
  hash: OneShotHash,
  pads: HmacPads,
  innerDigest: string,
  encoding: DigestEncoding,
): string {
  const outer = pads.outer;
  for (let i = 0; i < DIGEST_SIZE; i++) outer[BLOCK_SIZE + i] = innerDigest.charCodeAt(i);
  return hash('sha256', outer, encoding);
}

/** The view of the first `length` bytes of the cached inner buffer (kept while the length is). */
function innerView(pads: HmacPads, length: number): Uint8Array {
  let view = pads.view;
  if (view.length !== length) view = pads.view = pads.inner.subarray(0, length);
  return view;
}

/**
 * HMAC-SHA256 of the UTF-8 bytes of `head` followed by those of `tail` (the same as of
 * `head + tail`, unless a surrogate pair is split between the two), synchronously when
 * `node:crypto` is loaded and selected; `undefined` otherwise. For signers whose string to sign
 * keeps its head for a while and ends with a fresh digest (the Huawei one: algorithm and
 * X-Sdk-Date of the current second, then the canonical request hash): the bytes of the last head
 * stay in the message buffer while the head is the same text, so only the tail is encoded. The
 * HMAC itself is computed anew on every call.
 */
export function hmacSha256JoinedIfReady(
  key: BinaryInput,
  head: string,
  tail: string,
  encoding: 'hex' | 'base64',
): string | undefined {
  const node = readyNodeCrypto();
  if (!node) return undefined;
  const hash = loadedHash;
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  const maxBytes = (head.length + tail.length) * 3;
  if (typeof key !== 'string' || hash === undefined || BLOCK_SIZE + maxBytes > MAX_SCRATCH_BYTES) {
    return nodeHmac(node, key, concatBytes(utf8Encode(head), utf8Encode(tail)), encoding);
  }
  const pads = hmacPads(hash, key);
  innerBuffer(pads, maxBytes); // grows the cached buffer (forgetting the head) when too small
  if (pads.head !== head) {
    const written = textEncoder.encodeInto(head, pads.message).written;
    pads.afterHead = pads.message.subarray(written);
    pads.head = head;
  }
  const tailBytes = textEncoder.encodeInto(tail, pads.afterHead).written;
  const length = pads.inner.length - pads.afterHead.length + tailBytes;
  return outerDigestOf(hash, pads, hash('sha256', innerView(pads, length), 'binary'), encoding);
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** H((K ^ ipad) || m), the message copied as bytes after the cached key block. */
function innerDigestOf(hash: OneShotHash, pads: HmacPads, data: BinaryInput): string {
  let inner: Uint8Array;
  let length: number;
  pads.head = undefined; // the message area is overwritten
  if (typeof data === 'string') {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    inner = innerBuffer(pads, data.length * 3);
    const message = inner === pads.inner ? pads.message : inner.subarray(BLOCK_SIZE);
    length = BLOCK_SIZE + textEncoder.encodeInto(data, message).written;
  } else {
    const bytes = toBytes(data);
    inner = innerBuffer(pads, bytes.length);
    inner.set(bytes, BLOCK_SIZE);
    length = BLOCK_SIZE + bytes.length;
  }
  const view = inner === pads.inner ? innerView(pads, length) : inner.subarray(0, length);
  return hash('sha256', view, 'binary');
}

/** The bytes of a `binary` (latin1) string (one byte per character). */
function latin1Bytes(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

async function nodeCryptoOrUndefined(): Promise<NodeCrypto | undefined> {
  if (forcedBackend === 'web') return undefined;
  if (loadedNodeCrypto) return loadedNodeCrypto;
  const mod = await loadNodeCrypto();
  if (!mod && forcedBackend === 'node') {
    throw new Error('node:crypto is not available in this runtime');
  }
  return mod;
}

function subtle(): SubtleCrypto {
  const s = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!s) {
    throw new Error(
      'No crypto backend: neither node:crypto nor globalThis.crypto.subtle is available',
    );
  }
  return s;
}

const textEncoder = new TextEncoder();

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as in every UTF-8 encoder). */
export function utf8Encode(text: string): Uint8Array<ArrayBuffer> {
  return textEncoder.encode(text) as Uint8Array<ArrayBuffer>;
}

/**
 * Normalizes any accepted input to a fresh-or-owned `Uint8Array` over a plain `ArrayBuffer`
 * (Web Crypto's `BufferSource` does not accept views over `SharedArrayBuffer`).
 */
export function toBytes(data: BinaryInput): Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return utf8Encode(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) {
    const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (view.buffer instanceof ArrayBuffer) return view as Uint8Array<ArrayBuffer>;
    return new Uint8Array(view);
  }
  throw new TypeError('data must be a string, an ArrayBuffer or an ArrayBuffer view');
}

/** SHA-256 digest. */
export async function sha256(data: BinaryInput): Promise<Uint8Array> {
  const node = readyNodeCrypto() ?? (await nodeCryptoOrUndefined());
  if (node) {
    const digest = node.createHash('sha256').update(nodeInput(data)).digest();
    return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
  }
  return new Uint8Array(await subtle().digest('SHA-256', toBytes(data)));
}

/** Lowercase hex SHA-256 digest. */
export async function sha256Hex(data: BinaryInput): Promise<string> {
  const ready = sha256HexIfReady(data);
  if (ready !== undefined) return ready;
  await prepareCryptoBackend();
  return sha256HexIfReady(data) ?? toHex(await sha256(data));
}

/** HMAC-SHA256 of `data` under `key` (a string key is used as its UTF-8 bytes, not decoded). */
export async function hmacSha256(key: BinaryInput, data: BinaryInput): Promise<Uint8Array> {
  const node = readyNodeCrypto() ?? (await nodeCryptoOrUndefined());
  if (node) return latin1Bytes(nodeHmac(node, key, data, 'binary'));
  const keyBytes = toBytes(key);
  const dataBytes = toBytes(data);
  // Web Crypto refuses zero-length HMAC keys; HMAC pads any key shorter than the block size with
  // zeros, so a single zero byte is the same key.
  const rawKey = keyBytes.byteLength === 0 ? new Uint8Array(1) : keyBytes;
  const cryptoKey = await subtle().importKey(
    'raw',
    rawKey,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await subtle().sign('HMAC', cryptoKey, dataBytes));
}

const HEX_DIGITS = '0123456789abcdef';

/** Lowercase hex encoding. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX_DIGITS[b >> 4]! + HEX_DIGITS[b & 15]!;
  return out;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (RFC 4648 section 4: `+/` alphabet, `=` padding). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      BASE64_ALPHABET[(n >> 18) & 63]! +
      BASE64_ALPHABET[(n >> 12) & 63]! +
      BASE64_ALPHABET[(n >> 6) & 63]! +
      BASE64_ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += BASE64_ALPHABET[(n >> 18) & 63]! + BASE64_ALPHABET[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out +=
      BASE64_ALPHABET[(n >> 18) & 63]! +
      BASE64_ALPHABET[(n >> 12) & 63]! +
      BASE64_ALPHABET[(n >> 6) & 63]! +
      '=';
  }
  return out;
}

/**
 * Compares two strings without an early exit, so the time taken does not reveal how many leading
 * characters match. Only the lengths (public for signatures: fixed by the algorithm) can leak.
 */
export function timingSafeEqualString(a: string, b: string): boolean {
  const x = utf8Encode(a);
  const y = utf8Encode(b);
  let diff = x.length ^ y.length;
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
