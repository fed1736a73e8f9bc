/** Says in the person's language what went wrong with an API call. */
import { m } from '$lib/paraglide/messages.js';
import { ApiRequestError, NetworkError } from './api-error';

export function describeError(error: unknown): string {
  if (error instanceof NetworkError) return m.error_network();
  if (!(error instanceof ApiRequestError)) return m.error_unexpected();
  switch (error.code) {
    case 'not_signed_in':
      return m.error_not_signed_in();
    case 'forbidden':
    case 'bad_origin':
      return m.error_forbidden();
    case 'not_found':
      return m.error_not_found();
    case 'conflict':
      return m.error_conflict();
    case 'too_many_requests':
      return error.retryAfter ? m.error_too_many_wait({ count: Math.ceil(error.retryAfter / 60) }) : m.error_too_many();
    case 'too_large':
      return m.error_too_large();
    // The server's words say how full the COP is, in the person's language.
    case 'storage_quota_exceeded':
      return error.message;
    case 'invalid_input':
      return m.error_invalid({ detail: error.message });
    default:
      return m.error_server();
  }
}
