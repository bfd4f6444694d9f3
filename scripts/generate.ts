// `npm run generate`: specs/*.yaml -> generated/ (types, metadata, request validators), formatted.
//
//   npm run generate                  lint + generate every spec
//   npm run generate -- --no-lint     generate only
//   npm run generate -- --watch       regenerate a spec's outputs whenever it is saved
//
// One process, four threads, so both cores work from the start:
// - the lint: Redocly's own CLI (`redocly lint`, the v2 engine `npm run lint` uses) in a worker
//   thread, so it reports exactly what `npm run lint` reports without a second Node start;
// - the types worker (openapi-typescript) and the format worker (prettier), plain-Node worker
//   threads fed spec by spec, so one formats a spec while the other generates the next;
// - this thread: YAML parsing, metadata, validators and the spec-as-data module.
import { watch } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadSpec, readSpecEntries, repoRoot, type SpecEntry } from './lib/spec-files.js';

const generatedDir = path.join(repoRoot, 'generated');
const require = createRequire(import.meta.url);

/*
 * The tool workers run third-party code only, as plain JavaScript without tsx's loader on purpose:
 * tsx intercepts every module load (lexing CommonJS, rewriting ES modules with source maps), which
 * makes loading openapi-typescript (with the whole TypeScript compiler) and prettier cost several
 * hundred ms more CPU. Each handles one task at a time (interleaved, every spec's syntax trees would
 * be alive at once) and answers `{ id, output }` or `{ id, error }`.
 */
const TASK_LOOP = `
let queue = Promise.resolve();
parentPort.on('message', ({ id, task }) => {
  queue = queue.then(() => run(task)).then(
    (output) => parentPort.postMessage({ id, output }),
    (error) => parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
`;

/**
 * `{ doc }` -> the spec's TypeScript types, unformatted. openapi-typescript's CommonJS build is
 * required: `import` of CommonJS lexes the 9 MB TypeScript compiler for its export names first.
 */
const TYPES_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const openapiTS = require(workerData.openapiTypescript);
async function run({ doc }) {
  return openapiTS.astToString(await openapiTS.default(doc, { silent: true, arrayLength: true }));
}
${TASK_LOOP}`;

/**
 * `{ code, filepath }` -> the code formatted with the repository's prettier config (resolved for a
 * file in generated/ wherever the output goes: tests write to temp dirs). The babel-ts parser prints
 * these declaration-only files byte for byte like the default typescript parser (that
 * `npm run format:check` uses) at two thirds of the cost.
 */
const FORMAT_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const prettier = require(workerData.prettier);
const config = prettier.resolveConfig(workerData.configProbe).then((found) => found ?? {});
async function run({ code, filepath }) {
  return prettier.format(code, { ...(await config), filepath, parser: 'babel-ts' });
}
${TASK_LOOP}`;

/** A tool worker; it keeps the process alive only while it has work, and restarts after a crash. */
class ToolWorker<Task> {
  private worker: Worker | null = null;
  private readonly pending = new Map<
    number,
    { resolve: (output: string) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;

  constructor(
    private readonly source: string,
    private readonly workerData: Record<string, string>,
  ) {}

  /** Starts the worker ahead of its first task, so its modules load meanwhile. */
  start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.source, {
      eval: true,
      execArgv: [],
      workerData: this.workerData,
    });
    worker.unref();
    worker.on('message', ({ id, output, error }) => {
      const request = this.pending.get(id);
      if (!request) return;
      this.pending.delete(id);
      if (this.pending.size === 0) worker.unref();
      if (error === undefined) request.resolve(output);
      else request.reject(new Error(error));
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const request of this.pending.values()) request.reject(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`tool worker exited with code ${code}`)));
    return (this.worker = worker);
  }

  run(task: Task): Promise<string> {
    const worker = this.start();
    const id = this.nextId++;
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, task });
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}

const typesWorker = new ToolWorker<{ doc: Record<string, unknown> }>(TYPES_WORKER_SOURCE, {
  openapiTypescript: require.resolve('openapi-typescript'),
});
const formatWorker = new ToolWorker<{ code: string; filepath: string }>(FORMAT_WORKER_SOURCE, {
  prettier: require.resolve('prettier'),
  configProbe: path.join(generatedDir, 'x.ts'),
});

/** Writes only when the content changed, so unchanged outputs keep their mtime. */
async function writeIfChanged(file: string, content: string): Promise<boolean> {
  const previous = await readFile(file, 'utf8').catch(() => null);
  if (previous === content) return false;
  await writeFile(file, content);
  return true;
}

export interface GeneratedFile {
  file: string;
  changed: boolean;
}

/** Generates the outputs of one spec (types, validators when it has request bodies, meta, document). */
export async function generateSpec(entry: SpecEntry): Promise<GeneratedFile[]> {
  // Loaded here rather than at the top, so the workers start before ajv loads.
  const [{ compileRequestValidators }, { deriveMeta, renderMeta, requestBodySchemaPointers }] =
    await Promise.all([import('./lib/compile-validators.js'), import('./lib/derive-meta.js')]);
  const specFile = path.relative(repoRoot, entry.specPath);
  const doc = loadSpec(entry.specPath);
  const header = `// Generated by scripts/generate.ts from ${specFile}. Do not edit: change the spec and run \`npm run generate\`.`;

  // Machine artifacts (the validator tables, the spec as data) are deterministic as emitted and
  // listed in .prettierignore: formatting them would double the pipeline's time for nobody's benefit.
  const validators = compileRequestValidators(doc, requestBodySchemaPointers(doc), header);
  const metaSource = renderMeta(deriveMeta(doc), specFile, validators !== null);
  const document = [
    header,
    '',
    '/** The OpenAPI document, as a plain object (for run-time validation by the emulators). */',
    `export const document: Record<string, unknown> = ${JSON.stringify(doc, null, 2)};`,
    '',
  ].join('\n');

  // openapi-typescript gets the parsed spec rather than its path: one parse serves every output
  // (the specs use local $refs only; derive-meta rejects any other).
  const [types, meta] = await Promise.all([
    typesWorker.run({ doc }).then((code) => formatWorker.run({ code, filepath: entry.typesPath })),
    formatWorker.run({ code: metaSource, filepath: entry.metaPath }),
  ]).catch((error: Error) => {
    throw new Error(`${specFile}: ${error.message}`);
  });

  const outputs: [string, string | null][] = [
    [entry.typesPath, types],
    [entry.validatorsPath, validators],
    [entry.metaPath, meta],
    [entry.documentPath, document],
  ];
  const results: GeneratedFile[] = [];
  for (const [file, content] of outputs) {
    if (content === null) {
      await rm(file, { force: true });
      continue;
    }
    results.push({ file, changed: await writeIfChanged(file, content) });
  }
  return results;
}

/**
 * Redocly's CLI in a worker thread. The CLI writes problems to stdout and progress to stderr; a
 * worker's two streams reach this thread independently batched, so stderr is routed into stdout
 * to keep the report in the order the CLI wrote it.
 */
const LINT_WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
process.stderr.write = process.stdout.write.bind(process.stdout);
import(pathToFileURL(workerData.cli).href);
`;

/**
 * Runs `redocly lint` over every spec listed in redocly.yaml with Redocly's CLI itself (the v2
 * engine: same rules, plugin, severities and report as `npm run lint`), without a second Node
 * start. Warnings fail too.
 */
function lintAll(): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const worker = new Worker(LINT_WORKER_SOURCE, {
      eval: true,
      argv: ['lint', '--format', 'stylish', '--config', path.join(repoRoot, 'redocly.yaml')],
      execArgv: [],
      stdout: true,
      workerData: { cli: require.resolve('@redocly/cli/bin/cli.js') },
    });
    let output = '';
    worker.stdout.on('data', (chunk) => (output += chunk));
    worker.on('error', (error) => (output += `\n${error.stack ?? error.message}`));
    worker.on('exit', (code) =>
      resolve({ ok: code === 0 && !/warning/i.test(stripBanner(output)), output }),
    );
  });
}

/** Drops Redocly's Node 20 end-of-life banner so it is not mistaken for a lint warning. */
function stripBanner(output: string): string {
  return output
    .split('\n')
    .filter((line) => !/[║╔╚]/.test(line))
    .join('\n');
}

/** Removes files in generated/ that no spec produces any more. */
async function pruneStale(expected: Set<string>): Promise<string[]> {
  const present = await readdir(generatedDir).catch(() => [] as string[]);
  const stale = present.filter((name) => !expected.has(path.join(generatedDir, name)));
  await Promise.all(stale.map((name) => rm(path.join(generatedDir, name), { force: true })));
  return stale;
}

export async function generateAll(options: { lint: boolean }): Promise<boolean> {
  const started = performance.now();
  const lint = options.lint ? lintAll() : Promise.resolve({ ok: true, output: '' });
  typesWorker.start();
  formatWorker.start();
  const entries = readSpecEntries();
  await mkdir(generatedDir, { recursive: true });
  const results = await Promise.all(entries.map((entry) => generateSpec(entry)));
  const files = results.flat();
  const stale = await pruneStale(new Set(files.map((f) => f.file)));
  const lintResult = await lint;
  for (const { file, changed } of files) {
    console.log(`${changed ? 'updated  ' : 'unchanged'} ${path.relative(repoRoot, file)}`);
  }
  for (const name of stale) console.log(`removed   generated/${name}`);
  if (!lintResult.ok) {
    console.error(stripBanner(lintResult.output).trim());
    console.error('\nLint failed: fix the spec(s) above (npm run lint shows the same report).');
    return false;
  }
  const ms = Math.round(performance.now() - started);
  console.log(
    `generated ${files.length} files from ${entries.length} specs in ${ms} ms${options.lint ? ' (lint clean)' : ''}`,
  );
  return true;
}

/** Stops the tool workers (a finished run exits without this; it only makes the exit prompt). */
export async function stopGenerator(): Promise<void> {
  await Promise.all([typesWorker.stop(), formatWorker.stop()]);
}

async function watchSpecs(): Promise<void> {
  const entries = readSpecEntries();
  await generateAll({ lint: false });
  console.log('watching specs/ (Ctrl-C to stop)');
  const pending = new Map<string, NodeJS.Timeout>();
  for (const entry of entries) {
    watch(entry.specPath, () => {
      // Editors save in several writes; regenerate once the file has been quiet for 30 ms.
      clearTimeout(pending.get(entry.name));
      pending.set(
        entry.name,
        setTimeout(async () => {
          const started = performance.now();
          try {
            const files = await generateSpec(entry);
            const changed = files
              .filter((f) => f.changed)
              .map((f) => path.relative(repoRoot, f.file));
            const ms = (performance.now() - started).toFixed(0);
            console.log(
              `${entry.name}: ${changed.length ? changed.join(', ') : 'no change'} (${ms} ms)`,
            );
          } catch (error) {
            console.error(`${entry.name}: ${(error as Error).message}`);
          }
        }, 30),
      );
    });
  }
}

const isMain = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) {
  const args = new Set(process.argv.slice(2));
  if (args.has('--watch')) {
    await watchSpecs();
  } else {
    const ok = await generateAll({ lint: !args.has('--no-lint') });
    await stopGenerator();
    process.exitCode = ok ? 0 : 1;
  }
}
