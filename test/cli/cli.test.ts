// The `cloud-nic` command, spawned as users run it (`node --import tsx src/cli/main.ts ...` from
// the repository root), against emulators started in this test process. Every spawn is bounded.
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandleFor } from '../../src/emulators/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = 'src/cli/main.ts';
const SPAWN_TIMEOUT_MS = 20_000;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command with only the given environment (plus PATH/HOME), never the caller's. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', MAIN, ...args],
      {
        cwd: ROOT,
        timeout: SPAWN_TIMEOUT_MS,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

const json = (r: Result) => JSON.parse(r.stdout) as Record<string, unknown> & unknown[];

/** Exactly one line on stderr, no stack trace. */
function expectOneLineError(r: Result) {
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cloud-nic: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

describe('cloud-nic command', { timeout: 60_000 }, () => {
  let scp: EmulatorHandleFor<'scp'>;
  let kat: EmulatorHandleFor<'katapult'>;
  let os: EmulatorHandleFor<'openstack'>;
  let hw: EmulatorHandleFor<'huawei'>;
  let rs: EmulatorHandleFor<'rackspace'>;
  let scpEnv: Record<string, string>;
  let katEnv: Record<string, string>;
  let osEnv: Record<string, string>;
  let hwEnv: Record<string, string>;

  beforeAll(async () => {
    [scp, kat, os, hw, rs] = await Promise.all([
      startEmulator('scp', { seed: 'cli-scp', asyncDelayMs: 30 }),
      startEmulator('katapult', { seed: 'cli-katapult', asyncDelayMs: 30 }),
      startEmulator('openstack', { seed: 'cli-openstack', asyncDelayMs: 30 }),
      startEmulator('huawei', { seed: 'cli-huawei', asyncDelayMs: 30 }),
      startEmulator('rackspace', { seed: 'cli-rackspace', asyncDelayMs: 30 }),
    ]);
    scpEnv = {
      SCP_ACCESS_KEY: scp.credentials.accessKey,
      SCP_SECRET_KEY: scp.credentials.secretKey,
      CLOUD_NIC_SCP_ENDPOINT: scp.url,
    };
    katEnv = { KATAPULT_API_TOKEN: kat.credentials.token, CLOUD_NIC_KATAPULT_ENDPOINT: kat.url };
    const login = os.credentials.password;
    osEnv = {
      OS_AUTH_URL: os.authUrl,
      OS_USERNAME: login.username,
      OS_PASSWORD: login.password,
      OS_USER_DOMAIN_NAME: login.userDomainName,
      OS_PROJECT_NAME: login.projectName,
      OS_PROJECT_DOMAIN_ID: login.projectDomainId,
      OS_REGION_NAME: 'RegionOne',
    };
    hwEnv = {
      HUAWEICLOUD_SDK_AK: hw.credentials.accessKey,
      HUAWEICLOUD_SDK_SK: hw.credentials.secretKey,
      HUAWEICLOUD_SDK_PROJECT_ID: hw.credentials.projectId,
      CLOUD_NIC_HUAWEI_ENDPOINT: hw.url,
    };
  });
  afterAll(async () => {
    await Promise.all([scp, kat, os, hw, rs].map((h) => h?.close()));
  });

  it('prints help for the command and for each sub-command, and the version', async () => {
    const commands = ['attach', 'list', 'show', 'detach', 'wait', 'versions', 'emulate'];
    const [main, version, ...each] = await Promise.all([
      cli(['--help']),
      cli(['--version']),
      ...commands.map((c) => cli([c, '--help'])),
    ]);
    expect(main.code).toBe(0);
    for (const c of commands) expect(main.stdout).toContain(`  ${c} `);
    expect(main.stdout).toMatch(/Exit codes:[\s\S]*8 {2}wait failed or timed out/);
    expect(main.stdout).toContain('OS_APPLICATION_CREDENTIAL_ID');
    expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    each.forEach((r, i) => {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: cloud-nic ${commands[i]}`));
      expect(r.stderr).toBe('');
    });
    expect(each[0]!.stdout).toContain('--if-absent');
    expect(each[0]!.stdout).toContain('the environment is safer');
  });

  it('SCP: attach, list, show, wait and detach in json mode', async () => {
    const server = scp.fixtures.servers[1]!.id;
    const subnet = scp.fixtures.subnets[0]!.id;
    const attached = await cli(
      [
        'attach',
        '-p',
        'scp',
        '--server',
        server,
        '--subnet',
        subnet,
        '--fixed-ip',
        '192.169.3.61',
        '--if-absent',
        '-o',
        'json',
      ],
      scpEnv,
    );
    expect(attached.stderr).toBe('');
    expect(attached.code).toBe(0);
    const nic = json(attached) as unknown as { id: string; state: string; ipAddresses: string[] };
    expect(nic).toMatchObject({ provider: 'scp', state: 'active', ipAddresses: ['192.169.3.61'] });

    const listed = await cli(['list', '-p', 'scp', '-s', server, '-o', 'json'], scpEnv);
    expect((json(listed) as unknown as { id: string }[]).map((i) => i.id)).toEqual([nic.id]);
    const shown = await cli(
      ['show', '-p', 'scp', '-s', server, '-i', nic.id, '-o', 'json'],
      scpEnv,
    );
    expect(json(shown)).toMatchObject({ id: nic.id, subnetId: subnet });
    const waited = await cli(
      ['wait', '-p', 'scp', '-s', server, '-i', nic.id, '-o', 'json'],
      scpEnv,
    );
    expect(json(waited)).toMatchObject({ reason: 'reached', until: 'active' });
    const detached = await cli(
      ['detach', '-p', 'scp', '-s', server, '-i', nic.id, '--wait', '-o', 'json'],
      scpEnv,
    );
    expect(json(detached)).toMatchObject({ outcome: 'detached', interfaceId: nic.id });
    expect(scp.state.interfacesOf(server)).toHaveLength(0);
  });

  it('SCP: table mode for attach, list, show, wait and detach', async () => {
    const server = scp.fixtures.servers[1]!.id;
    const subnet = scp.fixtures.subnets[1]!.id;
    const attached = await cli(['attach', '-p', 'scp', '-s', server, '--subnet', subnet], scpEnv);
    expect(attached.code).toBe(0);
    expect(attached.stdout).toMatch(/^provider: +scp$/m);
    expect(attached.stdout).toMatch(/^state: +active \(ACTIVE\)$/m);
    const id = /^id: +(\S+)$/m.exec(attached.stdout)![1]!;
    const listed = await cli(['list', '-p', 'scp', '-s', server], scpEnv);
    expect(listed.stdout.split('\n')[0]).toMatch(
      /^ID +STATE +RAW STATE +MAC +IP ADDRESSES +NETWORK +SUBNET$/,
    );
    expect(listed.stdout).toContain(id);
    const shown = await cli(['show', '-p', 'scp', '-s', server, '-i', id], scpEnv);
    expect(shown.stdout).toMatch(new RegExp(`^subnet: +${subnet}$`, 'm'));
    const waited = await cli(['wait', '-p', 'scp', '-s', server, '-i', id], scpEnv);
    expect(waited.stdout).toMatch(/^reached: interface \S+ is active/);
    const detached = await cli(['detach', '-p', 'scp', '-s', server, '-i', id, '-w'], scpEnv);
    expect(detached.stdout).toBe(`detached: interface ${id} of server ${server}\n`);
    const empty = await cli(['list', '-p', 'scp', '-s', server], scpEnv);
    expect(empty.stdout).toBe('No interfaces.\n');
  });

  it('Katapult: attach (task), list, show, wait, detach with --delete-nic, json and table', async () => {
    const vm = kat.fixtures.virtualMachines[1]!.id;
    const network = kat.fixtures.networks[1]!.id;
    const attached = await cli(
      [
        'attach',
        '-p',
        'katapult',
        '-s',
        vm,
        '--network',
        network,
        '--speed-profile',
        '10gbps',
        '-o',
        'json',
      ],
      katEnv,
    );
    expect(attached.code).toBe(0);
    const nic = json(attached) as unknown as {
      id: string;
      raw: { speed_profile: { permalink: string } };
    };
    expect(nic).toMatchObject({ provider: 'katapult', state: 'active', networkId: network });
    expect(nic.raw.speed_profile.permalink).toBe('10gbps');
    const listed = await cli(['list', '-p', 'katapult', '-s', vm], katEnv);
    expect(listed.stdout).toMatch(new RegExp(`^${nic.id} +active +attached `, 'm'));
    const shown = await cli(
      ['show', '-p', 'katapult', '-s', vm, '-i', nic.id, '-o', 'json'],
      katEnv,
    );
    expect(json(shown)).toMatchObject({ id: nic.id, rawState: 'attached' });
    const waited = await cli(['wait', '-p', 'katapult', '-s', vm, '-i', nic.id], katEnv);
    expect(waited.code).toBe(0);
    const detached = await cli(
      ['detach', '-p', 'katapult', '-s', vm, '-i', nic.id, '--delete-nic', '-o', 'json'],
      katEnv,
    );
    expect(json(detached)).toMatchObject({ outcome: 'detached', deleted: true });
    const gone = await cli(
      ['wait', '-p', 'katapult', '-s', vm, '-i', nic.id, '--until', 'gone'],
      katEnv,
    );
    expect(gone.code).toBe(0);
  });

  it('OpenStack (Keystone token from OS_* variables): attach, list, show, wait, detach', async () => {
    const server = os.fixtures.servers[1]!.id;
    const network = os.fixtures.networks[1]!.id;
    const attached = await cli(
      [
        'attach',
        '-p',
        'openstack',
        '-s',
        server,
        '--network',
        network,
        '--tag',
        'data',
        '-o',
        'json',
      ],
      osEnv,
    );
    expect(attached.stderr).toBe('');
    const nic = json(attached) as unknown as { id: string };
    expect(nic).toMatchObject({ provider: 'openstack', state: 'active', raw: { tag: 'data' } });
    const listed = await cli(['list', '-p', 'openstack', '-s', server], osEnv);
    expect(listed.stdout).toContain(nic.id);
    const shown = await cli(['show', '-p', 'openstack', '-s', server, '-i', nic.id], osEnv);
    expect(shown.stdout).toMatch(new RegExp(`^network: +${network}$`, 'm'));
    const waited = await cli(
      ['wait', '-p', 'openstack', '-s', server, '-i', nic.id, '-o', 'json'],
      osEnv,
    );
    expect(json(waited)).toMatchObject({ reason: 'reached' });
    const detached = await cli(
      ['detach', '-p', 'openstack', '-s', server, '-i', nic.id, '-w', '-o', 'json'],
      osEnv,
    );
    expect(json(detached)).toMatchObject({ outcome: 'detached' });
    expect(os.state.interfacesOf(server).some((p) => p.id === nic.id)).toBe(false);
  });

  it('exit code 2 for usage errors, with one line naming the fix (and 6 for a network error)', async () => {
    const closedPort = await new Promise<number>((done) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => done(port));
      });
    });
    const results = await Promise.all([
      cli(['attach', '-p', 'scp', '--bogus'], scpEnv),
      cli(['attach', '-p', 'scp', '--subnet', 'x'], scpEnv),
      cli(['list', '-p', 'aws', '-s', 'x'], scpEnv),
      cli(['list', '-p', 'scp', '-s', 'x']),
      cli(['frobnicate']),
      cli(['versions', '--date', '2026-13-40']),
      cli([]),
      // Nothing listens there: a network error (exit 6).
      cli(['list', '-p', 'katapult', '-s', 'vm_x'], {
        KATAPULT_API_TOKEN: 'kat-unused-token-0c1d',
        CLOUD_NIC_KATAPULT_ENDPOINT: `http://127.0.0.1:${closedPort}/core/v1`,
      }),
    ]);
    for (const r of results.slice(0, 6)) {
      expect(r.code).toBe(2);
      expect(expectOneLineError(r)).toMatch(/^cloud-nic: usage error: .*--help/);
    }
    expect(results[1]!.stderr).toContain('--server is required');
    expect(results[3]!.stderr).toContain('SCP_ACCESS_KEY');
    expect(results[6]!.code).toBe(2);
    expect(results[7]!.code).toBe(6);
    expect(expectOneLineError(results[7]!)).toMatch(/NetworkError \[ECONNREFUSED\]/);
  });

  it('exit code 3 for inputs the provider cannot take, with nothing sent', async () => {
    const before = kat.requests.length;
    const r = await cli(
      ['attach', '-p', 'katapult', '-s', 'vm_x', '--network', 'netw_x', '--fixed-ip', '10.0.0.5'],
      katEnv,
    );
    expect(r.code).toBe(3);
    expect(expectOneLineError(r)).toMatch(
      /ValidationError: katapult attachInterface: invalid request, nothing was sent: fixedIp: is not accepted by katapult/,
    );
    expect(kat.requests.length).toBe(before);
    const rax = await cli(
      ['attach', '-p', 'rackspace', '-s', 'x', '--network', 'n', '--port', 'p'],
      { RAX_USERNAME: 'u', RAX_API_KEY: 'k', CLOUD_NIC_RACKSPACE_AUTH_URL: rs.identityUrl },
    );
    expect(rax.code).toBe(3);
    expect(rs.requests).toEqual([]);
  });

  it('exit code 4 for rejected credentials, without the secret in the output', async () => {
    const secret = 'wrong-secret-canary-7f3a';
    const r = await cli(['list', '-p', 'scp', '-s', scp.fixtures.servers[0]!.id], {
      ...scpEnv,
      SCP_SECRET_KEY: secret,
    });
    expect(r.code).toBe(4);
    expect(expectOneLineError(r)).toMatch(/AuthError: scp listServerInterfaces .*HTTP 401/);
    expect(r.stderr + r.stdout).not.toContain(secret);
    const token = await cli(['list', '-p', 'katapult', '-s', 'vm_x'], {
      ...katEnv,
      KATAPULT_API_TOKEN: 'kat-nope',
    });
    expect(token.code).toBe(4);
    expect(expectOneLineError(token)).toMatch(/\[invalid_api_token\]/);
    expect(token.stderr).not.toContain('kat-nope');
  });

  it('exit code 5 for API errors, with the provider code; 8 for failed or timed-out waits', async () => {
    const missing = await cli(
      ['show', '-p', 'katapult', '-s', kat.fixtures.virtualMachines[0]!.id, '-i', 'vmnet_nope'],
      katEnv,
    );
    expect(missing.code).toBe(5);
    expect(expectOneLineError(missing)).toMatch(
      /^cloud-nic: ApiError \[virtual_machine_network_interface_not_found\]: katapult .*HTTP 404/,
    );

    const failedJob = await cli(
      [
        'attach',
        '-p',
        'huawei',
        '-s',
        hw.fixtures.servers[0]!.id,
        '--network',
        hw.fixtures.networks[1]!.id,
        '--fixed-ip',
        '192.168.0.99',
      ],
      hwEnv,
    );
    expect(failedJob.code).toBe(8);
    expect(expectOneLineError(failedJob)).toMatch(
      /WaitError \[Ecs\.0000\]: .*192\.168\.0\.99 is not in subnet/,
    );

    const vm = kat.fixtures.virtualMachines[0]!.id;
    const nic = kat.fixtures.networkInterfaces[0]!.id;
    const timedOut = await cli(
      ['wait', '-p', 'katapult', '-s', vm, '-i', nic, '--until', 'detached', '--timeout', '0.3'],
      katEnv,
    );
    expect(timedOut.code).toBe(8);
    expect(expectOneLineError(timedOut)).toMatch(
      /WaitError \[timeout\]: .*last state active \(attached\)/,
    );
  });

  it('versions: the SCP lifecycle on a fixed date (spec and live), and an OpenStack range', async () => {
    const table = await cli(['versions', '--date', '2026-11-22']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^createServerInterface +1\.3 +CURRENT +- +CURRENT /m);
    expect(table.stdout).toMatch(/^createServerInterface +1\.2 +SUPPORTED +2026-08-31 +warn /m);
    expect(table.stdout).toMatch(/^createServerInterface +1\.1 +DEPRECATED +2026-05-31 +refused /m);
    expect(table.stdout).toMatch(/^createServerInterface +1\.0 +DEPRECATED +2025-12-31 +refused /m);

    const live = await cli([
      'versions',
      '--date',
      '2026-11-22',
      '--endpoint',
      scp.url,
      '-o',
      'json',
    ]);
    const doc = json(live) as unknown as {
      source: string;
      date: string;
      versions: { operationId: string; version: string; verdict: string }[];
    };
    expect(doc).toMatchObject({ source: 'live', date: '2026-11-22' });
    const verdicts = Object.fromEntries(
      doc.versions
        .filter((v) => v.operationId === 'listServerInterfaces')
        .map((v) => [v.version, v.verdict]),
    );
    expect(verdicts).toEqual({
      '1.3': 'CURRENT',
      '1.2': 'warn',
      '1.1': 'refused',
      '1.0': 'refused',
    });

    const nova = await cli([
      'versions',
      '-p',
      'openstack',
      '--endpoint',
      os.computeUrl,
      '-o',
      'json',
    ]);
    expect(nova.code).toBe(0);
    expect(json(nova)).toMatchObject({
      provider: 'openstack',
      server: { min: '2.1', max: '2.96' },
      negotiated: '2.96',
    });
  });

  it('emulate: prints URLs, credentials and exports, then exits cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', MAIN, 'emulate', '--provider', 'all', '--seed', 'demo'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const guard = setTimeout(() => child.kill('SIGKILL'), SPAWN_TIMEOUT_MS);
    try {
      await new Promise<void>((ready, fail) => {
        const poll = setInterval(() => {
          if (stdout.includes('Serving until')) {
            clearInterval(poll);
            ready();
          }
        }, 25);
        child.on('exit', () => {
          clearInterval(poll);
          fail(new Error(`emulate exited early: ${stderr}`));
        });
      });
      for (const p of ['scp', 'huawei', 'openstack', 'rackspace', 'katapult']) {
        expect(stdout).toMatch(new RegExp(`^${p}: http://127\\.0\\.0\\.1:\\d+`, 'm'));
      }
      expect(stdout).toMatch(/^ {2}export SCP_ACCESS_KEY='[^']+'$/m);
      expect(stdout).toMatch(/^ {2}export KATAPULT_API_TOKEN='[^']+'$/m);
      expect(stdout).toMatch(/^ {2}export OS_AUTH_URL='http:\/\/127\.0\.0\.1:\d+\/identity\/v3'$/m);
      // The printed environment works: list a seeded server through the running emulator.
      const env = Object.fromEntries(
        [...stdout.matchAll(/^ {2}export (\w+)='([^']*)'$/gm)].map((m) => [m[1]!, m[2]!]),
      );
      const scpUrl = /^scp: (\S+)/m.exec(stdout)![1]!;
      const versions = await fetch(`${scpUrl}/`);
      expect(versions.status).toBe(200);
      const katapultServers = await cli(
        ['list', '-p', 'katapult', '-s', 'vm_none', '-o', 'json'],
        env,
      );
      expect(katapultServers.code).toBe(5); // the emulator answered: no such VM
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toContain('emulators closed');
    } finally {
      clearTimeout(guard);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
