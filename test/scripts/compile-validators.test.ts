// The validator compiler ships only what the runtime interpreter understands: anything else fails
// generation with a message that says what to do, instead of being silently ignored.
import { describe, expect, it } from 'vitest';
import * as interpreter from '../../src/core/body-validator.js';
import { compileRequestValidators, KEYWORD_EXPORTS } from '../../scripts/lib/compile-validators.js';

const docWith = (schema: unknown) => ({
  openapi: '3.1.0',
  components: { schemas: { Body: schema, Shared: { type: 'string', format: 'uuid' } } },
});
const compile = (schema: unknown) =>
  compileRequestValidators(docWith(schema), { createThing: '#/components/schemas/Body' }, '// h');

describe('compileRequestValidators', () => {
  it('emits plain data: annotations dropped, $refs as indexes, only the formats used', () => {
    const code = compile({
      type: 'object',
      description: 'dropped',
      'x-vendor': 'dropped',
      properties: {
        id: { $ref: '#/components/schemas/Shared' },
        other: { $ref: '#/components/schemas/Shared' },
      },
    })!;
    expect(code).not.toContain('dropped');
    expect(code).toContain('defs:[{"type":"string","format":"uuid"}]');
    expect(code).toContain('"id":{"$ref":0},"other":{"$ref":0}');
    expect(code).toContain('"uuid":/^(?:urn:uuid:)?');
    expect(code).not.toContain('ipv6');
    expect(code).toContain('export const requestBodyValidators = {\n"createThing": bodyValidator(');
  });

  it('lists in the tables only the keyword checks the schemas use, in the interpreter order', () => {
    const code = compile({
      type: 'object',
      required: ['id'],
      additionalProperties: false,
      properties: { id: { $ref: '#/components/schemas/Shared' } },
    })!;
    expect(code).toContain(
      'keywords:[typeKeyword,formatKeyword,requiredKeyword,propertiesKeyword]',
    );
    expect(code).toContain(
      'import { bodyValidator, typeKeyword, formatKeyword, requiredKeyword, propertiesKeyword, type BodySchemaTables }',
    );
    expect(code).not.toContain('patternKeyword');
  });

  it("names the interpreter's keyword exports and their keys, in the order of allKeywords", () => {
    const exports = interpreter as unknown as Record<string, unknown>;
    expect(KEYWORD_EXPORTS.map(([name]) => exports[name])).toEqual(interpreter.allKeywords);
    // ...and the schema members each check reads, as the interpreter itself lists them.
    expect(KEYWORD_EXPORTS.map(([, keywords]) => keywords)).toEqual(
      interpreter.allKeywords.map((check) => check.keys),
    );
  });

  it('refuses a keyword the interpreter does not implement, naming it and where it is', () => {
    expect(() => compile({ type: 'object', patternProperties: { '^a': true } })).toThrow(
      /#\/components\/schemas\/Body: keyword "patternProperties" is not supported/,
    );
    expect(() => compile({ type: 'number', multipleOf: 2 })).toThrow(/"multipleOf"/);
  });

  it('refuses a format that is not a pattern, and an invalid pattern', () => {
    expect(() => compile({ type: 'string', format: 'date' })).toThrow(/format "date"/);
    expect(() => compile({ type: 'string', pattern: '(' })).toThrow(SyntaxError);
  });

  it('writes nothing for a spec without JSON request bodies', () => {
    expect(compileRequestValidators(docWith(true), {}, '// h')).toBeNull();
  });
});
