// The package as users get it: `npm pack`, install the tarball into a fresh ESM project, type-check
// a consumer that imports every subpath (strict NodeNext, our .d.ts files checked too), run it
// against the SCP emulator, run the installed `cloud-nic` bin, and lint the tarball with publint
// and @arethetypeswrong/cli. dist/ is reused when it is newer than src/ and generated/, otherwise
// `npm run build` makes it.
//
// Dependencies install from the npm cache (`npm ci` filled it) with --offline; only if that fails
// is the registry allowed (--prefer-offline).
import { execFile, type ExecFileOptions } from 'node:child_process';
import { copyFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import vectors from '../fixtures/signing-vectors.json' with { type: 'json' };
import { repoRoot } from '../../scripts/lib/spec-files.js';

const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  exports: Record<string, unknown>;
  bin: Record<string, string>;
};
const fixtureDir = path.join(repoRoot, 'test', 'package', 'fixtures', 'consumer');
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command; never rejects, so failures are asserted with their output in the message. */
function run(
  command: string,
  args: readonly string[],
  options: ExecFileOptions & { cwd: string },
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        maxBuffer: 32 * 1024 * 1024,
        timeout: 150_000,
        ...options,
        env: { ...process.env, npm_config_update_notifier: 'false', ...options.env },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

const show = (r: RunResult) => `exit ${r.code}\n${r.stdout}\n${r.stderr}`.slice(0, 6000);

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, (await stat(full)).mtimeMs);
  }
  return newest;
}

/** The files every export and the bin point at, as paths inside the package. */
function exportTargets(): string[] {
  const targets = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') targets.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  walk(pkg.bin);
  return [...targets].filter((t) => t !== 'package.json');
}

async function ensureDist(): Promise<void> {
  const sourceTime = Math.max(
    await newestMtime(path.join(repoRoot, 'src')),
    await newestMtime(path.join(repoRoot, 'generated')),
  );
  let builtTime = 0;
  try {
    const times = await Promise.all(
      exportTargets().map(async (t) => (await stat(path.join(repoRoot, t))).mtimeMs),
    );
    builtTime = Math.min(...times);
  } catch {
    builtTime = 0; // an entry point is missing
  }
  if (builtTime >= sourceTime) return;
  const build = await run('npm', ['run', 'build'], { cwd: repoRoot });
  if (build.code !== 0) throw new Error(`npm run build failed:\n${show(build)}`);
}

let work = '';
let tarball = '';
let packedFiles: string[] = [];
let project = '';
let installOutput = '';

describe('the packed package', () => {
  beforeAll(async () => {
    await ensureDist();
    work = await mkdtemp(path.join(tmpdir(), 'cloud-nic-package-'));
    const packed = await run('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: repoRoot,
    });
    if (packed.code !== 0) throw new Error(`npm pack failed:\n${show(packed)}`);
    const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as {
      filename: string;
      files: { path: string }[];
    }[];
    tarball = path.join(work, info[0]!.filename);
    packedFiles = info[0]!.files.map((f) => f.path).sort();

    project = path.join(work, 'consumer');
    await run('mkdir', ['-p', project], { cwd: work });
    const init = await run('npm', ['init', '-y'], { cwd: project });
    if (init.code !== 0) throw new Error(`npm init failed:\n${show(init)}`);
    const manifest = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8'));
    manifest.type = 'module';
    manifest.private = true;
    await writeFile(path.join(project, 'package.json'), JSON.stringify(manifest, null, 2));

    const flags = ['install', '--no-audit', '--no-fund', '--no-package-lock', tarball];
    let install = await run('npm', [...flags, '--offline'], { cwd: project });
    if (install.code !== 0) {
      installOutput = `offline install failed, retried with the registry:\n${show(install)}\n`;
      install = await run('npm', [...flags, '--prefer-offline'], { cwd: project });
    }
    if (install.code !== 0) throw new Error(`npm install failed:\n${show(install)}`);
    installOutput += show(install);

    await copyFile(path.join(fixtureDir, 'consumer.ts.tmpl'), path.join(project, 'consumer.ts'));
    const tsconfig = await readFile(path.join(fixtureDir, 'tsconfig.json'), 'utf8');
    await writeFile(
      path.join(project, 'tsconfig.json'),
      tsconfig.replace('__TYPE_ROOTS__', path.join(repoRoot, 'node_modules', '@types')),
    );
  }, 240_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('ships dist/src, dist/generated, the specs, README, LICENSE and CHANGELOG, and nothing else', () => {
    const allowed = [
      /^package\.json$/,
      /^README\.md$/,
      /^LICENSE$/,
      /^CHANGELOG\.md$/,
      /^specs\/[\w-]+\.yaml$/,
      // npm always packs README files; this one documents the shipped specs.
      /^specs\/README\.md$/,
      /^dist\/(src|generated)\/.+\.(js|d\.ts)$/,
    ];
    const unexpected = packedFiles.filter((f) => !allowed.some((re) => re.test(f)));
    expect(unexpected).toEqual([]);
    for (const required of ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) {
      expect(packedFiles).toContain(required);
    }
    for (const target of exportTargets()) expect(packedFiles).toContain(target);
    for (const provider of ['scp', 'huawei', 'openstack', 'rackspace', 'katapult']) {
      expect(packedFiles).toContain(`specs/${provider}.yaml`);
      expect(packedFiles).toContain(`dist/generated/${provider}.js`);
      expect(packedFiles).toContain(`dist/generated/${provider}.d.ts`);
    }
    expect(packedFiles.some((f) => f.endsWith('.map'))).toBe(false);
    expect(packedFiles.some((f) => /^(test|scripts|src|generated|node_modules)\//.test(f))).toBe(
      false,
    );
  });

  it('installs from the tarball with its dependencies', async () => {
    const installed = JSON.parse(
      await readFile(path.join(project, 'node_modules', 'cloud-nic', 'package.json'), 'utf8'),
    );
    expect(installed.version, installOutput).toBe(pkg.version);
    for (const dep of ['openapi-fetch', 'ajv', 'ajv-formats']) {
      await expect(
        stat(path.join(project, 'node_modules', dep, 'package.json')),
      ).resolves.toBeTruthy();
    }
  });

  it('type-checks a strict NodeNext consumer of every subpath, then runs it', async () => {
    const source = await readFile(path.join(project, 'consumer.ts'), 'utf8');
    for (const subpath of Object.keys(pkg.exports).filter((s) => s !== './package.json')) {
      const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
      expect(source, `consumer imports ${specifier}`).toContain(`from '${specifier}'`);
    }
    const checked = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project });
    expect(checked.code, show(checked)).toBe(0);

    const ran = await run(process.execPath, ['build/consumer.js'], { cwd: project });
    expect(ran.code, show(ran)).toBe(0);
    const report = JSON.parse(ran.stdout.trim().split('\n').pop()!) as {
      rootExports: string[];
      providers: string[];
      signatures: { scp: string; huawei: string };
      listedInterfaces: boolean;
      nicIds: string[];
      notFound: boolean;
    };
    expect(report.providers).toEqual(['scp', 'huawei', 'openstack', 'rackspace', 'katapult']);
    expect(report.rootExports).toEqual(
      expect.arrayContaining([
        'createScpClient',
        'createHuaweiClient',
        'createOpenStackClient',
        'createRackspaceClient',
        'createKatapultClient',
        'ApiError',
      ]),
    );
    expect(report.signatures.scp).toBe(vectors.scp[0]!.signature);
    expect(report.signatures.huawei).toBe(vectors.huawei[0]!.authorization);
    expect(report.listedInterfaces).toBe(true);
    expect(Array.isArray(report.nicIds)).toBe(true);
    expect(report.notFound).toBe(true);
  });

  it('runs the installed `cloud-nic` bin', async () => {
    const help = await run(path.join(project, 'node_modules', '.bin', 'cloud-nic'), ['--help'], {
      cwd: project,
    });
    expect(help.code, show(help)).toBe(0);
    expect(help.stdout + help.stderr).toMatch(/cloud-nic/);
    const viaNpx = await run('npx', ['--no-install', 'cloud-nic', '--help'], { cwd: project });
    expect(viaNpx.code, show(viaNpx)).toBe(0);
  });

  it('passes publint', async () => {
    const lint = await run(bin('publint'), ['run', tarball, '--level', 'warning', '--strict'], {
      cwd: work,
    });
    expect(lint.code, show(lint)).toBe(0);
  });

  it('passes @arethetypeswrong/cli (ESM-only profile) on the tarball', async () => {
    const attw = await run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii'], {
      cwd: work,
    });
    expect(attw.code, show(attw)).toBe(0);
  });
});
