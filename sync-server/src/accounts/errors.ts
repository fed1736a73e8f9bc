/**
 * Domain errors of the accounts module (and others); the API edge maps them to 404/409/403 and
 * sends their catalog text (`messages/`) in the person's language.
 */
import { verbatim, type LocalText } from '../messages/define-messages';

abstract class DomainError extends Error {
  /** What the person reads, rendered by the API edge in their language. */
  readonly text: LocalText;
  constructor(message: LocalText | string) {
    const text = typeof message === 'string' ? verbatim(message) : message;
    super(text.in('en'));
    this.text = text;
  }
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
}
export class ConflictError extends DomainError {
  override name = 'ConflictError';
}
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
}
