// signHuawei reads a string URL in the simple canonical form without `new URL`, and for a plain
// path and query (unreserved characters, `=` and `&`) it skips decoding: the path is used as it
// is and the query parts are sorted in place (or kept whole when already in order). A `URL`
// object always takes the general path (WHATWG parts, decode and re-encode every key and value),
// so signing the same URL both ways must give the same canonical request.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simpleUrlParts } from '../../src/auth/inputs.js';
import { huaweiCanonicalQueryString, huaweiCanonicalRequest } from '../../src/signing.js';

const DATE = '20261120T083000Z';

async function canonicalBothWays(url: string): Promise<[string, string]> {
  const viaString = await huaweiCanonicalRequest({ method: 'GET', url, date: DATE });
  const viaUrl = await huaweiCanonicalRequest({ method: 'GET', url: new URL(url), date: DATE });
  return [viaString.canonicalRequest, viaUrl.canonicalRequest];
}

/** Short strings over a few unreserved characters, so that keys share prefixes and repeat. */
const word = fc.string({
  unit: fc.constantFrom('a', 'b', 'B', '0', '-', '.', '_', '~'),
  maxLength: 3,
});

describe('plain URL fast paths of signHuawei', () => {
  it('give the canonical request of the general path for random plain queries', async () => {
    const part = fc.oneof(
      fc.tuple(word, word).map(([k, v]) => `${k}=${v}`),
      word, // a key without "="
      fc.tuple(word, word, word).map(([k, v, w]) => `${k}=${v}=${w}`), // "=" in the value
      fc.constant(''), // empty part ("&&")
    );
    const query = fc.array(part, { maxLength: 6 }).map((parts) => parts.join('&'));
    const path = fc.array(word, { maxLength: 4 }).map((segments) => `/${segments.join('/')}`);
    let plain = 0;
    await fc.assert(
      fc.asyncProperty(path, query, fc.boolean(), async (p, q, sorted) => {
        const search = sorted ? q.split('&').sort().join('&') : q;
        const url = `https://h.example${p}${search === '' ? '' : `?${search}`}`;
        if (simpleUrlParts(url)?.plain) plain++;
        const [viaString, viaUrl] = await canonicalBothWays(url);
        expect(viaString, url).toBe(viaUrl);
      }),
      { numRuns: 1000 },
    );
    // The property only means something if the plain path is taken often.
    expect(plain).toBeGreaterThan(500);
  });

  it('orders keys that are prefixes of each other, and equal keys by value', async () => {
    for (const q of [
      'a-b=1&a=2',
      'a=2&a-b=1',
      'a=1&a',
      'a&a=1',
      'a=&a',
      'ab=1&a=2&a.=3&a0=4&A=5&_=6&~=7&=8',
      'k=2&k=10&k=1',
      'limit=10&marker=x',
      'marker=x&limit=10',
      'a=b=c&a=b',
    ]) {
      const [viaString, viaUrl] = await canonicalBothWays(`https://h.example/x?${q}`);
      expect(viaString, q).toBe(viaUrl);
      expect(viaString.split('\n')[2], q).toBe(huaweiCanonicalQueryString(`?${q}`));
    }
  });
});
