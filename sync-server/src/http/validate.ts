/**
 * Request bodies: JSON only, capped in size, checked against a valibot schema. A refusal names
 * the field, e.g. `email: must be an email address`, and changes nothing.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { ApiError } from './api-error';

/** No API body is larger than a COP description; 64 KiB leaves room and stops abuse. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export async function parseBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) {
    throw new ApiError(413, 'too_large', `The request body is larger than ${MAX_JSON_BODY_BYTES / 1024} KiB`);
  }
  let data: unknown = {};
  if (text.trim() !== '') {
    try {
      data = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'invalid_input', 'The request body is not valid JSON');
    }
  }
  const result = v.safeParse(schema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p: { key: unknown }) => String(p.key)).join('.') || 'body';
    throw new ApiError(400, 'invalid_input', `${path}: ${issue.message}`);
  }
  return result.output;
}
