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

/**
 * Cents as the person would type them back, for a form opened on a saved amount: "1234.56" in
 * English, "1234,56" in French (no grouping and no sign, so `parseCents` reads it unchanged).
 */
export function centsForInput(cents: number, language: 'en' | 'fr'): string {
  const whole = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  return `${whole}${language === 'fr' ? ',' : '.'}${rest}`;
}
