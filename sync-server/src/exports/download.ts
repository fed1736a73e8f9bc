/** Responses that download a generated file, with a name that survives any language. */
import type { Context } from 'hono';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function fileNameFor(title: string, extension: string): string {
  const base = title.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'atelier';
  return `${base}.${extension}`;
}

export function download(c: Context, body: string | Uint8Array, type: string, fileName: string) {
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store'
  });
}
