// BufferedResponse behaves like a Response over its bytes: each body method reads once, clones
// are independent, the stream is there for those who want it, and json() hands out the value the
// resilient fetch parsed (once; a second read fails like any consumed body).
import { describe, expect, it } from 'vitest';
import { BufferedResponse } from '../../src/core/buffered-response.js';

const encode = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
const original = (init: ResponseInit = {}) =>
  new Response('ignored', {
    status: 201,
    statusText: 'Created',
    headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'X-Id': 'r1' },
    ...init,
  });

describe('BufferedResponse', () => {
  it('keeps status and headers, drops the encoding and states the real length', () => {
    const r = new BufferedResponse(original(), encode('{"a":1}'));
    expect([r.status, r.statusText, r.ok]).toEqual([201, 'Created', true]);
    expect(r.headers.get('x-id')).toBe('r1');
    expect(r.headers.get('content-encoding')).toBeNull();
    expect(r.headers.get('content-length')).toBe('7');
  });

  it('answers json() with the value given, once, then refuses like a consumed body', async () => {
    const value = { a: 1 };
    const r = new BufferedResponse(original(), encode('{"a":1}'), { value });
    expect(r.bodyUsed).toBe(false);
    expect(await r.json()).toBe(value);
    expect(r.bodyUsed).toBe(true);
    await expect(r.text()).rejects.toThrow(TypeError);
    expect(() => r.clone()).toThrow(TypeError);
  });

  it('parses, decodes and copies the bytes when nothing was parsed before', async () => {
    const bytes = encode('{"b":[1,2]}');
    expect(await new BufferedResponse(original(), bytes).json()).toEqual({ b: [1, 2] });
    expect(await new BufferedResponse(original(), bytes).text()).toBe('{"b":[1,2]}');
    const copy = new Uint8Array(await new BufferedResponse(original(), bytes).arrayBuffer());
    copy[0] = 0;
    expect(bytes[0]).toBe('{'.charCodeAt(0));
    const blob = await new BufferedResponse(original(), bytes).blob();
    expect([blob.type, await blob.text()]).toEqual(['application/json', '{"b":[1,2]}']);
  });

  it('clones into independent responses (the parsed value is not shared)', async () => {
    const r = new BufferedResponse(original(), encode('{"c":3}'), { value: { c: 3 } });
    const c = r.clone();
    const first = await r.json();
    const second = await c.json();
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });

  it('offers the body as a stream, after which the methods read that stream', async () => {
    const r = new BufferedResponse(original(), encode('streamed'));
    const reader = r.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('streamed');
    expect(r.bodyUsed).toBe(true);
    await expect(r.text()).rejects.toThrow(TypeError);
  });

  it('has no body for null-body answers', async () => {
    const r = new BufferedResponse(new Response(null, { status: 204 }), null);
    expect(r.body).toBeNull();
    expect(await r.text()).toBe('');
  });
});
