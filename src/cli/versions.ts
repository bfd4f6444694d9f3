// `cloud-nic versions`: what API versions mean today. SCP: the version lifecycle of each
// operation (CURRENT / usable / warn / refused on the date), from the spec or refreshed from the
// live service root. OpenStack: the microversion range of a compute endpoint.
import {
  scpEndpoint,
  readComputeVersions,
  readScpServiceVersions,
  scpVersionReport,
  type ScpVersionTables,
} from '../nic/index.js';
import { OUTPUT_HELP, OUTPUT_OPTIONS, outputOf, stringValue, type Command } from './common.js';
import { ENDPOINT_ENV } from './env.js';
import { EXIT, UsageError } from './exit.js';
import { formatTable, printJson } from './output.js';

function dateOf(raw: string | undefined): Date {
  if (raw === undefined) return new Date();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const date = match ? new Date(`${raw}T12:00:00+09:00`) : new Date(NaN);
  if (!match || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
    throw new UsageError(`--date must be a date like 2026-11-22 (got '${raw}')`, 'versions');
  }
  return date;
}

export const versionsCommand: Command = {
  name: 'versions',
  summary: "show the SCP API version lifecycle, or an OpenStack endpoint's microversion range",
  options: {
    ...OUTPUT_OPTIONS,
    provider: { type: 'string', short: 'p' },
    date: { type: 'string' },
    endpoint: { type: 'string' },
    region: { type: 'string' },
    environment: { type: 'string' },
  },
  help: `Usage: cloud-nic versions [--provider scp] [--date YYYY-MM-DD] [--endpoint <url>]
       cloud-nic versions --provider openstack --endpoint <compute url>

scp (default): for each operation and API version, what the date (default today, read in Korea
time like SCP's dates) means for calling it:
  CURRENT   the recommended version
  usable    callable, no Not Before date near
  warn      callable, but its Not Before date is within 90 days or past: move on
  refused   PLANNED, or DEPRECATED with its Not Before date reached: a pinned client refuses it
The tables come from the spec; with --endpoint (or ${ENDPOINT_ENV.scp}), or SCP credentials
in the environment (SCP_ACCESS_KEY with SCP_REGION/SCP_ENVIRONMENT), they are refreshed from the
service's version document (GET /, which needs no signature).

openstack: reads the compute endpoint's version document (no authentication) and prints its
microversion range, this library's range and the microversion the NIC calls would use.

Options:
  -p, --provider <name>   scp (default) or openstack
  --date <YYYY-MM-DD>     judge SCP versions for this day instead of today
  --endpoint <url>        the service's base URL (scp: Virtual Server; openstack: compute)
  --region, --environment SCP region and environment of the live endpoint
${OUTPUT_HELP}`,

  async run(values, io) {
    const provider = stringValue(values, 'provider') ?? 'scp';
    const output = outputOf(values, 'versions');
    if (provider === 'openstack') {
      const endpoint = stringValue(values, 'endpoint') ?? io.env[ENDPOINT_ENV.openstack];
      if (!endpoint) {
        throw new UsageError('--endpoint is required with --provider openstack', 'versions');
      }
      const report = await readComputeVersions(endpoint);
      if (output === 'json') printJson(io, { provider, ...report });
      else {
        const server = report.server
          ? `${report.server.min} to ${report.server.max}`
          : 'none (no microversions)';
        io.stdout(
          `endpoint root:       ${report.root}\n` +
            `server range:        ${server}\n` +
            `cloud-nic range:     ${report.client.min} to ${report.client.max}\n` +
            `negotiated:          ${report.negotiated ?? 'none (the ranges do not overlap)'}\n`,
        );
      }
      return EXIT.ok;
    }
    if (provider !== 'scp') {
      throw new UsageError(`versions knows scp and openstack (got '${provider}')`, 'versions');
    }
    const date = dateOf(stringValue(values, 'date'));
    let endpoint = stringValue(values, 'endpoint') ?? io.env[ENDPOINT_ENV.scp];
    if (!endpoint && io.env.SCP_ACCESS_KEY) {
      endpoint = scpEndpoint({
        region: stringValue(values, 'region') ?? io.env.SCP_REGION,
        environment: stringValue(values, 'environment') ?? io.env.SCP_ENVIRONMENT,
      });
    }
    let tables: ScpVersionTables | undefined;
    if (endpoint) tables = await readScpServiceVersions(endpoint);
    const rows = scpVersionReport({ date, ...(tables ? { tables } : {}) });
    const day = date.toISOString().slice(0, 10);
    if (output === 'json') {
      printJson(io, { provider, date: day, source: endpoint ? 'live' : 'spec', versions: rows });
    } else {
      io.stdout(
        `SCP Virtual Server API versions on ${day} (${endpoint ? `live: ${endpoint}` : 'from the spec'})\n`,
      );
      io.stdout(
        formatTable(
          ['OPERATION', 'VERSION', 'STATUS', 'NOT BEFORE', 'VERDICT', 'NOTE'],
          rows.map((r) => [
            r.operationId,
            r.version,
            r.status,
            r.notBefore ?? '-',
            r.verdict,
            r.note,
          ]),
        ),
      );
    }
    return EXIT.ok;
  },
};
