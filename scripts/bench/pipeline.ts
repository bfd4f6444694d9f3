// The generate pipeline (`tsx scripts/generate.ts`: lint + types + validators + meta + document
// for every spec, in one process) against the naive sequence a project without the script would
// run: per spec, one after another, `redocly lint <spec>`, `openapi-typescript <spec> -o <file>`
// and `prettier --write <file>`. The naive sequence produces less (types only) and is still the
// baseline. Its outputs go to a temp directory, run from there: in the repository
// openapi-typescript would follow redocly.yaml and overwrite generated/ unformatted.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSpecEntries, repoRoot } from '../lib/spec-files.js';
import type { BenchRow } from './report.js';
import { median, timedRun, type BenchProfile } from './stats.js';

const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);

const QUIET_ENV = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
};

async function naiveSequence(outDir: string): Promise<number> {
  let total = 0;
  for (const entry of readSpecEntries()) {
    const out = path.join(outDir, `${entry.name}.ts`);
    total += await timedRun(bin('redocly'), ['lint', entry.specPath], {
      cwd: repoRoot,
      env: QUIET_ENV,
    });
    total += await timedRun(
      bin('openapi-typescript'),
      [entry.specPath, '-o', out, '--array-length'],
      {
        cwd: outDir,
        env: QUIET_ENV,
      },
    );
    total += await timedRun(bin('prettier'), ['--write', out], { cwd: outDir, env: QUIET_ENV });
  }
  return total;
}

export async function benchPipeline(profile: BenchProfile): Promise<BenchRow[]> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'cloud-nic-bench-naive-'));
  const ours: number[] = [];
  const naive: number[] = [];
  try {
    for (let i = 0; i < profile.pipelineRuns; i++) {
      ours.push(
        await timedRun(bin('tsx'), ['scripts/generate.ts'], { cwd: repoRoot, env: QUIET_ENV }),
      );
      naive.push(await naiveSequence(outDir));
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  const oursMs = median(ours);
  const naiveMs = median(naive);
  const specs = readSpecEntries().length;
  return [
    {
      section: 'pipeline',
      subject: `npm run generate (${specs} specs, lint included)`,
      value: oursMs,
      baselineValue: naiveMs,
      unit: 'ms',
      baseline: 'redocly lint + openapi-typescript + prettier per spec, sequential',
      ratio: naiveMs / oursMs,
      goal: '< 3 s and >= 3x faster',
      met: oursMs < 3000 && naiveMs / oursMs >= 3,
      note: 'wall time of the whole `tsx scripts/generate.ts` process, start-up included; the naive sequence writes types only',
    },
  ];
}
