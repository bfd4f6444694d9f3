// Derives the facts the wrapper layer needs from one OpenAPI document: the operation table,
// servers, SCP version tables, OpenStack microversion facts, and which request fields only exist
// from some microversion on. The output is plain data; `renderMeta` turns it into TypeScript.

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export interface ServerMeta {
  url: string;
  variables: Record<string, { default: string; enum?: string[] }>;
}

/** What code reads of an operation at run time (clients route and sign with it, emulators serve it). */
export interface OperationMeta {
  operationId: string;
  method: string;
  path: string;
  authenticated: boolean;
  successStatuses: number[];
  requestBody: { required: boolean; contentType: string } | null;
  headerParameters: string[];
  servers: ServerMeta[] | null;
}

/** What only describes an operation (docs, tooling); no client reads it at run time. */
export interface OperationDocs {
  tags: string[];
  summary: string;
  deprecated: boolean;
  errorStatuses: number[];
  async: { poll: string; until: string } | null;
}

export interface ScpVersionEntry {
  version: string;
  status: 'CURRENT' | 'SUPPORTED' | 'DEPRECATED' | 'PLANNED';
  notBefore: string | null;
}

export interface MicroversionField {
  /** JSON pointer of the field inside the request or response body. */
  pointer: string;
  min: string;
}

export interface ProviderMeta {
  provider: string;
  title: string;
  version: string;
  servers: ServerMeta[];
  /** In spec order. */
  operations: OperationMeta[];
  /** By operationId, in spec order. */
  operationDocs: Record<string, OperationDocs>;
  scpService: string | null;
  scpApiVersions: Record<string, ScpVersionEntry[]> | null;
  microversions: { service: string; min: string; max: string; headers: string[] } | null;
  requestMicroversionFields: Record<string, MicroversionField[]>;
  responseMicroversionFields: Record<string, MicroversionField[]>;
  /** `pattern` of each path parameter that declares one, by parameter name. */
  pathParameterPatterns: Record<string, string>;
}

/** Follows local `$ref`s (`#/...`), the only kind the specs use. */
export function createResolver(doc: Json) {
  return function resolve<T = Json>(node: unknown): T {
    let current = node as Json;
    const seen = new Set<string>();
    while (current && typeof current === 'object' && typeof current.$ref === 'string') {
      const ref = current.$ref;
      if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, found ${ref}`);
      if (seen.has(ref)) throw new Error(`circular $ref ${ref}`);
      seen.add(ref);
      current = ref
        .slice(2)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>((acc, key) => (acc as Json | undefined)?.[key], doc) as Json;
      if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
    }
    return current as T;
  };
}

function serversOf(value: unknown): ServerMeta[] {
  if (!Array.isArray(value)) return [];
  return value.map((server: Json) => ({
    url: String(server.url),
    variables: Object.fromEntries(
      Object.entries((server.variables as Record<string, Json>) ?? {}).map(([name, v]) => [
        name,
        {
          default: String(v.default),
          ...(Array.isArray(v.enum) ? { enum: v.enum.map(String) } : {}),
        },
      ]),
    ),
  }));
}

/** Walks a schema and collects properties carrying `x-min-microversion`, with their JSON pointer. */
function collectMicroversionFields(
  schema: unknown,
  resolve: ReturnType<typeof createResolver>,
  pointer = '',
  seen = new Set<unknown>(),
): MicroversionField[] {
  const node = resolve(schema);
  if (!node || typeof node !== 'object' || seen.has(node)) return [];
  seen.add(node);
  const found: MicroversionField[] = [];
  const properties = (node.properties as Record<string, unknown>) ?? {};
  for (const [name, raw] of Object.entries(properties)) {
    const property = resolve(raw);
    const here = `${pointer}/${name}`;
    if (property && typeof property === 'object') {
      const min = property['x-min-microversion'];
      if (typeof min === 'string') found.push({ pointer: here, min });
      found.push(...collectMicroversionFields(property, resolve, here, seen));
    }
  }
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    for (const branch of (node[key] as unknown[]) ?? []) {
      found.push(...collectMicroversionFields(branch, resolve, pointer, seen));
    }
  }
  if (node.items)
    found.push(...collectMicroversionFields(node.items, resolve, `${pointer}/-`, seen));
  // The same field can be reached through several branches; keep one entry per pointer.
  return [...new Map(found.map((f) => [f.pointer, f])).values()];
}

function jsonSchemaOf(content: unknown, resolve: ReturnType<typeof createResolver>) {
  const media = content as Record<string, Json> | undefined;
  if (!media) return null;
  const [contentType, body] =
    Object.entries(media).find(([type]) => type.includes('json')) ?? Object.entries(media)[0] ?? [];
  if (!contentType || !body) return null;
  return { contentType, schema: resolve(body).schema };
}

export function deriveMeta(doc: Json): ProviderMeta {
  const resolve = createResolver(doc);
  const info = doc.info as Json;
  const provider = doc['x-cloud-nic-provider'];
  if (typeof provider !== 'string') throw new Error('spec lacks x-cloud-nic-provider');
  const globalSecurity = (doc.security as unknown[]) ?? [];
  const operations: OperationMeta[] = [];
  const operationDocs: Record<string, OperationDocs> = {};
  const scpApiVersions: Record<string, ScpVersionEntry[]> = {};
  const requestMicroversionFields: Record<string, MicroversionField[]> = {};
  const responseMicroversionFields: Record<string, MicroversionField[]> = {};
  const pathParameterPatterns: Record<string, string> = {};

  for (const [path, rawItem] of Object.entries((doc.paths as Json) ?? {})) {
    const item = resolve(rawItem);
    const pathParameters = ((item.parameters as unknown[]) ?? []).map((p) => resolve(p));
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const operationId = String(op.operationId);
      const responses = Object.keys((op.responses as Json) ?? {});
      const statuses = responses.filter((code) => /^\d{3}$/.test(code)).map(Number);
      const parameters = [
        ...pathParameters,
        ...((op.parameters as unknown[]) ?? []).map((p) => resolve(p)),
      ];
      for (const parameter of parameters.filter((p) => p.in === 'path')) {
        const pattern = resolve(parameter.schema)?.pattern;
        if (typeof pattern === 'string') pathParameterPatterns[String(parameter.name)] = pattern;
      }
      const requestBody = op.requestBody ? resolve(op.requestBody) : null;
      const body = requestBody ? jsonSchemaOf(requestBody.content, resolve) : null;
      const security = (op.security as unknown[]) ?? globalSecurity;
      const asyncInfo = op['x-async'] as Json | undefined;
      operations.push({
        operationId,
        method: method.toUpperCase(),
        path,
        authenticated: security.length > 0,
        successStatuses: statuses.filter((s) => s < 400),
        requestBody: body
          ? { required: requestBody?.required === true, contentType: body.contentType }
          : null,
        headerParameters: parameters.filter((p) => p.in === 'header').map((p) => String(p.name)),
        servers: op.servers || item.servers ? serversOf(op.servers ?? item.servers) : null,
      });
      operationDocs[operationId] = {
        tags: ((op.tags as string[]) ?? []).slice(),
        summary: String(op.summary ?? ''),
        deprecated: op.deprecated === true,
        errorStatuses: statuses.filter((s) => s >= 400),
        async: asyncInfo ? { poll: String(asyncInfo.poll), until: String(asyncInfo.until) } : null,
      };

      const versions = op['x-scp-api-versions'];
      if (Array.isArray(versions)) {
        scpApiVersions[operationId] = versions.map((v: Json) => ({
          version: String(v.version),
          status: String(v.status) as ScpVersionEntry['status'],
          notBefore: v.notBefore == null ? null : String(v.notBefore),
        }));
      }
      if (body?.schema) {
        const fields = collectMicroversionFields(body.schema, resolve);
        if (fields.length) requestMicroversionFields[operationId] = fields;
      }
      const responseFields = Object.entries((op.responses as Json) ?? {})
        .filter(([code]) => /^2\d\d$/.test(code))
        .flatMap(([, response]) => {
          const schema = jsonSchemaOf(resolve(response).content, resolve)?.schema;
          return schema ? collectMicroversionFields(schema, resolve) : [];
        });
      if (responseFields.length) {
        responseMicroversionFields[operationId] = [
          ...new Map(responseFields.map((f) => [f.pointer, f])).values(),
        ];
      }
    }
  }

  const micro = doc['x-openstack-microversions'] as Json | undefined;
  return {
    provider,
    title: String(info.title),
    version: String(info.version),
    servers: serversOf(doc.servers),
    operations,
    operationDocs,
    scpService: typeof doc['x-scp-service'] === 'string' ? doc['x-scp-service'] : null,
    scpApiVersions: Object.keys(scpApiVersions).length ? scpApiVersions : null,
    microversions: micro
      ? {
          service: String(micro.service),
          min: String(micro.min),
          max: String(micro.max),
          headers: ((micro.headers as string[]) ?? []).map(String),
        }
      : null,
    requestMicroversionFields,
    responseMicroversionFields,
    pathParameterPatterns: Object.fromEntries(Object.entries(pathParameterPatterns).sort()),
  };
}

/** JSON pointer of each operation's JSON request body schema, for the validator compiler. */
export function requestBodySchemaPointers(doc: Json): Record<string, string> {
  const resolve = createResolver(doc);
  const pointers: Record<string, string> = {};
  const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  for (const [path, rawItem] of Object.entries((doc.paths as Json) ?? {})) {
    const item = resolve(rawItem);
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op?.requestBody) continue;
      // Point at the requestBody as written; a $ref'd requestBody is followed to its component.
      let base = `#/paths/${escape(path)}/${method}/requestBody`;
      const raw = op.requestBody as Json;
      if (typeof raw.$ref === 'string') base = raw.$ref;
      const content = resolve(raw).content as Record<string, unknown>;
      const contentType = Object.keys(content ?? {}).find((t) => t.includes('json'));
      if (!contentType) continue;
      pointers[String(op.operationId)] = `${base}/content/${escape(contentType)}/schema`;
    }
  }
  return pointers;
}

export function renderMeta(meta: ProviderMeta, specFile: string, hasValidators: boolean): string {
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  const operationIds = meta.operations.map((o) => o.operationId);
  const lines = [
    `// Generated by scripts/generate.ts from ${specFile}. Do not edit: change the spec and run \`npm run generate\`.`,
    '',
    hasValidators
      ? `import { requestBodyValidators as validators } from './${meta.provider}.validators.js';`
      : '',
    '',
    `export const provider = ${json(meta.provider)} as const;`,
    `export const specTitle = ${json(meta.title)};`,
    `export const specVersion = ${json(meta.version)};`,
    `export const specFile = ${json(specFile)};`,
    '',
    `export type OperationId = ${operationIds.map((id) => json(id)).join(' | ')};`,
    '',
    '/** What code reads of each operation at run time (routing, signing, serving), in spec order. */',
    `export const operations = ${json(Object.fromEntries(meta.operations.map((o) => [o.operationId, o])))} as const;`,
    '',
    '/**',
    ' * What describes each operation (tags, summary, deprecation, error statuses, how to poll it).',
    ' * Kept apart from `operations` so that bundles of the clients, which never read it, leave it out.',
    ' */',
    `export const operationDocs = ${json(meta.operationDocs)} as const;`,
    '',
    '/** The servers the spec declares (URL templates with their variables). */',
    `export const servers = ${json(meta.servers)} as const;`,
    '',
    `export const scpService: string | null = ${json(meta.scpService)};`,
    '',
    '/** SCP API-version lifecycle per operation (x-scp-api-versions), newest first. */',
    `export const scpApiVersions: Readonly<Partial<Record<OperationId, readonly { version: string; status: 'CURRENT' | 'SUPPORTED' | 'DEPRECATED' | 'PLANNED'; notBefore: string | null }[]>>> | null = ${json(meta.scpApiVersions)};`,
    '',
    '/** Compute microversion range the spec describes (x-openstack-microversions). */',
    `export const microversions: { service: string; min: string; max: string; headers: readonly string[] } | null = ${json(meta.microversions)};`,
    '',
    '/** Request fields that may only be sent from a microversion on (x-min-microversion). */',
    `export const requestMicroversionFields: Readonly<Partial<Record<OperationId, readonly { pointer: string; min: string }[]>>> = ${json(meta.requestMicroversionFields)};`,
    '',
    '/** Response fields that only appear from a microversion on (x-min-microversion). */',
    `export const responseMicroversionFields: Readonly<Partial<Record<OperationId, readonly { pointer: string; min: string }[]>>> = ${json(meta.responseMicroversionFields)};`,
    '',
    '/** The `pattern` of each path parameter that declares one (checked before anything is sent). */',
    `export const pathParameterPatterns: Readonly<Record<string, string>> = ${json(meta.pathParameterPatterns)};`,
    '',
    '/** A request-body validator derived from the spec (src/core/body-validator.ts over the schema as data). */',
    'export interface BodyValidator {',
    '  (data: unknown): boolean;',
    '  errors?: { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[] | null;',
    '}',
    '',
    '/** Request-body validators by operationId, derived from the spec. */',
    hasValidators
      ? 'export const requestBodyValidators: Readonly<Partial<Record<OperationId, BodyValidator>>> = validators;'
      : 'export const requestBodyValidators: Readonly<Partial<Record<OperationId, BodyValidator>>> = {};',
    '',
  ];
  return lines.join('\n');
}
