// Measuring helpers shared by the benchmark sections: medians over repeated rounds (these machines
// are noisy), throughput over a time budget, and wall-clock timing of child processes.
import { spawn } from 'node:child_process';

/** How long and how often to measure; `--quick` shrinks everything for a smoke run. */
export interface BenchProfile {
  quick: boolean;
  /** Rounds per measured figure (the median is reported). */
  rounds: number;
  /** Time budget of one throughput round, in ms. */
  roundMs: number;
  /** Warm-up before the first round, in ms. */
  warmupMs: number;
  /** Fresh-process launches per import-cost figure. */
  launches: number;
  /** Runs of each pipeline variant. */
  pipelineRuns: number;
}

export function benchProfile(quick: boolean): BenchProfile {
  return quick
    ? { quick, rounds: 3, roundMs: 150, warmupMs: 100, launches: 3, pipelineRuns: 1 }
    : { quick, rounds: 7, roundMs: 400, warmupMs: 300, launches: 9, pipelineRuns: 5 };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Ops/s of `op` awaited one after another in batches, for at least `ms` milliseconds. */
async function runFor(op: () => unknown, ms: number, batch: number): Promise<number> {
  let done = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < batch; i++) await op();
    done += batch;
    elapsed = performance.now() - started;
  } while (elapsed < ms);
  return (done / elapsed) * 1000;
}

/** Operations per second of `op` (awaited one after another), median of `rounds` rounds. */
export async function throughput(
  op: () => unknown,
  profile: BenchProfile,
  options: { batch?: number } = {},
): Promise<{ opsPerSec: number; rounds: number[] }> {
  const batch = options.batch ?? 100;
  await runFor(op, profile.warmupMs, batch);
  const rounds: number[] = [];
  for (let r = 0; r < profile.rounds; r++) rounds.push(await runFor(op, profile.roundMs, batch));
  return { opsPerSec: median(rounds), rounds };
}

/**
 * Like `throughput`, but alternates the candidates round by round so that a noisy stretch of the
 * machine hits all of them alike. Returns each candidate's ops/s of every round, in round order.
 */
export async function interleavedRounds(
  candidates: Record<string, () => unknown>,
  profile: BenchProfile,
  options: { batch?: number } = {},
): Promise<Record<string, number[]>> {
  const batch = options.batch ?? 100;
  const names = Object.keys(candidates);
  const rounds: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const name of names) await runFor(candidates[name]!, profile.warmupMs, batch);
  for (let r = 0; r < profile.rounds; r++) {
    // Rotate the order each round so no candidate always runs first.
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length]!;
      rounds[name]!.push(await runFor(candidates[name]!, profile.roundMs, batch));
    }
  }
  return rounds;
}

/** `interleavedRounds` reduced to the median ops/s of each candidate. */
export async function interleavedThroughput(
  candidates: Record<string, () => unknown>,
  profile: BenchProfile,
  options: { batch?: number } = {},
): Promise<Record<string, number>> {
  const rounds = await interleavedRounds(candidates, profile, options);
  return Object.fromEntries(Object.entries(rounds).map(([n, r]) => [n, median(r)]));
}

/**
 * The median of the round-by-round ratios `ours[i] / baseline[i]`. Both ran in the same round, back
 * to back, so a slow stretch of the machine moves both sides of each ratio: steadier than a ratio
 * of two medians taken from different rounds.
 */
export function medianRatio(ours: readonly number[], baseline: readonly number[]): number {
  if (ours.length !== baseline.length) throw new Error('rounds of different lengths');
  return median(ours.map((value, i) => value / baseline[i]!));
}

/** Runs a command to completion; resolves to its wall time in ms. Throws on a non-zero exit. */
export function timedRun(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${stderr.trim()}`));
    });
  });
}
