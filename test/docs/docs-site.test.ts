// The docs site as a reader sees it: `npm run docs` builds it into a temp dir, Debian's Chromium
// (driven by playwright-core, never a downloaded browser) opens every page from file:// URLs, and
// the test checks what is rendered against the specs and generated/<p>.meta.ts. Any request to
// something other than file:, data:, blob: or about: is aborted and fails the test: the site must
// work offline. Screenshots go to test-artifacts/docs/<page>.png.
//
// Needs /usr/bin/chromium (`apt-get install chromium`; CI installs it). CLOUD_NIC_SKIP_BROWSER=1
// skips the suite on machines without it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectDocFacts,
  indexPageTitle,
  providerPageTitle,
  type MetaModule,
  type ProviderDocFacts,
} from '../../scripts/lib/docs-index.js';
import { loadSpec, readSpecEntries, repoRoot } from '../../scripts/lib/spec-files.js';

const CHROMIUM = '/usr/bin/chromium';
const skipBrowser = process.env.CLOUD_NIC_SKIP_BROWSER === '1';
const artifactsDir = path.join(repoRoot, 'test-artifacts', 'docs');
const LOCAL_SCHEMES = new Set(['file:', 'data:', 'blob:', 'about:']);
const WAIT_MS = 15_000;

type Json = Record<string, unknown>;

interface ProviderCase {
  name: string;
  meta: MetaModule;
  doc: Json;
  facts: ProviderDocFacts;
}

const entries = readSpecEntries();

async function loadCases(): Promise<ProviderCase[]> {
  return Promise.all(
    entries.map(async (entry) => {
      const meta = (await import(pathToFileURL(entry.metaPath).href)) as MetaModule;
      const doc = loadSpec(entry.specPath);
      const facts = collectDocFacts(meta, doc, {
        page: `${entry.name}.html`,
        spec: `specs/${path.basename(entry.specPath)}`,
      });
      return { name: entry.name, meta, doc, facts };
    }),
  );
}

/** Follows a local `$ref` (the specs use no other kind). */
function deref(doc: Json, node: unknown): Json {
  let current = node as Json;
  while (current && typeof current.$ref === 'string') {
    current = (current.$ref as string)
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((acc, key) => (acc as Json)[key], doc) as Json;
  }
  return current;
}

/** The first JSON example (request body or 2xx response) of an operation whose value is an object. */
function firstObjectExample(doc: Json, operationId: string): Json | null {
  for (const item of Object.values(doc.paths as Record<string, Json>)) {
    for (const op of Object.values(item) as Json[]) {
      if (!op || typeof op !== 'object' || op.operationId !== operationId) continue;
      const bodies: unknown[] = [];
      if (op.requestBody) bodies.push(deref(doc, op.requestBody));
      for (const [status, response] of Object.entries((op.responses as Json) ?? {})) {
        if (/^2/.test(status)) bodies.push(deref(doc, response));
      }
      for (const body of bodies as Json[]) {
        for (const [type, media] of Object.entries((body.content as Record<string, Json>) ?? {})) {
          if (!type.includes('json')) continue;
          const candidates = [
            media.example,
            ...Object.values((media.examples as Json) ?? {}).map((e) => deref(doc, e).value),
          ];
          const found = candidates.find(
            (value) => value && typeof value === 'object' && !Array.isArray(value),
          );
          if (found && Object.keys(found).length) return found as Json;
        }
      }
    }
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe.skipIf(skipBrowser)('docs site in Chromium (file://, offline)', () => {
  let outDir = '';
  let userDataDir = '';
  let context: BrowserContext | undefined;
  let cases: ProviderCase[] = [];
  /** Every request that left the machine (or tried to): must stay empty. */
  const remoteRequests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}. Install it with \`apt-get install chromium\` ` +
          '(CI does this in .ci/run), or set CLOUD_NIC_SKIP_BROWSER=1 to skip the browser tests.',
      );
    }
    cases = await loadCases();
    outDir = await mkdtemp(path.join(tmpdir(), 'cloud-nic-docs-'));
    userDataDir = await mkdtemp(path.join(tmpdir(), 'cloud-nic-chromium-'));
    await mkdir(artifactsDir, { recursive: true });

    await promisify(execFile)(
      path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
      ['scripts/docs.ts', '--out', outDir],
      { cwd: repoRoot, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
    );

    // launchPersistentContext passes the fresh --user-data-dir and --headless itself.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      timeout: 30_000,
      viewport: { width: 1440, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    context.setDefaultTimeout(WAIT_MS);
    context.on('request', (request) => {
      const url = request.url();
      if (!LOCAL_SCHEMES.has(new URL(url).protocol)) remoteRequests.push(url);
    });
    context.on('page', (page) =>
      page.on('websocket', (socket) => remoteRequests.push(socket.url())),
    );
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (LOCAL_SCHEMES.has(new URL(url).protocol)) await route.fallback();
      else await route.abort('blockedbyclient');
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await Promise.all(
      [outDir, userDataDir].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })),
    );
  }, 30_000);

  async function open(file: string, hash = ''): Promise<Page> {
    if (!context) throw new Error('browser not started');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${pathToFileURL(path.join(outDir, file)).href}${hash}`, {
      waitUntil: 'load',
      timeout: WAIT_MS,
    });
    expect(errors, `script errors on ${file}`).toEqual([]);
    return page;
  }

  it('index.html shows every provider with its operations, auth and versions', async () => {
    const page = await open('index.html');
    try {
      expect(await page.title()).toBe(indexPageTitle);
      for (const { name, facts, meta } of cases) {
        const section = page.locator(`section[data-provider="${name}"]`);
        await expect.poll(() => section.isVisible()).toBe(true);
        expect(await section.locator('h2').innerText()).toContain(meta.specTitle);

        const rows = section.locator('table.operations tbody tr');
        expect(await rows.count()).toBe(facts.operations.length);
        for (const op of facts.operations) {
          const row = section.locator(`tr[data-operation-id="${op.operationId}"]`);
          const text = await row.innerText();
          for (const part of [op.operationId, op.method, op.path, op.summary]) {
            expect(text, `${name} ${op.operationId}`).toContain(part);
          }
          expect(text.toLowerCase().includes('deprecated'), `${op.operationId} deprecated`).toBe(
            op.deprecated,
          );
          expect(await row.locator('a').first().getAttribute('href')).toBe(op.href);
          if (op.currentVersion) expect(text).toContain(op.currentVersion);
        }

        const sectionText = await section.innerText();
        for (const scheme of facts.securitySchemes) expect(sectionText).toContain(scheme.name);
        if (meta.microversions) {
          expect(sectionText).toContain(`${meta.microversions.min}..${meta.microversions.max}`);
        }
        for (const [operationId, rows] of Object.entries(meta.scpApiVersions ?? {})) {
          expect(sectionText).toContain(operationId);
          for (const row of rows ?? []) {
            expect(sectionText).toMatch(
              new RegExp(
                `${escapeRegExp(row.version)}\\s+${row.status}\\s+${row.notBefore ?? '–'}`,
              ),
            );
          }
        }
        const links = await section
          .locator('p.links a')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(links).toEqual([facts.pageHref, facts.specHref]);
        for (const link of links) expect(existsSync(path.join(outDir, link ?? ''))).toBe(true);
      }
      await page.screenshot({ path: path.join(artifactsDir, 'index.png'), fullPage: true });
      expect(remoteRequests, 'remote requests (aborted)').toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it.each(entries.map((entry) => entry.name))(
    '%s.html renders every operation, an example and (SCP) the version tables',
    async (name) => {
      const current = cases.find((c) => c.name === name);
      if (!current) throw new Error(`no case for ${name}`);
      const { meta, doc, facts } = current;
      const page = await open(`${name}.html`);
      try {
        expect(await page.title()).toBe(providerPageTitle(meta));
        await page.locator('h1').first().waitFor({ state: 'visible' });
        expect(await page.locator('h1').first().innerText()).toContain(meta.specTitle);
        await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });

        let exampleSeen = false;
        for (const op of facts.operations) {
          // The index links each operation to its Redoc route; following it must render the
          // operation with the summary the spec gives it.
          const hash = op.href.slice(op.href.indexOf('#'));
          await page.evaluate((h) => {
            window.location.hash = h;
          }, hash);
          const heading = page.locator('h1, h2').filter({ hasText: op.summary }).first();
          await heading.waitFor({ state: 'visible', timeout: WAIT_MS });
          await heading.scrollIntoViewIfNeeded();

          const versions = meta.scpApiVersions?.[op.operationId];
          for (const row of versions ?? []) {
            // The lifecycle table from the operation's description, rendered by Redoc.
            const pattern = new RegExp(
              `^\\s*${escapeRegExp(row.version)}\\s+${row.status}\\s+${row.notBefore ? escapeRegExp(row.notBefore) : '\\S+'}\\s*$`,
            );
            await expect
              .poll(
                async () =>
                  (await page.locator('tr').allInnerTexts()).some((text) => pattern.test(text)),
                { timeout: WAIT_MS },
              )
              .toBe(true);
          }

          const example = exampleSeen ? null : firstObjectExample(doc, op.operationId);
          if (example) {
            const key = `"${Object.keys(example)[0]}"`;
            const samples = page.locator('pre');
            await expect
              .poll(async () => (await samples.allInnerTexts()).some((t) => t.includes(key)), {
                timeout: WAIT_MS,
              })
              .toBe(true);
            exampleSeen = true;
          }
        }
        expect(exampleSeen, `${name}: no JSON example rendered`).toBe(true);
        if (name === 'scp')
          expect(Object.keys(meta.scpApiVersions ?? {}).length).toBeGreaterThan(0);
        expect(remoteRequests, 'remote requests (aborted)').toEqual([]);
      } finally {
        await page.close();
      }
    },
    90_000,
  );

  it('no page requested anything outside file:, data:, blob: or about:', () => {
    expect(remoteRequests, `remote requests (aborted): ${remoteRequests.join(', ')}`).toEqual([]);
  });
});
