import { describe, expect, it } from 'vitest';
import { contentTypeOf, formatBytes, hasAcceptedExtension, MAX_FILE_BYTES, previewKind } from './file-limits';
import { FILE_ID_PATTERN, fileUrl, newFileId } from './file-id';

describe('file limits and ids', () => {
  it('formats sizes in decimal units in each language', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(2_400_000, 'en')).toBe('2.4 MB');
    expect(formatBytes(2_400_000, 'fr')).toBe('2,4\u00a0Mo');
    expect(formatBytes(MAX_FILE_BYTES, 'en')).toBe('25 MB');
  });

  it('accepts office, PDF, image and text names and refuses others by name', () => {
    expect(hasAcceptedExtension('Deck.PPTX')).toBe(true);
    expect(hasAcceptedExtension('notes.md')).toBe(true);
    expect(hasAcceptedExtension('page.html')).toBe(false);
    expect(hasAcceptedExtension('drawing.svg')).toBe(false);
  });

  it('previews only images and PDFs', () => {
    expect(previewKind('image/png')).toBe('image');
    expect(previewKind('application/pdf')).toBe('pdf');
    expect(previewKind('image/svg+xml')).toBeNull();
    expect(previewKind('text/plain')).toBeNull();
  });

  it('guesses a type from the name when the browser gave none', () => {
    expect(contentTypeOf({ name: 'a.PDF', type: '' })).toBe('application/pdf');
    expect(contentTypeOf({ name: 'a.bin', type: '' })).toBe('application/octet-stream');
    expect(contentTypeOf({ name: 'a.pdf', type: 'application/x-pdf' })).toBe('application/x-pdf');
  });

  it('makes file ids the server accepts, different every time', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newFileId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(FILE_ID_PATTERN);
    expect(fileUrl('c1', 'abcdefgh')).toBe('/api/cops/c1/files/abcdefgh');
  });
});
