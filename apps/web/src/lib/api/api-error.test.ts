import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api-error';

describe('ApiRequestError', () => {
  it('finds the field a validation message names in English', () => {
    const error = new ApiRequestError(400, 'invalid_input', 'currentPassword: is not your current password');
    expect(error.field).toBe('currentPassword');
    expect(error.detail).toBe('is not your current password');
  });

  it('does not lose the field when a French message puts a space before the colon', () => {
    for (const space of [' ', '\u00a0', '\u202f']) {
      const error = new ApiRequestError(400, 'invalid_input', `currentPassword${space}: n’est pas votre mot de passe actuel`);
      expect(error.field).toBe('currentPassword');
      expect(error.detail).toBe('n’est pas votre mot de passe actuel');
    }
  });

  it('reads no field from a message that is not about one', () => {
    expect(new ApiRequestError(409, 'conflict', 'Cette adresse : déjà prise').field).toBeUndefined();
  });
});
