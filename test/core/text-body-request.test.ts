// TextBodyRequest remembers the body text it was built with, so nothing downstream clones the body
// stream; whatever it cannot see as text stays unknown and is read from the request instead.
import { describe, expect, it } from 'vitest';
import {
  carryRequestOptions,
  knownBodyText,
  mayBeAborted,
  requestBodyAsSent,
  requestBodyText,
  TextBodyRequest,
} from '../../src/core/request-options.js';

const URL_ = 'http://127.0.0.1/x';

describe('TextBodyRequest', () => {
  it('knows a string body, and that a bodiless request has none', async () => {
    const post = new TextBodyRequest(URL_, { method: 'POST', body: '{"a":1}' });
    expect(knownBodyText(post)).toBe('{"a":1}');
    expect(await requestBodyText(post)).toBe('{"a":1}');
    expect(await post.text()).toBe('{"a":1}'); // the real body is untouched
    expect(knownBodyText(new TextBodyRequest(URL_))).toBeNull();
  });

  it('inherits the text of the request it copies, unless given a new body', () => {
    const first = new TextBodyRequest(URL_, { method: 'PUT', body: 'one' });
    expect(knownBodyText(new TextBodyRequest(first))).toBe('one');
    expect(knownBodyText(new TextBodyRequest(first, { body: 'two' }))).toBe('two');
  });

  it('leaves bytes and plain requests unknown, and reads those from a clone', async () => {
    const bytes = new TextBodyRequest(URL_, { method: 'POST', body: new Uint8Array([104, 105]) });
    expect(knownBodyText(bytes)).toBeUndefined();
    expect(await requestBodyText(bytes)).toBe('hi');
    const plain = new Request(URL_, { method: 'POST', body: 'plain' });
    expect(knownBodyText(plain)).toBeUndefined();
    expect(await requestBodyText(plain)).toBe('plain');
    expect(await plain.text()).toBe('plain');
    expect(await requestBodyText(new Request(URL_))).toBeNull();
  });

  it('is never carried to a rebuilt request, whose body may differ', () => {
    const from = new TextBodyRequest(URL_, { method: 'POST', body: 'old' });
    const to = carryRequestOptions(from, new Request(URL_, { method: 'POST', body: 'new' }));
    expect(knownBodyText(to)).toBeUndefined();
  });

  it('gives the body as sent: the known text, else the exact bytes', async () => {
    const text = new TextBodyRequest(URL_, { method: 'POST', body: '{"a":1}' });
    expect(await requestBodyAsSent(text)).toBe('{"a":1}');
    const raw = new Uint8Array([0xff, 0x00, 0x7b]);
    const bytes = new Request(URL_, { method: 'POST', body: raw });
    expect(await requestBodyAsSent(bytes)).toEqual(raw);
    expect(await requestBodyAsSent(new Request(URL_))).toBeNull();
  });

  it('knows when no caller signal can abort it, and assumes one can otherwise', () => {
    const controller = new AbortController();
    const free = () => new TextBodyRequest(URL_, { method: 'POST', body: '{}' });
    expect(mayBeAborted(free())).toBe(false);
    expect(mayBeAborted(new TextBodyRequest(free()))).toBe(false);
    const withSignal = new TextBodyRequest(URL_, { signal: controller.signal });
    expect(mayBeAborted(withSignal)).toBe(true);
    // A copy follows the signal of the request it copies.
    expect(mayBeAborted(new TextBodyRequest(withSignal))).toBe(true);
    expect(mayBeAborted(new TextBodyRequest(free(), { signal: controller.signal }))).toBe(true);
    // Anything not built here is assumed abortable.
    expect(mayBeAborted(new Request(URL_))).toBe(true);
    expect(mayBeAborted(new TextBodyRequest(new Request(URL_)))).toBe(true);
  });
});
