// Turns each operation's JSON request-body schema into data for the small interpreter the clients
// ship (src/core/body-validator.ts), so they check bodies exactly as the spec states with no ajv at
// run time. ajv stays the reference: tests validate the specs' examples with `createSpecAjv` and
// compare its verdicts and errors with the generated validators'.
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';

// ajv ships CommonJS; under NodeNext the default export sits on `.default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

/** An ajv instance configured the way every spec-driven validator in cloud-nic is. */
export function createSpecAjv() {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    validateSchema: false,
    discriminator: false,
  });
  addFormats(ajv);
  return ajv;
}

/** Keywords that only annotate a schema: they are dropped, not shipped. */
const ANNOTATION_KEYWORDS = new Set([
  'description',
  'title',
  'example',
  'examples',
  '$comment',
  'externalDocs',
  'xml',
]);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The keywords `src/core/body-validator.ts` implements, each with the export that checks it, in
 * the order of its `allKeywords` (a test keeps the two in step). A generated module imports only
 * the exports its schemas need. Any other keyword (but `$ref`) fails generation.
 */
export const KEYWORD_EXPORTS: readonly (readonly [exportName: string, keywords: string[]])[] = [
  ['typeKeyword', ['type']],
  ['enumKeyword', ['enum']],
  ['constKeyword', ['const']],
  ['minLengthKeyword', ['minLength']],
  ['maxLengthKeyword', ['maxLength']],
  ['patternKeyword', ['pattern']],
  ['formatKeyword', ['format']],
  ['minItemsKeyword', ['minItems']],
  ['maxItemsKeyword', ['maxItems']],
  ['itemsKeyword', ['items']],
  ['minPropertiesKeyword', ['minProperties']],
  ['maxPropertiesKeyword', ['maxProperties']],
  ['requiredKeyword', ['required']],
  ['propertiesKeyword', ['properties', 'additionalProperties']],
  ['allOfKeyword', ['allOf']],
  ['anyOfKeyword', ['anyOf']],
  ['oneOfKeyword', ['oneOf']],
];

const SUPPORTED_KEYWORDS = new Set([
  '$ref',
  ...KEYWORD_EXPORTS.flatMap(([, keywords]) => keywords),
]);

/** Keywords ajv ignores in this dialect and that change nothing a validator checks. */
const INERT_KEYWORDS = new Set(['default', 'deprecated', 'readOnly', 'writeOnly', 'nullable']);

/** Follows a local JSON pointer (`#/a/b`) in the document. */
function resolvePointer(doc: unknown, pointer: string): unknown {
  if (!pointer.startsWith('#/')) throw new Error(`only local $refs are supported, got ${pointer}`);
  let node = doc;
  for (const raw of pointer.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) throw new Error(`unresolvable $ref ${pointer}`);
    node = (node as Json)[key];
    if (node === undefined) throw new Error(`unresolvable $ref ${pointer}`);
  }
  return node;
}

/**
 * Rewrites schemas for the interpreter: annotations dropped, each `$ref` replaced by its index in
 * a shared `defs` list (every referenced schema stored once), formats collected.
 */
class SchemaReducer {
  readonly defs: unknown[] = [];
  readonly formats = new Set<string>();
  /** Every keyword the reduced schemas use (but `$ref`). */
  readonly keywords = new Set<string>();
  private readonly indexOf = new Map<string, number>();

  constructor(private readonly doc: Json) {}

  reduce(schema: unknown, where: string): unknown {
    if (typeof schema === 'boolean') return schema;
    if (!isObject(schema)) throw new Error(`${where}: a schema must be an object or a boolean`);
    const out: Json = {};
    for (const [key, value] of Object.entries(schema)) {
      if (ANNOTATION_KEYWORDS.has(key) || INERT_KEYWORDS.has(key) || key.startsWith('x-')) continue;
      if (!SUPPORTED_KEYWORDS.has(key)) {
        throw new Error(
          `${where}: keyword "${key}" is not supported by the request-body validator ` +
            '(src/core/body-validator.ts); add it there, with a differential test against ajv',
        );
      }
      const at = `${where}/${key}`;
      if (key !== '$ref') this.keywords.add(key);
      if (key === '$ref') out.$ref = this.refIndex(String(value));
      else if (key === 'properties') {
        out.properties = Object.fromEntries(
          Object.entries(value as Json).map(([n, sub]) => [n, this.reduce(sub, `${at}/${n}`)]),
        );
      } else if (key === 'items' || key === 'additionalProperties') {
        out[key] = this.reduce(value, at);
      } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
        out[key] = (value as unknown[]).map((sub, i) => this.reduce(sub, `${at}/${i}`));
      } else {
        if (key === 'format') this.formats.add(String(value));
        if (key === 'pattern') new RegExp(String(value), 'u'); // fails generation if invalid
        out[key] = value;
      }
    }
    return out;
  }

  private refIndex(pointer: string): number {
    const known = this.indexOf.get(pointer);
    if (known !== undefined) return known;
    const index = this.defs.length;
    this.indexOf.set(pointer, index);
    this.defs.push(null); // reserved first, so recursive references terminate
    this.defs[index] = this.reduce(resolvePointer(this.doc, pointer), pointer);
    return index;
  }
}

/** The regular expression ajv-formats checks a format with (only pattern formats are shipped). */
function formatPattern(name: string): RegExp {
  const definition = (fullFormats as Record<string, unknown>)[name];
  if (!(definition instanceof RegExp)) {
    throw new Error(
      `format "${name}" is not a pattern format of ajv-formats; the request-body validator cannot check it`,
    );
  }
  return definition;
}

/**
 * The `generated/<p>.validators.ts` module of a spec: `requestBodyValidators`, one validator per
 * operation with a JSON request body (as data for `bodyValidator`), by operationId; `null` when no
 * operation has one. One plain object rather than an export per operation: the meta module hands
 * the whole table to the client, and a namespace import of single exports would cost a bundle an
 * accessor per operation.
 */
export function compileRequestValidators(
  doc: Record<string, unknown>,
  pointers: Record<string, string>,
  header: string,
): string | null {
  if (Object.keys(pointers).length === 0) return null;
  const reducer = new SchemaReducer(doc);
  const roots = Object.entries(pointers).map(
    ([operationId, pointer]) =>
      [operationId, reducer.reduce(resolvePointer(doc, pointer), pointer)] as const,
  );
  const formats = [...reducer.formats]
    .sort()
    .map((name) => `${JSON.stringify(name)}:${String(formatPattern(name))}`);
  const keywords = KEYWORD_EXPORTS.filter(([, names]) =>
    names.some((name) => reducer.keywords.has(name)),
  ).map(([exportName]) => exportName);
  return [
    header,
    `import { bodyValidator, ${keywords.join(', ')}, type BodySchemaTables } from '../src/core/body-validator.js';`,
    '',
    '/** Schemas the request bodies share ($ref targets, by index), the format patterns, the keywords used. */',
    `const tables: BodySchemaTables = {defs:${JSON.stringify(reducer.defs)},formats:{${formats.join(',')}},keywords:[${keywords.join(',')}]};`,
    '',
    '/** Request-body validators by operationId. */',
    'export const requestBodyValidators = {',
    ...roots.map(
      ([operationId, schema]) =>
        `${JSON.stringify(operationId)}: bodyValidator(${JSON.stringify(schema)}, tables),`,
    ),
    '};',
    '',
  ].join('\n');
}
