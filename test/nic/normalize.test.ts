// Normalization of MAC addresses and provider states.
import { describe, expect, it } from 'vitest';
import {
  NIC_INPUTS,
  normalizeKatapultState,
  normalizeMac,
  normalizePortState,
} from '../../src/nic/index.js';

describe('normalizeMac', () => {
  it('turns every common spelling into lower-case colon pairs', () => {
    for (const input of [
      'FE:ED:FA:00:08:93',
      'fe-ed-fa-00-08-93',
      'feed.fa00.0893',
      'FEEDFA000893',
      ' fe:ed:fa:0:8:93 ',
    ]) {
      expect(normalizeMac(input)).toBe('fe:ed:fa:00:08:93');
    }
  });
  it('is null for anything else', () => {
    for (const input of [
      undefined,
      null,
      42,
      '',
      'fe:ed:fa:00:08',
      'zz:ed:fa:00:08:93',
      'fe:ed:fa:00:08:93:01',
    ]) {
      expect(normalizeMac(input)).toBeNull();
    }
  });
});

describe('states', () => {
  it('maps Neutron port states', () => {
    expect(
      ['ACTIVE', 'BUILD', 'DOWN', 'ERROR', 'N/A', 'weird', undefined].map(normalizePortState),
    ).toEqual(['active', 'building', 'down', 'error', 'unknown', 'unknown', 'unknown']);
  });
  it('maps Katapult NIC states', () => {
    expect(['attached', 'detached', '_none'].map(normalizeKatapultState)).toEqual([
      'active',
      'detached',
      'unknown',
    ]);
  });
  it('documents which provider takes which input', () => {
    expect(NIC_INPUTS.fixedIp).toEqual(['scp', 'huawei', 'openstack']);
    expect(NIC_INPUTS.tag).toEqual(['openstack']);
    expect(NIC_INPUTS.securityGroups).toEqual(['huawei']);
    expect(NIC_INPUTS.portId).not.toContain('rackspace');
    expect(NIC_INPUTS.portId).not.toContain('katapult');
  });
});
