/**
 * Redaction helpers: keep credentials out of messages, logs, `util.inspect` and `JSON.stringify`.
 *
 * Two layers work together:
 * - exact values: every known secret (token, key, signature) is replaced wherever it appears;
 * - names: headers, query parameters and JSON keys whose names say "secret" are blanked whatever
 *   their value, so a credential we were never told about is still hidden.
 */

/** What replaces a secret value everywhere. */
export const REDACTED = '[redacted]';

const INSPECT_CUSTOM = Symbol.for('nodejs.util.inspect.custom');

/**
 * Holds one credential. The value is reachable only through {@link Secret.reveal}; every implicit
 * conversion (`String()`, template literals, `JSON.stringify`, `util.inspect`) yields `[redacted]`.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    if (typeof value !== 'string') throw new TypeError('Secret value must be a string');
    this.#value = value;
  }

  /** Wraps a string, or returns a Secret unchanged. */
  static from(value: string | Secret): Secret {
    return value instanceof Secret ? value : new Secret(value);
  }

  /** The plain value: call this only where the credential is actually used (signing, a header). */
  reveal(): string {
    return this.#value;
  }

  /** True when the credential is the empty string. */
  get isEmpty(): boolean {
    return this.#value.length === 0;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [INSPECT_CUSTOM](): string {
    return REDACTED;
  }
}

/** A secret given either wrapped or as its plain value. */
export type SecretLike = string | Secret;

function revealAll(secrets: readonly (SecretLike | null | undefined)[] | undefined): string[] {
  const out = new Set<string>();
  for (const s of secrets ?? []) {
    const value = s instanceof Secret ? s.reveal() : s;
    if (typeof value !== 'string' || value.length === 0) continue;
    out.add(value);
    // The same value as it would look inside a URL or a JSON string.
    const encoded = encodeURIComponent(value);
    if (encoded !== value) out.add(encoded);
    const jsonEscaped = JSON.stringify(value).slice(1, -1);
    if (jsonEscaped !== value) out.add(jsonEscaped);
  }
  // Longest first, so a secret that contains another one is replaced whole.
  return [...out].sort((a, b) => b.length - a.length);
}

// Header names that always carry credentials, plus a pattern for vendor-specific ones.
const SENSITIVE_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-auth-token',
  'x-subject-token',
  'x-storage-token',
  'x-security-token',
  'scp-signature',
  'scp-accesskey',
  'x-api-key',
  'api-key',
  'cookie',
  'set-cookie',
]);
const SENSITIVE_NAME =
  /(token|secret|passw(or)?d|signature|api[-_]?key|access[-_]?key|credential|session|cookie)/i;
const SENSITIVE_EXACT_NAME = /^(auth|authorization|key|sig|pwd|apikey)$/i;

/** True for a header name whose value must never be shown. */
export function isSensitiveHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return SENSITIVE_HEADERS.has(lower) || SENSITIVE_NAME.test(lower);
}

/** True for a query parameter or JSON key name whose value must never be shown. */
export function isSensitiveName(name: string): boolean {
  // `auth[token]`, `x-amz-signature`, `client_secret`, `apiKey`, `password` ...
  return SENSITIVE_NAME.test(name) || SENSITIVE_EXACT_NAME.test(name);
}

/** Anything a `Headers` can be built from, or a Node-style header record. */
export type HeaderSource =
  | Headers
  | Iterable<readonly [string, string]>
  | Record<string, string | readonly string[] | number | undefined | null>;

/** Flattens any header source into `[name, value]` pairs (names as given). */
export function headerEntries(headers: HeaderSource | undefined | null): [string, string][] {
  if (!headers) return [];
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return [...headers.entries()];
  if (Symbol.iterator in Object(headers)) {
    return [...(headers as Iterable<readonly [string, string]>)].map(
      ([k, v]) => [String(k), String(v)] as [string, string],
    );
  }
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
    if (v === undefined || v === null) continue;
    out.push([k, Array.isArray(v) ? v.map(String).join(', ') : String(v)]);
  }
  return out;
}

/**
 * Returns a plain object of the headers with every credential-bearing value replaced by
 * `[redacted]` (Authorization, X-Auth-Token, X-Subject-Token, Scp-Signature, Scp-AccessKey,
 * X-Security-Token, Cookie, and any name containing token/secret/password/signature/key).
 * Known secret values are scrubbed from the remaining values too.
 */
export function redactHeaders(
  headers: HeaderSource | undefined | null,
  secrets?: readonly SecretLike[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headerEntries(headers)) {
    out[name] = isSensitiveHeaderName(name) ? REDACTED : redactText(value, secrets);
  }
  return out;
}

/**
 * Returns the URL as text with the values of sensitive query parameters (token, signature,
 * password, api_key, ...) and any userinfo password replaced by `[redacted]`. The rest of the URL
 * keeps its original spelling. Known secret values are scrubbed from the whole string.
 */
export function redactUrl(url: string | URL, secrets?: readonly SecretLike[]): string {
  let text = String(url);
  // userinfo: scheme://user:password@host
  text = text.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i,
    (_m, scheme: string, userinfo: string) => {
      const colon = userinfo.indexOf(':');
      return colon === -1
        ? `${scheme}${userinfo}@`
        : `${scheme}${userinfo.slice(0, colon)}:${REDACTED}@`;
    },
  );
  const q = text.indexOf('?');
  if (q !== -1) {
    const hash = text.indexOf('#', q);
    const query = hash === -1 ? text.slice(q + 1) : text.slice(q + 1, hash);
    const rest = hash === -1 ? '' : text.slice(hash);
    const redacted = query
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        const rawName = eq === -1 ? pair : pair.slice(0, eq);
        let name = rawName;
        try {
          name = decodeURIComponent(rawName.replace(/\+/g, ' '));
        } catch {
          // keep the raw name
        }
        return eq !== -1 && isSensitiveName(name) ? `${rawName}=${REDACTED}` : pair;
      })
      .join('&');
    text = `${text.slice(0, q)}?${redacted}${rest}`;
  }
  return redactText(text, secrets);
}

// Credential shapes worth hiding even when nobody told us the value.
const TEXT_PATTERNS: [RegExp, string][] = [
  // Authorization schemes: "Bearer abc", "SDK-HMAC-SHA256 Access=..., Signature=..."
  [/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/g, `$1 ${REDACTED}`],
  [/\b(Signature|Credential|Access)=([^,\s&"'|]+)/gi, `$1=${REDACTED}`],
  // "x-auth-token: abc" (header dumps, canonical requests with '|' for newlines)
  [
    /\b(authorization|x-auth-token|x-subject-token|x-security-token|scp-signature|scp-accesskey|cookie)(\s*[:=]\s*)([^|\r\n,;"]+)/gi,
    `$1$2${REDACTED}`,
  ],
  // JSON members with sensitive names: "password": "x", "apiKey": "y", "token": "z"
  [
    /("(?:[^"\\]*?)(?:token|secret|passw(?:or)?d|signature|api[-_]?key|access[-_]?key|credential)(?:[^"\\]*?)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    `$1"${REDACTED}"`,
  ],
];

/**
 * Replaces every occurrence of every known secret value (also in URL-encoded and JSON-escaped
 * form) with `[redacted]`, then blanks credential-shaped fragments (Bearer tokens, `Signature=`,
 * `X-Auth-Token: ...`, JSON members named token/password/apiKey...). Use it on anything that is
 * about to be stored in an error, logged or printed.
 */
export function redactText(text: string, secrets?: readonly SecretLike[]): string {
  let out = String(text);
  for (const value of revealAll(secrets)) {
    if (out.includes(value)) out = out.split(value).join(REDACTED);
  }
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Deep-copies a parsed JSON value with sensitive members blanked and secrets scrubbed from every
 * string. Cycles and very deep values are cut off rather than followed.
 */
export function redactJson(value: unknown, secrets?: readonly SecretLike[]): unknown {
  const known = revealAll(secrets);
  const seen = new WeakSet<object>();
  // Under a sensitive member (`"token": {"id": ...}`) every leaf value is blanked.
  const scrub = (v: unknown, depth: number, hidden: boolean): unknown => {
    if (v === null || v === undefined) return v;
    if (typeof v !== 'object') {
      if (hidden) return REDACTED;
      return typeof v === 'string' ? redactText(v, known) : v;
    }
    if (v instanceof Secret) return REDACTED;
    if (seen.has(v) || depth > 32) return '[truncated]';
    seen.add(v);
    if (Array.isArray(v)) return v.map((item) => scrub(item, depth + 1, hidden));
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) {
      out[k] = scrub(item, depth + 1, hidden || isSensitiveName(k));
    }
    return out;
  };
  return scrub(value, 0, false);
}
