// Bundle size of each provider entry as an application would ship it: `dist/src/<provider>.js`
// bundled and minified by esbuild (`platform: neutral`, `format: esm`, `node:crypto` external),
// then gzipped (level 9). Baseline: the official Huawei SDK bundled the same way.
//
// The baseline is the Huawei ECS SDK (`@huaweicloud/huaweicloud-sdk-ecs`, a pinned dev dependency)
// with its npm dependencies; Node built-ins stay external on both sides. Should it be missing, its
// core (`@huaweicloud/huaweicloud-sdk-core`, which every Huawei service SDK imports) is measured
// instead, as a lower bound.
import { existsSync } from 'node:fs';
import { createRequire, builtinModules } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { repoRoot } from '../lib/spec-files.js';
import type { BenchRow } from './report.js';

export const PROVIDERS = ['scp', 'huawei', 'openstack', 'rackspace', 'katapult'] as const;
const GOAL_BYTES = 8 * 1024;

export interface BundleMeasure {
  raw: number;
  gzip: number;
  /** Minified bytes each input contributes, largest first. */
  inputs: { file: string; bytes: number }[];
}

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * Leaves out (as external) the bare imports that do not resolve, and records them. The Huawei SDK
 * core requires `uuid` without declaring it as a dependency; leaving such a package out can only
 * make the baseline look smaller than it really is.
 */
function externalizeUnresolved(missing: Set<string>): Plugin {
  return {
    name: 'externalize-unresolved',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.pluginData === 'retry' || NODE_BUILTINS.includes(args.path)) return undefined;
        return b
          .resolve(args.path, {
            kind: args.kind,
            resolveDir: args.resolveDir,
            importer: args.importer,
            pluginData: 'retry',
          })
          .then((resolved) => {
            if (resolved.errors.length === 0) return resolved;
            missing.add(args.path);
            return { path: args.path, external: true };
          });
      });
    },
  };
}

async function measureBundle(
  entry: { file: string } | { contents: string },
  options: { external: string[]; mainFields?: string[]; missing?: Set<string> },
): Promise<BundleMeasure> {
  const result = await build({
    ...(options.missing ? { plugins: [externalizeUnresolved(options.missing)] } : {}),
    ...('file' in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: repoRoot, loader: 'js' } }),
    bundle: true,
    minify: true,
    platform: 'neutral',
    format: 'esm',
    external: options.external,
    ...(options.mainFields ? { mainFields: options.mainFields } : {}),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const output = Object.values((result.metafile as Metafile).outputs)[0]!;
  const inputs = Object.entries(output.inputs)
    .map(([file, info]) => ({ file, bytes: info.bytesInOutput }))
    .filter((i) => i.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, inputs };
}

function huaweiSdkEntry(): { name: string; contents: string; note: string } | undefined {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const has = (name: string) => {
    try {
      require.resolve(name);
      return true;
    } catch {
      return false;
    }
  };
  if (has('@huaweicloud/huaweicloud-sdk-ecs')) {
    return {
      name: '@huaweicloud/huaweicloud-sdk-ecs',
      contents: "export * from '@huaweicloud/huaweicloud-sdk-ecs';",
      note: 'official ECS SDK',
    };
  }
  if (has('@huaweicloud/huaweicloud-sdk-core')) {
    return {
      name: '@huaweicloud/huaweicloud-sdk-core',
      contents: "export * from '@huaweicloud/huaweicloud-sdk-core';",
      note: 'huaweicloud-sdk-ecs is not installed; its core (which the ECS SDK imports) is measured as a lower bound',
    };
  }
  return undefined;
}

/**
 * What every provider entry carries before any provider code: openapi-fetch, the client kit and
 * the core (typed errors, error-body parsing, redaction, retries and timeouts, body validation).
 * No goal of its own; it shows how much of each entry the provider part is.
 */
async function sharedLayerRow(
  baseline: BundleMeasure | undefined,
  baselineName: string | undefined,
): Promise<BenchRow> {
  const dist = (file: string) => JSON.stringify(`./dist/src/${file}`);
  const m = await measureBundle(
    {
      contents: [
        `export { createProviderClient } from ${dist('providers/client-kit.js')};`,
        `export * from ${dist('core/index.js')};`,
      ].join('\n'),
    },
    { external: ['node:crypto'] },
  );
  return {
    section: 'bundle',
    subject: 'shared layer of every entry (openapi-fetch, client kit, core)',
    value: m.gzip,
    baselineValue: baseline?.gzip ?? 0,
    unit: 'B gz',
    baseline: baseline ? `${baselineName} (same esbuild options)` : 'none',
    ratio: baseline ? baseline.gzip / m.gzip : null,
    goal: null,
    met: null,
    note: `${(m.raw / 1024).toFixed(1)} KB minified, no provider code; the entries above add their provider's client, auth and spec data to it`,
  };
}

export async function benchBundles(): Promise<{
  rows: BenchRow[];
  details: Record<string, unknown>;
}> {
  const sdk = huaweiSdkEntry();
  let baseline: BundleMeasure | undefined;
  let baselineNote = 'no official Huawei SDK installed to compare with';
  if (sdk) {
    try {
      // CommonJS packages: let esbuild read `main`; Node built-ins stay external (as node:crypto
      // does for us), so only the SDK's own JavaScript and its npm dependencies are counted.
      const missing = new Set<string>();
      baseline = await measureBundle(
        { contents: sdk.contents },
        { external: NODE_BUILTINS, mainFields: ['module', 'main'], missing },
      );
      baselineNote = missing.size
        ? `${sdk.note}; left out because the SDK requires them without declaring them: ${[...missing].join(', ')}`
        : sdk.note;
    } catch (error) {
      baselineNote = `${sdk.name} could not be bundled: ${(error as Error).message.split('\n')[0]}`;
    }
  }
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {
    baseline: sdk ? { package: sdk.name, note: baselineNote, ...baseline } : baselineNote,
  };
  for (const provider of PROVIDERS) {
    const file = path.join(repoRoot, 'dist', 'src', `${provider}.js`);
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
    const m = await measureBundle({ file }, { external: ['node:crypto'] });
    details[provider] = {
      raw: m.raw,
      gzip: m.gzip,
      largestInputs: m.inputs.slice(0, 8).map((i) => ({
        file: path.relative(repoRoot, path.resolve(repoRoot, i.file)),
        minifiedBytes: i.bytes,
      })),
    };
    rows.push({
      section: 'bundle',
      subject: `cloud-nic/${provider}`,
      value: m.gzip,
      baselineValue: baseline?.gzip ?? 0,
      unit: 'B gz',
      baseline: baseline ? `${sdk!.name} (same esbuild options)` : 'none',
      ratio: baseline ? baseline.gzip / m.gzip : null,
      goal: '< 8 KB gz',
      met: m.gzip < GOAL_BYTES,
      note: `${(m.raw / 1024).toFixed(1)} KB minified; largest: ${m.inputs
        .slice(0, 3)
        .map((i) => `${path.basename(i.file)} ${(i.bytes / 1024).toFixed(1)} KB`)
        .join(', ')}`,
    });
  }
  if (baseline && rows[0]) rows[0].note = `${rows[0].note}. Baseline: ${baselineNote}`;
  rows.push(await sharedLayerRow(baseline, sdk?.name));
  return { rows, details };
}
