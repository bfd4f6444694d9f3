import util from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthError,
  CloudNicError,
  NetworkError,
  REDACTED,
  ResponseBodyError,
  Secret,
  TimeoutError,
  ValidationError,
  VersionError,
  createResilientFetch,
  errorFromResponse,
  redactHeaders,
  redactJson,
  redactText,
  redactUrl,
} from '../../src/core/index.js';

// Canary credentials: none of them may show up in anything an error exposes.
const TOKEN = 'gAAAAABcanaryTOKENvalue0123456789';
const SK = 'canary/Secret+Key=Value9';
const SIGNATURE = 'c2lnbmF0dXJlLWNhbmFyeS12YWx1ZQ==';
const SECRETS = [TOKEN, SK, SIGNATURE];

function exposures(err: unknown): string[] {
  return [
    (err as Error).message,
    String(err),
    JSON.stringify(err),
    util.inspect(err, { depth: 10 }),
    util.inspect(err, { depth: 10, showHidden: true }),
    (err as Error).stack ?? '',
  ];
}

function expectNoSecrets(err: unknown) {
  for (const text of exposures(err)) {
    for (const secret of [...SECRETS, encodeURIComponent(SK)]) {
      expect(text).not.toContain(secret);
    }
  }
}

describe('Secret', () => {
  it('reveals its value only on request', () => {
    const s = new Secret(TOKEN);
    expect(s.reveal()).toBe(TOKEN);
    expect(String(s)).toBe(REDACTED);
    expect(`${s}`).toBe(REDACTED);
    expect(s + '').toBe(REDACTED);
    expect(JSON.stringify({ token: s })).toBe('{"token":"[redacted]"}');
    expect(util.inspect(s)).toBe(REDACTED);
    expect(util.inspect({ nested: { s } }, { depth: 10, showHidden: true })).not.toContain(TOKEN);
    expect(Secret.from(s)).toBe(s);
    expect(Secret.from('x').reveal()).toBe('x');
  });
});

describe('redactHeaders / redactUrl / redactText / redactJson', () => {
  it('blanks credential headers, keeps the rest', () => {
    const out = redactHeaders(
      new Headers({
        Authorization: `Bearer ${TOKEN}`,
        'X-Auth-Token': TOKEN,
        'X-Subject-Token': TOKEN,
        'Scp-Signature': SIGNATURE,
        'Scp-AccessKey': 'AK',
        'X-Security-Token': TOKEN,
        Cookie: `session=${TOKEN}`,
        'Content-Type': 'application/json',
        'Scp-Api-Version': 'virtualserver 1.3',
      }),
    );
    expect(out).toEqual({
      authorization: REDACTED,
      'x-auth-token': REDACTED,
      'x-subject-token': REDACTED,
      'scp-signature': REDACTED,
      'scp-accesskey': REDACTED,
      'x-security-token': REDACTED,
      cookie: REDACTED,
      'content-type': 'application/json',
      'scp-api-version': 'virtualserver 1.3',
    });
    expect(redactHeaders({ 'X-Custom': `prefix ${TOKEN}` }, [TOKEN])).toEqual({
      'X-Custom': `prefix ${REDACTED}`,
    });
  });

  it('blanks sensitive query values and userinfo passwords, keeps the rest as written', () => {
    expect(
      redactUrl(
        `https://user:${encodeURIComponent(SK)}@h.example/v1/x?limit=2&token=${TOKEN}&X-Amz-Signature=${SIGNATURE}&virtual_machine%5Bid%5D=vm_1#frag`,
      ),
    ).toBe(
      `https://user:${REDACTED}@h.example/v1/x?limit=2&token=${REDACTED}&X-Amz-Signature=${REDACTED}&virtual_machine%5Bid%5D=vm_1#frag`,
    );
    expect(redactUrl(new URL('https://h/?api_key=k&password=p&sig=s&a=b'))).toBe(
      `https://h/?api_key=${REDACTED}&password=${REDACTED}&sig=${REDACTED}&a=b`,
    );
    expect(redactUrl('/relative?apiKey=1')).toBe(`/relative?apiKey=${REDACTED}`);
  });

  it('replaces known secrets in any form and credential-shaped fragments', () => {
    expect(redactText(`a ${SK} b ${encodeURIComponent(SK)} c`, [new Secret(SK)])).toBe(
      `a ${REDACTED} b ${REDACTED} c`,
    );
    expect(redactText('Authorization: Bearer abc.def-ghi')).toBe(`Authorization: ${REDACTED}`);
    expect(redactText('sent Bearer abc.def-ghi')).toBe(`sent Bearer ${REDACTED}`);
    expect(
      redactText('SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=abc123'),
    ).toBe(
      `SDK-HMAC-SHA256 Access=${REDACTED}, SignedHeaders=host;x-sdk-date, Signature=${REDACTED}`,
    );
    expect(redactText('host:h|x-security-token:tok|x-sdk-date:1')).toBe(
      `host:h|x-security-token:${REDACTED}|x-sdk-date:1`,
    );
    expect(redactText('{"apiKey": "k1", "username": "u"}')).toBe(
      `{"apiKey": "${REDACTED}", "username": "u"}`,
    );
    expect(redactText('Ensure a token is provided prefixed with Bearer')).toBe(
      'Ensure a token is provided prefixed with Bearer',
    );
  });

  it('deep-copies JSON with sensitive members blanked', () => {
    const input = {
      access: { token: { id: TOKEN, expires: 'e' }, user: { name: 'demo' } },
      auth: { passwordCredentials: { username: 'u', password: 'p' } },
      note: `echo ${SK}`,
      list: [{ apiKey: 'k' }, 1, null],
    };
    expect(redactJson(input, [SK])).toEqual({
      access: { token: { id: REDACTED, expires: REDACTED }, user: { name: 'demo' } },
      auth: { passwordCredentials: { username: REDACTED, password: REDACTED } },
      note: `echo ${REDACTED}`,
      list: [{ apiKey: REDACTED }, 1, null],
    });
    expect(input.access.token.id).toBe(TOKEN); // the input is untouched
  });
});

describe('canary secrets never leak from errors', () => {
  const url = `https://ecs.example.com/v2.1/p1/servers/s1/os-interface?token=${TOKEN}&x=1`;

  it('AuthError built from a Huawei 401 that echoes the canonical request', () => {
    const err = errorFromResponse(
      {
        provider: 'huawei',
        operation: 'novaAttachInterface',
        method: 'POST',
        url,
        secrets: SECRETS,
      },
      new Response(null, { status: 401, headers: { 'X-Request-Id': 'r1' } }),
      JSON.stringify({
        error_msg: `Incorrect IAM authentication information: verify aksk signature fail, POST|/v2.1/p1/|x-security-token:${TOKEN}|signature ${SIGNATURE}`,
        error_code: 'APIGW.0301',
        request_id: 'r1',
      }),
    );
    expect(err).toBeInstanceOf(AuthError);
    expect(err.message).toContain('APIGW.0301');
    expect(err.message).toContain('huawei novaAttachInterface');
    expectNoSecrets(err);
  });

  it('ApiError whose body carries secrets in values and nested members', () => {
    const err = new ApiError({
      status: 400,
      code: 'badRequest',
      message: `bad key ${SK}`,
      requestId: 'req-1',
      body: { badRequest: { message: `bad key ${SK}`, echo: { apiKey: 'x', token: TOKEN } } },
      provider: 'rackspace',
      operation: 'createVirtualInterface',
      url,
      secrets: [new Secret(SK), TOKEN],
    });
    expectNoSecrets(err);
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({
      name: 'ApiError',
      kind: 'api',
      status: 400,
      code: 'badRequest',
      url: `https://ecs.example.com/v2.1/p1/servers/s1/os-interface?token=${REDACTED}&x=1`,
    });
  });

  it('an HTML error page and a truncated body with secrets', () => {
    const html = errorFromResponse(
      { provider: 'rackspace', secrets: SECRETS },
      new Response(null, { status: 403, headers: { 'content-type': 'text/html' } }),
      `<html><head><title>Forbidden for ${TOKEN}</title></head></html>`,
    );
    expectNoSecrets(html);
    const cut = errorFromResponse(
      { provider: 'openstack', secrets: SECRETS },
      new Response(null, { status: 500, headers: { 'content-type': 'application/json' } }),
      `{"computeFault": {"message": "boom ${SIGNATURE}", "code": 500, "deta`,
    );
    expectNoSecrets(cut);
    expect(cut.message).toContain('boom');
  });

  it('every other error class', () => {
    const ctx = {
      provider: 'scp' as const,
      operation: 'createServerInterface',
      url,
      secrets: SECRETS,
    };
    const errors: CloudNicError[] = [
      new ValidationError({ ...ctx, issues: [{ path: 'body.secret', message: `got ${SK}` }] }),
      new ValidationError({ ...ctx, issues: [], message: `custom ${TOKEN}` }),
      new VersionError({ ...ctx, requested: '1.0', usable: ['1.3'], reason: `because ${TOKEN}` }),
      new TimeoutError({ ...ctx, timeoutMs: 5, attempts: 2 }),
      new NetworkError({
        ...ctx,
        code: 'ECONNRESET',
        maybeSent: true,
        attempts: 1,
        detail: `socket to ${TOKEN}`,
        cause: new Error(`inner ${SK}`, { cause: new Error(`deeper ${SIGNATURE}`) }),
      }),
      new ResponseBodyError({
        ...ctx,
        status: 502,
        reason: 'truncated',
        bytesReceived: 10,
        attempts: 1,
        excerpt: `partial ${TOKEN}`,
      }),
    ];
    for (const err of errors) expectNoSecrets(err);
  });

  it('errors thrown by the resilient fetch (custom fetch failing with a secret in its message)', async () => {
    const fetch = createResilientFetch({
      maxRetries: 0,
      secrets: () => SECRETS,
      fetch: async () => {
        throw Object.assign(new Error(`connect failed for token ${TOKEN}`), { code: 'ECONNRESET' });
      },
    });
    const err = await fetch(new Request(url, { method: 'POST', body: '{}' })).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expectNoSecrets(err);
  });
});
