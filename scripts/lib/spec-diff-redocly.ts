// One spec's changes between two versions, rated by semver impact, from `redocly diff`
// (experimental in @redocly/cli 2.x; its JSON report gives every change an impact and, for the
// changes a rule judged, a sentence saying what changed).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { maxBump, type Bump } from './semver-gate.js';
import { repoRoot } from './spec-files.js';

export interface SpecChange {
  impact: Exclude<Bump, 'none'>;
  breaking: boolean;
  /** One line saying what changed and where. */
  text: string;
}

export interface SpecDiff {
  bump: Bump;
  breaking: SpecChange[];
  nonBreaking: SpecChange[];
}

interface RedoclyDiffReport {
  bump?: Bump;
  changes?: {
    path?: string;
    typeName?: string;
    kind?: string;
    impact?: Bump;
    property?: string;
    verdicts?: { impact?: Bump; message?: string }[];
  }[];
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

/** `#/paths/~1v1~1servers/get/responses/200` -> `GET /v1/servers > responses > 200`. */
export function readablePointer(pointer: string): string {
  const parts = pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] === 'paths' && parts.length >= 2) {
    const [, route, method, ...rest] = parts;
    if (method && METHODS.has(method)) {
      return [`${method.toUpperCase()} ${route}`, ...rest].join(' > ');
    }
    return [route, ...(method ? [method] : []), ...rest].join(' > ');
  }
  return parts.join(' > ') || '(document root)';
}

function toChanges(report: RedoclyDiffReport): SpecChange[] {
  const changes: SpecChange[] = [];
  for (const change of report.changes ?? []) {
    const impact = change.impact ?? 'none';
    if (impact === 'none') continue;
    const verdicts = (change.verdicts ?? []).filter((v) => v.message);
    if (verdicts.length) {
      for (const verdict of verdicts) {
        const verdictImpact = verdict.impact && verdict.impact !== 'none' ? verdict.impact : impact;
        changes.push({
          impact: verdictImpact,
          breaking: verdictImpact === 'major',
          text: String(verdict.message),
        });
      }
      continue;
    }
    const where = readablePointer(change.path ?? '');
    const what = `${change.kind ?? 'changed'} ${change.typeName ?? 'node'}`;
    changes.push({
      impact,
      breaking: impact === 'major',
      text: `${what}${change.property ? ` \`${change.property}\`` : ''} at ${where}`,
    });
  }
  // The same sentence can be reached from several places (a shared schema); keep one line each.
  const unique = new Map(changes.map((c) => [`${c.impact} ${c.text}`, c]));
  return [...unique.values()];
}

function stripBanner(output: string): string {
  return output
    .split('\n')
    .filter((line) => !/[║╔╚]/.test(line) && line.trim() !== '')
    .join('\n');
}

/** Runs `redocly diff <base> <revision>` and returns the rated changes. */
export async function diffSpecFiles(baseFile: string, revisionFile: string): Promise<SpecDiff> {
  const work = await mkdtemp(path.join(tmpdir(), 'cloud-nic-redocly-diff-'));
  const reportFile = path.join(work, 'report.json');
  try {
    const log = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        path.join(repoRoot, 'node_modules', '.bin', 'redocly'),
        [
          'diff',
          baseFile,
          revisionFile,
          '--format',
          'json',
          '-o',
          reportFile,
          '--lint-config',
          'off',
        ],
        {
          // A directory without redocly.yaml: the diff must not pick up a project's lint config.
          cwd: work,
          env: {
            ...process.env,
            REDOCLY_TELEMETRY: 'off',
            REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('error', reject);
      // redocly exits 1 when it finds a major change (--fail-on major); the report decides.
      child.on('close', () => resolve(output));
    });
    const raw = await readFile(reportFile, 'utf8').catch(() => null);
    if (raw === null) {
      throw new Error(`redocly diff wrote no report:\n${stripBanner(log)}`);
    }
    const report = JSON.parse(raw) as RedoclyDiffReport;
    const changes = toChanges(report);
    return {
      bump: maxBump([report.bump ?? 'none', ...changes.map((c) => c.impact)]),
      breaking: changes.filter((c) => c.breaking),
      nonBreaking: changes.filter((c) => !c.breaking),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
