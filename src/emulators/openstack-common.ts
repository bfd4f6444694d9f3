// What the Nova-shaped emulators share (OpenStack; Rackspace's Nova-based Cloud Servers; the
// fault body of Huawei's v2.1 API): the Nova fault body, Nova's wording of JSON-schema failures,
// the telling problem out of ajv's many reports for a `oneOf`, and mounting spec operations under
// a path prefix.
import {
  STATUS_TEXT,
  serverPath,
  type EmulatorReply,
  type OperationMeta,
  type ValidationIssue,
} from './framework/index.js';

type Json = Record<string, unknown>;

/** Nova's fault name per status (`nova/api/openstack/wsgi.py`); anything else is `computeFault`. */
const NOVA_FAULT_NAMES: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  429: 'overLimit',
  501: 'notImplemented',
  503: 'serviceUnavailable',
};

export function novaFaultName(status: number): string {
  return NOVA_FAULT_NAMES[status] ?? 'computeFault';
}

/** `{"<faultName>": {code, message, ...extra}}`, the fault name following the status. */
export function novaFault(
  status: number,
  message: string,
  extra: Json = {},
  name = novaFaultName(status),
): EmulatorReply {
  return { status, body: { [name]: { code: status, message, ...extra } } };
}

/** Text for an injected status fault. */
export function faultText(status: number): string {
  return STATUS_TEXT[status] ?? `HTTP ${status}`;
}

/** A value as Python's `repr()` prints it: Nova's schema messages quote the offending value so. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Json)
      .map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** The value at a path inside a parsed body. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Json)[key as string];
  }
  return node;
}

/**
 * Keywords that say what is wrong with a value itself. The others (`oneOf`, `false schema`, and
 * `required` below the root) mostly report which `oneOf` branch did not fit, which is noise when
 * the body fits none of them.
 */
const VALUE_KEYWORDS = [
  'type',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'enum',
  'const',
  'additionalProperties',
];

/** The issue a person should read first, or undefined when only branch noise was reported. */
export function tellingIssue(issues: readonly ValidationIssue[]): ValidationIssue | undefined {
  const rank = (i: ValidationIssue) => {
    if (i.keyword === 'required' && i.path.length === 0) return 0;
    const at = VALUE_KEYWORDS.indexOf(i.keyword);
    return at === -1 ? Infinity : at + 1;
  };
  let best: ValidationIssue | undefined;
  for (const issue of issues) {
    if (rank(issue) === Infinity) continue;
    if (!best || rank(issue) < rank(best)) best = issue;
  }
  return best;
}

/**
 * jsonschema's (Python) wording of one problem, as Nova and Keystone pass it on. Returns the
 * field the message is about (the last path element, or undefined at the root) and the text.
 */
export function jsonschemaWording(
  issue: ValidationIssue,
  body: unknown,
): { field: string | undefined; value: unknown; text: string } {
  const params = issue.params as Record<string, unknown>;
  let path = [...issue.path];
  let value = valueAt(body, path);
  let text: string;
  switch (issue.keyword) {
    case 'required':
      text = `${pyRepr(params.missingProperty)} is a required property`;
      break;
    case 'additionalProperties':
      text = `Additional properties are not allowed (${pyRepr(params.additionalProperty)} was unexpected)`;
      break;
    case 'false schema': {
      // A property a `oneOf` branch forbids: jsonschema reports it on the parent object.
      const key = path.pop();
      value = valueAt(body, path);
      text = `Additional properties are not allowed (${pyRepr(key)} was unexpected)`;
      break;
    }
    case 'type':
      text = `${pyRepr(value)} is not of type ${pyRepr(params.type)}`;
      break;
    case 'format':
      text = `${pyRepr(value)} is not a ${pyRepr(params.format)}`;
      break;
    case 'pattern':
      text = `${pyRepr(value)} does not match ${pyRepr(params.pattern)}`;
      break;
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      text = `${pyRepr(value)} is too short`;
      break;
    case 'maxLength':
    case 'maxItems':
    case 'maxProperties':
      text = `${pyRepr(value)} is too long`;
      break;
    case 'enum':
      text = `${pyRepr(value)} is not one of ${pyRepr(params.allowedValues)}`;
      break;
    case 'oneOf':
      text = `${pyRepr(value)} is not valid under any of the given schemas`;
      break;
    default:
      text = issue.message;
  }
  const field = path.length > 0 ? String(path[path.length - 1]) : undefined;
  return { field, value, text };
}

/**
 * An operation's routing entry mounted under `prefix`: its own server's path (from the spec) is
 * kept and prefixed, the way deployments serve Keystone at `/identity/v3` and Nova's version root
 * at `/compute/`. Operations without their own server follow the emulator's base path.
 */
export function mountUnder(prefix: string, op: OperationMeta): OperationMeta {
  if (!op.servers?.[0]) return op;
  return { ...op, servers: [{ url: `${prefix}${serverPath(op.servers[0])}` }] };
}

/** A base path: `prefix` + the path of a spec server (its variables set from `values`). */
export function prefixedServerPath(
  prefix: string,
  server: { url: string; variables?: object },
  values: Record<string, string> = {},
): string {
  const variables = Object.fromEntries(
    Object.entries((server.variables ?? {}) as Record<string, { default?: string }>).map(
      ([name, v]) => [name, { default: values[name] ?? v.default ?? '' }],
    ),
  );
  return `${prefix}${serverPath({ url: server.url, variables })}`;
}

/** `2026-11-24T09:12:05Z`: an ISO date without milliseconds. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
