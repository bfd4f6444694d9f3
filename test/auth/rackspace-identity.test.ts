// Rackspace Identity v2.0 code in isolation: request bodies (checked against the spec's
// CreateTokenRequest schema by the test-side validator), the answer, and the catalog choice.
import util from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  CLOUD_SERVERS_SERVICE_NAME,
  RACKSPACE_IDENTITY_URL,
  RACKSPACE_LONDON_IDENTITY_URL,
  parseRackspaceToken,
  rackspaceIdentityUrl,
  rackspaceTokenRequest,
  selectCloudServersEndpoint,
  type RackspaceCatalogService,
  type RackspaceCredentials,
} from '../../src/auth/rackspace-identity.js';
import { AuthError, ValidationError } from '../../src/core/errors.js';
import { Secret } from '../../src/core/redact.js';
import { loadSpecs } from '../helpers/spec-validation.js';

const spec = loadSpecs().find((s) => s.name === 'rackspace')!;
const SECRET = 'CANARY-rackspace-key';

describe('rackspaceTokenRequest', () => {
  it('API key (the documented sample) and password forms, with an optional tenant', () => {
    const apiKey = rackspaceTokenRequest({
      username: 'demoauthor',
      apiKey: 'aaaaa-bbbbb-ccccc-12345678',
    });
    expect(apiKey).toEqual({
      auth: {
        'RAX-KSKEY:apiKeyCredentials': {
          username: 'demoauthor',
          apiKey: 'aaaaa-bbbbb-ccccc-12345678',
        },
      },
    });
    const password = rackspaceTokenRequest({
      username: 'demo',
      password: new Secret(SECRET),
      tenantId: '123456',
    });
    expect(password).toEqual({
      auth: { passwordCredentials: { username: 'demo', password: SECRET }, tenantId: '123456' },
    });
    for (const body of [apiKey, password]) {
      expect(spec.validate('#/components/schemas/CreateTokenRequest', body)).toEqual({
        valid: true,
        errors: [],
      });
    }
  });

  it.each([
    [{ username: 'demo', apiKey: SECRET, password: SECRET }, 'password'],
    [{ username: 'demo' }, 'apiKey'],
    [{ username: '', apiKey: SECRET }, 'username'],
    [{ username: 'demo', apiKey: SECRET, tenantId: '' }, 'tenantId'],
  ])('refuses %j (issue at %s) without revealing the secret', (credentials, path) => {
    let error: unknown;
    try {
      rackspaceTokenRequest(credentials as unknown as RackspaceCredentials);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
    expect(util.inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(SECRET);
  });
});

describe('identity URLs', () => {
  it('come from the spec servers; others must be https (or loopback)', () => {
    expect(RACKSPACE_IDENTITY_URL).toBe('https://identity.api.rackspacecloud.com/v2.0');
    expect(RACKSPACE_LONDON_IDENTITY_URL).toBe('https://lon.identity.api.rackspacecloud.com/v2.0');
    expect(rackspaceIdentityUrl()).toBe(RACKSPACE_IDENTITY_URL);
    expect(rackspaceIdentityUrl('http://localhost:9000/v2.0/')).toBe('http://localhost:9000/v2.0');
    expect(() => rackspaceIdentityUrl('http://identity.example.com/v2.0')).toThrow(ValidationError);
  });
});

describe('parseRackspaceToken', () => {
  it('reads access.token.id, expires, tenant and default region', () => {
    const token = parseRackspaceToken({
      access: {
        token: { id: SECRET, expires: '2026-03-02T12:00:00.000-06:00', tenant: { id: '123456' } },
        serviceCatalog: [],
        user: { id: 'u', name: 'demo', 'RAX-AUTH:defaultRegion': 'DFW' },
      },
    });
    expect(token.token.reveal()).toBe(SECRET);
    expect(token.expiresAt?.toISOString()).toBe('2026-03-02T18:00:00.000Z');
    expect(token).toMatchObject({ tenantId: '123456', defaultRegion: 'DFW' });
    expect(util.inspect(token, { depth: 5 }) + JSON.stringify(token)).not.toContain(SECRET);
  });

  it('no token id: AuthError', () => {
    expect(() => parseRackspaceToken(undefined)).toThrow(AuthError);
  });
});

describe('selectCloudServersEndpoint', () => {
  const catalog: RackspaceCatalogService[] = [
    {
      name: 'cloudServers',
      type: 'compute',
      endpoints: [{ publicURL: 'https://servers.api.rackspacecloud.com/v1.0/1' }],
    },
    {
      name: CLOUD_SERVERS_SERVICE_NAME,
      type: 'compute',
      endpoints: [
        { region: 'DFW', publicURL: 'https://dfw.servers.api.rackspacecloud.com/v2/1' },
        { region: 'LON', publicURL: 'https://lon.servers.api.rackspacecloud.com/v2/1' },
      ],
    },
  ];

  it('picks cloudServersOpenStack by region, case-insensitively', () => {
    expect(selectCloudServersEndpoint(catalog, 'lon')).toBe(
      'https://lon.servers.api.rackspacecloud.com/v2/1',
    );
    expect(selectCloudServersEndpoint(catalog, 'DFW')).toBe(
      'https://dfw.servers.api.rackspacecloud.com/v2/1',
    );
  });

  it('never falls back to the legacy service, and lists what exists', () => {
    expect(() => selectCloudServersEndpoint(catalog, 'syd')).toThrow(/regions: DFW, LON/);
    expect(() => selectCloudServersEndpoint([catalog[0]!], 'dfw')).toThrow(
      /no cloudServersOpenStack entry \(services: cloudServers\)/,
    );
  });
});
