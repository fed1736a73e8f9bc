/**
 * The lexical rules of iCalendar (RFC 5545 §3.1 and §3.3.11) that every value must pass through:
 * TEXT escaping, content-line folding on octets, and the CRLF line ending. Kept apart from what
 * goes into a calendar (`icalendar.ts`) because these rules are where injection happens: a bare
 * CR or LF in a value would end the line and let a person's text start a property of its own.
 */

/**
 * A TEXT value: backslash, semicolon and comma escaped, every line break (CRLF, CR, LF, and the
 * Unicode line and paragraph separators) written as `\n`, other control characters dropped
 * (RFC 5545 allows none in TEXT but HTAB).
 */
export function icalText(value: string): string {
  return value
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, '\\$&')
    .replace(/\n/g, '\\n');
}

/** A URI value: only http(s), in its parsed form (no spaces, controls or line breaks). */
export function icalUri(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const encoder = new TextEncoder();

/**
 * Folds one content line so that no physical line is longer than 75 octets (the continuation's
 * leading space counts), breaking only between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** Content lines as an iCalendar stream: each folded, each ended by CRLF. */
export function icalStream(lines: readonly string[]): string {
  return lines.map((l) => `${foldLine(l)}\r\n`).join('');
}

/** A UTC DATE-TIME value, e.g. 20270512T130000Z. */
export function icalUtc(time: number): string {
  return new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
