// The benchmark's results: one row per figure, each a ratio against a baseline measured in the
// same run, with the absolute numbers beside it. Printed as a table, written as JSON, and rendered
// as Markdown for the README.
import os from 'node:os';

export type Section = 'signing' | 'client' | 'bundle' | 'import' | 'pipeline' | 'emulator';

export interface BenchRow {
  section: Section;
  /** What was measured, e.g. `signHuawei`. */
  subject: string;
  /** Absolute figure of the subject. */
  value: number;
  /** Absolute figure of the baseline, measured in the same run. */
  baselineValue: number;
  unit: 'ops/s' | 'round trips/s' | 'B gz' | 'ms';
  baseline: string;
  /**
   * The comparison as "times the baseline", oriented so that bigger is better: throughput
   * ours/baseline; sizes and times baseline/ours (a speed-up). `null` when there is no baseline.
   */
  ratio: number | null;
  /** The goal from issue 7 as text, and whether this run met it (`null`: no goal). */
  goal: string | null;
  met: boolean | null;
  note?: string;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
}

export interface BenchResults {
  $comment: string;
  generatedAt: string;
  mode: 'full' | 'quick';
  durationMs: number;
  machine: MachineInfo;
  rows: BenchRow[];
  /** Extra detail per section (per-module bundle attribution, skipped parts...). */
  details: Record<string, unknown>;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

const SECTION_TITLES: Record<Section, string> = {
  signing: 'Signing speed',
  client: 'Client overhead (loopback, keep-alive)',
  bundle: 'Bundle size (esbuild --minify, gzip -9)',
  import: 'Import cost (fresh node process)',
  pipeline: 'Generate pipeline',
  emulator: 'Emulator throughput (attach + detach through the typed clients)',
};

function formatNumber(value: number, unit: BenchRow['unit']): string {
  if (unit === 'B gz') return `${(value / 1024).toFixed(1)} KB`;
  if (unit === 'ms') return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ms`;
  return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
}

function formatRatio(row: BenchRow): string {
  return row.ratio === null ? '-' : `${row.ratio.toFixed(2)}x`;
}

function formatGoal(row: BenchRow): string {
  if (row.goal === null) return '';
  return `${row.met ? 'met' : 'NOT met'} (${row.goal})`;
}

function cells(row: BenchRow): string[] {
  return [
    row.subject,
    formatNumber(row.value, row.unit),
    row.baseline,
    row.baselineValue ? formatNumber(row.baselineValue, row.unit) : '-',
    formatRatio(row),
    formatGoal(row),
  ];
}

const HEADERS = ['subject', 'value', 'baseline', 'baseline value', 'vs baseline', 'goal'];

/** A plain-text table for the terminal. */
export function renderText(results: BenchResults): string {
  const lines: string[] = [];
  for (const section of Object.keys(SECTION_TITLES) as Section[]) {
    const rows = results.rows.filter((r) => r.section === section);
    if (rows.length === 0) continue;
    const table = [HEADERS, ...rows.map(cells)];
    const widths = HEADERS.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
    lines.push('', SECTION_TITLES[section]);
    for (const [i, row] of table.entries()) {
      lines.push(
        '  ' +
          row
            .map((c, j) => c.padEnd(widths[j]!))
            .join('  ')
            .trimEnd(),
      );
      if (i === 0) lines.push('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
    }
    for (const row of rows) if (row.note) lines.push(`  * ${row.subject}: ${row.note}`);
  }
  return lines.join('\n');
}

/** The Markdown table the README shows (one table, a section column). */
export function renderMarkdown(results: BenchResults): string {
  const m = results.machine;
  const out = [
    `Measured ${results.generatedAt.slice(0, 10)} (${results.mode} run, ${Math.round(results.durationMs / 1000)} s) on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}. Medians over repeated rounds; every figure against a baseline measured in the same run ("vs baseline": bigger is better).`,
    '',
    `| area | ${HEADERS.join(' | ')} |`,
    `|${' --- |'.repeat(HEADERS.length + 1)}`,
  ];
  for (const row of results.rows) {
    const c = cells(row).map((s) => s.replace(/\|/g, '\\|'));
    out.push(`| ${row.section} | ${c.join(' | ')} |`);
  }
  const notes = results.rows.filter((r) => r.note);
  if (notes.length > 0) {
    out.push('');
    for (const row of notes) out.push(`- ${row.section} / ${row.subject}: ${row.note}`);
  }
  return out.join('\n');
}
