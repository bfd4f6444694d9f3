// `npm run docs`: builds the offline docs site into build/docs/ (or `--out <dir>`):
//   <p>.html       one Redoc page per spec (redocly build-docs --inlineBundle: no CDN, works offline)
//   specs/<p>.yaml the spec files the pages are rendered from
//   index.html     a self-contained overview: per provider its operations, auth schemes, API
//                  versions or microversion range, with links to the page and the spec
// The list of specs comes from redocly.yaml; the facts from generated/<p>.meta.ts and the spec.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  collectDocFacts,
  providerPageTitle,
  renderIndex,
  type MetaModule,
} from './lib/docs-index.js';
import { loadSpec, readSpecEntries, repoRoot, type SpecEntry } from './lib/spec-files.js';

export const defaultDocsDir = path.join(repoRoot, 'build', 'docs');

export interface BuiltFile {
  file: string;
  bytes: number;
}

/** Runs `redocly build-docs` for one spec; rejects with its output when it fails. */
function buildRedocPage(entry: SpecEntry, title: string, output: string): Promise<void> {
  const bin = path.join(repoRoot, 'node_modules', '.bin', 'redocly');
  const args = [
    'build-docs',
    path.relative(repoRoot, entry.specPath),
    '--inlineBundle',
    '--title',
    title,
    '-o',
    output,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      cwd: repoRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else {
        const relevant = log
          .split('\n')
          .filter((line) => !/[║╔╚]/.test(line))
          .join('\n')
          .trim();
        reject(new Error(`redocly build-docs ${entry.name} exited with ${code}:\n${relevant}`));
      }
    });
  });
}

/**
 * Redoc's sidebar footer loads the Redocly logo from cdn.redoc.ly once the page runs, the only
 * remote asset left with --inlineBundle (there is no option to turn it off). Point it at an empty
 * `data:` URL instead: the image then fails to decode and Redoc hides it, exactly as it does
 * offline, and the page makes no network request at all (test/docs/docs-site.test.ts checks).
 */
const REMOTE_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;

async function keepPageOffline(file: string): Promise<void> {
  const html = await readFile(file, 'utf8');
  const patched = html.replace(REMOTE_LOGO, 'data:,');
  if (patched !== html) await writeFile(file, patched);
}

async function loadMeta(entry: SpecEntry): Promise<MetaModule> {
  return (await import(pathToFileURL(entry.metaPath).href)) as MetaModule;
}

/** Builds the whole site into `outDir` (emptied first) and returns the files with their sizes. */
export async function buildDocs(outDir = defaultDocsDir): Promise<BuiltFile[]> {
  const entries = readSpecEntries();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.join(outDir, 'specs'), { recursive: true });
  const packageJson = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };

  const providers = await Promise.all(
    entries.map(async (entry) => {
      const meta = await loadMeta(entry);
      const specName = path.basename(entry.specPath);
      const page = path.join(outDir, `${entry.name}.html`);
      const spec = path.join(outDir, 'specs', specName);
      // The five Redoc builds run in parallel (one child process each).
      await Promise.all([
        buildRedocPage(entry, providerPageTitle(meta), page).then(() => keepPageOffline(page)),
        copyFile(entry.specPath, spec),
      ]);
      const facts = collectDocFacts(meta, loadSpec(entry.specPath), {
        page: `${entry.name}.html`,
        spec: `specs/${specName}`,
      });
      return { facts, files: [page, spec] };
    }),
  );

  const index = path.join(outDir, 'index.html');
  await writeFile(
    index,
    renderIndex(
      providers.map((p) => p.facts),
      packageJson.version,
    ),
  );
  const files = [index, ...providers.flatMap((p) => p.files)];
  return Promise.all(files.map(async (file) => ({ file, bytes: (await stat(file)).size })));
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

const isMain = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outArg = outIndex === -1 ? undefined : args[outIndex + 1];
  if (outIndex !== -1 && !outArg) {
    console.error('usage: npm run docs [-- --out <dir>]');
    process.exit(2);
  }
  const outDir = outArg ? path.resolve(outArg) : defaultDocsDir;
  const started = performance.now();
  try {
    const files = await buildDocs(outDir);
    const width = Math.max(...files.map((f) => path.relative(process.cwd(), f.file).length));
    for (const { file, bytes } of files) {
      console.log(
        `${path.relative(process.cwd(), file).padEnd(width)}  ${formatSize(bytes).padStart(10)}`,
      );
    }
    const ms = Math.round(performance.now() - started);
    console.log(
      `docs site: ${files.length} files in ${path.relative(process.cwd(), outDir) || '.'} (${ms} ms)`,
    );
    console.log(`open ${pathToFileURL(path.join(outDir, 'index.html')).href}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
