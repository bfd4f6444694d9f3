// SCP's openapi-fetch middleware: picks the `Scp-Api-Version` of each call from the version
// lifecycle, signs the exact URL that is sent (HMAC-SHA256 `Scp-Signature`), and keeps the version
// tables current from the service's own version document whenever that document is read.
import type { Middleware } from 'openapi-fetch';
import { SCP_DEFAULT_CLIENT_TYPE, signScp } from '../auth/scp-signature.js';
import { ValidationError } from '../core/errors.js';
import type { Secret } from '../core/redact.js';
import {
  refreshScpVersionTables,
  selectScpApiVersion,
  type ScpServiceVersions,
  type ScpVersionEntry,
  type ScpVersionWarning,
} from '../versions/scp-versions.js';
import { createOperationLookup, type OperationInfo } from './client-kit.js';

/** Version lifecycle tables by operationId. */
export type ScpVersionTableMap = Readonly<Record<string, readonly ScpVersionEntry[]>>;

/**
 * The version tables one client works with: the spec's snapshot at first, replaced by the live
 * lifecycle each time the service's version document is read.
 */
export interface ScpVersionStore {
  /** A deep copy of the current tables. */
  tables(): Record<string, ScpVersionEntry[]>;
  /** The current table of one operation (not copied: do not mutate). */
  table(operationId: string): readonly ScpVersionEntry[] | undefined;
  /** Merges a version document (`GET /`) into every table. */
  refresh(discovery: ScpServiceVersions): void;
}

function copyTables(tables: ScpVersionTableMap): Record<string, ScpVersionEntry[]> {
  return Object.fromEntries(
    Object.entries(tables).map(([operationId, table]) => [
      operationId,
      table.map((entry) => ({ ...entry })),
    ]),
  );
}

export function createScpVersionStore(initial: ScpVersionTableMap): ScpVersionStore {
  let current = copyTables(initial);
  return {
    tables: () => copyTables(current),
    table: (operationId) => current[operationId],
    refresh(discovery) {
      current = refreshScpVersionTables(current, discovery);
    },
  };
}

export interface ScpMiddlewareOptions {
  /** The spec's operations (generated/scp.meta.ts). */
  operations: Readonly<Record<string, OperationInfo>>;
  /** The operation whose response is the service's version document (`listServiceVersions`). */
  discoveryOperationId: string;
  /** Service token of the `Scp-Api-Version` header (`virtualserver`). */
  service: string;
  accessKey: Secret;
  secretKey: Secret;
  /** Sent as `Scp-AccountId` and signed when set; signed as the empty string otherwise. */
  accountId?: string;
  /** `Accept-Language` sent when the call does not set its own. */
  acceptLanguage: string;
  /** Pinned API version: one for every operation, or per operationId. */
  pinned?: string | Readonly<Record<string, string>>;
  warnWithinDays?: number;
  onVersionWarning?: (warning: ScpVersionWarning) => void;
  now: () => Date;
  versions: ScpVersionStore;
  /** Told every signature produced, so the client can keep it out of errors. */
  onSigned?: (signature: string) => void;
}

const VERSION_HEADER = /^\s*(\S+) (\d+\.\d+)\s*$/;

/**
 * A `Scp-Api-Version` header given in the call's own `params.header` acts as a pin for that call
 * (it must name this service); otherwise the client's pin applies.
 */
function pinForCall(
  request: Request,
  options: ScpMiddlewareOptions,
  operationId: string,
): string | Readonly<Record<string, string>> | undefined {
  const given = request.headers.get('Scp-Api-Version');
  if (given === null) return options.pinned;
  const match = VERSION_HEADER.exec(given);
  if (!match || match[1] !== options.service) {
    throw new ValidationError({
      provider: 'scp',
      operation: operationId,
      method: request.method,
      url: request.url,
      issues: [
        {
          path: 'header.Scp-Api-Version',
          message: `must be "${options.service} <major>.<minor>" (got ${JSON.stringify(given)})`,
        },
      ],
    });
  }
  return match[2];
}

/**
 * Warnings go to the callback once per operation, version and lifecycle state, not on every call;
 * a callback that throws does not break the call.
 */
function createWarner(options: ScpMiddlewareOptions) {
  const seen = new Set<string>();
  return (warning: ScpVersionWarning) => {
    if (!options.onVersionWarning) return;
    const key = `${warning.operationId} ${warning.version} ${warning.status} ${warning.notBefore}`;
    if (seen.has(key)) return;
    seen.add(key);
    try {
      options.onVersionWarning(warning);
    } catch {
      // a reporting callback must not break the call
    }
  };
}

export function createScpMiddleware(options: ScpMiddlewareOptions): Middleware {
  const lookup = createOperationLookup(options.operations);
  const warn = createWarner(options);
  return {
    async onRequest({ request, schemaPath }) {
      const operation = lookup(request.method, schemaPath);
      if (!operation) {
        throw new ValidationError({
          provider: 'scp',
          method: request.method,
          url: request.url,
          issues: [{ path: 'path', message: `${schemaPath} is not an operation of the SCP spec` }],
        });
      }
      // The version document is read unsigned and without a version header.
      if (!operation.authenticated) return undefined;

      const version = selectScpApiVersion(
        operation.operationId,
        options.versions.table(operation.operationId),
        {
          pinned: pinForCall(request, options, operation.operationId),
          warnWithinDays: options.warnWithinDays,
          onWarning: warn,
          now: options.now,
        },
      );

      const accountId = request.headers.get('Scp-AccountId') ?? options.accountId ?? '';
      const timestamp = String(options.now().getTime());
      const accessKey = options.accessKey.reveal();
      // Signed over request.url: the exact, already percent-encoded URL fetch will send.
      const signature = await signScp({
        method: request.method,
        url: request.url,
        timestamp,
        accessKey,
        secretKey: options.secretKey.reveal(),
        accountId,
        clientType: SCP_DEFAULT_CLIENT_TYPE,
      });
      options.onSigned?.(signature);

      const headers = request.headers;
      headers.set('Scp-AccessKey', accessKey);
      headers.set('Scp-Timestamp', timestamp);
      headers.set('Scp-ClientType', SCP_DEFAULT_CLIENT_TYPE);
      headers.set('Scp-Signature', signature);
      if (request.headers.has('Scp-AccountId') || options.accountId !== undefined) {
        headers.set('Scp-AccountId', accountId);
      }
      if (!headers.has('Accept-Language')) headers.set('Accept-Language', options.acceptLanguage);
      headers.set('Scp-Api-Version', `${options.service} ${version}`);
      return undefined;
    },

    async onResponse({ request, response, schemaPath }) {
      const operation = lookup(request.method, schemaPath);
      if (operation?.operationId !== options.discoveryOperationId || !response.ok) return undefined;
      let discovery: unknown;
      try {
        discovery = JSON.parse(await response.clone().text());
      } catch {
        return undefined; // not a version document: keep the tables as they are
      }
      if (discovery && typeof discovery === 'object' && !Array.isArray(discovery)) {
        options.versions.refresh(discovery as ScpServiceVersions);
      }
      return undefined;
    },
  };
}
