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
  hmacSha256JoinedIfReady,
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

/** createHmac over the UTF-8 bytes of `head`, then those of `tail`. */
function joinedReference(key: Data, head: string, tail: string, encoding: 'hex' | 'base64') {
  return createHmac('sha256', typeof key === 'string' ? Buffer.from(key, 'utf8') : key)
    .update(Buffer.from(head, 'utf8'))
    .update(Buffer.from(tail, 'utf8'))
    .digest(encoding);
}

function expectJoinedSameAsCreateHmac(key: Data, head: string, tail: string): void {
  const label = `key ${JSON.stringify(key).slice(0, 40)}, head ${JSON.stringify(head).slice(0, 40)}, tail length ${tail.length}`;
  for (const encoding of ['hex', 'base64'] as const) {
    expect(hmacSha256JoinedIfReady(key, head, tail, encoding), label).toBe(
      joinedReference(key, head, tail, encoding),
    );
  }
}

// The Huawei string to sign is one head per second followed by a fresh hex digest; the HMAC keeps
// the head's bytes in its message buffer while the head stays the same, so every way of changing
// head, tail, key or buffer between calls must still give createHmac's bytes.
describe('node:crypto HMAC-SHA256 of a head and a tail', () => {
  const HEADS = [
    'SDK-HMAC-SHA256\n20261120T083000Z\n',
    'SDK-HMAC-SHA256\n20261120T083001Z\n',
    '',
    'héllo 一 😀 ',
    'h'.repeat(200), // a long head: the tail then needs a grown buffer
  ];
  const hexTail = fc.string({
    unit: fc.constantFrom(...'0123456789abcdef'),
    minLength: 64,
    maxLength: 64,
  });

  it('equals createHmac over both parts for the string to sign and tricky heads', () => {
    useCryptoBackend('node');
    const digest = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    for (const key of KEYS) {
      for (const head of HEADS) {
        for (const tail of [digest, '', 'héllo 一 😀 \udc00 tail', 'q'.repeat(300)]) {
          expectJoinedSameAsCreateHmac(key, head, tail);
          expectJoinedSameAsCreateHmac(key, head, tail); // the head's bytes kept from the last call
        }
      }
    }
  });

  it('stays correct however calls of both kinds, keys, heads and tails follow each other', async () => {
    useCryptoBackend('node');
    // Mostly two keys and two heads, so that calls often find the same key and head as before.
    const key = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(KEYS[0]!, KEYS[1]!) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }) },
    );
    const head = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(HEADS[0]!, HEADS[1]!) },
      { weight: 1, arbitrary: fc.constantFrom(...HEADS.slice(2)) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 150 }) },
    );
    const tail = fc.oneof(hexTail, fc.string({ unit: 'binary', maxLength: 400 }));
    const call = fc.oneof(
      fc.record({ kind: fc.constant('joined' as const), key, head, tail }),
      fc.record({
        kind: fc.constant('whole' as const),
        key,
        message: fc.string({ maxLength: 400 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 16 }), async (calls) => {
        for (const c of calls) {
          if (c.kind === 'joined') expectJoinedSameAsCreateHmac(c.key, c.head, c.tail);
          else await expectSameAsCreateHmac(c.key, c.message); // writes over the kept head
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does not keep a head over a message written in between, nor over a grown buffer', async () => {
    useCryptoBackend('node');
    const [key, head] = [KEYS[0]!, HEADS[0]!];
    expectJoinedSameAsCreateHmac(key, head, 'first');
    await expectSameAsCreateHmac(key, 'another message written where the head was');
    expectJoinedSameAsCreateHmac(key, head, 'second');
    expectJoinedSameAsCreateHmac(key, head, 'x'.repeat(5000)); // grows the buffer
    expectJoinedSameAsCreateHmac(key, head, 'third');
    expectJoinedSameAsCreateHmac(KEYS[1]!, head, 'another key');
    expectJoinedSameAsCreateHmac(key, head, 'first key again');
  });

  it('joins the bytes of both parts: a surrogate pair split between them is two U+FFFD', () => {
    useCryptoBackend('node');
    const [high, low] = ['\ud83d', '\ude00']; // 😀 split in two
    expectJoinedSameAsCreateHmac(KEYS[0]!, `a${high}`, `${low}b`);
    expect(hmacSha256JoinedIfReady(KEYS[0]!, `a${high}`, `${low}b`, 'hex')).toBe(
      reference(KEYS[0]!, 'a\ufffd\ufffdb', 'hex'),
    );
  });

  it('leaves byte keys and parts too long for the reused buffer to the general path', () => {
    useCryptoBackend('node');
    expectJoinedSameAsCreateHmac(new Uint8Array([1, 2, 3, 250]), HEADS[0]!, 'tail');
    expectJoinedSameAsCreateHmac(KEYS[0]!, HEADS[0]!, 'w'.repeat(70_000));
    expectJoinedSameAsCreateHmac(KEYS[0]!, HEADS[0]!, 'short again');
  });

  it('answers undefined on the Web Crypto backend', () => {
    useCryptoBackend('web');
    expect(hmacSha256JoinedIfReady(KEYS[0]!, HEADS[0]!, 'tail', 'hex')).toBeUndefined();
  });
});
