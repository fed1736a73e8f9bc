/** The library's words for model values, and model validation errors as field messages. */
import { m } from '$lib/paraglide/messages.js';
import { LIBRARY_LANGUAGES, WorkspaceValidationError, type LibraryItem, type LibraryLanguage } from '@atelier/workspace';

export function languageLabel(language: LibraryLanguage): string {
  return { en: m.lib_language_en, fr: m.lib_language_fr, both: m.lib_language_both }[language]();
}

export const languageOptions = () => LIBRARY_LANGUAGES.map((value) => ({ value, label: languageLabel(value) }));

export function kindLabel(item: LibraryItem): string {
  return item.kind === 'link' ? m.lib_kind_link() : m.lib_kind_file();
}

/** "PDF", "DOCX"… from the file name: short, the same in both languages. */
export function fileFormat(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toUpperCase().slice(0, 6) : '';
}

/** The field and message for an error the model threw, or null when it is not a validation error. */
export function libraryFieldError(error: unknown): { field: string; text: string } | null {
  if (!(error instanceof WorkspaceValidationError)) return null;
  if (error.field === 'url') return { field: 'url', text: m.lib_error_url() };
  if (error.field === 'tags') return { field: 'tags', text: m.lib_error_tag() };
  if (/is required/.test(error.message)) return { field: error.field, text: m.ws_error_required() };
  return { field: error.field, text: m.ws_error_invalid() };
}
