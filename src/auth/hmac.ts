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
 * answer synchronously so that a signer can do all its hashing without a microtask hop.
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
    (mod) => (loadedNodeCrypto = mod),
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

/** Node's one-shot `crypto.hash` (Node 20.12+), or `undefined` on runtimes that lack it. */
type OneShotHash = (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string;

/**
 * Lowercase hex SHA-256, synchronously, when `node:crypto` is loaded and selected (see
 * `prepareCryptoBackend`); `undefined` otherwise, in which case use `sha256Hex`.
 */
export function sha256HexIfReady(data: BinaryInput): string | undefined {
  const node = readyNodeCrypto();
  if (!node) return undefined;
  const input = nodeInput(data);
  const oneShot = (node as { hash?: OneShotHash }).hash;
  return typeof oneShot === 'function'
    ? oneShot('sha256', input, 'hex')
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
  return node.createHmac('sha256', nodeHmacKey(node, key)).update(nodeInput(data)).digest(encoding);
}

type NodeKeyObject = ReturnType<NodeCrypto['createSecretKey']>;

/**
 * The HMAC key of the last string secret, as a `KeyObject`: a client signs every request with the
 * same secret, and converting the string each time costs about as much as the HMAC itself. One
 * entry only, replaced by the next secret; it lives in this module, never on a client or an error.
 */
let lastHmacKey: { secret: string; key: NodeKeyObject } | undefined;

function nodeHmacKey(node: NodeCrypto, key: BinaryInput): NodeKeyObject | Uint8Array {
  if (typeof key !== 'string') return toBytes(key);
  if (lastHmacKey?.secret !== key) {
    lastHmacKey = { secret: key, key: node.createSecretKey(utf8Encode(key)) };
  }
  return lastHmacKey.key;
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
  if (node) {
    const digest = node
      .createHmac('sha256', nodeHmacKey(node, key))
      .update(nodeInput(data))
      .digest();
    return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
  }
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
