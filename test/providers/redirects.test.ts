// Credentialed calls never follow redirects: a 3xx from the API comes back as a typed error, and
// the place it points to receives nothing (no token, no signature, not even the request). Every
// client is checked against one loopback server that redirects everything to a second one.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors.js';
import { startEmulator, type EmulatorHandleFor } from '../../src/emulators/index.js';
import { createHuaweiClient } from '../../src/providers/huawei.js';
import { createKatapultClient } from '../../src/providers/katapult.js';
import { createOpenStackClient } from '../../src/providers/openstack.js';
import { createRackspaceClient } from '../../src/providers/rackspace.js';
import { createScpClient } from '../../src/providers/scp.js';

const SERVER = '6b6a4a4b-2f4e-4c3a-8e2b-6a5f2a0e8b11';
const PROJECT = '77b6a44cba5143ab91d13ab9a8ff44fd';

let redirector: http.Server;
let elsewhere: http.Server;
let identity: EmulatorHandleFor<'rackspace'>;
let base = '';
const arrivedElsewhere: string[] = [];

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  elsewhere = http.createServer((req, res) => {
    arrivedElsewhere.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  });
  const target = await listen(elsewhere);
  redirector = http.createServer((req, res) => {
    req.resume();
    res.writeHead(307, { Location: `${target}${req.url}`, 'Content-Length': 0 }).end();
  });
  base = await listen(redirector);
  identity = await startEmulator('rackspace');
});

afterAll(async () => {
  await identity.close();
  await Promise.all([redirector, elsewhere].map((s) => new Promise((resolve) => s.close(resolve))));
});

const calls: Record<string, () => Promise<unknown>> = {
  scp: () =>
    createScpClient({ endpoint: base, accessKey: 'ak-redirect', secretKey: 'sk-redirect' }).GET(
      '/v1/servers/{server_id}/interfaces',
      { params: { path: { server_id: SERVER } } },
    ),
  huawei: () =>
    createHuaweiClient({
      endpoint: base,
      accessKey: 'QTWAOYTTINDUT2QVKYUC',
      secretKey: 'sk-redirect',
      projectId: PROJECT,
    }).GET('/v1/{project_id}/cloudservers/{server_id}/os-interface', {
      params: { path: { project_id: PROJECT, server_id: SERVER } },
    }),
  openstack: () =>
    createOpenStackClient({ endpoint: base, token: 'tok-redirect', microversion: '2.79' }).GET(
      '/servers/{server_id}/os-interface',
      { params: { path: { server_id: SERVER } } },
    ),
  rackspace: () =>
    createRackspaceClient({
      endpoint: base,
      identityUrl: identity.identityUrl,
      ...identity.credentials.apiKey,
    }).GET('/servers/{server_id}/os-virtual-interfacesv2', {
      params: { path: { server_id: SERVER } },
    }),
  katapult: () =>
    createKatapultClient({ endpoint: base, token: 'tok-redirect' }).GET(
      '/virtual_machines/virtual_machine/network_interfaces',
      { params: { query: { 'virtual_machine[id]': 'vm_abc123' } } },
    ),
};

describe('clients do not follow redirects', () => {
  it.each(Object.keys(calls))(
    '%s: a 307 is an ApiError and nothing reaches its target',
    async (p) => {
      arrivedElsewhere.length = 0;
      const error = await calls[p]!().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(307);
      expect(arrivedElsewhere).toEqual([]);
    },
  );
});
