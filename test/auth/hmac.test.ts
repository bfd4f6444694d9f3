// The node:crypto HMAC is computed from two one-shot hashes over cached padded key blocks and a
// reused message buffer. It must give `createHmac`'s bytes for every key length (RFC 2104 hashes
// keys longer than the block), every message (UTF-8, lone surrogates, bytes, buffer growth) and any
// order of calls (the caches are replaced and reused between calls).
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  hmacSha256,
  hmacSha256IfReady,
  prepareCryptoBackend,
  toHex,
  useCryptoBackend,
} from '../../src/auth/hmac.js';

beforeAll(() => prepareCryptoBackend());
afterEach(() => useCryptoBackend('auto'));

type Data = string | Uint8Array;

function reference(key: Data, data: Data, encoding: 'hex' | 'base64'): string {
  return createHmac('sha256', typeof key === 'string' ? Buffer.from(key, 'utf8') : key)
    .update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    .digest(encoding);
}

async function expectSameAsCreateHmac(key: Data, data: Data): Promise<void> {
  const label = `key ${JSON.stringify(key).slice(0, 40)}, data length ${data.length}`;
  expect(hmacSha256IfReady(key, data, 'hex'), label).toBe(reference(key, data, 'hex'));
  expect(hmacSha256IfReady(key, data, 'base64'), label).toBe(reference(key, data, 'base64'));
  expect(toHex(await hmacSha256(key, data)), label).toBe(reference(key, data, 'hex'));
}

const KEYS = [
  'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
  'k',
  'x'.repeat(63),
  'x'.repeat(64),
  'x'.repeat(65),
  'é'.repeat(32), // 64 UTF-8 bytes
  'é'.repeat(33), // 66 UTF-8 bytes: hashed first
  '\ud800 lone surrogate',
  'k'.repeat(500),
];

const MESSAGES = [
  '',
  'SDK-HMAC-SHA256\n20261120T083000Z\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'héllo 一 😀 \udc00 tail',
  'q'.repeat(300), // grows the reused buffer
  'w'.repeat(70_000), // too big to keep: a buffer of its own
];

describe('node:crypto HMAC-SHA256 from one-shot hashes', () => {
  it('equals createHmac for key lengths around the block size and every kind of message', async () => {
    useCryptoBackend('node');
    for (const key of KEYS) {
      for (const message of MESSAGES) {
        await expectSameAsCreateHmac(key, message);
        await expectSameAsCreateHmac(key, new TextEncoder().encode(message));
      }
    }
  });

  it('stays correct in any order of keys, lengths and message kinds', async () => {
    useCryptoBackend('node');
    const key = fc.oneof(
      fc.constantFrom(...KEYS),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }),
    );
    const message = fc.oneof(
      fc.constantFrom(...MESSAGES.slice(0, 4)),
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.uint8Array({ maxLength: 400 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(key, message), { minLength: 1, maxLength: 12 }),
        async (calls) => {
          for (const [k, m] of calls) await expectSameAsCreateHmac(k, m);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('leaves byte keys to createHmac, with the same result', async () => {
    useCryptoBackend('node');
    const key = new Uint8Array([1, 2, 3, 250]);
    await expectSameAsCreateHmac(key, 'data');
    await expectSameAsCreateHmac(new Uint8Array(0), 'data');
  });

  it('is not used by the Web Crypto backend, which gives the same bytes', async () => {
    useCryptoBackend('web');
    expect(hmacSha256IfReady(KEYS[0]!, MESSAGES[1]!, 'hex')).toBeUndefined();
    expect(toHex(await hmacSha256(KEYS[0]!, MESSAGES[1]!))).toBe(
      reference(KEYS[0]!, MESSAGES[1]!, 'hex'),
    );
  });
});
