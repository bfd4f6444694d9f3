// SCP v2 `Scp-Signature`: published vectors (under both crypto backends), input validation, the
// verifier, and the Buffer-free base64 encoder the signature relies on.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import vectors from '../fixtures/signing-vectors.json' with { type: 'json' };
import {
  activeCryptoBackend,
  hmacSha256,
  toBase64,
  useCryptoBackend,
} from '../../src/auth/hmac.js';
import {
  SCP_DEFAULT_CLIENT_TYPE,
  scpStringToSign,
  signScp,
  verifyScpSignature,
} from '../../src/signing.js';

const BACKENDS = ['node', 'web'] as const;

afterEach(() => useCryptoBackend('auto'));

const base = vectors.scp[0]!.input;

describe('published vectors (scp.md section 4)', () => {
  for (const backend of BACKENDS) {
    for (const v of vectors.scp) {
      it(`${v.id} with the ${backend} backend`, async () => {
        useCryptoBackend(backend);
        expect(await activeCryptoBackend()).toBe(backend);
        expect(scpStringToSign(v.input)).toBe(v.stringToSign);
        expect(await signScp(v.input)).toBe(v.signature);
      });
    }
  }

  it('defaults accountId to "" and clientType to Openapi', async () => {
    const { accountId: _a, clientType: _c, ...minimal } = base;
    expect(SCP_DEFAULT_CLIENT_TYPE).toBe('Openapi');
    expect(scpStringToSign(minimal)).toBe(vectors.scp[0]!.stringToSign);
    expect(await signScp(minimal)).toBe(vectors.scp[0]!.signature);
  });

  it('accepts the timestamp as a number, formatted without exponent', async () => {
    expect(await signScp({ ...base, timestamp: 1605290625682 })).toBe(vectors.scp[0]!.signature);
    expect(scpStringToSign({ ...base, timestamp: Number.MAX_SAFE_INTEGER })).toContain(
      '9007199254740991test-access-key',
    );
  });

  it('signs a URL object as its href', async () => {
    expect(await signScp({ ...base, url: new URL(base.url) })).toBe(vectors.scp[0]!.signature);
  });

  it('signs the URL byte for byte: no decoding, no re-encoding', () => {
    const url = 'https://vs.example.com/v1/servers/a%2Fb/interfaces?q=a+b&r=%C3%A9';
    expect(scpStringToSign({ ...base, url })).toBe(`POST${url}1605290625682test-access-keyOpenapi`);
  });

  it('puts accountId and clientType last, unseparated', () => {
    expect(scpStringToSign({ ...base, accountId: 'acc-1', clientType: 'OpenApi' })).toBe(
      vectors.scp[0]!.stringToSign.replace(/Openapi$/, 'acc-1OpenApi'),
    );
  });

  it('matches a direct node:crypto HMAC for random inputs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        fc.webUrl({ withQueryParameters: true }),
        fc.nat(),
        fc.stringMatching(/^[A-Za-z0-9]{1,40}$/),
        fc.string({ minLength: 1, unit: 'binary' }),
        fc.string(),
        async (method, url, timestamp, accessKey, secretKey, accountId) => {
          const clean = accountId.replace(/[\r\n\0]/g, '');
          const input = { method, url, timestamp, accessKey, secretKey, accountId: clean };
          const expected = createHmac('sha256', Buffer.from(secretKey, 'utf8'))
            .update(`${method}${url}${timestamp}${accessKey}${clean}Openapi`, 'utf8')
            .digest('base64');
          expect(await signScp(input)).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('input validation', () => {
  const secret = 'top-secret-value-123';
  const good = { ...base, secretKey: secret };

  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['method', { method: 'GE T' }, /method/],
    ['method', { method: '' }, /method/],
    ['url (relative)', { url: '/v1/servers' }, /url/],
    ['url (not a string)', { url: 42 }, /url/],
    ['url (unescaped space)', { url: 'https://h.example.com/a b' }, /url/],
    ['timestamp (not digits)', { timestamp: '16052906256.82' }, /timestamp/],
    ['timestamp (negative)', { timestamp: -1 }, /timestamp/],
    ['timestamp (unsafe number)', { timestamp: 1e21 }, /timestamp/],
    ['accessKey (empty)', { accessKey: '' }, /accessKey/],
    ['accessKey (space)', { accessKey: 'a b' }, /accessKey/],
    ['accountId (newline)', { accountId: 'a\nb' }, /accountId/],
    ['clientType (empty)', { clientType: '' }, /clientType/],
    ['secretKey (empty)', { secretKey: '' }, /secretKey/],
    ['secretKey (missing)', { secretKey: undefined }, /secretKey/],
  ];
  for (const [label, patch, field] of cases) {
    it(`rejects a bad ${label} with a TypeError naming the field`, async () => {
      const err = await signScp({ ...good, ...patch } as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TypeError);
      expect((err as Error).message).toMatch(field);
      expect((err as Error).message).not.toContain(secret);
    });
  }

  it('never puts the secret key in a message, even when it is the bad value', async () => {
    const err = await signScp({ ...good, secretKey: 123 as unknown as string }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).message).toBe('secretKey must be a non-empty string');
  });
});

describe('verifyScpSignature', () => {
  const secretKey = base.secretKey;

  it('accepts what signScp produced', async () => {
    const signature = await signScp(base);
    expect(await verifyScpSignature({ ...base, signature })).toBe(true);
  });

  it('accepts the published signature under both backends', async () => {
    for (const backend of BACKENDS) {
      useCryptoBackend(backend);
      for (const v of vectors.scp) {
        expect(await verifyScpSignature({ ...v.input, signature: v.signature })).toBe(true);
      }
    }
  });

  const tampered: [string, Record<string, unknown>][] = [
    ['a wrong secret key', { secretKey: 'test-secret-kez' }],
    ['another method', { method: 'GET' }],
    ['another URL', { url: base.url.replace('/interfaces', '/interfaces/') }],
    ['a query added', { url: `${base.url}?x=1` }],
    ['another timestamp', { timestamp: '1605290625683' }],
    ['another access key', { accessKey: 'test-access-kez' }],
    ['an account id added', { accountId: 'x' }],
    ['the v1 client type', { clientType: 'OpenApi' }],
  ];
  for (const [label, patch] of tampered) {
    it(`rejects ${label}`, async () => {
      const signature = await signScp(base);
      expect(await verifyScpSignature({ ...base, ...patch, signature })).toBe(false);
    });
  }

  it('rejects malformed or missing signatures and malformed request fields without throwing', async () => {
    const signature = await signScp(base);
    expect(await verifyScpSignature({ ...base, signature: '' })).toBe(false);
    expect(await verifyScpSignature({ ...base, signature: signature.slice(0, -1) })).toBe(false);
    expect(await verifyScpSignature({ ...base, signature: `${signature}=` })).toBe(false);
    expect(await verifyScpSignature({ ...base, signature: undefined as never })).toBe(false);
    expect(await verifyScpSignature({ ...base, timestamp: 'abc', signature })).toBe(false);
    expect(await verifyScpSignature({ ...base, method: 'G T', signature })).toBe(false);
  });

  it('throws a TypeError without the value for a bad secret key', async () => {
    const signature = await signScp(base);
    await expect(verifyScpSignature({ ...base, secretKey: '', signature })).rejects.toThrow(
      TypeError,
    );
    const err = await verifyScpSignature({
      ...base,
      secretKey: [secretKey] as unknown as string,
      signature,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).not.toContain(secretKey);
  });
});

describe('crypto backends agree', () => {
  it('HMAC-SHA256 is identical under node and web for random keys and data', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.uint8Array({ maxLength: 200 })),
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.uint8Array({ maxLength: 300 })),
        async (key, data) => {
          useCryptoBackend('node');
          const viaNode = await hmacSha256(key, data);
          useCryptoBackend('web');
          const viaWeb = await hmacSha256(key, data);
          expect(toBase64(viaWeb)).toBe(toBase64(viaNode));
          const reference = createHmac('sha256', typeof key === 'string' ? key : Buffer.from(key))
            .update(typeof data === 'string' ? data : Buffer.from(data))
            .digest('base64');
          expect(toBase64(viaNode)).toBe(reference);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an empty HMAC key gives the same result on both backends', async () => {
    useCryptoBackend('web');
    const viaWeb = toBase64(await hmacSha256('', 'data'));
    useCryptoBackend('node');
    expect(toBase64(await hmacSha256(new Uint8Array(0), 'data'))).toBe(viaWeb);
  });

  it('auto picks node:crypto on Node', async () => {
    useCryptoBackend('auto');
    expect(await activeCryptoBackend()).toBe('node');
    expect(() => useCryptoBackend('deno' as never)).toThrow(TypeError);
  });
});

describe('toBase64', () => {
  it('matches Buffer for every length and padding case', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 500 },
    );
    expect(toBase64(new Uint8Array([]))).toBe('');
    expect(toBase64(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
  });
});
