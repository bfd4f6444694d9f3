// Import cost: wall time of a fresh `node` process that imports one published entry
// (`dist/src/<entry>.js`) against a bare `node -e 1`, launched alternately, median of N launches.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../lib/spec-files.js';
import type { BenchRow } from './report.js';
import { median, timedRun, type BenchProfile } from './stats.js';

const ENTRIES = ['index', 'scp', 'huawei', 'openstack', 'rackspace', 'katapult', 'signing'];

export async function benchImports(profile: BenchProfile): Promise<BenchRow[]> {
  const node = process.execPath;
  const launch = (args: string[]) => timedRun(node, args, { cwd: repoRoot });
  const bare: number[] = [];
  const times: Record<string, number[]> = Object.fromEntries(ENTRIES.map((e) => [e, []]));
  await launch(['-e', '1']); // warm the file cache
  for (let i = 0; i < profile.launches; i++) {
    bare.push(await launch(['-e', '1']));
    for (const entry of ENTRIES) {
      const url = pathToFileURL(path.join(repoRoot, 'dist', 'src', `${entry}.js`)).href;
      times[entry]!.push(
        await launch(['--input-type=module', '-e', `await import(${JSON.stringify(url)});`]),
      );
    }
  }
  const bareMs = median(bare);
  return ENTRIES.map((entry) => {
    const ms = median(times[entry]!);
    return {
      section: 'import' as const,
      subject: entry === 'index' ? 'cloud-nic' : `cloud-nic/${entry}`,
      value: ms,
      baselineValue: bareMs,
      unit: 'ms' as const,
      baseline: 'node -e 1',
      ratio: bareMs / ms,
      goal: null,
      met: null,
      note: `${(ms - bareMs).toFixed(1)} ms on top of starting node`,
    };
  });
}
