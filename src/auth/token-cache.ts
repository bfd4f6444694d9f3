/**
 * Token reuse shared by the token-based providers (Keystone v3, Rackspace Identity v2.0): keep the
 * token until shortly before it expires, let concurrent callers share one authentication, and
 * renew on demand after the service rejected a token (a 401).
 */
import type { Secret } from '../core/redact.js';

/** What an authentication yields: the token and when it stops working (null: not stated). */
export interface IssuedToken {
  readonly token: Secret;
  readonly expiresAt: Date | null;
  /**
   * The lifetime the service states (expiry minus issue time, both by the service's clock). When
   * known, expiry is judged from when the token arrived, so a skewed local clock does no harm.
   */
  readonly lifetimeMs?: number;
}

/** Renew this long before the deadline (capped at half the token's lifetime). */
export const DEFAULT_TOKEN_REFRESH_MARGIN_MS = 2 * 60_000;

/** How many issued tokens the cache remembers, so errors can hide recently rotated ones too. */
const REMEMBERED_TOKENS = 8;

/**
 * When a token received at `receivedAt` stops working, by the local clock (ms), or null when
 * unknown: arrival plus the stated lifetime, else the stated expiry. An expiry already past on
 * arrival (a skewed clock) counts as unknown: the token is then used until the service refuses it.
 */
export function tokenDeadline(token: IssuedToken, receivedAt: Date): number | null {
  const received = receivedAt.getTime();
  if (token.lifetimeMs !== undefined && Number.isFinite(token.lifetimeMs) && token.lifetimeMs > 0)
    return received + token.lifetimeMs;
  const expires = token.expiresAt?.getTime();
  if (expires === undefined || Number.isNaN(expires) || expires <= received) return null;
  return expires;
}

/**
 * True when a token should no longer be used at `now`: its deadline is within the margin. The
 * margin is capped at half the lifetime, so short-lived tokens are still reused.
 */
export function tokenNeedsRenewal(
  token: IssuedToken,
  receivedAt: Date,
  now: Date,
  marginMs = DEFAULT_TOKEN_REFRESH_MARGIN_MS,
): boolean {
  const deadline = tokenDeadline(token, receivedAt);
  if (deadline === null) return false;
  const lifetime = deadline - receivedAt.getTime();
  const margin = Math.min(marginMs, Math.max(0, lifetime / 2));
  return now.getTime() >= deadline - margin;
}

export interface TokenCacheOptions<T extends IssuedToken> {
  /** Performs one authentication. */
  acquire: () => Promise<T>;
  /** Clock (default: the system clock). */
  now?: () => Date;
  refreshMarginMs?: number;
}

export interface TokenCache<T extends IssuedToken> {
  /** A usable token: the cached one, or a new one (one authentication shared by all callers). */
  get(): Promise<T>;
  /**
   * A replacement for `rejected`, a token the service refused. When another caller has already
   * replaced it, that newer token is returned without authenticating again.
   */
  renew(rejected: T): Promise<T>;
  /** The cached token, if any, without authenticating. */
  peek(): T | undefined;
  /** Recently issued tokens (for redaction), newest last. */
  issuedTokens(): readonly Secret[];
}

export function createTokenCache<T extends IssuedToken>(
  options: TokenCacheOptions<T>,
): TokenCache<T> {
  const now = options.now ?? (() => new Date());
  const margin = options.refreshMarginMs ?? DEFAULT_TOKEN_REFRESH_MARGIN_MS;
  let current: { value: T; receivedAt: Date } | undefined;
  let inFlight: Promise<T> | undefined;
  const issued: Secret[] = [];

  const authenticate = (): Promise<T> => {
    if (!inFlight) {
      inFlight = options
        .acquire()
        .then((value) => {
          current = { value, receivedAt: now() };
          issued.push(value.token);
          if (issued.length > REMEMBERED_TOKENS) issued.shift();
          return value;
        })
        .finally(() => {
          inFlight = undefined;
        });
    }
    return inFlight;
  };

  const usable = () =>
    current !== undefined && !tokenNeedsRenewal(current.value, current.receivedAt, now(), margin);

  return {
    get() {
      if (inFlight) return inFlight;
      return usable() ? Promise.resolve(current!.value) : authenticate();
    },
    renew(rejected) {
      if (inFlight) return inFlight;
      if (current && current.value !== rejected && usable()) return Promise.resolve(current.value);
      current = undefined;
      return authenticate();
    },
    peek: () => current?.value,
    issuedTokens: () => [...issued],
  };
}
