// The metadata derived from the specs carries what the clients need: each provider's whole NIC
// lifecycle, the SCP version tables of the seed, and the Nova microversion facts.
import { describe, expect, it } from 'vitest';
import * as scp from '../../generated/scp.meta.js';
import * as huawei from '../../generated/huawei.meta.js';
import * as openstack from '../../generated/openstack.meta.js';
import * as rackspace from '../../generated/rackspace.meta.js';
import * as katapult from '../../generated/katapult.meta.js';

const lifecycle: Record<
  string,
  { meta: { operations: object; operationDocs: object }; ids: string[] }
> = {
  scp: {
    meta: scp,
    ids: [
      'listServerInterfaces',
      'createServerInterface',
      'showServerInterface',
      'updateServerInterface',
      'deleteServerInterface',
      'listServiceVersions',
    ],
  },
  huawei: {
    meta: huawei,
    ids: [
      'novaListServerInterfaces',
      'novaAttachServerInterface',
      'novaShowServerInterface',
      'novaDetachServerInterface',
      'listComputeVersions',
      'batchAddServerNics',
      'batchDeleteServerNics',
      'listServerInterfaces',
      'showJob',
    ],
  },
  openstack: {
    meta: openstack,
    ids: [
      'listServerInterfaces',
      'attachServerInterface',
      'showServerInterface',
      'detachServerInterface',
      'listComputeVersions',
      'createToken',
    ],
  },
  rackspace: {
    meta: rackspace,
    ids: ['listVirtualInterfaces', 'createVirtualInterface', 'deleteVirtualInterface', 'createToken'],
  },
  katapult: {
    meta: katapult,
    ids: [
      'createVirtualMachineNetworkInterface',
      'listVirtualMachineNetworkInterfaces',
      'getVirtualMachineNetworkInterface',
      'getVirtualMachineNetworkInterfaceByNetwork',
      'deleteVirtualMachineNetworkInterface',
      'attachVirtualMachineNetworkInterface',
      'detachVirtualMachineNetworkInterface',
      'getTask',
    ],
  },
};

describe.each(Object.entries(lifecycle))('%s operations', (_provider, { meta, ids }) => {
  it('cover the whole NIC lifecycle', () => {
    expect(Object.keys(meta.operations)).toEqual(expect.arrayContaining(ids));
  });

  it('each have their docs (summary, tags ...) beside them, in the same order', () => {
    expect(Object.keys(meta.operationDocs)).toEqual(Object.keys(meta.operations));
  });
});

describe('SCP version tables', () => {
  it('carry the seed lifecycle of createServerInterface, newest first', () => {
    expect(scp.scpService).toBe('virtualserver');
    expect(scp.scpApiVersions?.createServerInterface).toEqual([
      { version: '1.3', status: 'CURRENT', notBefore: null },
      { version: '1.2', status: 'SUPPORTED', notBefore: '2026-08-31' },
      { version: '1.1', status: 'DEPRECATED', notBefore: '2026-05-31' },
      { version: '1.0', status: 'DEPRECATED', notBefore: '2025-12-31' },
    ]);
  });

  it('exist for every signed SCP operation, each with exactly one CURRENT version', () => {
    for (const [id, op] of Object.entries(scp.operations)) {
      if (!op.authenticated) continue;
      const table = scp.scpApiVersions?.[id as scp.OperationId];
      expect(table, id).toBeDefined();
      expect(table!.filter((v) => v.status === 'CURRENT')).toHaveLength(1);
    }
  });
});

describe('microversion facts', () => {
  it('give the Nova range and the tag field versions', () => {
    expect(openstack.microversions).toMatchObject({ service: 'compute', min: '2.1', max: '2.104' });
    expect(openstack.requestMicroversionFields.attachServerInterface).toContainEqual({
      pointer: '/interfaceAttachment/tag',
      min: '2.49',
    });
    expect(openstack.responseMicroversionFields.showServerInterface).toContainEqual({
      pointer: '/interfaceAttachment/tag',
      min: '2.70',
    });
  });

  it('describe Huawei v2.1 as microversioned from 2.1 and mark its Nova API deprecated', () => {
    expect(huawei.microversions?.min).toBe('2.1');
    expect(huawei.operationDocs.novaAttachServerInterface.deprecated).toBe(true);
    expect(huawei.operationDocs.batchAddServerNics.deprecated).toBe(false);
  });
});

describe('async operations name how to poll them', () => {
  it.each([
    ['huawei', huawei.operationDocs.batchAddServerNics.async?.poll, 'showJob'],
    ['katapult', katapult.operationDocs.attachVirtualMachineNetworkInterface.async?.poll, 'getTask'],
    ['openstack', openstack.operationDocs.attachServerInterface.async?.poll, 'showServerInterface'],
  ])('%s', (_p, poll, expected) => {
    expect(poll).toBe(expected);
  });
});

it('marks unauthenticated discovery and token calls as such', () => {
  expect(scp.operations.listServiceVersions.authenticated).toBe(false);
  expect(openstack.operations.listComputeVersions.authenticated).toBe(false);
  expect(openstack.operations.createToken.authenticated).toBe(false);
  expect(rackspace.operations.createToken.authenticated).toBe(false);
  expect(openstack.operations.attachServerInterface.authenticated).toBe(true);
});
