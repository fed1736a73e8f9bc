/**
 * Writing CSV that spreadsheets open safely: the one place every CSV Atelier produces is built.
 * Text cells a spreadsheet would evaluate as a formula are neutralised (OWASP "CSV injection"),
 * numbers the product computes are written as plain numbers, and the file starts with a UTF-8
 * byte-order mark, without which Excel on Windows reads the file as ANSI and breaks accents.
 */

/** U+FEFF: Excel only takes a CSV file for UTF-8 when it starts with this. */
export const UTF8_BOM = '\uFEFF';

/**
 * Leading characters a spreadsheet skips before it looks for a formula sign: every Unicode
 * whitespace (`\s` covers space, tab, newlines, no-break and ideographic spaces, U+FEFF…) plus
 * the zero-width characters and the Mongolian vowel separator that `\s` leaves out.
 */
const SKIPPED_START = /^[\s\u180E\u200B-\u200D\u2060]*/u;
/** Formula signs, ASCII and full-width (Excel and LibreOffice also take ＝＋－＠ as formula starts). */
const FORMULA_SIGN = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;
/** A cell that starts with a tab or a carriage return is neutralised whatever follows. */
const CONTROL_START = /^[\t\r]/;

/** True when a spreadsheet could evaluate this text as a formula. */
export function isFormulaLike(text: string): boolean {
  return CONTROL_START.test(text) || FORMULA_SIGN.test(text.replace(SKIPPED_START, ''));
}

/** A number the product computed (never a person's text), written as is: `-12.50` stays a number. */
export interface CsvNumber {
  readonly csvNumber: string;
}

/** A decimal number with a dot and a fixed number of digits, e.g. an amount in dollars. */
export function csvDecimal(value: number, digits = 2): CsvNumber {
  if (!Number.isFinite(value)) throw new RangeError('csvDecimal: not a finite number');
  return { csvNumber: value.toFixed(digits) };
}

/** Cents as dollars with two decimals and a dot, machine-readable whatever the UI language. */
export const csvDollars = (cents: number): CsvNumber => csvDecimal(cents / 100, 2);

export type CsvValue = string | CsvNumber;

/**
 * One cell: text that could be a formula gets a leading `'` (shown as text, never run), and a
 * cell holding a quote, comma, line break, or that was neutralised, is quoted with quotes doubled.
 */
export function csvCell(value: CsvValue): string {
  if (typeof value !== 'string') return value.csvNumber;
  const safe = isFormulaLike(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as a CSV file: CRLF line ends (RFC 4180), the UTF-8 BOM first; an empty row is a blank line. */
export function csvFile(rows: readonly (readonly CsvValue[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
