/** Thrown by accessors when a value would break the model; nothing is written. */
export class WorkspaceValidationError extends Error {
  override name = 'WorkspaceValidationError';
  constructor(
    readonly field: string,
    message: string
  ) {
    super(`${field}: ${message}`);
  }
}

export function requireText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (text === '') throw new WorkspaceValidationError(field, 'is required');
  if (text.length > max) throw new WorkspaceValidationError(field, `must be at most ${max} characters`);
  return text;
}

export function optionalText(field: string, value: string | undefined, max: number): string {
  const text = (value ?? '').trim();
  if (text.length > max) throw new WorkspaceValidationError(field, `must be at most ${max} characters`);
  return text;
}

export function requireOneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new WorkspaceValidationError(field, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** A calendar date as YYYY-MM-DD (no time, no zone: due dates and expense dates). */
export function requireDate(field: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new WorkspaceValidationError(field, 'must be a date like 2026-03-14');
  }
  return value;
}
