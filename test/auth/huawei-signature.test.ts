// Huawei SDK-HMAC-SHA256: published vectors (official guide V8, Python SDK V3/V4, Go/Python query
// vector) under both crypto backends, each canonicalization rule, input validation and the verifier.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import vectors from '../fixtures/signing-vectors.json' with { type: 'json' };
import { sha256Hex, toHex, useCryptoBackend } from '../../src/auth/hmac.js';
import { encodeRfc3986, percentDecodeToBytes } from '../../src/auth/rfc3986.js';
import {
  EMPTY_BODY_SHA256,
  formatSdkDate,
  huaweiCanonicalQueryString,
  huaweiCanonicalRequest,
  huaweiCanonicalUri,
  huaweiPayloadHash,
  huaweiStringToSign,
  parseHuaweiAuthorization,
  signHuawei,
  verifyHuaweiSignature,
  type HuaweiSignInput,
  type HuaweiVerifyResult,
} from '../../src/signing.js';

const BACKENDS = ['node', 'web'] as const;

afterEach(() => useCryptoBackend('auto'));

const [v8, v3, v4] = vectors.huawei as [
  (typeof vectors.huawei)[number] & { canonicalRequestSha256: string },
  (typeof vectors.huawei)[number],
  (typeof vectors.huawei)[number] & { bodySha256: string },
];
const queryVector = vectors.huaweiCanonicalQuery[0]!;

/** The canonical request with one line replaced (0-based index). */
function withLine(canonicalRequest: string, index: number, line: string): string {
  const lines = canonicalRequest.split('\n');
  lines[index] = line;
  return lines.join('\n');
}

describe('published vectors', () => {
  for (const backend of BACKENDS) {
    describe(`${backend} backend`, () => {
      it('V8, the signing guide example: canonical request, its SHA-256, Authorization', async () => {
        useCryptoBackend(backend);
        const signed = await signHuawei(v8.input);
        expect(signed.canonicalRequest).toBe(v8.canonicalRequest);
        expect(await sha256Hex(signed.canonicalRequest)).toBe(v8.canonicalRequestSha256);
        expect(signed.signedHeaders).toBe(v8.signedHeaders);
        expect(signed.sdkDate).toBe('20191115T033655Z');
        expect(signed.authorization).toBe(v8.authorization);
      });

      it('V8 with the date as a Date object', async () => {
        useCryptoBackend(backend);
        const date = new Date(Date.UTC(2019, 10, 15, 3, 36, 55, 999));
        const signed = await signHuawei({ ...v8.input, date });
        expect(signed.sdkDate).toBe('20191115T033655Z');
        expect(signed.authorization).toBe(v8.authorization);
      });

      it('V3 (Python SDK test_signer1): GET, the TEST_UNDERSCORE header stays unsigned', async () => {
        useCryptoBackend(backend);
        const signed = await signHuawei(v3.input);
        expect(signed.canonicalRequest).toBe(v3.canonicalRequest);
        expect(signed.signedHeaders).toBe('host;x-sdk-date');
        expect(signed.authorization).toBe(v3.authorization);
      });

      it('V4 (Python SDK test_signer2): POST with a JSON body', async () => {
        useCryptoBackend(backend);
        expect(await huaweiPayloadHash(v4.input.body)).toBe(v4.bodySha256);
        const signed = await signHuawei(v4.input);
        expect(signed.canonicalRequest.endsWith(`\n${v4.bodySha256}`)).toBe(true);
        expect(signed.authorization).toBe(v4.authorization);
      });
    });
  }

  it('exposes the pieces: canonical request and string to sign of V8', async () => {
    const { accessKey: _ak, secretKey: _sk, ...request } = v8.input;
    const pieces = await huaweiCanonicalRequest(request);
    expect(pieces).toEqual({
      canonicalRequest: v8.canonicalRequest,
      signedHeaders: v8.signedHeaders,
      sdkDate: '20191115T033655Z',
    });
    expect(await huaweiStringToSign(pieces.sdkDate, pieces.canonicalRequest)).toBe(
      `SDK-HMAC-SHA256\n20191115T033655Z\n${v8.canonicalRequestSha256}`,
    );
  });

  describe('canonical query vector (Go TestSigner_canonicalQueryString, Python test)', () => {
    const params = queryVector.params as [string, string][];
    const queries = {
      'encodeURIComponent, in the given order': params
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&'),
      'URLSearchParams (spaces as +)': new URLSearchParams(params).toString(),
      'RFC 3986 escaped, reversed order': params
        .map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`)
        .reverse()
        .join('&'),
    };
    for (const [label, query] of Object.entries(queries)) {
      it(label, async () => {
        const url = new URL(`https://ecs.example.com/v1/x?${query}`);
        expect(huaweiCanonicalQueryString(url.search)).toBe(queryVector.expected);
        const signed = await signHuawei({ ...v3.input, url });
        expect(signed.canonicalRequest.split('\n')[2]).toBe(queryVector.expected);
      });
    }
  });
});

describe('canonical URI', () => {
  const cases: [string, string][] = [
    ['', '/'],
    ['/', '/'],
    ['/v1/abc', '/v1/abc/'],
    ['/v1/abc/', '/v1/abc/'],
    ['//a//b', '//a//b/'],
    ['/a-b_c.d~e/F0', '/a-b_c.d~e/F0/'],
    // Already escaped (as URL.pathname gives it): decoded once, re-encoded once.
    ['/a%20b', '/a%20b/'],
    ['/a%2Fb/c', '/a%2Fb/c/'],
    ['/a%2fb', '/a%2Fb/'],
    ['/%41%7e%2D', '/A~-/'],
    ['/100%25', '/100%25/'],
    ['/%E4%B8%80', '/%E4%B8%80/'],
    // Reserved characters allowed literally in a path are escaped, unlike encodeURIComponent.
    ["/a!b*c'd(e)f", '/a%21b%2Ac%27d%28e%29f/'],
    ['/a+b:c@d;e=f,g$h&i', '/a%2Bb%3Ac%40d%3Be%3Df%2Cg%24h%26i/'],
    // Not a valid escape: kept as a literal percent sign.
    ['/a%zz/b%', '/a%25zz/b%25/'],
    // Raw non-ASCII (hand-built strings): encoded as UTF-8.
    ['/é/😀', '/%C3%A9/%F0%9F%98%80/'],
  ];
  for (const [path, expected] of cases) {
    it(`${JSON.stringify(path)} -> ${expected}`, () => {
      expect(huaweiCanonicalUri(path)).toBe(expected);
    });
  }

  it('signs the path of a URL as fetch sends it (unescaped input is escaped by URL first)', async () => {
    const fromString = await huaweiCanonicalRequest({
      method: 'GET',
      url: 'https://h.example.com/a b/é/./x/../y',
      date: '20200101T000000Z',
    });
    expect(fromString.canonicalRequest.split('\n')[1]).toBe('/a%20b/%C3%A9/y/');
  });

  it('never double-encodes: re-encoding a canonical segment is the identity', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (segment) => {
        const once = encodeRfc3986(segment);
        expect(encodeRfc3986(percentDecodeToBytes(once))).toBe(once);
        expect(huaweiCanonicalUri(`/${once}`)).toBe(`/${once}/`.replace(/\/\/$/, '/'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('canonical query string', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['?', ''],
    ['?a=1', 'a=1'],
    ['?flag', 'flag='],
    ['?k=', 'k='],
    ['?a=1&&b=2&', 'a=1&b=2'],
    ['?q=a+b', 'q=a%20b'],
    ['?q=a%2Bb', 'q=a%2Bb'],
    ['?q=a%20b', 'q=a%20b'],
    ['?q=%7e%2a', 'q=~%2A'],
    ['?q=a=b=c', 'q=a%3Db%3Dc'],
    ['?q=100%', 'q=100%25'],
    ['?m=3&m=1&m=2&m=1', 'm=1&m=1&m=2&m=3'],
    ['?b=1&a=2&B=3&_=4&A=0', 'A=0&B=3&_=4&a=2&b=1'],
    // Sorted by the decoded key: "z" (0x7A) comes before "é" (U+00E9), though "%C3" < "z".
    ['?%C3%A9=1&z=2', 'z=2&%C3%A9=1'],
    // Sorted by decoded value too: " " (0x20) comes before "!" (0x21).
    ['?k=%21&k=+', 'k=%20&k=%21'],
  ];
  for (const [search, expected] of cases) {
    it(`${JSON.stringify(search)} -> ${JSON.stringify(expected)}`, () => {
      expect(huaweiCanonicalQueryString(search)).toBe(expected);
    });
  }

  it('leaves an empty query line in the canonical request', async () => {
    const { canonicalRequest } = await huaweiCanonicalRequest({
      method: 'GET',
      url: 'https://h.example.com/x#fragment',
      date: '20200101T000000Z',
    });
    expect(canonicalRequest.split('\n').slice(0, 3)).toEqual(['GET', '/x/', '']);
  });
});

describe('canonical headers', () => {
  const date = '20200101T000000Z';
  const url = 'https://ecs.ap-southeast-1.myhuaweicloud.com/v1/p/cloudservers/s/nics';

  it('lower-cases names, trims values, keeps inner spaces, adds host and x-sdk-date', async () => {
    const r = await huaweiCanonicalRequest({
      method: 'POST',
      url,
      date,
      headers: { 'Content-Type': '  application/json ', 'X-Project-Id': 'p  1\t' },
    });
    expect(r.canonicalRequest.split('\n').slice(3, 9)).toEqual([
      'content-type:application/json',
      'host:ecs.ap-southeast-1.myhuaweicloud.com',
      'x-project-id:p  1',
      `x-sdk-date:${date}`,
      '',
      'content-type;host;x-project-id;x-sdk-date',
    ]);
    expect(r.signedHeaders).toBe('content-type;host;x-project-id;x-sdk-date');
  });

  it('sorts by code unit, not localeCompare', async () => {
    // localeCompare puts "x-a" before "x!a"; code-unit order (0x21 < 0x2D) puts "x!a" first.
    expect('x-a'.localeCompare('x!a')).toBeLessThan(0);
    const r = await huaweiCanonicalRequest({
      method: 'GET',
      url,
      date,
      headers: { 'x-a': '1', 'X!A': '2', 'X-B': '3', Accept: '4' },
    });
    expect(r.signedHeaders).toBe('accept;host;x!a;x-a;x-b;x-sdk-date');
  });

  it('accepts Headers, [name, value] pairs and records with skipped undefined values', async () => {
    const expected = 'content-type;host;x-project-id;x-sdk-date';
    const forms = [
      new Headers({ 'content-type': 'application/json', 'x-project-id': 'p' }),
      [
        ['Content-Type', 'application/json'],
        ['X-Project-Id', 'p'],
      ] as [string, string][],
      new Map([
        ['Content-Type', 'application/json'],
        ['X-Project-Id', 'p'],
      ]),
      { 'Content-Type': 'application/json', 'X-Project-Id': 'p', 'X-Unused': undefined },
    ];
    const results = await Promise.all(
      forms.map((headers) => huaweiCanonicalRequest({ method: 'GET', url, date, headers })),
    );
    for (const r of results) {
      expect(r.signedHeaders).toBe(expected);
      expect(r.canonicalRequest).toBe(results[0]!.canonicalRequest);
    }
  });

  it('signs the own headers of a record only, as fetch sends them', async () => {
    // fetch and Headers read a record's own enumerable properties; inherited ones are not sent.
    const inherited = Object.assign(Object.create({ 'X-Inherited': 'not sent' }) as object, {
      'X-Project-Id': 'p',
    }) as Record<string, string>;
    const bare = Object.assign(Object.create(null) as object, {
      'X-Project-Id': 'p',
    }) as Record<string, string>;
    for (const headers of [inherited, bare]) {
      const r = await huaweiCanonicalRequest({ method: 'GET', url, date, headers });
      expect(r.signedHeaders).toBe('host;x-project-id;x-sdk-date');
    }
  });

  it('leaves names with "_" unsigned (as the Go and Python SDKs do)', async () => {
    const r = await huaweiCanonicalRequest({
      method: 'GET',
      url,
      date,
      headers: { X_Custom: 'a', 'x-ok': 'b' },
    });
    expect(r.signedHeaders).toBe('host;x-ok;x-sdk-date');
  });

  it('host: drops default ports, keeps others, lower-cases, keeps IPv6 brackets', async () => {
    const hostOf = async (u: string) =>
      (await huaweiCanonicalRequest({ method: 'GET', url: u, date })).canonicalRequest
        .split('\n')
        .find((l) => l.startsWith('host:'));
    expect(await hostOf('https://ECS.Example.com:443/x')).toBe('host:ecs.example.com');
    expect(await hostOf('http://ecs.example.com:80/x')).toBe('host:ecs.example.com');
    expect(await hostOf('https://ecs.example.com:80/x')).toBe('host:ecs.example.com:80');
    expect(await hostOf('http://127.0.0.1:8443/x')).toBe('host:127.0.0.1:8443');
    expect(await hostOf('http://[::1]:9000/x')).toBe('host:[::1]:9000');
  });

  it('signs a host header given by the caller instead of the URL authority', async () => {
    const r = await huaweiCanonicalRequest({
      method: 'GET',
      url: 'http://127.0.0.1:9000/x',
      date,
      headers: { Host: 'ecs.example.com' },
    });
    expect(r.canonicalRequest).toContain('\nhost:ecs.example.com\n');
  });

  it('accepts an X-Sdk-Date header equal to date and refuses a different one', async () => {
    const same = await huaweiCanonicalRequest({
      method: 'GET',
      url,
      date,
      headers: { 'X-Sdk-Date': date },
    });
    expect(same.signedHeaders).toBe('host;x-sdk-date');
    await expect(
      huaweiCanonicalRequest({
        method: 'GET',
        url,
        date,
        headers: { 'X-Sdk-Date': '20200101T000001Z' },
      }),
    ).rejects.toThrow(/X-Sdk-Date/);
  });

  it('refuses the same header twice in different case', async () => {
    await expect(
      huaweiCanonicalRequest({ method: 'GET', url, date, headers: { 'X-A': '1', 'x-a': '2' } }),
    ).rejects.toThrow(/x-a/);
  });
});

describe('body hash', () => {
  const text = '{"interfaceAttachment":{"net_id":"é"}}';

  it('hashes the exact bytes of every accepted body form', async () => {
    const bytes = new TextEncoder().encode(text);
    const expected = await sha256Hex(bytes);
    const forms = [
      text,
      bytes,
      bytes.buffer,
      new DataView(bytes.buffer),
      new Uint8Array([0, ...bytes]).subarray(1),
    ];
    for (const body of forms) expect(await huaweiPayloadHash(body)).toBe(expected);
  });

  it('uses the empty-body hash for undefined, null and ""', async () => {
    expect(await sha256Hex('')).toBe(EMPTY_BODY_SHA256);
    for (const body of [undefined, null, '', new Uint8Array(0)]) {
      expect(await huaweiPayloadHash(body)).toBe(EMPTY_BODY_SHA256);
    }
  });

  it('does not add a trailing newline (unlike Go json.Encoder)', async () => {
    expect(await huaweiPayloadHash(text)).not.toBe(await huaweiPayloadHash(`${text}\n`));
  });

  it('lets a signed X-Sdk-Content-Sha256 header replace the body hash', async () => {
    const r = await huaweiCanonicalRequest({
      method: 'PUT',
      url: 'https://obs.example.com/upload',
      date: '20200101T000000Z',
      headers: { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
      body: new Uint8Array([1, 2, 3]),
    });
    expect(r.canonicalRequest.endsWith('\nUNSIGNED-PAYLOAD')).toBe(true);
  });
});

describe('formatSdkDate', () => {
  it('formats a Date in UTC with zero padding, dropping milliseconds', () => {
    expect(formatSdkDate(new Date(Date.UTC(2019, 10, 15, 3, 36, 55)))).toBe('20191115T033655Z');
    expect(formatSdkDate(new Date(Date.UTC(2001, 0, 2, 3, 4, 5, 678)))).toBe('20010102T030405Z');
    expect(formatSdkDate(new Date('2024-02-29T23:59:59.999+08:00'))).toBe('20240229T155959Z');
  });

  it('keeps a valid formatted string and refuses anything else', () => {
    expect(formatSdkDate('20240229T235959Z')).toBe('20240229T235959Z');
    for (const bad of [
      '20230229T000000Z',
      '20200101T240000Z',
      '20200101T000000',
      '2020-01-01T00:00:00Z',
      '',
    ]) {
      expect(() => formatSdkDate(bad)).toThrow(TypeError);
    }
    expect(() => formatSdkDate(new Date(Number.NaN))).toThrow(TypeError);
    expect(() => formatSdkDate(1577836800000 as never)).toThrow(TypeError);
  });

  it('keeps the text it formatted last without checking it again, and still refuses others', () => {
    const text = formatSdkDate(new Date(Date.UTC(2026, 10, 24, 2, 40, 0)));
    expect(formatSdkDate(text)).toBe('20261124T024000Z');
    for (const bad of ['', '20261124T024000', '20261124T024060Z', `${text} `]) {
      expect(() => formatSdkDate(bad)).toThrow(TypeError);
    }
  });
});

describe('input validation', () => {
  const secret = 'very-secret-sk-value';
  const good: HuaweiSignInput = { ...v8.input, secretKey: secret };
  const cases: [string, Partial<Record<keyof HuaweiSignInput, unknown>>, RegExp][] = [
    ['method', { method: 'GET /' }, /method/],
    ['method', { method: '' }, /method/],
    ['method', { method: 'GET\n' }, /method/],
    ['url', { url: '/v1/x' }, /url/],
    ['url', { url: undefined }, /url/],
    ['accessKey', { accessKey: '' }, /accessKey/],
    ['accessKey', { accessKey: 'AK, Signature=x' }, /accessKey/],
    ['secretKey', { secretKey: '' }, /secretKey/],
    ['date', { date: 'yesterday' }, /date/],
    ['headers', { headers: { 'Bad Name': 'x' } }, /header name/],
    ['headers', { headers: { 'X-Token': `${secret}\r\nX-Evil: 1` } }, /X-Token/],
    ['headers', { headers: 'content-type: x' }, /headers/],
    ['body', { body: { a: 1 } }, /body/],
  ];
  it('accepts any method token, signed exactly as given (methods are case-sensitive)', async () => {
    for (const method of ['GET', 'DELETE', 'get', 'PROPFIND', 'M-SEARCH']) {
      const r = await huaweiCanonicalRequest({ ...v8.input, method });
      expect(r.canonicalRequest.split('\n')[0]).toBe(method);
    }
  });

  for (const [field, patch, pattern] of cases) {
    it(`rejects a bad ${field} with a TypeError naming it, never echoing the secret`, async () => {
      const err = await signHuawei({ ...good, ...patch } as HuaweiSignInput).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(TypeError);
      expect((err as Error).message).toMatch(pattern);
      expect((err as Error).message).not.toContain(secret);
    });
  }
});

describe('verifyHuaweiSignature', () => {
  const secretKey = 'verify-secret-key';
  const accessKey = 'VERIFYAK0123456789';
  const request = {
    method: 'POST',
    url: 'http://127.0.0.1:8080/v1/proj/cloudservers/srv/nics?flag&limit=2',
    headers: { 'Content-Type': 'application/json', 'X-Project-Id': 'proj' },
    body: '{"nics":[{"subnet_id":"s"}]}',
    date: '20240301T120000Z',
  };

  /** Signs `request` and returns the headers as a Node server would receive them. */
  async function received(overrides: Partial<typeof request> = {}) {
    const r = { ...request, ...overrides };
    const signed = await signHuawei({ ...r, accessKey, secretKey });
    const headers = {
      host: new URL(r.url).host,
      'content-type': r.headers['Content-Type'],
      'x-project-id': r.headers['X-Project-Id'],
      'x-sdk-date': signed.sdkDate,
      authorization: signed.authorization,
      'user-agent': 'test',
    };
    return { method: r.method, url: r.url, headers, body: r.body };
  }

  const verify = (req: Awaited<ReturnType<typeof received>>, extra: object = {}) =>
    verifyHuaweiSignature({ ...req, secretKey, ...extra });

  function expectFailure(result: HuaweiVerifyResult, reason: string) {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
    const text = JSON.stringify(result);
    expect(text).not.toContain(secretKey);
  }

  it('accepts what signHuawei produced, with either backend', async () => {
    for (const backend of BACKENDS) {
      useCryptoBackend(backend);
      const result = await verify(await received());
      expect(result).toEqual({
        ok: true,
        accessKey,
        signedHeaders: ['content-type', 'host', 'x-project-id', 'x-sdk-date'],
        sdkDate: request.date,
      });
    }
  });

  it('accepts the published V8 request', async () => {
    const result = await verifyHuaweiSignature({
      method: 'GET',
      url: v8.input.url,
      headers: {
        'Content-Type': 'application/json',
        'X-Sdk-Date': v8.input.date,
        Authorization: v8.authorization,
      },
      secretKey: v8.input.secretKey,
    });
    expect(result.ok).toBe(true);
  });

  it('accepts Headers objects, byte bodies and a host taken from the URL', async () => {
    const req = await received();
    const { host: _host, ...withoutHost } = req.headers;
    const result = await verifyHuaweiSignature({
      ...req,
      headers: new Headers(withoutHost),
      body: new TextEncoder().encode(req.body),
      lookupSecretKey: async (ak) => (ak === accessKey ? secretKey : undefined),
    });
    expect(result.ok).toBe(true);
  });

  it('ignores changes to headers that were not signed', async () => {
    const req = await received();
    const result = await verify({ ...req, headers: { ...req.headers, 'user-agent': 'other' } });
    expect(result.ok).toBe(true);
  });

  const tampering: [string, (r: Awaited<ReturnType<typeof received>>) => void][] = [
    ['the method', (r) => (r.method = 'PUT')],
    ['the path', (r) => (r.url = r.url.replace('/nics', '/nicz'))],
    ['the path (extra segment)', (r) => (r.url = r.url.replace('/nics', '/nics/x'))],
    ['the query (value)', (r) => (r.url = r.url.replace('limit=2', 'limit=3'))],
    ['the query (added key)', (r) => (r.url = `${r.url}&x=1`)],
    ['a signed header', (r) => (r.headers['x-project-id'] = 'other')],
    ['the host', (r) => (r.headers.host = '127.0.0.1:8081')],
    ['the body', (r) => (r.body = r.body.replace('"s"', '"t"'))],
    ['the body (trailing newline)', (r) => (r.body = `${r.body}\n`)],
    ['the date', (r) => (r.headers['x-sdk-date'] = '20240301T120001Z')],
    [
      'the signature',
      (r) =>
        (r.headers.authorization = r.headers.authorization.replace(/.$/, (c) =>
          c === '0' ? '1' : '0',
        )),
    ],
    [
      'the signed header list',
      (r) =>
        (r.headers.authorization = r.headers.authorization.replace(
          'content-type;host;x-project-id;x-sdk-date',
          'content-type;host;x-sdk-date',
        )),
    ],
  ];
  for (const [label, tamper] of tampering) {
    it(`rejects a tampered ${label}`, async () => {
      const req = await received();
      tamper(req);
      expectFailure(await verify(req), 'signature-mismatch');
    });
  }

  it('reports a missing Authorization header', async () => {
    const req = await received();
    const { authorization: _a, ...headers } = req.headers;
    expectFailure(
      await verifyHuaweiSignature({ ...req, headers, secretKey }),
      'missing-authorization',
    );
  });

  it('reports a malformed Authorization header', async () => {
    const req = await received();
    for (const authorization of [
      'Bearer abc',
      req.headers.authorization.replace('SDK-HMAC-SHA256', 'V11-HMAC-SHA256'),
      req.headers.authorization.replace(/Signature=\w+/, 'Signature=abc'),
      req.headers.authorization.replace('content-type;', 'Content-Type;'),
      req.headers.authorization.replace('content-type;', 'host;'),
      req.headers.authorization.replace(';x-sdk-date', ''),
    ]) {
      expectFailure(
        await verify({ ...req, headers: { ...req.headers, authorization } }),
        'bad-format',
      );
    }
  });

  it('reports an unknown access key (lookup and fixed key)', async () => {
    const req = await received();
    const viaLookup = await verifyHuaweiSignature({ ...req, lookupSecretKey: () => undefined });
    expectFailure(viaLookup, 'unknown-access-key');
    expect(viaLookup.ok === false && viaLookup.accessKey).toBe(accessKey);
    expectFailure(await verify(req, { accessKey: 'OTHERAK' }), 'unknown-access-key');
    expect((await verify(req, { accessKey })).ok).toBe(true);
  });

  it('reports a signed header missing from the request', async () => {
    const req = await received();
    const { 'x-project-id': _p, ...headers } = req.headers;
    const result = await verifyHuaweiSignature({ ...req, headers, secretKey });
    expectFailure(result, 'missing-signed-header');
    expect(result.ok === false && result.header).toBe('x-project-id');
  });

  it('reports a malformed X-Sdk-Date', async () => {
    const req = await received();
    const result = await verify({
      ...req,
      headers: { ...req.headers, 'x-sdk-date': '2024-03-01' },
    });
    expectFailure(result, 'bad-format');
  });

  it('checks the clock skew only when asked (15 minutes by default)', async () => {
    const req = await received();
    const signedAt = Date.UTC(2024, 2, 1, 12, 0, 0);
    expect((await verify(req)).ok).toBe(true);
    expect((await verify(req, { now: signedAt + 15 * 60_000 })).ok).toBe(true);
    expectFailure(await verify(req, { now: signedAt + 15 * 60_000 + 1 }), 'clock-skew');
    expectFailure(await verify(req, { now: new Date(signedAt - 16 * 60_000) }), 'clock-skew');
    expectFailure(await verify(req, { now: signedAt + 2000, maxClockSkewMs: 1000 }), 'clock-skew');
  });

  it('never includes the secret key or the expected signature in a failure', async () => {
    const req = await received();
    const good = parseHuaweiAuthorization(req.headers.authorization)!.signature;
    req.body = 'changed';
    const result = await verify(req);
    expectFailure(result, 'signature-mismatch');
    const text = JSON.stringify(result);
    expect(text).not.toContain(good);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  });

  it('needs a key source', async () => {
    const req = await received();
    await expect(verifyHuaweiSignature({ ...req })).rejects.toThrow(TypeError);
  });

  it('round-trips random requests under both backends', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'DELETE'),
        fc.webPath(),
        fc.webQueryParameters(),
        fc.dictionary(
          fc.stringMatching(/^x-[a-z0-9-]{1,12}$/).filter((n) => n !== 'x-sdk-date'),
          fc.stringMatching(/^[ -~]{0,20}$/),
          {
            maxKeys: 4,
          },
        ),
        fc.option(fc.json(), { nil: undefined }),
        fc.constantFrom(...BACKENDS),
        async (method, path, query, headers, body, backend) => {
          useCryptoBackend(backend);
          const url = `https://ecs.example.com${path}${query ? `?${query}` : ''}`;
          const signed = await signHuawei({
            method,
            url,
            headers,
            body,
            accessKey,
            secretKey,
            date: new Date(Date.UTC(2024, 0, 1)),
          });
          const result = await verifyHuaweiSignature({
            method,
            url,
            headers: {
              ...headers,
              'X-Sdk-Date': signed.sdkDate,
              Authorization: signed.authorization,
            },
            body,
            secretKey,
          });
          expect(result.ok).toBe(true);
          useCryptoBackend(backend === 'node' ? 'web' : 'node');
          const again = await signHuawei({
            method,
            url,
            headers,
            body,
            accessKey,
            secretKey,
            date: signed.sdkDate,
          });
          expect(again).toEqual(signed);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('toHex', () => {
  it('matches Buffer hex', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(toHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
      }),
    );
  });
});
