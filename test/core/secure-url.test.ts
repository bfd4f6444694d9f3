import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  assertCredentialSafeUrl,
  isCredentialSafeUrl,
  isLoopbackHost,
} from '../../src/core/index.js';

describe('assertCredentialSafeUrl', () => {
  it('accepts https anywhere', () => {
    expect(
      assertCredentialSafeUrl('https://identity.api.rackspacecloud.com/v2.0', 'authUrl'),
    ).toBeInstanceOf(URL);
    expect(assertCredentialSafeUrl(new URL('https://10.0.0.1:5000/v3'), 'authUrl').port).toBe(
      '5000',
    );
  });

  it('accepts plain http only to loopback', () => {
    for (const url of [
      'http://localhost:8774/v2.1',
      'http://LOCALHOST/',
      'http://127.0.0.1:1234/',
      'http://127.45.6.7/',
      'http://[::1]:9000/',
      'http://[::ffff:127.0.0.1]/', // the URL parser writes it [::ffff:7f00:1]
      'http://[0:0:0:0:0:0:0:1]/', // ... and this one [::1]
      'http://127.1/', // ... and this one 127.0.0.1
    ]) {
      expect(isCredentialSafeUrl(url), url).toBe(true);
    }
  });

  it('rejects plain http elsewhere with a typed ValidationError (nothing sent)', () => {
    for (const url of [
      'http://example.com/',
      'http://10.0.0.1/',
      'http://128.0.0.1/',
      'http://localhost.example.com/',
      'http://[::2]/',
      'http://[::ffff:10.0.0.1]/',
      'http://0.0.0.0/',
    ]) {
      expect(isCredentialSafeUrl(url), url).toBe(false);
    }
    let err: unknown;
    try {
      assertCredentialSafeUrl('http://api.katapult.io/core/v1', 'baseUrl', {
        provider: 'katapult',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({
      kind: 'validation',
      provider: 'katapult',
      issues: [{ path: 'baseUrl' }],
    });
    expect((err as Error).message).toMatch(
      /^katapult: invalid request, nothing was sent: baseUrl: /,
    );
  });

  it('rejects other schemes, relative URLs and embedded credentials without echoing them', () => {
    expect(isCredentialSafeUrl('ftp://localhost/')).toBe(false);
    expect(isCredentialSafeUrl('/v2.1/servers')).toBe(false);
    let err: Error | undefined;
    try {
      assertCredentialSafeUrl('https://user:hunter2secret@example.com/', 'authUrl');
    } catch (e) {
      err = e as Error;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect(err?.message).not.toContain('hunter2secret');
  });

  it('isLoopbackHost', () => {
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('127.0.0.256')).toBe(false);
    expect(isLoopbackHost('example.com')).toBe(false);
  });
});
