// The facts the docs index shows for one provider, and the self-contained index page itself.
// Facts come from generated/<p>.meta.ts (operations, SCP version tables, microversion range) and
// from the spec (info, security schemes, per-operation security); nothing is hard-coded here.

type Json = Record<string, unknown>;

/** The part of a generated/<p>.meta.ts module the docs read. */
export interface MetaModule {
  provider: string;
  specTitle: string;
  specVersion: string;
  specFile: string;
  operations: Readonly<
    Record<string, { readonly operationId: string; readonly method: string; readonly path: string }>
  >;
  operationDocs: Readonly<
    Record<
      string,
      {
        readonly tags: readonly string[];
        readonly summary: string;
        readonly deprecated: boolean;
        readonly async: { readonly poll: string; readonly until: string } | null;
      }
    >
  >;
  scpApiVersions: Readonly<
    Partial<
      Record<
        string,
        readonly { version: string; status: string; notBefore: string | null }[] | undefined
      >
    >
  > | null;
  microversions: {
    service: string;
    min: string;
    max: string;
    headers: readonly string[];
  } | null;
}

export interface SecuritySchemeFact {
  name: string;
  /** e.g. `apiKey in header Scp-Signature`, `http bearer`, `oauth2 (authorizationCode)`. */
  kind: string;
  /** The first sentence of the scheme's description (plain text). */
  description: string;
}

export interface OperationFact {
  operationId: string;
  /** Deep link into the provider's Redoc page (Redoc routes `#/<tag>/<operation>`). */
  href: string;
  method: string;
  path: string;
  summary: string;
  deprecated: boolean;
  /** Scheme names per alternative requirement (`[]` = no auth); `[[A, B], [C]]` = (A and B) or C. */
  security: string[][];
  /** Full requirement text with scopes, for a tooltip. */
  securityDetail: string;
  /** The CURRENT SCP API version of the operation, when the spec has a version table for it. */
  currentVersion: string | null;
  async: { poll: string; until: string } | null;
}

export interface VersionTable {
  operations: string[];
  rows: { version: string; status: string; notBefore: string | null }[];
}

export interface ProviderDocFacts {
  name: string;
  title: string;
  specVersion: string;
  summary: string;
  pageHref: string;
  specHref: string;
  specFile: string;
  securitySchemes: SecuritySchemeFact[];
  operations: OperationFact[];
  /** SCP lifecycle tables, operations sharing the same table grouped together. */
  versionTables: VersionTable[];
  microversions: { service: string; min: string; max: string; headers: string[] } | null;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Redoc's route segment for a tag or an operationId: lower case, runs of other characters as `-`. */
export function redocSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Page title of a provider's Redoc page; the docs test asserts it. */
export function providerPageTitle(meta: Pick<MetaModule, 'specTitle' | 'specVersion'>): string {
  return `${meta.specTitle} (API ${meta.specVersion}) | cloud-nic API docs`;
}

export const indexPageTitle = 'cloud-nic API docs';

/** Markdown-ish text to one plain sentence: drops code ticks, emphasis and line breaks. */
function firstSentence(text: unknown, maxLength = 160): string {
  // Only the first paragraph, and only up to a list it introduces (`...: * item`).
  const paragraph = (
    String(text ?? '')
      .trim()
      .split(/\n\s*\n/)[0] ?? ''
  ).split(/\n\s*[-*] /)[0];
  const plain = (paragraph ?? '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/:$/, '.');
  // A sentence ends at `.` before a capitalised word or the end (so `e.g.` does not end it);
  // a text without one is cut at a word boundary.
  const end = plain.search(/\.(?=\s+[A-Z]|$)/);
  const sentence = end === -1 ? plain : plain.slice(0, end + 1);
  if (sentence.length <= maxLength) return sentence;
  return `${sentence.slice(0, maxLength).replace(/[\s,;:]+\S*$/, '')} …`;
}

function schemeKind(scheme: Json): string {
  switch (scheme.type) {
    case 'apiKey':
      return `apiKey in ${String(scheme.in)} ${String(scheme.name)}`;
    case 'http':
      return `http ${String(scheme.scheme)}${scheme.bearerFormat ? ` (${String(scheme.bearerFormat)})` : ''}`;
    case 'oauth2':
      return `oauth2 (${Object.keys((scheme.flows as Json) ?? {}).join(', ')})`;
    case 'openIdConnect':
      return `openIdConnect ${String(scheme.openIdConnectUrl)}`;
    default:
      return String(scheme.type);
  }
}

function operationSecurity(requirements: unknown[]): { names: string[][]; detail: string } {
  const alternatives = requirements.map((req) => Object.entries(req as Record<string, string[]>));
  const names: string[][] = [];
  const seen = new Set<string>();
  for (const alternative of alternatives) {
    const schemes = alternative.map(([name]) => name);
    const key = schemes.join('+');
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(schemes);
  }
  const detail = alternatives
    .map((alternative) =>
      alternative
        .map(([name, scopes]) => (scopes.length ? `${name} [${scopes.join(', ')}]` : name))
        .join(' + '),
    )
    .join(' or ');
  return { names, detail: detail || 'no authentication' };
}

/** Collects what the index shows for one provider from its meta module and its spec. */
export function collectDocFacts(
  meta: MetaModule,
  doc: Json,
  hrefs: { page: string; spec: string },
): ProviderDocFacts {
  const info = (doc.info as Json) ?? {};
  const components = (doc.components as Json) ?? {};
  const schemes = (components.securitySchemes as Record<string, Json>) ?? {};
  const globalSecurity = (doc.security as unknown[]) ?? [];

  // Per-operation security is not in the meta module (only a boolean), so read it from the spec.
  const securityById = new Map<string, unknown[]>();
  for (const item of Object.values((doc.paths as Record<string, Json>) ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (op?.operationId) {
        securityById.set(String(op.operationId), (op.security as unknown[]) ?? globalSecurity);
      }
    }
  }

  const versions = meta.scpApiVersions ?? {};
  const operations: OperationFact[] = Object.values(meta.operations).map((op) => {
    const security = operationSecurity(securityById.get(op.operationId) ?? globalSecurity);
    const table = versions[op.operationId];
    const docs = meta.operationDocs[op.operationId]!;
    const tag = docs.tags[0];
    return {
      operationId: op.operationId,
      href: tag
        ? `${hrefs.page}#/${redocSlug(tag)}/${redocSlug(op.operationId)}`
        : `${hrefs.page}#/${redocSlug(op.operationId)}`,
      method: op.method,
      path: op.path,
      summary: docs.summary,
      deprecated: docs.deprecated,
      security: security.names,
      securityDetail: security.detail,
      currentVersion: table?.find((row) => row.status === 'CURRENT')?.version ?? null,
      async: docs.async ? { poll: docs.async.poll, until: docs.async.until } : null,
    };
  });

  const tables = new Map<string, VersionTable>();
  for (const [operationId, rows] of Object.entries(versions)) {
    if (!rows) continue;
    const key = JSON.stringify(rows);
    const table = tables.get(key) ?? { operations: [], rows: rows.map((row) => ({ ...row })) };
    table.operations.push(operationId);
    tables.set(key, table);
  }

  return {
    name: meta.provider,
    title: meta.specTitle,
    specVersion: meta.specVersion,
    summary: firstSentence(info.summary ?? info.description, 260),
    pageHref: hrefs.page,
    specHref: hrefs.spec,
    specFile: meta.specFile,
    securitySchemes: Object.entries(schemes).map(([name, scheme]) => ({
      name,
      kind: schemeKind(scheme),
      description: firstSentence(scheme.description),
    })),
    operations,
    versionTables: [...tables.values()],
    microversions: meta.microversions
      ? { ...meta.microversions, headers: [...meta.microversions.headers] }
      : null,
  };
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escapes a relative link target: percent-encodes what a URL cannot hold, then HTML-escapes. */
function escapeHref(href: string): string {
  return escapeHtml(encodeURI(href));
}

const STYLE = `
:root { color-scheme: light; --fg: #1d2330; --muted: #5b6577; --line: #dfe3ea; --bg: #f6f7f9;
  --accent: #2f5fd0; --warn-bg: #fff1e0; --warn-fg: #8a4b00; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.site { background: #1d2330; color: #fff; padding: 28px 40px 24px; }
header.site h1 { margin: 0 0 6px; font-size: 26px; }
header.site p { margin: 0; color: #c9d1e0; max-width: 70em; }
nav.toc { margin-top: 16px; display: flex; flex-wrap: wrap; gap: 8px; }
nav.toc a { color: #fff; background: rgba(255,255,255,.12); padding: 4px 12px; border-radius: 999px;
  text-decoration: none; font-size: 14px; }
nav.toc a:hover { background: rgba(255,255,255,.25); }
main { padding: 24px 40px 48px; max-width: 1400px; }
section.provider { background: #fff; border: 1px solid var(--line); border-radius: 8px;
  padding: 20px 24px; margin: 0 0 24px; }
section.provider h2 { margin: 0 0 4px; font-size: 20px; }
section.provider h2 .key { font: 600 13px/1 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  color: var(--muted); background: var(--bg); border: 1px solid var(--line); border-radius: 4px;
  padding: 3px 6px; margin-left: 8px; vertical-align: middle; }
.summary { margin: 0 0 10px; color: var(--muted); }
.links { margin: 0 0 14px; display: flex; gap: 16px; flex-wrap: wrap; font-size: 14px; }
a { color: var(--accent); }
h3 { font-size: 15px; margin: 18px 0 6px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
th { background: var(--bg); font-weight: 600; white-space: nowrap; }
tr.deprecated td { color: var(--muted); }
tr.deprecated td.path code { text-decoration: line-through; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
td.path { min-width: 14em; }
.method { display: inline-block; min-width: 58px; text-align: center; font: 700 12px/1.8 ui-monospace,
  SFMono-Regular, Menlo, Consolas, monospace; border-radius: 4px; color: #fff; }
.method.get { background: #2e7d32; } .method.post { background: #2f5fd0; } .method.put { background: #9a6700; }
.method.patch { background: #6f42c1; } .method.delete { background: #c62828; }
.method.head, .method.options { background: #5b6577; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; letter-spacing: .03em;
  text-transform: uppercase; border-radius: 4px; padding: 1px 6px; margin-left: 6px;
  background: var(--warn-bg); color: var(--warn-fg); }
.note { display: block; color: var(--muted); font-size: 13px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; font-size: 14px; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
ul.schemes { list-style: none; margin: 0; padding: 0; }
ul.schemes li { margin: 0 0 6px; }
table.lifecycle { width: auto; min-width: 360px; }
.status-CURRENT { color: #2e7d32; font-weight: 600; }
.status-DEPRECATED { color: #c62828; }
.status-PLANNED { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 13px; padding: 0 40px 32px; }
`;

function renderSecurityCell(op: OperationFact): string {
  if (op.security.length === 0) return '<span class="note">none</span>';
  const text = op.security.map((alternative) => alternative.join(' + ')).join(' or ');
  return `<span title="${escapeHtml(op.securityDetail)}">${escapeHtml(text)}</span>`;
}

function renderOperations(provider: ProviderDocFacts): string {
  const hasVersions = provider.operations.some((op) => op.currentVersion !== null);
  const head = [
    'Operation',
    'Method',
    'Path',
    'Summary',
    'Auth',
    ...(hasVersions ? ['Current API version'] : []),
  ];
  const rows = provider.operations.map((op) => {
    const cells = [
      `<td><a href="${escapeHref(op.href)}"><code>${escapeHtml(op.operationId)}</code></a></td>`,
      `<td><span class="method ${escapeHtml(op.method.toLowerCase())}">${escapeHtml(op.method)}</span></td>`,
      // <wbr> lets long paths wrap after a `/` instead of inside a segment.
      `<td class="path"><code>${escapeHtml(op.path).replace(/\//g, '/<wbr>')}</code></td>`,
      `<td>${escapeHtml(op.summary)}${op.deprecated ? '<span class="badge">deprecated</span>' : ''}${
        op.async
          ? `<span class="note">async: poll <code>${escapeHtml(op.async.poll)}</code> until ${escapeHtml(op.async.until)}</span>`
          : ''
      }</td>`,
      `<td>${renderSecurityCell(op)}</td>`,
      ...(hasVersions
        ? [
            `<td>${op.currentVersion ? `<code>${escapeHtml(op.currentVersion)}</code>` : '<span class="note">not versioned</span>'}</td>`,
          ]
        : []),
    ];
    return `<tr${op.deprecated ? ' class="deprecated"' : ''} data-operation-id="${escapeHtml(op.operationId)}">${cells.join('')}</tr>`;
  });
  return [
    `<table class="operations" data-provider="${escapeHtml(provider.name)}">`,
    `<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

function renderVersionTables(provider: ProviderDocFacts): string {
  return provider.versionTables
    .map((table) => {
      const rows = table.rows.map(
        (row) =>
          `<tr><td><code>${escapeHtml(row.version)}</code></td><td class="status-${escapeHtml(row.status)}">${escapeHtml(row.status)}</td><td>${row.notBefore ? escapeHtml(row.notBefore) : '–'}</td></tr>`,
      );
      return [
        `<h3>API version lifecycle <span class="note">for ${table.operations.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ')}</span></h3>`,
        '<table class="lifecycle"><thead><tr><th>Version</th><th>Status</th><th>Not Before</th></tr></thead>',
        `<tbody>${rows.join('')}</tbody></table>`,
      ].join('\n');
    })
    .join('\n');
}

function renderProvider(provider: ProviderDocFacts): string {
  const facts: [string, string][] = [
    ['Spec version', `<code>${escapeHtml(provider.specVersion)}</code>`],
    [
      'Auth schemes',
      provider.securitySchemes.length
        ? `<ul class="schemes">${provider.securitySchemes
            .map(
              (s) =>
                `<li><code>${escapeHtml(s.name)}</code>: ${escapeHtml(s.kind)}${s.description ? ` <span class="note">${escapeHtml(s.description)}</span>` : ''}</li>`,
            )
            .join('')}</ul>`
        : 'none',
    ],
  ];
  if (provider.microversions) {
    const m = provider.microversions;
    facts.push([
      'Microversions',
      `${escapeHtml(m.service)} <code>${escapeHtml(m.min)}..${escapeHtml(m.max)}</code> <span class="note">headers: ${m.headers.map((h) => `<code>${escapeHtml(h)}</code>`).join(', ')}</span>`,
    ]);
  }
  return [
    `<section class="provider" id="${escapeHtml(provider.name)}" data-provider="${escapeHtml(provider.name)}">`,
    `<h2><a href="${escapeHref(provider.pageHref)}">${escapeHtml(provider.title)}</a><span class="key">${escapeHtml(provider.name)}</span></h2>`,
    provider.summary ? `<p class="summary">${escapeHtml(provider.summary)}</p>` : '',
    `<p class="links"><a href="${escapeHref(provider.pageHref)}">API reference (Redoc)</a><a href="${escapeHref(provider.specHref)}">OpenAPI spec: <code>${escapeHtml(provider.specFile)}</code></a></p>`,
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>`,
    `<h3>Operations <span class="note">${provider.operations.length} in total${provider.operations.some((o) => o.deprecated) ? `, ${provider.operations.filter((o) => o.deprecated).length} deprecated` : ''}</span></h3>`,
    renderOperations(provider),
    renderVersionTables(provider),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The whole index page: inline CSS, no script, no external asset. */
export function renderIndex(providers: ProviderDocFacts[], packageVersion: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(indexPageTitle)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header class="site">',
    `<h1>${escapeHtml(indexPageTitle)}</h1>`,
    `<p>Reference for the ${providers.length} provider APIs cloud-nic ${escapeHtml(packageVersion)} is generated from. Each page is rendered from the OpenAPI document in <code>specs/</code>, which is the source of truth for the clients, validators and version rules.</p>`,
    `<nav class="toc">${providers.map((p) => `<a href="#${escapeHtml(p.name)}">${escapeHtml(p.name)}</a>`).join('')}</nav>`,
    '</header>',
    '<main>',
    providers.map(renderProvider).join('\n'),
    '</main>',
    '<footer>Built by <code>npm run docs</code> from <code>specs/*.yaml</code> and <code>generated/*.meta.ts</code>. Works offline.</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
