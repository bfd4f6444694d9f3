// What every provider client shares: an openapi-fetch client over the resilient fetch, request
// bodies validated against the spec before anything is sent, and error responses turned into the
// typed error hierarchy. Each provider adds its own auth/version middleware on top.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { errorFromResponse } from '../core/error-body.js';
import { ValidationError, type ProviderKey, type ValidationIssue } from '../core/errors.js';
import type { SecretLike } from '../core/redact.js';
import {
  knownBodyText,
  requestBodyText,
  setRequestContext,
  TextBodyRequest,
} from '../core/request-options.js';
import { createResilientFetch, type FetchLike, type RetryInfo } from '../core/resilient-fetch.js';
import { assertCredentialSafeUrl } from '../core/secure-url.js';

/** Options every `createXClient` accepts. */
export interface CommonClientOptions {
  /** Base URL of the API, overriding the one derived from region etc. (e.g. an emulator's URL). */
  endpoint?: string;
  /** Timeout of each attempt in ms (default 30 000); per call: `{ timeoutMs }` in the call's options. */
  timeoutMs?: number;
  /** Retries after the first attempt (default 3); per call: `{ maxRetries }`. */
  maxRetries?: number;
  /** Backoff base and cap in ms (defaults 200 and 20 000). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Called before each retry, e.g. for logging (no secrets in it). */
  onRetry?: (info: RetryInfo) => void;
  /**
   * Throw typed errors for error responses (default true). With `false`, error responses come
   * back as openapi-fetch's `{ error, response }`; validation, version, network and timeout
   * errors are thrown either way.
   */
  throwOnError?: boolean;
  /** The fetch that sends each attempt (default `globalThis.fetch`), e.g. for tests or proxies. */
  fetch?: FetchLike;
  /** Clock used for signatures, token expiry and version lifecycles (default: the system clock). */
  now?: () => Date;
  /** Jitter source and sleep for retries (tests). */
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface OperationInfo {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly authenticated: boolean;
}

/** A body validator compiled from the spec (generated/<p>.validators.ts). */
export interface BodyValidator {
  (data: unknown): boolean;
  errors?:
    | { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[]
    | null;
}

const COMMON_KEYS = [
  'timeoutMs',
  'maxRetries',
  'baseDelayMs',
  'maxDelayMs',
  'onRetry',
  'throwOnError',
  'fetch',
  'now',
  'random',
  'sleep',
] as const satisfies readonly (keyof CommonClientOptions)[];

/** The reliability options of a client's options (never its credentials). */
export function pickCommonOptions(options: CommonClientOptions): CommonClientOptions {
  const out: Record<string, unknown> = {};
  for (const key of COMMON_KEYS) if (options[key] !== undefined) out[key] = options[key];
  return out as CommonClientOptions;
}

/** The provider-specific pieces a client is built from. */
export interface ClientSetup {
  provider: ProviderKey;
  baseUrl: string;
  operations: Readonly<Record<string, OperationInfo>>;
  validators: Readonly<Partial<Record<string, BodyValidator>>>;
  options: CommonClientOptions;
  /** Current credential values, kept out of every error (a function: tokens rotate). */
  secrets: () => readonly SecretLike[];
  /** Provider middleware (auth, versions), run after validation, in this order. */
  middleware: Middleware[];
}

/** Finds the operation of a request from openapi-fetch's `schemaPath` and the method. */
export function createOperationLookup(operations: Readonly<Record<string, OperationInfo>>) {
  // By method, then path: no key string to build on each of the several lookups per call.
  const byMethod = new Map<string, Map<string, OperationInfo>>();
  for (const op of Object.values(operations)) {
    const method = op.method.toUpperCase();
    if (!byMethod.has(method)) byMethod.set(method, new Map());
    byMethod.get(method)!.set(op.path, op);
  }
  return (method: string, schemaPath: string): OperationInfo | undefined =>
    (byMethod.get(method) ?? byMethod.get(method.toUpperCase()))?.get(schemaPath);
}

/** Turns ajv's errors into readable issues: specific problems first, one per place. */
export function issuesFromValidator(validator: BodyValidator): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const composite: ValidationIssue[] = [];
  for (const error of validator.errors ?? []) {
    const at = `body${error.instancePath.replace(/\//g, '.')}`;
    const params = error.params;
    switch (error.keyword) {
      case 'false schema':
        issues.push({ path: at, message: 'is not allowed together with the other fields given' });
        break;
      case 'additionalProperties':
        issues.push({
          path: `${at}.${String(params.additionalProperty)}`,
          message: 'is not a field this operation accepts',
        });
        break;
      case 'required':
        issues.push({ path: `${at}.${String(params.missingProperty)}`, message: 'is required' });
        break;
      case 'oneOf':
      case 'anyOf':
        composite.push({ path: at, message: 'does not match exactly one of the allowed forms' });
        break;
      default:
        issues.push({ path: at, message: error.message ?? error.keyword });
    }
  }
  const unique = new Map([...issues, ...composite].map((i) => [`${i.path} ${i.message}`, i]));
  return [...unique.values()];
}

function validationMiddleware(setup: ClientSetup): Middleware {
  const lookup = createOperationLookup(setup.operations);
  return {
    async onRequest({ request, schemaPath }) {
      const operation = lookup(request.method, schemaPath);
      setRequestContext(request, { provider: setup.provider, operation: operation?.operationId });
      const validate = operation ? setup.validators[operation.operationId] : undefined;
      if (!validate) return undefined;
      // The text the request remembers, without a turn of the event loop when it has one.
      const text = knownBodyText(request) ?? (await requestBodyText(request));
      let body: unknown;
      try {
        body = text === '' || text === null ? undefined : JSON.parse(text);
      } catch {
        throw new ValidationError({
          provider: setup.provider,
          operation: operation!.operationId,
          issues: [{ path: 'body', message: 'is not JSON' }],
        });
      }
      if (!validate(body)) {
        throw new ValidationError({
          provider: setup.provider,
          operation: operation!.operationId,
          method: request.method,
          url: request.url,
          secrets: setup.secrets(),
          issues: issuesFromValidator(validate),
        });
      }
      return undefined;
    },
  };
}

function errorMiddleware(setup: ClientSetup): Middleware {
  const lookup = createOperationLookup(setup.operations);
  return {
    async onResponse({ request, response, schemaPath }) {
      if (response.ok || setup.options.throwOnError === false) return undefined;
      const operation = lookup(request.method, schemaPath);
      throw errorFromResponse(
        {
          provider: setup.provider,
          operation: operation?.operationId,
          method: request.method,
          url: request.url,
          secrets: setup.secrets(),
          now: setup.options.now?.().getTime(),
        },
        response,
        await response.clone().text(),
      );
    },
  };
}

/**
 * Builds the typed openapi-fetch client of one provider. Middleware order: on the way out,
 * validation then the provider's middleware (so nothing invalid is ever signed or sent); on the way
 * back, the provider's middleware (re-authentication, version renegotiation) then error mapping.
 */
export function createProviderClient<Paths extends {}>(setup: ClientSetup): Client<Paths> {
  // Clients check their endpoint first with their credentials to scrub; this is the backstop.
  assertCredentialSafeUrl(setup.baseUrl, 'endpoint', { provider: setup.provider });
  const { options } = setup;
  const client = createClient<Paths>({
    baseUrl: setup.baseUrl,
    // Requests that remember their serialized body (read by validation, signing and retries
    // without cloning the body stream).
    Request: TextBodyRequest,
    // Credentials are never replayed to wherever a 3xx points: the redirect comes back as an
    // error response (an ApiError) instead of being followed.
    redirect: 'manual',
    fetch: createResilientFetch({
      provider: setup.provider,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      maxRetries: options.maxRetries,
      baseDelayMs: options.baseDelayMs,
      maxDelayMs: options.maxDelayMs,
      onRetry: options.onRetry,
      random: options.random,
      sleep: options.sleep,
      now: options.now ? () => options.now!().getTime() : undefined,
      secrets: setup.secrets,
    }),
  });
  // onResponse runs in reverse registration order: register error mapping first so it runs last.
  client.use(errorMiddleware(setup), validationMiddleware(setup), ...setup.middleware);
  return client;
}

/**
 * Generated types mark some headers required that the client sets itself (e.g. Huawei's
 * `X-Sdk-Date`). This makes those headers optional in every operation of `Paths`.
 */
export type WithManagedHeaders<Paths, Managed extends string> = {
  [P in keyof Paths]: {
    [M in keyof Paths[P]]: M extends
      'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options'
      ? ManagedOperation<Paths[P][M], Managed>
      : Paths[P][M];
  };
};

type ManagedOperation<Op, Managed extends string> = Op extends { parameters: infer Params }
  ? Omit<Op, 'parameters'> & { parameters: ManagedParameters<Params, Managed> }
  : Op;

type ManagedParameters<Params, Managed extends string> = Params extends { header: infer Header }
  ? Omit<Params, 'header'> & {
      header?: Omit<Header, Managed> & Partial<Pick<Header, Managed & keyof Header>>;
    }
  : Params;

/** A server entry of a spec (generated/<p>.meta.ts `servers`). */
export interface ServerTemplate {
  readonly url: string;
  readonly variables: Readonly<
    Record<string, { readonly default: string; readonly enum?: readonly string[] }>
  >;
}

/**
 * Expands a spec's server URL template (`https://virtualserver.{region}.{environment}...`) with the
 * given variables, defaults for the rest. A value outside the spec's enum is a ValidationError.
 */
export function expandServerUrl(
  server: ServerTemplate,
  values: Readonly<Record<string, string | undefined>>,
  provider: ProviderKey,
): string {
  return server.url.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const variable = server.variables[name];
    const value = values[name] ?? variable?.default;
    if (value === undefined || value === '') {
      throw new ValidationError({
        provider,
        issues: [{ path: name, message: 'is required to build the endpoint URL' }],
      });
    }
    if (variable?.enum && !variable.enum.includes(value)) {
      throw new ValidationError({
        provider,
        issues: [
          { path: name, message: `must be one of ${variable.enum.join(', ')} (got ${value})` },
        ],
      });
    }
    if (!/^[A-Za-z0-9._~-]+$/.test(value)) {
      throw new ValidationError({
        provider,
        issues: [{ path: name, message: 'may only contain letters, digits and . _ ~ -' }],
      });
    }
    return value;
  });
}
