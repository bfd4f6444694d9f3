import { describe, expect, it } from 'vitest';
import { requestMicroversionFields } from '../../generated/openstack.meta.js';
import { VersionError } from '../../src/core/errors.js';
import {
  assertFieldsAllowed,
  compareMicroversions,
  microversionHeaders,
  microversionOfResponse,
  negotiateMicroversion,
  rangeFromNotAcceptable,
  rangeFromVersionDocument,
} from '../../src/versions/microversions.js';

it('compares numerically, not as text', () => {
  expect(compareMicroversions('2.9', '2.49')).toBeLessThan(0);
  expect(compareMicroversions('2.100', '2.99')).toBeGreaterThan(0);
  expect(compareMicroversions('2.70', '2.70')).toBe(0);
  expect(() => compareMicroversions('2', '2.1')).toThrow(TypeError);
});

describe('version documents', () => {
  it('reads the v2.1 entry of GET /', () => {
    const doc = {
      versions: [
        { id: 'v2.0', status: 'DEPRECATED', version: '', min_version: '' },
        { id: 'v2.1', status: 'CURRENT', version: '2.96', min_version: '2.1' },
      ],
    };
    expect(rangeFromVersionDocument(doc)).toEqual({ min: '2.1', max: '2.96' });
  });

  it('reads GET /v2.1/ and reports legacy endpoints as having no microversions', () => {
    expect(
      rangeFromVersionDocument({ version: { id: 'v2.1', version: '2.60', min_version: '2.1' } }),
    ).toEqual({ min: '2.1', max: '2.60' });
    expect(rangeFromVersionDocument({ versions: [{ id: 'v2.0', version: '' }] })).toBeNull();
  });

  it('reads the range out of a 406 message', () => {
    expect(
      rangeFromNotAcceptable(
        'Version 3.7 is not supported by the API. Minimum is 2.1 and maximum is 3.5.',
      ),
    ).toEqual({ min: '2.1', max: '3.5' });
  });
});

describe('negotiation', () => {
  it('picks the highest version both sides support', () => {
    expect(
      negotiateMicroversion({ min: '2.1', max: '2.104' }, { min: '2.1', max: '2.90' }, 'openstack'),
    ).toBe('2.90');
    expect(
      negotiateMicroversion({ min: '2.1', max: '2.70' }, { min: '2.1', max: '2.96' }, 'openstack'),
    ).toBe('2.70');
  });

  it('fails with VersionError when the ranges do not meet', () => {
    expect(() =>
      negotiateMicroversion({ min: '2.1', max: '2.60' }, { min: '2.70', max: '2.96' }, 'openstack'),
    ).toThrow(VersionError);
  });
});

it('sends both headers and reads either back', () => {
  expect(microversionHeaders('2.70')).toEqual({
    'OpenStack-API-Version': 'compute 2.70',
    'X-OpenStack-Nova-API-Version': '2.70',
  });
  expect(microversionOfResponse(new Headers({ 'OpenStack-API-Version': 'compute 2.79' }))).toBe(
    '2.79',
  );
  expect(microversionOfResponse(new Headers({ 'X-OpenStack-Nova-API-Version': '2.12' }))).toBe(
    '2.12',
  );
  expect(microversionOfResponse(new Headers())).toBeNull();
});

describe('fields newer than the microversion (from the spec: tag needs 2.49)', () => {
  const fields = requestMicroversionFields.attachServerInterface;
  const context = { provider: 'openstack' as const, operation: 'attachServerInterface' };
  const tagged = {
    interfaceAttachment: { port_id: 'ce531f90-199f-48c0-816c-13e38010b442', tag: 'public' },
  };

  it('refuses tag below 2.49', () => {
    expect(() => assertFieldsAllowed(fields, tagged, '2.48', context)).toThrow(
      /'tag' needs compute microversion 2.49/,
    );
    expect(() => assertFieldsAllowed(fields, tagged, null, context)).toThrow(VersionError);
  });

  it('allows tag from 2.49, and bodies without tag at any version', () => {
    expect(() => assertFieldsAllowed(fields, tagged, '2.49', context)).not.toThrow();
    expect(() =>
      assertFieldsAllowed(fields, { interfaceAttachment: { port_id: 'x' } }, '2.1', context),
    ).not.toThrow();
  });
});
