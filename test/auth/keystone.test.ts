// Keystone v3 token code in isolation: request bodies (checked against the spec's TokenRequest
// schema by the test-side validator), the answer, catalog selection, the compute version root,
// and the shared token cache.
import util from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  computeVersionRoot,
  keystoneAuthUrl,
  keystoneTokenRequest,
  parseKeystoneToken,
  selectComputeEndpoint,
  type KeystoneCatalogEntry,
  type KeystoneCredentials,
} from '../../src/auth/keystone.js';
import { createTokenCache, tokenDeadline, tokenNeedsRenewal } from '../../src/auth/token-cache.js';
import { AuthError, ValidationError } from '../../src/core/errors.js';
import { Secret } from '../../src/core/redact.js';
import { loadSpecs } from '../helpers/spec-validation.js';

const spec = loadSpecs().find((s) => s.name === 'openstack')!;
const SECRET = 'CANARY-keystone-secret';
const authUrl = 'https://keystone.example.com:5000/v3';

function valid(body: unknown) {
  return spec.validate('#/components/schemas/TokenRequest', body);
}

describe('keystoneTokenRequest', () => {
  it.each([
    [
      'password, user by name, project by name',
      {
        authUrl,
        username: 'demo',
        userDomainName: 'Default',
        password: SECRET,
        projectName: 'demo',
        projectDomainName: 'Default',
      },
    ],
    [
      'password, user and project by ID',
      { authUrl, userId: 'u1', password: SECRET, projectId: 'p1' },
    ],
    ['password, default project', { authUrl, userId: 'u1', password: new Secret(SECRET) }],
    [
      'application credential by ID',
      { authUrl, applicationCredentialId: 'ac', applicationCredentialSecret: SECRET },
    ],
    [
      'application credential by name and user',
      {
        authUrl,
        applicationCredentialName: 'mon',
        userId: 'u1',
        applicationCredentialSecret: new Secret(SECRET),
      },
    ],
  ] as [string, KeystoneCredentials][])('%s: a body the spec accepts', (_name, credentials) => {
    const body = keystoneTokenRequest(credentials);
    expect(valid(body)).toEqual({ valid: true, errors: [] });
    expect(JSON.stringify(body)).toContain(SECRET);
  });

  it('builds the documented password sample', () => {
    expect(
      keystoneTokenRequest({
        authUrl,
        username: 'admin',
        userDomainName: 'Default',
        password: 'devstacker',
        projectName: 'admin',
        projectDomainId: 'default',
      }),
    ).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: 'admin', domain: { name: 'Default' }, password: 'devstacker' },
          },
        },
        scope: { project: { name: 'admin', domain: { id: 'default' } } },
      },
    });
  });

  it.each([
    [{ authUrl, username: 'demo', password: SECRET }, 'userDomainName'],
    [{ authUrl, userId: 'u', username: 'demo', password: SECRET }, 'username'],
    [{ authUrl, userId: 'u', password: '' }, 'password'],
    [{ authUrl, userId: 'u', password: SECRET, projectName: 'p' }, 'projectDomainName'],
    [{ authUrl, userId: 'u', password: SECRET, projectId: 'p', projectName: 'q' }, 'projectName'],
    [{ authUrl, userId: 'u', password: SECRET, projectDomainId: 'd' }, 'projectName'],
    [
      {
        authUrl,
        applicationCredentialId: 'a',
        applicationCredentialSecret: SECRET,
        projectId: 'p',
      },
      'projectId',
    ],
    [{ authUrl, applicationCredentialSecret: SECRET }, 'applicationCredentialId'],
    [{ authUrl, applicationCredentialName: 'a', applicationCredentialSecret: SECRET }, 'userId'],
    [
      {
        authUrl,
        applicationCredentialId: 'a',
        applicationCredentialSecret: SECRET,
        password: SECRET,
      },
      'password',
    ],
  ])('refuses %j (issue at %s) without revealing the secret', (credentials, path) => {
    let error: unknown;
    try {
      keystoneTokenRequest(credentials as unknown as KeystoneCredentials);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
    expect(util.inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(SECRET);
  });
});

describe('keystoneAuthUrl', () => {
  it('normalises to the v3 root and enforces https except loopback', () => {
    expect(keystoneAuthUrl('https://k.example.com:5000/v3/')).toBe('https://k.example.com:5000/v3');
    expect(keystoneAuthUrl('https://k.example.com/identity')).toBe(
      'https://k.example.com/identity/v3',
    );
    expect(keystoneAuthUrl('http://127.0.0.1:5000')).toBe('http://127.0.0.1:5000/v3');
    expect(() => keystoneAuthUrl('http://k.example.com/v3')).toThrow(ValidationError);
    expect(() => keystoneAuthUrl('https://k.example.com/v2.0')).toThrow(/Keystone v3/);
    expect(() => keystoneAuthUrl('https://k.example.com/v3?x=1')).toThrow(ValidationError);
    expect(() => keystoneAuthUrl('not a url')).toThrow(ValidationError);
  });
});

describe('parseKeystoneToken', () => {
  const body = {
    token: {
      methods: ['password'],
      user: { id: 'u', name: 'demo', domain: { id: 'default', name: 'Default' } },
      project: { id: 'p1', name: 'demo', domain: { id: 'default', name: 'Default' } },
      catalog: [],
      expires_at: '2026-03-01T13:00:00.000000Z',
      issued_at: '2026-03-01T12:00:00.000000Z',
      audit_ids: ['x'],
    },
  };

  it('reads the header token, expiry, lifetime and project', () => {
    const token = parseKeystoneToken(SECRET, body);
    expect(token.token.reveal()).toBe(SECRET);
    expect(token.expiresAt?.toISOString()).toBe('2026-03-01T13:00:00.000Z');
    expect(token.lifetimeMs).toBe(3_600_000);
    expect(token.projectId).toBe('p1');
    expect(util.inspect(token, { depth: 5 }) + JSON.stringify(token)).not.toContain(SECRET);
  });

  it('no X-Subject-Token, or no body: AuthError', () => {
    expect(() => parseKeystoneToken(null, body)).toThrow(AuthError);
    expect(() => parseKeystoneToken(SECRET, undefined)).toThrow(AuthError);
  });
});

describe('selectComputeEndpoint', () => {
  const catalog: KeystoneCatalogEntry[] = [
    {
      type: 'compute',
      name: 'nova',
      endpoints: [
        {
          interface: 'public',
          region_id: 'RegionOne',
          region: 'RegionOne',
          url: 'https://a/v2.1/p',
        },
        { interface: 'internal', region_id: 'RegionOne', url: 'https://int-a/v2.1/p' },
        { interface: 'public', region: 'RegionTwo', url: 'https://b/v2.1' },
      ],
    },
    { type: 'network', name: 'neutron', endpoints: [] },
  ];

  it('matches type, interface and region (region_id or region)', () => {
    expect(selectComputeEndpoint(catalog, { region: 'RegionOne' })).toBe('https://a/v2.1/p');
    expect(selectComputeEndpoint(catalog, { region: 'RegionTwo' })).toBe('https://b/v2.1');
    expect(selectComputeEndpoint(catalog, { interface: 'internal' })).toBe('https://int-a/v2.1/p');
  });

  it('explains what the catalog has when nothing or too much matches', () => {
    expect(() => selectComputeEndpoint(catalog)).toThrow(
      /several public compute endpoints \(regions: RegionOne, RegionTwo\)/,
    );
    expect(() => selectComputeEndpoint(catalog, { interface: 'admin' })).toThrow(
      /no compute endpoint with interface admin.*it has: internal\/RegionOne, public\/RegionOne, public\/RegionTwo/,
    );
    expect(() => selectComputeEndpoint([catalog[1]!])).toThrow(
      /no compute service \(service types: network\)/,
    );
    expect(() => selectComputeEndpoint([])).toThrow(/no service catalog/);
  });
});

describe('computeVersionRoot', () => {
  it.each([
    [
      'https://nova.example.com:8774/v2.1/0c4e939acacf4376bdcd1129f1a054ad',
      'https://nova.example.com:8774/',
    ],
    ['https://nova.example.com:8774/v2.1', 'https://nova.example.com:8774/'],
    ['https://nova.example.com:8774/v2.1/', 'https://nova.example.com:8774/'],
    ['https://cloud.example.com/compute/v2.1', 'https://cloud.example.com/compute/'],
    ['https://cloud.example.com/compute/v2/abc', 'https://cloud.example.com/compute/'],
    ['https://cloud.example.com/compute', 'https://cloud.example.com/compute/'],
  ])('%s -> %s', (endpoint, root) => {
    expect(computeVersionRoot(endpoint)).toBe(root);
  });
});

describe('token cache', () => {
  const T0 = Date.parse('2026-03-01T12:00:00Z');

  function setup(lifetimeMs = 3_600_000, stated: 'lifetime' | 'expiry' = 'lifetime') {
    let clock = T0;
    let calls = 0;
    let release: (() => void) | undefined;
    let hold = false;
    const cache = createTokenCache({
      now: () => new Date(clock),
      async acquire() {
        calls += 1;
        if (hold) await new Promise<void>((r) => (release = r));
        return {
          token: new Secret(`t${calls}`),
          expiresAt: new Date(clock + lifetimeMs),
          ...(stated === 'lifetime' ? { lifetimeMs } : {}),
        };
      },
    });
    return {
      cache,
      calls: () => calls,
      advance: (ms: number) => (clock += ms),
      hold: (on: boolean) => (hold = on),
      release: () => release?.(),
    };
  }

  it('reuses a token until the renewal margin, then authenticates again', async () => {
    const t = setup();
    const first = await t.cache.get();
    t.advance(57 * 60_000);
    expect(await t.cache.get()).toBe(first);
    t.advance(2 * 60_000);
    expect((await t.cache.get()).token.reveal()).toBe('t2');
    expect(t.calls()).toBe(2);
  });

  it('shares one authentication between concurrent callers', async () => {
    const t = setup();
    t.hold(true);
    const pending = Promise.all([t.cache.get(), t.cache.get(), t.cache.get()]);
    await Promise.resolve();
    t.release();
    const tokens = await pending;
    expect(new Set(tokens).size).toBe(1);
    expect(t.calls()).toBe(1);
  });

  it('renews a rejected token once, even when many callers report it', async () => {
    const t = setup();
    const first = await t.cache.get();
    const renewed = await Promise.all([t.cache.renew(first), t.cache.renew(first)]);
    expect(renewed[0]).toBe(renewed[1]);
    expect(t.calls()).toBe(2);
    // A late report of the old token does not throw the new one away.
    expect(await t.cache.renew(first)).toBe(renewed[0]);
    expect(t.calls()).toBe(2);
    expect(t.cache.issuedTokens().map((s) => s.reveal())).toEqual(['t1', 't2']);
  });

  it('caps the margin at half the lifetime and ignores an expiry already past on arrival', () => {
    const received = new Date(T0);
    const short = { token: new Secret('x'), expiresAt: new Date(T0 + 60_000) };
    expect(tokenNeedsRenewal(short, received, new Date(T0 + 29_000))).toBe(false);
    expect(tokenNeedsRenewal(short, received, new Date(T0 + 30_000))).toBe(true);
    const skewed = { token: new Secret('x'), expiresAt: new Date(T0 - 1000) };
    expect(tokenDeadline(skewed, received)).toBeNull();
    expect(tokenNeedsRenewal(skewed, received, new Date(T0 + 10 ** 9))).toBe(false);
    const withLifetime = { ...skewed, lifetimeMs: 3_600_000 };
    expect(tokenDeadline(withLifetime, received)).toBe(T0 + 3_600_000);
  });

  it('without a stated lifetime, the absolute expiry counts', async () => {
    const t = setup(3_600_000, 'expiry');
    await t.cache.get();
    t.advance(59 * 60_000);
    await t.cache.get();
    expect(t.calls()).toBe(2);
  });
});
