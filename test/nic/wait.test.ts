// The polling engine alone: backoff, the deadline cut, outcomes and their reasons, aborts.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { WaitError, backoffDelay, listInterfaces, waitForInterface } from '../../src/nic/index.js';
import { pollUntil, type PollStep } from '../../src/nic/wait.js';

function fakeClock() {
  let t = 1_000;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

function script<T>(steps: PollStep<T>[]) {
  let i = 0;
  return async () => steps[Math.min(i++, steps.length - 1)]!;
}

describe('pollUntil', () => {
  it('backs off exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n))).toEqual([
      500, 1000, 2000, 4000, 8000, 10000, 10000,
    ]);
    expect(backoffDelay(3, { initialDelayMs: 100, factor: 3, maxDelayMs: 500 })).toBe(500);
  });

  it('resolves with the value and counts polls; the last sleep ends at the deadline', async () => {
    const clock = fakeClock();
    const pending: PollStep<string> = { kind: 'pending', state: 'BUILD' };
    const outcome = await pollUntil(
      {
        provider: 'openstack',
        waitingFor: 'x',
        check: script([pending, pending, pending, { kind: 'done', value: 'ok', state: 'ACTIVE' }]),
      },
      { ...clock, timeoutMs: 2_000 },
    );
    expect(outcome).toEqual({ value: 'ok', polls: 4, elapsedMs: 2_000 });
    expect(clock.sleeps).toEqual([500, 1000, 500]);
  });

  it('rejects with timeout, the last state and the raw state', async () => {
    const clock = fakeClock();
    const error = await pollUntil(
      {
        provider: 'scp',
        waitingFor: 'port p to be active',
        check: script<string>([{ kind: 'pending', state: 'down', rawState: 'DOWN' }]),
      },
      { ...clock, timeoutMs: 700, initialDelayMs: 300 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitError);
    expect(error).toMatchObject({
      kind: 'wait',
      reason: 'timeout',
      lastState: 'down',
      rawState: 'DOWN',
      polls: 3,
      elapsedMs: 700,
      timeoutMs: 700,
    });
    expect((error as Error).message).toBe(
      'scp: gave up waiting for port p to be active after 700 ms (3 polls); last state down (DOWN)',
    );
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'WaitError',
      reason: 'timeout',
    });
  });

  it('rejects with failed (provider reason and code) or gone at once', async () => {
    const clock = fakeClock();
    const failed = await pollUntil(
      {
        provider: 'huawei',
        waitingFor: 'job j',
        jobId: 'j',
        check: script<string>([
          { kind: 'pending', state: 'RUNNING' },
          {
            kind: 'failed',
            reason: 'failed',
            state: 'FAIL',
            providerReason: 'no IP left',
            providerCode: 'Ecs.0000',
          },
        ]),
      },
      clock,
    ).catch((e: unknown) => e);
    expect(failed).toMatchObject({
      reason: 'failed',
      providerReason: 'no IP left',
      providerCode: 'Ecs.0000',
      jobId: 'j',
      polls: 2,
    });
    const gone = await pollUntil(
      {
        provider: 'scp',
        waitingFor: 'p',
        check: script<string>([{ kind: 'failed', reason: 'gone', state: 'gone' }]),
      },
      clock,
    ).catch((e: unknown) => e);
    expect(gone).toMatchObject({ reason: 'gone', polls: 1 });
  });

  it('stops when aborted, and a failing progress callback changes nothing', async () => {
    const controller = new AbortController();
    const outcome = pollUntil(
      {
        provider: 'scp',
        waitingFor: 'p',
        check: script<string>([{ kind: 'pending', state: 'down' }]),
      },
      {
        initialDelayMs: 10_000,
        signal: controller.signal,
        onProgress: () => {
          throw new Error('ignored');
        },
      },
    );
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(outcome).rejects.toThrow('stop');
  });
});

describe('client dispatch and input checks', () => {
  it('refuses something that is not a cloud-nic client', async () => {
    await expect(
      listInterfaces({ provider: 'aws' } as never, { serverId: 's' }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses a bad wait target and bad timing before anything is sent', async () => {
    const client = { provider: 'scp' } as never;
    await expect(
      waitForInterface(client, { serverId: 's', interfaceId: 'i', until: 'up' as never }),
    ).rejects.toMatchObject({ issues: [{ path: 'until' }] });
    await expect(
      waitForInterface(client, { serverId: 's', interfaceId: 'i', until: 'active', timeoutMs: -1 }),
    ).rejects.toMatchObject({ issues: [{ path: 'timeoutMs' }] });
    await expect(
      waitForInterface(client, { serverId: '', interfaceId: 'i', until: 'active' }),
    ).rejects.toMatchObject({ issues: [{ path: 'serverId' }] });
  });
});
