// Shared helpers of the end-to-end tests (test/e2e): the typed clients of src/providers talk to the
// emulators of src/emulators over real loopback HTTP. Every suite has the same shape (lifecycle,
// documented errors, authentication, versions, faults), and the fault part is registered here once
// (`describeFaults`) so each provider proves the same retry rules against its own emulator.
import { expect, it } from 'vitest';
import {
  ApiError,
  AuthError,
  CloudNicError,
  NetworkError,
  ResponseBodyError,
  TimeoutError,
} from '../../src/core/errors.js';
import type { RetryInfo } from '../../src/core/resilient-fetch.js';
import type { EmulatorHandle, FaultKind, RequestLogEntry } from '../../src/emulators/index.js';

/** The service clock every e2e client and emulator share (signatures, version dates, tokens). */
export const NOW = new Date('2026-11-22T03:00:00Z');
export const fixedClock = (): Date => NOW;

/** How long emulated asynchronous work (ports going ACTIVE, jobs, tasks, detaches) takes. */
export const ASYNC_DELAY_MS = 30;

/** Retry settings that keep fault tests fast but still exercise real backoff. */
export const FAST_RETRIES = { maxRetries: 3, baseDelayMs: 2, maxDelayMs: 2_000 } as const;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The error a promise rejects with; fails the test when it resolves. */
export async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export interface ExpectedApiError {
  /** `AuthError` for rejected credentials; `ApiError` (default) for any other error answer. */
  type?: typeof ApiError | typeof AuthError;
  status: number;
  /** The provider's error code; `null` when the provider's body carries none. */
  code: string | null;
  /** Part of the provider's message. */
  message: string | RegExp;
  /** `true`: some request id must be present; a RegExp: it must match; `false`: none. */
  requestId: boolean | RegExp;
  operation?: string;
}

/** Asserts a typed error answer: class, status, provider code, message and request id. */
export function expectApiError(error: unknown, expected: ExpectedApiError): ApiError {
  const type = expected.type ?? ApiError;
  expect(error).toBeInstanceOf(type);
  if (type === ApiError) expect(error).not.toBeInstanceOf(AuthError);
  const e = error as ApiError;
  expect(e.status).toBe(expected.status);
  if (expected.code === null) expect(e.code).toBeUndefined();
  else expect(e.code).toBe(expected.code);
  if (typeof expected.message === 'string') expect(e.providerMessage).toContain(expected.message);
  else expect(e.providerMessage).toMatch(expected.message);
  if (expected.requestId === false) expect(e.requestId).toBeUndefined();
  else if (expected.requestId === true) expect(e.requestId).toMatch(/\S/);
  else expect(e.requestId).toMatch(expected.requestId);
  if (expected.operation) expect(e.operation).toBe(expected.operation);
  // The one-line message names the status and code, so logs say what happened.
  expect(e.message).toContain(`HTTP ${expected.status}`);
  expect(e.message).not.toMatch(/\n/);
  return e;
}

/** True when a failed call may have been acted upon by the server (its answer was lost or broken). */
export function isMaybeSent(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof TimeoutError) return error.maybeSent;
  if (error instanceof ResponseBodyError) return true;
  // A 5xx to a POST (here: a proxy's HTML page after the operation ran) proves nothing either way.
  return error instanceof ApiError && error.status >= 500;
}

/** The emulator's request log, filtered by operation (and method). */
export function logOf(
  handle: Pick<EmulatorHandle, 'requests'>,
  operationId: string,
  method?: string,
): RequestLogEntry[] {
  return handle.requests.filter(
    (r) => r.operationId === operationId && (method === undefined || r.method === method),
  );
}

/** How many requests each fault kind hit. */
export function faultCounts(
  handle: Pick<EmulatorHandle, 'requests'>,
): Partial<Record<FaultKind, number>> {
  const counts: Partial<Record<FaultKind, number>> = {};
  for (const r of handle.requests) if (r.fault) counts[r.fault] = (counts[r.fault] ?? 0) + 1;
  return counts;
}

/** Collects the client's retry notifications. */
export function retryRecorder(): { onRetry: (info: RetryInfo) => void; retries: RetryInfo[] } {
  const retries: RetryInfo[] = [];
  return { onRetry: (info) => retries.push(info), retries };
}

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** A `fetch` for the client's `fetch` option that records every attempt as it goes out. */
export function recordingFetch(): {
  fetch: (input: Request, init?: RequestInit) => Promise<Response>;
  sent: SentRequest[];
} {
  const sent: SentRequest[] = [];
  return {
    sent,
    fetch: (input, init) => {
      sent.push({
        method: input.method,
        url: input.url,
        headers: Object.fromEntries(input.headers.entries()),
      });
      return globalThis.fetch(input, init);
    },
  };
}

/**
 * Polls `read` until `done` holds (the provider's ready state), like a user's wait loop would.
 * Resolves with the last value read; throws after `timeoutMs`.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<{ value: T; polls: number }> {
  const deadline = Date.now() + (options.timeoutMs ?? 5_000);
  for (let polls = 1; ; polls++) {
    const value = await read();
    if (done(value)) return { value, polls };
    if (Date.now() > deadline) {
      throw new Error(
        `gave up waiting for ${options.what ?? 'the condition'} after ${polls} polls`,
      );
    }
    await sleep(options.intervalMs ?? 10);
  }
}

/** Resolves once the emulator has logged `count` requests of an operation (latency faults delay it). */
export async function logged(
  handle: Pick<EmulatorHandle, 'requests'>,
  operationId: string,
  count: number,
  timeoutMs = 5_000,
): Promise<RequestLogEntry[]> {
  const { value } = await pollUntil(
    async () => logOf(handle, operationId),
    (entries) => entries.length >= count,
    { timeoutMs, what: `${count} logged ${operationId} request(s)` },
  );
  return value;
}

/**
 * Runs `worker` over `items` with at most `limit` calls in flight; never rejects (each outcome is
 * settled), so one failure does not stop the others.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  worker: (item: T, index: number) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  const lane = async () => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      try {
        results[index] = { status: 'fulfilled', value: await worker(items[index]!, index) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/**
 * What a provider's e2e file gives `describeFaults`: the emulator, a fresh client's typed attach
 * (the non-idempotent POST) and read (a GET), and the NICs the emulator holds for the target.
 */
export interface FaultHarness {
  handle(): EmulatorHandle;
  /** operationId of the POST that creates the NIC (the one a retry would duplicate). */
  attachOperation: string;
  /** operationId of the GET used for read faults. */
  readOperation: string;
  /** Sends the attach POST once through a fresh typed client; resolves with the new NIC's id. */
  attach(options: { onRetry: (info: RetryInfo) => void; timeoutMs?: number }): Promise<string>;
  /** Sends the read GET through a fresh typed client; resolves with the ids it lists. */
  read(options: { onRetry: (info: RetryInfo) => void }): Promise<string[]>;
  /**
   * The ids of the NICs the attach target holds in the emulator's state once asynchronous work
   * has finished (the state is the truth; fixtures excluded).
   */
  createdNics(): Promise<string[]>;
}

const GET_FAULTS: { name: string; kind: FaultKind; when: 'before' | 'after'; status?: number }[] = [
  { name: 'a 503 with Retry-After', kind: 'status', when: 'before', status: 503 },
  { name: 'a connection reset', kind: 'reset', when: 'before' },
  { name: 'a body cut off mid-transfer', kind: 'truncate', when: 'after' },
  { name: 'an HTML 502 page from a proxy', kind: 'html', when: 'before', status: 502 },
];

const POST_AFTER_FAULTS: {
  name: string;
  kind: FaultKind;
  expectError: (error: unknown) => void;
}[] = [
  {
    name: 'a connection reset after the NIC was created',
    kind: 'reset',
    expectError: (e) => {
      expect(e).toBeInstanceOf(NetworkError);
      expect((e as NetworkError).maybeSent).toBe(true);
      expect((e as NetworkError).attempts).toBe(1);
    },
  },
  {
    name: 'an answer cut off mid-body',
    kind: 'truncate',
    expectError: (e) => {
      expect(e).toBeInstanceOf(ResponseBodyError);
      expect((e as ResponseBodyError).reason).toBe('truncated');
      expect((e as ResponseBodyError).attempts).toBe(1);
    },
  },
  {
    name: 'an HTML 502 page after the NIC was created',
    kind: 'html',
    expectError: (e) => {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).status).toBe(502);
      expect((e as ApiError).providerMessage).toContain('502 Bad Gateway');
    },
  },
  {
    name: 'an answer later than the client timeout',
    kind: 'latency',
    expectError: (e) => {
      expect(e).toBeInstanceOf(TimeoutError);
      expect((e as TimeoutError).maybeSent).toBe(true);
      expect((e as TimeoutError).attempts).toBe(1);
    },
  },
];

/**
 * Registers the fault tests every provider shares:
 * - GET: 503, reset, truncated body and HTML 502 are retried and the call succeeds;
 * - the attach POST hit by a fault after the server acted (reset, truncation, HTML 502, timeout)
 *   is sent exactly once and leaves exactly one NIC;
 * - the attach POST refused before the server acted (429, 413 with Retry-After) is retried and
 *   leaves exactly one NIC.
 */
export function describeFaults(h: FaultHarness): void {
  for (const fault of GET_FAULTS) {
    it(`retries a GET after ${fault.name} and succeeds`, async () => {
      const handle = h.handle();
      const before = await h.read({ onRetry: () => {} });
      handle.setFaults([
        {
          operationId: h.readOperation,
          kind: fault.kind,
          when: fault.when,
          ...(fault.status ? { status: fault.status } : {}),
          retryAfter: 0,
        },
      ]);
      const { onRetry, retries } = retryRecorder();
      const ids = await h.read({ onRetry });
      expect(ids).toEqual(before);
      const reads = logOf(handle, h.readOperation);
      expect(reads.slice(-2).map((r) => r.fault)).toEqual([fault.kind, undefined]);
      expect(retries).toHaveLength(1);
      expect(retries[0]!.method).toBe('GET');
    });
  }

  for (const fault of POST_AFTER_FAULTS) {
    it(`does not repeat the attach POST after ${fault.name}; exactly one NIC exists`, async () => {
      const handle = h.handle();
      expect(await h.createdNics()).toEqual([]);
      handle.setFaults([
        {
          operationId: h.attachOperation,
          kind: fault.kind,
          when: 'after',
          ...(fault.kind === 'latency' ? { ms: 1_000 } : {}),
        },
      ]);
      const { onRetry, retries } = retryRecorder();
      const error = await caught(
        h.attach({ onRetry, ...(fault.kind === 'latency' ? { timeoutMs: 250 } : {}) }),
      );
      fault.expectError(error);
      expect(error).toBeInstanceOf(CloudNicError);
      expect(retries).toEqual([]);
      // The emulator logs a request when it answers: wait out the injected latency.
      const posts = await logged(handle, h.attachOperation, 1);
      await sleep(50);
      expect(logOf(handle, h.attachOperation)).toHaveLength(1);
      expect(posts[0]!.fault).toBe(fault.kind);
      expect(await h.createdNics()).toHaveLength(1);
    });
  }

  for (const status of [429, 413] as const) {
    it(`retries the attach POST refused with ${status} before it ran; exactly one NIC exists`, async () => {
      const handle = h.handle();
      handle.setFaults([
        { operationId: h.attachOperation, kind: 'status', status, when: 'before', retryAfter: 0 },
      ]);
      const { onRetry, retries } = retryRecorder();
      const id = await h.attach({ onRetry });
      expect(retries.map((r) => [r.method, r.reason, r.status, r.retryAfterMs])).toEqual([
        ['POST', 'status', status, 0],
      ]);
      expect(logOf(handle, h.attachOperation).map((r) => [r.status, r.fault])).toEqual([
        [status, 'status'],
        [expect.any(Number), undefined],
      ]);
      expect(await h.createdNics()).toEqual([id]);
    });
  }
}
