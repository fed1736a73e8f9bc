/**
 * The errors an API call can end in. The server answers `{error: {code, message}}`; validation
 * messages name the field first (`email: must be an email address`), which `field` picks out so
 * a form can show the message under the right input.
 */
export type ApiErrorCode =
  | 'invalid_input'
  | 'not_signed_in'
  | 'forbidden'
  | 'bad_origin'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'storage_quota_exceeded'
  | 'too_many_requests'
  | 'internal';

// French typography puts a space (often a no-break one) before the colon: `currentPassword : …`.
const FIELD_MESSAGE = /^([A-Za-z][\w.]*)[ \u00a0\u202f]?:\s*(.+)$/s;

/** The server answered with an error status. */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  /** The field a validation message names, if it names one. */
  readonly field: string | undefined;
  /** The message without its field prefix. */
  readonly detail: string;

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** Seconds to wait, from `Retry-After` (429). */
    readonly retryAfter?: number
  ) {
    super(message);
    const match = code === 'invalid_input' ? FIELD_MESSAGE.exec(message) : null;
    this.field = match?.[1];
    this.detail = match?.[2] ?? message;
  }
}

/** The server could not be reached (offline, venue Wi-Fi without internet, server down). */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(cause: unknown) {
    super('The Atelier server could not be reached', { cause });
  }
}

const KNOWN_CODES = new Set<string>([
  'invalid_input',
  'not_signed_in',
  'forbidden',
  'bad_origin',
  'not_found',
  'conflict',
  'too_large',
  'storage_quota_exceeded',
  'too_many_requests',
  'internal'
]);

/** Turns an error response into an ApiRequestError, whatever its body holds. */
export async function errorFromResponse(res: Response): Promise<ApiRequestError> {
  let code: ApiErrorCode = fallbackCode(res.status);
  let message = res.statusText || `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string' && KNOWN_CODES.has(body.error.code)) code = body.error.code as ApiErrorCode;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON (a proxy's error page, say): the status alone decides.
  }
  const retry = Number(res.headers.get('Retry-After'));
  return new ApiRequestError(res.status, code, message, Number.isFinite(retry) && retry > 0 ? retry : undefined);
}

function fallbackCode(status: number): ApiErrorCode {
  switch (status) {
    case 400:
      return 'invalid_input';
    case 401:
      return 'not_signed_in';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'too_large';
    case 429:
      return 'too_many_requests';
    default:
      return 'internal';
  }
}
