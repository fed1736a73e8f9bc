/**
 * Request bodies: JSON only, capped in size, checked against a valibot schema. A refusal names
 * the field, e.g. `email: must be an email address` (in the person's language), and changes
 * nothing. The size cap is enforced while the body streams in (`jsonBodyLimit`, mounted on the
 * API), so a huge body is refused after 64 KiB have arrived, never buffered whole.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import { apiMessages } from '../messages/api-messages';
import { ApiError } from './api-error';
import { requestLanguage } from './request-language';

/** No API body is larger than a COP description; 64 KiB leaves room and stops abuse. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

function tooLarge(): never {
  // The rest of the body is never read: the connection cannot be reused.
  throw new ApiError(413, 'too_large', apiMessages.bodyTooLarge({ kib: MAX_JSON_BODY_BYTES / 1024 }), { Connection: 'close' });
}

/**
 * Refuses a body over 64 KiB before reading it (by its Content-Length) or as soon as that much
 * has streamed in (chunked, or a Content-Length that lies). Routes that stream a larger body
 * themselves (file uploads) are passed over by `streams`.
 */
export function jsonBodyLimit(streams: (c: Context) => boolean): MiddlewareHandler {
  const limit = bodyLimit({ maxSize: MAX_JSON_BODY_BYTES, onError: tooLarge });
  return (c, next) => (streams(c) ? next() : limit(c, next));
}

export async function parseBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  const text = await c.req.text();
  // Also checked here, for a handler mounted where `jsonBodyLimit` is not.
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) tooLarge();
  let data: unknown = {};
  if (text.trim() !== '') {
    try {
      data = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'invalid_input', apiMessages.bodyNotJson());
    }
  }
  return checkInput(c, schema, data);
}

/** Checks a value (a body, a query) against a schema; the first problem names its field. */
export function checkInput<S extends v.GenericSchema>(c: Context, schema: S, data: unknown, fallbackField = 'body'): v.InferOutput<S> {
  const lang = requestLanguage(c);
  const result = v.safeParse(schema, data, { lang });
  if (!result.success) {
    const issue = result.issues[0];
    const field = issue.path?.map((p: { key: unknown }) => String(p.key)).join('.') || fallbackField;
    throw new ApiError(400, 'invalid_input', apiMessages.fieldProblem({ field, problem: issue.message }));
  }
  return result.output;
}
