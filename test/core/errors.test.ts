import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthError,
  CloudNicError,
  NetworkError,
  ResponseBodyError,
  TimeoutError,
  ValidationError,
  VersionError,
  isCloudNicError,
} from '../../src/core/index.js';

describe('error hierarchy', () => {
  const ctx = {
    provider: 'katapult' as const,
    operation: 'createVirtualMachineNetworkInterface',
    method: 'post',
    url: 'https://api.katapult.io/core/v1/virtual_machines/virtual_machine/network_interfaces',
  };

  it('every class is a CloudNicError and an Error, with its own name and kind', () => {
    const all: [CloudNicError, string, string][] = [
      [
        new ValidationError({ ...ctx, issues: [{ path: 'body.network', message: 'required' }] }),
        'ValidationError',
        'validation',
      ],
      [new ApiError({ ...ctx, status: 404, message: 'nope' }), 'ApiError', 'api'],
      [new AuthError({ ...ctx, status: 401, message: 'who?' }), 'AuthError', 'auth'],
      [
        new VersionError({ ...ctx, requested: '1.0', usable: ['1.2', '1.3'] }),
        'VersionError',
        'version',
      ],
      [new TimeoutError({ ...ctx, timeoutMs: 100, attempts: 1 }), 'TimeoutError', 'timeout'],
      [
        new NetworkError({ ...ctx, code: 'ECONNREFUSED', maybeSent: false, attempts: 4 }),
        'NetworkError',
        'network',
      ],
      [
        new ResponseBodyError({
          ...ctx,
          status: 200,
          reason: 'invalid-json',
          bytesReceived: 3,
          attempts: 1,
        }),
        'ResponseBodyError',
        'response-body',
      ],
    ];
    for (const [err, name, kind] of all) {
      expect(err).toBeInstanceOf(Error);
      expect(err).toBeInstanceOf(CloudNicError);
      expect(isCloudNicError(err)).toBe(true);
      expect(err.name).toBe(name);
      expect(err.kind).toBe(kind);
      expect(err.stack?.startsWith(`${name}: `)).toBe(true);
      expect(err.message).not.toContain('\n');
      expect(
        err.message.startsWith(
          'katapult createVirtualMachineNetworkInterface (POST /core/v1/virtual_machines/virtual_machine/network_interfaces): ',
        ),
      ).toBe(true);
      expect(err.method).toBe('POST');
    }
  });

  it('AuthError is an ApiError; the others are not', () => {
    const auth = new AuthError({ status: 403, code: 'invalid_api_token', message: 'bad token' });
    expect(auth).toBeInstanceOf(ApiError);
    expect(new ApiError({ status: 500, message: 'x' })).not.toBeInstanceOf(AuthError);
    expect(new VersionError({ requested: '2.99', usable: [] })).not.toBeInstanceOf(ApiError);
    expect(new TimeoutError({ timeoutMs: 1, attempts: 1 })).not.toBeInstanceOf(NetworkError);
  });

  it('messages are one line with status, provider code and request id', () => {
    const err = new ApiError({
      ...ctx,
      status: 422,
      code: 'validation_error',
      message: 'A validation error\noccurred\n\n(Name is too long)',
      requestId: 'rid-1',
    });
    expect(err.message).toBe(
      'katapult createVirtualMachineNetworkInterface (POST /core/v1/virtual_machines/virtual_machine/network_interfaces): HTTP 422 validation_error: A validation error occurred (Name is too long) [request id rid-1]',
    );
    expect(err.providerMessage).toBe('A validation error occurred (Name is too long)');
  });

  it('ValidationError summarises its issues; a given message replaces the generated one', () => {
    const v = new ValidationError({
      provider: 'scp',
      issues: [
        { path: 'body.fixed_ips', message: 'at most 1 item' },
        { path: 'body.subnet_id', message: 'required' },
      ],
    });
    expect(v.message).toBe(
      'scp: invalid request, nothing was sent: body.fixed_ips: at most 1 item (and 1 more)',
    );
    expect(v.issues).toHaveLength(2);
    const own = new ValidationError({
      provider: 'scp',
      issues: [],
      message: 'SCP op: custom text',
    });
    expect(own.message).toBe('SCP op: custom text');
  });

  it('VersionError, TimeoutError and NetworkError messages say what happened', () => {
    expect(
      new VersionError({
        provider: 'scp',
        requested: 'virtualserver 1.0',
        usable: ['1.2', '1.3'],
        reason: 'deprecated since 2025-12-31',
      }).message,
    ).toBe(
      'scp: version virtualserver 1.0 is not usable: deprecated since 2025-12-31; usable: 1.2, 1.3',
    );
    expect(new TimeoutError({ timeoutMs: 250, attempts: 1 }).message).toBe(
      'no complete response within 250 ms per attempt, after 1 attempt; the request may have been acted upon',
    );
    expect(new NetworkError({ code: 'ECONNREFUSED', maybeSent: false, attempts: 4 }).message).toBe(
      'network error ECONNREFUSED after 4 attempts; the request did not reach the server',
    );
  });

  it('JSON.stringify gives the public fields without stack or cause', () => {
    const err = new NetworkError({
      ...ctx,
      code: 'ECONNRESET',
      maybeSent: true,
      attempts: 1,
      cause: new Error('socket hang up'),
    });
    const json = JSON.parse(JSON.stringify(err));
    expect(json).toEqual({
      name: 'NetworkError',
      message: err.message,
      kind: 'network',
      provider: 'katapult',
      operation: 'createVirtualMachineNetworkInterface',
      method: 'POST',
      url: ctx.url,
      code: 'ECONNRESET',
      maybeSent: true,
      attempts: 1,
    });
    expect((err.cause as Error).message).toBe('socket hang up');
  });
});
