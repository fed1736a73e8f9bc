/**
 * The state of one form: which fields are wrong and why, a message for the whole form, and
 * whether it is being sent. Server validation messages name their field (`email: …`); those land
 * under that field's input (in the server's language, marked as such), the rest above the form.
 */
import { tick } from 'svelte';
import { ApiRequestError } from '$lib/api/api-error';
import { describeError } from '$lib/api/error-message';

export interface FieldError {
  text: string;
  /** Set when the text is not in the UI language (the server writes English). */
  lang?: string;
}

export class FormState {
  errors = $state<Record<string, FieldError>>({});
  general = $state<string | null>(null);
  busy = $state(false);

  constructor(private readonly fields: readonly string[]) {}

  get hasErrors(): boolean {
    return this.general !== null || Object.keys(this.errors).length > 0;
  }

  reset() {
    this.errors = {};
    this.general = null;
  }

  /** Records a field's problem written in the UI language. */
  invalid(field: string, text: string) {
    this.errors = { ...this.errors, [field]: { text } };
  }

  /** Places an API error under its field when the server named one of ours, else above the form. */
  fail(error: unknown, messages: Partial<Record<string, string>> = {}) {
    if (error instanceof ApiRequestError && error.field && this.fields.includes(error.field)) {
      this.errors = { ...this.errors, [error.field]: { text: error.detail, lang: 'en' } };
      return;
    }
    const code = error instanceof ApiRequestError ? error.code : undefined;
    this.general = (code && messages[code]) || describeError(error);
  }

  /** Runs a submission: clears old errors, sets busy, and reports any failure into the form. */
  async submit(form: HTMLFormElement, validate: () => void, send: () => Promise<void>, messages?: Partial<Record<string, string>>) {
    this.reset();
    validate();
    if (this.hasErrors) return this.focusFirstError(form);
    this.busy = true;
    try {
      await send();
    } catch (error) {
      this.fail(error, messages);
      await this.focusFirstError(form);
    } finally {
      this.busy = false;
    }
  }

  /** Moves focus to the first field in error, or to the form's message when no field is. */
  async focusFirstError(form: HTMLFormElement) {
    await tick();
    const target = form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[data-form-message]');
    target?.focus();
  }
}

/** A deliberately loose check: the server has the last word, this only catches typos early. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
