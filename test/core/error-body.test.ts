import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthError,
  VersionError,
  errorFromResponse,
  parseProviderError,
  parseRetryAfter,
  requestIdFromHeaders,
  summarizeHtml,
} from '../../src/core/index.js';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

function parse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  provider?: Parameters<typeof parseProviderError>[0]['provider'],
) {
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  return parseProviderError({ status, headers, bodyText, provider, now: NOW });
}

describe('parseProviderError: JSON shapes', () => {
  it('SCP 400 ValidationErrorModel[]', () => {
    const r = parse(
      400,
      [
        { loc: ['body', 'subnet_id'], msg: 'field required', type_: 'value_error.missing' },
        { loc: ['body', 'fixed_ips', 0, 'ip_address'], msg: 'not a valid IPv4', type_: 'x' },
      ],
      {},
      'scp',
    );
    expect(r.code).toBe('value_error.missing');
    expect(r.message).toBe(
      'body.subnet_id: field required; body.fixed_ips.0.ip_address: not a valid IPv4',
    );
    expect(Array.isArray(r.body)).toBe(true);
  });

  it('SCP unknown body shapes', () => {
    expect(parse(403, { message: 'Access denied', code: 'IAM-403' }, {}, 'scp')).toMatchObject({
      code: 'IAM-403',
      message: 'Access denied',
    });
    expect(parse(404, { detail: 'Server not found' }, {}, 'scp')).toMatchObject({
      message: 'Server not found',
    });
    expect(parse(409, { unexpected: [1, 2] }, {}, 'scp')).toMatchObject({
      message: 'HTTP 409 Conflict',
    });
  });

  it('Huawei ECS {"error":{code,message,details}}', () => {
    const r = parse(
      400,
      {
        error: {
          message: 'request body is illegal.',
          code: 'Ecs.0005',
          details: [{ code: 'Ecs.0005', message: 'nics must not be empty' }],
        },
      },
      { 'X-Request-Id': 'req-huawei-1' },
      'huawei',
    );
    expect(r).toMatchObject({
      code: 'Ecs.0005',
      message: 'request body is illegal. (nics must not be empty)',
      requestId: 'req-huawei-1',
    });
  });

  it('Huawei gateway flat {error_code,error_msg,request_id}', () => {
    const r = parse(
      401,
      {
        error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
        error_code: 'APIGW.0301',
        request_id: 'b3f1c0de',
      },
      {},
      'huawei',
    );
    expect(r).toMatchObject({
      code: 'APIGW.0301',
      message: 'Incorrect IAM authentication information: verify aksk signature fail',
      requestId: 'b3f1c0de',
    });
  });

  it('Nova fault with retryAfter and the compute request id header', () => {
    const r = parse(
      429,
      { overLimit: { code: 429, message: 'This request was rate-limited.', retryAfter: '7' } },
      { 'X-Compute-Request-Id': 'req-abc', 'Content-Type': 'application/json; charset=UTF-8' },
      'openstack',
    );
    expect(r).toMatchObject({
      code: 'overLimit',
      message: 'This request was rate-limited.',
      requestId: 'req-abc',
      retryAfterMs: 7000,
    });
    expect(
      parse(404, { itemNotFound: { code: 404, message: 'Instance x could not be found.' } }),
    ).toMatchObject({ code: 'itemNotFound', message: 'Instance x could not be found.' });
  });

  it('keystone 401 {"error":{code,title,message}}', () => {
    const r = parse(
      401,
      {
        error: {
          code: 401,
          title: 'Unauthorized',
          message: 'The request you have made requires authentication.',
        },
      },
      { 'x-openstack-request-id': 'req-ks' },
      'openstack',
    );
    expect(r).toMatchObject({
      code: 'Unauthorized',
      message: 'The request you have made requires authentication.',
      requestId: 'req-ks',
    });
  });

  it('Rackspace fault with details and retryAt', () => {
    const r = parse(
      413,
      {
        overLimit: {
          code: 413,
          message: 'OverLimit Retry...',
          details: 'Error Details...',
          retryAt: new Date(NOW + 42_000).toISOString(),
        },
      },
      { 'X-Compute-Request-Id': 'req-rax' },
      'rackspace',
    );
    expect(r).toMatchObject({
      code: 'overLimit',
      message: 'OverLimit Retry... (Error Details...)',
      retryAfterMs: 42_000,
      requestId: 'req-rax',
    });
  });

  it('Katapult {"error":{code,description,detail}}', () => {
    const r = parse(
      404,
      {
        error: {
          code: 'virtual_machine_not_found',
          description:
            'No virtual machine was found matching any of the criteria provided in the arguments',
          detail: {},
        },
      },
      { 'X-Request-Id': '5d0c9e0e-1111-4222-8333-944445555666', 'X-Api-Schema': 'json-error' },
      'katapult',
    );
    expect(r).toMatchObject({
      code: 'virtual_machine_not_found',
      message:
        'No virtual machine was found matching any of the criteria provided in the arguments',
      requestId: '5d0c9e0e-1111-4222-8333-944445555666',
    });
    const v = parse(422, {
      error: {
        code: 'validation_error',
        description: 'A validation error occurred',
        detail: { errors: ['Name is too long'] },
      },
    });
    expect(v.message).toBe('A validation error occurred (Name is too long)');
    const s = parse(403, {
      error: { code: 'scope_not_granted', description: 'Scope missing', detail: { scopes: ['a'] } },
    });
    expect(s.message).toBe('Scope missing (scopes: a)');
  });
});

describe('parseProviderError: non-JSON bodies', () => {
  it('HTML error page: title, tags stripped, whitespace collapsed', () => {
    const html = `<!DOCTYPE html>
<html><head><title>
  502   Bad&nbsp;Gateway &amp; friends
</title><style>body{}</style></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>`;
    const r = parse(502, html, { 'Content-Type': 'text/html' });
    expect(r.message).toBe('502 Bad Gateway & friends');
    expect(r.code).toBeUndefined();
    expect(typeof r.body).toBe('string');
  });

  it('HTML page without a title uses the first heading; caps long text', () => {
    expect(
      parse(503, '<html><body><h2>Service <b>temporarily</b> down</h2><p>x</p></body></html>')
        .message,
    ).toBe('Service temporarily down');
    const long = summarizeHtml(`<div>${'word '.repeat(500)}</div>`);
    expect(long.length).toBeLessThanOrEqual(300);
    expect(long.endsWith('…')).toBe(true);
  });

  it('HTML served with a JSON content type is still summarised as HTML', () => {
    const r = parse(502, '<html><head><title>Bad Gateway</title></head></html>', {
      'content-type': 'application/json',
    });
    expect(r.message).toBe('Bad Gateway');
  });

  it('plain text (Repose-style 403)', () => {
    const r = parse(403, 'Forbidden\n\n   Access was denied to this resource.\n', {
      'Content-Type': 'text/plain',
    });
    expect(r.message).toBe('Forbidden Access was denied to this resource.');
  });

  it('empty 500', () => {
    const r = parse(500, '', {});
    expect(r).toEqual({ message: 'HTTP 500 Internal Server Error', body: undefined });
  });

  it('truncated JSON: salvages message and code', () => {
    const r = parse(
      400,
      '{"error": {"message": "request body is illegal.", "code": "Ecs.0005", "det',
      { 'content-type': 'application/json' },
    );
    expect(r.code).toBe('Ecs.0005');
    expect(r.message).toBe('request body is illegal. (response body is incomplete JSON)');
    expect(typeof r.body).toBe('string');
  });

  it('truncated JSON with nothing to salvage', () => {
    const r = parse(503, '{"serviceUnavai', { 'content-type': 'application/json' });
    expect(r.message).toBe('HTTP 503 Service Unavailable (response body is not valid JSON)');
  });

  it('caps long text bodies', () => {
    const r = parse(500, 'x'.repeat(10_000));
    expect((r.body as string).length).toBeLessThanOrEqual(2001);
    expect(r.message.length).toBeLessThanOrEqual(300);
  });
});

describe('Retry-After and request ids', () => {
  it('parses seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000);
    expect(parseRetryAfter(new Date(NOW - 30_000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
  });

  it('header Retry-After wins over a body hint', () => {
    const r = parse(
      429,
      { overLimit: { code: 429, message: 'slow down', retryAfter: '60' } },
      { 'Retry-After': new Date(NOW + 5_000).toUTCString() },
    );
    expect(r.retryAfterMs).toBe(5_000);
  });

  it('reads the usual request-id headers in order', () => {
    expect(requestIdFromHeaders(new Headers({ 'X-Openstack-Request-Id': 'a' }))).toBe('a');
    expect(requestIdFromHeaders({ 'x-compute-request-id': 'b', 'x-request-id': 'c' })).toBe('b');
    expect(requestIdFromHeaders({ 'X-Trace-Id': 'd' })).toBe('d');
    expect(requestIdFromHeaders({})).toBeUndefined();
  });
});

describe('errorFromResponse', () => {
  const ctx = { operation: 'op', method: 'POST', url: 'https://api.example.com/x' };

  it('401 is an AuthError, which is also an ApiError', () => {
    const err = errorFromResponse(
      { ...ctx, provider: 'openstack' },
      new Response(null, { status: 401 }),
      JSON.stringify({ error: { code: 401, title: 'Unauthorized', message: 'Need auth.' } }),
    );
    expect(err).toBeInstanceOf(AuthError);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.kind).toBe('auth');
    expect(err.message).toBe('openstack op (POST /x): HTTP 401 Unauthorized: Need auth.');
  });

  it('Katapult auth codes on 403 and 400 are AuthErrors; permission_denied is not', () => {
    const katapult = (status: number, code: string) =>
      errorFromResponse(
        { ...ctx, provider: 'katapult' },
        new Response(null, { status }),
        JSON.stringify({ error: { code, description: 'd', detail: {} } }),
      );
    expect(katapult(403, 'invalid_api_token')).toBeInstanceOf(AuthError);
    expect(katapult(403, 'unauthorized_network_for_api_token')).toBeInstanceOf(AuthError);
    expect(katapult(400, 'missing_api_token')).toBeInstanceOf(AuthError);
    const denied = katapult(403, 'permission_denied');
    expect(denied).toBeInstanceOf(ApiError);
    expect(denied).not.toBeInstanceOf(AuthError);
    expect(denied.kind).toBe('api');
  });

  it('an identity service refusing a token with 403 is an AuthError; a compute 403 is not', () => {
    const forbidden = (operation: string) =>
      errorFromResponse(
        { ...ctx, operation, provider: 'rackspace' },
        new Response(null, { status: 403 }),
        JSON.stringify({ forbidden: { code: 403, message: "User 'demo' is disabled." } }),
      );
    expect(forbidden('createToken')).toBeInstanceOf(AuthError);
    const policy = forbidden('createVirtualInterface');
    expect(policy).toBeInstanceOf(ApiError);
    expect(policy).not.toBeInstanceOf(AuthError);
  });

  it('ApiError carries status, code, request id, retryAfterMs and the body', () => {
    const err = errorFromResponse(
      { ...ctx, provider: 'rackspace', now: NOW },
      new Response(null, {
        status: 413,
        headers: { 'Retry-After': '30', 'X-Compute-Request-Id': 'req-1' },
      }),
      JSON.stringify({ overLimit: { code: 413, message: 'OverLimit Retry...' } }),
    ) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 413,
      code: 'overLimit',
      providerMessage: 'OverLimit Retry...',
      requestId: 'req-1',
      retryAfterMs: 30_000,
      provider: 'rackspace',
      operation: 'op',
      method: 'POST',
      url: 'https://api.example.com/x',
    });
    expect(err.body).toEqual({ overLimit: { code: 413, message: 'OverLimit Retry...' } });
    expect(err.message).toBe(
      'rackspace op (POST /x): HTTP 413 overLimit: OverLimit Retry... [request id req-1, retry after 30000 ms]',
    );
  });

  it('Nova 406 version refusal is a VersionError with the accepted range', () => {
    const err = errorFromResponse(
      { ...ctx, provider: 'openstack' },
      new Response(null, { status: 406 }),
      JSON.stringify({
        computeFault: {
          code: 406,
          message: 'Version 3.7 is not supported by the API. Minimum is 2.1 and maximum is 3.5.',
        },
      }),
    );
    expect(err).toBeInstanceOf(VersionError);
    expect(err).toMatchObject({
      kind: 'version',
      requested: '3.7',
      minimum: '2.1',
      maximum: '3.5',
      status: 406,
      code: 'computeFault',
      usable: [],
    });
  });

  it('an empty 500 still gives a readable ApiError', () => {
    const err = errorFromResponse(
      { provider: 'scp', operation: 'listServerInterfaces' },
      new Response(null, { status: 500 }),
      '',
    );
    expect(err.message).toBe('scp listServerInterfaces: HTTP 500 Internal Server Error');
  });
});
