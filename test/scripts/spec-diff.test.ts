// spec:diff and the check:breaking gate, run against throwaway git repositories in temp dirs:
// commit a spec, change it (breaking: remove an operation, make a request field required;
// non-breaking: add an optional response field), and check the classification, the exit codes
// and what the messages tell the author to do.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  gateBreakingChanges,
  nextVersion,
  requiredPackageBump,
  versionBump,
} from '../../scripts/lib/semver-gate.js';
import { repoRoot } from '../../scripts/lib/spec-files.js';
import { diffAllSpecs, runSpecDiff } from '../../scripts/spec-diff.js';

const exec = promisify(execFile);
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'spec-diff test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'spec-diff test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('git', ['-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: gitEnv,
  });
  return stdout;
}

interface SpecOptions {
  /** Drop the DELETE operation. */
  withoutDelete?: boolean;
  /** Make `description` required in the create request. */
  requireDescription?: boolean;
  /** Add an optional `created_at` to the response. */
  withCreatedAt?: boolean;
}

/** A small but complete OpenAPI 3.1 document, varied by the options. */
function spec(options: SpecOptions = {}): string {
  const responseProperties = [
    '        id:',
    '          type: string',
    '          description: Interface id.',
    '        name:',
    '          type: string',
    '          description: Interface name.',
    ...(options.withCreatedAt
      ? [
          '        created_at:',
          '          type: string',
          '          format: date-time',
          '          description: When the interface was created.',
        ]
      : []),
  ];
  const idParameter = [
    '      parameters:',
    '        - name: id',
    '          in: path',
    '          required: true',
    '          schema: { type: string }',
  ];
  const itemPath = [
    '  /interfaces/{id}:',
    '    get:',
    '      operationId: showInterface',
    '      summary: Show an interface',
    ...idParameter,
    '      responses:',
    "        '200':",
    '          description: The interface.',
    '          content:',
    '            application/json:',
    "              schema: { $ref: '#/components/schemas/Interface' }",
    ...(options.withoutDelete
      ? []
      : [
          '    delete:',
          '      operationId: deleteInterface',
          '      summary: Delete an interface',
          ...idParameter,
          "      responses: { '204': { description: Deleted. } }",
        ]),
  ];
  return [
    'openapi: 3.1.0',
    'info: { title: Demo NIC API, version: 1.0.0 }',
    'paths:',
    '  /interfaces:',
    '    post:',
    '      operationId: createInterface',
    '      summary: Create an interface',
    '      requestBody:',
    '        required: true',
    '        content:',
    '          application/json:',
    "            schema: { $ref: '#/components/schemas/CreateRequest' }",
    '      responses:',
    "        '200':",
    '          description: Created.',
    '          content:',
    '            application/json:',
    "              schema: { $ref: '#/components/schemas/Interface' }",
    ...itemPath,
    'components:',
    '  schemas:',
    '    CreateRequest:',
    '      type: object',
    `      required: [${options.requireDescription ? 'name, description' : 'name'}]`,
    '      properties:',
    '        name: { type: string, description: Name. }',
    '        description: { type: string, description: Free text. }',
    '    Interface:',
    '      type: object',
    '      required: [id]',
    '      properties:',
    ...responseProperties,
    '',
  ].join('\n');
}

async function writeRepoFiles(
  dir: string,
  files: { spec?: string; version?: string; changelog?: string },
): Promise<void> {
  if (files.spec !== undefined) await writeFile(path.join(dir, 'specs', 'demo.yaml'), files.spec);
  if (files.version !== undefined) {
    await writeFile(
      path.join(dir, 'package.json'),
      `${JSON.stringify({ name: 'demo', version: files.version }, null, 2)}\n`,
    );
  }
  if (files.changelog !== undefined)
    await writeFile(path.join(dir, 'CHANGELOG.md'), files.changelog);
}

/** A repository whose first commit holds specs/demo.yaml (base shape) and package.json 0.1.0. */
async function newRepo(version = '0.1.0'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cloud-nic-spec-diff-repo-'));
  dirs.push(dir);
  await git(dir, 'init', '-q');
  await mkdir(path.join(dir, 'specs'));
  await writeRepoFiles(dir, {
    spec: spec(),
    version,
    changelog: `# Changelog\n\n## [${version}]\n`,
  });
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

async function commitAll(dir: string, message: string): Promise<void> {
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', message);
}

async function run(dir: string, options: { ci: boolean; base?: string }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSpecDiff({
    cwd: dir,
    ...options,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('semver gate', () => {
  it('computes the bump a version change carries', () => {
    expect(versionBump('0.1.0', '0.2.0')).toBe('minor');
    expect(versionBump('0.1.0', '0.1.1')).toBe('patch');
    expect(versionBump('1.4.2', '2.0.0')).toBe('major');
    expect(versionBump('1.4.2', '1.4.2')).toBe('none');
    expect(versionBump('1.4.2', '1.3.9')).toBe('none');
    expect(nextVersion('0.1.0', 'minor')).toBe('0.2.0');
    expect(nextVersion('1.4.2', 'major')).toBe('2.0.0');
  });

  it('asks a major bump for a breaking change, a minor one while the package is 0.x', () => {
    expect(requiredPackageBump('major', '1.0.0')).toBe('major');
    expect(requiredPackageBump('major', '0.9.3')).toBe('minor');
    expect(
      gateBreakingChanges({ breaking: true, baseVersion: '1.2.0', headVersion: '1.3.0' }).ok,
    ).toBe(false);
    expect(
      gateBreakingChanges({ breaking: true, baseVersion: '1.2.0', headVersion: '2.0.0' }).ok,
    ).toBe(true);
    const zero = gateBreakingChanges({
      breaking: true,
      baseVersion: '0.1.0',
      headVersion: '0.1.1',
    });
    expect(zero).toMatchObject({ ok: false, required: 'minor', suggestedVersion: '0.2.0' });
    expect(zero.reason).toContain('0.x versions: a breaking change requires at least a minor bump');
    expect(
      gateBreakingChanges({ breaking: false, baseVersion: '0.1.0', headVersion: '0.1.0' }).ok,
    ).toBe(true);
  });
});

describe('spec:diff classification (redocly diff)', () => {
  it('rates a new optional response field as a non-breaking minor change', async () => {
    const dir = await newRepo();
    await writeRepoFiles(dir, { spec: spec({ withCreatedAt: true }) });
    const [demo] = await diffAllSpecs(dir, 'HEAD', null);
    expect(demo).toMatchObject({ name: 'demo', status: 'changed', bump: 'minor', breaking: [] });
    expect(demo?.nonBreaking.map((c) => c.text).join('\n')).toContain('created_at');
  }, 30_000);

  it('rates a removed operation and a newly required request field as breaking (major)', async () => {
    const dir = await newRepo();
    await writeRepoFiles(dir, { spec: spec({ withoutDelete: true, requireDescription: true }) });
    const [demo] = await diffAllSpecs(dir, 'HEAD', null);
    expect(demo?.bump).toBe('major');
    const lines = demo?.breaking.map((c) => c.text) ?? [];
    expect(
      lines.some((l) => /DELETE \/interfaces\/\{id\}.*removed/i.test(l)),
      lines.join('\n'),
    ).toBe(true);
    expect(
      lines.some((l) => /description/.test(l) && /required/i.test(l)),
      lines.join('\n'),
    ).toBe(true);
  }, 30_000);

  it('prints one line per change and the bump per provider; a spec missing at the ref is new', async () => {
    const dir = await newRepo();
    await writeRepoFiles(dir, { spec: spec({ withoutDelete: true, withCreatedAt: true }) });
    await writeFile(path.join(dir, 'specs', 'other.yaml'), spec());
    const { code, out } = await run(dir, { ci: false, base: 'HEAD' });
    expect(code).toBe(0);
    expect(out).toMatch(/^demo\s+major\s+1 breaking, 1 non-breaking$/m);
    expect(out).toMatch(/^ {2}breaking {6}\[major\] .*DELETE \/interfaces\/\{id\}/m);
    expect(out).toMatch(/^ {2}non-breaking {2}\[minor\] .*created_at/m);
    expect(out).toMatch(/^other\s+minor\s+.*\(new spec\)$/m);
    expect(out).toContain(
      'Required by the spec changes: major (breaking changes in specs/demo.yaml)',
    );
    // Not committed yet, so only a warning: the CI gate is what fails.
    expect(out).toContain('Set "version" to 0.2.0 or higher');
  }, 30_000);

  it('rejects a ref that is not a commit', async () => {
    const dir = await newRepo();
    const { code, err } = await run(dir, { ci: false, base: 'no-such-ref' });
    expect(code).toBe(2);
    expect(err).toContain('no-such-ref is not a commit');
  }, 30_000);
});

describe('check:breaking (CI gate, HEAD~1 -> HEAD)', () => {
  it('passes on the first commit, saying there is nothing to compare', async () => {
    const dir = await newRepo();
    const { code, out } = await run(dir, { ci: true });
    expect(code).toBe(0);
    expect(out).toContain('HEAD has no previous commit');
  }, 30_000);

  it('passes a non-breaking change without a version bump', async () => {
    const dir = await newRepo();
    await writeRepoFiles(dir, { spec: spec({ withCreatedAt: true }) });
    await commitAll(dir, 'add created_at');
    const { code, out } = await run(dir, { ci: true });
    expect(code).toBe(0);
    expect(out).toContain('check:breaking: OK, no breaking change.');
  }, 30_000);

  it('fails a breaking change without the bump, saying what broke, where and how to fix it', async () => {
    const dir = await newRepo();
    await writeRepoFiles(dir, { spec: spec({ withoutDelete: true, requireDescription: true }) });
    await commitAll(dir, 'break the API');
    const { code, err } = await run(dir, { ci: true });
    expect(code).toBe(1);
    expect(err).toContain('check:breaking: FAILED');
    expect(err).toMatch(/specs\/demo\.yaml: .*DELETE \/interfaces\/\{id\}.*removed/i);
    expect(err).toMatch(/specs\/demo\.yaml: .*description/);
    expect(err).toContain('0.x versions: a breaking change requires at least a minor bump');
    expect(err).toContain('set "version" in package.json to 0.2.0');
    expect(err).toContain('CHANGELOG.md');
    expect(err).toContain('revert the breaking change in specs/demo.yaml');
  }, 30_000);

  it('still fails when a 0.x package only bumps the patch version', async () => {
    const dir = await newRepo();
    await writeRepoFiles(dir, { spec: spec({ withoutDelete: true }), version: '0.1.1' });
    await commitAll(dir, 'break with a patch bump');
    const { code, err } = await run(dir, { ci: true });
    expect(code).toBe(1);
    expect(err).toContain('0.1.0 -> 0.1.1 does not carry the required minor bump');
  }, 30_000);

  it('passes a breaking change released with the required bump and a CHANGELOG entry', async () => {
    const dir = await newRepo();
    await writeRepoFiles(dir, {
      spec: spec({ withoutDelete: true }),
      version: '0.2.0',
      changelog: '# Changelog\n\n## [0.2.0]\n\n### Removed\n\n- deleteInterface\n\n## [0.1.0]\n',
    });
    await commitAll(dir, 'release 0.2.0');
    const { code, out } = await run(dir, { ci: true });
    expect(code).toBe(0);
    expect(out).toContain('carries the required minor bump');
    expect(out).not.toContain('CHANGELOG.md has no');
  }, 30_000);

  it('asks a 1.x package for a major bump', async () => {
    const dir = await newRepo('1.0.0');
    await writeRepoFiles(dir, { spec: spec({ requireDescription: true }), version: '1.1.0' });
    await commitAll(dir, 'break with a minor bump');
    const failed = await run(dir, { ci: true });
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('set "version" in package.json to 2.0.0');
    await writeRepoFiles(dir, { version: '2.0.0' });
    await git(dir, 'commit', '-q', '--amend', '-a', '-m', 'release 2.0.0');
    expect((await run(dir, { ci: true })).code).toBe(0);
  }, 30_000);

  it('exits 1 from the command line too (npm run check:breaking)', async () => {
    const dir = await newRepo();
    await writeRepoFiles(dir, { spec: spec({ withoutDelete: true }) });
    await commitAll(dir, 'break the API');
    const result = await exec(
      path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
      [path.join(repoRoot, 'scripts', 'spec-diff.ts'), '--ci'],
      { cwd: dir, env: gitEnv },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('check:breaking: FAILED');
  }, 30_000);
});
