// The catalogue of good and known-bad request bodies, checked twice: by ajv over the spec itself
// (the reference) and by the standalone validators that `npm run generate` derived from it (what
// the clients use). Both must agree on every case.
import { describe, expect, it } from 'vitest';
import catalogue from '../fixtures/request-bodies.json' with { type: 'json' };
import { loadSpecs, requestBodyPointer } from '../helpers/spec-validation.js';
import { requestBodyValidators as scp } from '../../generated/scp.meta.js';
import { requestBodyValidators as huawei } from '../../generated/huawei.meta.js';
import { requestBodyValidators as openstack } from '../../generated/openstack.meta.js';
import { requestBodyValidators as rackspace } from '../../generated/rackspace.meta.js';
import { requestBodyValidators as katapult } from '../../generated/katapult.meta.js';

const generated: Record<string, Record<string, ((body: unknown) => boolean) | undefined>> = {
  scp,
  huawei,
  openstack,
  rackspace,
  katapult,
};
const specs = Object.fromEntries(loadSpecs().map((s) => [s.name, s]));

type Case = { provider: string; operationId: string; why: string; body: unknown };
const label = (c: Case) => `${c.provider} ${c.operationId}: ${c.why}`;

function check(c: Case) {
  const spec = specs[c.provider];
  if (!spec) throw new Error(`no spec for ${c.provider}`);
  const reference = spec.validate(requestBodyPointer(spec.doc, c.operationId), c.body);
  const derived = generated[c.provider]?.[c.operationId];
  if (!derived) throw new Error(`no generated validator for ${c.provider}.${c.operationId}`);
  return { reference, derived: derived(c.body) };
}

describe('request bodies the specs accept', () => {
  it.each((catalogue.good as Case[]).map((c) => [label(c), c] as const))('%s', (_l, c) => {
    const { reference, derived } = check(c);
    expect(reference.errors).toEqual([]);
    expect(derived).toBe(true);
  });
});

describe('known-bad request bodies the specs reject', () => {
  it.each((catalogue.bad as Case[]).map((c) => [label(c), c] as const))('%s', (_l, c) => {
    const { reference, derived } = check(c);
    expect(reference.valid).toBe(false);
    expect(derived).toBe(false);
  });
});

it('covers every provider with good and bad cases', () => {
  for (const provider of Object.keys(generated)) {
    expect((catalogue.good as Case[]).some((c) => c.provider === provider)).toBe(true);
    expect((catalogue.bad as Case[]).some((c) => c.provider === provider)).toBe(true);
  }
});
