// The signers read host, path and query of a string URL without `new URL` when the string is
// already in a simple canonical form. Whenever that fast path answers, it must report exactly what
// WHATWG parsing reports; everything else must be left to the parser (and then still give the
// parser's answer through `absoluteUrlParts`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteUrlParts, requireAbsoluteUrl, simpleUrlParts } from '../../src/auth/inputs.js';

function whatwg(text: string) {
  const url = new URL(text);
  return { host: url.host, pathname: url.pathname, search: url.search };
}

/** The fast path's answer must be the parser's, field for field. */
function expectSameAsParser(text: string): void {
  const simple = simpleUrlParts(text);
  if (simple === undefined) return;
  const { plain: _plain, ...parts } = simple;
  expect(parts, text).toEqual(whatwg(text));
}

const ECS = 'https://ecs.cn-north-4.myhuaweicloud.com';
const PROJECT = '77b6a44cba5143ab91d13ab9a8ff44fd';

describe('simpleUrlParts', () => {
  it('takes the URLs clients build (ids in the path, simple query) without parsing', () => {
    const common = [
      `${ECS}/v2.1/${PROJECT}/servers/6b6a4a4b-2f4e-4c3a-8e2b-6a5f2a0e8b11/os-interface`,
      `${ECS}/v2.1/${PROJECT}/servers?limit=10&marker=ce531f90-199f-48c0-816c-13e38010b442`,
      'https://scp.example.com:8443/v1/servers/abc/interfaces?size=20&page=0',
      'http://localhost:8080/',
      'http://127-0-0-1.nip.io/x/',
      'http://127.0.0.1:41234/scp/v1/servers/abc/interfaces', // canonical IPv4 (emulators)
      'https://10.0.255.1/x?y=1',
      'https://0.0.0.0/',
      'https://199.250.249.100:8774/v2.1/servers',
      'https://a.b/c//d/?x',
      'https://h.example', // no path: "/" as the parser reports it
      'https://h.example?x=1',
    ];
    for (const text of common) {
      const simple = simpleUrlParts(text);
      expect(simple?.plain, text).toBe(true);
      expectSameAsParser(text);
    }
  });

  it('takes escapes and sub-delimiters as written, but not as plain', () => {
    for (const text of [
      'https://h.example/a%20b/%C3%A9?q=a%2Bb&r=(x)*',
      'https://h.example/a:b@c!$&()*+,;=/?k=v:w@x/y?z',
    ]) {
      expect(simpleUrlParts(text)?.plain, text).toBe(false);
      expectSameAsParser(text);
    }
  });

  it('leaves every form the parser would rewrite (or refuse) to the parser', () => {
    const rewritten = [
      'HTTPS://h.example/x', // scheme case
      'https://H.example/x', // host case
      'https://h.example:443/x', // default port
      'http://h.example:80/x',
      'https://h.example:0443/x', // leading zero
      'https://h.example:65536/x', // out of range
      'https://h.example:/x', // empty port
      'https://h.example/x?', // empty query: the parser drops it from search
      'https://h.example/a/./b', // dot segments
      'https://h.example/a/../b',
      'https://h.example/a/%2e%2E/b',
      'https://h.example/.well-known/x',
      'https://h.example/a%zz', // bare "%"
      'https://h.example/x?a=%', // bare "%" in the query
      'https://h.example/x#frag', // fragment
      'https://h.example/a b', // space
      'https://h.example/a\\b', // backslash
      "https://h.example/x?a='b'", // "'" is escaped in special-scheme queries
      'https://h.example/x|y', // characters some parsers escape
      'https://h.example/é', // non-ASCII
      'https://user:pw@h.example/', // userinfo
      'https://01.2.3.4/x', // IPv4 the parser rewrites: a leading zero (octal)
      'https://1.2.3.04/x',
      'https://1.2.3/x', // three parts
      'https://1.2.3.4.5/x', // five parts (refused)
      'https://256.1.1.1/x', // out of range (refused)
      'https://0x7f.0.0.1/x', // hexadecimal
      'https://1.2.3.4./x', // trailing dot
      'https://4294967295/x', // one number
      'https://a.0x1f/x', // ends in a number
      'https://a.1/x',
      'https://xn--nxasmq6b.example/x', // punycode
      'https://a--b.example/x',
      'https://-a.example/x',
      'https://h.example./x', // trailing dot
      'https://a..b/x',
      'https://[::1]/x', // IPv6
      'ftp://h.example/x', // not http(s)
      'https:/h.example/x',
      ' https://h.example/x', // leading space
    ];
    for (const text of rewritten) expect(simpleUrlParts(text), text).toBeUndefined();
  });

  it('agrees with the parser on random URLs built from tricky pieces', () => {
    // Mostly characters that can stay as written, some that the parser rewrites or refuses.
    const piece = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...'aZ9-._~/'.split('')) },
      {
        weight: 3,
        arbitrary: fc.constantFrom(...'!$&()*+,;=:@'.split(''), '%20', '%2F', '%C3%A9'),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          ...'%?#[]\\ |^`{}"<>\'é\t'.split(''),
          '%2e',
          '%2E',
          '%zz',
          '.',
          '..',
          '/./',
          '/../',
          '//',
          'xn--',
        ),
      },
    );
    const text = fc.string({ unit: piece, maxLength: 16 });
    const host = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constantFrom('h.example', 'a-b.c', 'a.b1', 'localhost', '127.0.0.1'),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'H.example',
          'a.1b',
          'a.0x1',
          'h.example.',
          'a--b.c',
          '255.255.255.255',
          '01.2.3.4',
          '1.2.3',
          '1.2.3.256',
          '0x7f.1.2.3',
          '1.2.3.4.',
          '1.2.3.4a',
        ),
      },
    );
    const port = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('', ':8080', ':65535') },
      { weight: 1, arbitrary: fc.constantFrom(':80', ':443', ':0', ':65536', ':08', ':') },
    );
    const url = fc
      .tuple(fc.constantFrom('http', 'https'), host, port, text, fc.option(text), fc.boolean())
      .map(
        ([scheme, h, p, path, query, slash]) =>
          `${scheme}://${h}${p}${slash ? '/' : ''}${path}${query === null ? '' : `?${query}`}`,
      );
    let fastPath = 0;
    fc.assert(
      fc.property(url, (candidate) => {
        let parses = true;
        try {
          new URL(candidate);
        } catch {
          parses = false;
        }
        if (!parses) {
          expect(simpleUrlParts(candidate)).toBeUndefined();
          return;
        }
        if (simpleUrlParts(candidate)) fastPath++;
        expectSameAsParser(candidate);
        const { plain: _plain, ...parts } = absoluteUrlParts(candidate);
        expect(parts).toEqual(whatwg(candidate));
      }),
      { numRuns: 3000 },
    );
    // The property only means something if the fast path answers often.
    expect(fastPath).toBeGreaterThan(300);
  });

  it('runs in linear time on long adversarial input', () => {
    // No timing assertion: a catastrophic backtracking pattern would simply never finish.
    for (const n of [1_000, 100_000]) {
      expect(simpleUrlParts(`https://${'a-'.repeat(n)}!`)).toBeUndefined();
      expect(simpleUrlParts(`https://${'a.'.repeat(n)}1/`)).toBeUndefined();
      expect(simpleUrlParts(`https://h.example/${'a/'.repeat(n)}?${'x=1&'.repeat(n)}#`)).toBe(
        undefined,
      );
    }
  });
});

describe('absoluteUrlParts and requireAbsoluteUrl', () => {
  it('read a URL object as it is, and keep the string as given for signing', () => {
    const url = new URL('https://H.example:443/a/../b?x=1#f');
    expect(absoluteUrlParts(url)).toEqual({
      host: 'h.example',
      pathname: '/b',
      search: '?x=1',
      plain: false,
    });
    expect(requireAbsoluteUrl(url)).toBe(url.href);
    expect(requireAbsoluteUrl('https://H.example/x')).toBe('https://H.example/x');
  });

  it('refuse relative and hostless URLs with a TypeError naming the field', () => {
    for (const bad of ['/relative', 'mailto:a@b.c', '', 42, null]) {
      expect(() => absoluteUrlParts(bad, 'endpoint')).toThrow(/endpoint/);
      expect(() => requireAbsoluteUrl(bad, 'endpoint')).toThrow(TypeError);
    }
  });
});
