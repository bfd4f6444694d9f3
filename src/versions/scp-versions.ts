// SCP API-version selection. Each operation has a lifecycle table (from the spec's
// x-scp-api-versions, refreshable at run time from the service root): CURRENT, SUPPORTED,
// DEPRECATED or PLANNED, with a "Not Before" date after which a DEPRECATED version is gone.
import { VersionError } from '../core/errors.js';

export type ScpVersionStatus = 'CURRENT' | 'SUPPORTED' | 'DEPRECATED' | 'PLANNED';

export interface ScpVersionEntry {
  version: string;
  status: ScpVersionStatus;
  /** `YYYY-MM-DD`, or null when the provider gives none. */
  notBefore: string | null;
}

export interface ScpVersionWarning {
  operationId: string;
  version: string;
  status: ScpVersionStatus;
  notBefore: string;
  /** Whole days from today (Seoul) to the Not Before date; zero or negative once it is reached. */
  daysLeft: number;
  message: string;
}

export interface ScpVersionPolicy {
  /** Versions pinned per operation, or one version for every operation. */
  pinned?: string | Readonly<Record<string, string>>;
  /** Warn when a version's Not Before date is this close or past. Default 90 (SCP's own default). */
  warnWithinDays?: number;
  onWarning?: (warning: ScpVersionWarning) => void;
  /** Injectable clock. */
  now?: () => Date;
}

/** SCP publishes dates without a time zone; the service is Korean, so dates are read in KST. */
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function seoulDay(date: Date): number {
  return Math.floor((date.getTime() + SEOUL_OFFSET_MS) / DAY_MS);
}

// Version tables hold a handful of dates, checked on every call: parse each once (bounded, as
// tables refreshed from the service could bring new ones).
const dayNumbers = new Map<string, number>();

function dayNumber(isoDate: string): number {
  let day = dayNumbers.get(isoDate);
  if (day === undefined) {
    day = parseDayNumber(isoDate);
    if (dayNumbers.size >= 256) dayNumbers.clear();
    dayNumbers.set(isoDate, day);
  }
  return day;
}

function parseDayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new TypeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
}

/** Days from `now` (in Seoul) until `notBefore`; 0 means the date is today, negative means past. */
export function daysUntil(notBefore: string, now: Date): number {
  return dayNumber(notBefore) - seoulDay(now);
}

/** Why a version cannot be called at `now`, or null when it can. */
export function scpVersionRefusal(entry: ScpVersionEntry, now: Date): string | null {
  if (entry.status === 'PLANNED')
    return 'it is PLANNED (documented only; calls are not available yet)';
  if (entry.status === 'DEPRECATED' && entry.notBefore && daysUntil(entry.notBefore, now) <= 0) {
    return `it is DEPRECATED and its Not Before date ${entry.notBefore} has been reached`;
  }
  return null;
}

export function usableScpVersions(table: readonly ScpVersionEntry[], now: Date): string[] {
  return table.filter((entry) => scpVersionRefusal(entry, now) === null).map((e) => e.version);
}

function pinnedFor(policy: ScpVersionPolicy, operationId: string): string | undefined {
  if (typeof policy.pinned === 'string') return policy.pinned;
  return policy.pinned?.[operationId];
}

/**
 * Picks the `Scp-Api-Version` number for one call: the pinned version if it is still callable,
 * otherwise the CURRENT one. Throws VersionError (nothing is sent) for a refused or unknown pin;
 * reports near or past Not Before dates through `onWarning`.
 */
export function selectScpApiVersion(
  operationId: string,
  table: readonly ScpVersionEntry[] | undefined,
  policy: ScpVersionPolicy = {},
): string {
  if (!table || table.length === 0) {
    throw new VersionError({
      message: `SCP ${operationId}: the spec has no API-version table for this operation`,
      provider: 'scp',
      operation: operationId,
      requested: pinnedFor(policy, operationId) ?? '(default)',
      usable: [],
    });
  }
  const now = (policy.now ?? (() => new Date()))();
  const pinned = pinnedFor(policy, operationId);
  const usable = usableScpVersions(table, now);
  let entry: ScpVersionEntry | undefined;
  if (pinned !== undefined) {
    entry = table.find((e) => e.version === pinned);
    const refusal = entry
      ? scpVersionRefusal(entry, now)
      : `it is not a version of this operation (known: ${table.map((e) => e.version).join(', ')})`;
    if (refusal) {
      throw new VersionError({
        message: `SCP ${operationId}: version ${pinned} refused because ${refusal}; usable versions: ${usable.join(', ') || 'none'}`,
        provider: 'scp',
        operation: operationId,
        requested: pinned,
        usable,
      });
    }
  } else {
    entry =
      table.find((e) => e.status === 'CURRENT') ?? table.find((e) => usable.includes(e.version));
    if (!entry) {
      throw new VersionError({
        message: `SCP ${operationId}: no callable API version (all are refused at ${now.toISOString().slice(0, 10)})`,
        provider: 'scp',
        operation: operationId,
        requested: '(default)',
        usable,
      });
    }
  }
  warnIfNear(operationId, entry!, now, policy);
  return entry!.version;
}

function warnIfNear(
  operationId: string,
  entry: ScpVersionEntry,
  now: Date,
  policy: ScpVersionPolicy,
) {
  if (!entry.notBefore || !policy.onWarning) return;
  const daysLeft = daysUntil(entry.notBefore, now);
  if (daysLeft > (policy.warnWithinDays ?? 90)) return;
  const when =
    daysLeft > 0
      ? `reaches its Not Before date ${entry.notBefore} in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`
      : `passed its Not Before date ${entry.notBefore}`;
  policy.onWarning({
    operationId,
    version: entry.version,
    status: entry.status,
    notBefore: entry.notBefore,
    daysLeft,
    message: `SCP ${operationId}: API version ${entry.version} (${entry.status}) ${when}; support is no longer guaranteed after it, move to a newer version`,
  });
}

/** The service root's version document (`GET /`): `{versions: [{id: 'v1.3', status, not_before}]}`. */
export interface ScpServiceVersions {
  versions?: { id?: string; status?: string; not_before?: string | null }[];
}

/**
 * Applies the service root's version list to every operation's table: statuses and dates of the
 * versions it names are replaced, and versions it adds are added. The spec's tables are the
 * starting point; the live service is the authority once it has been asked.
 */
export function refreshScpVersionTables(
  tables: Readonly<Record<string, readonly ScpVersionEntry[]>>,
  discovery: ScpServiceVersions,
): Record<string, ScpVersionEntry[]> {
  const live = (discovery.versions ?? [])
    .filter((v) => typeof v.id === 'string' && /^v?\d+\.\d+$/.test(v.id))
    .map((v) => ({
      version: v.id!.replace(/^v/, ''),
      status: (['CURRENT', 'SUPPORTED', 'DEPRECATED', 'PLANNED'].includes(String(v.status))
        ? v.status
        : 'SUPPORTED') as ScpVersionStatus,
      notBefore: v.not_before && /^\d{4}-\d{2}-\d{2}$/.test(v.not_before) ? v.not_before : null,
    }));
  const byNewest = (a: ScpVersionEntry, b: ScpVersionEntry) => compareDotted(b.version, a.version);
  return Object.fromEntries(
    Object.entries(tables).map(([operationId, table]) => {
      const merged = new Map(table.map((e) => [e.version, { ...e }]));
      for (const entry of live) merged.set(entry.version, { ...entry });
      return [operationId, [...merged.values()].sort(byNewest)];
    }),
  );
}

function compareDotted(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}
