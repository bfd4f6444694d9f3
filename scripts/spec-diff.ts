// `npm run spec:diff -- <git-ref>`: what changed in each spec since <git-ref>, rated by the semver
// bump it requires (breaking = major). Compares `git show <ref>:specs/<p>.yaml` with the working
// tree, one `redocly diff` per spec, all in parallel. A spec missing at the ref is "new"; one
// missing now is "removed" (breaking).
//
// `npm run check:breaking` (`--ci`): compares the previous commit (HEAD~1) with HEAD and fails when
// a spec change is breaking but package.json's version at HEAD does not carry the bump it needs
// over the version at HEAD~1 (0.x: at least minor; otherwise major).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gateBreakingChanges, maxBump, type Bump } from './lib/semver-gate.js';
import { diffSpecFiles, type SpecChange } from './lib/spec-diff-redocly.js';

const exec = promisify(execFile);
const SPEC_DIR = 'specs';
const SPEC_FILE = /^[^/]+\.ya?ml$/;

export interface ProviderResult {
  name: string;
  file: string;
  status: 'changed' | 'unchanged' | 'new' | 'removed';
  bump: Bump;
  breaking: SpecChange[];
  nonBreaking: SpecChange[];
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function gitOk(cwd: string, args: string[]): Promise<string | null> {
  try {
    return await git(cwd, args);
  } catch {
    return null;
  }
}

/** Spec files (`specs/*.yaml`) at a commit. */
async function specsAt(cwd: string, ref: string): Promise<string[]> {
  const out = await git(cwd, ['ls-tree', '--name-only', `${ref}:${SPEC_DIR}`]).catch(() => '');
  return out
    .split('\n')
    .filter((name) => SPEC_FILE.test(name))
    .map((name) => `${SPEC_DIR}/${name}`);
}

async function specsInWorkTree(cwd: string): Promise<string[]> {
  const names = await readdir(path.join(cwd, SPEC_DIR)).catch(() => [] as string[]);
  return names.filter((name) => SPEC_FILE.test(name)).map((name) => `${SPEC_DIR}/${name}`);
}

/** Compares every spec at `base` with `revision` (a commit, or null for the working tree). */
export async function diffAllSpecs(
  cwd: string,
  base: string,
  revision: string | null,
): Promise<ProviderResult[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'cloud-nic-spec-diff-'));
  try {
    const baseFiles = await specsAt(cwd, base);
    const revisionFiles = revision ? await specsAt(cwd, revision) : await specsInWorkTree(cwd);
    const all = [...new Set([...baseFiles, ...revisionFiles])].sort();
    return await Promise.all(
      all.map(async (file): Promise<ProviderResult> => {
        const name = path.basename(file).replace(/\.ya?ml$/, '');
        const empty = { name, file, breaking: [], nonBreaking: [] };
        if (!baseFiles.includes(file)) {
          return {
            ...empty,
            status: 'new',
            bump: 'minor',
            nonBreaking: [{ impact: 'minor', breaking: false, text: `new spec ${file}` }],
          };
        }
        if (!revisionFiles.includes(file)) {
          return {
            ...empty,
            status: 'removed',
            bump: 'major',
            breaking: [{ impact: 'major', breaking: true, text: `spec ${file} was removed` }],
          };
        }
        const baseText = await git(cwd, ['show', `${base}:${file}`]);
        const revisionText = revision
          ? await git(cwd, ['show', `${revision}:${file}`])
          : await readFile(path.join(cwd, file), 'utf8');
        if (baseText === revisionText) return { ...empty, status: 'unchanged', bump: 'none' };
        const dir = path.join(work, name);
        await mkdir(path.join(dir, 'base'), { recursive: true });
        await mkdir(path.join(dir, 'revision'), { recursive: true });
        const baseFile = path.join(dir, 'base', path.basename(file));
        const revisionFile = path.join(dir, 'revision', path.basename(file));
        await writeFile(baseFile, baseText);
        await writeFile(revisionFile, revisionText);
        const diff = await diffSpecFiles(baseFile, revisionFile);
        return { ...empty, ...diff, status: 'changed' };
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The report printed for every provider: its bump, then one line per change. */
export function formatReport(results: ProviderResult[]): string {
  const lines: string[] = [];
  const width = Math.max(...results.map((r) => r.name.length), 0);
  for (const result of results) {
    const label = result.name.padEnd(width);
    if (result.status === 'unchanged' || result.bump === 'none') {
      lines.push(
        `${label}  none   ${result.status === 'unchanged' ? 'no change' : 'no change that affects clients'}`,
      );
      continue;
    }
    const counts = `${result.breaking.length} breaking, ${result.nonBreaking.length} non-breaking`;
    const status = result.status === 'changed' ? '' : ` (${result.status} spec)`;
    lines.push(`${label}  ${result.bump.padEnd(5)}  ${counts}${status}`);
    for (const change of result.breaking)
      lines.push(`  breaking      [${change.impact}] ${change.text}`);
    for (const change of result.nonBreaking) {
      lines.push(`  non-breaking  [${change.impact}] ${change.text}`);
    }
  }
  return lines.join('\n');
}

async function packageVersionAt(cwd: string, ref: string | null): Promise<string | null> {
  const text = ref
    ? await gitOk(cwd, ['show', `${ref}:package.json`])
    : await readFile(path.join(cwd, 'package.json'), 'utf8').catch(() => null);
  if (text === null) return null;
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === 'string' ? version : null;
}

async function changelogHasVersion(cwd: string, ref: string, version: string): Promise<boolean> {
  const text = (await gitOk(cwd, ['show', `${ref}:CHANGELOG.md`])) ?? '';
  return new RegExp(`^##\\s*\\[?${version.replace(/\./g, '\\.')}\\]?`, 'm').test(text);
}

export interface RunOptions {
  cwd: string;
  ci: boolean;
  base?: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/** Runs the diff (and in CI mode the gate); resolves to the exit code. */
export async function runSpecDiff(options: RunOptions): Promise<number> {
  const out = options.out ?? ((line: string) => console.log(line));
  const err = options.err ?? ((line: string) => console.error(line));
  const root = (await git(options.cwd, ['rev-parse', '--show-toplevel'])).trim();

  let base: string;
  let revision: string | null;
  if (options.ci) {
    const parent = await gitOk(root, ['rev-parse', '--verify', '--quiet', 'HEAD~1^{commit}']);
    if (!parent) {
      out(
        'check:breaking: HEAD has no previous commit (first commit, or a shallow clone: fetch ' +
          'with depth 2 or more), so there is nothing to compare. Passing.',
      );
      return 0;
    }
    base = 'HEAD~1';
    revision = 'HEAD';
  } else {
    if (!options.base) {
      err('usage: npm run spec:diff -- <git-ref>     (e.g. HEAD~1, main, v0.1.0)');
      return 2;
    }
    if (!(await gitOk(root, ['rev-parse', '--verify', '--quiet', `${options.base}^{commit}`]))) {
      err(`spec:diff: ${options.base} is not a commit in this repository`);
      return 2;
    }
    base = options.base;
    revision = null;
  }

  const baseSha = (await git(root, ['rev-parse', '--short', base])).trim();
  const target = revision
    ? `${revision} (${(await git(root, ['rev-parse', '--short', revision])).trim()})`
    : 'the working tree';
  out(`Spec changes from ${base} (${baseSha}) to ${target}, rated by redocly diff (experimental):`);
  const results = await diffAllSpecs(root, base, revision);
  if (results.length === 0) {
    out(`No ${SPEC_DIR}/*.yaml at either side: nothing to compare.`);
    return 0;
  }
  out(formatReport(results));

  const bump = maxBump(results.map((r) => r.bump));
  const breaking = results.filter((r) => r.breaking.length > 0);
  const baseVersion = await packageVersionAt(root, base);
  const headVersion = await packageVersionAt(root, revision);
  out('');
  out(
    `Required by the spec changes: ${bump}` +
      (breaking.length ? ` (breaking changes in ${breaking.map((r) => r.file).join(', ')})` : ''),
  );
  if (!headVersion) {
    if (options.ci) {
      err('check:breaking: package.json at HEAD has no version; cannot check the bump.');
      return 1;
    }
    return 0;
  }
  const gate = gateBreakingChanges({ breaking: breaking.length > 0, baseVersion, headVersion });
  if (!options.ci) {
    if (breaking.length) {
      out(
        gate.ok
          ? `package.json: ${gate.reason}.`
          : `package.json: ${gate.reason}; npm run check:breaking will fail once this is committed. Set "version" to ${gate.suggestedVersion} or higher and add a CHANGELOG.md entry, or revert the breaking change.`,
      );
    }
    return 0;
  }

  if (gate.ok) {
    out(`check:breaking: OK, ${gate.reason}.`);
    if (breaking.length && !(await changelogHasVersion(root, 'HEAD', headVersion))) {
      out(
        `check:breaking: note: CHANGELOG.md has no "## [${headVersion}]" section describing the breaking change.`,
      );
    }
    return 0;
  }
  err('');
  err(`check:breaking: FAILED: breaking API changes without the version bump they require.`);
  for (const result of breaking) {
    for (const change of result.breaking) err(`  ${result.file}: ${change.text}`);
  }
  err(`  ${gate.reason}.`);
  err('How to fix, either:');
  err(
    `  - release it as a breaking change: set "version" in package.json to ${gate.suggestedVersion} (or higher) and add a "## [${gate.suggestedVersion}]" entry to CHANGELOG.md that names the breaking changes above; or`,
  );
  err(
    `  - revert the breaking change in ${breaking.map((r) => r.file).join(', ')} (make it additive: keep the operation/field, add new ones beside it, mark old ones deprecated).`,
  );
  return 1;
}

const isMain = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) {
  const args = process.argv.slice(2);
  const ci = args.includes('--ci');
  const base = args.find((arg) => !arg.startsWith('--'));
  try {
    process.exitCode = await runSpecDiff({ cwd: process.cwd(), ci, base });
  } catch (error) {
    console.error(`spec:diff: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
