// OpenStack compute microversions (also used by Huawei's Nova-compatible v2.1 API): parsing,
// negotiation against the server's version document, the request headers, and refusing request
// fields that the chosen microversion does not accept.
import { VersionError } from '../core/errors.js';
import type { ProviderKey } from '../core/errors.js';

export interface MicroversionRange {
  min: string;
  max: string;
}

const PATTERN = /^(\d+)\.(\d+)$/;

export function isMicroversion(value: string): boolean {
  return PATTERN.test(value);
}

/** Compares `2.9` < `2.49` < `2.100` numerically (not as strings). */
export function compareMicroversions(a: string, b: string): number {
  const pa = PATTERN.exec(a);
  const pb = PATTERN.exec(b);
  if (!pa || !pb) throw new TypeError(`not a microversion: ${pa ? b : a}`);
  return Number(pa[1]) - Number(pb[1]) || Number(pa[2]) - Number(pb[2]);
}

const max = (a: string, b: string) => (compareMicroversions(a, b) >= 0 ? a : b);
const min = (a: string, b: string) => (compareMicroversions(a, b) <= 0 ? a : b);

/** A Nova version document, from `GET /` (`{versions: [...]}`) or `GET /v2.1/` (`{version: {...}}`). */
export interface ComputeVersionDocument {
  versions?: { id?: string; status?: string; version?: string; min_version?: string }[];
  version?: { id?: string; status?: string; version?: string; min_version?: string };
}

/**
 * The microversion range a version document advertises, or null when the endpoint has no
 * microversions (legacy v2: empty `version`). Prefers the v2.1 entry, then the CURRENT one.
 */
export function rangeFromVersionDocument(doc: ComputeVersionDocument): MicroversionRange | null {
  const entries = doc.versions ?? (doc.version ? [doc.version] : []);
  const entry =
    entries.find((v) => v.id === 'v2.1') ??
    entries.find((v) => v.status === 'CURRENT') ??
    entries[0];
  if (!entry || !entry.version || !isMicroversion(entry.version)) return null;
  const low = entry.min_version && isMicroversion(entry.min_version) ? entry.min_version : '2.1';
  return { min: low, max: entry.version };
}

/**
 * The highest microversion both sides support. `client` is what this library's spec describes;
 * `server` what the endpoint advertises. Throws VersionError when the ranges do not overlap.
 */
export function negotiateMicroversion(
  client: MicroversionRange,
  server: MicroversionRange,
  provider: ProviderKey,
): string {
  const low = max(client.min, server.min);
  const high = min(client.max, server.max);
  if (compareMicroversions(low, high) > 0) {
    throw new VersionError({
      message: `${provider}: no common compute microversion (server ${server.min}-${server.max}, client ${client.min}-${client.max})`,
      provider,
      requested: `${client.min}-${client.max}`,
      usable: [],
    });
  }
  return high;
}

/** A 406 body such as "Version 3.7 is not supported by the API. Minimum is 2.1 and maximum is 3.5." */
export function rangeFromNotAcceptable(message: string): MicroversionRange | null {
  const match = /Minimum is (\d+\.\d+) and maximum is (\d+\.\d+)/i.exec(message);
  return match ? { min: match[1]!, max: match[2]! } : null;
}

/** Both request headers: the legacy one and the one Nova prefers from 2.27. */
export function microversionHeaders(version: string, service = 'compute'): Record<string, string> {
  return {
    'OpenStack-API-Version': `${service} ${version}`,
    'X-OpenStack-Nova-API-Version': version,
  };
}

/** Reads the microversion a response says it was served at, if any. */
export function microversionOfResponse(headers: Headers, service = 'compute'): string | null {
  const modern = headers.get('OpenStack-API-Version');
  if (modern) {
    const [name, value] = modern.trim().split(/\s+/);
    if (name?.toLowerCase() === service && value && isMicroversion(value)) return value;
  }
  const legacy = headers.get('X-OpenStack-Nova-API-Version')?.trim();
  return legacy && isMicroversion(legacy) ? legacy : null;
}

/** True when the body has a value at the pointer's segments (`-`: any item of an array). */
function present(body: unknown, segments: readonly string[], from = 0): boolean {
  let node = body;
  for (let i = from; i < segments.length; i++) {
    const key = segments[i]!;
    if (key === '-') {
      return Array.isArray(node) && node.some((item) => present(item, segments, i + 1));
    }
    if (!node || typeof node !== 'object' || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined;
}

/**
 * Refuses, before anything is sent, a body that uses a field newer than the microversion the call
 * will be made at (e.g. `tag` on an interface attach below 2.49).
 */
export function assertFieldsAllowed(
  fields: readonly { pointer: string; min: string }[] | undefined,
  body: unknown,
  version: string | null,
  context: { provider: ProviderKey; operation: string },
): void {
  for (const field of fields ?? []) {
    if (!present(body, field.pointer.split('/').slice(1))) continue;
    if (version === null || compareMicroversions(version, field.min) < 0) {
      const name = field.pointer.split('/').pop();
      throw new VersionError({
        message: `${context.provider} ${context.operation}: '${name}' needs compute microversion ${field.min} or later, but this call would use ${version ?? 'no microversion'}; nothing was sent`,
        provider: context.provider,
        operation: context.operation,
        requested: version ?? 'none',
        usable: [],
        minimum: field.min,
        reason: `field ${field.pointer} requires microversion ${field.min}`,
      });
    }
  }
}
