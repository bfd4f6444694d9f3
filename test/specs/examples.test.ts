// Every example written in every spec must satisfy the schema it illustrates (ajv, JSON Schema 2020-12).
import { describe, expect, it } from 'vitest';
import { collectExamples, loadSpecs } from '../helpers/spec-validation.js';

const specs = loadSpecs();

describe.each(specs.map((s) => [s.name, s] as const))('%s spec examples', (_name, spec) => {
  const examples = collectExamples(spec.doc);

  it('has examples to check', () => {
    // A spec with few examples would make this test vacuous; every operation documents several.
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples.map((e) => [e.at, e] as const))('%s', (_at, example) => {
    const result = spec.validate(example.schema, example.value);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
