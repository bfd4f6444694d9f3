// `npm run generate` lints with Redocly's CLI in a worker thread: it must report exactly the
// problems `redocly lint` reports, and fail on warnings as well as errors. Run against throwaway
// copies of the repository (node_modules symlinked) with known problems planted in the specs.
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyRepositoryForGenerate } from '../helpers/repo-sandbox.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function copyRepository(): Promise<string> {
  const dir = await copyRepositoryForGenerate('cloud-nic-lint-');
  dirs.push(dir);
  return dir;
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

function run(dir: string, bin: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(dir, 'node_modules', '.bin', bin),
      args,
      { cwd: dir, env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

/** The problem lines of a stylish report (`  160:20  error  rule-id  message`), per file. */
function problems(output: string): string[] {
  const found: string[] = [];
  let file = '';
  for (const line of output.split('\n')) {
    const header = line.match(/^(\S+\.yaml):$/);
    if (header) file = header[1]!;
    const problem = line.match(/^\s+(\d+:\d+)\s+(error|warning)\s+(\S+)\s+(.*)$/);
    if (problem) found.push(`${file} ${problem.slice(1).join(' ')}`);
  }
  return found.sort();
}

describe('npm run generate lints like npm run lint', () => {
  it('reports the same errors and warnings as the CLI and fails', async () => {
    const dir = await copyRepository();
    await edit(
      path.join(dir, 'specs', 'scp.yaml'),
      'operationId: listServiceVersions',
      'operationId: ListServiceVersions',
    );
    // One project rule at warning level, broken in another spec: warnings fail generation too.
    await edit(
      path.join(dir, 'redocly.yaml'),
      'message: Every operation needs a tag (the docs group operations by tag).\n    severity: error',
      'message: Every operation needs a tag (the docs group operations by tag).\n    severity: warn',
    );
    await edit(path.join(dir, 'specs', 'huawei.yaml'), '      tags: [Version discovery]\n', '');

    const [generate, cli] = await Promise.all([
      run(dir, 'tsx', ['scripts/generate.ts']),
      run(dir, 'redocly', ['lint', '--format', 'stylish']),
    ]);

    expect(cli.code).toBe(1);
    expect(problems(cli.output)).toEqual([
      expect.stringMatching(/^specs\/huawei\.yaml \d+:\d+ warning rule\/operation-has-one-tag /),
      expect.stringMatching(/^specs\/scp\.yaml \d+:\d+ error rule\/operation-id-camel-case /),
    ]);
    expect(generate.code).toBe(1);
    expect(problems(generate.output)).toEqual(problems(cli.output));
    expect(generate.output).toContain('Lint failed');
  }, 120_000);

  it('fails on a warning the CLI lets pass, and --no-lint generates anyway', async () => {
    const dir = await copyRepository();
    await edit(
      path.join(dir, 'redocly.yaml'),
      'message: Every parameter needs a description.\n    severity: error',
      'message: Every parameter needs a description.\n    severity: warn',
    );
    await edit(
      path.join(dir, 'specs', 'rackspace.yaml'),
      'operationId: listVirtualInterfaces',
      'operationId: listVirtualInterfaces\n      parameters:\n        - name: marker\n          in: query\n          schema:\n            type: string',
    );

    const [generate, cli] = await Promise.all([
      run(dir, 'tsx', ['scripts/generate.ts']),
      run(dir, 'redocly', ['lint', '--format', 'stylish']),
    ]);

    expect(cli.code).toBe(0);
    expect(problems(cli.output)).toEqual([
      expect.stringMatching(
        /^specs\/rackspace\.yaml \d+:\d+ warning rule\/parameter-has-description /,
      ),
    ]);
    expect(generate.code).toBe(1);
    expect(problems(generate.output)).toEqual(problems(cli.output));

    const noLint = await run(dir, 'tsx', ['scripts/generate.ts', '--no-lint']);
    expect(noLint.code).toBe(0);
    expect(noLint.output).toMatch(/generated \d+ files from 5 specs/);
  }, 120_000);
});
