// The command's output helpers and error mapping, in process.
import { describe, expect, it } from 'vitest';
import { errorLine, exitCodeOf, EXIT, UsageError } from '../../src/cli/exit.js';
import { run } from '../../src/cli/main.js';
import { createProgress, formatTable, type CliIo } from '../../src/cli/output.js';
import {
  ApiError,
  AuthError,
  NetworkError,
  ResponseBodyError,
  TimeoutError,
  ValidationError,
  VersionError,
} from '../../src/core/errors.js';
import { WaitError } from '../../src/nic/index.js';

function io(tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stderrIsTTY: tty,
    env: {},
  };
  return { io: value, out, err };
}

describe('output', () => {
  it('pads table columns', () => {
    expect(
      formatTable(
        ['A', 'BB'],
        [
          ['xyz', '1'],
          ['q', '22'],
        ],
      ),
    ).toBe('A    BB\nxyz  1\nq    22\n');
  });

  it('shows progress on stderr only when stderr is a terminal', () => {
    const progress = {
      waitingFor: 'interface i to be active',
      polls: 2,
      elapsedMs: 1500,
      state: 'down',
    };
    const quiet = io(false);
    const p1 = createProgress(quiet.io);
    p1.onProgress(progress);
    p1.done();
    expect(quiet.err).toEqual([]);
    const tty = io(true);
    const p2 = createProgress(tty.io);
    p2.onProgress(progress);
    p2.done();
    expect(tty.err[0]).toContain('waiting for interface i to be active (1.5s, down)');
    expect(tty.err.at(-1)).toBe('\r\x1b[2K');
    expect(tty.out).toEqual([]);
  });
});

describe('exit codes and error lines', () => {
  const wait = new WaitError({
    provider: 'huawei',
    reason: 'failed',
    waitingFor: 'job j',
    lastState: 'FAIL',
    providerReason: 'no free IP',
    providerCode: 'Ecs.0000',
    polls: 2,
    elapsedMs: 10,
  });
  const cases: [unknown, number][] = [
    [new UsageError('bad'), EXIT.usage],
    [
      new ValidationError({ provider: 'scp', issues: [{ path: 'x', message: 'bad' }] }),
      EXIT.validation,
    ],
    [new AuthError({ provider: 'scp', status: 401, message: 'no' }), EXIT.auth],
    [new ApiError({ provider: 'scp', status: 409, code: 'Conflict', message: 'busy' }), EXIT.api],
    [new TimeoutError({ timeoutMs: 5, attempts: 1 }), EXIT.network],
    [new NetworkError({ code: 'ECONNRESET', maybeSent: true, attempts: 1 }), EXIT.network],
    [
      new ResponseBodyError({ status: 200, reason: 'truncated', bytesReceived: 3, attempts: 1 }),
      EXIT.network,
    ],
    [new VersionError({ provider: 'scp', requested: '1.0', usable: ['1.3'] }), EXIT.version],
    [wait, EXIT.wait],
    [new TypeError('boom'), EXIT.unexpected],
  ];
  it('maps every error class to its documented code', () => {
    expect(cases.map(([e]) => exitCodeOf(e))).toEqual(cases.map(([, code]) => code));
  });
  it('writes one line with the provider code', () => {
    expect(errorLine(wait)).toBe(
      'cloud-nic: WaitError [Ecs.0000]: huawei: job j failed: Ecs.0000: no free IP',
    );
    expect(errorLine(cases[3]![0])).toBe(
      'cloud-nic: ApiError [Conflict]: scp: HTTP 409 Conflict: busy',
    );
    for (const [error] of cases) expect(errorLine(error)).not.toContain('\n');
  });
  it('runs in process: help, unknown command, help of a command', async () => {
    const a = io();
    expect(await run(['--help'], a.io)).toBe(0);
    expect(a.out.join('')).toContain('Usage: cloud-nic <command>');
    const b = io();
    expect(await run(['nope'], b.io)).toBe(2);
    expect(b.err.join('')).toMatch(/^cloud-nic: usage error: unknown command 'nope'/);
    const c = io();
    expect(await run(['help', 'wait'], c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/^Usage: cloud-nic wait/);
  });
});
