/**
 * The API's error type and its one JSON shape: `{ error: { code, message } }` with a fitting
 * status. Code inside throws ApiError (or a typed domain error mapped here); `onApiError` is the
 * only place that turns errors into responses.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ConflictError, ForbiddenError, NotFoundError } from '../accounts/errors';
import { isStorageBusy, STORAGE_RETRY_AFTER_SECONDS } from '../db/storage-busy';
import { BlobTooLargeError } from '../files/blob-store';
import { CopStorageFullError } from '../storage/cop-storage';
import { UnsupportedFileTypeError } from '../files/file-upload';
import { log } from '../log';
import { isLocalText, verbatim, type LocalText } from '../messages/define-messages';
import { megabytes } from '../messages/megabytes';
import { apiMessages } from '../messages/api-messages';
import { lingerAfterRefusal } from './lingering-close';
import { requestLanguage } from './request-language';

export type ApiErrorCode =
  | 'invalid_input'
  | 'not_signed_in'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'storage_quota_exceeded'
  | 'unsupported_type'
  | 'too_many_requests'
  | 'bad_origin'
  | 'unavailable'
  | 'internal';

export class ApiError extends Error {
  override name = 'ApiError';
  /** What the person reads, rendered in their language by `onApiError`. */
  readonly text: LocalText;
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    /** A catalog message (see `messages/`); a plain string is sent as it is, in every language. */
    message: LocalText | string,
    readonly headers: Record<string, string> = {}
  ) {
    const text = typeof message === 'string' ? verbatim(message) : message;
    super(text.in('en'));
    this.text = text;
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** The message of a domain error: the catalog text it carries, else its own (English) message. */
function textOf(err: Error): LocalText {
  const carried = (err as { text?: unknown }).text;
  return isLocalText(carried) ? carried : verbatim(err.message);
}

export function onApiError(err: Error, c: Context) {
  const language = requestLanguage(c);
  const say = (text: LocalText) => text.in(language);
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    if (err.status === 413) lingerAfterRefusal(c);
    return c.json(errorBody(err.code, say(err.text)), err.status);
  }
  if (err instanceof NotFoundError) return c.json(errorBody('not_found', say(textOf(err))), 404);
  if (err instanceof ConflictError) return c.json(errorBody('conflict', say(textOf(err))), 409);
  if (err instanceof ForbiddenError) return c.json(errorBody('forbidden', say(textOf(err))), 403);
  // Refused mid-upload: the rest of the body is never read, so the connection cannot be reused.
  if (err instanceof BlobTooLargeError) {
    lingerAfterRefusal(c);
    return c.json(errorBody('too_large', say(apiMessages.fileTooLarge({ max: err.maxBytes }))), 413, { Connection: 'close' });
  }
  // 413, not 507: a quota does not clear itself, and clients retry a 5xx but not a 413 (the
  // app's upload queue marks the file refused and shows this message). The body may be unread.
  if (err instanceof CopStorageFullError) {
    const text = apiMessages.copStorageFull({ used: megabytes(err.usedBytes), quota: megabytes(err.quotaBytes) });
    return c.json(errorBody('storage_quota_exceeded', say(text)), 413, { Connection: 'close' });
  }
  if (err instanceof UnsupportedFileTypeError) {
    lingerAfterRefusal(c);
    return c.json(errorBody('unsupported_type', say(apiMessages.fileTypeRefused())), 415, { Connection: 'close' });
  }
  // Another process holds the database's write lock: nothing is wrong with the request.
  if (isStorageBusy(err)) {
    return c.json(errorBody('unavailable', say(apiMessages.databaseBusy())), 503, { 'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS) });
  }
  if (err.message === 'aborted' && 'code' in err && err.code === 'ECONNRESET') {
    log.info('client aborted a request', { path: c.req.path });
    return c.json(errorBody('invalid_input', say(apiMessages.requestInterrupted())), 400);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (status === 413) lingerAfterRefusal(c);
    const code: ApiErrorCode = status === 413 ? 'too_large' : status === 400 ? 'invalid_input' : 'internal';
    return c.json(errorBody(code, say(apiMessages.requestRefused())), status);
  }
  log.error('unhandled error', { path: c.req.path, method: c.req.method, error: err.stack ?? String(err) });
  return c.json(errorBody('internal', say(apiMessages.internal())), 500);
}
