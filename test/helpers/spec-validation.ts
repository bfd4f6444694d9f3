// Validates values against schemas inside an OpenAPI document with ajv (JSON Schema 2020-12), the
// validator the tests trust: it is not the code under test.
import { createSpecAjv } from '../../scripts/lib/compile-validators.js';
import { createResolver } from '../../scripts/lib/derive-meta.js';
import { loadSpec, readSpecEntries } from '../../scripts/lib/spec-files.js';

type Json = Record<string, unknown>;

export interface LoadedSpec {
  name: string;
  doc: Json;
  /** Validates `value` against the schema at a JSON pointer of the document. */
  validate(pointer: string, value: unknown): { valid: boolean; errors: string[] };
}

export function loadSpecs(): LoadedSpec[] {
  return readSpecEntries().map((entry) => {
    const doc = loadSpec(entry.specPath);
    const ajv = createSpecAjv();
    const id = `urn:cloud-nic:test:${entry.name}`;
    ajv.addSchema({ ...doc, $id: id }, id);
    return {
      name: entry.name,
      doc,
      validate(pointer, value) {
        const check = ajv.getSchema(`${id}${pointer}`);
        if (!check) throw new Error(`no schema at ${pointer}`);
        const valid = check(value) as boolean;
        return {
          valid,
          errors: (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`),
        };
      },
    };
  });
}

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export interface ExampleCase {
  /** Where the example is written, as a JSON pointer. */
  at: string;
  /** Pointer of the schema the example must satisfy. */
  schema: string;
  value: unknown;
}

/**
 * Every example in the document paired with the schema it illustrates: media-type `example` and
 * `examples`, parameter and header examples, and schema-level `examples` arrays.
 */
export function collectExamples(doc: Json): ExampleCase[] {
  const resolve = createResolver(doc);
  const cases: ExampleCase[] = [];
  const exampleValue = (example: unknown) => resolve<Json>(example).value;

  const fromHolder = (holder: Json, at: string, schemaPointer: string) => {
    if ('example' in holder)
      cases.push({ at: `${at}/example`, schema: schemaPointer, value: holder.example });
    for (const [name, example] of Object.entries((holder.examples as Json) ?? {})) {
      cases.push({
        at: `${at}/examples/${escape(name)}`,
        schema: schemaPointer,
        value: exampleValue(example),
      });
    }
  };

  const walk = (node: unknown, at: string) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${at}/${i}`));
      return;
    }
    const obj = node as Json;
    // Media types, parameters and headers: an object with `schema` next to `example(s)`.
    if (obj.schema && typeof obj.schema === 'object' && ('example' in obj || 'examples' in obj)) {
      fromHolder(obj, at, `${at}/schema`);
    }
    // Schema-level examples (JSON Schema 2020-12: an array of instances).
    if (Array.isArray(obj.examples) && (obj.type || obj.properties || obj.oneOf || obj.$ref)) {
      obj.examples.forEach((value, i) =>
        cases.push({ at: `${at}/examples/${i}`, schema: at, value }),
      );
    }
    for (const [key, child] of Object.entries(obj)) {
      if (key === 'examples' || key === 'example') continue;
      walk(child, `${at}/${escape(key)}`);
    }
  };
  walk(doc, '#');
  return cases;
}

/** JSON pointer of an operation's JSON request-body schema. */
export function requestBodyPointer(doc: Json, operationId: string): string {
  const resolve = createResolver(doc);
  for (const [path, item] of Object.entries((doc.paths as Json) ?? {})) {
    for (const [method, op] of Object.entries(resolve<Json>(item))) {
      if ((op as Json)?.operationId !== operationId) continue;
      const body = (op as Json).requestBody as Json;
      const base =
        typeof body.$ref === 'string' ? body.$ref : `#/paths/${escape(path)}/${method}/requestBody`;
      const content = resolve<Json>(body).content as Json;
      const type = Object.keys(content).find((t) => t.includes('json'));
      if (!type) throw new Error(`${operationId} has no JSON request body`);
      return `${base}/content/${escape(type)}/schema`;
    }
  }
  throw new Error(`operationId ${operationId} not found`);
}
