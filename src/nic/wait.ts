// Polling with exponential backoff and a deadline, used for every wait of the NIC API: provider
// jobs and tasks, interface states, and the reconciliation of an attach whose answer was lost.
import type { ProviderKey } from '../core/errors.js';
import { WaitError } from './errors.js';
import type { PollOptions } from './types.js';

export const DEFAULT_TIMEOUT_MS = 300_000;
export const DEFAULT_INITIAL_DELAY_MS = 500;
export const DEFAULT_MAX_DELAY_MS = 10_000;
export const DEFAULT_FACTOR = 2;

/** One look at the thing waited for. */
export type PollStep<T> =
  | { kind: 'done'; value: T; state: string | null }
  | { kind: 'pending'; state: string | null; rawState?: string | null }
  | {
      kind: 'failed';
      state: string | null;
      rawState?: string | null;
      /** `gone`: what was waited for disappeared; `failed`: the provider reported a failure. */
      reason: 'failed' | 'gone';
      providerReason?: string;
      providerCode?: string;
    };

export interface PollSpec<T> {
  provider: ProviderKey;
  /** Words for messages: `interface X of server Y to be active`. */
  waitingFor: string;
  operation?: string;
  /** The Huawei job or Katapult task, when the wait is on one. */
  jobId?: string;
  check(): Promise<PollStep<T>>;
}

/**
 * Poll options inside one NIC call: `deadlineAt` (ms on the same clock as `now`) is the deadline
 * of the whole call, shared by its phases (job, then interface state), instead of `timeoutMs` per wait.
 */
export interface FlowPollOptions extends PollOptions {
  deadlineAt?: number;
}

export interface PollOutcome<T> {
  value: T;
  polls: number;
  elapsedMs: number;
}

/** A timer that an abort of `signal` ends early (rejecting with the signal's reason). */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The delay before poll number `polls + 1` (without the deadline cap). */
export function backoffDelay(polls: number, options: PollOptions = {}): number {
  const initial = Math.max(0, options.initialDelayMs ?? DEFAULT_INITIAL_DELAY_MS);
  const max = Math.max(initial, options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS);
  const factor = Math.max(1, options.factor ?? DEFAULT_FACTOR);
  return Math.min(max, initial * factor ** Math.max(0, polls - 1));
}

/**
 * Calls `spec.check()` until it reports `done` (resolves with its value) or `failed` (rejects with
 * a {@link WaitError} `failed`/`gone`), or the deadline passes (rejects with a WaitError `timeout`
 * holding the last state seen). The first check is made at once; delays grow from
 * `initialDelayMs` by `factor` up to `maxDelayMs`, and the last sleep is cut to end at the
 * deadline, so one more check is made there. Errors thrown by `check` propagate unchanged.
 */
export async function pollUntil<T>(
  spec: PollSpec<T>,
  options: FlowPollOptions = {},
): Promise<PollOutcome<T>> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const timeoutMs = Math.max(0, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const start = now();
  const deadline = options.deadlineAt ?? start + timeoutMs;
  let polls = 0;
  let lastState: string | null = null;
  let lastRaw: string | null | undefined;
  const base = {
    provider: spec.provider,
    waitingFor: spec.waitingFor,
    ...(spec.operation ? { operation: spec.operation } : {}),
    ...(spec.jobId ? { jobId: spec.jobId } : {}),
  };
  for (;;) {
    if (options.signal?.aborted) throw options.signal.reason;
    const step = await spec.check();
    polls += 1;
    lastState = step.state;
    if (step.kind !== 'done') lastRaw = step.rawState;
    const elapsedMs = Math.max(0, now() - start);
    try {
      options.onProgress?.({ waitingFor: spec.waitingFor, polls, elapsedMs, state: lastState });
    } catch {
      // A failing progress callback must not change the outcome of the wait.
    }
    if (step.kind === 'done') return { value: step.value, polls, elapsedMs };
    if (step.kind === 'failed') {
      throw new WaitError({
        ...base,
        reason: step.reason,
        lastState,
        ...(step.rawState !== undefined ? { rawState: step.rawState } : {}),
        ...(step.providerReason !== undefined ? { providerReason: step.providerReason } : {}),
        ...(step.providerCode !== undefined ? { providerCode: step.providerCode } : {}),
        polls,
        elapsedMs,
      });
    }
    const remaining = deadline - now();
    if (remaining <= 0) {
      throw new WaitError({
        ...base,
        reason: 'timeout',
        lastState,
        ...(lastRaw !== undefined ? { rawState: lastRaw } : {}),
        polls,
        elapsedMs,
        timeoutMs,
      });
    }
    const delay = Math.min(backoffDelay(polls, options), remaining);
    await sleep(delay, options.signal);
  }
}

/**
 * The timing options of an input, without its other fields, with the deadline of the whole call
 * fixed now (every wait of the call shares it).
 */
export function pollOptionsOf(input: PollOptions): FlowPollOptions {
  const out: FlowPollOptions = {};
  if (input.timeoutMs !== undefined) out.timeoutMs = input.timeoutMs;
  if (input.initialDelayMs !== undefined) out.initialDelayMs = input.initialDelayMs;
  if (input.maxDelayMs !== undefined) out.maxDelayMs = input.maxDelayMs;
  if (input.factor !== undefined) out.factor = input.factor;
  if (input.now !== undefined) out.now = input.now;
  if (input.sleep !== undefined) out.sleep = input.sleep;
  if (input.signal !== undefined) out.signal = input.signal;
  if (input.onProgress !== undefined) out.onProgress = input.onProgress;
  const now = input.now ?? Date.now;
  out.deadlineAt = now() + Math.max(0, input.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return out;
}
