// `npm run generate -- --watch` regenerates a spec's outputs when the spec is saved. Run against a
// throwaway copy of the repository (specs, redocly.yaml, scripts, configs, node_modules symlinked)
// in a temp dir, so the real generated/ is never touched.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/spec-files.js';
import { copyRepositoryForGenerate } from '../helpers/repo-sandbox.js';

let dir = '';
let child: ChildProcess | undefined;
let output = '';

/** Resolves with the first regex match in the watcher's output from `from` on. */
function waitForOutput(
  pattern: RegExp,
  from: number,
  timeoutMs: number,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const match = output.slice(from).match(pattern);
      if (match) {
        clearInterval(timer);
        resolve(match);
      } else if (Date.now() - started > timeoutMs || child?.exitCode !== null) {
        clearInterval(timer);
        reject(
          new Error(`watcher did not print ${pattern} in ${timeoutMs} ms; output:\n${output}`),
        );
      }
    }, 25);
  });
}

function stopWatcher(): void {
  if (child?.pid && child.exitCode === null) {
    // The watcher runs under tsx (a parent and a node child): signal its process group.
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  }
}

beforeAll(async () => {
  dir = await copyRepositoryForGenerate('cloud-nic-watch-');
  child = spawn(path.join(dir, 'node_modules', '.bin', 'tsx'), ['scripts/generate.ts', '--watch'], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  await waitForOutput(/watching specs\//, 0, 90_000);
}, 120_000);

afterAll(async () => {
  stopWatcher();
  if (child && child.exitCode === null) {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 5_000);
      child?.once('exit', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
  }
  if (dir) await rm(dir, { recursive: true, force: true });
}, 30_000);

describe('npm run generate -- --watch', () => {
  it('wrote the outputs into the copy, never into the real generated/', async () => {
    expect(output).toMatch(/generated \d+ files from \d+ specs/);
    const copied = await readFile(path.join(dir, 'generated', 'scp.meta.ts'), 'utf8');
    expect(copied).toBe(await readFile(path.join(repoRoot, 'generated', 'scp.meta.ts'), 'utf8'));
  });

  it.each([
    ['scp', 'List the network interfaces of a server'],
    ['openstack', 'List port interfaces'],
  ])(
    'regenerates %s when its spec is saved',
    async (name, summary) => {
      const specFile = path.join(dir, 'specs', `${name}.yaml`);
      const metaFile = path.join(dir, 'generated', `${name}.meta.ts`);
      const before = await readFile(metaFile, 'utf8');
      const spec = await readFile(specFile, 'utf8');
      const changedSummary = `${summary} (edited while watching)`;
      expect(spec).toContain(`summary: ${summary}\n`);

      const from = output.length;
      await writeFile(
        specFile,
        spec.replace(`summary: ${summary}\n`, `summary: ${changedSummary}\n`),
      );
      const match = await waitForOutput(
        new RegExp(`^${name}: (.+) \\((\\d+) ms\\)$`, 'm'),
        from,
        30_000,
      );

      const after = await readFile(metaFile, 'utf8');
      expect(after).not.toBe(before);
      expect(after).toContain(changedSummary);
      expect(match[1]).toContain(`generated/${name}.meta.ts`);
      // Reported for the lead (the generator is optimised when this passes 500 ms); not asserted.
      console.log(`watch: ${name} regenerated in ${match[2]} ms (${match[1]})`);
    },
    60_000,
  );
});
