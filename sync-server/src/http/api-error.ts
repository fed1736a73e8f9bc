/**
 * The API's error type and its one JSON shape: `{ error: { code, message } }` with a fitting
 * status. Code inside throws ApiError (or a typed domain error mapped here); `onApiError` is the
 * only place that turns errors into responses.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ConflictError, ForbiddenError, NotFoundError } from '../accounts/errors';
import { BlobTooLargeError } from '../files/blob-store';
import { UnsupportedFileTypeError } from '../files/file-upload';
import { log } from '../log';

export type ApiErrorCode =
  | 'invalid_input'
  | 'not_signed_in'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_type'
  | 'too_many_requests'
  | 'bad_origin'
  | 'internal';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export function onApiError(err: Error, c: Context) {
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    return c.json(errorBody(err.code, err.message), err.status);
  }
  if (err instanceof NotFoundError) return c.json(errorBody('not_found', err.message), 404);
  if (err instanceof ConflictError) return c.json(errorBody('conflict', err.message), 409);
  if (err instanceof ForbiddenError) return c.json(errorBody('forbidden', err.message), 403);
  // Refused mid-upload: the rest of the body is never read, so the connection cannot be reused.
  if (err instanceof BlobTooLargeError) return c.json(errorBody('too_large', err.message), 413, { Connection: 'close' });
  if (err instanceof UnsupportedFileTypeError) {
    return c.json(errorBody('unsupported_type', err.message), 415, { Connection: 'close' });
  }
  if (err.message === 'aborted' && 'code' in err && err.code === 'ECONNRESET') {
    log.info('client aborted a request', { path: c.req.path });
    return c.json(errorBody('invalid_input', 'The request was interrupted'), 400);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code: ApiErrorCode = status === 413 ? 'too_large' : status === 400 ? 'invalid_input' : 'internal';
    return c.json(errorBody(code, err.message || 'Request refused'), status);
  }
  log.error('unhandled error', { path: c.req.path, method: c.req.method, error: err.stack ?? String(err) });
  return c.json(errorBody('internal', 'Something went wrong on the server'), 500);
}
