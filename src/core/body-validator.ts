/**
 * Request-body validation from the spec, small enough to ship in every client bundle.
 *
 * `npm run generate` reduces each operation's request-body schema to plain JSON Schema data
 * (annotations dropped, `$ref`s turned into indexes into a shared `defs` list, each `format` into
 * the regular expression ajv-formats uses for it) and wraps it with `bodyValidator` here. This
 * interpreter covers exactly the keywords the generator lets through (it refuses any other), with
 * ajv's semantics and ajv's error objects (`allErrors` mode), so callers read `errors` the same way;
 * a differential test against ajv over the specs keeps the two in step.
 */

/** A schema as the generator emits it: `true`/`false`, or an object of supported keywords. */
export type BodySchema = boolean | { readonly [keyword: string]: unknown };

/** What the schemas of one spec share: referenced subschemas and format patterns. */
export interface BodySchemaTables {
  readonly defs: readonly BodySchema[];
  readonly formats: Readonly<Record<string, RegExp>>;
}

/** One failed check, shaped like ajv's errors. */
export interface BodyValidationError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

/** Validates a parsed JSON body; after a call, `errors` holds the failures (or `null`). */
export interface BodyValidator {
  (data: unknown): boolean;
  errors: BodyValidationError[] | null;
}

type Schema = { readonly [keyword: string]: any };

/** JSON type of a value, as JSON Schema names them (`integer` is checked separately). */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return Number.isFinite(value);
  return jsonType(value) === type;
}

/** Length in code points, as JSON Schema counts `minLength`/`maxLength`. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++, n++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => k in b && deepEqual((a as any)[k], (b as any)[k]));
}

/** JSON Pointer escaping of one path segment. */
const segment = (key: string | number) =>
  typeof key === 'number' || !/[~/]/.test(key)
    ? `/${key}`
    : `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

const patterns = new Map<string, RegExp>();
const pattern = (source: string) => {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source, 'u')));
  return re;
};

/** ajv's message for each keyword, built only for the errors a failed validation keeps. */
const MESSAGES: Record<string, (params: Record<string, any>) => string> = {
  'false schema': () => 'boolean schema is false',
  type: (p) => `must be ${[p.type].flat().join(',')}`,
  enum: () => 'must be equal to one of the allowed values',
  const: () => 'must be equal to constant',
  minLength: (p) => `must NOT have fewer than ${p.limit} characters`,
  maxLength: (p) => `must NOT have more than ${p.limit} characters`,
  pattern: (p) => `must match pattern "${p.pattern}"`,
  format: (p) => `must match format "${p.format}"`,
  minItems: (p) => `must NOT have fewer than ${p.limit} items`,
  maxItems: (p) => `must NOT have more than ${p.limit} items`,
  minProperties: (p) => `must NOT have fewer than ${p.limit} properties`,
  maxProperties: (p) => `must NOT have more than ${p.limit} properties`,
  required: (p) => `must have required property '${p.missingProperty}'`,
  additionalProperties: () => 'must NOT have additional properties',
  oneOf: () => 'must match exactly one schema in oneOf',
  anyOf: () => 'must match a schema in anyOf',
};

type Failure = Omit<BodyValidationError, 'message'>;

/** Wraps one operation's request-body schema as a validator. */
export function bodyValidator(root: BodySchema, tables: BodySchemaTables): BodyValidator {
  let errors: Failure[] = [];
  const fail = (instancePath: string, keyword: string, params: Record<string, unknown> = {}) => {
    errors.push({ instancePath, keyword, params });
  };
  const limit = (at: string, keyword: string, value: number, bound: number | undefined) => {
    if (bound === undefined) return;
    if (keyword.startsWith('min') ? value < bound : value > bound)
      fail(at, keyword, { limit: bound });
  };

  const check = (schema: BodySchema, data: any, at: string): void => {
    if (schema === true) return;
    if (schema === false) return fail(at, 'false schema');
    const s = schema as Schema;
    if (s.$ref !== undefined) check(tables.defs[s.$ref]!, data, at);
    if (s.type !== undefined) {
      const ok = Array.isArray(s.type)
        ? s.type.some((t: string) => hasType(data, t))
        : hasType(data, s.type);
      if (!ok) fail(at, 'type', { type: s.type });
    }
    if (s.enum && !s.enum.some((v: unknown) => deepEqual(v, data))) {
      fail(at, 'enum', { allowedValues: s.enum });
    }
    if ('const' in s && !deepEqual(s.const, data)) fail(at, 'const', { allowedValue: s.const });
    if (typeof data === 'string') checkString(s, data, at);
    else if (Array.isArray(data)) checkArray(s, data, at);
    else if (data !== null && typeof data === 'object') checkObject(s, data, at);
    if (s.allOf) for (const sub of s.allOf) check(sub, data, at);
    if (s.anyOf) alternatives(s.anyOf, data, at, 'anyOf');
    if (s.oneOf) alternatives(s.oneOf, data, at, 'oneOf');
  };

  /** Runs every branch; keeps the branches' errors only when the combination fails, like ajv. */
  const alternatives = (
    branches: BodySchema[],
    data: unknown,
    at: string,
    keyword: 'anyOf' | 'oneOf',
  ) => {
    const before = errors.length;
    let passed = 0;
    for (const branch of branches) {
      const start = errors.length;
      check(branch, data, at);
      if (errors.length === start) passed++;
    }
    if (keyword === 'oneOf' ? passed === 1 : passed > 0) errors.length = before;
    else fail(at, keyword, keyword === 'oneOf' ? { passingSchemas: null } : {});
  };

  const checkString = (s: Schema, data: string, at: string) => {
    if (s.minLength !== undefined || s.maxLength !== undefined) {
      const length = codePoints(data);
      limit(at, 'minLength', length, s.minLength);
      limit(at, 'maxLength', length, s.maxLength);
    }
    if (s.pattern !== undefined && !pattern(s.pattern).test(data)) {
      fail(at, 'pattern', { pattern: s.pattern });
    }
    if (s.format !== undefined && !tables.formats[s.format]!.test(data)) {
      fail(at, 'format', { format: s.format });
    }
  };

  const checkArray = (s: Schema, data: unknown[], at: string) => {
    limit(at, 'minItems', data.length, s.minItems);
    limit(at, 'maxItems', data.length, s.maxItems);
    if (s.items !== undefined) data.forEach((item, i) => check(s.items, item, at + segment(i)));
  };

  const checkObject = (s: Schema, data: Record<string, unknown>, at: string) => {
    const keys = Object.keys(data);
    limit(at, 'minProperties', keys.length, s.minProperties);
    limit(at, 'maxProperties', keys.length, s.maxProperties);
    for (const name of s.required ?? []) {
      if (data[name] === undefined) fail(at, 'required', { missingProperty: name });
    }
    const properties: Record<string, BodySchema> = s.properties ?? {};
    for (const key of keys) {
      if (Object.hasOwn(properties, key)) {
        check(properties[key]!, data[key], at + segment(key));
      } else if (s.additionalProperties === false) {
        fail(at, 'additionalProperties', { additionalProperty: key });
      } else if (s.additionalProperties !== undefined) {
        check(s.additionalProperties, data[key], at + segment(key));
      }
    }
  };

  const validate = ((data: unknown) => {
    errors = [];
    check(root, data, '');
    validate.errors = errors.length
      ? errors.map((e) => ({ ...e, message: MESSAGES[e.keyword]!(e.params) }))
      : null;
    return errors.length === 0;
  }) as BodyValidator;
  validate.errors = null;
  return validate;
}
