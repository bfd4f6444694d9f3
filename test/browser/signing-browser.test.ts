// `cloud-nic/signing` in a real browser: esbuild bundles src/signing.ts for the browser, with
// `node:crypto` replaced by a module that records that it was loaded and then throws; headless
// Debian Chromium (playwright-core, never a downloaded browser) loads it from a loopback page;
// signScp and signHuawei run there on the published vectors (test/fixtures/signing-vectors.json)
// and must give the exact published results, computed by Web Crypto (`crypto.subtle` calls are
// counted, and node:crypto must never have been loaded).
//
// Needs /usr/bin/chromium (`apt-get install chromium`; CI installs it). Without it the test fails
// with that hint, unless CLOUD_NIC_SKIP_BROWSER=1.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import vectors from '../fixtures/signing-vectors.json' with { type: 'json' };
import { repoRoot } from '../../scripts/lib/spec-files.js';

const CHROMIUM = '/usr/bin/chromium';
const skipBrowser = process.env.CLOUD_NIC_SKIP_BROWSER === '1';

/** What the page reports back for one run over every vector. */
interface PageResult {
  scp: { id: string; signature: string; stringToSign: string }[];
  huawei: { id: string; authorization: string; signedHeaders: string; canonicalRequest: string }[];
  query: { id: string; canonical: string }[];
  backend: string;
  subtleCalls: Record<string, number>;
  nodeCryptoLoaded: boolean;
  hasProcess: boolean;
}

/** The signing module for browsers; `node:crypto` becomes a tripwire instead of being external. */
async function bundleSigning(): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        "export * from './src/signing.ts';",
        "export { activeCryptoBackend } from './src/auth/hmac.ts';",
      ].join('\n'),
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'node-crypto-tripwire',
        setup(b) {
          b.onResolve({ filter: /^(node:)?crypto$/ }, () => ({
            path: 'node-crypto-tripwire',
            namespace: 'tripwire',
          }));
          b.onLoad({ filter: /.*/, namespace: 'tripwire' }, () => ({
            contents:
              'globalThis.__nodeCryptoLoaded = true; throw new Error("node:crypto loaded in the browser");',
            loader: 'js',
          }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

/** Counts crypto.subtle calls, then loads the bundle (exposed as `window.__signing`). */
const PAGE = `<!doctype html><meta charset="utf-8"><title>cloud-nic signing</title>
<script>
  window.__subtleCalls = {};
  for (const name of ['digest', 'importKey', 'sign']) {
    const original = crypto.subtle[name].bind(crypto.subtle);
    crypto.subtle[name] = (...args) => {
      window.__subtleCalls[name] = (window.__subtleCalls[name] || 0) + 1;
      return original(...args);
    };
  }
</script>
<script type="module">
  import * as signing from '/signing.js';
  window.__signing = signing;
</script>`;

async function signInPage(page: Page): Promise<PageResult> {
  await page.waitForFunction(() => '__signing' in window, undefined, { timeout: 20_000 });
  return page.evaluate(async (v: typeof vectors) => {
    // The module the page loaded (a dynamic import here would be rewritten by vitest).
    const m = (window as any).__signing;
    const scp = [];
    for (const vector of v.scp) {
      scp.push({
        id: vector.id,
        signature: await m.signScp(vector.input),
        stringToSign: m.scpStringToSign(vector.input),
      });
    }
    const huawei = [];
    for (const vector of v.huawei) {
      const signed = await m.signHuawei(vector.input);
      huawei.push({
        id: vector.id,
        authorization: signed.authorization,
        signedHeaders: signed.signedHeaders,
        canonicalRequest: signed.canonicalRequest,
      });
    }
    const query = v.huaweiCanonicalQuery.map((q) => ({
      id: q.id,
      canonical: m.huaweiCanonicalQueryString(
        new URLSearchParams(q.params as [string, string][]).toString(),
      ),
    }));
    return {
      scp,
      huawei,
      query,
      backend: await m.activeCryptoBackend(),
      subtleCalls: (window as unknown as { __subtleCalls: Record<string, number> }).__subtleCalls,
      nodeCryptoLoaded: Boolean(
        (globalThis as { __nodeCryptoLoaded?: boolean }).__nodeCryptoLoaded,
      ),
      hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
    };
  }, vectors);
}

describe.skipIf(skipBrowser)('signing in Chromium (Web Crypto)', () => {
  let server: http.Server;
  let origin = '';
  let userDataDir = '';
  let context: BrowserContext;
  let result: PageResult;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}. Install it with \`apt-get install chromium\` ` +
          '(CI does this in .ci/run), or set CLOUD_NIC_SKIP_BROWSER=1 to skip the browser tests.',
      );
    }
    const bundle = await bundleSigning();
    server = http.createServer((req, res) => {
      if (req.url === '/signing.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(bundle);
      } else if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(PAGE);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    userDataDir = await mkdtemp(path.join(tmpdir(), 'cloud-nic-chromium-'));
    // launchPersistentContext passes the fresh --user-data-dir and --headless itself.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      timeout: 30_000,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${origin}/`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    result = await signInPage(page);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('signScp gives the published Scp-Signature for every vector', () => {
    expect(result.scp).toHaveLength(vectors.scp.length);
    for (const [i, vector] of vectors.scp.entries()) {
      expect(result.scp[i]).toEqual({
        id: vector.id,
        signature: vector.signature,
        stringToSign: vector.stringToSign,
      });
    }
  });

  it('signHuawei gives the published Authorization for every vector', () => {
    expect(result.huawei).toHaveLength(vectors.huawei.length);
    for (const [i, vector] of vectors.huawei.entries()) {
      const got = result.huawei[i]!;
      expect(got.id).toBe(vector.id);
      expect(got.authorization).toBe(vector.authorization);
      expect(got.signedHeaders).toBe(vector.signedHeaders);
      if ('canonicalRequest' in vector) expect(got.canonicalRequest).toBe(vector.canonicalRequest);
    }
  });

  it('canonicalizes the published query vectors', () => {
    for (const [i, vector] of vectors.huaweiCanonicalQuery.entries()) {
      expect(result.query[i]).toEqual({ id: vector.id, canonical: vector.expected });
    }
  });

  it('used Web Crypto, never node:crypto', () => {
    expect(result.hasProcess).toBe(false);
    expect(result.backend).toBe('web');
    expect(result.nodeCryptoLoaded).toBe(false);
    // One HMAC per SCP vector; per Huawei vector a body hash (unless empty), a canonical
    // request hash and an HMAC.
    expect(result.subtleCalls.sign).toBe(vectors.scp.length + vectors.huawei.length);
    expect(result.subtleCalls.importKey).toBe(vectors.scp.length + vectors.huawei.length);
    expect(result.subtleCalls.digest).toBeGreaterThanOrEqual(vectors.huawei.length);
  });
});
