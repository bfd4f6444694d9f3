// Differential test: the request-body validators the clients ship (generated data run by
// src/core/body-validator.ts) against ajv over the spec itself, the reference. Bodies are the
// catalogue's good and bad cases and the specs' examples, then random mutations of them (values
// replaced by other JSON, keys removed, keys of the schema's vocabulary added), so every branch of
// every schema is reached with near-miss inputs. Both must give the same verdict and the same
// errors (path, keyword, params, message), compared as multisets since the order differs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import catalogue from '../fixtures/request-bodies.json' with { type: 'json' };
import { collectExamples, loadSpecs, requestBodyPointer } from '../helpers/spec-validation.js';
import { allKeywords, bodyValidator } from '../../src/core/body-validator.js';
import { requestBodyValidators as scp } from '../../generated/scp.meta.js';
import { requestBodyValidators as huawei } from '../../generated/huawei.meta.js';
import { requestBodyValidators as openstack } from '../../generated/openstack.meta.js';
import { requestBodyValidators as rackspace } from '../../generated/rackspace.meta.js';
import { requestBodyValidators as katapult } from '../../generated/katapult.meta.js';
import { createSpecAjv } from '../../scripts/lib/compile-validators.js';

type Validator = (body: unknown) => boolean;
type WithErrors = { errors?: { instancePath: string; keyword: string; params: object; message?: string }[] | null };

const generated: Record<string, Record<string, Validator | undefined>> = {
  scp,
  huawei,
  openstack,
  rackspace,
  katapult,
};

/** Errors in a comparable form. ajv's oneOf `passingSchemas` is left out (see the oneOf test). */
function errorKeys(validator: WithErrors): string[] {
  return (validator.errors ?? [])
    .map((e) =>
      [
        e.instancePath,
        e.keyword,
        e.keyword === 'oneOf' ? '' : JSON.stringify(e.params),
        e.message ?? '',
      ].join(' | '),
    )
    .sort();
}

/** Every property name a schema tree mentions, to add plausible (allowed or forbidden) keys. */
function vocabulary(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => vocabulary(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') {
        Object.keys(value).forEach((k) => out.add(k));
      }
      vocabulary(value, out);
    }
  }
  return out;
}

const scalarArb = fc.oneof(
  fc.constantFrom('', 'a', '10.0.0.5', '192.168.0.300', '::1', 'fe80::1%eth0', '2001:db8::1'),
  fc.constantFrom('ce531f90-199f-48c0-816c-13e38010b442', 'not-a-uuid', '😀', 'x'.repeat(300)),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const valueArb = fc.oneof(
  { weight: 3, arbitrary: scalarArb },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.array(scalarArb, { maxLength: 3 }) },
);

type Mutation =
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'delete'; pick: number }
  | { kind: 'add'; pick: number; key: string; value: unknown }
  | { kind: 'duplicate'; pick: number };

/** Containers (objects and arrays) of a JSON tree, depth first, the root first. */
function containers(value: unknown, out: (object | unknown[])[] = []): (object | unknown[])[] {
  if (value && typeof value === 'object') {
    out.push(value);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

/** Sets an own property as JSON.parse would (`__proto__` included, never the prototype). */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function mutate(body: unknown, mutations: Mutation[]): unknown {
  let root: unknown = structuredClone(body);
  for (const m of mutations) {
    const all = containers(root);
    if (all.length === 0) {
      if (m.kind === 'replace' || m.kind === 'add') root = m.kind === "add" ? { [m.key]: m.value } : m.value; // a computed key is an own property
      continue;
    }
    const target = all[m.pick % all.length] as Record<string, unknown> | unknown[];
    const keys = Object.keys(target);
    const key = keys.length ? keys[m.pick % keys.length]! : undefined;
    if (m.kind === 'replace' && key !== undefined) (target as Record<string, unknown>)[key] = m.value;
    else if (m.kind === 'delete' && key !== undefined) {
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete (target as Record<string, unknown>)[key];
    } else if (m.kind === 'add') {
      if (Array.isArray(target)) target.push(m.value);
      else setOwn(target, m.key, m.value);
    } else if (m.kind === 'duplicate' && Array.isArray(target) && target.length) {
      target.push(structuredClone(target[0]));
    }
  }
  return root;
}

const operations = loadSpecs().flatMap((spec) =>
  Object.entries(generated[spec.name]!).map(([operationId, derived]) => {
    const pointer = requestBodyPointer(spec.doc, operationId);
    const ajv = createSpecAjv();
    const id = `urn:cloud-nic:diff:${spec.name}`;
    ajv.addSchema({ ...spec.doc, $id: id }, id);
    const reference = ajv.getSchema(`${id}${pointer}`)!;
    const seeds = [
      ...[...catalogue.good, ...catalogue.bad]
        .filter((c) => c.provider === spec.name && c.operationId === operationId)
        .map((c) => c.body as unknown),
      ...collectExamples(spec.doc)
        .filter((e) => e.schema === pointer)
        .map((e) => e.value),
    ];
    return {
      label: `${spec.name}.${operationId}`,
      derived: derived!,
      reference,
      seeds,
      keys: [...vocabulary(spec.doc.components), 'extra', '__proto__', 'constructor'],
    };
  }),
);

function compare(op: (typeof operations)[number], body: unknown) {
  const expected = op.reference(body);
  const actual = op.derived(body);
  expect({ valid: actual, errors: errorKeys(op.derived as WithErrors) }).toEqual({
    valid: expected,
    errors: errorKeys(op.reference as WithErrors),
  });
}

describe('generated request-body validators agree with ajv over the spec', () => {
  it('covers every operation with a request body, each with seed bodies', () => {
    expect(operations.length).toBe(13);
    for (const op of operations) expect(op.seeds.length, op.label).toBeGreaterThan(0);
  });

  it.each(operations.map((op) => [op.label, op] as const))(
    '%s: seeds and 400 random mutations of them',
    (_label, op) => {
      for (const seed of op.seeds) compare(op, seed);
      fc.assert(
        fc.property(
          fc.constantFrom(...op.seeds),
          fc.array(
            fc.oneof(
              fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: valueArb }),
              fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
              fc.record({
                kind: fc.constant('add' as const),
                pick: fc.nat(),
                key: fc.constantFrom(...op.keys),
                value: valueArb,
              }),
              fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
            ),
            { minLength: 1, maxLength: 3 },
          ),
          (seed, mutations) => compare(op, mutate(seed, mutations)),
        ),
        { numRuns: 400, endOnFailure: true },
      );
    },
  );

  it('non-object bodies: the verdicts and errors match too', () => {
    for (const op of operations) {
      for (const body of [undefined, null, 1, 'x', [], [{}], true]) compare(op, body);
    }
  });
});

describe('bodyValidator semantics ajv shares with JSON Schema', () => {
  const tables = { defs: [], formats: {}, keywords: allKeywords };

  it('oneOf passes with exactly one matching branch, and fails with none or several', () => {
    const v = bodyValidator({ oneOf: [{ type: 'string' }, { minLength: 2 }, { maxLength: 5 }] }, tables);
    expect(v(7)).toBe(false); // every branch passes: a number is not checked by minLength/maxLength
    expect(v('abcdefg')).toBe(false); // string and minLength both pass
    // All three pass. (ajv 8 accepts this: its generated oneOf loop re-validates on a third match.
    // The specs never have three overlapping branches; the differential test above would show it.)
    expect(v('abc')).toBe(false);
    const w = bodyValidator({ oneOf: [{ type: 'string' }, { type: 'integer' }] }, tables);
    expect(w('x')).toBe(true);
    expect(w(1.5)).toBe(false);
    expect(w.errors?.map((e) => e.keyword).sort()).toEqual(['oneOf', 'type', 'type']);
  });

  it('counts string lengths in code points and resolves $ref through the tables', () => {
    const v = bodyValidator(
      { $ref: 0 },
      { defs: [{ type: 'string', minLength: 2, maxLength: 2 }], formats: {}, keywords: allKeywords },
    );
    expect(v('😀😀')).toBe(true);
    expect(v('😀')).toBe(false);
    expect(v.errors).toEqual([
      {
        instancePath: '',
        keyword: 'minLength',
        params: { limit: 2 },
        message: 'must NOT have fewer than 2 characters',
      },
    ]);
  });

  it('escapes JSON Pointer paths like ajv', () => {
    const v = bodyValidator(
      { type: 'object', additionalProperties: { type: 'string' } },
      tables,
    );
    expect(v({ 'a/b~c': 1 })).toBe(false);
    expect(v.errors?.[0]?.instancePath).toBe('/a~1b~0c');
  });
});
