/** Domain errors of the accounts module; the API edge maps them to 404/409/403. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}
export class ConflictError extends Error {
  override name = 'ConflictError';
}
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}
