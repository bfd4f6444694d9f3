// Time in the emulators has two sources on purpose:
// - the *emulator clock* (`options.now`, injectable) is what the emulated service believes the
//   date is: signature timestamp windows, API-version Not Before dates, rate-limit minutes and the
//   timestamps written into responses all read it;
// - *elapsed time* (monotonic, real) drives asynchronous transitions (tasks, detaches), so a test
//   can pin the date to 2026-11-22 and still watch a task complete after `asyncDelayMs`.
import { performance } from 'node:perf_hooks';

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Milliseconds on a monotonic timer (never jumps with the wall clock). */
export function monotonicMs(): number {
  return performance.now();
}

/** Where an asynchronous change stands, from the time it started and how long it takes. */
export function asyncPhase(
  startedAtMs: number,
  delayMs: number,
  nowMs = monotonicMs(),
): 'pending' | 'running' | 'completed' {
  const elapsed = nowMs - startedAtMs;
  if (elapsed >= delayMs) return 'completed';
  return elapsed >= delayMs / 2 ? 'running' : 'pending';
}
