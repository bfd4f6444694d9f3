// `npm run bench`: cloud-nic against baselines measured in the same run (issue 7). Prints a table
// and writes bench/results.json.
//
//   npm run bench                         everything (about 2-3 minutes)
//   npm run bench -- --quick              a fast smoke run (fewer, shorter rounds)
//   npm run bench -- --only=signing,bundle
//   npm run bench -- --readme             also put the Markdown table into README.md
//   npm run bench -- --no-write           print only
//
// Sections: signing, client, bundle, import, pipeline, emulator. The signing, client, bundle and
// import sections read dist/: it is rebuilt with `tsc -p tsconfig.build.json` when older than src/
// or generated/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { repoRoot } from './lib/spec-files.js';
import { benchBundles } from './bench/bundle.js';
import { benchClients } from './bench/client.js';
import { benchEmulators } from './bench/emulators.js';
import { benchImports } from './bench/import-cost.js';
import { benchPipeline } from './bench/pipeline.js';
import {
  machineInfo,
  renderMarkdown,
  renderText,
  type BenchResults,
  type BenchRow,
  type Section,
} from './bench/report.js';
import { benchSigning } from './bench/signing.js';
import { benchProfile } from './bench/stats.js';

const SECTIONS: Section[] = ['signing', 'client', 'bundle', 'import', 'pipeline', 'emulator'];
const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';

function parseArgs(argv: string[]) {
  const quick = argv.includes('--quick');
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const sections = only ? (only.split(',') as Section[]) : SECTIONS;
  for (const s of sections) {
    if (!SECTIONS.includes(s))
      throw new Error(`unknown section ${s}; known: ${SECTIONS.join(', ')}`);
  }
  return {
    quick,
    sections,
    readme: argv.includes('--readme'),
    write: !argv.includes('--no-write'),
  };
}

/** Newest modification time of the files under `dir` (recursively), in ms. */
function newestMtime(dir: string, filter: (file: string) => boolean): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, filter));
    else if (filter(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const DIST_SECTIONS: readonly Section[] = ['signing', 'client', 'bundle', 'import'];

/** Rebuilds dist/ when a source file is newer than the oldest entry point built from it. */
function ensureFreshDist(): void {
  const entries = ['index', 'scp', 'huawei', 'openstack', 'rackspace', 'katapult', 'signing'].map(
    (e) => path.join(repoRoot, 'dist', 'src', `${e}.js`),
  );
  let built = Number.POSITIVE_INFINITY;
  try {
    for (const file of entries) built = Math.min(built, statSync(file).mtimeMs);
  } catch {
    built = 0;
  }
  const sources = Math.max(
    newestMtime(path.join(repoRoot, 'src'), (f) => f.endsWith('.ts')),
    newestMtime(path.join(repoRoot, 'generated'), (f) => f.endsWith('.ts')),
  );
  if (built >= sources) return;
  console.log('dist/ is older than src/ or generated/: tsc -p tsconfig.build.json');
  const tsc = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (tsc.status !== 0) {
    // tsc still emits on type errors; the entries measured must exist, work in progress elsewhere
    // in src/ must not stop the bench.
    console.warn(`tsc reported errors (measuring what it emitted):\n${tsc.stdout.slice(0, 2000)}`);
  }
  for (const file of entries) statSync(file);
}

async function updateReadme(markdown: string): Promise<void> {
  const file = path.join(repoRoot, 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) {
    throw new Error(`README.md has no ${README_START} ... ${README_END} block to update`);
  }
  const next = `${text.slice(0, start + README_START.length)}\n\n${markdown}\n\n${text.slice(end)}`;
  // The README is prettier-formatted like everything else (aligned table columns).
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(next, { ...options, filepath: file }));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const profile = benchProfile(args.quick);
  const started = performance.now();
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  const step = async <T>(section: Section, run: () => Promise<T>): Promise<T | undefined> => {
    if (!args.sections.includes(section)) return undefined;
    const t = performance.now();
    process.stdout.write(`${section}... `);
    const result = await run();
    console.log(`${((performance.now() - t) / 1000).toFixed(1)} s`);
    return result;
  };

  // Signing, client, bundle and import figures all read the compiled package.
  if (DIST_SECTIONS.some((section) => args.sections.includes(section))) ensureFreshDist();
  const signing = await step('signing', () => benchSigning(profile));
  if (signing) rows.push(...signing);
  const clients = await step('client', () => benchClients(profile));
  if (clients) rows.push(...clients.rows);
  const bundles = await step('bundle', () => benchBundles());
  if (bundles) {
    rows.push(...bundles.rows);
    details.bundle = bundles.details;
  }
  const imports = await step('import', () => benchImports(profile));
  if (imports) rows.push(...imports);
  const pipeline = await step('pipeline', () => benchPipeline(profile));
  if (pipeline) rows.push(...pipeline);
  const emulators = await step('emulator', () =>
    benchEmulators(profile, clients?.plainFetchRoundTrips),
  );
  if (emulators) {
    rows.push(...emulators.rows);
    if (emulators.skipped.length > 0) {
      details.emulator = { notAvailableYet: emulators.skipped };
    }
  }

  const results: BenchResults = {
    $comment:
      'Written by `npm run bench` (scripts/bench.ts). ratio: times the baseline, bigger is better (throughput ours/baseline; sizes and times baseline/ours).',
    generatedAt: new Date().toISOString(),
    mode: args.quick ? 'quick' : 'full',
    durationMs: Math.round(performance.now() - started),
    machine: machineInfo(),
    rows,
    details,
  };
  console.log(renderText(results));
  if (emulators?.skipped.length) {
    console.log(`\n  emulators not available in this build: ${emulators.skipped.join(', ')}`);
  }
  const missed = rows.filter((r) => r.met === false);
  console.log(
    `\n${rows.length} figures, ${rows.filter((r) => r.met === true).length} goals met, ${missed.length} not met, in ${(results.durationMs / 1000).toFixed(0)} s`,
  );
  if (args.write) {
    mkdirSync(path.join(repoRoot, 'bench'), { recursive: true });
    const out = path.join(repoRoot, 'bench', 'results.json');
    writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
    console.log(`wrote ${path.relative(repoRoot, out)}`);
  }
  if (args.readme) {
    await updateReadme(renderMarkdown(results));
    console.log('updated the Benchmarks table in README.md');
  }
}

main().then(
  // Clients keep keep-alive sockets in undici's pool: exit once done instead of waiting for them.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
