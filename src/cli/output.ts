// What the command prints: one JSON document on stdout for scripts (`--output json`), readable
// tables otherwise, errors as one line on stderr, and a progress line on stderr while waiting
// (only when stderr is a terminal, so logs and pipes stay clean).
import type { NetworkInterface, PollProgress } from '../nic/index.js';

/** Where the command writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown only then). */
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export type OutputFormat = 'table' | 'json';

/** One JSON document, newline-terminated. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** A plain text table: a header row, then one row per entry, columns padded to fit. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(headers), ...rows.map(line)].join('\n')}\n`;
}

const dash = (value: string | null | undefined) =>
  value === null || value === undefined || value === '' ? '-' : value;

const INTERFACE_HEADERS = ['ID', 'STATE', 'RAW STATE', 'MAC', 'IP ADDRESSES', 'NETWORK', 'SUBNET'];

function interfaceRow(iface: NetworkInterface): string[] {
  return [
    iface.id,
    iface.state,
    dash(iface.rawState),
    dash(iface.mac),
    iface.ipAddresses.length ? iface.ipAddresses.join(',') : '-',
    dash(iface.networkId),
    dash(iface.subnetId),
  ];
}

export function interfacesTable(interfaces: readonly NetworkInterface[]): string {
  if (interfaces.length === 0) return 'No interfaces.\n';
  return formatTable(INTERFACE_HEADERS, interfaces.map(interfaceRow));
}

/** One interface as `key: value` lines. */
export function interfaceDetails(iface: NetworkInterface): string {
  const rows: [string, string][] = [
    ['provider', iface.provider],
    ['id', iface.id],
    ['server', iface.serverId],
    ['state', `${iface.state}${iface.rawState ? ` (${iface.rawState})` : ''}`],
    ['mac', dash(iface.mac)],
    ['ip addresses', iface.ipAddresses.length ? iface.ipAddresses.join(', ') : '-'],
    ['network', dash(iface.networkId)],
    ['subnet', dash(iface.subnetId)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return `${rows.map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${v}`).join('\n')}\n`;
}

const SPINNER = ['|', '/', '-', '\\'];

/**
 * A progress reporter for waits: rewrites one stderr line while a terminal watches, does nothing
 * otherwise. `done()` clears the line.
 */
export function createProgress(io: CliIo) {
  let shown = false;
  let frame = 0;
  return {
    onProgress(progress: PollProgress): void {
      if (!io.stderrIsTTY) return;
      const seconds = (progress.elapsedMs / 1000).toFixed(1);
      const state = progress.state ? `, ${progress.state}` : '';
      const text = `${SPINNER[frame++ % SPINNER.length]} waiting for ${progress.waitingFor} (${seconds}s${state})`;
      io.stderr(`\r\x1b[2K${text.slice(0, 160)}`);
      shown = true;
    },
    done(): void {
      if (shown) io.stderr('\r\x1b[2K');
      shown = false;
    },
  };
}
