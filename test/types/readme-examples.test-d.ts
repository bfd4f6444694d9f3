// The README's code examples, compiled against the real types so the README cannot drift.
import { it } from 'vitest';
import { ApiError, ValidationError, VersionError } from '../../src/index.js';
import { createOpenStackClient } from '../../src/openstack.js';
import { createScpClient } from '../../src/scp.js';
import { attachInterface, detachInterface } from '../../src/nic/index.js';

declare const serverId: string;
declare const networkId: string;
declare const subnetId: string;
declare const accessKey: string;
declare const secretKey: string;

it('Typed clients example', async () => {
  const nova = createOpenStackClient({
    authUrl: 'https://keystone.example.com:5000/v3',
    username: 'demo',
    userDomainName: 'Default',
    password: process.env.OS_PASSWORD!,
    projectName: 'demo',
    projectDomainName: 'Default',
    region: 'RegionOne',
  });
  try {
    const { data } = await nova.POST('/servers/{server_id}/os-interface', {
      params: { path: { server_id: serverId } },
      body: { interfaceAttachment: { net_id: networkId, tag: 'storage' } },
      timeoutMs: 60_000,
    });
    console.log(data?.interfaceAttachment.port_state);
  } catch (error) {
    if (error instanceof ValidationError) console.error('refused before sending:', error.issues);
    else if (error instanceof VersionError) console.error(error.message);
    else if (error instanceof ApiError) console.error(error.status, error.code, error.requestId);
    else throw error;
  }
});

it('NIC API example', async () => {
  const scp = createScpClient({ accessKey, secretKey, region: 'kr-west1' });
  const nic = await attachInterface(scp, {
    serverId,
    subnetId,
    ifAbsent: true,
    timeoutMs: 120_000,
  });
  console.log(nic.id, nic.mac, nic.ipAddresses);
  await detachInterface(scp, { serverId, interfaceId: nic.id, wait: true });
});
