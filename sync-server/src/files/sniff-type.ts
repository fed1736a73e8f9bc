/**
 * What a file really is, from its first bytes rather than its name or the browser's claim, and
 * whether the library accepts it. The allow-list covers office documents, PDF, images and text.
 * Anything a browser could execute (HTML, SVG, XML) is refused outright. The first bytes give an
 * early answer while the upload streams; office documents (zips) are confirmed from their entries
 * once the whole file has arrived (`confirmFileType`, with the `file-type` package).
 */
import type { Readable } from 'node:stream';
import { fileTypeFromStream } from 'file-type/node';
export interface FileType {
  /** The Content-Type the file is served with. */
  mime: string;
  /** Safe to show inside the app (PDF and raster images); everything else downloads. */
  inline: boolean;
}

const OOXML: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
};
const ODF: Record<string, string> = {
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation'
};
const OLE: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' };
const TEXT: Record<string, string> = { txt: 'text/plain', csv: 'text/csv', md: 'text/markdown' };

const startsWith = (head: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);
const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  // Lone replacement characters come from invalid UTF-8 (binary), except possibly a cut last char.
  const bad = (text.slice(0, -1).match(/\uFFFD/g) ?? []).length;
  if (bad > 0) return false;
  // Markup a browser would run is not "text" here, whatever the name says.
  return !/^\s*<(!doctype|html|svg|\?xml|script)/i.test(text);
}

/** The type of a file from its first bytes and name, or undefined when the library refuses it. */
export function sniffFileType(head: Buffer, fileName: string): FileType | undefined {
  const ext = extensionOf(fileName);
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: 'application/pdf', inline: true };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', inline: true };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', inline: true };
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return { mime: 'image/gif', inline: true };
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return { mime: 'image/webp', inline: true };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // A zip: an office document if its name and its first entry agree; other zips are refused.
    const latin = head.toString('latin1');
    if (OOXML[ext] && /\[Content_Types\]\.xml|_rels\/|docProps\/|word\/|xl\/|ppt\//.test(latin)) return { mime: OOXML[ext]!, inline: false };
    if (ODF[ext] && latin.includes('mimetypeapplication/vnd.oasis.opendocument')) return { mime: ODF[ext]!, inline: false };
    return undefined;
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return OLE[ext] ? { mime: OLE[ext]!, inline: false } : undefined;
  if (TEXT[ext] && looksLikeText(head)) return { mime: `${TEXT[ext]}; charset=utf-8`, inline: false };
  return undefined;
}

const ZIP_BASED = new Set([...Object.values(OOXML), ...Object.values(ODF)]);

/**
 * The type of the whole file, given the guess from its first bytes. Office documents are zips
 * whose first 4 KiB say little (an .xlsx renamed .docx starts like a .docx), so for them the
 * zip's entries are read (`[Content_Types].xml`'s main part, or ODF's `mimetype`) and must name
 * the same type as the file's name; anything else is undefined (refused). Other types are
 * settled by their first bytes.
 */
export async function confirmFileType(guess: FileType, read: () => Readable): Promise<FileType | undefined> {
  if (!ZIP_BASED.has(guess.mime)) return guess;
  const stream = read();
  try {
    const found = await fileTypeFromStream(stream);
    return found?.mime === guess.mime ? guess : undefined;
  } catch {
    return undefined; // not a zip file-type can read: not an office document we accept
  } finally {
    stream.destroy();
  }
}
