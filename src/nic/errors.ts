// Errors of the NIC layer: a wait that stopped without reaching its target, and the "not found"
// the NIC API reports itself when a provider has no per-interface read (it lists and looks).
import {
  ApiError,
  CloudNicError,
  NetworkError,
  ResponseBodyError,
  TimeoutError,
  type ErrorKind,
  type ProviderKey,
} from '../core/errors.js';

/** Why a wait stopped without reaching its target. */
export type WaitFailure = 'timeout' | 'failed' | 'gone';

export interface WaitErrorInit {
  provider: ProviderKey;
  reason: WaitFailure;
  /** What was waited for, e.g. `interface 3f2a... of server 9b1c... to be active`. */
  waitingFor: string;
  /** The last state seen: a normalized interface state, or a job/task status. */
  lastState: string | null;
  /** The provider's own last state value, when it differs from `lastState`. */
  rawState?: string | null;
  /** The provider's explanation (Huawei job `fail_reason`, Katapult task name and status ...). */
  providerReason?: string;
  /** The provider's error code (Huawei job `error_code` ...). */
  providerCode?: string;
  /** The Huawei job or Katapult task, when the wait was on one. */
  jobId?: string;
  polls: number;
  elapsedMs: number;
  timeoutMs?: number;
  operation?: string;
}

/** The kind of a {@link WaitError}. */
export const WAIT_ERROR_KIND: ErrorKind = 'wait';

/**
 * A wait stopped without reaching its target: `timeout` (deadline passed; `lastState` tells what
 * was seen last), `failed` (the provider reported a failure: Huawei job `FAIL`, Katapult task
 * `failed`, port `ERROR`; `providerReason`/`providerCode` tell why) or `gone` (the interface
 * disappeared while waiting for it to come up). Nothing here is retried automatically.
 */
export class WaitError extends CloudNicError {
  readonly reason: WaitFailure;
  readonly waitingFor: string;
  readonly lastState: string | null;
  declare readonly rawState?: string | null;
  declare readonly providerReason?: string;
  declare readonly providerCode?: string;
  declare readonly jobId?: string;
  readonly polls: number;
  readonly elapsedMs: number;
  declare readonly timeoutMs?: number;

  constructor(init: WaitErrorInit) {
    const { reason, waitingFor, lastState, rawState, providerReason, providerCode, jobId } = init;
    const seen = lastState === null ? 'nothing seen yet' : `last state ${lastState}`;
    const raw = rawState && rawState !== lastState ? ` (${rawState})` : '';
    let detail: string;
    if (reason === 'timeout') {
      detail = `gave up waiting for ${waitingFor} after ${init.elapsedMs} ms (${init.polls} polls); ${seen}${raw}`;
    } else if (reason === 'gone') {
      detail = `${waitingFor}: the interface is gone`;
    } else {
      const code = providerCode ? `${providerCode}: ` : '';
      detail = `${waitingFor} failed: ${code}${providerReason ?? `state ${lastState ?? 'unknown'}${raw}`}`;
    }
    super(WAIT_ERROR_KIND, detail, { provider: init.provider, operation: init.operation });
    this.reason = reason;
    this.waitingFor = waitingFor;
    this.lastState = lastState;
    if (rawState !== undefined) this.rawState = rawState;
    if (providerReason !== undefined) this.providerReason = providerReason;
    if (providerCode !== undefined) this.providerCode = providerCode;
    if (jobId !== undefined) this.jobId = jobId;
    this.polls = init.polls;
    this.elapsedMs = init.elapsedMs;
    if (init.timeoutMs !== undefined) this.timeoutMs = init.timeoutMs;
  }
}
Object.defineProperty(WaitError.prototype, 'name', {
  value: 'WaitError',
  writable: true,
  configurable: true,
  enumerable: false,
});

/** Provider code of the NIC API's own "no such interface" answers. */
export const INTERFACE_NOT_FOUND = 'InterfaceNotFound';

/** A typed 404 for an interface the server's list does not show (no request is implied). */
export function interfaceNotFound(
  provider: ProviderKey,
  serverId: string,
  interfaceId: string,
  operation?: string,
): ApiError {
  return new ApiError({
    provider,
    ...(operation ? { operation } : {}),
    status: 404,
    code: INTERFACE_NOT_FOUND,
    message: `server ${serverId} has no interface ${interfaceId}`,
  });
}

/** True for a 404 answer (the provider's or the NIC API's own). */
export function isNotFound(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 404;
}

/**
 * True when a failed call may still have been carried out by the provider: no complete answer
 * (timeout, connection reset, body cut off or not JSON) or a server-side 5xx (a proxy's HTML page
 * after the work was done looks the same). Such an attach must be reconciled, never re-sent blindly.
 */
export function mayHaveBeenSent(error: unknown): boolean {
  if (error instanceof TimeoutError) return true;
  if (error instanceof NetworkError) return error.maybeSent;
  if (error instanceof ResponseBodyError) return true;
  if (error instanceof ApiError) return error.status >= 500 && error.status !== 501;
  return false;
}
