// Spec-driven checks: requests are validated and responses checked for conformance with ajv over
// the provider's OpenAPI document (`generated/<p>.document.ts`), configured like the project's
// build-time validators (JSON Schema 2020-12, formats, allErrors). Nothing here knows a field name.
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import type { EmulatorRequest, OperationMeta, ValidationIssue } from './types.js';

// ajv ships CommonJS; under NodeNext the default export sits on `.default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

type Json = Record<string, unknown>;

/**
 * Content-negotiation headers are never refused on their schema: HTTP lets a server ignore an
 * `Accept-Language` it cannot honour (RFC 9110, 12.5.4), and every fetch() sends
 * `accept-language: *` by default.
 */
const NEGOTIATION_HEADERS = new Set([
  'accept',
  'accept-language',
  'accept-encoding',
  'accept-charset',
]);

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapePointer = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** The node at a local JSON pointer (`#/a/b`), or undefined. */
export function atPointer(doc: unknown, pointer: string): unknown {
  let node: unknown = doc;
  for (const part of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Json)[unescapePointer(part)];
  }
  return node;
}

/** Follows local `$ref`s; returns the final node and its pointer. */
export function deref(
  doc: unknown,
  node: unknown,
  pointer: string,
): { node: Json; pointer: string } {
  let current = node as Json;
  let at = pointer;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) {
    at = current.$ref as string;
    current = atPointer(doc, at) as Json;
  }
  return { node: current, pointer: at };
}

interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schemaPointer: string;
  isArray: boolean;
  /** The schema's `default`, filled in when the parameter is absent. */
  defaultValue: unknown;
}

interface OperationSpec {
  pointer: string;
  parameters: ParameterSpec[];
  body: { required: boolean; schemaPointer: string | undefined } | undefined;
  responses: Json;
  responsesPointer: string;
}

export interface SpecChecker {
  /** Validates parameters and JSON body; stores coerced parameter values in `req.parameters`. */
  validateRequest(req: EmulatorRequest): ValidationIssue[];
  /** Problems of a response against the operation's declared responses (empty when conformant). */
  checkResponse(
    operationId: string,
    status: number,
    headers: Record<string, string>,
    body: unknown,
  ): string[];
}

function createAjv(coerce: boolean) {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    validateSchema: false,
    discriminator: false,
    ...(coerce ? { coerceTypes: true } : {}),
  });
  addFormats(ajv);
  return ajv;
}

export function createSpecChecker(
  provider: string,
  document: Json,
  operations: Readonly<Record<string, OperationMeta>>,
): SpecChecker {
  const id = `urn:cloud-nic:emulator:${provider}`;
  const bodyAjv = createAjv(false);
  const paramAjv = createAjv(true);
  bodyAjv.addSchema({ ...document, $id: id }, id);
  paramAjv.addSchema({ ...document, $id: id }, id);

  const specs = new Map<string, OperationSpec>();
  for (const op of Object.values(operations)) specs.set(op.operationId, indexOperation(op));

  function indexOperation(op: OperationMeta): OperationSpec {
    const pathPointer = `#/paths/${escapePointer(op.path)}`;
    const pathItem = deref(document, atPointer(document, pathPointer), pathPointer);
    const method = op.method.toLowerCase();
    const pointer = `${pathItem.pointer}/${method}`;
    const opNode = pathItem.node[method] as Json | undefined;
    if (!opNode) throw new Error(`${provider}: ${op.operationId} is not in the document`);
    const byKey = new Map<string, ParameterSpec>();
    const collect = (list: unknown, listPointer: string) => {
      (Array.isArray(list) ? list : []).forEach((raw, i) => {
        const { node, pointer: p } = deref(document, raw, `${listPointer}/${i}`);
        const schema = deref(document, node.schema, `${p}/schema`);
        byKey.set(`${node.in}:${String(node.name).toLowerCase()}`, {
          name: String(node.name),
          in: node.in as ParameterSpec['in'],
          required: node.required === true,
          schemaPointer: `${p}/schema`,
          isArray: schema.node?.type === 'array',
          defaultValue: schema.node?.default,
        });
      });
    };
    collect(pathItem.node.parameters, `${pathItem.pointer}/parameters`);
    collect(opNode.parameters, `${pointer}/parameters`);
    let body: OperationSpec['body'];
    if (opNode.requestBody) {
      const rb = deref(document, opNode.requestBody, `${pointer}/requestBody`);
      const content = (rb.node.content ?? {}) as Json;
      const type = Object.keys(content).find((t) => /json/i.test(t));
      body = {
        required: rb.node.required === true,
        schemaPointer: type ? `${rb.pointer}/content/${escapePointer(type)}/schema` : undefined,
      };
    }
    return {
      pointer,
      parameters: [...byKey.values()],
      body,
      responses: (opNode.responses ?? {}) as Json,
      responsesPointer: `${pointer}/responses`,
    };
  }

  const compiled = new Map<string, ValidateFunction>();
  function bodyValidator(pointer: string): ValidateFunction {
    let v = compiled.get(`b:${pointer}`);
    if (!v) {
      v = bodyAjv.getSchema(`${id}${pointer}`);
      if (!v) throw new Error(`${provider}: no schema at ${pointer}`);
      compiled.set(`b:${pointer}`, v);
    }
    return v;
  }
  /** Parameters are validated as one object per location, so ajv can coerce and default them. */
  function objectValidator(
    key: string,
    props: { name: string; schemaPointer: string; required: boolean }[],
  ) {
    let v = compiled.get(key);
    if (!v) {
      v = paramAjv.compile({
        type: 'object',
        properties: Object.fromEntries(
          props.map((p) => [p.name, { $ref: `${id}${p.schemaPointer}` }]),
        ),
        required: props.filter((p) => p.required).map((p) => p.name),
      });
      compiled.set(key, v);
    }
    return v;
  }

  const splitPath = (instancePath: string) =>
    instancePath
      .split('/')
      .slice(1)
      .map((s) => unescapePointer(s))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

  function validateRequest(req: EmulatorRequest): ValidationIssue[] {
    const op = req.operation;
    const spec = op && specs.get(op.operationId);
    if (!spec) return [];
    const issues: ValidationIssue[] = [];
    for (const location of ['path', 'query', 'header'] as const) {
      const params = spec.parameters.filter(
        (p) =>
          p.in === location &&
          !(location === 'header' && NEGOTIATION_HEADERS.has(p.name.toLowerCase())),
      );
      const values: Record<string, unknown> = {};
      for (const p of params) {
        if (location === 'path') {
          if (p.name in req.params) values[p.name] = req.params[p.name];
        } else if (location === 'query') {
          const all = req.query.getAll(p.name);
          if (all.length > 0) values[p.name] = p.isArray ? all : all[0];
        } else {
          const value = req.header(p.name);
          if (value !== undefined) values[p.name] = value;
        }
      }
      for (const p of params) {
        if (!(p.name in values) && p.defaultValue !== undefined) {
          values[p.name] = structuredClone(p.defaultValue);
        }
      }
      if (params.length > 0) {
        const validate = objectValidator(`${location}:${op!.operationId}`, params);
        if (!validate(values)) {
          for (const e of validate.errors ?? []) {
            const path = splitPath(e.instancePath);
            const name =
              path.length > 0
                ? String(path.shift())
                : String((e.params as { missingProperty?: string }).missingProperty ?? '');
            issues.push({
              location,
              name,
              path,
              keyword: e.keyword,
              message: e.message ?? e.keyword,
              params: e.params as Record<string, unknown>,
            });
          }
        }
      }
      req.parameters[location] = values;
    }
    if (spec.body) {
      if (req.body === undefined) {
        if (spec.body.required) {
          issues.push({
            location: 'body',
            path: [],
            keyword: 'required',
            message: 'a JSON request body is required',
            params: {},
          });
        }
      } else if (spec.body.schemaPointer) {
        const validate = bodyValidator(spec.body.schemaPointer);
        if (!validate(req.body)) {
          for (const e of validate.errors ?? []) {
            issues.push({
              location: 'body',
              path: splitPath(e.instancePath),
              keyword: e.keyword,
              message: e.message ?? e.keyword,
              params: e.params as Record<string, unknown>,
            });
          }
        }
      }
    }
    return issues;
  }

  function checkResponse(
    operationId: string,
    status: number,
    headers: Record<string, string>,
    body: unknown,
  ): string[] {
    const spec = specs.get(operationId);
    if (!spec) return [`unknown operation ${operationId}`];
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find(
      (k) => k in spec.responses,
    );
    if (!key) return [`status ${status} is not declared for ${operationId}`];
    const { node: response, pointer } = deref(
      document,
      spec.responses[key],
      `${spec.responsesPointer}/${escapePointer(key)}`,
    );
    const errors: string[] = [];
    const content = (response.content ?? undefined) as Json | undefined;
    const contentType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!content || Object.keys(content).length === 0) {
      if (body !== undefined) errors.push(`status ${status} declares no body, but one was sent`);
    } else if (body === undefined) {
      errors.push(
        `status ${status} declares a body (${Object.keys(content).join(', ')}), none was sent`,
      );
    } else {
      const type = Object.keys(content).find((t) => t.toLowerCase() === contentType);
      if (!type) {
        errors.push(`content type ${contentType || '(none)'} is not declared for status ${status}`);
      } else if ((content[type] as Json).schema) {
        const validate = bodyValidator(`${pointer}/content/${escapePointer(type)}/schema`);
        if (!validate(body)) {
          for (const e of validate.errors ?? []) errors.push(`body${e.instancePath} ${e.message}`);
        }
      }
    }
    const declared = (response.headers ?? {}) as Json;
    const headerProps: { name: string; schemaPointer: string; required: boolean }[] = [];
    const values: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(declared)) {
      if (name.toLowerCase() === 'content-type') continue;
      const h = deref(document, raw, `${pointer}/headers/${escapePointer(name)}`);
      if (!h.node.schema) continue;
      headerProps.push({
        name,
        schemaPointer: `${h.pointer}/schema`,
        required: h.node.required === true,
      });
      const value = headers[name.toLowerCase()];
      if (value !== undefined) values[name] = value;
    }
    if (headerProps.length > 0) {
      const validate = objectValidator(`rh:${pointer}`, headerProps);
      if (!validate(values)) {
        for (const e of validate.errors ?? []) {
          const missing = (e.params as { missingProperty?: string }).missingProperty;
          errors.push(
            missing
              ? `header ${missing} is required for status ${status}`
              : `header ${e.instancePath.slice(1)} ${e.message}`,
          );
        }
      }
    }
    return errors;
  }

  return { validateRequest, checkResponse };
}
