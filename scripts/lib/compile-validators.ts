// Compiles each operation's JSON request-body schema into standalone validator code with ajv,
// so the clients check bodies exactly as the spec states, with no ajv at run time.
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';

// ajv ships CommonJS; under NodeNext the default export sits on `.default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
const standaloneCode = standaloneModule.default;

/** ajv's runtime helper for maxLength/minLength in code points, inlined (standalone ESM keeps a require()). */
const UCS2LENGTH = `function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}`;

/** An ajv instance configured the way every spec-driven validator in cloud-nic is. */
export function createSpecAjv(options: { code?: boolean } = {}) {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    validateSchema: false,
    discriminator: false,
    ...(options.code ? { code: { source: true, esm: true } } : {}),
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Keywords that only annotate a schema: ajv generates no code for them, but a schema object that
 * the generated code references (e.g. for `enum`'s allowed values) is emitted whole, and every
 * description and example would be shipped with it.
 */
const ANNOTATION_KEYWORDS = new Set([
  'description',
  'title',
  'example',
  'examples',
  '$comment',
  'externalDocs',
  'xml',
]);

/** Keywords whose value is one subschema. */
const SUBSCHEMA_KEYWORDS = new Set([
  'additionalProperties',
  'additionalItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contentSchema',
]);
/** Keywords whose value is a list of subschemas (`items` may also be one schema). */
const SUBSCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items']);
/** Keywords whose value maps names to subschemas. */
const SUBSCHEMA_MAP_KEYWORDS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
]);

/** Keywords that need ajv's evaluation tracking or dynamic scopes (none of the specs use them). */
const DYNAMIC_KEYWORDS = new Set([
  'unevaluatedProperties',
  'unevaluatedItems',
  '$dynamicRef',
  '$dynamicAnchor',
  '$recursiveRef',
  '$recursiveAnchor',
]);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of a JSON Schema without annotation keywords, at every level (property names kept). */
export function stripSchemaAnnotations(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATION_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    if (SUBSCHEMA_KEYWORDS.has(key)) {
      out[key] = stripSchemaAnnotations(value);
    } else if (SUBSCHEMA_LIST_KEYWORDS.has(key)) {
      out[key] = Array.isArray(value)
        ? value.map(stripSchemaAnnotations)
        : stripSchemaAnnotations(value);
    } else if (SUBSCHEMA_MAP_KEYWORDS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, stripSchemaAnnotations(sub)]),
      );
    } else {
      out[key] = value; // a value (enum, const, default, required...), never rewritten
    }
  }
  return out;
}

/**
 * The OpenAPI document with every schema stripped of annotations: `components.schemas` and every
 * `schema` of a media type, parameter or header. JSON pointers into the document stay valid.
 */
export function stripDocumentAnnotations(node: unknown, inComponents = false): unknown {
  if (Array.isArray(node)) return node.map((item) => stripDocumentAnnotations(item));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'schema' || (inComponents && key === 'schemas' && isObject(value))) {
      out[key] =
        key === 'schema'
          ? stripSchemaAnnotations(value)
          : Object.fromEntries(
              Object.entries(value as Json).map(([n, s]) => [n, stripSchemaAnnotations(s)]),
            );
    } else {
      out[key] = stripDocumentAnnotations(value, key === 'components');
    }
  }
  return out;
}

function usesDynamicKeywords(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(usesDynamicKeywords);
  if (!isObject(node)) return false;
  return Object.entries(node).some(
    ([key, value]) => DYNAMIC_KEYWORDS.has(key) || usesDynamicKeywords(value),
  );
}

/**
 * Removes `const schemaN = {...};` declarations that the code never uses (ajv emits the root
 * schema of every function; only those read at run time, e.g. by `enum`, are needed).
 */
function dropUnusedSchemaConstants(code: string): string {
  let out = code;
  for (const match of code.matchAll(/const (schema\d+) = /g)) {
    const name = match[1]!;
    const uses = out.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
    if (uses !== 1) continue;
    const start = out.indexOf(`const ${name} = `);
    const end = endOfJsonValue(out, start + `const ${name} = `.length);
    if (out[end] !== ';') throw new Error(`unexpected code after ${name}`);
    out = out.slice(0, start) + out.slice(end + 1);
  }
  return out;
}

/** Index just after the JSON value (object or array, as ajv writes it) starting at `from`. */
function endOfJsonValue(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
    } else if (ch === '{' || ch === '[') {
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('unterminated JSON value in standalone code');
}

/** The helper that replaces ajv's repeated "append one error" block (see below). */
const PUSH_ERROR = `function pushError(list, error) {
  if (list === null) return [error];
  list.push(error);
  return list;
}`;

export function compileRequestValidators(
  doc: Record<string, unknown>,
  pointers: Record<string, string>,
  header: string,
): string | null {
  if (Object.keys(pointers).length === 0) return null;
  const ajv = createSpecAjv({ code: true });
  // Ajv2020 always turns on tracking for unevaluated* and $dynamicRef, which costs code in every
  // function. Without those keywords in the spec the checks generated are the same without it.
  if (!usesDynamicKeywords(doc)) {
    const opts = ajv.opts as { unevaluated?: boolean; dynamicRef?: boolean };
    opts.unevaluated = false;
    opts.dynamicRef = false;
  }
  const id = 'urn:cloud-nic:spec';
  ajv.addSchema({ ...(stripDocumentAnnotations(doc) as Json), $id: id }, id);
  const refs = Object.fromEntries(
    Object.entries(pointers).map(([operationId, pointer]) => [operationId, `${id}${pointer}`]),
  );
  let code = standaloneCode(ajv, refs);
  code = code.replace(
    /const (\w+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/g,
    (_m, name) => `const ${name} = ucs2length;`,
  );
  if (/\brequire\(/.test(code)) {
    const what = code.match(/require\("([^"]+)"\)/)?.[1];
    throw new Error(
      `standalone validator needs ${what} at run time; use a schema construct that compiles to plain code`,
    );
  }
  // Size (these validators ship in every client bundle), each rewrite keeping behaviour:
  // - ajv appends each error with the same 60-character block; one helper call does the same;
  // - `schemaPath` (a pointer into the spec) is read by nothing in cloud-nic: issues are built
  //   from instancePath, keyword, params and message (src/providers/client-kit.ts);
  // - schema constants nothing reads are dropped.
  code = code.replace(
    /if\(vErrors === null\)\{vErrors = \[(err\d+)\];\}else \{vErrors\.push\(\1\);\}errors\+\+;/g,
    (_m, err) => `vErrors = pushError(vErrors, ${err});errors++;`,
  );
  code = code.replace(/schemaPath:"(?:[^"\\]|\\.)*",/g, '');
  code = dropUnusedSchemaConstants(code);
  const helpers = code.includes('pushError(') ? `${UCS2LENGTH}\n${PUSH_ERROR}` : UCS2LENGTH;
  return `${header}\n// @ts-nocheck\n${code.replace('"use strict";', '')}\n${helpers}\n`;
}
