import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signScp } from '../../src/auth/scp-signature.js';
import { startEmulator, type EmulatorHandleFor } from '../../src/emulators/index.js';
import { expectConformant, rawRequest } from '../helpers/response-conformance.js';

const NOW = new Date('2026-11-22T03:00:00Z');
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SCP emulator', () => {
  let scp: EmulatorHandleFor<'scp'>;
  let server: string;
  let subnetApp: string;

  beforeAll(async () => {
    scp = await startEmulator('scp', { seed: 'scp-test', now: () => NOW, asyncDelayMs: 150 });
    server = scp.fixtures.servers[1]!.id; // web-2: no interface at the start
    subnetApp = scp.fixtures.subnets[0]!.id;
  });
  afterEach(() => {
    expectConformant(scp);
  });
  afterAll(async () => {
    await scp.close();
  });

  interface CallOptions {
    body?: unknown;
    version?: string | null;
    timestamp?: number;
    accessKey?: string;
    secretKey?: string;
    tamper?: (signature: string) => string;
    signedUrl?: string;
  }

  /** A request signed exactly as SCP expects, over the absolute URL that is sent. */
  async function call(method: string, path: string, o: CallOptions = {}) {
    const url = `${scp.url}${path}`;
    const timestamp = String(o.timestamp ?? NOW.getTime());
    const accessKey = o.accessKey ?? scp.credentials.accessKey;
    let signature = await signScp({
      method,
      url: o.signedUrl ?? url,
      timestamp,
      accessKey,
      secretKey: o.secretKey ?? scp.credentials.secretKey,
    });
    if (o.tamper) signature = o.tamper(signature);
    const headers: Record<string, string> = {
      'Scp-AccessKey': accessKey,
      'Scp-Signature': signature,
      'Scp-Timestamp': timestamp,
      'Scp-ClientType': 'Openapi',
      'Accept-Language': 'en-US',
    };
    if (o.version !== null) headers['Scp-Api-Version'] = o.version ?? 'virtualserver 1.3';
    if (o.body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(url, {
      method,
      headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  describe('authentication', () => {
    it('accepts a request signed over the exact URL, query included', async () => {
      const res = await call('GET', `/v1/servers/${server}/interfaces?x=1&y=a%20b`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ interfaces: [] });
    });

    it('refuses a tampered signature, a signature over another URL, an unknown key, a stale timestamp', async () => {
      const path = `/v1/servers/${server}/interfaces`;
      const cases: CallOptions[] = [
        { tamper: (s) => (s.startsWith('A') ? 'B' : 'A') + s.slice(1) },
        { signedUrl: `${scp.url}${path}?other=1` },
        { accessKey: 'unknown-key' },
        { secretKey: 'wrong-secret' },
        { timestamp: NOW.getTime() - 16 * 60 * 1000 },
        { timestamp: NOW.getTime() + 16 * 60 * 1000 },
      ];
      for (const c of cases) {
        const res = await call('GET', path, c);
        expect(res.status, JSON.stringify(c)).toBe(401);
        expect(res.body.message).toMatch(/^Unauthorized/);
      }
      expect((await call('GET', path, { timestamp: NOW.getTime() - 14 * 60 * 1000 })).status).toBe(
        200,
      );
    });

    it('refuses unsigned requests but serves the version document unsigned', async () => {
      const res = await rawRequest(`${scp.url}/v1/servers/${server}/interfaces`);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body).message).toContain('missing header');
      const root = await fetch(`${scp.url}/`);
      expect(root.status).toBe(200);
      const doc = await root.json();
      expect(doc.versions.map((v: { id: string }) => v.id)).toEqual([
        'v1.3',
        'v1.2',
        'v1.1',
        'v1.0',
      ]);
      expect(doc.versions[0]).toMatchObject({ status: 'CURRENT', not_before: null });
    });
  });

  describe('API versions on 2026-11-22', () => {
    const path = () => `/v1/servers/${server}/interfaces`;
    it('accepts 1.3 and a missing header (CURRENT)', async () => {
      expect((await call('GET', path(), { version: 'virtualserver 1.3' })).status).toBe(200);
      expect((await call('GET', path(), { version: null })).status).toBe(200);
    });

    it('refuses 1.1 (DEPRECATED, Not Before passed), unknown versions and bad formats with 400', async () => {
      const old = await call('GET', path(), { version: 'virtualserver 1.1' });
      expect(old.status).toBe(400);
      expect(old.body[0]).toMatchObject({
        loc: ['header', 'Scp-Api-Version'],
        type_: 'value_error.api_version',
      });
      expect(old.body[0].msg).toContain('DEPRECATED');
      expect((await call('GET', path(), { version: 'virtualserver 9.9' })).status).toBe(400);
      const malformed = await call('GET', path(), { version: 'v1.3' });
      expect(malformed.status).toBe(400);
      expect(malformed.body[0].loc).toEqual(['header', 'Scp-Api-Version']);
    });

    it('accepts 1.2: SUPPORTED, and Not Before only refuses DEPRECATED versions', async () => {
      expect((await call('GET', path(), { version: 'virtualserver 1.2' })).status).toBe(200);
    });

    it('refuses a PLANNED version from a custom table', async () => {
      const other = await startEmulator('scp', {
        seed: 1,
        now: () => NOW,
        versions: [
          { version: '1.4', status: 'PLANNED', notBefore: null },
          { version: '1.3', status: 'CURRENT', notBefore: null },
        ],
      });
      try {
        const url = `${other.url}/v1/servers/${other.fixtures.servers[0]!.id}/interfaces`;
        const timestamp = String(NOW.getTime());
        const signature = await signScp({ method: 'GET', url, timestamp, ...other.credentials });
        const res = await fetch(url, {
          headers: {
            'Scp-AccessKey': other.credentials.accessKey,
            'Scp-Signature': signature,
            'Scp-Timestamp': timestamp,
            'Scp-ClientType': 'Openapi',
            'Scp-Api-Version': 'virtualserver 1.4',
          },
        });
        expect(res.status).toBe(400);
        expect((await res.json())[0].msg).toContain('PLANNED');
        expect(other.conformanceViolations).toEqual([]);
      } finally {
        await other.close();
      }
    });
  });

  describe('interface lifecycle', () => {
    it('create on a subnet, list, show, update, delete', async () => {
      const base = `/v1/servers/${server}/interfaces`;
      const created = await call('POST', base, { body: { subnet_id: subnetApp } });
      expect(created.status).toBe(200);
      const port = created.body.port_id as string;
      expect(created.body).toMatchObject({ subnet_id: subnetApp, port_state: 'ACTIVE' });
      expect(created.body.mac_addr).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
      const ip = created.body.fixed_ips[0].ip_address as string;
      expect(ip).toMatch(/^192\.169\.3\.\d+$/);
      expect(scp.state.interfacesOf(server).map((p) => p.id)).toEqual([port]);

      const list = await call('GET', base);
      expect(list.body.interfaces).toEqual([created.body]);
      const shown = await call('GET', `${base}/${port}`);
      expect(shown.body).toEqual({ interfaces: [created.body] });

      const updated = await call('PUT', `${base}/${port}`, {
        body: { fixed_ip_address: '192.169.3.77' },
      });
      expect(updated).toEqual({ status: 202, body: undefined });
      expect(
        (await call('GET', `${base}/${port}`)).body.interfaces[0].fixed_ips[0].ip_address,
      ).toBe(ip);
      await wait(200);
      expect(
        (await call('GET', `${base}/${port}`)).body.interfaces[0].fixed_ips[0].ip_address,
      ).toBe('192.169.3.77');

      const deleted = await call('DELETE', `${base}/${port}`);
      expect(deleted).toEqual({ status: 200, body: undefined });
      expect((await call('DELETE', `${base}/${port}`)).status).toBe(409); // detach in progress
      expect((await call('GET', base)).body.interfaces).toHaveLength(1); // still listed
      await wait(200);
      expect((await call('GET', base)).body.interfaces).toEqual([]);
      expect(scp.state.ports.has(port)).toBe(false); // created by the attach: deleted with it
      expect((await call('GET', `${base}/${port}`)).status).toBe(404);
    });

    it('create with a fixed IP; 409 when the IP is taken; 400 when outside the subnet', async () => {
      const base = `/v1/servers/${server}/interfaces`;
      const fixed = await call('POST', base, {
        body: { subnet_id: subnetApp, fixed_ips: [{ ip_address: '192.169.3.99' }] },
      });
      expect(fixed.status).toBe(200);
      expect(fixed.body.fixed_ips).toEqual([{ ip_address: '192.169.3.99' }]);
      const again = await call('POST', base, {
        body: { subnet_id: subnetApp, fixed_ips: [{ ip_address: '192.169.3.99' }] },
      });
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('already in use');
      const outside = await call('POST', base, {
        body: { subnet_id: subnetApp, fixed_ips: [{ ip_address: '10.0.0.5' }] },
      });
      expect(outside.status).toBe(400);
      expect(outside.body[0].loc).toEqual(['body', 'fixed_ips', 0, 'ip_address']);
      expect(scp.state.interfacesOf(server)).toHaveLength(1);
    });

    it('attach an existing port; 409 when it is attached elsewhere', async () => {
      const free = scp.fixtures.ports.find((p) => p.serverId === null)!;
      const other = scp.fixtures.servers[2]!.id;
      const attached = await call('POST', `/v1/servers/${other}/interfaces`, {
        body: { port_id: free.id },
      });
      expect(attached.status).toBe(200);
      expect(attached.body).toMatchObject({
        port_id: free.id,
        fixed_ips: [{ ip_address: free.ipAddress }],
      });
      const stolen = await call('POST', `/v1/servers/${server}/interfaces`, {
        body: { port_id: free.id },
      });
      expect(stolen.status).toBe(409);
      // Detaching a pre-existing port unbinds it and keeps it.
      await call('DELETE', `/v1/servers/${other}/interfaces/${free.id}`);
      await wait(200);
      expect(scp.state.interfacesOf(other).map((p) => p.id)).not.toContain(free.id);
      expect(scp.state.ports.get(free.id)?.serverId).toBeNull();
    });

    it('validates bodies against the spec: both forms at once, two fixed IPs, bad JSON', async () => {
      const base = `/v1/servers/${server}/interfaces`;
      const mixed = await call('POST', base, { body: { subnet_id: subnetApp, port_id: 'p' } });
      expect(mixed.status).toBe(400);
      expect(Array.isArray(mixed.body)).toBe(true);
      const two = await call('POST', base, {
        body: {
          subnet_id: subnetApp,
          fixed_ips: [{ ip_address: '192.169.3.5' }, { ip_address: '192.169.3.6' }],
        },
      });
      expect(two.status).toBe(400);
      const url = `${scp.url}${base}`;
      const timestamp = String(NOW.getTime());
      const signature = await signScp({ method: 'POST', url, timestamp, ...scp.credentials });
      const bad = await fetch(url, {
        method: 'POST',
        headers: {
          'Scp-AccessKey': scp.credentials.accessKey,
          'Scp-Signature': signature,
          'Scp-Timestamp': timestamp,
          'Scp-ClientType': 'Openapi',
          'Content-Type': 'application/json',
        },
        body: '{"subnet_id":',
      });
      expect(bad.status).toBe(400);
      expect((await bad.json())[0].type_).toBe('value_error.jsondecode');
    });

    it('404 for unknown servers, ports and routes', async () => {
      expect((await call('GET', '/v1/servers/nope/interfaces')).status).toBe(404);
      expect((await call('GET', `/v1/servers/${server}/interfaces/nope`)).status).toBe(404);
      expect(
        (await call('POST', `/v1/servers/${server}/interfaces`, { body: { subnet_id: 'nope' } }))
          .status,
      ).toBe(404);
      const route = await rawRequest(`${scp.url}/v2/whatever`);
      expect(route.status).toBe(404);
      expect(JSON.parse(route.body).message).toContain('Not Found');
    });

    it('a fault after create keeps the NIC: the client sees 502, the state has the port', async () => {
      scp.setFaults([
        { operationId: 'createServerInterface', kind: 'html', status: 502, when: 'after' },
      ]);
      const before = scp.state.interfacesOf(server).length;
      const res = await call('POST', `/v1/servers/${server}/interfaces`, {
        body: { subnet_id: subnetApp },
      }).catch((e: Error) => ({ status: 0, error: e }));
      expect(res.status).toBe(0); // the HTML page is not JSON
      expect(scp.state.interfacesOf(server)).toHaveLength(before + 1);
      expect(scp.requests.at(-1)).toMatchObject({
        status: 502,
        fault: 'html',
        conformance: 'exempt',
      });
    });
  });

  it('same seed, same fixtures and credentials', async () => {
    const a = await startEmulator('scp', { seed: 'same' });
    const b = await startEmulator('scp', { seed: 'same' });
    try {
      expect(a.fixtures).toEqual(b.fixtures);
      expect(a.credentials).toEqual(b.credentials);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
