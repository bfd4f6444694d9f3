// Differential test: our SDK-HMAC-SHA256 signer against Huawei's official Node signer
// (`AKSKSigner` in @huaweicloud/huaweicloud-sdk-core, a devDependency) on random requests. For the
// same inputs our Authorization header must equal the SDK's, and our verifier must accept what the
// SDK signed.
//
// The generators stay inside the domain where the Node SDK is itself canonical. They avoid these
// SDK quirks, each of which would make the SDK (not us) disagree with the Go/Python SDKs or the
// signing guide:
//
// 1. Path: the SDK percent-encodes `url.parse(endpoint).pathname` without decoding it first, so an
//    already-escaped `%XY` is double-encoded, and the legacy `url.parse` neither resolves `.`/`..`
//    segments nor escapes like WHATWG `URL`/fetch. Path segments are therefore built only from the
//    RFC 3986 unreserved set `A-Z a-z 0-9 - . _ ~`, and never `.` or `..` (empty segments, i.e.
//    `//` and a trailing `/`, are allowed).
// 2. Host: `url.parse` keeps an explicit default port (`host:443`, `host:80`), while we sign what
//    fetch sends (default port dropped). The generator never writes a scheme's default port (`:443`
//    for https, `:80` for http); other ports are used.
// 3. Headers: the SDK does not trim values, so values have no leading/trailing whitespace (inner
//    spaces are kept). It sorts canonical headers with `localeCompare` and SignedHeaders with
//    lodash `sortBy`; for names made of `a-z 0-9 -` starting with a letter, both agree with
//    code-unit order, so names are drawn from that set (in random letter case). It signs names
//    containing `_` (Go/Python and we leave them out), so there are none. It does not merge names
//    that differ only in case, so names are unique case-insensitively. It reads `X-Sdk-Date` and
//    `X-Sdk-Content-Sha256` case-sensitively and takes `host` from the headers, and it drops a
//    multipart Content-Type: those names are never generated at random (X-Sdk-Date is passed in
//    its exact spelling; Content-Type appears only as `application/json`).
// 4. Query: the SDK signs a decoded parameter object, not the URL. The same pairs go to the SDK as
//    an object and to us inside the URL, written by one of three encoders (RFC 3986,
//    encodeURIComponent, URLSearchParams with `+` for spaces). Keys and values are any Unicode
//    text (including reserved characters, spaces, `%`, `&`, `=`, `+` and emoji) except lone
//    surrogates, which the SDK's encoder garbles or throws on while UTF-8 encoders replace them.
// 5. Body: the SDK hashes `JSON.stringify(request.data)` and treats a falsy `data` as no body, so
//    bodies are JSON objects or arrays (or absent), and we sign the same `JSON.stringify` bytes
//    (as a string or as a Uint8Array).
// 6. Date: the SDK re-parses the X-Sdk-Date header with moment, so it is given our formatted
//    `YYYYMMDDTHHMMSSZ` value, which moment reads as UTC.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import vectors from '../fixtures/signing-vectors.json' with { type: 'json' };
import { useCryptoBackend } from '../../src/auth/hmac.js';
import { encodeRfc3986 } from '../../src/auth/rfc3986.js';
import { formatSdkDate, signHuawei, verifyHuaweiSignature } from '../../src/signing.js';

afterEach(() => useCryptoBackend('auto'));

type SdkRequest = {
  method: string;
  endpoint: string;
  headers: Record<string, string>;
  queryParams: Record<string, string | string[]>;
  data?: unknown;
};

function sdkSign(request: SdkRequest, ak: string, sk: string): Record<string, string> {
  return AKSKSigner.sign(request, { getAk: () => ak, getSk: () => sk } as never) as Record<
    string,
    string
  >;
}

/** Groups pairs by key as the SDK expects: one value as a string, several as an array. */
function toQueryParams(pairs: readonly (readonly [string, string])[]): SdkRequest['queryParams'] {
  const grouped = new Map<string, string[]>();
  for (const [k, v] of pairs) grouped.set(k, [...(grouped.get(k) ?? []), v]);
  const out: SdkRequest['queryParams'] = Object.create(null);
  for (const [k, vs] of grouped) out[k] = vs.length === 1 ? vs[0]! : vs;
  return out;
}

const QUERY_ENCODERS = {
  rfc3986: (pairs: readonly (readonly [string, string])[]) =>
    pairs.map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`).join('&'),
  encodeURIComponent: (pairs: readonly (readonly [string, string])[]) =>
    pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
  URLSearchParams: (pairs: readonly (readonly [string, string])[]) =>
    new URLSearchParams(pairs.map(([k, v]) => [k, v])).toString(),
};

const RESERVED_HEADER_NAMES = new Set([
  'host',
  'x-sdk-date',
  'x-sdk-content-sha256',
  'content-type',
  'authorization',
]);

/** Random upper/lower case for the ASCII letters of a name. */
const randomCase = (name: string) =>
  fc
    .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((flags) => [...name].map((ch, i) => (flags[i] ? ch.toUpperCase() : ch)).join(''));

const methodArb = fc.oneof(
  fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
  fc.stringMatching(/^[A-Z][A-Z_-]{0,9}$/),
);

const DEFAULT_PORTS = { https: 443, http: 80 } as const;
const schemeArb = fc.constantFrom(
  ...(Object.keys(DEFAULT_PORTS) as (keyof typeof DEFAULT_PORTS)[]),
);

const hostArb = (scheme: keyof typeof DEFAULT_PORTS) =>
  fc
    .tuple(
      fc.domain().filter((d) => {
        try {
          return new URL(`https://${d}/`).hostname === d;
        } catch {
          return false;
        }
      }),
      fc.option(
        fc.integer({ min: 1, max: 65535 }).filter((p) => p !== DEFAULT_PORTS[scheme]),
        { nil: undefined },
      ),
    )
    .chain(([domain, port]) =>
      randomCase(domain).map((d) => ({ written: port ? `${d}:${port}` : d, domain, port })),
    );

const segmentArb = fc
  .stringMatching(/^[A-Za-z0-9\-._~]{0,12}$/)
  .filter((s) => s !== '.' && s !== '..');
const pathArb = fc.array(segmentArb, { maxLength: 6 }).map((segments) => `/${segments.join('/')}`);

const textArb = fc.string({ unit: 'grapheme', maxLength: 12 });
const queryArb = fc.array(
  fc.oneof(
    fc.tuple(textArb, textArb),
    fc.tuple(fc.constantFrom('limit', 'marker', 'name', 'k'), textArb),
  ),
  { maxLength: 8 },
);

const headerValueArb = fc.oneof(fc.constant(''), fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/));
const headersArb = fc
  .uniqueArray(
    fc.tuple(
      fc
        .stringMatching(/^[a-z][a-z0-9-]{0,15}$/)
        .filter((n) => !RESERVED_HEADER_NAMES.has(n))
        .chain(randomCase),
      headerValueArb,
    ),
    { selector: ([name]) => name.toLowerCase(), maxLength: 6 },
  )
  .chain((pairs) =>
    fc
      .boolean()
      .map((withContentType) =>
        withContentType
          ? ([['Content-Type', 'application/json'], ...pairs] as [string, string][])
          : pairs,
      ),
  );

const bodyArb = fc.option(
  fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue())),
  { nil: undefined },
);

const requestArb = schemeArb.chain((scheme) =>
  fc.record({
    method: methodArb,
    scheme: fc.constant(scheme),
    host: hostArb(scheme),
    path: pathArb,
    query: queryArb,
    queryEncoder: fc.constantFrom(
      ...(Object.keys(QUERY_ENCODERS) as (keyof typeof QUERY_ENCODERS)[]),
    ),
    headers: headersArb,
    body: bodyArb,
    bodyAsBytes: fc.boolean(),
    accessKey: fc.stringMatching(/^[A-Z0-9]{20}$/),
    secretKey: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    date: fc.date({
      min: new Date('1971-01-01T00:00:00Z'),
      max: new Date('2099-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    backend: fc.constantFrom('node', 'web'),
  }),
);

describe('official Node SDK signer as oracle', () => {
  it('the oracle is wired correctly: it reproduces the signing guide vector V8', () => {
    const v8 = vectors.huawei[0]!;
    const url = new URL(v8.input.url);
    const signed = sdkSign(
      {
        method: 'GET',
        endpoint: `${url.origin}${url.pathname}`,
        headers: { 'Content-Type': 'application/json', 'X-Sdk-Date': v8.input.date },
        queryParams: Object.fromEntries(url.searchParams),
      },
      v8.input.accessKey,
      v8.input.secretKey,
    );
    expect(signed.Authorization).toBe(v8.authorization);
  });

  it('our Authorization equals the SDK one, and we verify what the SDK signed (1,000 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        useCryptoBackend(r.backend as 'node' | 'web');
        const sdkDate = formatSdkDate(r.date);
        const origin = `${r.scheme}://${r.host.written}`;
        const query = QUERY_ENCODERS[r.queryEncoder](r.query);
        const url = `${origin}${r.path}${query ? `?${query}` : ''}`;
        const json = r.body === undefined ? undefined : JSON.stringify(r.body);
        const body = json !== undefined && r.bodyAsBytes ? new TextEncoder().encode(json) : json;

        const ours = await signHuawei({
          method: r.method,
          url,
          headers: r.headers,
          body,
          accessKey: r.accessKey,
          secretKey: r.secretKey,
          date: r.date,
        });

        const sdkHeaders = sdkSign(
          {
            method: r.method,
            endpoint: `${origin}${r.path}`,
            headers: { ...Object.fromEntries(r.headers), 'X-Sdk-Date': sdkDate },
            queryParams: toQueryParams(r.query),
            data: r.body,
          },
          r.accessKey,
          r.secretKey,
        );
        expect(ours.sdkDate).toBe(sdkDate);
        expect(ours.authorization).toBe(sdkHeaders.Authorization);

        // What a server receives from the SDK-signed request: header names in any case.
        const verified = await verifyHuaweiSignature({
          method: r.method,
          url,
          headers: sdkHeaders,
          body,
          secretKey: r.secretKey,
        });
        expect(verified).toMatchObject({ ok: true, accessKey: r.accessKey });
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees on query strings full of reserved characters and repeated keys (500 cases)', async () => {
    const reservedText = fc.string({
      unit: fc.constantFrom(...' !"#$%&\'()*+,/:;<=>?@[\\]^`{|}~-._aZ9é一😀'.split(/(?:)/u)),
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'A', '_', '~', ' ', '%'), reservedText), {
          maxLength: 10,
        }),
        fc.constantFrom(...(Object.keys(QUERY_ENCODERS) as (keyof typeof QUERY_ENCODERS)[])),
        async (pairs, encoder) => {
          const date = '20240101T000000Z';
          const query = QUERY_ENCODERS[encoder](pairs);
          const ours = await signHuawei({
            method: 'GET',
            url: `https://ecs.example.com/v1/x${query ? `?${query}` : ''}`,
            accessKey: 'AK',
            secretKey: 'SK',
            date,
          });
          const sdk = sdkSign(
            {
              method: 'GET',
              endpoint: 'https://ecs.example.com/v1/x',
              headers: { 'X-Sdk-Date': date },
              queryParams: toQueryParams(pairs),
            },
            'AK',
            'SK',
          );
          expect(ours.authorization).toBe(sdk.Authorization);
        },
      ),
      { numRuns: 500 },
    );
  });
});
