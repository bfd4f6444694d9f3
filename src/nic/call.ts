// One helper the adapters share: an openapi-fetch result whose error answer becomes the typed
// error even when the client was created with `throwOnError: false`.
import { errorFromResponse } from '../core/error-body.js';
import { ResponseBodyError, type ProviderKey } from '../core/errors.js';

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Resolves to the answer's data; throws the typed error of an error answer. */
export async function expectData<T>(
  provider: ProviderKey,
  operation: string,
  pending: Promise<FetchResult<T>>,
): Promise<T | undefined> {
  const { data, error, response } = await pending;
  if (!response.ok) {
    const body = typeof error === 'string' ? error : JSON.stringify(error ?? '');
    throw errorFromResponse(
      { provider, operation, url: response.url || undefined },
      response,
      body,
    );
  }
  return data;
}

/** Like {@link expectData}, for answers that must have a body. */
export async function requireData<T>(
  provider: ProviderKey,
  operation: string,
  pending: Promise<FetchResult<T>>,
): Promise<T> {
  const result = await pending;
  const data = await expectData(provider, operation, Promise.resolve(result));
  if (data === undefined || data === null) {
    // A success without the body the spec promises: the call may still have been carried out.
    throw new ResponseBodyError({
      provider,
      operation,
      status: result.response.status,
      reason: 'invalid-json',
      contentType: result.response.headers.get('content-type') ?? undefined,
      bytesReceived: 0,
      attempts: 1,
    });
  }
  return data;
}
