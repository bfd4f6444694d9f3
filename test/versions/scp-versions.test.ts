// SCP version lifecycle: the seed's table for createServerInterface, read from the spec.
import { describe, expect, it } from 'vitest';
import { scpApiVersions } from '../../generated/scp.meta.js';
import { VersionError } from '../../src/core/errors.js';
import {
  daysUntil,
  refreshScpVersionTables,
  selectScpApiVersion,
  type ScpVersionWarning,
} from '../../src/versions/scp-versions.js';

const table = scpApiVersions!.createServerInterface!;
const on = (iso: string) => () => new Date(iso);

function select(pinned: string | undefined, date: string) {
  const warnings: ScpVersionWarning[] = [];
  const pick = () =>
    selectScpApiVersion('createServerInterface', table, {
      pinned,
      now: on(date),
      onWarning: (w) => warnings.push(w),
    });
  return { pick, warnings };
}

describe('on 2026-11-22 (the seed scenario)', () => {
  const date = '2026-11-22T03:00:00Z';

  it('uses 1.3 (CURRENT) by default, without warnings', () => {
    const { pick, warnings } = select(undefined, date);
    expect(pick()).toBe('1.3');
    expect(warnings).toEqual([]);
  });

  it('sends a pinned 1.2 but warns that its Not Before date has passed', () => {
    const { pick, warnings } = select('1.2', date);
    expect(pick()).toBe('1.2');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      version: '1.2',
      status: 'SUPPORTED',
      notBefore: '2026-08-31',
    });
    expect(warnings[0]!.daysLeft).toBeLessThan(0);
    expect(warnings[0]!.message).toContain('passed its Not Before date 2026-08-31');
  });

  it.each(['1.1', '1.0'])('refuses a pinned %s with the usable versions listed', (version) => {
    const { pick } = select(version, date);
    let error: unknown;
    try {
      pick();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VersionError);
    expect((error as VersionError).usable).toEqual(['1.3', '1.2']);
    expect((error as VersionError).requested).toBe(version);
    expect((error as VersionError).message).toMatch(
      /DEPRECATED.*Not Before.*usable versions: 1\.3, 1\.2/,
    );
  });

  it('refuses a version the table does not know', () => {
    expect(select('2.0', date).pick).toThrow(/not a version of this operation/);
  });
});

describe('dates are read in Seoul time', () => {
  it('reaches 2026-05-31 at 15:00 UTC on the 30th', () => {
    expect(daysUntil('2026-05-31', new Date('2026-05-30T14:59:59Z'))).toBe(1);
    expect(daysUntil('2026-05-31', new Date('2026-05-30T15:00:00Z'))).toBe(0);
  });

  it('still allows 1.1 the day before its Not Before date, with a warning', () => {
    const { pick, warnings } = select('1.1', '2026-05-30T00:00:00Z');
    expect(pick()).toBe('1.1');
    expect(warnings[0]!.daysLeft).toBe(1);
    expect(warnings[0]!.message).toContain('in 1 day');
  });

  it('refuses 1.1 once its Not Before date has arrived in Seoul', () => {
    expect(select('1.1', '2026-05-30T15:00:00Z').pick).toThrow(VersionError);
  });
});

it('warns only within the configured window', () => {
  const warnings: ScpVersionWarning[] = [];
  const policy = {
    pinned: '1.2',
    now: on('2026-01-01T00:00:00Z'),
    onWarning: (w: ScpVersionWarning) => warnings.push(w),
  };
  selectScpApiVersion('createServerInterface', table, { ...policy, warnWithinDays: 90 });
  expect(warnings).toEqual([]);
  selectScpApiVersion('createServerInterface', table, { ...policy, warnWithinDays: 365 });
  expect(warnings).toHaveLength(1);
});

it('pins per operation', () => {
  const pinned = { createServerInterface: '1.2' };
  expect(
    selectScpApiVersion('createServerInterface', table, {
      pinned,
      now: on('2026-01-01T00:00:00Z'),
    }),
  ).toBe('1.2');
  expect(
    selectScpApiVersion('listServerInterfaces', scpApiVersions!.listServerInterfaces, {
      pinned,
      now: on('2026-01-01T00:00:00Z'),
    }),
  ).toBe('1.3');
});

describe('refreshing from the service root', () => {
  it('takes statuses and dates from the live document and adds new versions', () => {
    const refreshed = refreshScpVersionTables(
      { createServerInterface: table },
      {
        versions: [
          { id: 'v1.4', status: 'CURRENT', not_before: null },
          { id: 'v1.3', status: 'DEPRECATED', not_before: '2026-11-01' },
        ],
      },
    );
    const live = refreshed.createServerInterface!;
    expect(live.map((v) => v.version)).toEqual(['1.4', '1.3', '1.2', '1.1', '1.0']);
    expect(
      selectScpApiVersion('createServerInterface', live, { now: on('2026-11-22T00:00:00Z') }),
    ).toBe('1.4');
    expect(() =>
      selectScpApiVersion('createServerInterface', live, {
        pinned: '1.3',
        now: on('2026-11-22T00:00:00Z'),
      }),
    ).toThrow(VersionError);
  });

  it('ignores malformed entries', () => {
    const refreshed = refreshScpVersionTables(
      { op: table },
      { versions: [{ id: 'latest' }, { status: 'CURRENT' }] },
    );
    expect(refreshed.op).toEqual(table);
  });
});
