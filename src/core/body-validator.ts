/**
 * Request-body validation from the spec, small enough to ship in every client bundle.
 *
 * `npm run generate` reduces each operation's request-body schema to plain JSON Schema data
 * (annotations dropped, `$ref`s turned into indexes into a shared `defs` list, each `format` into
 * the regular expression ajv-formats uses for it) and wraps it with `bodyValidator` here. This
 * interpreter covers exactly the keywords the generator lets through (it refuses any other), with
 * ajv's semantics and ajv's error objects (`allErrors` mode), so callers read `errors` the same way;
 * a differential test against ajv over the specs keeps the two in step.
 *
 * Each keyword check is a separate export (`typeKeyword`, `minLengthKeyword` ...) and a generated
 * module passes only the ones its spec uses, so a client bundle carries no code for the others.
 * Messages are written when a check fails (a valid body builds none).
 */

/** A schema as the generator emits it: `true`/`false`, or an object of supported keywords. */
export type BodySchema = boolean | { readonly [keyword: string]: unknown };

/** What the schemas of one spec share: referenced subschemas, format patterns, keywords used. */
export interface BodySchemaTables {
  readonly defs: readonly BodySchema[];
  readonly formats: Readonly<Record<string, RegExp>>;
  /** The keyword checks the schemas need, in the order of {@link allKeywords}. */
  readonly keywords: readonly Keyword[];
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

/** What a keyword check works with while one body is validated. */
export interface ValidationRun {
  /** The failures so far (alternatives drop their branches' failures when one branch passes). */
  readonly errors: BodyValidationError[];
  readonly formats: Readonly<Record<string, RegExp>>;
  /** Records a failure with ajv's keyword, params and message. */
  fail(
    instancePath: string,
    keyword: string,
    params: Record<string, unknown>,
    message: string,
  ): void;
  /** Checks `data` against a subschema (a `$ref` is followed). */
  check(schema: BodySchema, data: unknown, instancePath: string): void;
}

type KeywordCheck = (schema: Schema, data: any, at: string, run: ValidationRun) => void;

/**
 * Checks `data` against one keyword of `schema`; does nothing when the schema lacks it. `keys` are
 * the schema members it reads, so that a schema runs only the checks it has a member for.
 */
export type Keyword = KeywordCheck & { readonly keys: readonly string[] };

function keyword(keys: readonly string[], check: KeywordCheck): Keyword {
  return Object.assign(check, { keys });
}

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

const isPlainObject = (data: unknown): data is Record<string, unknown> =>
  data !== null && typeof data === 'object' && !Array.isArray(data);

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

/**
 * `minLength` ... `maxProperties`: a bound on the size of one kind of value (`measure` answers
 * undefined for the other kinds).
 */
function sizeLimit(
  name: string,
  measure: (data: unknown) => number | undefined,
  unit: string,
): Keyword {
  const isMin = name.startsWith('min');
  return keyword([name], (schema, data, at, run) => {
    const limit: number | undefined = schema[name];
    const size = limit === undefined ? undefined : measure(data);
    if (size !== undefined && (isMin ? size < limit! : size > limit!)) {
      run.fail(
        at,
        name,
        { limit },
        `must NOT have ${isMin ? 'fewer' : 'more'} than ${limit} ${unit}`,
      );
    }
  });
}

const stringLength = (data: unknown) => (typeof data === 'string' ? codePoints(data) : undefined);
const itemCount = (data: unknown) => (Array.isArray(data) ? data.length : undefined);
const propertyCount = (data: unknown) =>
  isPlainObject(data) ? Object.keys(data).length : undefined;

/** `anyOf`/`oneOf`: runs every branch; keeps their failures only when the combination fails. */
function alternatives(name: 'anyOf' | 'oneOf', message: string): Keyword {
  return keyword([name], (schema, data, at, run) => {
    const branches: BodySchema[] | undefined = schema[name];
    if (!branches) return;
    const before = run.errors.length;
    let passed = 0;
    for (const branch of branches) {
      const start = run.errors.length;
      run.check(branch, data, at);
      if (run.errors.length === start) passed++;
    }
    if (name === 'oneOf' ? passed === 1 : passed > 0) run.errors.length = before;
    else run.fail(at, name, name === 'oneOf' ? { passingSchemas: null } : {}, message);
  });
}

export const typeKeyword = /* @__PURE__ */ keyword(['type'], (schema, data, at, run) => {
  const type: string | string[] | undefined = schema.type;
  if (type === undefined) return;
  const ok = Array.isArray(type) ? type.some((t) => hasType(data, t)) : hasType(data, type);
  if (!ok) run.fail(at, 'type', { type }, `must be ${[type].flat().join(',')}`);
});

export const enumKeyword = /* @__PURE__ */ keyword(['enum'], (schema, data, at, run) => {
  const allowed: unknown[] | undefined = schema.enum;
  if (allowed && !allowed.some((v) => deepEqual(v, data))) {
    run.fail(at, 'enum', { allowedValues: allowed }, 'must be equal to one of the allowed values');
  }
});

export const constKeyword = /* @__PURE__ */ keyword(['const'], (schema, data, at, run) => {
  if ('const' in schema && !deepEqual(schema.const, data)) {
    run.fail(at, 'const', { allowedValue: schema.const }, 'must be equal to constant');
  }
});

export const minLengthKeyword = /* @__PURE__ */ sizeLimit('minLength', stringLength, 'characters');
export const maxLengthKeyword = /* @__PURE__ */ sizeLimit('maxLength', stringLength, 'characters');

const patterns = new Map<string, RegExp>();

export const patternKeyword = /* @__PURE__ */ keyword(['pattern'], (schema, data, at, run) => {
  const pattern: string | undefined = schema.pattern;
  if (pattern === undefined || typeof data !== 'string') return;
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, (re = new RegExp(pattern, 'u')));
  if (!re.test(data)) run.fail(at, 'pattern', { pattern }, `must match pattern "${pattern}"`);
});

export const formatKeyword = /* @__PURE__ */ keyword(['format'], (schema, data, at, run) => {
  const format: string | undefined = schema.format;
  if (format !== undefined && typeof data === 'string' && !run.formats[format]!.test(data)) {
    run.fail(at, 'format', { format }, `must match format "${format}"`);
  }
});

export const minItemsKeyword = /* @__PURE__ */ sizeLimit('minItems', itemCount, 'items');
export const maxItemsKeyword = /* @__PURE__ */ sizeLimit('maxItems', itemCount, 'items');

export const itemsKeyword = /* @__PURE__ */ keyword(['items'], (schema, data, at, run) => {
  if (schema.items === undefined || !Array.isArray(data)) return;
  data.forEach((item, i) => run.check(schema.items, item, at + segment(i)));
});

export const minPropertiesKeyword = /* @__PURE__ */ sizeLimit(
  'minProperties',
  propertyCount,
  'properties',
);
export const maxPropertiesKeyword = /* @__PURE__ */ sizeLimit(
  'maxProperties',
  propertyCount,
  'properties',
);

export const requiredKeyword = /* @__PURE__ */ keyword(['required'], (schema, data, at, run) => {
  if (!schema.required || !isPlainObject(data)) return;
  for (const name of schema.required as string[]) {
    if (data[name] === undefined) {
      run.fail(at, 'required', { missingProperty: name }, `must have required property '${name}'`);
    }
  }
});

/** `properties` and `additionalProperties` together: each member is checked by one of them. */
export const propertiesKeyword = /* @__PURE__ */ keyword(
  ['properties', 'additionalProperties'],
  (schema, data, at, run) => {
    const additional: BodySchema | undefined = schema.additionalProperties;
    if ((schema.properties === undefined && additional === undefined) || !isPlainObject(data))
      return;
    const properties: Record<string, BodySchema> = schema.properties ?? {};
    for (const key of Object.keys(data)) {
      if (Object.hasOwn(properties, key)) {
        run.check(properties[key]!, data[key], at + segment(key));
      } else if (additional === false) {
        run.fail(
          at,
          'additionalProperties',
          { additionalProperty: key },
          'must NOT have additional properties',
        );
      } else if (additional !== undefined) {
        run.check(additional, data[key], at + segment(key));
      }
    }
  },
);

export const allOfKeyword = /* @__PURE__ */ keyword(['allOf'], (schema, data, at, run) => {
  for (const sub of (schema.allOf as BodySchema[] | undefined) ?? []) run.check(sub, data, at);
});

export const anyOfKeyword = /* @__PURE__ */ alternatives('anyOf', 'must match a schema in anyOf');
export const oneOfKeyword = /* @__PURE__ */ alternatives(
  'oneOf',
  'must match exactly one schema in oneOf',
);

/**
 * Every keyword check, in the order they run on a schema (so the failures, and the first issue a
 * `ValidationError` names, come in a stable order). Generated modules list theirs in this order.
 */
export const allKeywords: readonly Keyword[] = [
  typeKeyword,
  enumKeyword,
  constKeyword,
  minLengthKeyword,
  maxLengthKeyword,
  patternKeyword,
  formatKeyword,
  minItemsKeyword,
  maxItemsKeyword,
  itemsKeyword,
  minPropertiesKeyword,
  maxPropertiesKeyword,
  requiredKeyword,
  propertiesKeyword,
  allOfKeyword,
  anyOfKeyword,
  oneOfKeyword,
];

/** Wraps one operation's request-body schema as a validator. */
export function bodyValidator(root: BodySchema, tables: BodySchemaTables): BodyValidator {
  // The checks each schema object has a member for, found on first use: a schema then runs only
  // those, not every keyword its spec uses.
  const checks = new Map<object, readonly Keyword[]>();
  const checksOf = (schema: Schema): readonly Keyword[] => {
    let found = checks.get(schema);
    if (!found) {
      found = tables.keywords.filter((k) => k.keys.some((key) => key in schema));
      checks.set(schema, found);
    }
    return found;
  };
  const run: ValidationRun = {
    errors: [],
    formats: tables.formats,
    fail(instancePath, keyword, params, message) {
      run.errors.push({ instancePath, keyword, params, message });
    },
    check(schema, data, at) {
      if (schema === true) return;
      if (schema === false) return run.fail(at, 'false schema', {}, 'boolean schema is false');
      if (schema.$ref !== undefined) run.check(tables.defs[schema.$ref as number]!, data, at);
      for (const check of checksOf(schema)) check(schema, data, at, run);
    },
  };
  const validate = ((data: unknown) => {
    run.errors.length = 0;
    run.check(root, data, '');
    validate.errors = run.errors.length ? [...run.errors] : null;
    return validate.errors === null;
  }) as BodyValidator;
  validate.errors = null;
  return validate;
}
