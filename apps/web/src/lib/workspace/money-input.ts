/**
 * Amounts typed on a phone, in English or French habits ("12.50", "12,50", "1 234,56 $",
 * "$1,234.56"), to integer cents. Returns null when it is not an amount with at most two decimals.
 */
export function parseCents(input: string): number | null {
  let s = input.replace(/[\s\u00a0\u202f$]/g, '');
  if (s.includes(',') && s.includes('.')) s = s.replace(/,/g, '');
  else s = s.replace(',', '.');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
