/**
 * What the server accepts (docs/api.md, "COP library files"), checked on the device first so a
 * person learns at once, offline too, rather than after sending 30 MB. The server has the last
 * word: it decides the type by content, and its size limit (which the device learns from
 * `GET /api/limits`, upload-limit.svelte.ts) may be configured other than this default.
 */

/** The server's default MAX_UPLOAD_BYTES (25 MB, decimal as the server counts). */
export const MAX_FILE_BYTES = 25 * 1000 * 1000;

/** Names the server's content check accepts; a file input offers these first. */
export const ACCEPTED_EXTENSIONS = [
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  '.txt',
  '.csv',
  '.md'
] as const;

export function hasAcceptedExtension(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Types a browser shows inside the page (the server serves these `inline`). */
export function previewKind(contentType: string): 'image' | 'pdf' | null {
  if (/^image\/(png|jpeg|gif|webp)$/.test(contentType)) return 'image';
  if (contentType === 'application/pdf') return 'pdf';
  return null;
}

/** A type the browser can guess from a file's name when it gave none (phones often do). */
export function contentTypeOf(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  const known: Record<string, string> = {
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    webp: 'image/webp',
    txt: 'text/plain',
    csv: 'text/csv',
    md: 'text/markdown'
  };
  return known[ext] ?? 'application/octet-stream';
}

/** "2.4 MB" / "2,4 Mo": decimal units, like the limit. */
export function formatBytes(bytes: number, language: 'en' | 'fr'): string {
  const units = language === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: digits }).format(value);
  return `${number}${language === 'fr' ? '\u00a0' : ' '}${units[unit]}`;
}
