// What API versions mean for a user today: SCP's per-operation version lifecycle (from the spec,
// or refreshed from the live service root), and the compute microversion range an OpenStack
// endpoint advertises in its unauthenticated version document.
import type { paths as OpenStackPaths } from '../../generated/openstack.js';
import {
  microversions as openstackSpecRange,
  operations as openstackOperations,
  requestBodyValidators as openstackValidators,
} from '../../generated/openstack.meta.js';
import type { paths as ScpPaths } from '../../generated/scp.js';
import {
  operations as scpOperations,
  requestBodyValidators as scpValidators,
  scpApiVersions,
} from '../../generated/scp.meta.js';
import { computeVersionRoot } from '../auth/keystone.js';
import { ApiError } from '../core/errors.js';
import {
  createProviderClient,
  pickCommonOptions,
  type CommonClientOptions,
} from '../providers/client-kit.js';
import type { ScpClient, ScpVersionTables } from '../providers/scp.js';

export type { ScpVersionTables } from '../providers/scp.js';
export { scpEndpoint } from '../providers/scp.js';
import {
  negotiateMicroversion,
  rangeFromVersionDocument,
  type MicroversionRange,
} from '../versions/microversions.js';
import {
  daysUntil,
  refreshScpVersionTables,
  scpVersionRefusal,
  type ScpVersionEntry,
} from '../versions/scp-versions.js';

/**
 * What a version means on a date:
 * - `CURRENT`: the recommended version;
 * - `usable`: callable, no date near;
 * - `warn`: callable, but its Not Before date is near or past (move on);
 * - `refused`: not callable (PLANNED, or DEPRECATED with its Not Before date reached): a client
 *   pinned to it throws a VersionError before sending.
 */
export type ScpVersionVerdict = 'CURRENT' | 'usable' | 'warn' | 'refused';

export interface ScpVersionReportRow {
  operationId: string;
  version: string;
  status: ScpVersionEntry['status'];
  notBefore: string | null;
  /** Days from the date (in Seoul) to Not Before; null without a date. */
  daysLeft: number | null;
  verdict: ScpVersionVerdict;
  /** Why, in words. */
  note: string;
}

export interface ScpVersionReportOptions {
  /** The day to judge for (default now). */
  date?: Date;
  /** Tables to judge (default: the spec's `x-scp-api-versions`, or a client's refreshed tables). */
  tables?: ScpVersionTables;
  /** How close a Not Before date must be to warn (default 90 days, SCP's own default). */
  warnWithinDays?: number;
}

/** The spec's SCP version tables (`x-scp-api-versions`), per operation, newest first. */
export function scpSpecVersionTables(): ScpVersionTables {
  return (scpApiVersions ?? {}) as ScpVersionTables;
}

/** One row per operation and version: what the date means for calling it. */
export function scpVersionReport(options: ScpVersionReportOptions = {}): ScpVersionReportRow[] {
  const date = options.date ?? new Date();
  const warnWithin = options.warnWithinDays ?? 90;
  const tables = options.tables ?? scpSpecVersionTables();
  const rows: ScpVersionReportRow[] = [];
  for (const [operationId, table] of Object.entries(tables)) {
    for (const entry of table ?? []) {
      const daysLeft = entry.notBefore ? daysUntil(entry.notBefore, date) : null;
      const refusal = scpVersionRefusal(entry, date);
      let verdict: ScpVersionVerdict;
      let note: string;
      if (refusal) {
        verdict = 'refused';
        note = `refused: ${refusal}`;
      } else if (daysLeft !== null && daysLeft <= warnWithin) {
        verdict = 'warn';
        note =
          daysLeft > 0
            ? `usable, but its Not Before date ${entry.notBefore} is ${daysLeft} day${daysLeft === 1 ? '' : 's'} away`
            : `usable for now, but its Not Before date ${entry.notBefore} has passed: support is no longer guaranteed`;
      } else if (entry.status === 'CURRENT') {
        verdict = 'CURRENT';
        note = 'the recommended version';
      } else {
        verdict = 'usable';
        note = `${entry.status.toLowerCase()}${entry.notBefore ? `, supported until ${entry.notBefore}` : ''}`;
      }
      rows.push({
        operationId,
        version: entry.version,
        status: entry.status,
        notBefore: entry.notBefore,
        daysLeft,
        verdict,
        note,
      });
    }
  }
  return rows;
}

/** The tables of a live SCP service through a client: reads its version document. */
export async function refreshedScpVersionTables(client: ScpClient): Promise<ScpVersionTables> {
  return client.refreshVersions();
}

/**
 * The spec's SCP tables refreshed from a Virtual Server endpoint's version document
 * (`GET /`, which needs no signature, so no credentials either).
 */
export async function readScpServiceVersions(
  endpoint: string,
  options: CommonClientOptions = {},
): Promise<ScpVersionTables> {
  const plain = createProviderClient<ScpPaths>({
    provider: 'scp',
    baseUrl: endpoint.replace(/\/+$/, ''),
    operations: scpOperations,
    validators: scpValidators,
    options: { ...pickCommonOptions(options), throwOnError: true },
    secrets: () => [],
    middleware: [],
  });
  const { data } = await plain.GET('/', {});
  return refreshScpVersionTables(
    scpSpecVersionTables() as Readonly<Record<string, readonly ScpVersionEntry[]>>,
    data ?? {},
  ) as ScpVersionTables;
}

export interface ComputeVersionsReport {
  /** The version document's URL root that was read. */
  root: string;
  /** The endpoint's range, or null when it advertises none (legacy v2: no microversions). */
  server: MicroversionRange | null;
  /** The range this library's spec describes. */
  client: MicroversionRange;
  /** What the NIC calls would use (the highest both support), or null when they do not overlap. */
  negotiated: string | null;
  /** The raw `versions` entries (`id`, `status`, `version`, `min_version`). */
  versions: { id?: string; status?: string; version?: string; min_version?: string }[];
}

/**
 * Reads an OpenStack compute endpoint's version document (no authentication needed) and tells its
 * microversion range. `endpoint` may be the compute URL from the catalog (`.../v2.1/<project>`);
 * the version root is derived from it.
 */
export async function readComputeVersions(
  endpoint: string,
  options: CommonClientOptions = {},
): Promise<ComputeVersionsReport> {
  const root = computeVersionRoot(endpoint);
  const plain = createProviderClient<OpenStackPaths>({
    provider: 'openstack',
    baseUrl: root,
    operations: openstackOperations,
    validators: openstackValidators,
    options: { ...pickCommonOptions(options), throwOnError: true },
    secrets: () => [],
    middleware: [],
  });
  let doc;
  try {
    doc = (await plain.GET('/', {})).data;
  } catch (error) {
    // Some deployments serve only the v2.1 document (`GET /v2.1/` -> {"version": {...}}).
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    doc = (await plain.GET('/', { baseUrl: `${root}v2.1` })).data;
  }
  const spec = { min: openstackSpecRange!.min, max: openstackSpecRange!.max };
  const server = doc ? rangeFromVersionDocument(doc) : null;
  let negotiated: string | null = null;
  if (server) {
    try {
      negotiated = negotiateMicroversion(spec, server, 'openstack');
    } catch {
      negotiated = null;
    }
  }
  const raw = doc as
    | {
        versions?: ComputeVersionsReport['versions'];
        version?: ComputeVersionsReport['versions'][number];
      }
    | undefined;
  return {
    root,
    server,
    client: spec,
    negotiated,
    versions: raw?.versions ?? (raw?.version ? [raw.version] : []),
  };
}
