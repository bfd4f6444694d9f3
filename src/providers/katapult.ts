// Katapult (Krystal) Core API v1 client: the typed openapi-fetch client of specs/katapult.yaml with
// bearer-token auth wired in.
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/katapult.js';
import {
  operations,
  requestBodyValidators,
  servers,
  type OperationId,
} from '../../generated/katapult.meta.js';
import { ValidationError } from '../core/errors.js';
import { Secret } from '../core/redact.js';
import { assertCredentialSafeUrl } from '../core/secure-url.js';
import {
  createProviderClient,
  expandServerUrl,
  type CommonClientOptions,
  pickCommonOptions,
} from './client-kit.js';
import { createKatapultMiddleware } from './katapult-middleware.js';

export { encodeQueryBrackets } from './katapult-middleware.js';

export type KatapultOperationId = OperationId;

/** The Core API base URL from the spec's server, `https://api.katapult.io/core/v1`. */
export function katapultEndpoint(): string {
  return expandServerUrl(servers[0], {}, 'katapult');
}

export interface KatapultClientOptions extends CommonClientOptions {
  /** The Katapult API token, sent as `Authorization: Bearer <token>`. */
  token: string | Secret;
}

/** The Katapult client: openapi-fetch's `Client` over the spec's paths, plus `provider: 'katapult'`. */
export type KatapultClient = Client<paths> & { readonly provider: 'katapult' };

// Visible ASCII, no spaces: anything else cannot travel in the Authorization header as one token.
const TOKEN_CHARS = /^[\x21-\x7e]+$/;

/** Creates the Katapult Core API client. Invalid options throw a ValidationError. */
export function createKatapultClient(options: KatapultClientOptions): KatapultClient {
  const { token: rawToken, ...common } = options;
  const token =
    rawToken instanceof Secret
      ? rawToken
      : typeof rawToken === 'string'
        ? new Secret(rawToken)
        : undefined;
  if (!token || !TOKEN_CHARS.test(token.reveal())) {
    throw new ValidationError({
      provider: 'katapult',
      secrets: token ? [token] : [],
      issues: [
        {
          path: 'token',
          message:
            'is required: a non-empty API token of visible ASCII characters (string or Secret)',
        },
      ],
    });
  }

  const baseUrl = common.endpoint ?? katapultEndpoint();
  // The kit checks this too, but without the token to scrub from its message.
  assertCredentialSafeUrl(baseUrl, 'endpoint', { provider: 'katapult', secrets: [token] });
  const client = createProviderClient<paths>({
    provider: 'katapult',
    baseUrl,
    operations,
    validators: requestBodyValidators,
    options: pickCommonOptions(options),
    secrets: () => [token],
    middleware: [createKatapultMiddleware({ operations, token })],
  });
  return Object.defineProperty(client, 'provider', {
    value: 'katapult',
    enumerable: true,
  }) as KatapultClient;
}
